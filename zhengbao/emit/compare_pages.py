"""The 对比 pages (targets, themes, plans) and their downloads, as data for the writer.

Pages live in compare/ (templates/compare/), one folder below the site root; every number and
quotation links to its source paragraph. All of it is ours (class `zb-added`), none report text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup

from .. import cache, urls
from ..compare.align import PUNCTUATION, report_digest, shared, word_diff, year_on_year
from ..compare.charts import chart_geometry, region_charts, timeline_chart
from ..compare.indicators import INDICATORS
from ..compare.knowledge import LOW_SHARE, TIMELINE_EXAMPLES
from ..compare.regions import Region, group_regions
from ..compare.statements import paragraph_place, section_places
from ..compare.tables import TargetTable, report_targets, statements, target_table
from ..compare.themes import Bodies, Theme, build_themes
from ..compare.timeline import browser_data, milestones, term_timeline
from ..compare.verdicts import NOT_SET, VERDICTS, judge
from ..labels import kind_mark, report_label
from ..model import DataFile, NavPlace, Page, Report
from .downloads import zip_archive
from .templating import TEMPLATES, render

GROUP = "对比"
SNIPPET_CONTEXT = 40  # characters shown either side of a theme's words
FIELDS = ["kind", "region", "region_id", "level", "year", "slug", "indicator", "indicator_label", "value", "number",
          "low", "high", "unit", "factor", "qualifier", "text", "anchor", "place", "href", "verdict", "verdict_rule"]
THEME_SOURCES = {"glossary": "报告附件“名词解释”中的词条，见于一份以上报告",
                 "quoted": "报告自己加引号使用的提法，见于三份以上报告"}
THEME_SOURCE_NAMES = {"glossary": "名词解释", "quoted": "引号提法"}


def compare_label(report: Report) -> str:
    """"2023 广州市摘要": year, region and, for a summary, 摘要."""
    return report_label(report) + kind_mark(report, brackets=False)


def chart_reports(reports: list[Report]) -> list[Report]:
    """Oldest first, the way a thread reads."""
    order = {"city": 0, "district": 1}
    return sorted(reports, key=lambda r: (r.meta.year, order.get(r.meta.level, 2), r.meta.slug))


def _page(name: str, title: str, template: str, nav: str = "", **values: object) -> Page:
    page = urls.compare_page(name)
    body = render(template, page, compare_label=compare_label, **values)
    return Page(urls.doc_path(page), title, body, NavPlace(nav, (GROUP,)) if nav else None)


# Targets --------------------------------------------------------------------------------------------


def target_lists(tables: list[TargetTable]) -> dict[tuple[str, int], tuple[str, str, str]]:
    """(region id, year) → (slug, anchor, place) of the paragraph where that year's report lists its
    targets: what a 未设定 cell cites, the list a reader checks for the missing indicator."""
    return {(table.region.ident, year): listed for table in tables for year, listed in table.lists.items()}


def not_set_rows(table: TargetTable) -> list[dict]:
    """A row of kind "not set" for every indicator (of indicators.INDICATORS) a report's target list
    leaves out: no value, the list's paragraph as its anchor, the verdict's rule saying so. The page's
    table shows the same as 未设定 in the columns of the indicators the region's reports name."""
    rule = judge(None, None).rule
    rows = []
    for year in table.years:
        if year not in table.lists:
            continue
        slug, anchor, place = table.lists[year]
        for indicator in INDICATORS:
            cell = table.cells.get((year, indicator.key))
            if cell is not None and cell.target is not None:
                continue
            rows.append({"kind": NOT_SET, "region": table.region.region, "region_id": table.region.ident,
                         "level": table.region.level, "year": year, "slug": slug, "indicator": indicator.key,
                         "indicator_label": indicator.label, "value": "", "number": None, "low": None,
                         "high": None, "unit": "", "factor": 1.0, "qualifier": "", "text": "", "anchor": anchor,
                         "place": place, "href": urls.paragraph_href(slug, anchor), "verdict": NOT_SET,
                         "verdict_rule": rule})
    return rows


