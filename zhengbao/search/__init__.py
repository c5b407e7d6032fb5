"""Search stage: a paragraph-level index of character bigrams, shipped as a script file.

Why bigrams and not Material's search: its lunr index is per page section and its browser-side
segmentation of a Chinese query drops characters (城市更新 → `城市* 更*`), and its worker cannot
start from file://. Every Chinese word of two or more characters is a run of bigrams, so an
inverted index of bigrams finds candidates for any query, and checking the folded paragraph text
for the whole query ("phrase verification") removes the false ones. The index is a `<script>`
file (`window.zbSearchIndex = …`) because Chromium blocks `fetch()` of JSON on file://.

Traditional and simplified are folded to one script: every character is mapped through a
character table made with OpenCC at build time; the same table is shipped to the browser and
applied to the query, so 現代化 finds 现代化 and 现代化 finds the traditional 2023 summary.
The fold maps one character to one character, so match offsets in folded text are offsets in
the original text too (the snippet shows the original).

The site ships this index split into shards (zhengbao/search_shards.py, issue 9); the single-file
form below is the reference it is tested against. Format: `bigrams` maps each bigram to its
posting list, paragraph ids as base-36 deltas joined by ","; `paragraphs` holds, per id, the
report index, anchor, heading index and original text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..labels import sort_reports
from ..model import Report
from ..script import converter, to_simplified

INDEX_PATH = Path("assets") / "zhengbao" / "search-index.js"
# OpenCC configurations whose traditional forms a reader may type: Taiwan, Hong Kong, OpenCC's own.
TRADITIONAL_CONFIGS = ("s2t", "s2tw", "s2hk")
# Full-width ASCII (Ｕ+FF01…FF5E) as typed by Chinese input methods → ASCII, so ３万亿 finds 3万亿.
FULLWIDTH_OFFSET = 0xFEE0


@dataclass(frozen=True)
class IndexedParagraph:
    """One search result candidate: where it is, what it says."""

    report: int  # position in the index's report list
    anchor: str
    heading: int  # position in the index's heading list; -1 for the preamble
    text: str


def fullwidth_fold(char: str) -> str:
    """Full-width ASCII to ASCII, upper case to lower case; one character in, one out."""
    code = ord(char)
    if 0xFF01 <= code <= 0xFF5E:
        char = chr(code - FULLWIDTH_OFFSET)
    lower = char.lower()
    return lower if len(lower) == 1 else char


def build_fold_table(texts: list[str]) -> dict[str, str]:
    """Traditional character → simplified character, for every traditional form of the corpus.

    The candidates are the characters of the texts themselves and every traditional variant
    OpenCC gives for them (by phrase and by character), so a query typed in traditional finds
    simplified text. Each candidate maps to OpenCC's single-character t2s form, so the index and
    the query fold the same way.
    """
    candidates: set[str] = set()
    unique = sorted(set(texts))  # many paragraphs repeat across years; converting once is enough
    for config in TRADITIONAL_CONFIGS:
        convert = converter(config)
        for text in unique:
            candidates.update(convert.convert(text))
        chars = sorted(set().union(*unique))
        candidates.update(convert.convert("\n".join(chars)))
    for text in unique:
        candidates.update(text)
    table: dict[str, str] = {}
    for char in sorted(candidates):
        simplified = to_simplified(char)
        if len(simplified) == 1 and simplified != char:
            table[char] = simplified
    return table


def fold(text: str, table: dict[str, str]) -> str:
    """The form both index and query are compared in; same length as text."""
    return "".join(fullwidth_fold(table.get(char, char)) for char in text)


def bigrams(text: str) -> set[str]:
    """Every two-character window without whitespace."""
    return {text[i:i + 2] for i in range(len(text) - 1) if not (text[i].isspace() or text[i + 1].isspace())}


def encode_postings(ids: list[int]) -> str:
    """Sorted ids as base-36 deltas: short, and readable in a debugger."""
    out, previous = [], 0
    for value in ids:
        out.append(_base36(value - previous))
        previous = value
    return ",".join(out)


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if number == 0:
            return out


def collect_paragraphs(reports: list[Report]) -> tuple[list[dict], list[str], list[IndexedParagraph]]:
    """Reports (newest first, as on the home page), headings and paragraphs in document order."""
    report_rows, headings, paragraphs = [], [], []
    heading_ids: dict[str, int] = {}
    for number, report in enumerate(sort_reports(reports)):
        meta = report.meta
        report_rows.append({"slug": meta.slug, "year": meta.year, "region": meta.region,
                            "title": report.title or meta.slug, "summary": meta.kind == "summary"})
        for section, sub, paragraph in report.paragraphs_in_context():
            heading = " › ".join(s.heading for s in (section, sub) if s is not None)
            if heading and heading not in heading_ids:
                heading_ids[heading] = len(headings)
                headings.append(heading)
            paragraphs.append(IndexedParagraph(number, paragraph.anchor, heading_ids.get(heading, -1), paragraph.text))
    return report_rows, headings, paragraphs


def build_index(reports: list[Report]) -> dict:
    """The whole index as plain data (sorted, so the output is byte-identical between builds)."""
    report_rows, headings, paragraphs = collect_paragraphs(reports)
    table = build_fold_table([p.text for p in paragraphs] + headings)
    postings: dict[str, list[int]] = {}
    for number, paragraph in enumerate(paragraphs):
        for gram in bigrams(fold(paragraph.text, table)):
            postings.setdefault(gram, []).append(number)
    return {
        "version": 1,
        "fold": "".join(t + s for t, s in sorted(table.items())),
        "reports": report_rows,
        "headings": headings,
        "paragraphs": [[p.report, p.anchor, p.heading, p.text] for p in paragraphs],
        "bigrams": {gram: encode_postings(ids) for gram, ids in sorted(postings.items())},
    }


def index_script(index: dict) -> str:
    """The index as a script: loadable with `<script src>` from file://, where fetch() is blocked."""
    body = json.dumps(index, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # A paragraph could contain "</script>"; escaping "<" keeps the file inert wherever it is inlined.
    return "window.zbSearchIndex=" + body.replace("<", "\\u003c") + ";\n"


def add_search(reports: list[Report], docs_dir: Path) -> Path:
    """Write the split index (manifest + shards, zhengbao/search_shards.py) into the docs folder.

    The single-file index above stays the reference the split one is tested against.
    """
    from .shards import write_shards

    write_shards(reports, docs_dir)
    return docs_dir / INDEX_PATH
