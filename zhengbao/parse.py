"""Parse stage: turn cleaned logical lines into front matter, sections and paragraphs.

The report is read in three regions, each decided here (never in the clean stage): the front
matter at the top (front.py), the body with its numbered structure (structure.py), and a trailing
block of labels after the last section (the 2023 summary's infographic, structure.tail_start).
"""

from __future__ import annotations

from .front import front_matter_length, parse_front
from .model import CleanReport, Report
from .structure import build_sections, join_wrapped_headings, tail_section, tail_start


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
    if not any(s.role == "body" for s in sections):
        first = body[0].first_line if body else 1
        warnings.append(
            f"{clean.path}:{first}: no section structure found (expected level-1 headings such as '一、…' on "
            "their own line, subsections starting '（一）', or a summary's '1 …' lines) — the text is shown as "
            f"{len(preamble)} plain paragraphs; add the headings to the file if the report has sections")
    return Report(meta=clean.meta, path=clean.path, front=front, preamble=preamble, sections=sections,
                  repairs=clean.repairs + joined, warnings=warnings)