def download_rows(table: TargetTable) -> list[dict]:
    """Every target, outcome and not-set cell of one region, by year, indicator; a year's target (or its
    not-set row) before the outcome stated for it (the downloads list the regions in the page's order)."""
    indicators = {indicator.key: index for index, indicator in enumerate(INDICATORS)}
    rows = statements(table) + not_set_rows(table)
    return sorted(rows, key=lambda row: (row["year"], indicators[row["indicator"]], row["kind"] == "outcome"))


@dataclass
class RegionPart:
    """One region's part of the targets page and downloads: its section of the page, its lines of
    targets.csv and its entries of targets.json (each as it stands in the list: one line, compact)."""

    section: str
    csv_lines: str
    json_entries: list[str]


def region_part(table: TargetTable) -> RegionPart:
    rows = download_rows(table)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    for row in rows:
        writer.writerow({key: "" if row[key] is None else row[key] for key in FIELDS})
    entries = [json.dumps({key: row[key] for key in FIELDS}, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
               for row in rows]
    section = render("compare/targets_region.md", urls.compare_page("targets"), compare_label=compare_label,
                     table=table, charts=region_charts(table), lists=target_lists([table]))
    return RegionPart(section, out.getvalue(), entries)


def region_parts(reports: list[Report], digests: dict[str, str] | None = None) -> list[tuple[Region, RegionPart]]:
    """Every region's part, read back from the cache while what its table reads is the same: the
    region's id and label, its reports' metadata and titles, and their targets, target lists and
    outcomes (tables.report_targets; digests: slug → cache.digest_of, when the caller has them). A
    report added or corrected redoes its own region's part only."""
    digests = digests or {}
    parts = []
    for region in group_regions(reports):
        read = (region.ident, region.label, region.region, region.level,
                [(report.meta, report.title, report.title_from_editor,
                  report_targets(report, digests.get(report.meta.slug))) for report in region.reports])
        parts.append((region, cache.cached("targets-regions", region.ident, cache.key_of(cache.digest_of(read)),
                                           lambda region=region: region_part(target_table(region, digests)))))
    return parts


TARGETS_DOWNLOAD = "targets.zip"  # targets.csv and targets.json (targets_outputs)


def targets_page(reports: list[Report], parts: list[tuple[Region, RegionPart]] | None = None) -> Page:
    parts = parts if parts is not None else region_parts(reports)
    return _page("targets", "目标与完成", "compare/targets.md", "目标与完成", region_list=[region for region, _ in parts],
                 regions=[Markup(part.section) for _, part in parts], download=TARGETS_DOWNLOAD)


def targets_csv(reports: list[Report], parts: list[tuple[Region, RegionPart]] | None = None) -> str:
    parts = parts if parts is not None else region_parts(reports)
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n").writeheader()
    return out.getvalue() + "".join(part.csv_lines for _, part in parts)


def targets_json(reports: list[Report], parts: list[tuple[Region, RegionPart]] | None = None) -> str:
    """{"schema": …, "statements": rows} joined from each region's entries, compact (separators "," and
    ":", keys sorted), a statement a line: indented, the file was a quarter larger (12.6 MB against
    10.1 at 1,000 reports; docs/scale.md, session 8)."""
    parts = parts if parts is not None else region_parts(reports)
    entries = [entry for _, part in parts for entry in part.json_entries]
    return '{"schema":"targets.schema.json","statements":[' + ",".join("\n" + entry for entry in entries) + "\n]}\n"


def targets_outputs(reports: list[Report], digests: dict[str, str]) -> list[Page | DataFile]:
    """The targets page, and targets.csv and targets.json in one zip (TARGETS_DOWNLOAD: 15.1 MB plain at
    1,000 reports, 0.28 times the report text), joined from each region's part (region_parts)."""
    parts = region_parts(reports, digests)
    return [targets_page(reports, parts), DataFile(urls.compare_file(TARGETS_DOWNLOAD), zip_archive(
        [("targets.csv", targets_csv(reports, parts)), ("targets.json", targets_json(reports, parts))]))]


def targets_schema() -> str:
    string = {"type": "string"}
    number = {"type": ["number", "null"]}
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Zhengbao targets and outcomes",
        "description": "Main targets of each report (主要预期目标, found by their wording) and the outcomes the next "
                       "report's review states for that year. targets.csv has the same fields, in this order.",
        "type": "object",
        "required": ["statements"],
        "properties": {"schema": string, "statements": {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": FIELDS,
            "properties": {
                "kind": {"enum": ["target", "outcome", NOT_SET], "description": "a target, the outcome the next "
                         "report states for that year, or not set: the year's list leaves the indicator out"},
                "region": string, "level": string, "slug": string,
                "region_id": {"type": "string", "description": "the region's id on compare/targets.html (#r-<id>)"},
                "year": {"type": "integer", "description": "the year the value is about (an outcome: the year reviewed)"},
                "indicator": string, "indicator_label": string,
                "value": {"type": "string", "description": "the value exactly as written: 6.5%－7%, 8％左右, 回稳向好"},
                "number": {**number, "description": "a single number as read (full-width digits read); null for a range"},
                "low": {**number, "description": "the range's lower end (= number for a single number)"},
                "high": {**number, "description": "the range's upper end (= number for a single number)"},
                "unit": {"enum": ["%", "万人", "万人次", "亿元", "亿斤", "万吨", "个百分点", ""]},
                "factor": {"type": "number", "description": "low/high × factor are in the unit's base (1.3万亿斤 → 亿斤)"},
                "qualifier": {"type": "string", "description": "左右, 以上, 以内, 不低于, 控制在…左右, 力争, 同步, 正增长…"},
                "text": {"type": "string", "description": "the clause as written in the report"},
                "anchor": string,
                "place": {"type": "string", "description": "where a reader finds the paragraph: 二（三）第4段"},
                "href": {"type": "string", "description": "link from the site root to the source paragraph"},
                "verdict": {"enum": list(VERDICTS)},
                "verdict_rule": {"type": "string", "description": "the rule that decided the verdict, in words"},
            }}}},
    }
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# Themes ---------------------------------------------------------------------------------------------


