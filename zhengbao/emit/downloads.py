"""Downloads for researchers (emit stage): each report as cleaned text and as structured JSON, both
in one zip beside its page; a catalogue of every report with the paths of its files
(downloads/reports.json); one JSON Schema for the report JSON and the catalogue; and each report's
record of repairs as a page.

Sizes, against issue 17's budget of a site six times the report text: the catalogue lists the
reports instead of holding them again (a second copy of every report's JSON was 1.4 times the text
at 1,000 reports), and the zip deflates a report's text and JSON (1.94 times the text on content/)
to 0.76 times."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator

from .. import cache, urls
from ..clean import fix_label
from ..labels import paragraph_label
from ..model import DataFile, Page, Paragraph, Report, Section
from .templating import render

SCHEMA_ID = "zhengbao-reports/1"
CATALOGUE_ID = "zhengbao-catalogue/1"


def paragraph_data(paragraph: Paragraph) -> dict:
    return {"anchor": paragraph.anchor, "number": paragraph_label(paragraph.anchor), "text": paragraph.text,
            "aliases": list(paragraph.extra_anchors), "source_line": paragraph.source_line,
            "heading_level": paragraph.heading_level}


def section_data(section: Section) -> dict:
    return {"anchor": section.anchor, "level": section.level, "label": section.label, "heading": section.heading,
            "role": section.role, "heading_added_by_editor": section.added_heading,
            "paragraphs": [paragraph_data(p) for p in section.paragraphs],
            "subsections": [section_data(s) for s in section.subsections]}


def report_meta(report: Report) -> dict:
    """A report's metadata, as its own JSON and its catalogue row give it: what reports.yml and the
    text say, nothing more."""
    meta = report.meta
    return {
        "slug": meta.slug, "year": meta.year, "region": meta.region, "level": meta.level, "kind": meta.kind,
        "script": meta.script, "title": report.title, "title_from_editor": report.title_from_editor,
        "date": report.date, "speaker": report.speaker, "source_url": meta.source_url, "retrieved": meta.retrieved,
        "source_file": meta.file, "page": urls.report_page(meta.slug),
    }


def report_data(report: Report) -> dict:
    """Metadata, front matter, sections and paragraphs with anchors: everything the page shows."""
    return {
        **report_meta(report),
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
    """Compact JSON (no indentation: a fifth of an indented report's bytes were spaces), keys sorted,
    one final newline."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def catalogue_entry(report: Report) -> dict:
    """A report's row in downloads/reports.json: its metadata as in its own JSON; the paths from the
    site root of its zip, page and repairs page ("" when nothing was repaired, repairs_page); the
    names of its JSON and text in the zip; its number of paragraphs."""
    slug = report.meta.slug
    return {**report_meta(report), "zip": urls.report_download(slug), "json": urls.download_member(slug, "json"),
            "text": urls.download_member(slug, "txt"), "repairs": urls.repairs_page(slug) if report.repairs else "",
            "paragraphs": len(report.all_paragraphs())}


def schema() -> dict:
    """JSON Schema (2020-12) of each report's .json and of the catalogue, downloads/reports.json."""
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
    meta = {"slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "year": {"type": "integer"}, "region": text,
            "level": {"enum": ["national", "province", "city", "district", "county"]},
            "kind": {"enum": ["report", "summary"]}, "script": {"enum": ["simplified", "traditional"]},
            "title": text, "title_from_editor": {"type": "boolean"},
            "date": {"type": "string", "pattern": "^(\\d{4}-\\d{2}-\\d{2})?$"}, "speaker": text,
            "source_url": text, "retrieved": text, "source_file": text, "page": text}
    report = {"type": "object", "additionalProperties": False,
              "required": [*meta, "front_matter", "preamble", "sections"],
              "properties": {**meta, "front_matter": {"type": "object"},
                             "preamble": {"type": "array", "items": {"$ref": "#/$defs/paragraph"}},
                             "sections": {"type": "array", "items": {"$ref": "#/$defs/section"}}}}
    files = {"zip": text, "json": text, "text": text, "repairs": text,
             "paragraphs": {"type": "integer", "minimum": 0}}
    entry = {"type": "object", "additionalProperties": False, "required": [*meta, *files],
             "properties": {**meta, **files}}
    reports = {"type": "object", "required": ["schema", "reports"], "additionalProperties": False,
               "properties": {"schema": {"const": SCHEMA_ID},
                              "reports": {"type": "array", "items": {"$ref": "#/$defs/report"}}}}
    catalogue = {"type": "object", "required": ["schema", "reports"], "additionalProperties": False,
                 "properties": {"schema": {"const": CATALOGUE_ID},
                                "reports": {"type": "array", "items": {"$ref": "#/$defs/entry"}}}}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "Zhengbao reports: cleaned government work reports with their paragraph anchors",
            "description": f"A report's own JSON ({SCHEMA_ID}) or the catalogue of every report, "
                           f"downloads/reports.json ({CATALOGUE_ID}); the field schema tells which.",
            "oneOf": [{"$ref": "#/$defs/reports"}, {"$ref": "#/$defs/catalogue"}],
            "$defs": {"reports": reports, "catalogue": catalogue, "report": report, "entry": entry,
                      "section": section, "paragraph": paragraph}}


