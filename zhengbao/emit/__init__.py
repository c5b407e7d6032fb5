"""Emit stage: the site's pages and downloads as data, written once by `write.write_site`.

    emit_site(reports, glossary entries)  → home, glossary, report pages (year pages)
    emit_downloads(reports)               → each report as TXT/JSON, all as JSON + schema, repairs pages
    emit_compare(reports)                 → the 对比 pages and their downloads
    write_site(pages and files, docs_dir) → the docs folder and the navigation MkDocs renders

Emitters return `Page`s and `DataFile`s (model.py) and never write or change a written page; the
navigation is assembled once from the pages' places, in the order the pages are given. Markup
comes from the Jinja2 templates in templates/ (templating.py); URLs from zhengbao/urls.py.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..labels import sort_reports
from ..model import GlossaryEntry, Page, Report
from .compare_pages import emit_compare
from .downloads import emit_downloads
from .glossary_page import glossary_page
from .home import home_page
from .report_pages import cached_report_page, year_pages
from .write import EmittedSite, write_site

__all__ = ["EmittedSite", "emit_compare", "emit_downloads", "emit_site", "write_site"]


def emit_site(reports: list[Report], glossary_entries: list[GlossaryEntry], site_url: str = "") -> Iterator[Page]:
    """Home page, glossary page (if any entries), report pages and (large archives) year pages,
    in navigation order; `site_url` completes the citations (mkdocs.yml `site_url`, may be "").

    One page at a time: the caller writes each before the next is made, so the report pages of a
    large archive are never all in memory at once (about 930 MB at 1,000 reports).
    """
    reports = sort_reports(reports)
    glossary = glossary_page(reports, glossary_entries)
    yield home_page(reports, len(glossary_entries) if glossary else 0)
    if glossary:
        yield glossary
    for report in reports:
        yield cached_report_page(report, reports, site_url)
    yield from year_pages(reports)

