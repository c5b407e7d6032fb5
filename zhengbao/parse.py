"""Parse stage: turn cleaned logical lines into front matter, sections and paragraphs.

Structure comes from the document's own numbering: 一、 (level 1), （一） (level 2), the
summary's "1 …" lines (level 1), 附件 (annex). A subsection's lead line "（一）综合实力显著提升。
充分发挥…" becomes the heading "（一）综合实力显著提升。" and the paragraph "充分发挥…".
"""

from __future__ import annotations

import re

from . import patterns as pat
from .clean import is_short_heading
from .model import CleanReport, FrontMatter, LogicalLine, Paragraph, Report, Section

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


def parse_front(lines: list[LogicalLine]) -> FrontMatter:
    """Title, date and speaker lines as written; values extracted from them."""
    front = FrontMatter()
    for line in lines:
        text = line.text
        if pat.DATE_LINE.match(text) and not front.date_line:
            front.date_line = text
            found = pat.DATE_IN_LINE.search(text)
            if found:
                front.date = f"{int(found['y']):04d}-{int(found['m']):02d}-{int(found['d']):02d}"
        elif pat.SPEAKER_LINE.match(text) and not front.speaker_line:
            front.speaker_line = text
            found = pat.SPEAKER_LINE.match(text)
            front.speaker_role = found["role"].strip()
            front.speaker = re.sub(r"\s", "", found["name"])
        else:
            front.title_lines.append(text)
    front.title = front.title_lines[0] if front.title_lines else ""
    return front


def split_lead(text: str) -> tuple[str, str]:
    """Split "（一）综合实力显著提升。充分发挥…" into heading and the rest of the paragraph."""
    found = LEAD_END.match(text)
    if not found:
        return text, ""
    return found[1], found[2]


def parse_report(clean: CleanReport) -> Report:
    """Build the report's structure; text that fits no pattern still becomes paragraphs."""
    front_lines = [line for line in clean.lines if line.role == "front"]
    body = [line for line in clean.lines if line.role == "body"]
    tail = [line for line in clean.lines if line.role == "tail"]
    front = parse_front(front_lines)
    preamble: list[Paragraph] = []
    sections: list[Section] = []
    warnings = list(clean.warnings)
    current_top: Section | None = None
    current: Section | None = None

    def add_paragraph(text: str, line: int) -> None:
        target = current.paragraphs if current else preamble
        target.append(Paragraph(text=text, number=len(target) + 1, source_line=line))

    index = 0
    while index < len(body):
        line = body[index]
        text = line.text
        heading = pat.SECTION_HEADING.match(text)
        numbered = pat.NUMBERED_SECTION.match(text)
        sub = pat.SUBSECTION_START.match(text)
        annex = pat.ANNEX_START.match(text)
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
            if index + 1 < len(body) and pat.GLOSSARY_TITLE.match(body[index + 1].text) and not annex["rest"]:
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
        elif is_short_heading(text) and index + 1 < len(body) and not in_annex:
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
    if tail:
        section = Section(1, "", len(sections) + 1, TAIL_HEADING, tail[0].first_line, role="tail", added_heading=True)
        for line in tail:
            section.paragraphs.append(Paragraph(line.text, len(section.paragraphs) + 1, line.first_line))
        sections.append(section)
    if not any(s.role == "body" for s in sections):
        first = body[0].first_line if body else 1
        warnings.append(
            f"{clean.path}:{first}: no section structure found (expected level-1 headings such as '一、…' on "
            "their own line, subsections starting '（一）', or a summary's '1 …' lines) — the text is shown as "
            f"{len(preamble)} plain paragraphs; add the headings to the file if the report has sections")
    return Report(meta=clean.meta, path=clean.path, front=front, preamble=preamble, sections=sections,
                  repairs=clean.repairs, warnings=warnings)
