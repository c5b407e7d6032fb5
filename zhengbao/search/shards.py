"""The search index split into many small script files, so a query reads only what it needs.

Why (issue 9): at 1,000 reports one index script is tens of megabytes, and the browser would read
all of it before the first result. As in Pagefind, the index is cut by term: a small manifest
(`search-index.js`: reports, the fold table, where each shard starts) is read on first use, and a
query then loads only the shards holding its own keys, and the paragraph texts of the results it
shows. Every file is a script that calls `zbSearchShard(name, data)`, because fetch() is blocked on
file://.

The old search found candidates by bigram and then checked the phrase in the paragraph text,
which needs the text of every candidate. Here the check is done in the index itself: postings are
positional (key → paragraph id → offsets in the folded text), so a term occurs at offset p exactly
when each of its bigrams occurs at p, p+1, …; the number rule (1万亿 ≠ 11万亿) uses two small
position lists per digit (digit after a digit or a point, digit before a digit). One-character
terms use per-paragraph counts, heading matches a positional index over heading runs, paragraph
lengths (for BM25) short fixed-width chunks. The results, scores and order are those of the
single-file search (tests/test_search_shards.py compares them on the query set).

Keys (a control character after the text says which list it is; bigrams have none, so every
list about "ab" sorts next to "ab" and usually sits in the same shard):
- "ab"         paragraph bigram: entries "idΔ.pos.posΔ…"
- "c\\x01"     paragraph character: "idΔ.count" (counts for a digit follow the number rule)
- "ab\\x02"    heading bigram: "runStartΔ.runLength.pos.posΔ…"
- "c\\x03"     heading character: "runStartΔ.runLength"
- "d\\x04"     digit d preceded by a digit or ".": "idΔ.pos.posΔ…"
- "d\\x05"     digit d followed by a digit: "idΔ.pos.posΔ…"
Numbers are base 36, entries joined by ",". Keys are sorted in UTF-16 order (JavaScript's).
"""

from __future__ import annotations

import json
import os
import re
from array import array
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..labels import sort_reports
from ..model import Report
from . import _base36, build_fold_table, collect_paragraphs, fold

SHARD_DIR = Path("assets") / "zhengbao" / "search"
MANIFEST_PATH = Path("assets") / "zhengbao" / "search-index.js"
# Sizes chosen for 1,000 reports: a query reads a few key shards, ≤ 50 text chunks, a few length chunks.
KEY_SHARD_BYTES = 32_000
# A small site's shards also go into one bundle loaded with the manifest: one script load instead
# of several rounds of small ones (measured: p95 416 ms → see README), at a size still cheap.
BUNDLE_MAX_BYTES = 2_000_000
BUNDLE_NAME = "all"
TEXT_CHUNK_PARAGRAPHS = 8
LENGTH_CHUNK_PARAGRAPHS = 4096
LENGTH_CHAR_OFFSET = 256
DIGITS = "0123456789"
DIGIT_RE = re.compile("[0-9]")
# Base-36 forms of every number below 36³ (offsets, id gaps, counts): looked up, not computed, for speed.
BASE36 = [_base36(number) for number in range(36 ** 3)]
PARAGRAPH_CHAR, HEADING_BIGRAM, HEADING_CHAR, DIGIT_AFTER_DIGIT, DIGIT_BEFORE_DIGIT = "\x01", "\x02", "\x03", "\x04", "\x05"


@dataclass(frozen=True)
class ShardFile:
    """One script of the split index: its path under the docs folder and its text."""

    path: Path
    text: str


def utf16_order(key: str) -> bytes:
    """Sort key equal to JavaScript's string comparison (UTF-16 code units)."""
    return key.encode("utf-16-be", "surrogatepass")


def shard_script(name: str, data: object) -> str:
    """A registration call; "<" escaped so report text can never close a script element."""
    body = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f'zbSearchShard("{name}",' + body.replace("<", "\\u003c") + ");\n"


def heading_runs(heading_of: list[int]) -> list[tuple[int, int, int]]:
    """(first paragraph id, count, heading index) of each run of paragraphs under one heading."""
    runs: list[tuple[int, int, int]] = []
    for number, heading in enumerate(heading_of):
        if runs and runs[-1][2] == heading and runs[-1][0] + runs[-1][1] == number:
            start, count, _ = runs[-1]
            runs[-1] = (start, count + 1, heading)
        else:
            runs.append((number, 1, heading))
    return [run for run in runs if run[2] >= 0]


