"""Clean stage: remove the page furniture that text copied out of a PDF keeps between two pages.

A paragraph that runs over a page break comes out with the page number and the running header
between its two halves (case 01: "…规模以上工业" / "— 3 —" / "示例市政府工作报告" / "增加值增长2.6%…").
`remove_page_furniture` drops those lines, one `Repair` each (after = "", why = what the line was),
so that `join_broken_lines` can rejoin the paragraph: a line that ends no sentence continues on
the next, unless that one starts something new or the blank lines between say the copy set them
apart (the layout of the copy, hard wraps and indents: pdf_wrap). Patterns: patterns.chrome, patterns.shapes;
decisions: docs/text-repairs.md.
"""

from __future__ import annotations

import re
from collections import Counter

from .chrome import Lines, body_start, content_indexes, drop_marked, visible
from .model import LogicalLine, Repair, SourceLine
from .patterns import chrome as cp
from .patterns import front_matter as fm
from .patterns import numbering as num
from .patterns import shapes
from .pdf_wrap import indented_paragraphs, wrap_evidence

# The reason a page number is removed; a running header of any wording is known by standing beside one.
PAGE_NUMBER_WHY = "PDF的页码，不是报告正文"


def _is_running_header(text: str) -> bool:
    """A title-shaped line short enough to be a page's running header ("示例市政府工作报告", "政 府 工 作 报 告"),
    or a meeting's document mark or a document number (patterns.chrome.RUNNING_HEADER_LINE)."""
    squeezed = "".join(text.split())
    return len(text) <= cp.RUNNING_HEADER_MAX_CHARS and bool(
        fm.TITLE_LINE.match(squeezed) or cp.RUNNING_HEADER_LINE.match(squeezed))


# A fraction at a line's end ("占比3/5") may be the text's own; "3/20" alone is a page number.
_FRACTION_END = re.compile(r"\d\s*[/／]\s*\d{1,4}$")


def _header_words(text: str) -> bool:
    """Words that may be a running header: short, Han characters, no mark and no number of their own."""
    return (0 < len(text) <= cp.RUNNING_HEADER_MAX_CHARS and bool(re.search("[\u4e00-\u9fff]", text))
            and not cp.SENTENCE_INSIDE.search(text) and not cp.COMMA_INSIDE.search(text)
            and not shapes.number_mark(text) and not shapes.is_terminated(text))


