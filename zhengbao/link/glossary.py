"""Glossary entries: the numbered 名词解释 of a report's annex, with their curated match keys.

The annex writes a term with decorations the body text need not repeat (quotes, a space, a
qualifier such as 省委, an English expansion), so what finds a term in the body is decided per
entry in one reviewed table, content/glossary-keys.yml; `draft_keys` proposes a first version.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..errors import ContentError, Problem
from ..load import read_yaml
from ..model import GlossaryEntry, Report
from ..script import converter, to_simplified_reading

KEYS_FILE = "glossary-keys.yml"

# An annex entry "4.百千万工程：广东省委…", "5. “1+8+6”规划成果体系：1个…" or, with an English
# expansion after an ASCII colon, "7. CRO: Contract Research Organizations,即…" (2024 越秀区 report).
# The number may also be written as annexes of other reports number their notes: "1、", "（1）",
# "(1)", "【1】", "[1]" or a circled "①" (① is 1, up to ⑳).
ENTRY_START = re.compile(
    r"^(?:(?P<number>\d{1,3})[.．、]|[（(](?P<paren>\d{1,3})[）)]|[【\[](?P<bracket>\d{1,3})[】\]]|(?P<circled>[①-⑳]))"
    r"\s*(?P<term>[^：:]{1,40}?)\s*[：:]\s*(?P<definition>.+)$", re.S)
CIRCLED_ONE = ord("①")

# Corner quotes of traditional texts (2023 summary style) read as the curly quotes the keys use.
# One character for one, so offsets are kept.
QUOTE_SHADOW = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})

# Quotes the annex puts around (part of) a term; the body may leave them out (“专精特新”企业 →
# 专精特新企业). Used only to draft keys.
TERM_QUOTES = "“”‘’「」『』\""


def annex_sections(report: Report) -> list:
    """The report's annex sections (role "annex"): where its 名词解释 live."""
    return [section for section in report.sections if section.role == "annex"]


def simplified_shadow(text: str) -> str:
    """The text in simplified characters, same length and offsets, for matching only.

    OpenCC converts by phrase (著 read as 着 where it stands for it: script.to_simplified_reading);
    where a phrase would change the length, each character is converted on its own and one that
    would still change length is kept as it is.
    """
    shadow = to_simplified_reading(text)
    if len(shadow) != len(text):
        t2s = converter("t2s")
        chars = []
        for char in text:
            converted = t2s.convert(char)
            chars.append(converted if len(converted) == 1 else char)
        shadow = "".join(chars)
    return shadow.translate(QUOTE_SHADOW)


def matching_text(text: str, script: str) -> str:
    """What keys are searched in: the simplified shadow for traditional reports."""
    return simplified_shadow(text) if script == "traditional" else text.translate(QUOTE_SHADOW)


def entry_number(match: re.Match) -> int:
    """The entry's number as the annex writes it: 3 for "3.", "（3）", "【3】" and "③"."""
    if match["circled"]:
        return ord(match["circled"]) - CIRCLED_ONE + 1
    return int(match["number"] or match["paren"] or match["bracket"])


def parse_entries(report: Report) -> list[GlossaryEntry]:
    """Every numbered entry of the report's annex, in source order, with drafted keys.

    Keys are matched against simplified text (`matching_text`), so a traditional annex's term
    (鏈主) is drafted as its simplified reading (链主).
    """
    entries = []
    for section in annex_sections(report):
        for paragraph in section.paragraphs:
            match = ENTRY_START.match(paragraph.text)
            if match is None:
                continue
            term = match["term"].strip()
            entries.append(GlossaryEntry(
                source_slug=report.meta.slug, number=entry_number(match),
                term=term, definition=match["definition"].strip(),
                paragraph_anchor=paragraph.anchor,
                keys=tuple(draft_keys(matching_text(term, report.meta.script)))))
    return entries


def squeeze(text: str) -> str:
    """A term without spaces: the cleaning drops spaces beside CJK text, so keys have none."""
    return re.sub(r"\s+", "", text)


def draft_keys(term: str) -> list[str]:
    """First guess at a term's keys: the term as written and without its quotes."""
    keys = [squeeze(term)]
    bare = "".join(char for char in keys[0] if char not in TERM_QUOTES)
    if bare and bare != keys[0]:
        keys.append(bare)
    return keys