def b36(number: int) -> str:
    return BASE36[number] if number < len(BASE36) else _base36(number)


def add_positions(postings: dict[str, array], text: str, owner: int, marker: str = "") -> None:
    """Every bigram without whitespace of text, as (owner, offset) pairs under its key."""
    for at, (first, second) in enumerate(zip(text, text[1:], strict=False)):
        if first.isspace() or second.isspace():
            continue
        key = first + second + marker
        pairs = postings.get(key)
        if pairs is None:
            pairs = postings[key] = array("i")
        pairs.append(owner)
        pairs.append(at)


def add_paragraph(postings: dict[str, array], text: str, number: int) -> None:
    """Bigram positions, character counts and the digit-neighbour lists of one folded paragraph."""
    add_positions(postings, text, number)
    counts = Counter(text)
    for match in DIGIT_RE.finditer(text):
        at, char = match.start(), match.group()
        before = at > 0 and text[at - 1] in DIGITS + "."
        after = at + 1 < len(text) and text[at + 1] in DIGITS
        if before:
            postings.setdefault(char + DIGIT_AFTER_DIGIT, array("i")).extend((number, at))
        if after:
            postings.setdefault(char + DIGIT_BEFORE_DIGIT, array("i")).extend((number, at))
        if before or after:
            counts[char] -= 1  # a one-digit term does not match inside a longer number
    for char, count in sorted(counts.items()):
        if count == 0:
            continue
        postings.setdefault(char + PARAGRAPH_CHAR, array("i")).extend((number, count))


def encode_positional(pairs: array, runs: dict[int, int] | None = None) -> str:
    """(owner, offset) pairs in owner order → "ownerΔ[.runLength].offset.offsetΔ…" entries."""
    out: list[str] = []
    current = last_offset = 0
    first = True
    values = iter(pairs)
    for owner, offset in zip(values, values, strict=True):
        if owner != current or first:
            if not first:
                out.append(",")
            out.append(b36(owner - current))
            if runs is not None:
                out.append("." + b36(runs[owner]))
            current, last_offset, first = owner, 0, False
        out.append("." + b36(offset - last_offset))
        last_offset = offset
    return "".join(out)


def encode_counts(pairs: array) -> str:
    """(owner, value) pairs in owner order → "ownerΔ.value" entries."""
    entries, previous = [], 0
    values = iter(pairs)
    for owner, value in zip(values, values, strict=True):
        entries.append(b36(owner - previous) + "." + b36(value))
        previous = owner
    return ",".join(entries)


def heading_postings(runs: list[tuple[int, int, int]], headings: list[str]) -> dict[str, str]:
    """Heading bigrams and characters → the paragraph runs whose heading holds them."""
    positions: dict[str, array] = {}
    chars: dict[str, array] = {}
    lengths = {start: count for start, count, _ in runs}
    for start, count, heading in runs:
        add_positions(positions, headings[heading], start, HEADING_BIGRAM)
        for char in sorted(set(headings[heading])):
            chars.setdefault(char + HEADING_CHAR, array("i")).extend((start, count))
    encoded = {key: encode_positional(pairs, lengths) for key, pairs in positions.items()}
    encoded.update({key: encode_counts(pairs) for key, pairs in chars.items()})
    return encoded


def pack_keys(encoded: dict[str, str]) -> list[list[str]]:
    """Keys in UTF-16 order, cut into consecutive groups of about KEY_SHARD_BYTES each."""
    groups: list[list[str]] = [[]]
    size = 0
    for key in sorted(encoded, key=utf16_order):
        cost = len(encoded[key].encode("utf-8")) + len(key.encode("utf-8")) + 6
        if groups[-1] and size + cost > KEY_SHARD_BYTES:
            groups.append([])
            size = 0
        groups[-1].append(key)
        size += cost
    return groups


def fixed_width(values: list[int]) -> tuple[str, int]:
    """Numbers as one base-36 string of equal-width fields: no separators to read."""
    width = max([len(_base36(v)) for v in values] + [1])
    return "".join(_base36(v).rjust(width, "0") for v in values), width


