"""How the search index writes numbers, lists, text and files; the format is docs/search-format.md.

Numbers are self-delimiting variable-length codes over NUMBER_ALPHABET (printable ASCII that JSON
and a script element leave alone): zero or more *continuation* characters (base CONTINUATION_DIGITS,
most significant first), then one *terminal* character (base TERMINAL_DIGITS). So no separator is
written, and a number below TERMINAL_DIGITS is one byte (the key lists are bit codes: bits.py).
Text is written as the numbers of its tokens' ranks in a dictionary ordered by frequency (a token is
a character or a frequent pair of them), so common characters take one byte instead of UTF-8's three.
Every file is a script, because Chromium blocks fetch() on file://. This module knows nothing of
paragraphs or reports; shards.py and reference.py use it.
"""

from __future__ import annotations

import json
import re
import sys
import zlib
from collections import Counter
from itertools import chain

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


def unit(char: str) -> int:
    """The character's place in UTF-16 code unit order, as a number (keys are written as differences
    of these): below U+D800 its code point; a character beyond U+FFFF 0xD800 + (code point − 0x10000)
    (its surrogates sort there); U+E000…U+FFFF after those, at code point + 0x100000."""
    point = ord(char)
    return point if point < 0xD800 else 0xD800 + point - 0x10000 if point > 0xFFFF else point + 0x100000


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


def encode_sequence(values: list[int]) -> str:
    """Numbers one after the other (paragraph lengths)."""
    return "".join(code(value) for value in values)


# The text dictionary also holds the TEXT_PAIRS most frequent character pairs as tokens of their
# own, so a frequent word takes one or two bytes instead of two to four (content/: text chunks
# 2.09 → 1.70 MB for 1,000 pairs; 500 give 1.76, 2,000 1.69 and a larger manifest). They are counted
# in the texts whose CRC-32 (of their UTF-8) PAIR_SAMPLE divides: about half, chosen by content, so
# a text added or removed changes only its own windows' counts (every fourth text by position, a
# report added near the front shifted which texts were counted: 68 pairs changed at corpus/1000,
# 2 now). The texts against every fourth by position: content/ −0.19 %, corpus/1000 +0.15 % (one
# text in four by CRC-32: −0.06 % and +0.46 %; every text: −0.21 % and +0.05 %).
TEXT_PAIRS = 1000
PAIR_SAMPLE = 2
# While text is cut into tokens, a pair stands in for itself as one character of a block of the
# Private Use Area (BMP) that no text holds: the first of STAND_IN_BLOCKS, and with none free the
# texts are written without pairs. So counting and writing are str operations in C, and tokens are
# plain UTF-16 (lone high surrogates, the stand-ins before, took an error handler per character
# to encode or decode: 0.6 s for corpus/1000's tokens). The GBK user-defined areas map to
# U+E000–U+E765, so those blocks come last.
STAND_IN_BLOCKS = (0xF000, 0xF400, 0xEC00, 0xE800, 0xE400, 0xE000)
assert TEXT_PAIRS <= 0x400
# Pairs are counted as numbers read in C (memoryview.cast) from the text's UTF-32 in the machine's
# byte order: a pair's key is the 8 bytes of its two characters read as one number.
UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"


def block_holder(block: int):
    """A search function finding a character of the stand-in block in a text."""
    return re.compile(f"[{chr(block)}-{chr(block + 0x3FF)}]").search


def stand_in_block(texts) -> int | None:
    """The first of STAND_IN_BLOCKS that none of the texts holds a character of, or None."""
    return next((block for block in STAND_IN_BLOCKS if not any(map(block_holder(block), texts))), None)


def stand_ins_of(pairs: list[str], block: int, kept: dict[str, str] | None = None) -> dict[str, str]:
    """Pair → its stand-in: the one in `kept` (the build before's), else the block's next free one."""
    chosen = set(pairs)
    kept = {pair: stand_in for pair, stand_in in (kept or {}).items() if pair in chosen}
    taken = set(kept.values())
    free = (chr(point) for point in range(block, block + TEXT_PAIRS) if chr(point) not in taken)
    return {pair: kept.get(pair) or next(free) for pair in pairs}