def repairs_page(report: Report) -> Page | None:
    """The record of repairs, as `build.py --explain` prints it, as a page linked from the report:
    each repair by its Chinese name (clean.FIXES) with its code name, a count per repair first. None
    for a report nothing was repaired in: its page says so, and an empty record would be a page of
    navigation alone (991 of the 1,000 reports of `make corpus N=1000`, 0.3 times the report text)."""
    if not report.repairs:
        return None
    title = f"清理记录：{report.title or report.meta.slug}"
    page = urls.repairs_page(report.meta.slug)
    counts: dict[str, int] = {}
    for repair in report.repairs:
        counts[repair.fix] = counts.get(repair.fix, 0) + 1
    return Page(urls.doc_path(page), title, render("repairs.md", page, title=title, report=report,
                                                   counts=counts, fix_label=fix_label))


def zip_archive(members: list[tuple[str, str]]) -> bytes:
    """A download as one zip of (name, text) members, in order: UTF-8, deflated at zlib's default
    level (level 9 made content/'s report zips 0.4 % smaller for 30 % more time), each dated
    1980-01-01 00:00 (the zip format's first day: the same bytes on every build)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members:
            member = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            member.external_attr = 0o644 << 16
            archive.writestr(member, content.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def report_downloads(report: Report) -> tuple[bytes, Page | None]:
    """One report's part: its zip (its JSON and its text, download_member) and its repairs page;
    read back from the cache while the report's whole state is unchanged."""
    def compute() -> tuple[bytes, Page | None]:
        slug = report.meta.slug
        data = _json({"reports": [report_data(report)], "schema": SCHEMA_ID})
        return zip_archive([(urls.download_member(slug, "json"), data),
                            (urls.download_member(slug, "txt"), report_text(report))]), repairs_page(report)

    return cache.cached("downloads", report.meta.slug, cache.key_of(cache.digest_of(report)), compute)


def emit_downloads(reports: list[Report]) -> Iterator[Page | DataFile]:
    """Every download (published beside the pages as it is) and each report's repairs page, one
    report's after the other (the writer writes each before the next), then the catalogue and the
    schema."""
    for report in reports:
        archive, repairs = report_downloads(report)
        yield DataFile(urls.report_download(report.meta.slug), archive)
        if repairs is not None:
            yield repairs
        del archive, repairs
    yield DataFile(urls.ALL_REPORTS, _json({"reports": [catalogue_entry(r) for r in reports],
                                            "schema": CATALOGUE_ID}))
    yield DataFile(urls.REPORTS_SCHEMA, _json(schema()))
