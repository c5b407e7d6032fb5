"""The search index the site ships: a manifest and shards cut by key (docs/search-format.md).

A query reads the manifest, then only the key shards holding its own keys and the text chunks of
the results it shows; a small site gets every shard in one bundle instead. Postings are positional,
so the browser checks a phrase in the index without the paragraph texts. The results, scores and
order are those of zhengbao/search/reference.py (tests/test_search_shards.py compares them).
"""

from __future__ import annotations

import os
import re
from array import array
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .. import cache
from ..model import Report
from ..urls import report_page
from .bits import PACK_BITS, count_bits, encode_huffman, encode_texts_bits, entry_bits, whole_list
from .blocks import block_digest, block_parts, joined_lists, report_blocks
from .encoding import (
    NUMBER_ALPHABET,
    TERMINAL_DIGITS,
    code,
    dictionary_field,
    global_script,
    shard_script,
    unit,
    utf16_order,
)
from .fold import build_fold_table, fold, table_text
from .paragraphs import IndexedParagraph, IndexedReport, collect_paragraphs, label_starts, report_starts
from .ranking import DIGIT_OR_POINT, DIGITS, TERM_SPLIT, TERM_SPLIT_PATTERN, browser_settings

# Where the files go, under the docs folder (and so under the site root).
SHARD_DIR = Path("assets") / "zhengbao" / "search"
MANIFEST_PATH = Path("assets") / "zhengbao" / "search-index.js"
# The global the manifest script sets (search-engine.js reads window.zbSearchIndex).
MANIFEST_GLOBAL = "zbSearchIndex"
# Shard names: a prefix for the kind, then its number (k0.js, t12.js); the bundle's name.
KEY_SHARD, TEXT_CHUNK, BUNDLE_NAME = "k", "t", "all"
# Sizes chosen for 1,000 reports: a query reads a few key shards and ≤ 10 text chunks per page of
# results.
KEY_SHARD_BYTES = 32_000
TEXT_CHUNK_PARAGRAPHS = 8
# A small site's shards also go into one bundle loaded with the manifest: one script load instead
# of several rounds of small ones, at a size still cheap. ZHENGBAO_SEARCH_BUNDLE_MAX overrides it.
BUNDLE_MAX_BYTES = 2_000_000
# The character after a key's text that says which list it is (docs/search-format.md, "Keys").
MARKERS = {"paragraphChar": "\x01", "headingBigram": "\x02", "headingChar": "\x03",
           "digitAfterDigit": "\x04", "digitBeforeDigit": "\x05"}
PARAGRAPH_CHAR, HEADING_BIGRAM, HEADING_CHAR = MARKERS["paragraphChar"], MARKERS["headingBigram"], MARKERS["headingChar"]
DIGIT_AFTER_DIGIT, DIGIT_BEFORE_DIGIT = MARKERS["digitAfterDigit"], MARKERS["digitBeforeDigit"]
# Kinds whose keys are bigrams (the others are one character): paragraph and heading bigrams.
BIGRAM_KINDS = (0, ord(HEADING_BIGRAM))
# Kinds of the heading lists, read with the paragraph list of the same bigram or character.
HEADING_KINDS = (ord(HEADING_BIGRAM), ord(HEADING_CHAR))
KIND_COUNT_CHAR = chr(len(MARKERS) + 1)
MANIFEST_VERSION = 16
DIGIT_RE = re.compile("[" + re.escape(DIGITS) + "]")  # finditer is fast on 40 M characters


@dataclass(frozen=True)
class ShardFile:
    """One script of the split index: its path under the docs folder and its text."""

    path: Path
    text: str


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


def add_positions(postings: dict[str, array], text: str, owner: int, marker: str = "") -> None:
    """Every bigram without whitespace of text, as (owner, offset) pairs under its key."""
    get = postings.get
    if text.split() != [text] or marker:  # whitespace to skip (str.split cuts at str.isspace), or a marker
        for at, (first, second) in enumerate(zip(text, text[1:], strict=False)):
            if first.isspace() or second.isspace():
                continue
            key = first + second + marker
            pairs = get(key)
            if pairs is None:
                pairs = postings[key] = array("i")
            pairs.append(owner)
            pairs.append(at)
        return
    for at, key in enumerate(map(str.__add__, text, text[1:])):  # the common case, no test per bigram
        pairs = get(key)
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
        before = at > 0 and text[at - 1] in DIGIT_OR_POINT
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


