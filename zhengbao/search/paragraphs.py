"""What search indexes: every paragraph and heading of every report, numbered in one order
(docs/search-format.md).

An item's id is its position in this order: reports newest first (as on the home page); in each
report first its paragraphs in document order, then its *labels*: the headings the text gives (a
phrase that stands only in a heading is found, tests/cases/06) and the chart labels appended to a
summary (the tail section). Labels rank below paragraphs (ranking.LABEL_WEIGHT); keeping them at
the end of their report makes "is a label" one number per report (`label_starts`). Headings are
"section › subsection", numbered in order of first use; items before any heading have heading -1;
a heading item has the heading of the section around it (a section's own item has -1).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..labels import sort_reports
from ..model import Report, Section
from ..urls import report_page

# Section.role of the one-line chart labels appended to a summary: indexed as labels.
CHART_LABELS = "tail"


@dataclass(frozen=True)
class IndexedParagraph:
    """One search result candidate: where it is, what it says."""

    report: int  # position in the index's report list
    anchor: str
    heading: int  # position in the index's heading list; -1 for the preamble
    text: str
    label: bool = False  # a heading or a chart label, not a paragraph of running text


@dataclass(frozen=True)
class IndexedReport:
    """One report as search shows and links it."""

    slug: str
    year: int
    region: str
    title: str
    summary: bool  # the report is a summary (摘要) of a full report
    page: str  # its page from the site root, zhengbao.urls.report_page


def heading_path(*sections: Section | None) -> str:
    """"section › subsection" as results show it; "" outside every section."""
    return " › ".join(s.heading for s in sections if s is not None)


def report_items(report: Report) -> list[tuple[str, str, str, bool]]:
    """(heading path, anchor, text, label) of a report's items: paragraphs, then headings and chart labels."""
    paragraphs, charts = [], []
    for section, sub, paragraph in report.paragraphs_in_context():
        item = (heading_path(section, sub), paragraph.anchor, paragraph.text)
        (charts if section is not None and section.role == CHART_LABELS else paragraphs).append(item)
    headings = []
    for section in report.sections:
        for own, parent in [(section, None)] + [(sub, section) for sub in section.subsections]:
            if not own.added_heading and own.heading:
                headings.append((heading_path(parent), own.anchor, own.heading))
    return ([(*item, False) for item in paragraphs]
            + [(*item, True) for item in headings + charts])


def collect_paragraphs(reports: list[Report]) -> tuple[list[IndexedReport], list[str], list[IndexedParagraph]]:
    """Reports (newest first), headings and items (each report's paragraphs, then its labels)."""
    report_rows: list[IndexedReport] = []
    headings: list[str] = []
    paragraphs: list[IndexedParagraph] = []
    heading_ids: dict[str, int] = {}
    for number, report in enumerate(sort_reports(reports)):
        meta = report.meta
        report_rows.append(IndexedReport(meta.slug, meta.year, meta.region, report.title or meta.slug,
                                         meta.kind == "summary", report_page(meta.slug)))
        for heading, anchor, text, label in report_items(report):
            if heading and heading not in heading_ids:
                heading_ids[heading] = len(headings)
                headings.append(heading)
            paragraphs.append(IndexedParagraph(number, anchor, heading_ids.get(heading, -1), text, label))
    return report_rows, headings, paragraphs


def report_starts(paragraphs: list[IndexedParagraph], reports: int) -> list[int]:
    """The id of each report's first item, one entry for each of the `reports` report rows.

    A report without items gets the id its items would have (the next report's start), so entry
    n belongs to report row n and a paragraph's report is the last entry ≤ its id.
    """
    starts, at = [], 0
    for number in range(reports):
        while at < len(paragraphs) and paragraphs[at].report < number:
            at += 1
        starts.append(at)
    return starts


def label_starts(paragraphs: list[IndexedParagraph], reports: int) -> list[int]:
    """For each report row, the id of its first label (its end if it has none).

    An item is a label when its id is at or after the label start of its report.
    """
    starts = report_starts(paragraphs, reports)
    ends = starts[1:] + [len(paragraphs)]
    return [next((n for n in range(start, end) if paragraphs[n].label), end)
            for start, end in zip(starts, ends, strict=True)]
