"""The paragraph lists of the search index, made per block of reports and cached, then joined.

A key's list (bits.py) is the number of its owners and their gaps (each owner's Δ − 1 from the one
before), in a code whose parameter depends on the number of owners of the whole list, then each
owner's entry (its count, or its offsets), whose bits depend only on the owner's own paragraph.
Cut at a block of paragraph ids, the entries' bits are the blocks' bits one after the other, and
the gaps are the blocks' gaps but the first of each block, which is from the last owner of the
block before (or from −1). So each block's part is kept as (its gaps from the block's first
paragraph, the last local owner, its entries' bits), computed from the block's folded paragraphs
alone and cached by them (cache.cached, kind search-blocks); `BlockJoiner` puts the gaps together
with each block's first id, codes them and packs the list. That is a build without the lists of
the build before (kind search-lists); with them, `joined_lists` makes or reads only the parts of
the blocks that changed and changes only the lists of keys whose blocks changed or moved (splice.py):
a block that moved to other ids costs the first gap of its members, not the list.

Blocks follow the content, not positions, so a report added or removed leaves the other blocks'
texts (and cache entries) as they were: a block ends after a report whose slug hashes to 0 modulo
BLOCK_SPLIT, or once it holds BLOCK_MAX reports (about BLOCK_SPLIT reports a block, whatever their
years). The bytes are those of one list made over all paragraphs (tests/test_search_shards.py).
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher

from .. import cache
from . import splice
from .bits import GAMMA, GOLOMB, count_bits, entry_bits, gamma, gap_parameter, pack_texts
from .splice import GAP_BITS, OWNERS, ROW

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


# Lists are packed about PACK_BATCH bits at a time (bits.pack_texts: 2.3 × faster than pack() on
# corpus/1000's lists), so no more than that many bits are held unpacked.
PACK_BATCH = 1 << 23


def packed_in_batches(bits_of: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """(key, packed list) of each (key, bits), packed a batch at a time."""
    keys: list[str] = []
    pending: list[str] = []
    size = 0
    for key, bits in bits_of:
        keys.append(key)
        pending.append(bits)
        size += len(bits)
        if size >= PACK_BATCH:
            yield from zip(keys, pack_texts(pending), strict=True)
            keys, pending, size = [], [], 0
    yield from zip(keys, pack_texts(pending), strict=True)


class BlockJoiner:
    """Key → its whole list, joined one block at a time in id order: `add` takes (first paragraph
    id, parts) of the next block, `lists` gives the lists. Only each key's gaps and bits so far and
    the last owner are kept, so a block's parts are freed as soon as they are added instead of
    being held for every block until the join. `rows` keeps each key's members' rows
    (splice.ROW numbers each) for the memo."""

    def __init__(self) -> None:
        # key → [last owner so far, the gaps, the entries' bits as (int, number of bits) pieces…]
        self._found: dict[str, list] = {}
        # key → the numbers of the blocks holding it (as `add` was given them); its owners; its rows
        self.members: dict[str, list[int]] = {}
        self.entries: dict[str, int] = {}
        self.rows: dict[str, array] = {}

    def add(self, start: int, parts: dict[str, Part], block: int = 0, keys=None) -> None:
        """The next block's parts (only those of `keys` when given), its first id and its number."""
        found, members, rows = self._found, self.members, self.rows
        for key in parts.keys() if keys is None else parts.keys() & keys:
            written, last, bits, size = parts[key]
            members.setdefault(key, []).append(block)
            gaps = array("i")
            gaps.frombytes(written)
            row = (0, size, gaps[0], last, len(gaps))  # the gaps' bits are counted in `lists`
            pieces = found.get(key)
            if pieces is None:
                rows[key] = array("i", row)
                gaps[0] += start
                found[key] = [start + last, gaps, bits, size]
            else:
                rows[key].extend(row)
                pieces[1].append(start + gaps[0] - pieces[0] - 1)  # gaps[0] is the first local owner
                pieces[1].extend(gaps[1:])
                pieces += (bits, size)
                pieces[0] = start + last

    def lists(self, total: int) -> dict[str, str]:
        """Key → its packed list, for `total` paragraphs; the pieces are given up one key at a time.
        (bits.owner_bits inline: a cold build spends much of its time here.)"""
        found, self._found = self._found, {}
        return dict(packed_in_batches(self._bits(found, total)))

    def _bits(self, found: dict[str, list], total: int) -> Iterator[tuple[str, str]]:
        golombs, gammas, all_rows = GOLOMB, GAMMA, self.rows
        for key in list(found):
            pieces = found.pop(key)
            gaps, rows = pieces[1], all_rows[key]
            entries = self.entries[key] = len(gaps)
            codes = golombs[gap_parameter(entries, total)]
            head = gammas[entries - 1] if entries < 4096 else gamma(entries - 1)
            if len(pieces) == 4:  # in one block: most keys
                tail = format(pieces[2], f"0{pieces[3]}b") if pieces[3] else ""
                coded = codes[gaps[0]] if entries == 1 else "".join(map(codes.__getitem__, gaps))
                rows[GAP_BITS] = len(coded)
            else:
                joined = zip(pieces[2::2], pieces[3::2], strict=True)
                tail = "".join(format(value, f"0{size}b") if size else "" for value, size in joined)
                each = list(map(codes.__getitem__, gaps))
                at = 0
                for row in range(0, len(rows), ROW):
                    owners = rows[row + OWNERS]
                    rows[row + GAP_BITS] = sum(map(len, each[at:at + owners]))
                    at += owners
                coded = "".join(each)
            yield key, head + coded + tail

    def entry(self, key: str, packed: str) -> tuple[str, int, tuple[int, ...], bytes]:
        """The memo's entry of a key `lists` gave: (packed list, owners, members, rows)."""
        return packed, self.entries[key], tuple(self.members[key]), self.rows[key].tobytes()