def paragraph_lists(rows: list[IndexedReport], starts: list[int], folded: list[str]) -> dict[str, str]:
    """Every paragraph key's list (bigram positions, character counts, digit neighbours), made per
    block of reports and read back from the cache for a block whose folded paragraphs are unchanged,
    a list coded again only when one of its blocks changed (blocks.joined_lists)."""
    firsts = report_blocks([row.slug for row in rows])
    bounds = [starts[first] for first in firsts] + [len(folded)]
    blocks = []
    for number, first in enumerate(firsts):
        begin, end = bounds[number], bounds[number + 1]
        texts = folded[begin:end]

        def compute(texts: list[str] = texts) -> dict:
            postings: dict[str, array] = {}
            for local, text in enumerate(texts):
                add_paragraph(postings, text, local)
            return block_parts(searched(postings), PARAGRAPH_CHAR, [len(text) for text in texts])

        blocks.append((rows[first].slug, block_digest(texts), begin, compute))
    return joined_lists(blocks, len(folded))


# The punctuation a query is cut at (ranking.TERM_SPLIT_PATTERN's own characters): no term holds
# one, so no query reads a key that does, and none is written (at N=1000 7.4 MB of bigrams such as
# `展，` and `，推`, and the count lists of ， 。 、). Whitespace is left out of bigrams already.
UNSEARCHED = frozenset(char for char in TERM_SPLIT_PATTERN if not char.isspace() and TERM_SPLIT.fullmatch(char))


def searched(postings: dict[str, array]) -> dict[str, array]:
    """The postings without the keys no query can read (UNSEARCHED)."""
    return {key: pairs for key, pairs in postings.items() if UNSEARCHED.isdisjoint(key_text(key))}


def heading_postings(runs: list[tuple[int, int, int]], headings: list[str], total: int) -> dict[str, str]:
    """Heading bigrams and characters → the paragraph runs whose heading holds them (of `total`
    paragraphs)."""
    positions: dict[str, array] = {}
    chars: dict[str, array] = {}
    lengths = {start: count for start, count, _ in runs}
    for start, count, heading in runs:
        add_positions(positions, headings[heading], start, HEADING_BIGRAM)
        for char in sorted(set(headings[heading])):
            chars.setdefault(char + HEADING_CHAR, array("i")).extend((start, count))
    encoded = {key: whole_list(*entry_bits(pairs, None, lengths), total) for key, pairs in searched(positions).items()}
    encoded.update({key: whole_list(*count_bits(pairs), total) for key, pairs in searched(chars).items()})
    return encoded


def kind_of(key: str) -> int:
    """Which list a key is: 0 for a paragraph bigram, else the number of its marker (1…5)."""
    return ord(key[-1]) if key[-1] < KIND_COUNT_CHAR else 0


def key_text(key: str) -> str:
    """The key without its marker: the bigram or the character."""
    return key if kind_of(key) == 0 else key[:-1]


def pack_keys(encoded: dict[str, str]) -> list[list[str]]:
    """Keys in UTF-16 order, cut into consecutive groups of about KEY_SHARD_BYTES each."""
    groups: list[list[str]] = [[]]
    size = 0
    for key in sorted(encoded, key=utf16_order):
        cost = len(encoded[key]) + 5  # ASCII; the key's second character and its list length
        # A heading list stays with the paragraph list of its bigram or character (usually small
        # beside a long one): a query reads both, and a shard of its own would cost a whole shard
        # for a few bytes. A digit's neighbour lists do not: a term starting with 1 reads `1\x04`
        # and not the long `1\x01` (at N=1000, 1万亿 read a 320 KB shard of all four lists of 1).
        together = groups[-1] and key_text(groups[-1][-1]) == key_text(key) and kind_of(key) in HEADING_KINDS
        if groups[-1] and size + cost > KEY_SHARD_BYTES and not together:
            groups.append([])
            size = 0
        groups[-1].append(key)
        size += cost
    return groups


