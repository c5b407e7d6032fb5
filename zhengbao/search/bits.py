"""Bit codes of the key lists (docs/search-format.md, "Key lists", since format 14).

A key list is a string of bits written PACK_BITS (13) to two characters of NUMBER_ALPHABET:
the value v of each 13 bits as alphabet[v // 92], alphabet[v % 92] (92² = 8,464 ≥ 2¹³, so 6.5 bits
a character where a 64-character packing gives 6). Its numbers are in three codes:

- gamma(v), Elias' gamma of v + 1: as many 0s as v + 1 has bits after its first, then v + 1 in
  binary (0 → `1`, 1 → `010`, 2 → `011`, 3 → `00100`);
- golomb(v, k), exponential Golomb: gamma(v >> k), then the k low bits of v (k = 0 is gamma);
- truncated(v, r), a value below r in truncated binary: with b = bits of r − 1 and u = 2^b − r,
  v < u in b − 1 bits, else v + u in b bits (nothing when r is 1).

The parameters k follow from what the reader knows when it reads the number (docs/search-format.md),
so no list writes one. Bits are built as str of "0" and "1" and packed in C (re.findall, a dict).
"""

from __future__ import annotations

import heapq
import re
import sys
from array import array
from collections import Counter
from itertools import chain

from .. import cache
from .encoding import NUMBER_ALPHABET, batches, code, count_step, decode_numbers, encode_sequence, rank_tokens, step_weight
from .textmemo import Texts

