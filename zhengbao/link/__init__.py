"""Link stage: give every section and paragraph its anchor, and settle title/date/speaker.

Anchors follow the document's own numbering (README, "Anchors"): 二、 → s2, 二（三） → s2-3,
its 4th paragraph → s2-3-p4, paragraphs before the first section → p1, p2…, the annex → annex,
a summary's label block → tail.
"""

from __future__ import annotations

from ..model import Report, Section
from .anchors import AnchorChange, AnchorLock, apply_lock

ANNEX_ANCHOR = "annex"
TAIL_ANCHOR = "tail"


def section_anchor(section: Section, parent: Section | None) -> str:
    """The anchor a section's numbering gives it."""
    if section.role == "annex":
        return ANNEX_ANCHOR
    if section.role == "tail":
        return TAIL_ANCHOR
    if parent is None:
        return f"s{section.ordinal}"
    return f"{parent.anchor}-{section.ordinal}"


def assign_anchors(report: Report) -> Report:
    """Set anchors in place; a repeated number (a typo in the source) gets a suffix to stay unique."""
    used: set[str] = set()

    def unique(anchor: str) -> str:
        candidate, suffix = anchor, 2
        while candidate in used:
            candidate = f"{anchor}-{suffix}"
            suffix += 1
        used.add(candidate)
        return candidate

    for paragraph in report.preamble:
        paragraph.anchor = unique(f"p{paragraph.number}")
    for section in report.sections:
        section.anchor = unique(section_anchor(section, None))
        for paragraph in section.paragraphs:
            paragraph.anchor = unique(f"{section.anchor}-p{paragraph.number}")
        for sub in section.subsections:
            sub.anchor = unique(section_anchor(sub, section))
            for paragraph in sub.paragraphs:
                paragraph.anchor = unique(f"{sub.anchor}-p{paragraph.number}")
    return report


def settle_metadata(report: Report) -> Report:
    """Editor's values win; otherwise the text's own; otherwise empty (nothing is invented)."""
    meta, front = report.meta, report.front
    report.title = meta.title or front.title
    report.title_from_editor = bool(meta.title) and meta.title != front.title
    report.date = meta.date or front.date
    report.speaker = meta.speaker or front.speaker
    return report


def link_report(report: Report, lock: AnchorLock | None = None) -> tuple[Report, list[AnchorChange]]:
    """Run the link steps for one report: metadata, structural anchors, then the anchor lock."""
    assign_anchors(settle_metadata(report))
    changes = apply_lock(report, lock)
    return report, changes