def load_key_table(content_dir: Path) -> dict[str, dict[int, dict]]:
    """content/glossary-keys.yml as {source slug: {entry number: row}}; empty if absent.

    Raises ContentError (`path:line: what — what to do`) for a file that is not the shape
    `glossaries: {slug: [{n: 1, term: …, keys: […]}, …]}`.
    """
    path = content_dir / KEYS_FILE
    if not path.exists():
        return {}
    data = read_yaml(path) or {}
    shown = str(path)
    shape = "write it as 'glossaries:' then, per report slug, a list of rows {n: 1, term: …, keys: [...]}"
    if not isinstance(data, dict) or not isinstance(data.get("glossaries") or {}, dict):
        line = data.get("__line__", 1) if isinstance(data, dict) else 1
        raise ContentError([Problem(shown, line, "the file has no 'glossaries:' mapping", shape)])
    problems: list[Problem] = []
    table: dict[str, dict[int, dict]] = {}
    for slug, rows in (data.get("glossaries") or {}).items():
        if slug == "__line__":
            continue
        if not isinstance(rows, list):
            problems.append(Problem(shown, data["glossaries"].get("__line__", 1),
                                    f"'{slug}' is not a list of rows", shape))
            continue
        table[str(slug)] = {}
        for row in rows:
            line = row.get("__line__", 1) if isinstance(row, dict) else data["glossaries"].get("__line__", 1)
            if not isinstance(row, dict):
                problems.append(Problem(shown, line, f"row {row!r} of '{slug}' is not a mapping", shape))
                continue
            number, keys = row.get("n"), row.get("keys")
            if not isinstance(number, int) or isinstance(number, bool):
                problems.append(Problem(shown, line, f"row of '{slug}' has no entry number 'n' (found {number!r})",
                                        "give the annex's number of the entry, e.g. n: 4"))
                continue
            if "term" not in row:
                problems.append(Problem(shown, line, f"row {slug} #{number} has no 'term'",
                                        "copy the term as the annex writes it, e.g. term: 百千万工程"))
                continue
            if keys is not None and (not isinstance(keys, list) or not all(isinstance(k, str | int) for k in keys)):
                problems.append(Problem(shown, line, f"row {slug} #{number}: 'keys' is not a list of strings",
                                        "write keys: [key, another key]"))
                continue
            if number in table[str(slug)]:
                problems.append(Problem(shown, line, f"row {slug} #{number} is listed twice", "keep one row per entry"))
                continue
            table[str(slug)][number] = row
    if problems:
        raise ContentError(problems)
    return table


def with_keys(entries: list[GlossaryEntry], table: dict[str, dict[int, dict]], path: Path) -> list[GlossaryEntry]:
    """Entries with their curated keys; an entry the table lacks gets drafted keys.

    A row whose term no longer matches the annex is an error: the table was curated for a text
    that has changed, and its keys may now mark the wrong thing.
    """
    problems, out = [], []
    for entry in entries:
        row = table.get(entry.source_slug, {}).get(entry.number)
        if row is None:
            out.append(entry)  # keys drafted by parse_entries
            continue
        if squeeze(str(row.get("term", ""))) != squeeze(entry.term):
            problems.append(Problem(str(path), row.get("__line__", 0), f"entry {entry.source_slug} #{entry.number} is "
                                    f"'{row.get('term')}' here but '{entry.term}' in the annex",
                                    "update the row's term and review its keys"))
            continue
        keys = [str(key) for key in row.get("keys") or []]
        if not keys:
            problems.append(Problem(str(path), row.get("__line__", 0), f"entry {entry.source_slug} #{entry.number} has no keys",
                                    "list at least one key (the term as the body writes it)"))
            continue
        out.append(_replace_keys(entry, keys))
    if problems:
        raise ContentError(problems)
    return out


def _replace_keys(entry: GlossaryEntry, keys: list[str]) -> GlossaryEntry:
    return GlossaryEntry(entry.source_slug, entry.number, entry.term, entry.definition,
                         entry.paragraph_anchor, tuple(keys))


def glossary_entries(reports: list[Report], content_dir: Path) -> list[GlossaryEntry]:
    """All entries of all reports' annexes, with keys, ordered by source report then number."""
    entries = [entry for report in reports for entry in parse_entries(report)]
    return with_keys(entries, load_key_table(content_dir), content_dir / KEYS_FILE)


def draft_table(reports: list[Report]) -> str:
    """A draft content/glossary-keys.yml for every annex entry, to be curated by hand."""
    glossaries: dict[str, list] = {}
    for report in reports:
        for entry in parse_entries(report):
            glossaries.setdefault(entry.source_slug, []).append(
                {"n": entry.number, "term": entry.term, "keys": list(entry.keys)})
    return yaml.safe_dump({"glossaries": glossaries}, allow_unicode=True, sort_keys=False, width=120)

