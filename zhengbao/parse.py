"""Parse stage: turn cleaned logical lines into front matter, sections and paragraphs.

The report is read in three regions, each decided here (never in the clean stage): the front
matter at the top (front.py), the body with its numbered structure (structure.py), and a trailing
block of labels after the last section (the 2023 summary's infographic, tail_start).
"""

from __future__ import annotations

from .front import front_matter_length, parse_front
from .model import CleanReport, LogicalLine, Paragraph, Report, Section
from .patterns import chrome as marks
from .patterns import numbering as num
from .patterns import shapes
from .structure import build_sections, join_wrapped_headings

TAIL_HEADING = "附：原文所附图表文字"


def tail_start(body: list[LogicalLine]) -> int:
    """Index where a trailing block of labels begins (2023 summary), or len(body) if none.

    After the last section heading, the first short unpunctuated line starts the block if most
    lines from there to the end are unpunctuated too (infographic labels and captions), and the
    block reads as labels, not as the section's own text (`is_label_block`).
    """
    last_heading = max((i for i, line in enumerate(body) if shapes.is_numbered_heading(line.text)), default=-1)
    if last_heading < 0:
        return len(body)
    for start in range(last_heading + 1, len(body)):
        if shapes.is_short_heading(body[start].text) and not num.UNNUMBERED_HEADING_OPEN.search(body[start].text):
            rest = body[start:]
            unpunctuated = sum(1 for line in rest if not shapes.is_terminated(line.text))
            if len(rest) >= num.TAIL_MIN_LINES and unpunctuated * 2 > len(rest) and is_label_block(body, start):
                return start
            break
    return len(body)


def is_label_block(body: list[LogicalLine], start: int) -> bool:
    """Whether body[start:] can be a chart's labels rather than the last section's text.

    A section's own text keeps its shape however short its lines are (tests/cases/probes/tail-*):
    it follows its heading directly, or a line that introduces it with a colon (今年重点抓好以下
    民生实事： over a list of short items, 以下重大项目： over project names), or it is numbered (（一）
    subsections, 1. items, 一是 lead-ins). The labels of a printed summary's infographic stand after
    the section's paragraphs, with no number and no introduction (the 2023 summary in content/).
    """
    before = body[start - 1].text.rstrip()
    if shapes.is_numbered_heading(before) or shapes.introduces_list(before):
        return False
    return not any(shapes.number_mark(line.text) or marks.ENUMERATOR_OPENING.match(line.text) for line in body[start:])


def tail_section(tail: list[LogicalLine], ordinal: int) -> Section:
    """The label block as a section of its own, under a heading Zhengbao supplies."""
    section = Section(1, "", ordinal, TAIL_HEADING, tail[0].first_line, role="tail", added_heading=True)
    for line in tail:
        section.paragraphs.append(Paragraph(line.text, len(section.paragraphs) + 1, line.first_line))
    return section


def parse_report(clean: CleanReport) -> Report:
    """Build the report's structure; text that fits no pattern still becomes paragraphs."""
    front_count = front_matter_length(clean.lines)
    body, joined = join_wrapped_headings(clean.lines[front_count:])
    tail_at = tail_start(body)
    body, tail = body[:tail_at], body[tail_at:]
    front = parse_front(clean.lines[:front_count])
    preamble, sections = build_sections(body)
    if tail:
        sections.append(tail_section(tail, len(sections) + 1))
    warnings = list(clean.warnings)
    report = Report(meta=clean.meta, path=clean.path, front=front, preamble=preamble, sections=sections,
                    repairs=clean.repairs + joined, warnings=warnings)
    if report.unsectioned:
        first = body[0].first_line if body else 1
        warnings.append(
            f"{clean.path}:{first}: no section structure found (expected level-1 headings such as '一、…' on "
            "their own line, subsections starting '（一）', or a summary's '1 …' lines) — the text is shown as "
            f"{len(preamble)} plain paragraphs; add the headings to the file if the report has sections")
    return report