def theme_page(theme: Theme, reports: list[Report], searchable: Bodies) -> Page:
    """A theme: its timeline (share per year, each dot linking to that year below), then per year and
    report the paragraphs that use it, the words highlighted, each led by its place (二（三）第4段).
    An excerpt the same as one shown before in that year (the same words around the theme, as reports
    echo each other's sentences) is its place and where the text stands, not the text again."""
    name = f"theme-{theme.ident}"
    points = term_timeline(theme.phrase, reports, searchable, theme.mentions)
    chart = timeline_chart(theme.ident, theme.phrase, points, lambda year: f"{urls.compare_page(name)}#y{year}")
    years = []
    for point in points:
        groups = []
        shown: dict[tuple, str] = {}  # an excerpt of this year → where it was first shown ("2007 长沙市 二（一）第1段")
        for report in chart_reports([r for r in reports if r.meta.year == point.year]):
            snippets = []
            for mention in (m for m in point.mentions if m.report is report):
                text = mention.paragraph.text
                start, end = max(0, mention.start - SNIPPET_CONTEXT), min(len(text), mention.end + SNIPPET_CONTEXT)
                where = mention.section.heading if mention.section else "前言"
                place = paragraph_place(report, mention.paragraph.anchor) or where
                excerpt = (text[start:mention.start], text[mention.start:mention.end], text[mention.end:end],
                           start > 0, end < len(text))
                snippets.append((mention.paragraph.anchor, place, where, *excerpt, shown.get(excerpt, "")))
                shown.setdefault(excerpt, f"{compare_label(report)} {place}")
            if snippets:
                groups.append((report, compare_label(report), snippets))
        if groups:
            years.append((point, groups))
    return _page(name, f"主题：{theme.phrase}", "compare/theme.md", theme=theme, source=THEME_SOURCES[theme.source],
                 chart=chart, years=years, milestones=milestones(points))


