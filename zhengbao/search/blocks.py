"""The paragraph lists of the search index, made per block of reports and cached, then joined.

A key's list (encoding.encode_positional, encode_counts) is its owners one after the other, each
written as its delta from the one before, then its offsets or count. Cut at a block of paragraph
ids, a list is the blocks' parts one after the other: every code of a part but its first depends
only on ids inside the block, and the first is the delta from the last owner of the part before
(or from −1). So each block's part is kept as (first local owner, step and low part of its code,
the codes after the first, last local owner), computed from the block's folded paragraphs alone and
cached by them (cache.cached, kind search-blocks); `join_blocks` writes the first codes with the
block's first id and concatenates. A correction encodes again only its own block.

Blocks follow the content, not positions, so a report added or removed leaves the other blocks'
texts (and cache entries) as they were: a block ends after a report whose slug hashes to 0 modulo
BLOCK_SPLIT, or once it holds BLOCK_MAX reports (about BLOCK_SPLIT reports a block, whatever their
years). The bytes are those of one list made over all paragraphs (tests/test_search_shards.py).
"""

from __future__ import annotations

import hashlib
from array import array

from .. import cache
from .encoding import COUNT_SPLIT, code, encode_counts, encode_positional

# About how many reports make a block: a correction encodes one block again, and more blocks make
# more parts to encode and join (docs/scale.md, "Adding or correcting one report").
BLOCK_SPLIT = 16
# A block ends at the latest after this many reports (the hash leaves some runs long: at N=200 up to
# 54 reports). Only these cuts move when a report is added, and only up to the next hash cut.
BLOCK_MAX = 3 * BLOCK_SPLIT // 2


# One block's part of one key's list, in ids counted from the block's first paragraph: (the first
# owner, the step and the low part of its code — owner delta · step + low: step 2 and low "several
# offsets" in a positional list, step COUNT_SPLIT and low min(count, COUNT_SPLIT) − 1 in a count
# list —, every code after the first owner's, the last owner). A plain tuple: a block holds tens of
# thousands, pickled and read back.
Part = tuple[int, int, int, str, int]


def report_blocks(slugs: list[str]) -> list[int]:
    """The index of the first report of each block, for the reports' slugs in index order."""
    firsts: list[int] = []
    for number in range(len(slugs)):
        if number == 0 or _splits_after(slugs[number - 1]) or number - firsts[-1] >= BLOCK_MAX:
            firsts.append(number)
    return firsts


def _splits_after(slug: str) -> bool:
    return hashlib.blake2b(slug.encode(), digest_size=4).digest()[0] % BLOCK_SPLIT == 0


def part_of(encoded: str, pairs: array, step: int, low: int) -> Part:
    """The Part of a list encoded from local ids (its first owner's delta counted from −1), whose
    first code is first owner · step + low."""
    first = pairs[0]
    return first, step, low, encoded[len(code(first * step + low)):], pairs[-2]


def block_parts(postings: dict[str, array], counted: str, lengths: list[int]) -> dict[str, Part]:
    """A block's postings (key → (local owner, offset or count) pairs) as Parts; keys ending with
    `counted` are count lists, the others positional, their owners' folded lengths in `lengths`."""
    parts = {}
    for key, pairs in postings.items():
        if key.endswith(counted):
            parts[key] = part_of(encode_counts(pairs), pairs, COUNT_SPLIT, min(pairs[1], COUNT_SPLIT) - 1)
        else:
            parts[key] = part_of(encode_positional(pairs, None, lengths), pairs, 2, int(len(pairs) > 2 and pairs[2] == pairs[0]))
    return parts


def cached_parts(name: str, texts: list[str], compute) -> dict[str, Part]:
    """compute(), read back from the cache while the block's folded texts are the same."""
    digest = hashlib.blake2b(digest_size=20)
    for text in texts:
        digest.update(text.encode("utf-8", "surrogatepass") + b"\0")
    return cache.cached("search-blocks", name, cache.key_of(digest.hexdigest()), compute)


class BlockJoiner:
    """Key → its whole list, joined one block at a time in id order: `add` takes (first paragraph
    id, parts) of the next block, `lists` gives the lists. Only each key's pieces so far and the
    last owner are kept, so a block's parts (a dict, a tuple and a key string per key) are freed
    as soon as they are added instead of being held for every block until the join."""

    def __init__(self) -> None:
        # key → [last owner so far, its list's pieces…]
        self._found: dict[str, list] = {}

    def add(self, start: int, parts: dict[str, Part]) -> None:
        found = self._found
        for key, (first, step, low, tail, last) in parts.items():
            pieces = found.get(key)
            if pieces is None:
                found[key] = [start + last, code((start + first) * step + low), tail]
            else:
                pieces.append(code((start + first - pieces[0] - 1) * step + low))
                pieces.append(tail)
                pieces[0] = start + last

    def lists(self) -> dict[str, str]:
        """Key → its list; the pieces are given up one key at a time."""
        found, self._found = self._found, {}
        for key, pieces in found.items():
            found[key] = "".join(pieces[1:])
        return found


def join_blocks(blocks: list[tuple[int, dict[str, Part]]]) -> dict[str, str]:
    """Key → its whole list, from (first paragraph id, parts) of each block in id order."""
    joiner = BlockJoiner()
    for start, parts in blocks:
        joiner.add(start, parts)
    return joiner.lists()
