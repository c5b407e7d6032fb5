"""The home page: the reports as a timeline, the full list, and the way to the glossary."""

from __future__ import annotations

from .. import urls
from ..labels import LEVEL_NAMES
from ..model import NavPlace, Page, Report
from .templating import render

TITLE = "政府工作报告阅读"


def timeline(reports: list[Report], years: list[int]) -> list[tuple[str, str, list[list[tuple[Report, int, int]]]]]:
    """One row per place (by level, then region): (region, level name, cards per year).

    A card is (report, paragraphs, glossary terms it uses with a tooltip).
    """
    order = {level: i for i, level in enumerate(LEVEL_NAMES)}
    by_place: dict[tuple[int, str], list[Report]] = {}
    for report in reports:
        by_place.setdefault((order.get(report.meta.level, 9), report.meta.region), []).append(report)
    rows = []
    for (_, region), place_reports in sorted(by_place.items()):
        level = LEVEL_NAMES.get(place_reports[0].meta.level, "")
        cells = [[card(r) for r in place_reports if r.meta.year == year] for year in years]
        rows.append((region, level, cells))
    return rows


def card(report: Report) -> tuple[Report, int, int]:
    """One report in the timeline: the report, its paragraphs and the glossary terms it uses."""
    paragraphs = report.all_paragraphs()
    terms = {term.entry_anchor for paragraph in paragraphs for term in paragraph.terms if term.tooltip}
    return report, len(paragraphs), len(terms)


def home_page(reports: list[Report], glossary_entries: int) -> Page:
    """The home page of `reports` (in site order); the glossary block only if it has entries."""
    years = sorted({r.meta.year for r in reports})
    body = render("home.md", urls.HOME, years=years, places=timeline(reports, years), reports=reports,
                  glossary_entries=glossary_entries)
    return Page(urls.doc_path(urls.HOME), TITLE, body, NavPlace("首页"))