def build_shards(reports: list[Report]) -> list[ShardFile]:
    """The manifest and every shard, from the linked reports (same data as the single-file index)."""
    report_rows, headings, paragraphs = collect_paragraphs(reports)
    table = build_fold_table([p.text for p in paragraphs] + headings)
    postings: dict[str, array] = {}
    lengths: list[int] = []
    # fold() one character at a time is slow on 40 M characters; the same map as str.translate.
    characters = set().union(*(p.text for p in paragraphs))
    folder = {ord(char): fold(char, table) for char in characters}
    for number, paragraph in enumerate(paragraphs):
        folded = paragraph.text.translate(folder)
        add_paragraph(postings, folded, number)
        lengths.append(len(folded))
    encoded = {key: (encode_counts(pairs) if key.endswith(PARAGRAPH_CHAR) else encode_positional(pairs))
               for key, pairs in postings.items()}
    del postings
    runs = heading_runs([p.heading for p in paragraphs])
    encoded.update(heading_postings(runs, [fold(h, table) for h in headings]))
    files: list[ShardFile] = []
    groups = pack_keys(encoded)
    for number, group in enumerate(groups):
        files.append(ShardFile(SHARD_DIR / f"k{number}.js", shard_script(f"k{number}", {k: encoded[k] for k in group})))
    for number, start in enumerate(range(0, len(paragraphs), TEXT_CHUNK_PARAGRAPHS)):
        chunk = paragraphs[start:start + TEXT_CHUNK_PARAGRAPHS]
        chunk_headings = sorted({p.heading for p in chunk if p.heading >= 0})
        local = {heading: index for index, heading in enumerate(chunk_headings)}
        data = {"h": [headings[h] for h in chunk_headings],
                "p": [[p.anchor, local.get(p.heading, -1), p.text] for p in chunk]}
        files.append(ShardFile(SHARD_DIR / f"t{number}.js", shard_script(f"t{number}", data)))
    width = fixed_width(lengths)[1]
    # Paragraph lengths (for BM25) go into the manifest as one character each (code = length + 256,
    # below the surrogates), so a query needs no second round of length files; a paragraph too long
    # for that keeps the chunked form.
    length_chars = ""
    if max(lengths, default=0) + LENGTH_CHAR_OFFSET < 0xD800:
        length_chars = "".join(chr(v + LENGTH_CHAR_OFFSET) for v in lengths)
    else:
        for number, start in enumerate(range(0, len(lengths), LENGTH_CHUNK_PARAGRAPHS)):
            text = "".join(_base36(v).rjust(width, "0") for v in lengths[start:start + LENGTH_CHUNK_PARAGRAPHS])
            files.append(ShardFile(SHARD_DIR / f"l{number}.js", shard_script(f"l{number}", text)))
    bundle = ""
    limit = int(os.environ.get("ZHENGBAO_SEARCH_BUNDLE_MAX", BUNDLE_MAX_BYTES))
    if sum(len(f.text.encode("utf-8")) for f in files) <= limit:
        # Only the bundle is shipped then: the shards inside it are never requested one by one.
        files = [ShardFile(SHARD_DIR / f"{BUNDLE_NAME}.js", "".join(f.text for f in files))]
        bundle = BUNDLE_NAME
    starts, previous = [], -1
    for number, paragraph in enumerate(paragraphs):
        if paragraph.report != previous:
            starts.append(number)
            previous = paragraph.report
    manifest = {
        "version": 2,
        "fold": "".join(t + s for t, s in sorted(table.items())),
        # Compact rows [slug, year, region, summary 0/1]; search.js expands them (a 1,000-report
        # manifest is read by every cold query, so its size counts).
        "reports": [[row["slug"], row["year"], row["region"], int(bool(row["summary"]))] for row in report_rows],
        "reportStarts": starts,
        "paragraphs": len(paragraphs),
        "totalLength": sum(lengths),
        "keys": [group[0] for group in groups],
        "textChunk": TEXT_CHUNK_PARAGRAPHS,
        "lengthChunk": LENGTH_CHUNK_PARAGRAPHS,
        "lengthWidth": width,
        "lengthChars": length_chars,
        "bundle": bundle,
    }
    body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    files.append(ShardFile(MANIFEST_PATH, "window.zbSearchIndex=" + body.replace("<", "\\u003c") + ";\n"))
    return files


def write_shards(reports: list[Report], docs_dir: Path) -> list[Path]:
    """Write manifest and shards into the docs folder; MkDocs copies them to site/ as they are."""
    written = []
    (docs_dir / SHARD_DIR).mkdir(parents=True, exist_ok=True)
    for shard in build_shards(sort_reports(reports)):
        target = docs_dir / shard.path
        target.write_text(shard.text, encoding="utf-8")
        written.append(target)
    return written
