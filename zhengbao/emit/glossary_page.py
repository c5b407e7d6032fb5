"""The glossary page: every 名词解释 entry with its definition and where the term appears.

Written into the docs folder after the report pages (a feature stage of cli.main): one entry
per annex item, numbered as in the source, with a stable anchor (g-<source slug>-<number>); its
definition links the other entries it mentions; "where it appears" links every paragraph whose
term marks point at it, grouped by report (newest first) with counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..labels import sort_reports
from ..link.glossary import glossary_entries
from ..link.terms import TermMatcher, find_marks, matching_text, report_labels
from ..markup import escape_markdown, escape_text, tooltip_attribute
from ..model import GlossaryEntry, Paragraph, Report
from . import EmittedSite, marked_html

GLOSSARY_URL = "glossary/index.md"
GLOSSARY_TITLE = "名词解释"
EXCERPT_CHARS = 24  # characters shown either side of a term in a back-link's tooltip


@dataclass
class Use:
    """One paragraph of one report that mentions an entry, and how often."""

    report: Report
    paragraph: Paragraph
    count: int
    excerpt: str


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
                    Use(report, paragraph, len(starts), f"…{excerpt}…"))
    return uses


def uses_html(uses: EntryUses | None) -> str:
    """The "where it appears" block of one entry."""
    if uses is None or not uses.by_report:
        return '<div class="zb-added zb-glossary-uses"><p>正文中未出现（仅见于附件）。</p></div>'
    items = []
    for report_uses in uses.by_report.values():
        report = report_uses[0].report
        count = sum(use.count for use in report_uses)
        links = " ".join(
            f'<a href="../reports/{escape_text(report.meta.slug)}/index.html#{escape_text(use.paragraph.anchor)}" '
            f'title="{tooltip_attribute(use.excerpt)}">¶ {escape_text(use.paragraph.anchor)}</a>'
            + (f"×{use.count}" if use.count > 1 else "")
            for use in report_uses)
        kind = "（摘要）" if report.meta.kind == "summary" else ""
        items.append(f'<li data-report="{escape_text(report.meta.slug)}" data-count="{count}">'
                     f"{report.meta.year} {escape_text(report.meta.region)}{kind}：{count} 处 · {links}</li>")
    return (f'<div class="zb-added zb-glossary-uses" data-total="{uses.total}"><p>出现位置：共 {uses.total} 处</p>'
            f'<ul>{"".join(items)}</ul></div>')


def entry_markdown(entry: GlossaryEntry, matcher: TermMatcher, labels: dict[str, str],
                   uses: EntryUses | None) -> list[str]:
    """One entry: heading with its anchor, definition with cross-links, source link, uses."""
    text = entry.definition
    marks = find_marks(matching_text(text, "simplified"), matcher, labels, tooltip=False, skip=entry)
    source = (f'<a class="zb-added zb-glossary-source" href="../reports/{escape_text(entry.source_slug)}/index.html'
              f'#{escape_text(entry.paragraph_anchor)}">原文</a>')
    return [
        f"### {escape_markdown(f'{entry.number}. {entry.term}')} {{: #{entry.anchor} }}", "",
        f'<p class="zb-glossary-def">{marked_html(text, marks, "")} {source}</p>', "",
        uses_html(uses), "",
    ]


def glossary_markdown(reports: list[Report], entries: list[GlossaryEntry]) -> str:
    """The whole glossary page: one group per defining report, entries in source order."""
    matcher = TermMatcher(entries)
    labels = report_labels(reports)
    uses = collect_uses(reports)
    lines = ["---", f"title: {GLOSSARY_TITLE}", "---", "", f"# {GLOSSARY_TITLE} {{: #top }}", "",
             '<p class="zb-added zb-lead">报告附件“名词解释”的全部词条。正文中的这些词语带有下划虚线：'
             "悬停、聚焦或轻触可看释义，点击来到本页词条；每条下列出它在各报告中出现的段落。</p>", ""]
    by_source: dict[str, list[GlossaryEntry]] = {}
    for entry in entries:
        by_source.setdefault(entry.source_slug, []).append(entry)
    for slug, source_entries in by_source.items():
        label = labels.get(slug, slug)
        lines += [f"## {escape_markdown(label)} · 附件：名词解释 {{: #g-{slug} }}", "",
                  f'<p class="zb-added zb-glossary-count">共 {len(source_entries)} 条，编号同原文。</p>', ""]
        for entry in sorted(source_entries, key=lambda e: e.number):
            lines += entry_markdown(entry, matcher, labels, uses.get(entry.anchor))
    return "\n".join(lines) + "\n"


def add_glossary_page(reports: list[Report], content_dir: Path, emitted: EmittedSite) -> None:
    """Write glossary/index.md, list it in the navigation and link it from the home page."""
    entries = glossary_entries(reports, content_dir)
    if not entries:
        return
    page = emitted.docs_dir / GLOSSARY_URL
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(glossary_markdown(reports, entries), encoding="utf-8")
    emitted.nav.insert(1, {GLOSSARY_TITLE: GLOSSARY_URL})
    home = emitted.docs_dir / "index.md"
    with home.open("a", encoding="utf-8") as out:
        out.write(f'\n<p class="zb-added zb-glossary-home"><a href="glossary/index.html">{GLOSSARY_TITLE}</a>：'
                  f"报告附件中的 {len(entries)} 个词条，及其在各报告中出现的位置。</p>\n")
