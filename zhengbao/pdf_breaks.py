"""Clean stage: remove the page furniture that text copied out of a PDF keeps between two pages.

A paragraph that runs over a page break comes out with the page number and the running header
between its two halves (case 01: "…规模以上工业" / "— 3 —" / "示例市政府工作报告" / "增加值增长2.6%…").
`remove_page_furniture` drops those lines, one `Repair` each (after = "", why = what the line was),
so that join_broken_lines can rejoin the paragraph. Patterns: patterns.chrome; decisions:
docs/text-repairs.md.
"""

from __future__ import annotations

from .chrome import Lines, body_start, content_indexes, drop_marked, visible
from .model import Repair
from .patterns import chrome as cp
from .patterns import front_matter as fm
from .patterns import shapes


def _is_running_header(text: str) -> bool:
    """A title-shaped line short enough to be a page's running header ("示例市政府工作报告")."""
    return len(text) <= cp.RUNNING_HEADER_MAX_CHARS and bool(fm.TITLE_LINE.match(text))


def _bare_numbers_rising(numbers: list[int]) -> bool:
    return len(numbers) >= 2 and all(a < b for a, b in zip(numbers, numbers[1:], strict=False))


def remove_page_furniture(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Drop PDF page numbers (— 3 —, -3-, ·3·, 第3页, 第 3 页 共 20 页, a bare 3) and running headers.

    A page-number form other than a bare number is always furniture. A running header is a
    title-shaped line in the body beside a page number, or between an unfinished sentence and
    its continuation, or repeated. A bare number counts beside other furniture or in a rising run
    of bare numbers, never after a Latin letter (the "2" of "M" / "2", a subscript of the text).
    """
    present = content_indexes(lines)
    texts = {i: visible(lines[i].text) for i in present}
    start = body_start(lines)
    position_of = {i: p for p, i in enumerate(present)}

    def neighbours(i: int) -> list[int]:
        p = position_of[i]
        return present[max(p - 1, 0):p] + present[p + 1:p + 2]

    def bare_candidate(i: int) -> bool:
        p = position_of[i]
        before = texts[present[p - 1]] if p else ""
        return bool(cp.BARE_NUMBER_LINE.match(texts[i])) and not cp.SUBSCRIPT_BASE.search(before)

    def _between_halves(i: int) -> bool:
        """Between an unfinished sentence and a line that does not read on from the number."""
        p = position_of[i]
        if p == 0 or p + 1 == len(present):
            return False
        before, after = texts[present[p - 1]], texts[present[p + 1]]
        return (not shapes.is_terminated(before) and not cp.READS_ON_FROM_NUMBER.match(after)
                and not shapes.starts_block(after) and not before[-1:].isdigit() and not _in_brackets(i))

    def _in_brackets(i: int) -> bool:
        """Between "《" and "》": a web copy's link on its own line ("…审议的《" / "政府工作报告" / "》…")."""
        p = position_of[i]
        before = texts[present[p - 1]] if p else ""
        after = texts[present[p + 1]] if p + 1 < len(present) else ""
        return bool(cp.OPENING_AT_END.search(before) or cp.CLOSING_AT_START.match(after))

    marks: dict[int, str] = {i: "PDF的页码，不是报告正文"
                             for i in present if cp.PAGE_NUMBER_LINE.match(texts[i])}
    bare = [i for i in present if bare_candidate(i)]
    headers = [i for i in present if i > start and _is_running_header(texts[i]) and not _in_brackets(i)]
    body_texts = [texts[i] for i in present if i > start]
    for i in headers:
        content = [n for n in present if n not in marks and n not in bare and n != i]
        earlier = [n for n in content if n < i]
        later = [n for n in content if n > i]
        cut = bool(earlier and later) and not shapes.is_terminated(texts[earlier[-1]]) \
            and not shapes.starts_block(texts[later[0]])
        # Repeated, and not a new copy's title over its date line (a file holding its text twice).
        repeated = body_texts.count(texts[i]) >= 2 and bool(later) and not shapes.is_front_like(texts[later[0]])
        if cut or repeated or any(n in marks or n in bare for n in neighbours(i)):
            marks[i] = "PDF的页眉（每页重复的标题）"
    rising = _bare_numbers_rising([int(texts[i]) for i in bare])
    for i in bare:
        if rising or any(n in marks for n in neighbours(i)) or _between_halves(i):
            marks[i] = "PDF的页码，不是报告正文"
    return drop_marked(lines, marks, "remove_page_furniture")
