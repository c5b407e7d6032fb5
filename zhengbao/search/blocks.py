"""The paragraph lists of the search index, made per block of reports and cached, then joined.

A key's list (bits.py) is the number of its owners and their gaps (each owner's Δ − 1 from the one
before), in a code whose parameter depends on the number of owners of the whole list, then each
owner's entry (its count, or its offsets), whose bits depend only on the owner's own paragraph.
Cut at a block of paragraph ids, the entries' bits are the blocks' bits one after the other, and
the gaps are the blocks' gaps but the first of each block, which is from the last owner of the
block before (or from −1). So each block's part is kept as (its gaps from the block's first
paragraph, the last local owner, its entries' bits), computed from the block's folded paragraphs
alone and cached by them (cache.cached, kind search-blocks); `BlockJoiner` puts the gaps together
with each block's first id, codes them and packs the list. A correction computes again only its
own block's entries; only the lists of keys in a changed block are joined and coded again, the
others are read back from the build before (`joined_lists`, kind search-lists).

Blocks follow the content, not positions, so a report added or removed leaves the other blocks'
texts (and cache entries) as they were: a block ends after a report whose slug hashes to 0 modulo
BLOCK_SPLIT, or once it holds BLOCK_MAX reports (about BLOCK_SPLIT reports a block, whatever their
years). The bytes are those of one list made over all paragraphs (tests/test_search_shards.py).
"""

from __future__ import annotations

import hashlib
from array import array

from .. import cache
from .bits import GAMMA, GOLOMB, GROUPS, PACK_BITS, PACKED, count_bits, entry_bits, gamma, gap_parameter

# About how many reports make a block: a correction encodes one block again, and more blocks make
# more parts to encode and join (docs/scale.md, "Adding or correcting one report").
BLOCK_SPLIT = 16
# A block ends at the latest after this many reports (the hash leaves some runs long: at N=200 up to
# 54 reports). Only these cuts move when a report is added, and only up to the next hash cut.
BLOCK_MAX = 3 * BLOCK_SPLIT // 2


# One block's part of one key's list, in ids counted from the block's first paragraph: (the owners'
# gaps, the first from −1, as the bytes of an int array; the last owner; the entries' bits as an int
# and their number). Plain values: a block holds tens of thousands, pickled and read back (bytes,
# not arrays: at content/ a warm build read the blocks' pickles in 0.78 s with arrays).
Part = tuple[bytes, int, int, int]


BLOCKS_KIND = "search-blocks"  # each block's parts, by the digest of its folded texts (cached_parts)


def report_blocks(slugs: list[str]) -> list[int]:
    """The index of the first report of each block, for the reports' slugs in index order."""
    firsts: list[int] = []
    for number in range(len(slugs)):
        if number == 0 or _splits_after(slugs[number - 1]) or number - firsts[-1] >= BLOCK_MAX:
            firsts.append(number)
    return firsts


def _splits_after(slug: str) -> bool:
    return hashlib.blake2b(slug.encode(), digest_size=4).digest()[0] % BLOCK_SPLIT == 0


def block_parts(postings: dict[str, array], counted: str, lengths: list[int]) -> dict[str, Part]:
    """A block's postings (key → (local owner, offset or count) pairs) as Parts; keys ending with
    `counted` are count lists, the others positional, their owners' folded lengths in `lengths`."""
    parts = {}
    for key, pairs in postings.items():
        gaps, bits = count_bits(pairs) if key.endswith(counted) else entry_bits(pairs, lengths)
        parts[key] = array("i", gaps).tobytes(), pairs[-2], int(bits, 2) if bits else 0, len(bits)
    return parts


