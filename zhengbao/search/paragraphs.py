"""What search indexes: every paragraph of every report, numbered in one order (docs/search-format.md).

A paragraph's id is its position in this order: reports newest first (as on the home page), each
report's paragraphs in document order. Headings are "section › subsection", numbered in order of
first use; paragraphs before any heading have heading -1.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..labels import sort_reports
from ..model import Report
from ..urls import report_page


@dataclass(frozen=True)
class IndexedParagraph:
    """One search result candidate: where it is, what it says."""

    report: int  # position in the index's report list
    anchor: str
    heading: int  # position in the index's heading list; -1 for the preamble
    text: str


@dataclass(frozen=True)
class IndexedReport:
    """One report as search shows and links it."""

    slug: str
    year: int
    region: str
    title: str
    summary: bool  # the report is a summary (摘要) of a full report
    page: str  # its page from the site root, zhengbao.urls.report_page


def collect_paragraphs(reports: list[Report]) -> tuple[list[IndexedReport], list[str], list[IndexedParagraph]]:
    """Reports (newest first), headings and paragraphs in document order."""
    report_rows: list[IndexedReport] = []
    headings: list[str] = []
    paragraphs: list[IndexedParagraph] = []
    heading_ids: dict[str, int] = {}
    for number, report in enumerate(sort_reports(reports)):
        meta = report.meta
        report_rows.append(IndexedReport(meta.slug, meta.year, meta.region, report.title or meta.slug,
                                         meta.kind == "summary", report_page(meta.slug)))
        for section, sub, paragraph in report.paragraphs_in_context():
            heading = " › ".join(s.heading for s in (section, sub) if s is not None)
            if heading and heading not in heading_ids:
                heading_ids[heading] = len(headings)
                headings.append(heading)
            paragraphs.append(IndexedParagraph(number, paragraph.anchor, heading_ids.get(heading, -1), paragraph.text))
    return report_rows, headings, paragraphs


def report_starts(paragraphs: list[IndexedParagraph]) -> list[int]:
    """The id of each report's first paragraph, in report order (reports without paragraphs skipped)."""
    starts, previous = [], -1
    for number, paragraph in enumerate(paragraphs):
        if paragraph.report != previous:
            starts.append(number)
            previous = paragraph.report
    return starts
