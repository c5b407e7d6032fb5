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
# in every PAIR_SAMPLE-th text: the same choice within a few pairs, in a quarter of the time.
TEXT_PAIRS = 1000
PAIR_SAMPLE = 4
# While text is cut into tokens, a pair stands in for itself as one lone high surrogate (never a
# character of text read as UTF-8), so counting and writing are str operations in C. A text that
# holds one anyway (text decoded with surrogatepass) is written without pairs.
PAIR_STAND_IN = 0xD800
assert TEXT_PAIRS <= 0x400  # the high surrogates
STAND_INS = re.compile(f"[{chr(PAIR_STAND_IN)}-{chr(PAIR_STAND_IN + TEXT_PAIRS - 1)}]")


def count_step(count: int) -> int:
    """A count rounded down to one of eight steps per power of two (about 9 % apart; exact below 8),
    in integers. Tokens are chosen and ranked by their step, then in character order: a correction
    changes a few counts by one, which moves a token only when it crosses a step, so every other
    text keeps its codes and its chunk file its bytes. Ranked by exact counts, one digit corrected
    in corpus/500 swapped tied neighbours and rewrote 2,518 of the site's 7,700 search files."""
    bits = count.bit_length()
    return count if bits <= 3 else bits << 3 | (count >> (bits - 4)) & 7


def text_pairs(texts: list[str]) -> list[str]:
    """The TEXT_PAIRS most frequent two-character windows of every PAIR_SAMPLE-th text, by count_step
    (ties in character order)."""
    counts: Counter[str] = Counter()
    for text in texts[::PAIR_SAMPLE]:
        counts.update(map(str.__add__, text, text[1:]))
    # The step of the TEXT_PAIRS-th pair, then the pairs at or above it in the tie order.
    least = min((count_step(count) for _, count in counts.most_common(TEXT_PAIRS)), default=0)
    steps = {pair: step for pair, count in counts.items() if (step := count_step(count)) >= least}
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


def ranked_texts(texts: list[str], known=None) -> tuple[list[str], list[int], list[str], list[str]]:
    """(the dictionary: every token, most frequent first by count_step, ties in character order; the
    count_step of each; each text with every token one character; those characters in rank order).
    A token is a character or one of text_pairs', taken greedily from the left. known(pairs) gives
    text → its tokenized form made with these pairs before, read back instead of cut again."""
    pairs = [] if any(map(STAND_INS.search, texts)) else text_pairs(texts)
    stand_ins = {pair: chr(PAIR_STAND_IN + number) for number, pair in enumerate(pairs)}
    found = {} if known is None else known(pairs)
    tokenized = [found.get(text) or tokenize(text, stand_ins) for text in texts]
    counts: Counter[str] = Counter()
    for text in tokenized:
        counts.update(text)
    token_of = {stand_in: pair for pair, stand_in in stand_ins.items()}
    ranked = sorted(counts, key=lambda token: (-count_step(counts[token]), token_of.get(token, token)))
    steps = [count_step(counts[token]) for token in ranked]
    return [token_of.get(token, token) for token in ranked], steps, tokenized, ranked


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