# The lists of the last build, kept to be changed where blocks changed (cache kind search-lists, one
# file by the code version): {"blocks": [(block_digest, first id, name)…], "total": paragraphs,
# "lists": key → (packed list, owners, the numbers of the blocks holding it, their rows)} (splice.py).
LISTS_KIND = "search-lists"


def block_moves(old_ids: list[tuple[str, int, str]], ids: list[tuple[str, int, str]]) -> splice.Moves:
    """Which blocks of the build before are the same now (equal digests, in order: difflib's
    matching blocks) and which were corrected in place (the same number of blocks replaced, their
    parts before still in the cache: kept as Moves.before)."""
    matcher = SequenceMatcher(None, [digest for digest, _, _ in old_ids], [digest for digest, _, _ in ids],
                              autojunk=False)
    new_of, paired, before = {}, {}, {}
    for tag, old_from, old_to, new_from, new_to in matcher.get_opcodes():
        if tag == "equal":
            new_of.update(zip(range(old_from, old_to), range(new_from, new_to), strict=True))
        elif tag == "replace" and old_to - old_from == new_to - new_from:
            for old, new in zip(range(old_from, old_to), range(new_from, new_to), strict=True):
                digest, _, name = old_ids[old]
                parts = cache.stored(BLOCKS_KIND, name, cache.key_of(digest))
                if isinstance(parts, dict):
                    paired[old], before[old] = new, parts
    return splice.Moves([start for _, start, _ in old_ids], [start for _, start, _ in ids], new_of, paired, before)


def joined_lists(blocks: list[tuple[str, str, int, object]], total: int) -> dict[str, str]:
    """Key → its packed list, for `total` paragraphs, from the blocks in id order as (name,
    block_digest, first id, compute of its parts). With the lists of the build before (LISTS_KIND),
    only the changed blocks' parts are made or read, and only the lists of keys whose members
    changed are spliced (splice.py); of a block corrected in place, only the keys whose part
    changed. Without, every block's parts are joined (BlockJoiner)."""
    ids = [(digest, start, name) for name, digest, start, _ in blocks]
    memo = cache.stored(LISTS_KIND, "lists", cache.key_of())
    if memo is None:
        joiner = BlockJoiner()
        for number, (name, digest, start, compute) in enumerate(blocks):
            joiner.add(start, cached_parts(name, digest, compute), number)
        lists = joiner.lists(total)
        if cache.enabled():
            kept = {key: joiner.entry(key, packed) for key, packed in lists.items()}
            cache.store(LISTS_KIND, "lists", cache.key_of(), {"blocks": ids, "total": total, "lists": kept})
        return lists
    old_ids, old_total, old = memo["blocks"], memo["total"], memo["lists"]
    moves = block_moves(old_ids, ids)
    parts = {}
    for number in moves.added:
        name, digest, _, compute = blocks[number]
        parts[number] = cached_parts(name, digest, compute)
    number_of = {**moves.new_of, **moves.paired}
    renumber = any(old_number != new for old_number, new in number_of.items())
    kept: dict[str, tuple] = {}
    lists: dict[str, str] = {}

    def spliced():
        """(key, bits) of each list spliced and not yet packed; the others go into kept and lists."""
        for key, entry in old.items():
            changed = _changed(key, entry, moves, parts, total, old_total)
            if changed is None:
                kept[key] = (*entry[:2], tuple(map(number_of.__getitem__, entry[2])), entry[3]) if renumber else entry
                continue
            made = splice.splice(entry, total, old_total, moves, *changed)
            if made is not None:
                kept[key] = made[:4]
                if made[4]:
                    lists[key] = made[0]
                else:
                    yield key, made[0]

    for key, packed in packed_in_batches(spliced()):
        kept[key] = (packed, *kept[key][1:])
        lists[key] = packed
    fresh = set().union(*(parts[number].keys() for number in moves.added)) - old.keys()
    joiner = BlockJoiner()
    for number in moves.added:
        joiner.add(blocks[number][2], parts[number], number, fresh)
    for key, packed in joiner.lists(total).items():
        kept[key], lists[key] = joiner.entry(key, packed), packed
    if cache.enabled() and (lists or ids != old_ids or total != old_total or kept.keys() != old.keys()):
        cache.store(LISTS_KIND, "lists", cache.key_of(), {"blocks": ids, "total": total, "lists": kept})
    lists.update((key, value[0]) for key, value in kept.items() if key not in lists)
    return lists


def _changed(key: str, entry: tuple, moves: splice.Moves, parts: dict[int, dict[str, Part]], total: int,
             old_total: int) -> tuple[set[int], list, set[int]] | None:
    """None when the key's list is the same (its members kept, none moved other than the one before
    it, its gap parameter the same); else splice's (gone, new parts, special members)."""
    members, owners = entry[2], entry[1]
    special = splice.special_members(members, moves.points)
    holders = [(number, parts[number][key]) for number in moves.added if key in parts[number]]
    gone = set()
    for index in special:
        block = members[index]
        if block in moves.new_of:
            continue
        paired = moves.paired.get(block)
        if paired is not None and moves.before[block].get(key) == parts[paired].get(key):
            holders = [holder for holder in holders if holder[0] != paired]  # the same part, in place
        else:
            gone.add(index)
    if not holders and not gone and gap_parameter(owners, total) == gap_parameter(owners, old_total):
        if all(moves.shift_of(members[index]) == (moves.shift_of(members[index - 1]) if index else 0)
               for index in special):
            return None
    return gone, holders, special