def key_shard(keys: list[str], encoded: dict[str, str]) -> list[str]:
    """A key shard's data: for each kind 0…5, its keys' text and their lists (docs/search-format.md).

    A key character is written as its encoding.unit minus the one before's, minus 1. Keys of one
    character are their characters one after the other; bigrams are grouped by first character:
    the first character (after the group before's), the number of bigrams starting with it, then
    their second characters (the first after −1). Each list is its length in character pairs, then
    the list (bits.py).
    """
    data: list[str] = []
    for kind in range(len(MARKERS) + 1):
        texts = [key_text(key) for key in keys if kind_of(key) == kind]
        if kind in BIGRAM_KINDS:
            firsts: dict[str, list[str]] = {}
            for text in texts:
                firsts.setdefault(text[0], []).append(text[1])
            parts, previous = [], None
            for first, seconds in firsts.items():
                parts.append(unit_steps([first], previous) + code(len(seconds)) + unit_steps(seconds))
                previous = first
            data.append("".join(parts))
        else:
            data.append(unit_steps(texts))
        lists = [encoded[text if kind == 0 else text + chr(kind)] for text in texts]
        data.append("".join(code(len(value) // 2) + value for value in lists))
    return data


def unit_steps(chars: list[str], before: str | None = None) -> str:
    """Ascending characters as codes of their encoding.unit differences − 1, the first from `before` (or −1)."""
    out, previous = [], -1 if before is None else unit(before)
    for char in chars:
        out.append(code(unit(char) - previous - 1))
        previous = unit(char)
    return "".join(out)


def shard_file(prefix: str, number: int, data: object) -> ShardFile:
    """Shard `<prefix><number>` (k3, t12) as its script under SHARD_DIR."""
    name = f"{prefix}{number}"
    return ShardFile(SHARD_DIR / f"{name}.js", shard_script(name, data))


def text_chunks(paragraphs: list[IndexedParagraph], texts: list[str], headings: list[str]) -> list[ShardFile]:
    """TEXT_CHUNK_PARAGRAPHS paragraphs a chunk: {"a": their anchors (anchor_run), "h": the chunk's
    headings, "n": each paragraph's heading index + 1 (codes), "t": their texts}; texts in the text
    code (bits.encode_texts_bits), headings as the codes of their tokens' ranks."""
    files = []
    for number, start in enumerate(range(0, len(paragraphs), TEXT_CHUNK_PARAGRAPHS)):
        chunk = paragraphs[start:start + TEXT_CHUNK_PARAGRAPHS]
        chunk_headings = sorted({p.heading for p in chunk if p.heading >= 0})
        local = {heading: index for index, heading in enumerate(chunk_headings)}
        data = {"a": anchor_run([p.anchor for p in chunk]), "h": [headings[h] for h in chunk_headings],
                "n": "".join(code(local.get(p.heading, -1) + 1) for p in chunk),
                "t": texts[start:start + TEXT_CHUNK_PARAGRAPHS]}
        files.append(shard_file(TEXT_CHUNK, number, data))
    return files


# An anchor's trailing number: all its ASCII digits (as search-engine.js's /[0-9]+$/), 9 at most
# (a longer one is written out, beyond the numbers JavaScript adds exactly).
TRAILING_NUMBER = re.compile("(?<![0-9])[0-9]{1,9}$")


def anchor_run(anchors: list[str]) -> str:
    """A chunk's anchors as one string: separated by spaces, an anchor that is the one before with its
    trailing number + 1 (s1-2-p3 after s1-2-p2) written as nothing. At N=1000 0.99 → 0.15 MB."""
    out, previous = [], ""
    for anchor in anchors:
        assert anchor and " " not in anchor, anchor  # an HTML id: never empty, never a space
        match = TRAILING_NUMBER.search(previous)
        follows = match and anchor == previous[:match.start()] + str(int(match.group()) + 1)
        out.append("" if follows else anchor)
        previous = anchor
    return " ".join(out)


def read_anchor_run(run: str) -> list[str]:
    """The anchors of anchor_run's string (for tests; the browser has its own)."""
    anchors: list[str] = []
    for written in run.split(" "):
        match = TRAILING_NUMBER.search(anchors[-1]) if anchors and not written else None
        anchors.append(written or anchors[-1][:match.start()] + str(int(match.group()) + 1))
    return anchors


def boundary_keys(groups: list[list[str]]) -> str:
    """The first key of each key shard, as the manifest carries them: code(kind · 2 + characters − 1),
    code(encoding.unit of its first character − the one before's, from 0), [code(unit of its second)]."""
    out, previous = [], 0
    for key in (group[0] for group in groups):
        text = key_text(key)
        out.append(code(kind_of(key) * 2 + len(text) - 1) + code(unit(text[0]) - previous)
                   + "".join(code(unit(char)) for char in text[1:]))
        previous = unit(text[0])
    return "".join(out)


def report_rows(rows: list[IndexedReport]) -> tuple[list[str], list[str], list[list]]:
    """The page pattern [before slug, after slug], the regions (in order of first use) and the
    compact rows (docs/search-format.md, "The manifest"): [slug, flags, year, page], the slug
    without its `<year>-` when it starts so, flags = region · 4 + summary · 2 + (1 if the slug is
    whole), the year only when it differs from the row before's (or a page follows), the page only
    when it is not the pattern's (urls.report_page). At N=1000 17 KB instead of 38 KB."""
    before, after = report_page("\0").split("\0")
    regions: dict[str, int] = {}
    table: list[list] = []
    year = None
    for r in rows:
        prefix = f"{r.year}-"
        whole = not r.slug.startswith(prefix)
        row = [r.slug if whole else r.slug[len(prefix):],
               regions.setdefault(r.region, len(regions)) * 4 + int(r.summary) * 2 + int(whole)]
        page = "" if r.page == before + r.slug + after else r.page
        row += [r.year] if r.year != year or page else []
        row += [page] if page else []
        table.append(row)
        year = r.year
    return [before, after], list(regions), table


def build_shards(reports: list[Report]) -> list[ShardFile]:
    """The manifest and every shard, from the linked reports (same data as the reference index)."""
    rows, headings, paragraphs = collect_paragraphs(reports)
    table = build_fold_table([p.text for p in paragraphs] + headings)
    # fold() one character at a time is slow on 40 M characters; the same map as str.translate.
    characters = set().union(*(p.text for p in paragraphs))
    folder = {ord(char): fold(char, table) for char in characters}
    folded = [paragraph.text.translate(folder) for paragraph in paragraphs]
    lengths = [len(text) for text in folded]
    encoded = paragraph_lists(rows, report_starts(paragraphs, len(rows)), folded)
    del folded  # only the lengths are needed from here on
    runs = heading_runs([p.heading for p in paragraphs])
    folded_headings = [fold(h, table) for h in headings]
    # Read back while the runs, the folded headings and the paragraph count are the same (a
    # correction of a paragraph leaves them as they were).
    key = cache.key_of(cache.digest_of((runs, folded_headings, len(paragraphs))))
    encoded.update(cache.cached("search-headings", "headings", key,
                                lambda: heading_postings(runs, folded_headings, len(paragraphs))))
    groups = pack_keys(encoded)
    files = [shard_file(KEY_SHARD, number, key_shard(group, encoded)) for number, group in enumerate(groups)]
    del encoded  # in the key shards now
    dictionary, text_code, encoded_texts = encode_texts_bits([p.text for p in paragraphs] + headings, len(paragraphs))
    files += text_chunks(paragraphs, encoded_texts[:len(paragraphs)], encoded_texts[len(paragraphs):])
    del encoded_texts
    tokens, pair_ranks = dictionary_field(dictionary)
    bundle = ""
    limit = int(os.environ.get("ZHENGBAO_SEARCH_BUNDLE_MAX", BUNDLE_MAX_BYTES))
    if sum(len(f.text.encode("utf-8")) for f in files) <= limit:
        # Only the bundle is shipped then: the shards inside it are never requested one by one.
        files = [ShardFile(SHARD_DIR / f"{BUNDLE_NAME}.js", "".join(f.text for f in files))]
        bundle = BUNDLE_NAME
    length_code, length_bits = encode_huffman(lengths)
    pages, regions, report_table = report_rows(rows)
    manifest = {
        "version": MANIFEST_VERSION,
        "fold": table_text(table),
        # Compact rows; search-engine.js expands them (a 1,000-report manifest is read by every
        # cold query, so its size counts).
        "reports": report_table,
        "regions": regions,
        "pages": pages,
        "reportStarts": report_starts(paragraphs, len(rows)),
        "labelStarts": label_starts(paragraphs, len(rows)),
        "paragraphs": len(paragraphs),
        "totalLength": sum(lengths),
        # The folded paragraph lengths for BM25, in the manifest: a query needs no second round of
        # files (in length chunks of 4,096, a query at 1,000 reports loaded 40 files instead of 13:
        # p95 1.36 s instead of 0.66 s on the same loaded machine). A Huffman code: at N=1000 142 KB
        # instead of 183 KB as numbers, in every cold query.
        "lengths": length_bits,
        "lengthCode": length_code,
        "numbers": {"alphabet": NUMBER_ALPHABET, "terminal": TERMINAL_DIGITS, "packBits": PACK_BITS},
        "dictionary": tokens,
        "dictionaryPairs": pair_ranks,
        "textCode": text_code,
        "keys": boundary_keys(groups),
        "textChunk": TEXT_CHUNK_PARAGRAPHS,
        "bundle": bundle,
        "files": {"dir": SHARD_DIR.as_posix(), "keys": KEY_SHARD, "text": TEXT_CHUNK},
        "markers": MARKERS,
        **browser_settings(),
    }
    files.append(ShardFile(MANIFEST_PATH, global_script(MANIFEST_GLOBAL, manifest)))
    return files