def cached_theme_page(theme: Theme, reports: list[Report], searchable: Bodies, digests: dict[str, str]) -> Page:
    """theme_page(), read back from the cache while what it shows is the same: the theme, each year's
    count and characters (its chart), each mention's place and offsets, and the whole state of the
    reports it quotes (digests: slug → cache.digest_of)."""
    points = [(point.year, point.count, point.characters)
              for point in term_timeline(theme.phrase, reports, searchable, theme.mentions)]
    mentions = [(m.report.meta.slug, m.paragraph.anchor, m.start, m.end, m.count) for m in theme.mentions]
    key = cache.key_of(theme.ident, theme.phrase, theme.source, repr(points), repr(mentions),
                       *sorted({digests[slug] for slug, *_ in mentions}))
    return cache.cached("compare-pages", f"theme-{theme.ident}", key, lambda: theme_page(theme, reports, searchable))


def themes_index(themes: list[Theme], reports: list[Report], searchable: Bodies) -> Page:
    rows = []
    for theme in themes:
        points = term_timeline(theme.phrase, reports, searchable, theme.mentions)
        rows.append((theme, milestones(points), len({m.report.meta.slug for m in theme.mentions})))
    # In the order of the archive's years: first appearance, then the most reports, then the phrase.
    rows.sort(key=lambda row: (row[1][0] or 0, -row[2], row[0].phrase))
    return _page("themes", "主题脉络", "compare/themes.md", "主题脉络", rows=rows, sources=THEME_SOURCE_NAMES)


# Term timeline -------------------------------------------------------------------------------------

TIMELINE_DATA = urls.compare_file("timeline-data.js")
TIMELINE_SCRIPT = urls.compare_file("timeline.js")


def timeline_page(reports: list[Report], searchable: Bodies) -> list[Page | DataFile]:
    """The term timeline page, its data script and its page script; the examples the archive uses drawn
    in advance, each dot linking to the page itself with the term and the year (?q=改革开放#y1995)."""
    name = "timeline"
    examples = []
    for index, term in enumerate(TIMELINE_EXAMPLES, start=1):
        points = term_timeline(term, reports, searchable)
        if not any(point.count for point in points):
            continue
        query = urls.compare_page(name) + "?q=" + quote(term)
        chart = timeline_chart(f"e{index}", term, points, lambda year, query=query: f"{query}#y{year}")
        examples.append((term, chart, milestones(points), sum(point.count for point in points)))
    data = browser_data(reports, searchable, chart_geometry())
    script = "window.zbTimeline = " + json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) \
        .replace("<", "\\u003c") + ";\n"
    return [
        _page(name, "用词走势", "compare/timeline.md", "用词走势", examples=examples, data_script=TIMELINE_DATA,
              page_script=TIMELINE_SCRIPT),
        DataFile(TIMELINE_DATA, script),
        DataFile(TIMELINE_SCRIPT, (TEMPLATES / "compare" / "timeline.js").read_text(encoding="utf-8")),
    ]


# Plans ----------------------------------------------------------------------------------------------


def diff_runs(marked) -> list[tuple[str, bool]]:
    """Tokens joined into runs: (text, changed), alternating, so each run of changed tokens is marked
    once; two changed runs with only punctuation between them (align.PUNCTUATION) are one run, the
    punctuation inside it ("国内条件具备，国际环境有利": one <ins>, not two; the bytes saved are in
    docs/scale.md, session 8)."""
    runs: list[tuple[str, bool]] = []
    for token in marked:
        if runs and runs[-1][1] == token.changed:
            runs[-1] = (runs[-1][0] + token.text, token.changed)
        elif token.changed and len(runs) >= 2 and not runs[-1][0].strip(PUNCTUATION):
            runs[-2:] = [(runs[-2][0] + runs[-1][0] + token.text, True)]
        else:
            runs.append((token.text, token.changed))
    return runs


