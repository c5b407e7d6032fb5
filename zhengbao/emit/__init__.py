"""Emit stage: write the Markdown pages MkDocs renders, plus the navigation.

Report text is data: paragraphs are written as HTML blocks with every character escaped, and
headings as Markdown with every syntax character escaped, so nothing in a report is ever
interpreted as HTML, Markdown or a template. Everything Zhengbao adds to a page (labels, the
editor's title, link marks) carries the class `zb-added` or `zb-mark`, so tests can tell the
report's own text from ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..labels import LEVEL_NAMES, citation_author, paragraph_label, report_label, section_locator, sort_reports
from ..markup import escape_markdown, escape_text, tooltip_attribute
from ..model import Paragraph, Report, Section, TermMark
from ..script import to_simplified

REMOVED_NOTICE = "此段已在更正后的文本中删除（原锚点保留，以免引用失效）。"

# The glossary page as seen from a report page (reports/<slug>/index.html).
GLOSSARY_FROM_REPORT = "../../glossary/index.html"


@dataclass
class EmittedSite:
    """What the render stage needs: the docs folder and the navigation."""

    docs_dir: Path
    nav: list


def report_url(report: Report) -> str:
    """Docs path of a report page; MkDocs publishes it at reports/<slug>/."""
    return f"reports/{report.meta.slug}/index.md"


def marked_html(text: str, terms: list[TermMark], glossary_page: str) -> str:
    """Escaped text with its glossary terms as links; the visible characters are exactly `text`.

    A term with a tooltip (class zb-term) carries its definition in `title`, which is not
    visible text; in definitions a term is a plain cross-reference (class zb-term-link).
    """
    out, at = [], 0
    for term in terms:
        out.append(escape_text(text[at:term.start]))
        href = f"{glossary_page}#{escape_text(term.entry_anchor)}"
        shown = escape_text(text[term.start:term.end])
        if term.tooltip:
            out.append(f'<a class="zb-term" href="{href}" title="{tooltip_attribute(term.title)}">{shown}</a>')
        else:
            out.append(f'<a class="zb-term-link" href="{href}">{shown}</a>')
        at = term.end
    out.append(escape_text(text[at:]))
    return "".join(out)


def paragraph_html(paragraph: Paragraph, locator: str = "", simplified: bool = False) -> str:
    """One paragraph: escaped text (glossary terms linked), its anchor, its number and a link mark."""
    anchor = escape_text(paragraph.anchor)
    extra = "".join(f'<span id="{escape_text(a)}" class="zb-alias"></span>' for a in paragraph.extra_anchors)
    label = escape_text(paragraph_label(paragraph.anchor))
    cite = escape_text(f"{locator}第{paragraph_label(paragraph.anchor)}段")
    text = marked_html(paragraph.text, paragraph.terms, GLOSSARY_FROM_REPORT)
    if simplified:
        text = (f'<span class="zb-orig">{text}</span>'
                f'<span class="zb-added zb-simp" lang="zh-Hans" hidden>{escape_text(to_simplified(paragraph.text))}</span>')
    return (f'<p id="{anchor}" class="zb-p" data-n="{label}" data-cite="{cite}">{extra}{text}'
            f'<a class="zb-mark" href="#{anchor}" title="本段链接 #{anchor}" aria-label="本段链接">¶</a></p>')


def removed_notices(report: Report, after: str) -> list[str]:
    """Notices standing where removed paragraphs were, so their old anchors still land."""
    out = []
    for anchor, _text in report.retired_anchors.get(after, []):
        out += [f'<p id="{escape_text(anchor)}" class="zb-added zb-removed">{REMOVED_NOTICE}</p>', ""]
    return out


def section_markdown(section: Section, level: int, report: Report, parent: Section | None = None) -> list[str]:
    """A heading with its anchor, then its paragraphs."""
    locator = section_locator(parent, section) if parent else section_locator(section, None)
    hashes = "#" * (level + 1)
    classes = " .zb-added" if section.added_heading else ""
    simplified = report.meta.script == "traditional"
    toggle = f' data-simp="{escape_text(to_simplified(section.heading))}"' if simplified else ""
    out = [f"{hashes} {escape_markdown(section.heading)} {{: #{section.anchor}{classes}{toggle} }}", ""]
    if section.related:
        links = " · ".join(
            f'<a href="../{escape_text(slug)}/index.html#{escape_text(anchor)}" title="相似度 {score:.2f}">'
            f"{escape_text(label)}</a>" for label, slug, anchor, score in section.related)
        out += [f'<p class="zb-added zb-related">同一主题：{links}</p>', ""]
    for paragraph in section.paragraphs:
        out += [paragraph_html(paragraph, locator, simplified), ""]
        out += removed_notices(report, paragraph.anchor)
    return out


def provenance_lines(report: Report) -> list[str]:
    """Where the text came from (only what the editor gave), the unofficial-copy note, downloads."""
    meta = report.meta
    slug = escape_text(meta.slug)
    source = ""
    if meta.source_url:
        url = meta.source_url if meta.source_url.startswith(("http://", "https://")) else ""
        shown = escape_text(meta.source_url)
        source = f'来源：<a href="{escape_text(url)}" rel="noopener">{shown}</a>' if url else f"来源：{shown}"
        if meta.retrieved:
            source += f"（{escape_text(meta.retrieved)} 获取）"
        source += "。"
    repairs = len(report.repairs)
    return [
        f'<p class="zb-added zb-provenance">{source}本页是非官方阅读本：文字取自源文件 '
        f"<code>{escape_text(meta.file)}</code>，只做了有记录的清理（去重、去拼音注音、接回断行等，"
        f'<a href="repairs.html">清理记录 {repairs} 处</a>），不改动文字。'
        f'下载：<a href="{slug}.txt" download>纯文本</a> · <a href="{slug}.json" download>结构化 JSON</a> · '
        '<a href="../../downloads/reports.json" download>全部报告 JSON</a></p>', ""]


def report_markdown(report: Report, reports: list[Report], site_url: str = "") -> str:
    """The full page of one report."""
    meta = report.meta
    # MkDocs and Material insert page titles and nav labels into templates unescaped: escape here.
    lang = "zh-Hant" if meta.script == "traditional" else "zh-Hans"
    lines = ["---", f"title: {_yaml_string(escape_text(report.title or meta.slug))}", f"lang: {lang}", "---", ""]
    front = report.front
    title_lines = list(front.title_lines)
    if report.title_from_editor or not title_lines:
        title = escape_markdown(report.title or meta.slug)
        lines += [f"# {title} {{: #top .zb-added }}", ""]
        if report.title:
            lines += ['<p class="zb-added zb-editor-note">标题由编者添加，原文未载此标题。</p>', ""]
    else:
        lines += [f"# {escape_markdown(title_lines.pop(0))} {{: #top }}", ""]
    identity = [str(meta.year), meta.region, LEVEL_NAMES.get(meta.level, meta.level)]
    if meta.kind == "summary":
        identity.append("摘要")
    if meta.script == "traditional":
        identity.append("繁体原文")
    lines.append(f'<p class="zb-added zb-identity">{" · ".join(escape_text(x) for x in identity)}</p>')
    lines.append("")
    cite_data = {"author": citation_author(report), "title": report.title, "year": str(meta.year),
                 "page": f"reports/{meta.slug}/", "base": site_url}
    attributes = " ".join(f'data-{key}="{escape_text(value)}"' for key, value in cite_data.items())
    lines.append(f'<div id="zb-meta" class="zb-added" hidden {attributes}></div>')
    lines.append("")
    others = [r for r in reports if r is not report
              and (len(reports) <= NAV_MAX_REPORTS or r.meta.region == report.meta.region)]
    if others:
        links = " · ".join(
            f'<a href="../{escape_text(r.meta.slug)}/index.html">{escape_text(report_label(r))}</a>' for r in others)
        lines += [f'<p class="zb-added zb-others">其他报告：{links}</p>', ""]
    lines += provenance_lines(report)
    if meta.script == "traditional":
        lines += ['<p class="zb-added zb-script-toggle"><button type="button" class="md-button zb-toggle-script" '
                  'aria-pressed="false" data-show-simplified="显示简体字" data-show-original="显示原文（繁体）">'
                  "显示简体字</button> 原文为繁体字；简体字由 OpenCC 在生成时转换，仅供阅读。</p>", ""]
    for text in title_lines:
        lines += [f'<p class="zb-front zb-front-title">{escape_text(text)}</p>', ""]
    if front.date_line:
        lines += [f'<p class="zb-front zb-front-date">{escape_text(front.date_line)}</p>', ""]
    if front.speaker_line:
        lines += [f'<p class="zb-front zb-front-speaker">{escape_text(front.speaker_line)}</p>', ""]
    lines += removed_notices(report, "")
    for paragraph in report.preamble:
        lines += [paragraph_html(paragraph, "", meta.script == "traditional"), ""]
        lines += removed_notices(report, paragraph.anchor)
    for section in report.sections:
        lines += section_markdown(section, 1, report)
        for sub in section.subsections:
            lines += section_markdown(sub, 2, report, section)
    for warning in report.warnings:
        lines += [f'<p class="zb-added zb-warning">注意：{escape_text(warning)}</p>', ""]
    return "\n".join(lines) + "\n"


def home_markdown(reports: list[Report]) -> str:
    """Home page: the reports as a timeline (years across; city, district… rows), then a full list."""
    years = sorted({r.meta.year for r in reports})
    rows_by_place: dict[tuple[int, str], list[Report]] = {}
    order = {level: i for i, level in enumerate(LEVEL_NAMES)}
    for report in reports:
        rows_by_place.setdefault((order.get(report.meta.level, 9), report.meta.region), []).append(report)
    head = "".join(f"<th>{year}</th>" for year in years)
    body = []
    for (_, region), place_reports in sorted(rows_by_place.items()):
        level = LEVEL_NAMES.get(place_reports[0].meta.level, "")
        cells = []
        for year in years:
            cards = [home_card(r) for r in place_reports if r.meta.year == year]
            cells.append(f"<td>{''.join(cards)}</td>")
        body.append(f"<tr><th>{escape_text(region)}<small>{escape_text(level)}</small></th>{''.join(cells)}</tr>")
    timeline = (f'<div class="zb-timeline"><table><thead><tr><th></th>{head}</tr></thead>'
                f"<tbody>{''.join(body)}</tbody></table></div>")
    rows = []
    for report in reports:
        meta = report.meta
        count = len(report.all_paragraphs())
        title = escape_text(report.title or meta.slug)
        note = "（编者所加标题）" if report.title_from_editor else ""
        kind = "摘要" if meta.kind == "summary" else "全文"
        rows.append(
            f"<tr><td>{meta.year}</td><td>{escape_text(meta.region)}</td>"
            f"<td>{escape_text(LEVEL_NAMES.get(meta.level, meta.level))}</td>"
            f'<td><a href="reports/{escape_text(meta.slug)}/index.html">{title}</a>{note}</td>'
            f"<td>{kind}</td><td>{count}</td></tr>")
    table = ('<table class="zb-reports"><thead><tr><th>年份</th><th>地区</th><th>级别</th><th>标题</th>'
             "<th>文本</th><th>段落</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    return "\n".join([
        "---", "title: 政府工作报告阅读", "---", "",
        "# 政府工作报告阅读", "",
        '<p class="zb-lead">政府工作报告的非官方阅读本：按原文分章分段，每一段都有可引用的固定链接'
        "（点段末的 ¶ 可复制链接或引用），术语有解释，可全文检索（按 <kbd>/</kbd>），"
        "可比较历年目标与规划，整个 site/ 文件夹可离线阅读。</p>", "",
        "## 时间线 {: #timeline }", "",
        timeline, "",
        '<p class="zb-compare-links"><a href="compare/index.html">对比</a>：'
        '<a href="compare/targets.html">历年目标与完成</a> · '
        '<a href="compare/themes.html">主题脉络</a> · <a href="compare/plans.html">工作安排的变化</a> · '
        '<a href="downloads/reports.json" download>全部报告 JSON</a>'
        '（<a href="downloads/reports.schema.json">结构说明</a>）</p>', "",
        "## 全部报告 {: #all }", "",
        table, "",
    ]) + "\n"


def home_card(report: Report) -> str:
    """One report in the timeline: title link, paragraphs and glossary terms used."""
    terms = {term.entry_anchor for paragraph in report.all_paragraphs() for term in paragraph.terms if term.tooltip}
    kind = "（摘要）" if report.meta.kind == "summary" else ""
    return (f'<div class="zb-card"><a href="reports/{escape_text(report.meta.slug)}/index.html">'
            f"{report.meta.year}年{escape_text(report.meta.region)}{kind}</a>"
            f"<small>{len(report.all_paragraphs())} 段 · 术语 {len(terms)} 个</small></div>")


def _yaml_string(text: str) -> str:
    """A YAML double-quoted scalar (titles may contain colons or quotes)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# Above this many reports the navigation lists years, not reports: every page carries the whole
