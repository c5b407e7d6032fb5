"""Downloads for researchers (emit stage): each report as cleaned text and as structured JSON,
all reports in one JSON with its JSON Schema, and each report's record of repairs as a page."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from .. import cache, urls
from ..clean import fix_label
from ..labels import paragraph_label
from ..model import DataFile, Page, Paragraph, Report, Section
from .templating import render

SCHEMA_ID = "zhengbao-reports/1"


def paragraph_data(paragraph: Paragraph) -> dict:
    return {"anchor": paragraph.anchor, "number": paragraph_label(paragraph.anchor), "text": paragraph.text,
            "aliases": list(paragraph.extra_anchors), "source_line": paragraph.source_line,
            "heading_level": paragraph.heading_level}


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
        "source_file": meta.file, "page": urls.report_page(meta.slug),
        "front_matter": {"title_lines": report.front.title_lines, "date_line": report.front.date_line,
                         "speaker_line": report.front.speaker_line},
        "preamble": [paragraph_data(p) for p in report.preamble],
        "sections": [section_data(s) for s in report.sections],
    }


def report_text(report: Report) -> str:
    """The cleaned text: front lines, headings and repaired paragraphs in order, one per line."""
    lines = [text for _, text in report.front.lines]
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
                 "required": ["anchor", "number", "text", "aliases", "source_line", "heading_level"],
                 "properties": {"anchor": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                                "number": {"type": "string"}, "text": {"type": "string", "minLength": 1},
                                "aliases": {"type": "array", "items": {"type": "string"}},
                                "source_line": {"type": "integer", "minimum": 1},
                                # 0 = body paragraph; 3, 4, 5 = a heading line below the subsection (1. / （1） / ①)
                                "heading_level": {"enum": [0, 3, 4, 5]}}}
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


def repairs_page(report: Report) -> Page:
    """The record of repairs, as `build.py --explain` prints it, as a page linked from the report:
    each repair by its Chinese name (clean.FIXES) with its code name, a count per repair first."""
    title = f"清理记录：{report.title or report.meta.slug}"
    page = urls.repairs_page(report.meta.slug)
    counts: dict[str, int] = {}
    for repair in report.repairs:
        counts[repair.fix] = counts.get(repair.fix, 0) + 1
    return Page(urls.doc_path(page), title, render("repairs.md", page, title=title, report=report,
                                                   counts=counts, fix_label=fix_label))


def indented(fragment: str) -> str:
    """A report's `_json(data)` without its newline as it stands in the list of all reports: each line
    indented by two more (JSON strings hold no raw newline)."""
    return "  " + fragment.replace("\n", "\n  ")


def reports_json(fragments: Iterable[str], *, already_indented: bool = False) -> str:
    """`_json({"schema": SCHEMA_ID, "reports": [data, …]})` from each report's `_json(data)` without its
    newline (or from `indented` ones): the same bytes, made with one join (the fragments and the
    result are the only copies held)."""
    parts = ['{\n "reports": [\n']
    for fragment in fragments:
        if len(parts) > 1:
            parts.append(",\n")
        parts.append(fragment if already_indented else indented(fragment))
    if len(parts) == 1:
        return _json({"schema": SCHEMA_ID, "reports": []})
    parts.append(f'\n ],\n "schema": {json.dumps(SCHEMA_ID)}\n}}\n')
    return "".join(parts)


def report_downloads(report: Report) -> tuple[str, str, Page]:
    """One report's part: its JSON (as a fragment of the lists), its text and its repairs page; read
    back from the cache while the report's whole state is unchanged."""
    def compute() -> tuple[str, str, Page]:
        return _json(report_data(report))[:-1], report_text(report), repairs_page(report)

    return cache.cached("downloads", report.meta.slug, cache.key_of(cache.digest_of(report)), compute)


def emit_downloads(reports: list[Report]) -> Iterator[Page | DataFile]:
    """Every download (published beside the pages as it is) and each report's repairs page, one after
    the other as each report's are made (the writer writes each before the next: only the JSON
    fragments for the all-reports file are kept, about 180 MB at 1,000 reports)."""
    fragments = []
    for report in reports:
        slug = report.meta.slug
        fragment, text, repairs = report_downloads(report)
        fragments.append(indented(fragment))
        yield DataFile(urls.report_download(slug, "json"), reports_json([fragment]))
        yield DataFile(urls.report_download(slug, "txt"), text)
        yield repairs
        del fragment, text, repairs
    yield DataFile(urls.ALL_REPORTS, reports_json(fragments, already_indented=True))
    del fragments
    yield DataFile(urls.REPORTS_SCHEMA, _json(schema()))
