"""The report pages (one per report) and, for a large archive, one page per year that lists them.

Report text is data: paragraphs are HTML blocks with every character escaped, headings Markdown
with every syntax character escaped (templates/report.md, templates/_text.html), so nothing in a
report is ever interpreted as HTML, Markdown or a template. Everything Zhengbao adds to a page
(labels, the editor's title, link marks) carries the class `zb-added` or `zb-mark`, so tests can
tell the report's own text from ours.
"""

from __future__ import annotations

from .. import cache, urls
from ..labels import LEVEL_NAMES, citation_author, kind_mark, section_locator
from ..model import NavPlace, Page, Report, Section
from .templating import render

# Above this many reports the navigation lists years, not reports: every page carries the whole
# navigation, so listing each report would make the site grow with the square of the archive.
NAV_MAX_REPORTS = 40


def sections_in_order(report: Report) -> list[tuple[Section, int, str]]:
    """Every section and subsection with its heading level (1, 2) and citation locator ("二（三）")."""
    out = []
    for section in report.sections:
        out.append((section, 1, section_locator(section, None)))
        out.extend((sub, 2, section_locator(section, sub)) for sub in section.subsections)
    return out


def other_reports(report: Report, reports: list[Report]) -> list[Report]:
    """The reports a report page links to: all others, or above NAV_MAX_REPORTS those of its region."""
    return [r for r in reports if r is not report
            and (len(reports) <= NAV_MAX_REPORTS or r.meta.region == report.meta.region)]


def cached_report_page(report: Report, reports: list[Report], site_url: str = "") -> Page:
    """report_page(), read back from the cache while what it shows is unchanged: the report's whole
    state (glossary marks and related sections included), the entries of the reports it links to,
    the site URL and whether the navigation lists reports."""
    key = cache.key_of(cache.digest_of(report), *(repr(other.meta) for other in other_reports(report, reports)),
                       site_url, str(len(reports) <= NAV_MAX_REPORTS))
    return cache.cached("report-pages", report.meta.slug, key, lambda: report_page(report, reports, site_url))


def report_page(report: Report, reports: list[Report], site_url: str = "") -> Page:
    """The full page of one report; `reports` (in site order) are the others it links to."""
    meta = report.meta
    editor_title = report.title_from_editor or not report.front.title
    heading = "" if editor_title else report.front.title
    # Front lines in source order; the text's own title, when it is the page heading, not twice.
    front_lines = list(report.front.lines)
    if heading and ("title", heading) in front_lines:
        front_lines.remove(("title", heading))
    identity = [str(meta.year), meta.region, LEVEL_NAMES.get(meta.level, meta.level)]
    if meta.kind == "summary":
        identity.append("摘要")
    if meta.script == "traditional":
        identity.append("繁体原文")
    cite = [("author", citation_author(report)), ("title", report.title), ("year", str(meta.year)),
            ("page", urls.report_folder(meta.slug)), ("base", site_url)]
    others = other_reports(report, reports)
    page = urls.report_page(meta.slug)
    body = render("report.md", page, report=report, meta=meta, editor_title=editor_title, heading=heading,
                  front_lines=front_lines, identity=identity, cite=cite, others=others,
                  sections=sections_in_order(report), simplified=meta.script == "traditional")
    nav = None
    if len(reports) <= NAV_MAX_REPORTS:
        nav = NavPlace(meta.region + kind_mark(report), (f"{meta.year}年",))
    return Page(urls.doc_path(page), report.title or meta.slug, body, nav,
                lang="zh-Hant" if meta.script == "traditional" else "zh-Hans")


def year_pages(reports: list[Report]) -> list[Page]:
    """For a large archive only: one page per year listing its reports, newest year first in the nav.

    The nav entry is the year alone ("2024年"), in its decade ("2020年代"); the count is on the year
    page. Every page carries the navigation, so a label that changed with each report added would
    render the whole site again; with Material's navigation.prune a page carries only the decade
    labels and its own decade's years, not every year of the archive.
    """
    if len(reports) <= NAV_MAX_REPORTS:
        return []
    pages = []
    for year in sorted({r.meta.year for r in reports}, reverse=True):
        of_year = [r for r in reports if r.meta.year == year]
        page = urls.year_page(year)
        pages.append(Page(urls.doc_path(page), f"{year}年", render("year.md", page, year=year, reports=of_year),
                          NavPlace(f"{year}年", ("按年份", f"{year // 10 * 10}年代"))))
    return pages
