"""A key list of the build before, changed only where its blocks changed (search/blocks.py).

A list's bits (bits.py, docs/search-format.md "Key lists") are gamma(owners − 1), each owner's gap
in golomb(k) with k = gap_parameter(owners, paragraphs), then each owner's entry bits. For each
block holding the key (a *member*), its gaps are one run of those bits and its entries another, and
only its first gap depends on anything outside the block: the last owner of the member before (or
−1). The memo of the build before keeps, per member, a row of ROW numbers: (the bits of its gaps,
the bits of its entries, its first and its last owner counted from the block's first id, its owner
count). So when blocks are added, removed or changed, or move to other ids, a list is its old runs
cut where its members changed: a changed member's runs are coded from its new part, the first gap
of a member whose predecessor changed or moved by another count is coded again, and the head when
the owner count changed; all gaps are coded again only when k changed. The bytes are those of the
list joined from every block (tests/test_search_splice.py compares them with a build without cache).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from itertools import accumulate

from .bits import PACK_BITS, gamma, gap_parameter, golomb, pack, read_golombs, unpack

# A member's row: (bits of its gaps, bits of its entries, first owner, last owner (both from the
# block's first id), owner count); a list's rows are one array("i") of ROW numbers per member.
ROW = 5
GAP_BITS, ENTRY_BITS, FIRST, LAST, OWNERS = range(ROW)

class Moves:
    """Where the blocks of the build before went: `new_of[old block]` is its number now (when its
    texts are the same: equal digests, in order), `paired[old block]` the block now at its place when
    the same number of blocks changed there (a block corrected in place; `before[old block]` its
    parts then), `points` the old block numbers where a list's members may change (a block gone or
    paired, a shift other than the kept block before's, a block added before it), `added` the
    blocks now that are not the same as one before (paired ones included), in order."""

    def __init__(self, old_starts: list[int], new_starts: list[int], new_of: dict[int, int],
                 paired: dict[int, int], before: dict[int, dict]) -> None:
        self.old_starts, self.new_starts = old_starts, new_starts
        self.new_of, self.paired, self.before = new_of, paired, before
        self.shift = {old: new_starts[new] - old_starts[old] for old, new in new_of.items()}
        points, before = set(), 0
        for old in range(len(old_starts)):
            if old not in new_of:
                points.add(old)
            elif self.shift[old] != before:
                points.add(old)
                before = self.shift[old]
        kept = sorted(new_of.items(), key=lambda item: item[1])
        added = sorted(set(range(len(new_starts))) - set(new_of.values()))
        for new in added:
            after = next((old for old, number in kept if number > new), len(old_starts))
            points.add(after)
        self.points = sorted(points)
        self.added = added

    def shift_of(self, block: int) -> int:
        """How many ids an old block kept (the same or paired) moved."""
        now = self.new_of[block] if block in self.new_of else self.paired[block]
        return self.new_starts[now] - self.old_starts[block]


def special_members(members: tuple[int, ...], points: list[int]) -> set[int]:
    """The indices of the members whose runs may change: the first member at or after each point,
    and the one after it when the point is its own block."""
    found = set()
    for point in points:
        index = bisect_left(members, point)
        if index < len(members):
            found.add(index)
            if members[index] == point and index + 1 < len(members):
                found.add(index + 1)
    return found


def splice(entry: tuple, total: int, old_total: int, moves: Moves, gone: set[int],
           new_parts: list[tuple[int, tuple]], special: set[int]) -> tuple:
    """The key's (list, owners, members, rows, packed) now, from its `entry` of the build before: the
    list packed when `packed`, else its bits (to pack with others: bits.pack_texts); None when no
    block holds the key any more.

    `gone` holds the special members that are no longer members (their block gone, or changed for
    this key); `new_parts` are (block number, Part) of the changed blocks
    holding the key now, in block order; `total` and `old_total` the paragraph counts."""
    packed, owners, members, row_bytes = entry
    rows = array("i")
    rows.frombytes(row_bytes)
    count = len(members)
    new_owners = owners - sum(rows[index * ROW + OWNERS] for index in gone)
    new_owners += sum(len(part[0]) // 4 for _, part in new_parts)
    k_old, k = gap_parameter(owners, old_total), gap_parameter(new_owners, total) if new_owners else 0
    if k != k_old:
        special = set(range(count))
    head = len(gamma(owners - 1))
    gap_ends = list(accumulate(rows[GAP_BITS::ROW], initial=head))
    old_starts, new_starts, new_of, paired = moves.old_starts, moves.new_starts, moves.new_of, moves.paired
    if k == k_old and not new_parts and not gone:
        found = _first_codes(members, rows, gap_ends, special, moves, k)
        if found is not None:  # only first gaps changed, each to a code as long: patched in place
            for at, written in found:
                packed = patch(packed, at, written)
            return packed, owners, tuple(new_of.get(block, paired.get(block)) for block in members), row_bytes, True
    entry_ends = list(accumulate(rows[ENTRY_BITS::ROW], initial=gap_ends[-1]))
    bits = unpack(packed)[:entry_ends[-1]]
    gap_pieces: list[str] = []
    entry_pieces: list[str] = []
    out_rows = array("i")
    out_members: list[int] = []
    last = -1  # the last owner written, as an id now
    waiting = list(new_parts)

    def add_new(before: int) -> None:
        """The changed blocks' members numbered below `before`, as coded from their parts."""
        nonlocal last
        while waiting and waiting[0][0] < before:
            number, (written, block_last, value, size) = waiting.pop(0)
            gaps = array("i")
            gaps.frombytes(written)
            start = new_starts[number]
            codes = [golomb(start + gaps[0] - last - 1, k)] + [golomb(gap, k) for gap in gaps[1:]]
            gap_pieces.append("".join(codes))
            entry_pieces.append(format(value, f"0{size}b") if size else "")
            out_rows.extend((len(gap_pieces[-1]), size, gaps[0], block_last, len(gaps)))
            out_members.append(number)
            last = start + block_last

    index = 0
    while index < count:
        if index not in special:  # a run of members kept as they were, up to the next special one
            end = min((s for s in special if s > index), default=count)
            now = new_of[members[index]]
            add_new(now)
            gap_pieces.append(bits[gap_ends[index]:gap_ends[end]])
            entry_pieces.append(bits[entry_ends[index]:entry_ends[end]])
            out_rows.extend(rows[index * ROW:end * ROW])
            out_members.extend(new_of[block] for block in members[index:end])
            last = new_starts[new_of[members[end - 1]]] + rows[(end - 1) * ROW + LAST]
            index = end
            continue
        block = members[index]
        row = rows[index * ROW:(index + 1) * ROW]
        if index in gone:
            index += 1
            continue
        now = new_of[block] if block in new_of else paired[block]
        add_new(now)
        before = old_starts[members[index - 1]] + rows[(index - 1) * ROW + LAST] if index else -1
        first_old = old_starts[block] + row[FIRST] - before - 1
        first = new_starts[now] + row[FIRST] - last - 1
        run = bits[gap_ends[index]:gap_ends[index + 1]]
        if k != k_old:
            gaps = read_golombs(run, 0, row[OWNERS], k_old)
            run = "".join(golomb(gap, k) for gap in [first, *gaps[1:]])
        elif first != first_old:
            run = golomb(first, k) + run[len(golomb(first_old, k)):]
        gap_pieces.append(run)
        entry_pieces.append(bits[entry_ends[index]:entry_ends[index + 1]])
        out_rows.extend((len(run), *row[1:]))
        out_members.append(now)
        last = new_starts[now] + row[LAST]
        index += 1
    add_new(len(new_starts))
    if not out_members:
        return None
    return (gamma(new_owners - 1) + "".join(gap_pieces) + "".join(entry_pieces), new_owners,
            tuple(out_members), out_rows.tobytes(), False)