def _half_line(texts: list[str]) -> int:
    """Half the median length of the body's lines, in characters: no line inside a PDF paragraph is shorter."""
    lengths = sorted(len(text) for text in texts)
    return lengths[len(lengths) // 2] // 2 if lengths else 0


def _headers_beside_page_numbers(present: list[int], texts: dict[int, str], marks: dict[int, str],
                                 start: int) -> list[int]:
    """Short unpunctuated lines of the body standing beside a page number: a running header of any
    wording when its text does so at least twice (a PDF prints it on every page), or when it follows
    the page number inside a sentence cut by the page break and is shorter than half the copy's
    usual line (no line inside a PDF paragraph is short: "…在市" / "— 3 —" / "奋进新征程" / "人大…")."""
    half_line = _half_line([texts[i] for i in present if i > start])
    content = [i for i in present if i not in marks]
    numbers = {i for i, why in marks.items() if why == PAGE_NUMBER_WHY}
    beside: dict[str, list[int]] = {}
    single: list[int] = []
    for p, i in enumerate(present):
        text = texts[i]
        if (i <= start or i in marks or len(text) > cp.RUNNING_HEADER_MAX_CHARS or cp.SENTENCE_INSIDE.search(text)
                or cp.COMMA_INSIDE.search(text) or shapes.number_mark(text) or shapes.is_terminated(text)
                or shapes.is_front_like(text)):
            continue
        if not any(n in numbers for n in present[max(p - 1, 0):p] + present[p + 1:p + 2]):
            continue
        beside.setdefault(text, []).append(i)
        at = content.index(i)
        before = texts[content[at - 1]] if at > 0 else ""
        # Once: right after the page number, between a full line of an unfinished sentence (no
        # heading's first line) and its continuation.
        if (p > 0 and present[p - 1] in numbers and at < len(content) - 1 and len(text) <= half_line < len(before)
                and not shapes.is_terminated(before) and shapes.number_mark(before) is None
                and not starts_new_line(texts[content[at + 1]])):
            single.append(i)
    return sorted({i for found in beside.values() if len(found) >= 2 for i in found} | set(single))


def _bare_numbers_rising(numbers: list[int]) -> bool:
    return len(numbers) >= 2 and all(a < b for a, b in zip(numbers, numbers[1:], strict=False))


def remove_page_furniture(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Drop PDF page numbers (— 3 —, -3-, ·3·, 第3页, 第 3 页 共 20 页, a bare 3) and running headers.

    A page-number form other than a bare number is always furniture. A running header is a
    title-shaped line in the body beside a page number, or between an unfinished sentence and
    its continuation, or repeated; on the page number's own line ("示例市人民政府 · 3 ·") any short words
    without a mark that repeat so or cut a sentence. A bare number counts beside other furniture or in a
    rising run of bare numbers, never after a Latin letter (the "2" of "M" / "2", a subscript of the text).
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
        reads_on = bool(cp.READS_ON_FROM_NUMBER.match(after)) and not cp.NOT_A_COUNT.match(after)
        return (not shapes.is_terminated(before) and not reads_on
                and not shapes.starts_block(after) and not before[-1:].isdigit() and not _in_brackets(i))

    def _cuts_sentence(i: int) -> bool:
        p = position_of[i]
        return 0 < p < len(present) - 1 and not shapes.is_terminated(texts[present[p - 1]]) \
            and not shapes.starts_block(texts[present[p + 1]])

    def _in_brackets(i: int) -> bool:
        """Between "《" and "》": a web copy's link on its own line ("…审议的《" / "政府工作报告" / "》…")."""
        p = position_of[i]
        before = texts[present[p - 1]] if p else ""
        after = texts[present[p + 1]] if p + 1 < len(present) else ""
        return bool(cp.OPENING_AT_END.search(before) or cp.CLOSING_AT_START.match(after))

    marks: dict[int, str] = {i: PAGE_NUMBER_WHY
                             for i in present if cp.PAGE_NUMBER_LINE.match(texts[i])}
    bare = [i for i in present if bare_candidate(i)]
    rests = {i: cp.PAGE_NUMBER_AT_EDGE.sub("", texts[i]) for i in present if i > start}
    rests = {i: rest for i, rest in rests.items() if rest != texts[i]}
    repeats = Counter(rests.values())
    half_line = _half_line([texts[i] for i in present if i > start])
    for i, rest in rests.items():
        # Any words beside a page number on one line ("示例市人民政府 · 3 ·"): a running header when they are
        # title-shaped, or short without a mark and repeated so, or, once, cutting a sentence and shorter than
        # half the copy's usual line (a line of the text the page number was set beside is of full width; no
        # "占比3/5" of a text either).
        if _is_running_header(rest) or (_header_words(rest) and (repeats[rest] >= 2 or (
                _cuts_sentence(i) and len(rest) <= half_line and not _FRACTION_END.search(texts[i])))):
            marks[i] = "PDF的页眉和页码，不是报告正文"
    # Beside a page number a title-shaped line is the running header even before a mark that
    # continues the sentence ("…增长107.2%" / "— 3 —" / "北京市人民政府工作报告" / "。全面深化…").
    headers = [i for i in present if i > start and i not in marks and _is_running_header(texts[i])
               and (not _in_brackets(i) or any(n in marks or n in bare for n in neighbours(i)))]
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
            marks[i] = PAGE_NUMBER_WHY
    for i in _headers_beside_page_numbers(present, texts, marks, start):
        marks[i] = "PDF的页眉（紧挨页码、不在正文句中的短行）"
    return drop_marked(lines, marks, "remove_page_furniture")


def join_broken_lines(lines: Lines, source: list[SourceLine] | None = None) -> tuple[Lines, list[Repair]]:
    """Rejoin paragraphs cut by PDF extraction into one logical line each.

    A line that does not end a sentence continues on the next non-empty line, unless that line
    starts something new (a numbered heading, a title, date or speaker line, the salutation 各位代表：
    — never appended to a front line cut before its end — or a note line). A line that stands
    alone when it begins — a numbered heading, a complete title, date or speaker line, a short
    unpunctuated line — takes no continuation; nor does a lead line set apart by more blank lines
    than the copy puts between its paragraphs (Wikisource: "五年来，外交工作开创新局面" above its
    paragraph, 2003 national).
    """
    repairs: list[Repair] = []
    logical: Lines = []
    open_line: LogicalLine | None = None
    present, blanks_before = _with_blank_runs(lines)
    paragraph_gap = Counter(blanks_before[1:]).most_common(1)[0][0] if len(present) > 1 else 0
    endings = _heading_endings([line.text for line in present])
    leads = _lead_ins([line.text for line in present])
    full, indented = wrap_evidence(source or [])
    paragraph_starts = indented_paragraphs(source or [])

    def goes_on(index: int) -> bool:
        """Line `index` is of full page width and the next line opens no block: the page cut it. A line
        that ends a sentence and stands before blank lines in a copy that sets its paragraphs apart by
        them ends its paragraph: a wrap puts no blank line between two pieces of one."""
        return index + 1 < len(present) and full(present[index].last_line, present[index + 1].text) \
            and not _opens_block(present[index + 1], indented) and not (
                shapes.is_terminated(present[index].text) and _blank_between(index + 1))

    blank_source = {line.number for line in source or [] if not line.text.strip()}

    def blank_run(number: int, step: int) -> int:
        """Blank source lines right above (step -1) or under (step 1) source line `number` (0 without the source)."""
        run = 0
        while number + step * (run + 1) in blank_source:
            run += 1
        return run

    def _blank_between(index: int) -> bool:
        """Blank lines of the copy stand before line `index` (none a removed line left: a page number's)."""
        return bool(blanks_before[index]) and \
            present[index].first_line - present[index - 1].last_line - 1 == blanks_before[index]

    for index, line in enumerate(present):
        text = line.text
        following = present[index + 1].text if index + 1 < len(present) else ""
        if open_line is not None and index and goes_on(index - 1):
            # Cut by the page width: this line goes on in it, whatever mark the cut fell after; a
            # shorter line is the block's last unless it ends on no mark.
            open_line = _joined(open_line, line, repairs)
            if not goes_on(index) and (shapes.is_terminated(open_line.text) or _stands_alone(open_line.text, "", leads)):
                logical.append(open_line)
                open_line = None
            continue
        # Set apart by blank lines alone: where a repair removed lines between (a page number and
        # its blank lines), one blank line says nothing; two or more on either side of the removed
        # lines, more than the copy puts between its paragraphs, still set a lead line apart (a page break under
        # a Wikisource copy's "五年来，…" lead line).
        set_apart = blanks_before[index] > paragraph_gap and open_line is not None \
            and (line.first_line - open_line.last_line - 1 == blanks_before[index]
                 or max(blank_run(line.first_line, -1), blank_run(open_line.last_line, 1)) > 1)
        # Across removed lines, in a copy that indents its paragraphs: an unindented line whose next
        # line opens an indented paragraph stands on its own (a page break falls under a heading).
        indent_apart = open_line is not None and line.first_line in paragraph_starts \
            and open_line.first_line not in paragraph_starts \
            and line.first_line - open_line.last_line - 1 != blanks_before[index]
        if open_line is not None and (set_apart or indent_apart) and _is_lead_line(open_line.text):
            logical.append(open_line)
            open_line = None
        if open_line is not None and (not starts_new_line(text) or (
                paragraph_gap and not blanks_before[index] and _wrapped_tail(open_line, line, paragraph_starts))):
            open_line = _joined(open_line, line, repairs)
            if shapes.is_terminated(open_line.text) and not goes_on(index):
                logical.append(open_line)
                open_line = None
            continue
        if open_line is not None:
            logical.append(open_line)
        open_line = LogicalLine(text, line.first_line, line.last_line)
        if goes_on(index):
            continue
        if shapes.is_terminated(text) or (_stands_alone(text, following, leads)
                                          and not _finishes_heading(text, following, endings)):
            logical.append(open_line)
            open_line = None
    if open_line is not None:
        logical.append(open_line)
    return logical, repairs


def _wrapped_tail(open_line: LogicalLine, line: LogicalLine, paragraph_starts: set[int]) -> bool:
    """The last piece of an indented paragraph cut by a hard wrap, though shaped like a heading: in a copy
    that indents its paragraphs and sets them apart by blank lines, an unindented short line on the
    source line right after an indented paragraph's unfinished line ("　　…并请全国政协" + "委员提出意见",
    tools/mess.py pdf_wrap of a Wikisource copy). A heading there follows a blank line."""
    return (open_line.first_line in paragraph_starts and line.first_line not in paragraph_starts
            and line.first_line == open_line.last_line + 1 and shapes.is_short_heading(line.text)
            and not _opens_block(line, set()) and not shapes.is_terminated(open_line.text))


def _joined(open_line: LogicalLine, line: LogicalLine, repairs: list[Repair]) -> LogicalLine:
    """`open_line` with `line` appended (a space between two Latin words), the join listed in `repairs`."""
    text = line.text
    glue = " " if re.search(r"[A-Za-z0-9]$", open_line.text) and re.match(r"[A-Za-z]", text) else ""
    repairs.append(Repair("join_broken_lines", line.first_line,
                          f"…{open_line.text[-12:]} ⏎ {text[:12]}…",
                          f"…{open_line.text[-12:]}{glue}{text[:12]}…",
                          f"第{open_line.last_line}行在句中断开，第{line.first_line}行接续"))
    return LogicalLine(open_line.text + glue + text, open_line.first_line, line.last_line)


def _opens_block(line: LogicalLine, indented: set[int]) -> bool:
    """In a hard-wrapped copy, a line that begins a block of its own after a full line: a numbered
    heading or item, a title, date or speaker line, a note, an indented line where the copy indents
    its paragraphs."""
    text = line.text
    if line.first_line in indented:
        return True
    return (shapes.number_mark(text) is not None or shapes.starts_block(text) or shapes.is_front_like(text)
            or shapes.is_note_line(text) or bool(fm.SALUTATION.match(text))
            or bool(num.ORDINAL_HEADING.match(text)))


def _with_blank_runs(lines: Lines) -> tuple[Lines, list[int]]:
    """The non-blank lines, and for each the number of blank lines just before it."""
    present: Lines = []
    runs: list[int] = []
    run = 0
    for line in lines:
        if line.text.strip():
            present.append(line)
            runs.append(run)
            run = 0
        else:
            run += 1
    return present, runs


def _is_lead_line(text: str) -> bool:
    """A line that may be whole though it ends on no mark: one run of clauses without a sentence
    end inside, not cut on a comma, an opening bracket or a dash."""
    return not cp.SENTENCE_INSIDE.search(text) and not cp.MID_SENTENCE_END.search(text) \
        and not cp.OPENING_AT_END.search(text) and not num.OPEN_END.search(text)


def _heading_endings(texts: list[str]) -> dict[int, tuple[int, int]]:
    """Numbering rank → (short numbered lines ending on a word, ending a sentence) in the copy.

    Only where the others of its rank end a sentence ("（一）聚焦优格局、促协调，推动重大战略部署落地
    落实。", 2024 district report) is a short numbered line without a mark a heading cut by
    extraction; where they end on a word ("（二）着力推动“两创”深度融合，科技支撑作用明显增强",
    a 2026 provincial copy) it is whole.
    """
    counts: dict[int, list[int]] = {}
    for text in texts:
        mark = shapes.number_mark(text)
        if mark is not None and len(text) <= num.NUMBERED_HEADING_MAX_CHARS:
            counts.setdefault(mark.rank, [0, 0])[shapes.is_terminated(text)] += 1
    return {rank: (open_, closed) for rank, (open_, closed) in counts.items()}


def starts_new_line(text: str) -> bool:
    """A line that is never the continuation of an unfinished line before it.

    A number in digits is the exception: after an unfinished sentence it is the sentence's own
    ("…“小巨人”企业" + "12 家、省级…", "…到位资金" + "15亿元以上项目", case 02), not the summary's "12 …"
    numbering nor a short heading (numbering.FIGURE_START).
    """
    if num.NUMBERED_SECTION.match(text) or num.ARABIC_ITEM.match(text) or num.FIGURE_START.match(text):
        return False
    mark = shapes.number_mark(text)
    lower_rank = mark is not None and mark.rank != num.RANK_SECTION and shapes.is_heading_line(text)
    return (shapes.starts_block(text) or lower_rank or shapes.is_front_like(text)
            or shapes.is_short_heading(text) or shapes.is_note_line(text) or bool(fm.SALUTATION.match(text)))


def _finishes_heading(text: str, following: str, endings: dict[int, tuple[int, int]]) -> bool:
    """True if `following` ends a numbered heading sentence cut by extraction: it opens with a
    punctuation mark or closes the sentence within a few characters and no comma (2024 district
    report: "（六）坚定不移提升城市规划建设管理水平，持续优化城" + "市功能品质。坚持…")."""
    mark = shapes.number_mark(text)
    if shapes.is_numbered_heading(text) or not shapes.is_heading_line(text) or starts_new_line(following):
        return False
    first_clause = re.match(r"[^，,。；;]*[，,。；;]?", following)[0]
    if (first_clause.endswith("。") and len(first_clause) <= cp.WORD_END_MAX_CHARS
            and len(text) >= num.HEADING_CUT_MIN_CHARS):
        # "破。" is no sentence: the end of a word cut at the line's end ("（二）…实现新突" + "破。坚持…").
        return True
    open_, closed = endings.get(mark.rank, (1, 0)) if mark else (1, 0)
    if closed < open_ - 1:  # the other headings of its rank end on a word (the line itself counts as open)
        return False
    return bool(re.match(r"[，,、。；;：:）)”》]", following)) or (
        first_clause.endswith("。") and len(first_clause) <= num.HEADING_END_MAX_CHARS
        and len(text) >= num.HEADING_CUT_MIN_CHARS)


def _lead_ins(texts: list[str]) -> tuple[int, int]:
    """(short lines opening on an enumerator without a mark, other lines opening on one) in the copy:
    "一是推动制造业高质量发展" over its paragraph, or "二是科技创新加快引领新质生产力发展。…" run in."""
    alone = [shapes.is_short_heading(text) for text in texts if cp.ENUMERATOR_OPENING.match(text)]
    return sum(alone), len(alone) - sum(alone)


def _stands_alone(text: str, following: str = "", leads: tuple[int, int] = (0, 0)) -> bool:
    """A line that, where it begins, is complete and takes no continuation; never a short unnumbered line
    before a figure that goes on from it ("全年居民人均可支配收入增长" + "6.5%，…", numbering.FIGURE_START).

    A line opening on an enumerator without a mark at its end is a paragraph's first words cut by a PDF
    line ("一是首都功能" + "持续优化提升。…", where 二是 and 三是 run into their paragraphs), unless it is short
    and most of the copy's other enumerator lines stand alone so too (`leads`, _lead_ins): then it is a
    lead-in over its paragraph ("一是推动制造业高质量发展" + "实施先进制造业集群行动。", "二是培育壮大新兴产业" …).
    """
    if cp.ENUMERATOR_OPENING.match(text) and not shapes.is_terminated(text):
        alone = shapes.is_short_heading(text)
        return alone and leads[0] - alone > leads[1]
    if num.FIGURE_START.match(following) and shapes.number_mark(text) is None and not shapes.is_front_like(text):
        return False
    return (shapes.is_numbered_heading(text) or shapes.is_heading_line(text) or shapes.is_short_heading(text)
            or shapes.is_complete_front_line(text) or shapes.is_note_line(text))
