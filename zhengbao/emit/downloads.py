"""Downloads for researchers (emit stage): each report as cleaned text and as structured JSON,
all reports in one JSON with its JSON Schema, and each report's record of repairs as a page."""

from __future__ import annotations

import json
from pathlib import Path

from ..markup import escape_text
from ..model import Paragraph, Report, Section

SCHEMA_ID = "zhengbao-reports/1"
ALL_REPORTS = "downloads/reports.json"
SCHEMA_FILE = "downloads/reports.schema.json"


def paragraph_data(paragraph: Paragraph) -> dict:
    return {"anchor": paragraph.anchor, "number": paragraph.anchor.rsplit("p", 1)[1], "text": paragraph.text,
            "aliases": list(paragraph.extra_anchors), "source_line": paragraph.source_line}


def section_data(section: Section) -> dict:
    return {"anchor": section.anchor, "level": section.level, "label": section.label, "heading": section.heading,
            "role": section.role, "heading_added_by_editor": section.added_heading,
            "paragraphs": [paragraph_data(p) for p in section.paragraphs],
            "subsections": [section_data(s) for s in section.subsections]}


def report_data(report: Report) -> dict:
    """Metadata, front matter, sections and paragraphs with anchors: everything the page shows."""
    meta = report.meta
    return {
        "slug": meta.slug, "year": meta.year, "region": meta.region, "level": meta.level, "kind": meta.kind,
        "script": meta.script, "title": report.title, "title_from_editor": report.title_from_editor,
        "date": report.date, "speaker": report.speaker, "source_url": meta.source_url, "retrieved": meta.retrieved,
        "source_file": meta.file, "page": f"reports/{meta.slug}/index.html",
        "front_matter": {"title_lines": report.front.title_lines, "date_line": report.front.date_line,
                         "speaker_line": report.front.speaker_line},
        "preamble": [paragraph_data(p) for p in report.preamble],
        "sections": [section_data(s) for s in report.sections],
    }


def report_text(report: Report) -> str:
    """The cleaned text: front lines, headings and repaired paragraphs in order, one per line."""
    lines = list(report.front.title_lines)
    lines += [x for x in (report.front.date_line, report.front.speaker_line) if x]
    lines += [p.text for p in report.preamble]
    for section in report.sections:
        lines.append(section.heading)
        lines += [p.text for p in section.paragraphs]
        for sub in section.subsections:
            lines.append(sub.heading)
            lines += [p.text for p in sub.paragraphs]
    return "\n\n".join(lines) + "\n"


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def schema() -> dict:
    """JSON Schema (2020-12) of downloads/reports.json and of each report's .json."""
    paragraph = {"type": "object", "additionalProperties": False,
                 "required": ["anchor", "number", "text", "aliases", "source_line"],
                 "properties": {"anchor": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                                "number": {"type": "string"}, "text": {"type": "string", "minLength": 1},
                                "aliases": {"type": "array", "items": {"type": "string"}},
                                "source_line": {"type": "integer", "minimum": 1}}}
    section = {"type": "object", "additionalProperties": False,
               "required": ["anchor", "level", "label", "heading", "role", "heading_added_by_editor", "paragraphs",
                            "subsections"],
               "properties": {"anchor": {"type": "string"}, "level": {"enum": [1, 2]}, "label": {"type": "string"},
                              "heading": {"type": "string"}, "role": {"enum": ["body", "annex", "tail"]},
                              "heading_added_by_editor": {"type": "boolean"},
                              "paragraphs": {"type": "array", "items": {"$ref": "#/$defs/paragraph"}},
                              "subsections": {"type": "array", "items": {"$ref": "#/$defs/section"}}}}
    text = {"type": "string"}
    report = {"type": "object", "additionalProperties": False,
              "required": ["slug", "year", "region", "level", "kind", "script", "title", "title_from_editor", "date",
                           "speaker", "source_url", "retrieved", "source_file", "page", "front_matter", "preamble",
                           "sections"],
              "properties": {"slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                             "year": {"type": "integer"}, "region": text,
                             "level": {"enum": ["national", "province", "city", "district", "county"]},
                             "kind": {"enum": ["report", "summary"]}, "script": {"enum": ["simplified", "traditional"]},
                             "title": text, "title_from_editor": {"type": "boolean"},
                             "date": {"type": "string", "pattern": "^(\\d{4}-\\d{2}-\\d{2})?$"}, "speaker": text,
                             "source_url": text, "retrieved": text, "source_file": text, "page": text,
                             "front_matter": {"type": "object"},
                             "preamble": {"type": "array", "items": {"$ref": "#/$defs/paragraph"}},
                             "sections": {"type": "array", "items": {"$ref": "#/$defs/section"}}}}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "Zhengbao reports: cleaned government work reports with their paragraph anchors",
            "type": "object", "required": ["schema", "reports"], "additionalProperties": False,
            "properties": {"schema": {"const": SCHEMA_ID},
                           "reports": {"type": "array", "items": {"$ref": "#/$defs/report"}}},
            "$defs": {"report": report, "section": section, "paragraph": paragraph}}


def repairs_page(report: Report) -> str:
    """The record of repairs, as `build.py --explain` prints it, as a page linked from the report."""
    rows = "".join(
        f"<tr><td>{repair.line}</td><td><code>{escape_text(repair.fix)}</code></td>"
        f"<td>{escape_text(repair.before)}</td><td>{escape_text(repair.after)}</td><td>{escape_text(repair.why)}</td></tr>"
        for repair in report.repairs)
    title = escape_text(f"清理记录：{report.title or report.meta.slug}")
    return "\n".join([
        "---", f'title: "{title}"', "---", "",
        f'<h1 class="zb-added">{title}</h1>', "",
        f'<p class="zb-added">本页列出由源文件 <code>{escape_text(report.meta.file)}</code> 生成阅读本时所做的每一处修复'
        f"（共 {len(report.repairs)} 处）：修复名称、源文件行号、修复前后与原因。文字本身从不改动；"
        f'同样的记录可由 <code>python build.py --explain {escape_text(report.meta.slug)}</code> 打印。'
        '<a href="index.html">返回报告</a></p>', "",
        '<div class="zb-added zb-repairs"><table><thead><tr><th>行</th><th>修复</th><th>修复前</th><th>修复后</th>'
        f"<th>原因</th></tr></thead><tbody>{rows}</tbody></table></div>", "",
    ]) + "\n"


def emit_downloads(reports: list[Report], docs_dir: Path) -> None:
    """Write every download beside the pages (MkDocs copies non-Markdown files as they are)."""
    everything = []
    for report in reports:
        folder = docs_dir / "reports" / report.meta.slug
        folder.mkdir(parents=True, exist_ok=True)
        data = report_data(report)
        everything.append(data)
        (folder / f"{report.meta.slug}.json").write_text(_json({"schema": SCHEMA_ID, "reports": [data]}),
                                                        encoding="utf-8")
        (folder / f"{report.meta.slug}.txt").write_text(report_text(report), encoding="utf-8")
        (folder / "repairs.md").write_text(repairs_page(report), encoding="utf-8")
    (docs_dir / "downloads").mkdir(parents=True, exist_ok=True)
    (docs_dir / ALL_REPORTS).write_text(_json({"schema": SCHEMA_ID, "reports": everything}), encoding="utf-8")
    (docs_dir / SCHEMA_FILE).write_text(_json(schema()), encoding="utf-8")
