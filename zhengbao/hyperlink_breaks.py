"""Clean stage: rejoin sentences that a web copy cut at its links.

Copied from a wiki page, every link stands on its own line: a law's title between "《" and "》"
(1979 national: "…全会通过的《" / "中共中央关于加快农业发展若干问题的决定（草案）" / "》和《" / …),
a country's or treaty's name ("今年是我国与" / "印度" / "、缅甸共同倡议…", 1984 national), a lone
"、" or "，". Those lines belong together; `join_link_breaks` joins them before any other step
could read a short line as a heading, one `Repair` per join (as join_broken_lines records).
Patterns: patterns.chrome; decisions: docs/text-repairs.md.
"""

from __future__ import annotations

import re

from .chrome import Lines, content_indexes, visible
from .model import LogicalLine, Repair
from .patterns import chrome as cp
from .patterns import front_matter as fm
from .patterns import numbering as num
from .patterns import shapes


def _is_link_text(text: str) -> bool:
    """A short piece of a sentence on its own line: no sentence end or comma, not a heading, front
    line or enumerator (一是 / 一要 are clean.join_lone_enumerators' to join)."""
    return (len(text) <= cp.LINK_TEXT_MAX_CHARS and not shapes.is_terminated(text)
            and not cp.SENTENCE_INSIDE.search(text) and not cp.COMMA_INSIDE.search(text)
            and not shapes.starts_block(text) and not num.LONE_ENUMERATOR.match(text)
            and not shapes.is_front_like(text) and not fm.SALUTATION.match(text))


def _is_open_sentence(text: str) -> bool:
    """A line cut inside a sentence: unfinished, and plainly a sentence's words rather than a
    heading (it ends on a comma, holds a finished sentence, or is longer than any heading)."""
    if shapes.is_terminated(text) or shapes.is_front_like(text):
        return False
    if shapes.starts_block(text) and not cp.SENTENCE_INSIDE.search(text):
        return False
    return bool(cp.MID_SENTENCE_END.search(text) or cp.SENTENCE_INSIDE.search(text)
                or len(text) > cp.HEADING_MAX_CHARS)


def _punctuation_joins(texts: list[str], numbers: list[int]) -> dict[int, str]:
    """Position → reason, for lines after an opening bracket or before a closing mark."""
    joins: dict[int, str] = {}
    for p in range(1, len(texts)):
        before, text = texts[p - 1], texts[p]
        if cp.OPENING_AT_END.search(before):
            joins[p] = f"第{numbers[p - 1]}行以“{before[-1]}”结尾，链接文字在第{numbers[p]}行接续"
        elif cp.CLOSING_AT_START.match(text):
            joins[p] = f"第{numbers[p]}行以“{text[0]}”开头，接续第{numbers[p - 1]}行"
    return joins


def _name_joins(texts: list[str], numbers: list[int], adjacent: list[bool], joins: dict[int, str]) -> None:
    """Add the joins around a linked name on its own line inside a sentence (in place).

    Proven by a mark ("印度" before "、缅甸…") anywhere. Otherwise the line before must be an open
    sentence, and either the copy separates its paragraphs by blank lines (a web copy: lines with no
    blank between are one paragraph) or that line holds a finished sentence and stops unfinished
    (a line of a one-paragraph-per-line copy never does).
    """
    blank_separated = adjacent.count(False) * 2 >= len(adjacent)
    for p in range(1, len(texts)):
        if p in joins or not adjacent[p] or not _is_link_text(texts[p]):
            continue
        start = p - 1
        while start in joins:
            start -= 1
        before = "".join(texts[start:p])
        proven = p + 1 < len(texts) and (p + 1) in joins  # "印度" + "、缅甸…": a piece of a sentence
        follows = p + 1 < len(texts) and adjacent[p + 1] and not shapes.starts_block(texts[p + 1]) \
            and not shapes.is_front_like(texts[p + 1]) and not fm.SALUTATION.match(texts[p + 1])
        if shapes.is_terminated(before) or shapes.is_front_like(before):
            continue
        piece = f"第{numbers[p]}行是第{numbers[p - 1]}行句子的一部分（单独成行的链接）"
        if proven and not shapes.starts_block(before):
            joins[p] = piece
        elif follows and _is_open_sentence(before) and (blank_separated or cp.SENTENCE_INSIDE.search(before)):
            joins[p] = piece
            joins[p + 1] = f"第{numbers[p - 1]}行的句子在第{numbers[p]}行的链接之后继续"


def _paragraph_start_joins(texts: list[str], numbers: list[int], adjacent: list[bool], joins: dict[int, str]) -> None:
    """Add the join after a linked name that opens a paragraph of a web copy (in place): the name
    alone on the paragraph's first line, the sentence going on, with no blank line between, on the
    next (1979 national: "农村人民公社工作条例（试行草案）" / "在经过试行以后，将在明年提请…"). A bare
    number is no such name: it is a PDF page number the furniture repair left ("2" / "总之，…")."""
    if adjacent.count(False) * 2 < len(adjacent):  # not a copy that separates its paragraphs by blank lines
        return
    for p in range(1, len(texts) - 1):
        following = texts[p + 1]
        if (p + 1 not in joins and not adjacent[p] and adjacent[p + 1] and _is_link_text(texts[p])
                and not cp.BARE_NUMBER_LINE.match(texts[p])
                and not fm.ROLE_LINE.match(texts[p]) and cp.COMMA_INSIDE.search(following)
                and not shapes.starts_block(following) and not shapes.is_front_like(following)
                and not fm.SALUTATION.match(following)):
            joins[p + 1] = f"第{numbers[p]}行是段首单独成行的链接文字，句子在第{numbers[p + 1]}行继续"


def join_link_breaks(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Rejoin a sentence a web copy cut at its links: 《 / title / 》, a name on its own line, a lone 、 or ，.

    A line ending on an opening bracket or quote continues on the next line; a line starting with
    a closing bracket or a mark inside a sentence continues the line before. A short unfinished
    line between an unfinished sentence and its continuation (no blank line between) is a linked
    name inside that sentence.
    """
    present = content_indexes(lines)
    texts = [visible(lines[i].text) for i in present]
    numbers = [lines[i].first_line for i in present]
    adjacent = [p > 0 and lines[present[p]].first_line == lines[present[p - 1]].last_line + 1
                for p in range(len(present))]
    joins = _punctuation_joins(texts, numbers)
    _name_joins(texts, numbers, adjacent, joins)
    _paragraph_start_joins(texts, numbers, adjacent, joins)
    if not joins:
        return lines, []
    position = {i: p for p, i in enumerate(present)}
    out: Lines = []
    last_content = -1
    repairs: list[Repair] = []
    for i, line in enumerate(lines):
        p = position.get(i)
        if p is None or p not in joins:
            out.append(line)
            if p is not None:
                last_content = len(out) - 1
            continue
        previous = out[last_content]
        head, tail = previous.text.rstrip(), line.text.strip()
        glue = " " if re.search(r"[A-Za-z0-9]$", head) and re.match(r"[A-Za-z]", tail) else ""
        repairs.append(Repair("join_link_breaks", line.first_line, f"…{head[-12:]} ⏎ {tail[:12]}…",
                              f"…{head[-12:]}{glue}{tail[:12]}…", joins[p]))
        del out[last_content + 1:]
        out[last_content] = LogicalLine(head + glue + tail, previous.first_line, line.last_line)
    return out, repairs