# navigation, so listing each report would make the site grow with the square of the archive.
NAV_MAX_REPORTS = 40


def year_url(year: int) -> str:
    return f"years/{year}.md"


def build_nav(reports: list[Report]) -> list:
    """Navigation by year: 首页, then one group per year with its reports (or, for a large
    archive, one page per year that lists them)."""
    nav: list = [{"首页": "index.md"}]
    years: dict[int, list] = {}
    for report in reports:
        label = report.meta.region + ("（摘要）" if report.meta.kind == "summary" else "")
        years.setdefault(report.meta.year, []).append({escape_text(label): report_url(report)})
    if len(reports) > NAV_MAX_REPORTS:
        nav.append({"按年份": [{f"{year}年（{len(years[year])}）": year_url(year)} for year in sorted(years, reverse=True)]})
        return nav
    for year in sorted(years, reverse=True):
        nav.append({f"{year}年": years[year]})
    return nav


def year_markdown(year: int, reports: list[Report]) -> str:
    """A year's reports, for large archives whose navigation lists years only."""
    rows = "".join(
        f'<tr><td>{escape_text(r.meta.region)}</td><td>{escape_text(LEVEL_NAMES.get(r.meta.level, r.meta.level))}</td>'
        f'<td><a href="../reports/{escape_text(r.meta.slug)}/index.html">{escape_text(r.title or r.meta.slug)}</a></td>'
        f"<td>{len(r.all_paragraphs())}</td></tr>" for r in reports)
    return "\n".join(["---", f"title: {year}年", "---", "", f"# {year}年的报告", "",
                      '<table class="zb-reports"><thead><tr><th>地区</th><th>级别</th><th>标题</th><th>段落</th></tr>'
                      f"</thead><tbody>{rows}</tbody></table>", ""]) + "\n"


def emit_site(reports: list[Report], docs_dir: Path, site_url: str = "") -> EmittedSite:
    """Write every page into docs_dir and return the navigation."""
    reports = sort_reports(reports)
    docs_dir.mkdir(parents=True, exist_ok=True)
    (docs_dir / "index.md").write_text(home_markdown(reports), encoding="utf-8")
    for report in reports:
        page = docs_dir / report_url(report)
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(report_markdown(report, reports, site_url), encoding="utf-8")
    if len(reports) > NAV_MAX_REPORTS:
        (docs_dir / "years").mkdir(exist_ok=True)
        for year in sorted({r.meta.year for r in reports}):
            (docs_dir / year_url(year)).write_text(
                year_markdown(year, [r for r in reports if r.meta.year == year]), encoding="utf-8")
    return EmittedSite(docs_dir=docs_dir, nav=build_nav(reports))