PACK_BITS = 13
BASE = len(NUMBER_ALPHABET)
assert BASE * BASE >= 1 << PACK_BITS
PACKED = {format(v, f"0{PACK_BITS}b"): NUMBER_ALPHABET[v // BASE] + NUMBER_ALPHABET[v % BASE]
           for v in range(1 << PACK_BITS)}
GROUPS = re.compile(f"[01]{{{PACK_BITS}}}")


class _Widths(dict):
    """width → [v in width bits for every v < 2^width], each width made when first asked for (the
    131,071 strings of widths 0…16 took 35 ms at every import; a small site asks for a few)."""

    def __missing__(self, width: int) -> list[str]:
        found = self[width] = [format(v, f"0{width}b") if width else "" for v in range(1 << width)]
        return found


# BINARY[w][v]: v in w bits, for w ≤ 16 (BINARY[0] = [""]).
BINARY = _Widths()


def binary(value: int, width: int) -> str:
    """value in width bits."""
    return BINARY[width][value] if width <= 16 else format(value, f"0{width}b")


def _gamma(value: int) -> str:
    plain = format(value + 1, "b")
    return "0" * (len(plain) - 1) + plain


GAMMA = [_gamma(value) for value in range(1 << 12)]


def gamma(value: int) -> str:
    """Elias' gamma code of value + 1 (value ≥ 0)."""
    return GAMMA[value] if value < 4096 else _gamma(value)


def golomb(value: int, k: int) -> str:
    """Exponential Golomb code of value ≥ 0 with parameter k."""
    return gamma(value >> k) + binary(value & ((1 << k) - 1), k)


def truncated(value: int, radix: int) -> str:
    """value < radix in truncated binary ("" when radix is 1)."""
    width = (radix - 1).bit_length()
    spare = (1 << width) - radix
    return binary(value, width - 1) if value < spare else binary(value + spare, width)


class _Golomb(dict):
    """value → golomb(value, k), filled as values come (map() over a list of gaps runs in C)."""

    def __init__(self, k: int) -> None:
        super().__init__()
        self.k = k

    def __missing__(self, value: int) -> str:
        if len(self) > 1 << 17:
            self.clear()  # memory stays bounded; the values seen again come back
        found = self[value] = golomb(value, self.k)
        return found


GOLOMB = [_Golomb(k) for k in range(64)]


def gap_parameter(entries: int, total: int) -> int:
    """k of the owner gaps of a list of `entries` owners among `total` paragraphs: about the mean
    gap's bits − 2 (content/: 1.87 MB of gaps, 1.84 with the best k of each list, without its cost)."""
    return max(0, (total // entries).bit_length() - 2)


def delta_parameter(length: int, count: int) -> int:
    """k of the offset steps of `count` offsets in a text of `length` characters."""
    return max(0, (length // count).bit_length() - 2)


def owner_bits(gaps, total: int) -> str:
    """The head of a list: gamma(entries − 1), then each owner gap (Δ − 1, the first from −1) in golomb
    with gap_parameter(entries, total)."""
    codes = GOLOMB[gap_parameter(len(gaps), total)]
    return gamma(len(gaps) - 1) + "".join(map(codes.__getitem__, gaps))


def pack(bits: str) -> str:
    """Bits ("0"/"1") as characters, PACK_BITS to two, the last group padded with zeros."""
    bits += "0" * (-len(bits) % PACK_BITS)
    return "".join(map(PACKED.__getitem__, GROUPS.findall(bits)))


# The bits of each two packed characters, at the number their ASCII bytes read as one native
# unsigned short: an array("H") over the packed bytes gives every pair's index in C (3 × faster
# than cutting the pairs with a regular expression and looking them up by str).
_UNPACKED = [""] * (1 << 16)
for _bits, _chars in PACKED.items():
    _UNPACKED[int.from_bytes(_chars.encode("ascii"), sys.byteorder)] = _bits


def unpack(text: str) -> str:
    """pack's bits back, padding included (the browser has its own reader)."""
    return "".join(map(_UNPACKED.__getitem__, array("H", text.encode("ascii"))))


def read_golombs(bits: str, at: int, count: int, k: int) -> list[int]:
    """`count` golomb(·, k) values from bits[at:]."""
    values = []
    for _ in range(count):
        zeros = bits.index("1", at) - at
        end = at + 2 * zeros + 1
        value = int(bits[at + zeros:end], 2) - 1
        if k:
            value = value << k | int(bits[end:end + k], 2)
            end += k
        values.append(value)
        at = end
    return values


# truncated()'s widths and spare values for every radix below 2¹⁶, looked up in entry_bits.
_WIDTH = [(radix - 1).bit_length() if radix else 0 for radix in range(1 << 16)]
_SPARE = [(1 << width) - radix for radix, width in enumerate(_WIDTH)]


def entry_bits(pairs, lengths: list[int] | None, runs: dict[int, int] | None = None) -> tuple[list[int], str]:
    """(the owner gaps (gaps_of), the bits of their entries) of (owner, offset) pairs in owner order.

    Per owner: [gamma(run length − 1) for a heading list, `runs`], gamma(count − 1), the first
    offset (truncated below the owner's folded length when `lengths` is given, else gamma), each
    next offset's step − 1 in golomb with delta_parameter(length, count) (k = 0 without lengths).
    (The index's hottest loop: truncated() and gamma() are looked up inline.)"""
    gaps, out = [], []
    append, gap = out.append, gaps.append
    gammas, binary_, widths, spares = GAMMA, BINARY, _WIDTH, _SPARE
    offsets = pairs[1::2]
    at, previous = 0, -1
    # Counter keeps first appearance, which is owner order: each owner with its number of offsets.
    for owner, count in Counter(pairs[::2]).items():
        gap(owner - previous - 1)
        previous = owner
        if runs is not None:
            append(gamma(runs[owner] - 1))
        append(gammas[count - 1] if count < 4096 else gamma(count - 1))
        first = offsets[at]
        if lengths is None:
            append(gamma(first))
            k = 0
        else:
            length = lengths[owner]
            if length < 65536:
                width, spare = widths[length], spares[length]
                append(binary_[width - 1][first] if first < spare else binary_[width][first + spare])
            else:
                append(truncated(first, length))
            if count > 1:
                k = delta_parameter(length, count)
        if count > 1:
            codes = GOLOMB[k]
            last = first
            for offset in offsets[at + 1:at + count]:
                append(codes[offset - last - 1])
                last = offset
        at += count
    return gaps, "".join(out)


def count_bits(pairs) -> tuple[list[int], str]:
    """(the owner gaps (gaps_of), gamma(count − 1) of each) of (owner, count ≥ 1) pairs in owner order."""
    return gaps_of(pairs[::2]), "".join(GAMMA[count - 1] if count < 4096 else gamma(count - 1) for count in pairs[1::2])


def gaps_of(owners) -> list[int]:
    """Each owner's Δ − 1 from the one before (the first from −1)."""
    return [owner - before - 1 for before, owner in zip([-1, *owners], owners, strict=False)]


def whole_list(gaps: list[int], bits: str, total: int) -> str:
    """A list made in one piece (heading lists): owner_bits, then the entries' bits, packed."""
    return pack(owner_bits(gaps, total) + bits)


def huffman_depths(counts: Counter[int]) -> dict[int, int]:
    """Code length of each value in a Huffman code for these counts (ties broken by value, so the
    same counts give the same code); a single value gets length 1."""
    heap = [(count, order, (value,)) for order, (value, count) in enumerate(sorted(counts.items()))]
    heapq.heapify(heap)
    depths = dict.fromkeys(counts, 0)
    order = len(heap)
    while len(heap) > 1:
        first_count, _, first = heapq.heappop(heap)
        second_count, _, second = heapq.heappop(heap)
        for value in first + second:
            depths[value] += 1
        heapq.heappush(heap, (first_count + second_count, order, first + second))
        order += 1
    return {value: max(1, depth) for value, depth in depths.items()}


def canonical(ordered: list[int], depths: dict[int, int]) -> tuple[list[int], dict[int, str]]:
    """(how many codes of each length 1…D, each value's code) of a canonical code whose values in
    code order are `ordered` (by length, then value): the first code of each length is (the first
    code of the length before + its count) · 2, from 0, and the codes of one length count up."""
    codes, next_code, length = {}, 0, 0
    for value in ordered:
        next_code <<= depths[value] - length
        length = depths[value]
        codes[value] = binary(next_code, length)
        next_code += 1
    per_length = Counter(depths.values())
    return [per_length[size] for size in range(1, length + 1)], codes


def encode_huffman(values: list[int]) -> tuple[str, str]:
    """(the code table, the values) of values in a canonical Huffman code (docs/search-format.md,
    "Lengths"). The table is numbers: the longest code length D, how many codes have each length
    1…D, then the values in code order (by length, then value). The values are their codes' bits
    one after the other, packed."""
    depths = huffman_depths(Counter(values))
    ordered = sorted(depths, key=lambda value: (depths[value], value))
    per_length, codes = canonical(ordered, depths)
    return encode_sequence([len(per_length), *per_length, *ordered]), pack("".join(map(codes.__getitem__, values)))


def read_huffman(per_length: list[int], bits: str, at: int = 0) -> tuple[int, int]:
    """(the index in code order of the code at bits[at:], where the next one starts)."""
    current = first = index = length = 0
    while True:
        current, length = current | int(bits[at]), length + 1
        at += 1
        if current - per_length[length - 1] < first:
            return index + current - first, at
        index += per_length[length - 1]
        first = (first + per_length[length - 1]) << 1
        current <<= 1


def decode_huffman(table: str, packed: str, count: int) -> list[int]:
    """The first `count` values of encode_huffman's output (for tests; the browser has its own)."""
    numbers = decode_numbers(table)
    per_length, ordered = numbers[1:numbers[0] + 1], numbers[numbers[0] + 1:]
    bits, values, at = unpack(packed), [], 0
    while len(values) < count:
        index, at = read_huffman(per_length, bits, at)
        values.append(ordered[index])
    return values


# pack_texts: 13-bit groups spread to SLOT bits, then v // BASE as (v · MAGIC) >> SHIFT, exact for
# every v < 2¹³ in 32-bit digits (v · MAGIC < 2³²), so each step is one operation on a whole batch.
SLOT, SHIFT = 16, 20
MAGIC = -(-(1 << SHIFT) // BASE)
assert all(value * MAGIC >> SHIFT == value // BASE for value in range(1 << PACK_BITS))
assert (1 << PACK_BITS) * MAGIC < 1 << 32 and BASE < 1 << 8 and PACK_BITS <= SLOT
LOW_BITS = ((1 << SHIFT) - 1).to_bytes(4, "big")
PADDING = ["0" * size for size in range(PACK_BITS)]
ALPHABET_BYTES = bytes.maketrans(bytes(range(BASE)), NUMBER_ALPHABET.encode("ascii"))
# Texts are packed about BATCH_BITS bits at a time (some 150 paragraphs: the numbers stay in cache).
BATCH_BITS = 1 << 18


def pack_texts(texts: list[str]) -> list[str]:
    """pack() of each bit string ("0"/"1"), a batch at a time, each step in C: the batch's bits, each
    text padded, in one string; its groups as SLOT-bit digits of one number (bytearray slices, then
    int(…, 2)), widened to 32-bit digits; q = v // BASE of every digit from one multiplication, and
    q·256 + v − BASE·q read as UTF-16 is the bytes q, r, which one bytes.translate makes characters.
    (corpus/1000's 107,536 paragraphs: 0.6 s, pack() 1.9 s.)"""
    out: list[str] = []
    for batch in batches(texts, BATCH_BITS):
        pads = [PADDING[-len(bits) % PACK_BITS] for bits in batch]
        whole = "".join(chain.from_iterable(zip(batch, pads, strict=True))).encode("ascii")
        groups = len(whole) // PACK_BITS
        if not groups:
            out += batch  # empty texts
            continue
        spread = bytearray(b"0" * (SLOT * groups))
        for bit in range(PACK_BITS):
            spread[SLOT - PACK_BITS + bit::SLOT] = whole[bit::PACK_BITS]
        wide = int(spread, 2).to_bytes(2 * groups, "big").decode("utf-16-be").encode("utf-32-be")
        value = int.from_bytes(wide, "big")
        scaled = value * MAGIC
        quotient = (scaled - (scaled & int.from_bytes(LOW_BITS * groups, "big"))) >> SHIFT
        digits = ((quotient << 8) + value - BASE * quotient).to_bytes(4 * groups, "big")
        chars = digits.decode("utf-32-be").encode("utf-16-be").translate(ALPHABET_BYTES).decode("ascii")
        start = 0
        for bits, pad in zip(batch, pads, strict=True):
            end = start + (len(bits) + len(pad)) // PACK_BITS * 2
            out.append(chars[start:end])
            start = end
    return out


def encode_texts_bits(texts: list[str], packed: int) -> tuple[list[str], str, list[str]]:
    """(the dictionary, the text code, the texts) with the first `packed` texts in a canonical Huffman
    code of the token ranks and the others as the numbers of their ranks (encoding.encode_texts).
    The code is made from each rank's count_step (its least count), so a count that stays in its
    step leaves every code as it was; its lengths never decrease with the rank, so the table is
    numbers: the longest code length D, then how many codes have each length 1…D, and rank r has
    the r-th code in code order. A packed text is its tokens' codes, packed; the reader stops after
    the text's folded length in characters (the manifest's `lengths`). Each distinct text is cut and
    coded once; the build before's counts, tokens and codes are read back (Texts)."""
    times = Counter(texts)
    memo = Texts.read()
    state = (memo.update(times) if memo is not None else None) or Texts.fresh(times)
    token_of = state.token_of
    ranked = rank_tokens(state.counts, token_of)
    dictionary = [token_of.get(token, token) for token in ranked]
    weights = Counter({rank: step_weight(count_step(state.counts[token])) for rank, token in enumerate(ranked)})
    depths = dict(enumerate(sorted(huffman_depths(weights).values())))  # shortest to the most frequent
    per_length, codes = canonical(list(depths), depths)
    coded = dict(zip(dictionary, map(codes.__getitem__, range(len(ranked))), strict=True))
    # A text's packed code is read back while its tokens and their codes are the same.
    old = Texts.empty() if memo is None else memo
    stale = [token for token, real in zip(ranked, dictionary, strict=True) if old.codes.get(real) != coded[real]]
    recoded = re.compile("[" + "".join(map(re.escape, stale)) + "]").search if stale else None
    made, todo = {}, []
    for text in dict.fromkeys(texts[:packed]):
        tokens, value = state.tokens[text], old.packed.get(text)
        if value is not None and old.tokens[text] == tokens and not (recoded and recoded(tokens)):
            made[text] = value
        else:
            todo.append(text)
    table = [""] * (max(map(ord, ranked), default=0) + 1)
    for token, real in zip(ranked, dictionary, strict=True):
        table[ord(token)] = coded[real]
    made.update(zip(todo, pack_texts([state.tokens[text].translate(table) for text in todo]), strict=True))
    numbers = {ord(token): code(rank) for rank, token in enumerate(ranked)}
    headings = {text: state.tokens[text].translate(numbers) for text in dict.fromkeys(texts[packed:])}
    if cache.enabled() and state.storable and (memo is None or state.changed or todo or stale):
        state.store(coded, made)
    encoded = [*map(made.__getitem__, texts[:packed]), *map(headings.__getitem__, texts[packed:])]
    return dictionary, encode_sequence([len(per_length), *per_length]), encoded


def decode_text_bits(packed: str, table: str, dictionary: list[str], length: int) -> str:
    """A text of `length` characters written by encode_texts_bits, back (for tests)."""
    per_length, bits, out, at = decode_numbers(table)[1:], unpack(packed), [], 0
    while sum(map(len, out)) < length:
        rank, at = read_huffman(per_length, bits, at)
        out.append(dictionary[rank])
    return "".join(out)