def block_digest(texts: list[str]) -> str:
    """The hash of a block's folded texts: its parts depend on them alone (and the code version)."""
    digest = hashlib.blake2b(digest_size=20)
    for text in texts:
        digest.update(text.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def cached_parts(name: str, digest: str, compute) -> dict[str, Part]:
    """compute(), read back from the cache while the block's folded texts (their block_digest) are the same."""
    return cache.cached(BLOCKS_KIND, name, cache.key_of(digest), compute)


class BlockJoiner:
    """Key → its whole list, joined one block at a time in id order: `add` takes (first paragraph
    id, parts) of the next block, `lists` gives the lists. Only each key's gaps and bits so far and
    the last owner are kept, so a block's parts are freed as soon as they are added instead of
    being held for every block until the join."""

    def __init__(self) -> None:
        # key → [last owner so far, the gaps, the entries' bits as (int, number of bits) pieces…]
        self._found: dict[str, list] = {}
        # key → the numbers of the blocks holding it (as `add` was given them); key → its owners
        self.members: dict[str, list[int]] = {}
        self.entries: dict[str, int] = {}

    def add(self, start: int, parts: dict[str, Part], block: int = 0, keys=None) -> None:
        """The next block's parts (only those of `keys` when given), its first id and its number."""
        found, members = self._found, self.members
        for key in parts.keys() if keys is None else parts.keys() & keys:
            written, last, bits, size = parts[key]
            members.setdefault(key, []).append(block)
            gaps = array("i")
            gaps.frombytes(written)
            pieces = found.get(key)
            if pieces is None:
                gaps[0] += start
                found[key] = [start + last, gaps, bits, size]
            else:
                pieces[1].append(start + gaps[0] - pieces[0] - 1)  # gaps[0] is the first local owner
                pieces[1].extend(gaps[1:])
                pieces += (bits, size)
                pieces[0] = start + last

    def lists(self, total: int) -> dict[str, str]:
        """Key → its packed list, for `total` paragraphs; the pieces are given up one key at a time.
        (bits.owner_bits and bits.pack inline: a warm build spends most of its time here.)"""
        found, self._found = self._found, {}
        golombs, gammas, packed, groups = GOLOMB, GAMMA, PACKED, GROUPS
        for key, pieces in found.items():
            gaps = pieces[1]
            entries = self.entries[key] = len(gaps)
            codes = golombs[gap_parameter(entries, total)]
            head = gammas[entries - 1] if entries < 4096 else gamma(entries - 1)
            if len(pieces) == 4:  # in one block: most keys
                tail = format(pieces[2], f"0{pieces[3]}b") if pieces[3] else ""
            else:
                joined = zip(pieces[2::2], pieces[3::2], strict=True)
                tail = "".join(format(value, f"0{size}b") if size else "" for value, size in joined)
            bits = head + (codes[gaps[0]] if entries == 1 else "".join(map(codes.__getitem__, gaps))) + tail
            if len(bits) <= PACK_BITS:
                found[key] = packed[bits + "0" * (PACK_BITS - len(bits))]
            else:
                found[key] = "".join(map(packed.__getitem__, groups.findall(bits + "0" * (-len(bits) % PACK_BITS))))
        return found


# The lists of the last build, kept to be given again (cache kind search-lists, one file by the code
# version): a key list is read back when every block holding it is the same (its block_digest at the
# same first id), no changed block holds the key (of a block corrected in place, no changed part of
# it: _edited_blocks), and its gap parameter is the same.
LISTS_KIND = "search-lists"


def _edited_blocks(blocks: list[tuple[str, str, int, object]], old_ids: list[tuple[str, int]], old_total: int,
                   total: int, moved: dict[int, int | None]) -> dict[int, dict[str, Part]]:
    """Block number → its parts in the build before, for the blocks corrected in place: every block
    where it was (the same first ids, the same number of paragraphs) and this one's texts changed,
    its parts before read back (search-blocks keeps them by the texts' digest). A key whose part is
    the same there has the same list: its other blocks, their first ids and its owners are too."""
    if len(old_ids) != len(blocks) or old_total != total or [s for _, s in old_ids] != [b[2] for b in blocks]:
        return {}
    edited = {}
    for number, (name, _, _, _) in enumerate(blocks):
        if moved.get(number) is None:
            before = cache.stored(BLOCKS_KIND, name, cache.key_of(old_ids[number][0]))
            if not isinstance(before, dict):
                return {}
            edited[number] = before
    return edited


def joined_lists(blocks: list[tuple[str, str, int, object]], total: int) -> dict[str, str]:
    """Key → its packed list, for `total` paragraphs, from the blocks in id order as (name,
    block_digest, first id, compute of its parts). Only the lists of keys in a changed block (or in
    one gone) are joined and coded again, of a block corrected in place (_edited_blocks) only the
    keys whose part changed; the others are those of the build before (LISTS_KIND).

    The memo is {"blocks": [(digest, first id)…], "total": int, "lists": key → (packed list, owners,
    the numbers of the blocks holding it)}: a list depends only on those blocks' parts, their first
    ids and gap_parameter(owners, total)."""
    ids = [(digest, start) for _, digest, start, _ in blocks]
    memo = cache.stored(LISTS_KIND, "lists", cache.key_of())
    old_ids, old_total, old = (memo["blocks"], memo["total"], memo["lists"]) if memo else ([], total, {})
    number_of = {block: number for number, block in enumerate(ids)}
    moved = {number: number_of.get(block) for number, block in enumerate(old_ids)}
    edited = _edited_blocks(blocks, old_ids, old_total, total, moved)
    moved.update((number, number) for number in edited)
    gone = {number for number, new in moved.items() if new is None}
    same = {new for new in moved.values() if new is not None}
    parts = [cached_parts(name, digest, compute) for name, digest, _, compute in blocks]
    again = set().union(*(parts[number].keys() for number in range(len(blocks)) if number not in same))
    for number, before in edited.items():  # only the keys whose part the correction changed
        again.update(key for key in before.keys() | parts[number].keys() if before.get(key) != parts[number].get(key))
    kept: dict[str, tuple[str, int, tuple[int, ...]]] = {}
    renumber = any(old != new for old, new in moved.items())
    for key, (packed, entries, members) in old.items():
        if key in again or not gone.isdisjoint(members) or (
                total != old_total and gap_parameter(entries, total) != gap_parameter(entries, old_total)):
            again.add(key)
        else:
            kept[key] = packed, entries, tuple(map(moved.__getitem__, members)) if renumber else members
    joiner = BlockJoiner()
    for number, (_, _, start, _) in enumerate(blocks):
        joiner.add(start, parts[number], number, None if not memo else again)
    del parts
    lists = joiner.lists(total)
    if cache.enabled() and (lists or memo is None or ids != old_ids or total != old_total):
        kept.update((key, (packed, joiner.entries[key], tuple(joiner.members[key]))) for key, packed in lists.items())
        cache.store(LISTS_KIND, "lists", cache.key_of(), {"blocks": ids, "total": total, "lists": kept})
        lists.update((key, value[0]) for key, value in kept.items() if key not in lists)
    else:
        lists.update((key, value[0]) for key, value in kept.items())
    return lists