def plan_page_name(newer: Report) -> str:
    """The page of one year-on-year comparison: "plans-<newer report's slug>" (a slug is unique)."""
    return f"plans-{newer.meta.slug}"


def _in_unit(place: str, unit_place: str | None) -> str:
    """A paragraph's place inside its unit, whose place the entry names: "三（一）第2段" → "第2段"."""
    return place[len(unit_place):] if unit_place and place.startswith(unit_place + "第") else place


def plan_pair_page(region: Region, newer: Report, older: Report, pairings: list) -> Page:
    """One plan beside the plan before it: per unit of the newer plan, its closest unit of the older one,
    word by word; a pair sharing less than knowledge.LOW_SHARE of its characters shows the newer side
    and the share, the older side's paragraphs as links (an entry's share is None when set in full)."""
    new_places, old_places = section_places(newer), section_places(older)
    entries = []
    for pairing in pairings:
        closest, diff, share = None, None, None
        if pairing.match is None:
            closest = pairing.closest
        else:
            marked = word_diff(pairing.new, pairing.match)
            diff = tuple([(paragraph, _in_unit(paragraph_place(report, paragraph.anchor), places.get(unit.section.anchor)),
                           diff_runs(tokens)) for paragraph, tokens in side]
                         for report, places, unit, side in zip((newer, older), (new_places, old_places),
                                                               (pairing.new, pairing.match), marked, strict=True))
            share = shared(marked)
            share = share if share < LOW_SHARE else None
        entries.append((pairing, closest, diff, share))
    title = f"规划变化：{compare_label(newer)} ↔ {compare_label(older)}"
    return _page(plan_page_name(newer), title, "compare/plan_pair.md", region=region, newer=newer, older=older,
                 entries=entries, new_places=new_places, old_places=old_places)


def cached_plan_pair_page(region: Region, newer: Report, older: Report, pairings: list,
                          digests: dict[str, str]) -> Page:
    """plan_pair_page(), read back from the cache while its region is unchanged: the pairings come
    from the region's plans alone, so its reports' whole state (digests: slug → cache.digest_of, each
    report hashed once per build, not once per page of its region), its id and label are the key."""
    key = cache.key_of(region.ident, region.label, *(digests[report.meta.slug] for report in region.reports),
                       newer.meta.slug, older.meta.slug)
    return cache.cached("compare-pages", plan_page_name(newer), key,
                        lambda: plan_pair_page(region, newer, older, pairings))


def plans_page(comparisons: list) -> Page:
    """The index: every region with two plans or more, each year-on-year comparison with its pairing count."""
    regions: dict[str, tuple] = {}
    for region, newer, older, pairings in comparisons:
        paired = sum(1 for p in pairings if p.match is not None)
        regions.setdefault(region.ident, (region, []))[1].append((newer, older, paired, len(pairings)))
    return _page("plans", "规划变化", "compare/plans.md", "规划变化", regions=list(regions.values()),
                 page_name=plan_page_name)


def emit_compare(reports: list[Report]) -> Iterator[Page | DataFile]:
    """The 对比 pages (overview, targets, themes, plans, one page per theme) and the targets downloads,
    one at a time: the writer writes each before the next is made (pipeline._write_in_worker)."""
    digests = {report.meta.slug: report_digest(report) for report in reports}
    searchable = Bodies(reports, digests)
    themes = build_themes(reports, searchable)
    comparisons = year_on_year(reports)
    yield _page("index", "对比", "compare/index.md", "概览")
    yield from targets_outputs(reports, digests)
    yield DataFile(urls.compare_file("targets.schema.json"), targets_schema())
    yield themes_index(themes, reports, searchable)
    yield from timeline_page(reports, searchable)
    yield plans_page(comparisons)
    for comparison in comparisons:
        yield cached_plan_pair_page(*comparison, digests)
    for theme in themes:
        yield cached_theme_page(theme, reports, searchable, digests)
