"""A term across the archive: its share of each year's reports, with the paragraphs that use it.

Share = occurrences per 10,000 characters of that year's report bodies (simplified script, quotes
ignored), so a long report does not look keener than a short one. A year with several reports (the
2026 provinces) adds them up. Every year of the archive is a point, zero included: when a term first
appears, peaks and fades reads off the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Report
from .themes import Bodies, Mention, body_paragraphs, find_mentions

PER_CHARACTERS = 10_000


@dataclass
class YearShare:
    """One year of a term's timeline."""

    year: int
    count: int  # occurrences in the year's reports
    characters: int  # characters of the year's report bodies
    mentions: list[Mention] = field(default_factory=list)

    @property
    def share(self) -> float:
        """Occurrences per 10,000 characters."""
        return PER_CHARACTERS * self.count / self.characters if self.characters else 0.0


_TOTALS: dict[int, tuple[Bodies, dict[int, int]]] = {}


def year_characters(searchable: Bodies) -> dict[int, int]:
    """Characters of the report bodies of each year (counted once per Bodies: every theme's and
    example's timeline asks for the same totals; the Bodies is kept with them so its id stays its own)."""
    found = _TOTALS.get(id(searchable))
    if found is not None and found[0] is searchable:
        return found[1]
    totals: dict[int, int] = {}
    for report in searchable.reports:
        totals[report.meta.year] = totals.get(report.meta.year, 0) + searchable.characters(report)
    _TOTALS.clear()
    _TOTALS[id(searchable)] = (searchable, totals)
    return totals


def term_timeline(term: str, reports: list[Report], searchable: Bodies | None = None,
                  mentions: list[Mention] | None = None) -> list[YearShare]:
    """The term's share in every year of the archive, oldest first."""
    searchable = searchable if searchable is not None else Bodies(reports)
    mentions = mentions if mentions is not None else find_mentions(term, reports, searchable)
    points = {year: YearShare(year, 0, characters) for year, characters in sorted(year_characters(searchable).items())}
    for mention in mentions:
        point = points[mention.report.meta.year]
        point.count += mention.count
        point.mentions.append(mention)
    return list(points.values())


def milestones(points: list[YearShare]) -> tuple[int | None, int | None, int | None]:
    """(first year used, year of the highest share, last year used); None when never used."""
    used = [p for p in points if p.count]
    if not used:
        return None, None, None
    peak = max(used, key=lambda p: (p.share, -p.year))
    return used[0].year, peak.year, used[-1].year


def timeline_as_text(terms: list[str], reports: list[Report]) -> str:
    """Each term's timeline as lines: year, occurrences, share per 10,000 characters, paragraphs."""
    searchable = Bodies(reports)
    out = []
    for term in terms:
        points = term_timeline(term, reports, searchable)
        first, peak, last = milestones(points)
        out.append(f"{term}: 首次 {first} · 高峰 {peak} · 最近 {last}  (次数 / 每万字 / 段落)")
        for point in points:
            bar = "█" * round(point.share * 4)
            places = " ".join(f"{m.report.meta.slug}#{m.paragraph.anchor}" for m in point.mentions[:3])
            more = f" …+{len(point.mentions) - 3}" if len(point.mentions) > 3 else ""
            out.append(f"  {point.year} {point.count:4d} {point.share:6.2f} {bar} {places}{more}")
        out.append("")
    return "\n".join(out)


def browser_data(reports: list[Report], searchable: Bodies, geometry: dict[str, float]) -> dict:
    """What the term timeline page (compare/timeline.html) needs beside the search index to draw any
    term's timeline in the browser, the way term_timeline counts:

    {"per": 10000, "years": [[year, characters], …] oldest first, "skip": {slug: [anchor, …]} the
    paragraphs the search finds that are not counted (annex, a summary's tail of labels), "chart":
    geometry} — the occurrences come from the site's search (its fold: both scripts, full width).
    """
    counted = {(report.meta.slug, paragraph.anchor) for report in reports for _, paragraph in body_paragraphs(report)}
    skip = {}
    for report in reports:
        anchors = [p.anchor for p in report.all_paragraphs() if (report.meta.slug, p.anchor) not in counted]
        if anchors:
            skip[report.meta.slug] = anchors
    return {"per": PER_CHARACTERS, "years": [list(item) for item in sorted(year_characters(searchable).items())],
            "skip": skip, "chart": geometry}
