"""`build.py --stats`: per report, the structure found and what the cleaning removed or rejoined.

A reader's check that a report was understood: the headings found at each level (一、 sections,
（一） subsections, and the levels below them: 1. / （1） / ①), the headings the source does not
number (an unnumbered heading line the text uses, or 结束语), the lines removed (page chrome,
licence footers, captions…: a Repair whose `after` is empty) with their repair names, and the
broken lines rejoined (a Repair named `join_…`). Nothing here changes the build.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import Report

LOWER_LEVELS = (3, 4, 5)


@dataclass
class ReportStats:
    """Counts for one report; `removed_by_fix` maps a repair name to the lines it removed."""

    slug: str
    level1: int
    level2: int
    lower: dict[int, int]  # heading level (3, 4, 5) → headings of that level
    unnumbered: int
    paragraphs: int
    removed: int
    removed_by_fix: dict[str, int]
    rejoined: int


def heading_level(paragraph: object) -> int:
    """The level of a heading kept among paragraphs (1. / （1） / ①: 3–5), 0 for a body paragraph."""
    return int(getattr(paragraph, "heading_level", 0) or 0)


def report_stats(report: Report) -> ReportStats:
    """The counts of one built report (after link): see the module docstring for each."""
    body = [s for s in report.sections if s.role == "body"]
    headings = [s for s in report.all_sections() if s.role == "body" and not s.added_heading]
    lower = Counter(heading_level(p) for p in report.all_paragraphs())
    removed = [r for r in report.repairs if r.before.strip() and not r.after.strip()]
    return ReportStats(
        slug=report.meta.slug,
        level1=sum(1 for s in body if not s.added_heading),
        level2=sum(1 for s in body for sub in s.subsections if not sub.added_heading),
        lower={level: lower.get(level, 0) for level in LOWER_LEVELS},
        unnumbered=sum(1 for s in headings if not s.label),
        paragraphs=len(report.all_paragraphs()),
        removed=len(removed),
        removed_by_fix=dict(Counter(r.fix for r in removed)),
        rejoined=sum(1 for r in report.repairs if r.fix.startswith("join_")),
    )


def stats_table(reports: list[Report]) -> str:
    """The table `--stats` prints: one row per report, then the archive's totals.

    Columns: 一、 sections, （一） subsections, headings of levels 3/4/5, unnumbered headings,
    paragraphs, lines removed (with the repairs that removed them), breaks rejoined.
    """
    header = (f"{'slug':26} {'一、':>4} {'（一）':>4} {'1.':>4} {'（1）':>4} {'①':>4} {'unnum':>5} "
              f"{'paras':>5} {'removed':>7} {'rejoin':>6}  removed by")
    rows = [header]
    totals = Counter()
    for report in reports:
        s = report_stats(report)
        why = ", ".join(f"{fix} {count}" for fix, count in sorted(s.removed_by_fix.items()))
        rows.append(f"{s.slug:26} {s.level1:>4} {s.level2:>5} {s.lower[3]:>4} {s.lower[4]:>5} {s.lower[5]:>4} "
                    f"{s.unnumbered:>5} {s.paragraphs:>5} {s.removed:>7} {s.rejoined:>6}  {why}")
        totals.update({"level1": s.level1, "level2": s.level2, "l3": s.lower[3], "l4": s.lower[4],
                       "l5": s.lower[5], "unnumbered": s.unnumbered, "paragraphs": s.paragraphs,
                       "removed": s.removed, "rejoined": s.rejoined})
    rows.append(f"{'total (' + str(len(reports)) + ' reports)':26} {totals['level1']:>4} {totals['level2']:>5} "
                f"{totals['l3']:>4} {totals['l4']:>5} {totals['l5']:>4} {totals['unnumbered']:>5} "
                f"{totals['paragraphs']:>5} {totals['removed']:>7} {totals['rejoined']:>6}")
    return "\n".join(rows)
