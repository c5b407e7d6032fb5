"""Load stage: read content/reports.yml and the report files it names, with validation.

Nothing is written before every entry and every file has been checked; all problems are
collected and reported together.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from pathlib import Path

import yaml

from . import cache
from .errors import ContentError, Problem
from .model import LEVELS, RawReport, ReportMeta, SourceLine
from .script import detect_script

METADATA_FILE = "reports.yml"
REQUIRED_KEYS = ("file", "slug", "year", "region", "level")
OPTIONAL_KEYS = ("title", "date", "speaker", "script", "kind", "source_url", "retrieved")
SCRIPTS = ("simplified", "traditional")
KINDS = ("report", "summary")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Years a government work report can carry: the PRC's first reports to today (+1 for drafts).
FIRST_YEAR = 1949
# Files in content/ that are not reports.
IGNORED_NAMES = {METADATA_FILE, "README.md", "glossary-keys.yml"}
IGNORED_DIRS = {"anchors"}
# The script detected for each text an entry leaves it unsaid for, by the text (detect_script reads every
# character: 0.4 s of CPU for 200 reports on every build, 8 ms read back).
SCRIPTS_FOUND = cache.TextStore("detected-scripts")


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping, for error messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path) -> object:
    """A content YAML file, every mapping in it carrying its line as `__line__`.

    Raises ContentError (`path:line: invalid YAML …`) for a syntax error or a file that is not UTF-8.
    """
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark else 0
        raise ContentError([Problem(str(path), line, f"invalid YAML: {error.problem}",
                                    "fix the syntax at that line (indentation, a missing colon or quote)")]) from None
    except UnicodeDecodeError:
        raise ContentError([Problem(str(path), 0, "file is not UTF-8", "save it as UTF-8")]) from None


def read_metadata(content_dir: Path, problems: list[Problem] | None = None) -> list[ReportMeta]:
    """Parse and validate reports.yml; problems go to `problems` (or are raised if none given).

    Returns the entries that are valid, so their files can still be checked in the same run.
    """
    collect = problems is not None
    problems = problems if problems is not None else []
    path = content_dir / METADATA_FILE
    shown = str(path)
    if not path.exists():
        raise ContentError([Problem(shown, 0, "metadata file is missing",
                                    f"create {METADATA_FILE} with one entry per report (see README)")])
    data = read_yaml(path)
    entries = data.get("reports") if isinstance(data, dict) else data
    if not isinstance(entries, list) or not entries:
        raise ContentError([Problem(shown, 1, "no report entries found",
                                    "write a list under 'reports:' with one entry per report (see README)")])
    metas: list[ReportMeta] = []
    seen_slugs: dict[str, int] = {}
    seen_files: dict[str, int] = {}
    for entry in entries:
        if not isinstance(entry, dict):
            problems.append(Problem(shown, 0, f"entry {entry!r} is not a mapping",
                                    "write each report as 'file: …', 'slug: …', 'year: …' keys"))
            continue
        line = entry.pop("__line__", 0)
        meta = _validate_entry(entry, line, shown, content_dir, problems)
        if meta is None:
            continue
        if meta.slug in seen_slugs:
            problems.append(Problem(shown, line, f"duplicate slug '{meta.slug}' (also at line {seen_slugs[meta.slug]})",
                                    "give each report its own slug"))
        if meta.file in seen_files:
            problems.append(Problem(shown, line, f"file '{meta.file}' is listed twice (also at line {seen_files[meta.file]})",
                                    "list each file once"))
        seen_slugs.setdefault(meta.slug, line)
        seen_files.setdefault(meta.file, line)
        metas.append(meta)
    listed = {str(e.get("file")) for e in entries if isinstance(e, dict)}
    for file in sorted(p for p in content_dir.iterdir() if p.is_file()):
        if file.name in IGNORED_NAMES or file.name.startswith("."):
            continue
        if file.name not in listed:
            problems.append(Problem(str(file), 0, "file has no metadata entry",
                                    f"add an entry with 'file: {file.name}' to {shown}, or move the file out of content/"))
    if problems and not collect:
        raise ContentError(problems)
    return metas


def _validate_entry(entry: dict, line: int, shown: str, content_dir: Path,
                    problems: list[Problem]) -> ReportMeta | None:
    ok = True
    for key in entry:
        if key not in REQUIRED_KEYS and key not in OPTIONAL_KEYS:
            close = [k for k in REQUIRED_KEYS + OPTIONAL_KEYS if sorted(k) == sorted(str(key))]
            allowed = ", ".join(REQUIRED_KEYS + OPTIONAL_KEYS)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {allowed}"
            problems.append(Problem(shown, line, f"unknown key '{key}'", hint))
            ok = False
    for key in REQUIRED_KEYS:
        if entry.get(key) in (None, ""):
            problems.append(Problem(shown, line, f"entry is missing '{key}'", f"add '{key}: …' to the entry"))
            ok = False
    if not ok:
        return None
    slug = str(entry["slug"])
    if not SLUG_PATTERN.match(slug):
        problems.append(Problem(shown, line, f"slug '{slug}' is not URL-safe",
                                "use lowercase ASCII letters, digits and single hyphens, e.g. 2024-guangzhou"))
        ok = False
    this_year = datetime.date.today().year + 1
    year = entry["year"]
    if not isinstance(year, int) or not FIRST_YEAR <= year <= this_year:
        problems.append(Problem(shown, line, f"year {year!r} is impossible",
                                f"give the report's year as a number between {FIRST_YEAR} and {this_year}"))
        ok = False
    level = str(entry["level"])
    if level not in LEVELS:
        problems.append(Problem(shown, line, f"level '{level}' is unknown", f"use one of {', '.join(LEVELS)}"))
        ok = False
    script = str(entry.get("script") or "")  # "" → detected from the text when the file is read
    if script and script not in SCRIPTS:
        problems.append(Problem(shown, line, f"script '{script}' is unknown", f"use one of {', '.join(SCRIPTS)}"))
        ok = False
    kind = str(entry.get("kind") or "report")
    if kind not in KINDS:
        problems.append(Problem(shown, line, f"kind '{kind}' is unknown", f"use one of {', '.join(KINDS)}"))
        ok = False
    file = str(entry["file"])
    if "/" in file or "\\" in file or file.startswith("."):
        problems.append(Problem(shown, line, f"file '{file}' is not a plain file name",
                                "put the report directly in content/ and give its name"))
        ok = False
    elif not (content_dir / file).is_file():
        problems.append(Problem(shown, line, f"file '{file}' does not exist in {content_dir}",
                                "check the spelling or add the file to content/"))
        ok = False
    date = entry.get("date") or ""
    if isinstance(date, datetime.date):
        date = date.isoformat()
    if not ok:
        return None
    # Not the entry's line: a report's state keys every per-report cache (cache.digest_of), and an
    # entry added or removed above it moves its line; the problems above carry the line themselves.
    return ReportMeta(
        file=file, slug=slug, year=year, region=str(entry["region"]), level=level,
        title=str(entry.get("title") or ""), date=str(date), speaker=str(entry.get("speaker") or ""),
        script=script, kind=kind, source_url=str(entry.get("source_url") or ""),
        retrieved=str(entry.get("retrieved") or ""),
    )


def decode_report(path: Path) -> str:
    """Decode a report file as UTF-8 (BOM allowed); refuse binary and other encodings clearly."""
    data = path.read_bytes()
    shown = str(path)
    if not data.strip():
        raise ContentError([Problem(shown, 0, "file is empty", "put the report's text in it, or remove its entry")])
    if b"\x00" in data[:8192]:
        raise ContentError([Problem(shown, 0, "file is binary, not text",
                                    "export the report as plain UTF-8 text (.txt), not PDF or Word")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        hint = "save it as UTF-8"
        try:
            data.decode("gb18030")
            what = "file is not UTF-8; it looks like GB18030/GBK, common in Chinese sources"
            hint = f"convert it: iconv -f GB18030 -t UTF-8 '{path.name}' > converted.txt, then replace the file"
        except UnicodeDecodeError:
            what = "file is not UTF-8 text"
        raise ContentError([Problem(shown, line, what, hint)]) from None
    return text


def load_reports(content_dir: Path) -> list[RawReport]:
    """Read every report named in reports.yml; all problems are reported together."""
    problems: list[Problem] = []
    metas = read_metadata(content_dir, problems)
    reports: list[RawReport] = []
    for meta in metas:
        path = content_dir / meta.file
        try:
            text = decode_report(path)
        except ContentError as error:
            problems.extend(error.problems)
            continue
        # CRLF and lone CR line ends become LF; line numbers count as an editor would.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = [SourceLine(number, line) for number, line in enumerate(text.split("\n"), start=1)]
        if not meta.script:
            found = SCRIPTS_FOUND.get(text)
            if found is None:
                found = detect_script(text)
                SCRIPTS_FOUND.put(text, found)
            meta = replace(meta, script=found)
        reports.append(RawReport(meta=meta, path=str(path), lines=lines))
    SCRIPTS_FOUND.save()
    if problems:
        raise ContentError(problems)
    return reports