def count_step(count: int) -> int:
    """A count rounded down to one of eight steps per power of two (about 9 % apart; exact below 8),
    in integers. Tokens are chosen and ranked by their step, then in character order: a correction
    changes a few counts by one, which moves a token only when it crosses a step, so every other
    text keeps its codes and its chunk file its bytes. Ranked by exact counts, one digit corrected
    in corpus/500 swapped tied neighbours and rewrote 2,518 of the site's 7,700 search files."""
    bits = count.bit_length()
    return count if bits <= 3 else bits << 3 | (count >> (bits - 4)) & 7


def step_weight(step: int) -> int:
    """The least count of a count_step."""
    return step if step < 8 else ((step & 7) | 8) << ((step >> 3) - 4)


def sampled(text: str) -> bool:
    """True when the text's pairs are counted (PAIR_SAMPLE)."""
    return zlib.crc32(text.encode("utf-8", "surrogatepass")) % PAIR_SAMPLE == 0


def add_pairs(counts: Counter[int], text: str, times: int = 1) -> None:
    """Add `times` (≠ 0, may be negative) to the count of each two-character window of the text,
    keyed as UTF32 says (pair_of reads a key back). A count brought to 0 is deleted."""
    data = memoryview(text.encode(UTF32, "surrogatepass"))
    even, odd = data[:8 * (len(text) // 2)].cast("Q"), data[4:4 + 8 * ((len(text) - 1) // 2)].cast("Q")
    if times == 1:
        counts.update(even)
        counts.update(odd)
        return
    for key, count in Counter(chain(even, odd)).items():
        counts[key] += count * times
        if not counts[key]:
            del counts[key]


def pair_of(key: int) -> str:
    """The two characters of an add_pairs key."""
    return key.to_bytes(8, sys.byteorder).decode(UTF32, "surrogatepass")


def pair_counts(times: dict[str, int]) -> Counter[int]:
    """add_pairs' counts of the sampled texts, each counted as often as it occurs (text → times)."""
    counts: Counter[int] = Counter()
    for text, count in times.items():
        if sampled(text):
            add_pairs(counts, text, count)
    return counts


def choose_pairs(counts: Counter[int]) -> list[str]:
    """The TEXT_PAIRS pairs of the largest count_step among add_pairs' counts (ties in character order)."""
    top = counts.most_common(TEXT_PAIRS)
    if not top:
        return []
    # The step of the TEXT_PAIRS-th pair, then the pairs at or above it (at or above its least count).
    least = step_weight(min(count_step(count) for _, count in top))
    steps = {pair_of(key): count_step(count) for key, count in counts.items() if count >= least}
    return sorted(steps, key=lambda pair: (-steps[pair], pair))[:TEXT_PAIRS]


def tokenize(text: str, stand_ins: dict[str, str]) -> str:
    """The text with each pair of `stand_ins` taken greedily from the left replaced by its stand-in."""
    out: list[str] = []
    append, get = out.append, stand_ins.get
    at, last = 0, len(text) - 1
    while at < last:
        token = get(text[at:at + 2])
        if token is None:
            append(text[at])
            at += 1
        else:
            append(token)
            at += 2
    if at == last:
        append(text[at])
    return "".join(out)


def batches(texts: list[str], size: int):
    """The texts in runs of consecutive ones, each run ending once it holds `size` characters."""
    at = 0
    while at < len(texts):
        batch, held = [], 0
        while at < len(texts) and held < size:
            batch.append(texts[at])
            held += len(texts[at])
            at += 1
        yield batch


# Tokens are counted TOKEN_CHUNK characters at a time, joined (Counter.update on a str runs in C).
TOKEN_CHUNK = 1 << 20


def count_tokens(pieces, counts: Counter[str] | None = None) -> Counter[str]:
    """Counts (token character → count) with each (tokenized text, times) of `pieces` added `times`
    times (≠ 0, may be negative); a count brought to 0 is deleted."""
    counts = Counter() if counts is None else counts
    by_times: dict[int, list[str]] = {}
    for text, times in pieces:
        by_times.setdefault(times, []).append(text)
    for times, texts in by_times.items():
        found: Counter[str] = Counter()
        for chunk in batches(texts, TOKEN_CHUNK):
            found.update("".join(chunk))
        for token, count in found.items():
            counts[token] += count * times
            if not counts[token]:
                del counts[token]
    return counts


def rank_tokens(counts: Counter[str], token_of: dict[str, str]) -> list[str]:
    """The token characters most frequent first by count_step, ties in the character order of what
    they stand for (token_of: stand-in → pair)."""
    return sorted(counts, key=lambda token: (-count_step(counts[token]), token_of.get(token, token)))


def cut_texts(times: dict[str, int]) -> tuple[int | None, dict[str, str], Counter[int], dict[str, str], Counter[str]]:
    """(the stand-in block, pair → stand-in, pair_counts, text → its tokens, count_tokens) of the
    distinct texts (text → how often it occurs), each cut once."""
    block = stand_in_block(times)
    counts = pair_counts(times) if block is not None else Counter()
    stand_ins = stand_ins_of(choose_pairs(counts), block) if block is not None else {}
    tokens = {text: tokenize(text, stand_ins) for text in times}
    return block, stand_ins, counts, tokens, count_tokens((tokens[text], count) for text, count in times.items())


def ranked_texts(texts: list[str]) -> tuple[list[str], list[int], list[str], list[str]]:
    """(the dictionary: every token, most frequent first by count_step, ties in character order; the
    count_step of each; each text with every token one character; those characters in rank order).
    A token is a character or one of choose_pairs', taken greedily from the left."""
    _, stand_ins, _, tokens, counts = cut_texts(Counter(texts))
    token_of = {stand_in: pair for pair, stand_in in stand_ins.items()}
    ranked = rank_tokens(counts, token_of)
    steps = [count_step(counts[token]) for token in ranked]
    return [token_of.get(token, token) for token in ranked], steps, list(map(tokens.__getitem__, texts)), ranked


def encode_texts(texts: list[str]) -> tuple[list[str], list[str]]:
    """(the dictionary, ranked_texts'; each text as the codes of its tokens' ranks)."""
    dictionary, _, tokenized, ranked = ranked_texts(texts)
    coder = {ord(token): code(rank) for rank, token in enumerate(ranked)}
    return dictionary, [text.translate(coder) for text in tokenized]


def decode_text(encoded: str, dictionary: list[str]) -> str:
    """Text written by encode_texts, back to characters."""
    return "".join(dictionary[rank] for rank in decode_numbers(encoded))


def dictionary_field(dictionary: list[str]) -> tuple[str, str]:
    """The manifest's `dictionary` (every token, one after the other) and `dictionaryPairs` (the
    ranks of the two-character tokens, each as its distance from the one before − 1)."""
    pairs, previous = [], -1
    for rank, token in enumerate(dictionary):
        if len(token) == 2:
            pairs.append(rank - previous - 1)
            previous = rank
    return "".join(dictionary), encode_sequence(pairs)


def dictionary_tokens(text: str, pairs: str) -> list[str]:
    """The tokens of the manifest's `dictionary` and `dictionaryPairs` (dictionary_field read back)."""
    ranks, rank = set(), -1
    for gap in decode_numbers(pairs):
        rank += gap + 1
        ranks.add(rank)
    tokens, at = [], 0
    while at < len(text):
        size = 2 if len(tokens) in ranks else 1
        tokens.append(text[at:at + size])
        at += size
    return tokens


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
