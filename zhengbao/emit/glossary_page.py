"""The glossary page: every 名词解释 entry with its definition and where the term appears.

One entry per annex item, numbered as in the source, with a stable anchor (g-<source
slug>-<number>); its definition links the other entries it mentions; "where it appears" links
every paragraph whose term marks point at it, grouped by report (newest first) with counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import cache, urls
from ..compare.statements import paragraph_place
from ..labels import sort_reports
from ..link.terms import TermMatcher, find_marks, matching_text, report_labels
from ..model import GlossaryEntry, NavPlace, Page, Paragraph, Report
from .templating import render

TITLE = "名词解释"
EXCERPT_CHARS = 24  # characters shown either side of a term in a back-link's tooltip


@dataclass
class Use:
    """One paragraph of one report that mentions an entry, how often, and its place as a reader
    cites it ("二（三）第4段", compare.statements.paragraph_place): the link's label."""

    report: Report
    paragraph: Paragraph
    count: int
    excerpt: str
    place: str


@dataclass
class EntryUses:
    """All uses of one entry, by report in the site's order."""

    by_report: dict[str, list[Use]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(use.count for uses in self.by_report.values() for use in uses)


def collect_uses(reports: list[Report]) -> dict[str, EntryUses]:
    """Tooltip marks of every report, gathered per entry anchor."""
    uses: dict[str, EntryUses] = {}
    for report in sort_reports(reports):
        for paragraph in report.all_paragraphs():
            counts: dict[str, list[int]] = {}
            for term in paragraph.terms:
                if term.tooltip:
                    counts.setdefault(term.entry_anchor, []).append(term.start)
            for anchor, starts in counts.items():
                text = paragraph.text
                excerpt = text[max(0, starts[0] - EXCERPT_CHARS):starts[0] + EXCERPT_CHARS]
                entry_uses = uses.setdefault(anchor, EntryUses())
                entry_uses.by_report.setdefault(report.meta.slug, []).append(
                    Use(report, paragraph, len(starts), f"…{excerpt}…", paragraph_place(report, paragraph.anchor)))
    return uses


def glossary_page(reports: list[Report], entries: list[GlossaryEntry]) -> Page | None:
    """The whole glossary page (templates/glossary.md), or None when no report has a glossary; read back
    from the cache while all it shows is the same: the entries, the reports' labels and scripts, and
    each use (its report's metadata, paragraph, count, excerpt and place). Rendering it again on every
    build cost 0.4 s of CPU at 500 reports."""
    if not entries:
        return None
    labels = report_labels(reports)
    uses = collect_uses(reports)
    scripts = {report.meta.slug: report.meta.script for report in reports}
    shown = (entries, labels, scripts, [(anchor, [[(use.report.meta, use.paragraph.anchor, use.count, use.excerpt,
                                                    use.place) for use in report_uses]
                                                  for report_uses in entry_uses.by_report.values()])
                                        for anchor, entry_uses in uses.items()])
    return cache.cached("glossary-page", "glossary", cache.key_of(cache.digest_of(shown)),
                        lambda: _glossary_page(entries, labels, uses, scripts))


def _glossary_page(entries: list[GlossaryEntry], labels: dict[str, str], uses: dict[str, EntryUses],
                   scripts: dict[str, str]) -> Page:
    matcher = TermMatcher(entries)
    by_source: dict[str, list[GlossaryEntry]] = {}
    for entry in entries:
        by_source.setdefault(entry.source_slug, []).append(entry)
    groups = []
    for slug, source_entries in by_source.items():
        shown = []
        for entry in sorted(source_entries, key=lambda e: e.number):
            # In a definition a term is a plain cross-reference to another entry, never itself.
            text = matching_text(entry.definition, scripts.get(entry.source_slug, "simplified"))
            marks = find_marks(text, matcher, labels, tooltip=False, skip=entry)
            shown.append((entry, marks, uses.get(entry.anchor)))
        groups.append((slug, labels.get(slug, slug), shown))
    body = render("glossary.md", urls.GLOSSARY, title=TITLE, groups=groups)
    return Page(urls.doc_path(urls.GLOSSARY), TITLE, body, NavPlace(TITLE))