def _first_codes(members: tuple[int, ...], rows: array, gap_ends: list[int], special: set[int], moves: Moves,
                 k: int) -> list[tuple[int, str]] | None:
    """(bit offset, new code) of each special member's first gap when every member is kept and
    each new code is as long as the old; None when one is not."""
    found = []
    for index in sorted(special):
        block, first = members[index], rows[index * ROW + FIRST]
        if index:
            before_old = moves.old_starts[members[index - 1]] + rows[(index - 1) * ROW + LAST]
            before = before_old + moves.shift_of(members[index - 1])
        else:
            before_old = before = -1
        old = golomb(moves.old_starts[block] + first - before_old - 1, k)
        new = golomb(moves.old_starts[block] + moves.shift_of(block) + first - before - 1, k)
        if len(new) != len(old):
            return None
        if new != old:
            found.append((gap_ends[index], new))
    return found


def patch(packed: str, at: int, written: str) -> str:
    """The packed list with bits[at:at + len(written)] replaced by `written` (bits.pack's groups)."""
    first, end = at // PACK_BITS, (at + len(written) - 1) // PACK_BITS + 1
    bits = unpack(packed[2 * first:2 * end])
    offset = at - PACK_BITS * first
    return packed[:2 * first] + pack(bits[:offset] + written + bits[offset + len(written):]) + packed[2 * end:]
