"""Parse stage, body structure: sections and subsections from the document's own numbering.

一、 (level 1), （一） (level 2), the summary's "1 …" lines (level 1), 附件 (annex). A subsection's
lead line "（一）综合实力显著提升。充分发挥…" becomes the heading "（一）综合实力显著提升。" and the
paragraph "充分发挥…". A trailing block of labels (the 2023 summary's infographic) is its own section.
"""

from __future__ import annotations

import re

from .model import LogicalLine, Paragraph, Section
from .patterns import numbering as num
from .patterns import shapes

TAIL_HEADING = "附：原文所附图表文字"
LEAD_END = re.compile(r"^(.*?[。！？；])(.*)$")


def split_lead(text: str) -> tuple[str, str]:
    """Split "（一）综合实力显著提升。充分发挥…" into heading and the rest of the paragraph."""
    found = LEAD_END.match(text)
    if not found:
        return text, ""
    return found[1], found[2]


def tail_start(body: list[LogicalLine]) -> int:
    """Index where a trailing block of labels begins (2023 summary), or len(body) if none.

    After the last section heading, the first short unpunctuated line starts the block if most
    lines from there to the end are unpunctuated too (infographic labels and captions).
    """
    last_heading = max((i for i, line in enumerate(body) if shapes.is_numbered_heading(line.text)), default=-1)
    if last_heading < 0:
        return len(body)
    for start in range(last_heading + 1, len(body)):
        if shapes.is_short_heading(body[start].text) and not num.UNNUMBERED_HEADING_OPEN.search(body[start].text):
            rest = body[start:]
            unpunctuated = sum(1 for line in rest if not shapes.is_terminated(line.text))
            if len(rest) >= num.TAIL_MIN_LINES and unpunctuated * 2 > len(rest):
                return start
            break
    return len(body)


def tail_section(tail: list[LogicalLine], ordinal: int) -> Section:
    """The label block as a section of its own, under a heading Zhengbao supplies."""
    section = Section(1, "", ordinal, TAIL_HEADING, tail[0].first_line, role="tail", added_heading=True)
    for line in tail:
        section.paragraphs.append(Paragraph(line.text, len(section.paragraphs) + 1, line.first_line))
    return section


def numbering_levels(body: list[LogicalLine]) -> tuple[int | None, int | None]:
    """The ranks (numbering.RANK_*) the text uses for its level 1 and level 2, None where it uses none.

    Level 1 is the form of the first numbered heading, level 2 the first other form after it.
    Most texts go 一、 → （一）, but a text may put （一） above 一、 (1981 national
    report: （一）当前的经济形势 … （二）今后经济建设的方针
    with 一、…十、 inside), or start at （一） (1958 national report). Forms below the subsection (1. / （1） / ①,
    case 05) are never level 2 under a higher level 1: they are headings of levels 3–5
    (lower_heading_levels) or paragraphs.
    """
    top: int | None = None
    for line in body:
        mark = shapes.number_mark(line.text)
        if mark is None or not _is_heading(line.text, mark):
            continue
        if top is None:
            top = mark.rank
        elif mark.rank != top and (mark.rank <= num.RANK_SUBSECTION or top > num.RANK_SUBSECTION):
            return top, mark.rank
    return top, None


def lower_heading_levels(body: list[LogicalLine], top_rank: int | None, sub_rank: int | None) -> dict[int, int]:
    """Heading level (3, 4, 5) of each numbering form below the subsection the text writes as heading lines.

    Case 05: "1.推动制造业高质量发展" → 3, "（1）扩大有效投资" → 4, "①强化项目储备" → 5; a text that skips a
    form (（1） straight under （一）) gives the next form the next level. A line with a sentence in it
    ("1.医疗卫生方面。全省…", 2026 Zhejiang) is a lead-in paragraph, not a heading.
    """
    used = set()
    for line in body:
        mark = shapes.number_mark(line.text)
        if (mark is not None and mark.rank > num.RANK_SUBSECTION and mark.rank not in (top_rank, sub_rank)
                and shapes.is_heading_line(line.text)):
            used.add(mark.rank)
    return {rank: 3 + index for index, rank in enumerate(sorted(used)[:3])}


def _is_heading(text: str, mark: shapes.NumberMark) -> bool:
    """A numbered heading line, or for （一） also the lead form "（一）综合实力显著提升。充分发挥…"."""
    if mark.rank == num.RANK_SUBSECTION and "。" in text:
        return True
    return shapes.is_heading_line(text)


