"""The 对比 pages: Markdown pages with our own HTML blocks, all marked `zb-added` (none of it is report text).

Pages live at compare/<name>.md, one folder below the site root, so every link to a paragraph is
"../reports/<slug>/index.html#<anchor>" and works from file://.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..compare.align import Pairing, aligned, best_candidate, city_reports, word_diff
from ..compare.targets import (
    MET,
    MISSED,
    NOT_COMPARABLE,
    NOT_MENTIONED,
    VERDICT_LABELS,
    Statement,
    TargetCell,
    format_value,
    statements,
    target_tables,
)
from ..compare.text import report_href
from ..compare.themes import Theme, build_themes
from ..markup import escape_markdown, escape_text
from ..model import Report

FOLDER = "compare"
LEVEL_NAMES = {"city": "市级", "district": "区级"}
SNIPPET_CONTEXT = 40
FIELDS = ["kind", "region", "level", "year", "slug", "indicator", "indicator_label", "number", "unit", "qualifier",
          "text", "anchor", "href", "verdict"]


def _page(title: str, body: list[str]) -> str:
    return "\n".join(["---", f'title: "{title}"', "---", "", f"# {title} {{: #top .zb-added }}", "", *body]) + "\n"


def _block(html: str, classes: str = "") -> str:
    """One raw HTML block (no blank lines inside, so Markdown leaves it whole)."""
    return f'<div class="zb-added zb-compare {classes}">{html}</div>\n'


def _link(report: Report, anchor: str, text: str, title: str = "") -> str:
    attr = f' title="{escape_text(title)}"' if title else ""
    return f'<a class="zb-src" href="{escape_text(report_href(report, anchor))}"{attr}>{escape_text(text)}</a>'


def _label(report: Report) -> str:
    summary = "摘要" if report.meta.kind == "summary" else ""
    return f"{report.meta.year} {report.meta.region}{summary}"


# Targets --------------------------------------------------------------------------------------------


def _statement_link(statement: Statement, by_slug: dict[str, Report], text: str) -> str:
    return _link(by_slug[statement.slug], statement.anchor, text, statement.text)


def _cell_html(cell: TargetCell, by_slug: dict[str, Report]) -> str:
    parts = []
    if not cell.has_target_report:
        parts.append('<span class="zb-none">无该年报告</span>')
    elif cell.target:
        parts.append("目标 " + _statement_link(cell.target, by_slug, format_value(cell.target)))
    else:
        parts.append(f'<span class="zb-none">{NOT_MENTIONED}</span>')
    if cell.outcome:
        value = f"{cell.outcome.number:g}{cell.outcome.unit}"
        parts.append(f"实际 {_statement_link(cell.outcome, by_slug, value)}"
                     f'<span class="zb-from">（{cell.outcome.slug[:4]}年报告）</span>')
    if cell.verdict in VERDICT_LABELS and cell.has_target_report and (cell.target or cell.outcome):
        parts.append(f'<span class="zb-verdict zb-{cell.verdict.replace(" ", "-")}">{VERDICT_LABELS[cell.verdict]}</span>')
    return "<br>".join(parts)


def targets_page(reports: list[Report]) -> str:
    by_slug = {r.meta.slug: r for r in reports}
    body = [_block(
        "<p>每份报告写明当年的主要预期目标，其回顾部分写明上一年的实际完成情况。目标按原文列出（含“左右”“以上”“不低于”等限定），"
        "实际值取自下一年报告的回顾；每个数值都链接到原文段落。未写明的指标标“未提及”。</p>"
        "<p>判定规则：增长类指标越高越好，实际值达到目标数值即为达成（“左右”按目标数值本身计）；"
        "居民消费价格、城镇登记失业率的目标是上限（控制在……），实际值不超过目标即为达成；“正增长”以实际增长大于零为达成；"
        "“与经济增长同步”及目标与实际单位不同者标为不可比。</p>"
        '<p>下载：<a href="targets.csv">targets.csv</a> · <a href="targets.json">targets.json</a> · '
        '<a href="targets.schema.json">targets.schema.json</a>（字段说明）</p>')]
    for table in target_tables(reports):
        body += [f"## {escape_markdown(table.region)}（{LEVEL_NAMES.get(table.level, table.level)}） "
                 f"{{: #{table.level} .zb-added }}", ""]
        head = "".join(f"<th>{year}</th>" for year in table.years)
        rows = "".join(
            f"<tr><th>{escape_text(indicator.label)}{'' if indicator.higher_is_better else '<br><small>（上限）</small>'}</th>"
            + "".join(f"<td>{_cell_html(cells[year], by_slug)}</td>" for year in table.years) + "</tr>"
            for indicator, cells in table.rows)
        body.append(_block(f'<table class="zb-targets"><thead><tr><th>指标</th>{head}</tr></thead>'
                           f"<tbody>{rows}</tbody></table>"))
    return _page("目标与完成", body)


def targets_csv(reports: list[Report]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in statements(reports):
        writer.writerow({key: row[key] for key in FIELDS})
    return out.getvalue()


def targets_json(reports: list[Report]) -> str:
    rows = [{key: row[key] for key in FIELDS} for row in statements(reports)]
    return json.dumps({"schema": "targets.schema.json", "statements": rows}, ensure_ascii=False, indent=1,
                      sort_keys=True) + "\n"


def targets_schema() -> str:
    string = {"type": "string"}
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Zhengbao targets and outcomes",
        "description": "Main targets (主要预期目标) of each report and the outcomes a later report's review states.",
        "type": "object",
        "required": ["statements"],
        "properties": {"schema": string, "statements": {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": FIELDS,
            "properties": {
                "kind": {"enum": ["target", "outcome"]},
                "region": string, "level": string, "slug": string,
                "year": {"type": "integer", "description": "the year the value is about"},
                "indicator": string, "indicator_label": string,
                "number": {"type": ["number", "null"]},
                "unit": {"enum": ["%", "万人", "亿元", ""]},
                "qualifier": {"type": "string", "description": "左右, 以上, 不低于, 以内, 控制在…左右, 同步, 正增长…"},
                "text": {"type": "string", "description": "the clause as written in the report"},
                "anchor": string,
                "href": {"type": "string", "description": "link from the site root to the source paragraph"},
                "verdict": {"enum": [MET, MISSED, NOT_COMPARABLE, "no outcome", "no later report", NOT_MENTIONED, ""]},
            }}}},
    }
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# Themes ---------------------------------------------------------------------------------------------


def chart_svg(counts: list[int], labels: list[str]) -> str:
    """A small inline bar chart of mentions per report; no script, no other host."""
    width, height, bar, gap = 60 * len(counts), 110, 34, 26
    top = max(counts) or 1
    parts = [f'<svg class="zb-chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
             f'aria-label="各报告提及次数">']
    for index, (count, label) in enumerate(zip(counts, labels, strict=True)):
        x = gap // 2 + index * (bar + gap)
        h = round(70 * count / top)
        parts.append(f'<rect x="{x}" y="{82 - h}" width="{bar}" height="{h}"></rect>'
                     f'<text x="{x + bar // 2}" y="{78 - h}" text-anchor="middle">{count}</text>'
                     f'<text x="{x + bar // 2}" y="98" text-anchor="middle">{escape_text(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _short_label(report: Report) -> str:
    if report.meta.level == "district":
        return f"{report.meta.year}{report.meta.region[:2]}"
    return f"{report.meta.year}{'摘要' if report.meta.kind == 'summary' else ''}"


def chart_reports(reports: list[Report]) -> list[Report]:
    """Oldest first, the way a thread reads."""
    order = {"city": 0, "district": 1}
    return sorted(reports, key=lambda r: (r.meta.year, order.get(r.meta.level, 2), r.meta.slug))


def theme_page(theme: Theme, reports: list[Report]) -> str:
    ordered = chart_reports(reports)
    counts = theme.counts(ordered)
    source = {"glossary": "名词解释词条（2024 越秀区报告附件）", "seed": "议题指定的主题",
              "keyphrase": "自动提取、经审阅保留的关键词"}[theme.source]
    body = [_block(f"<p>来源：{source}。图中为各报告（按年份）提及次数；下列每段摘录链接到原文段落，引用词高亮。</p>"
                   + chart_svg(counts, [_short_label(r) for r in ordered]))]
    for report in ordered:
        mentions = [m for m in theme.mentions if m.report is report]
        if not mentions:
            continue
        body += [f"## {escape_markdown(_label(report))} {{: #{report.meta.slug} .zb-added }}", ""]
        items = []
        for mention in mentions:
            text = mention.paragraph.text
            start, end = max(0, mention.start - SNIPPET_CONTEXT), min(len(text), mention.end + SNIPPET_CONTEXT)
            snippet = (("…" if start else "") + escape_text(text[start:mention.start]) + "<mark>"
                       + escape_text(text[mention.start:mention.end]) + "</mark>" + escape_text(text[mention.end:end])
                       + ("…" if end < len(text) else ""))
            where = mention.section.heading if mention.section else "前言"
            items.append(f'<li>{_link(report, mention.paragraph.anchor, "#" + mention.paragraph.anchor, where)} '
                         f"{snippet}</li>")
        body.append(_block(f'<ul class="zb-snippets">{"".join(items)}</ul>'))
    return _page(f"主题：{theme.phrase}", body)


def themes_index(themes: list[Theme], review: dict, reports: list[Report]) -> str:
    ordered = chart_reports(reports)
    head = "".join(f"<th>{escape_text(_short_label(r))}</th>" for r in ordered)
    sources = {"glossary": "名词解释", "seed": "指定", "keyphrase": "关键词"}
    rows = "".join(
        f'<tr><td><a href="theme-{theme.ident}.html">{escape_text(theme.phrase)}</a></td>'
        f"<td>{sources[theme.source]}</td>" + "".join(f"<td>{n}</td>" for n in theme.counts(ordered)) + "</tr>"
        for theme in themes)
    candidates = "、".join(f"{escape_text(p)}（{n}次/{k}份）" for p, n, k in review["candidates"])
    body = [_block(
        "<p>主题包括：附件名词解释中在一份以上报告出现的词条；议题指定的主题词；以及自动提取（相邻两个jieba词、"
        "在至少三份报告中出现）后经人工审阅保留的关键词。繁体摘要先经 OpenCC 转为简体再匹配，摘录显示原文。</p>"
        f'<table class="zb-themes"><thead><tr><th>主题</th><th>来源</th>{head}</tr></thead><tbody>{rows}</tbody></table>'),
        "## 关键词审阅记录 {: #review .zb-added }", "",
        _block(f"<p><strong>保留：</strong>{'、'.join(escape_text(p) for p in review['kept'])}</p>"
               f"<p><strong>未保留（泛用词语）：</strong>{'、'.join(escape_text(p) for p in review['not_kept'])}</p>"
               f"<p><strong>只出现在一份报告中的名词解释词条（未列为主题）：</strong>"
               f"{'、'.join(escape_text(t) for t in review['glossary_single_report'])}</p>"
               f"<details><summary>全部自动候选</summary><p>{candidates}</p></details>")]
    return _page("主题脉络", body)


# Plans ----------------------------------------------------------------------------------------------


def _marked_html(marked, tag: str) -> str:
    """Tokens with each run of changed tokens wrapped in <ins> or <del>."""
    html, run = [], []
    for token in [*marked, None]:
        if token is not None and token.changed:
            run.append(token.text)
            continue
        if run:
            html.append(f"<{tag}>{escape_text(''.join(run))}</{tag}>")
            run = []
        if token is not None:
            html.append(escape_text(token.text))
    return "".join(html)


def _side(tokens, report: Report, tag: str) -> str:
    return "".join(f'<p>{_link(report, paragraph.anchor, "¶", "原文段落 #" + paragraph.anchor)} '
                   f"{_marked_html(marked, tag)}</p>" for paragraph, marked in tokens)


def _pairing_html(pairing: Pairing, reports: list[Report]) -> str:
    earlier = pairing.earlier
    if pairing.match is None:
        closest = best_candidate(pairing, reports)
        return (f'<p class="zb-unpaired"><strong>{escape_text(_label(earlier))}：</strong>没有足够相似的小节'
                f"（最接近的是 {_link(earlier, closest.section.anchor, closest.section.heading)}，"
                f"相似度 {pairing.score:.3f}，低于配对门槛）。</p>")
    new_side, old_side = word_diff(pairing.new, pairing.match)
    heading = _link(earlier, pairing.match.section.anchor, pairing.match.section.heading)
    return (f'<details class="zb-pair"><summary><strong>{escape_text(_label(earlier))}：</strong>{heading}'
            f'<span class="zb-score">相似度 {pairing.score:.3f}</span></summary>'
            f'<div class="zb-diff"><div class="zb-diff-new"><p class="zb-side">{escape_text(_label(pairing.new.report))}'
            f"（<ins>新增</ins>）</p>{_side(new_side, pairing.new.report, 'ins')}</div>"
            f'<div class="zb-diff-old"><p class="zb-side">{escape_text(_label(earlier))}（<del>删去</del>）</p>'
            f"{_side(old_side, earlier, 'del')}</div></div></details>")


def plans_page(reports: list[Report]) -> str:
    cities = city_reports(reports)
    pairings = aligned(reports)
    body = [_block(
        "<p>最新市级报告工作安排的每个小节，与此前每份市级报告工作安排中最相似的小节并排对照。相似度为 jieba 分词后的 "
        "TF-IDF 余弦相似度（繁体摘要先转简体）；低于门槛时不强行配对。展开可见逐词对照：左侧标出新增的词语，右侧标出删去的词语，"
        "每段前的 ¶ 链接到原文段落。</p>")]
    if not cities:
        return _page("规划变化", body)
    seen = []
    for pairing in pairings:
        if pairing.new not in seen:
            seen.append(pairing.new)
            section = pairing.new.section
            source = _link(pairing.new.report, section.anchor, f"{_label(pairing.new.report)} {section.anchor}")
            body += [f"## {escape_markdown(section.heading)} {{: #{section.anchor} .zb-added }}", "",
                     _block(f"<p>原文：{source}</p>")]
        body.append(_block(_pairing_html(pairing, reports)))
    return _page("规划变化", body)


def index_page() -> str:
    return _page("对比", [_block(
        '<ul class="zb-compare-views">'
        '<li><a href="targets.html">目标与完成</a>：各年主要预期目标与后一年报告所述实际完成情况（可下载 CSV / JSON）。</li>'
        '<li><a href="themes.html">主题脉络</a>：同一主题在各年报告中的段落与提及次数。</li>'
        '<li><a href="plans.html">规划变化</a>：最新工作安排各小节与往年最相似小节的逐词对照。</li></ul>'
        "<p>本区所有数字和引文均由程序从报告原文提取，并链接到来源段落。</p>")])


def emit_compare(reports: list[Report], docs_dir: Path, nav: list) -> None:
    """Write the 对比 pages and downloads into docs_dir and add the 对比 group to nav."""
    folder = docs_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    themes, review = build_themes(reports)
    files = {
        "index.md": index_page(),
        "targets.md": targets_page(reports),
        "targets.csv": targets_csv(reports),
        "targets.json": targets_json(reports),
        "targets.schema.json": targets_schema(),
        "themes.md": themes_index(themes, review, reports),
        "plans.md": plans_page(reports),
    }
    files.update({f"theme-{theme.ident}.md": theme_page(theme, reports) for theme in themes})
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    nav.append({"对比": [{"概览": f"{FOLDER}/index.md"}, {"目标与完成": f"{FOLDER}/targets.md"},
                         {"主题脉络": f"{FOLDER}/themes.md"}, {"规划变化": f"{FOLDER}/plans.md"}]})
