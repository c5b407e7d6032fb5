"""How the search index writes numbers, lists and files; the format is docs/search-format.md.

Numbers are base 36 (short, readable in a debugger, and JavaScript reads them with parseInt(s, 36));
posting lists are entries joined by ",", the numbers of an entry joined by "."; ids and offsets are
deltas from the previous one. Every file is a script, because Chromium blocks fetch() on file://.
This module knows nothing of paragraphs or reports; shards.py and reference.py use it.
"""

from __future__ import annotations

import json
from array import array

DIGITS36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def base36(number: int) -> str:
    """A number ≥ 0 in base 36, lower case: 0 → "0", 36 → "10"."""
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = DIGITS36[rest] + out
        if number == 0:
            return out


# Base-36 forms of every number below 36³ (offsets, id gaps, counts): looked up, not computed, for speed.
BASE36 = [base36(number) for number in range(36 ** 3)]


def b36(number: int) -> str:
    """base36(number), from the table when the number is small."""
    return BASE36[number] if number < len(BASE36) else base36(number)


def utf16_order(key: str) -> bytes:
    """Sort key equal to JavaScript's string comparison (UTF-16 code units)."""
    return key.encode("utf-16-be", "surrogatepass")


def encode_postings(ids: list[int]) -> str:
    """Sorted ids as base-36 deltas joined by "," (the single-file reference index)."""
    out, previous = [], 0
    for value in ids:
        out.append(base36(value - previous))
        previous = value
    return ",".join(out)


def encode_positional(pairs: array, runs: dict[int, int] | None = None) -> str:
    """(owner, offset) pairs in owner order → "ownerΔ[.runLength].offset.offsetΔ…" entries.

    runs, for heading lists: the length of the paragraph run starting at each owner.
    """
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


def fixed_width(values: list[int]) -> tuple[str, int]:
    """Numbers as one base-36 string of equal-width fields (no separators to read), and the width."""
    width = max([len(base36(v)) for v in values] + [1])
    return "".join(base36(v).rjust(width, "0") for v in values), width


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
