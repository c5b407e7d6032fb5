"""How the search index writes numbers, lists, text and files; the format is docs/search-format.md.

Numbers are self-delimiting variable-length codes over NUMBER_ALPHABET (printable ASCII that JSON
and a script element leave alone): zero or more *continuation* characters (base CONTINUATION_DIGITS,
most significant first), then one *terminal* character (base TERMINAL_DIGITS). So no separator is
written, and a number below TERMINAL_DIGITS is one byte. A posting list is its numbers one after the
other; ids and offsets are deltas. Text is written as the numbers of its characters' ranks in a
dictionary ordered by frequency, so common characters take one byte instead of UTF-8's three.
Every file is a script, because Chromium blocks fetch() on file://. This module knows nothing of
paragraphs or reports; shards.py and reference.py use it.
"""

from __future__ import annotations

import json
from array import array
from collections import Counter

# Printable ASCII without '"' and '\' (JSON would escape them) and '<' (json_body escapes it).
NUMBER_ALPHABET = "".join(chr(code) for code in range(0x20, 0x7F) if chr(code) not in '"\\<')
# The first TERMINAL_DIGITS characters end a number; the others continue it.
TERMINAL_DIGITS = 64
TERMINALS, CONTINUATIONS = NUMBER_ALPHABET[:TERMINAL_DIGITS], NUMBER_ALPHABET[TERMINAL_DIGITS:]
CONTINUATION_DIGITS = len(CONTINUATIONS)


def number(value: int) -> str:
    """A number ≥ 0 as its code: 0 → TERMINALS[0]; TERMINAL_DIGITS → CONTINUATIONS[1] + TERMINALS[0]."""
    value, last = divmod(value, TERMINAL_DIGITS)
    head = ""
    while value:
        value, digit = divmod(value, CONTINUATION_DIGITS)
        head = CONTINUATIONS[digit] + head
    return head + TERMINALS[last]


# The codes of every number below 2¹⁶ (ids, offsets, counts, ranks): looked up, not computed.
NUMBERS = [number(value) for value in range(1 << 16)]


def code(value: int) -> str:
    """number(value), from the table when the value is small."""
    return NUMBERS[value] if value < len(NUMBERS) else number(value)


def decode_numbers(text: str) -> list[int]:
    """The numbers of a string of codes (for tests and the bench; the browser has its own)."""
    values, value = [], 0
    for char in text:
        at = NUMBER_ALPHABET.index(char)
        if at < TERMINAL_DIGITS:
            values.append(value * TERMINAL_DIGITS + at)
            value = 0
        else:
            value = value * CONTINUATION_DIGITS + at - TERMINAL_DIGITS
    return values


def utf16_order(key: str) -> bytes:
    """Sort key equal to JavaScript's string comparison (UTF-16 code units)."""
    return key.encode("utf-16-be", "surrogatepass")


def base36(value: int) -> str:
    """A number ≥ 0 in base 36, lower case (the single-file reference index only)."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        value, rest = divmod(value, 36)
        out = digits[rest] + out
        if value == 0:
            return out


def encode_postings(ids: list[int]) -> str:
    """Sorted ids as base-36 deltas joined by "," (the single-file reference index)."""
    out, previous = [], 0
    for value in ids:
        out.append(base36(value - previous))
        previous = value
    return ",".join(out)


def encode_positional(pairs: array, runs: dict[int, int] | None = None) -> str:
    """(owner, offset) pairs in owner order → per owner: (ownerΔ − 1)·2 + several, [runLength − 1],
    [count − 2 if several], first offset, offset deltas.

    runs, for heading lists: the length of the paragraph run starting at each owner. The first
    owner's delta is from −1. (The index's hottest loop: codes below 2¹⁶ are looked up inline.)
    """
    out: list[str] = []
    append = out.append
    numbers, small = NUMBERS, len(NUMBERS)
    offsets = pairs[1::2]
    previous, at = -1, 0
    # Counter keeps first appearance, which is owner order: each owner with its number of offsets.
    for owner, count in Counter(pairs[::2]).items():
        value = (owner - previous - 1) * 2 + (count > 1)
        append(numbers[value] if value < small else number(value))
        if runs is not None:
            append(code(runs[owner] - 1))
        if count == 1:
            offset = offsets[at]
            append(numbers[offset] if offset < small else number(offset))
        else:
            append(code(count - 2))
            last = 0
            for offset in offsets[at:at + count]:
                value = offset - last
                append(numbers[value] if value < small else number(value))
                last = offset
        at += count
        previous = owner
    return "".join(out)


def encode_counts(pairs: array) -> str:
    """(owner, count ≥ 1) pairs in owner order → per owner: (ownerΔ − 1)·2 + (count > 1), [count − 2].

    Also (run start, run length) pairs: the heading character lists.
    """
    out: list[str] = []
    append = out.append
    numbers, small = NUMBERS, len(NUMBERS)
    previous = -1
    values = iter(pairs)
    for owner, count in zip(values, values, strict=True):
        value = (owner - previous - 1) * 2 + (count > 1)
        append(numbers[value] if value < small else number(value))
        if count > 1:
            append(code(count - 2))
        previous = owner
    return "".join(out)


def encode_sequence(values: list[int]) -> str:
    """Numbers one after the other (paragraph lengths)."""
    return "".join(code(value) for value in values)


def text_dictionary(texts: list[str]) -> str:
    """Every character of the texts, most frequent first (ties in character order): rank = position."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(text)
    return "".join(sorted(counts, key=lambda char: (-counts[char], char)))


def text_coder(dictionary: str) -> dict[int, str]:
    """The str.translate table that writes text as the codes of its characters' ranks."""
    return {ord(char): code(rank) for rank, char in enumerate(dictionary)}


def decode_text(encoded: str, dictionary: str) -> str:
    """Text written with text_coder, back to characters."""
    return "".join(dictionary[rank] for rank in decode_numbers(encoded))


def json_body(data: object) -> str:
    """Compact, key-sorted JSON with "<" escaped, so report text can never close a script element."""
    body = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return body.replace("<", "\\u003c")


def global_script(name: str, data: object) -> str:
    """`window.<name>=<data>;` — the manifest (and the single-file index) as a loadable script."""
    return f"window.{name}=" + json_body(data) + ";\n"


def shard_script(name: str, data: object) -> str:
    """`zbSearchShard("<name>",<data>);` — a shard registers itself with search-engine.js when it runs."""
    return f'zbSearchShard("{name}",' + json_body(data) + ");\n"
