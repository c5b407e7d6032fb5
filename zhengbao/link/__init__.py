"""Link stage: give every section and paragraph its anchor, and settle title/date/speaker.

Anchors follow the document's own numbering (README, "Anchors"): 二、 → s2, 二（三） → s2-3,
its 4th paragraph → s2-3-p4, paragraphs before the first section → p1, p2…, the annex → annex,
a summary's label block → tail.
"""

from __future__ import annotations

import re

from ..model import Report, Section
from ..patterns import front_matter as fm
from .anchors import AnchorChange, AnchorLock, apply_lock

ANNEX_ANCHOR = "annex"
TAIL_ANCHOR = "tail"


def section_anchor(section: Section, parent: Section | None, listed_before: bool = False) -> str:
    """The anchor a section's numbering gives it (docs/architecture.md, "Anchors").

    An unnumbered part heading (Section.part) is part1, part2…; the numbered list under it keeps
    s1, s2…, so the first 一、 is s1 whatever stands before it; a list under a later part, after an
    earlier part's list (`listed_before`; 1984: 关于外交工作 → 一、…三、), is qualified by its part: part2-s1.
    """
    if section.role == "annex":
        return ANNEX_ANCHOR
    if section.role == "tail":
        return TAIL_ANCHOR
    if section.part:
        return f"part{section.part}"
    if parent is None:
        return f"s{section.ordinal}"
    if parent.part:
        return f"{parent.anchor}-s{section.ordinal}" if listed_before else f"s{section.ordinal}"
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
    listed = False  # a part before this one holds a numbered list
    for section in report.sections:
        section.anchor = unique(section_anchor(section, None))
        for paragraph in section.paragraphs:
            paragraph.anchor = unique(f"{section.anchor}-p{paragraph.number}")
        for sub in section.subsections:
            sub.anchor = unique(section_anchor(sub, section, listed))
            for paragraph in sub.paragraphs:
                paragraph.anchor = unique(f"{sub.anchor}-p{paragraph.number}")
        listed = listed or (section.part > 0 and any(sub.label for sub in section.subsections))
    return report


def editor_title(report: Report) -> str:
    """The title made from the entry when the text has none: "2023年国务院政府工作报告", "…（摘要）"
    for a summary (the entry's kind, or a text whose own generic title says 摘要)."""
    meta = report.meta
    summary = meta.kind == "summary" or "摘要" in report.front.title
    return f"{meta.year}年{meta.region}政府工作报告{'（摘要）' if summary else ''}"


def is_generic_title(title: str) -> bool:
    """A title that names no report in particular ("政府工作报告", "政府工作报告（摘要）"): the national
    reports and many copies carry only this (Wikisource 2022–2023, the district seed, 2026 portals).
    It is shown as written in the front matter, but a reader needs year and region in the page
    title, so the editor's title is used (patterns.front_matter.GENERIC_TITLE)."""
    return bool(fm.GENERIC_TITLE.match(re.sub(r"\s", "", title)))


def settle_metadata(report: Report) -> Report:
    """Editor's values win; otherwise the text's own; a missing or generic title is made from the
    entry (year, region, kind) and labelled as the editor's; date and speaker stay empty when
    neither gives them (nothing is invented)."""
    meta, front = report.meta, report.front
    text_title = "" if is_generic_title(front.title) else front.title
    report.title = meta.title or text_title or editor_title(report)
    report.title_from_editor = report.title != front.title
    report.date = meta.date or front.date
    report.speaker = meta.speaker or front.speaker
    return report


def link_report(report: Report, lock: AnchorLock | None = None) -> tuple[Report, list[AnchorChange]]:
    """Run the link steps for one report: metadata, structural anchors, then the anchor lock."""
    assign_anchors(settle_metadata(report))
    changes = apply_lock(report, lock)
    return report, changes
