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


def chinese_numeral_value(label: str) -> int:
    """Value of a Chinese numeral label: 一 → 1, 十 → 10, 十二 → 12, 二十一 → 21, 一百零一 → 101."""
    if label.isdigit():
        return int(label)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    units = {"十": 10, "百": 100}
    total = current = 0
    for char in label:
        if char in digits:
            current = digits[char]
        elif char in units:
            total += (current or 1) * units[char]
            current = 0
    return total + current


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
        if shapes.is_short_heading(body[start].text):
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


def build_sections(body: list[LogicalLine]) -> tuple[list[Paragraph], list[Section]]:
    """Preamble paragraphs and sections of the body; text that fits no pattern becomes paragraphs."""
    preamble: list[Paragraph] = []
    sections: list[Section] = []
    current_top: Section | None = None
    current: Section | None = None

    def add_paragraph(text: str, line: int) -> None:
        target = current.paragraphs if current else preamble
        target.append(Paragraph(text=text, number=len(target) + 1, source_line=line))

    index = 0
    while index < len(body):
        line = body[index]
        text = line.text
        heading = num.SECTION_HEADING.match(text)
        numbered = num.NUMBERED_SECTION.match(text)
        sub = num.SUBSECTION_START.match(text)
        annex = num.ANNEX_START.match(text)
        in_annex = current_top is not None and current_top.role == "annex"
        if heading and "。" not in text and not in_annex:
            current_top = Section(1, heading["label"], chinese_numeral_value(heading["label"]), text, line.first_line)
            sections.append(current_top)
            current = current_top
        elif numbered and "。" not in text and len(text) <= 60 and not in_annex:
            current_top = Section(1, numbered["label"], int(numbered["label"]), text, line.first_line)
            sections.append(current_top)
            current = current_top
        elif annex and not in_annex:
            heading_text = text
            if index + 1 < len(body) and num.GLOSSARY_TITLE.match(body[index + 1].text) and not annex["rest"]:
                index += 1
                heading_text = f"{text} {body[index].text}"
            current_top = Section(1, "", len(sections) + 1, heading_text, line.first_line, role="annex")
            sections.append(current_top)
            current = current_top
        elif sub and current_top is not None and not in_annex:
            head, rest = split_lead(text)
            current = Section(2, sub["label"], chinese_numeral_value(sub["label"]), head, line.first_line)
            current_top.subsections.append(current)
            if rest:
                add_paragraph(rest, line.first_line)
        elif shapes.is_short_heading(text) and index + 1 < len(body) and not in_annex:
            if current_top is None:
                current_top = Section(1, "", len(sections) + 1, text, line.first_line)
                sections.append(current_top)
                current = current_top
            else:
                current = Section(2, "", len(current_top.subsections) + 1, text, line.first_line)
                current_top.subsections.append(current)
        else:
            add_paragraph(text, line.first_line)
        index += 1
    return preamble, sections