def _in_sequence(value: int, last: int) -> bool:
    """A level-1 number follows the one before it (one may be missing; the first may be any).

    "12 家、…" after 一、 (case 02) is not the next section.
    """
    return last == 0 or last < value <= last + 2


def build_sections(body: list[LogicalLine]) -> tuple[list[Paragraph], list[Section]]:
    """Preamble paragraphs and sections of the body; text that fits no pattern becomes paragraphs.

    Numbered headings take their number as ordinal (二（三） is s2-3 whatever stands between).
    Unnumbered heading lines (short, between finished paragraphs) are used only where the text
    numbers no heading of that level: a level-1 section where it numbers none, a subsection where
    it numbers no level 2. Before the first numbered level-1 heading they are paragraphs.
    """
    top_rank, sub_rank = numbering_levels(body)
    lower_levels = lower_heading_levels(body, top_rank, sub_rank)
    preamble: list[Paragraph] = []
    sections: list[Section] = []
    current_top: Section | None = None
    current: Section | None = None
    last_top = 0  # number of the last level-1 heading
    heading_before = False  # the line before is a heading this function made
    last_list = 0  # number of the last item of a list in the level-1 form inside the current section

    def add_paragraph(text: str, line: int, heading_level: int = 0) -> None:
        target = current.paragraphs if current else preamble
        target.append(Paragraph(text=text, number=len(target) + 1, source_line=line, heading_level=heading_level))

    index = 0
    while index < len(body):
        line = body[index]
        text = line.text
        mark = shapes.number_mark(text)
        annex = num.ANNEX_START.match(text)
        in_annex = current_top is not None and current_top.role == "annex"
        previous_done = index == 0 or shapes.is_terminated(body[index - 1].text) or heading_before
        heading_before = False
        if in_annex:
            add_paragraph(text, line.first_line)
        elif mark is not None and mark.rank == top_rank and _is_heading(text, mark) and (
                last_list or (mark.value == 1 and last_top) or _in_sequence(mark.value, last_top)):
            if (last_list and mark.value == last_list + 1) or (mark.value == 1 and last_top):
                # A list in the same form inside a section (1986 national report: 一、…五、 inside 二、):
                # its items are paragraphs, and the next section is the number after the section's.
                last_list = mark.value
                add_paragraph(text, line.first_line)
            elif _in_sequence(mark.value, last_top):
                current_top = Section(1, mark.label, mark.value, text, line.first_line)
                sections.append(current_top)
                current = current_top
                last_top, last_list = mark.value, 0
                heading_before = True
            else:
                add_paragraph(text, line.first_line)
        elif annex:
            heading_text = text
            if index + 1 < len(body) and num.GLOSSARY_TITLE.match(body[index + 1].text) and not annex["rest"]:
                index += 1
                heading_text = f"{text} {body[index].text}"
            current_top = Section(1, "", len(sections) + 1, heading_text, line.first_line, role="annex")
            sections.append(current_top)
            current = current_top
        elif mark is not None and mark.rank == sub_rank and current_top is not None and _is_heading(text, mark):
            head, rest = split_lead(text) if "。" in text else (text, "")
            current = Section(2, mark.label, mark.value, head, line.first_line)
            current_top.subsections.append(current)
            heading_before = not rest
            if rest:
                add_paragraph(rest, line.first_line)
        elif mark is not None and mark.rank in lower_levels and current is not None and shapes.is_heading_line(text):
            # A heading below the subsection: a paragraph of its subsection shown as a heading (case 05).
            add_paragraph(text, line.first_line, lower_levels[mark.rank])
            heading_before = True
        elif (shapes.is_short_heading(text) and index + 1 < len(body) and previous_done and mark is None
              and not num.UNNUMBERED_HEADING_OPEN.search(text) and not num.CONTINUATION_START.match(body[index + 1].text)):
            heading_before = True
            if top_rank is None:
                current_top = Section(1, "", len(sections) + 1, text, line.first_line)
                sections.append(current_top)
                current = current_top
            elif current_top is not None and sub_rank is None:
                current = Section(2, "", len(current_top.subsections) + 1, text, line.first_line)
                current_top.subsections.append(current)
            else:
                add_paragraph(text, line.first_line)
        else:
            add_paragraph(text, line.first_line)
        index += 1
    return preamble, sections
