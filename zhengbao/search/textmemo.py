"""The memo of the text code (bits.encode_texts_bits): the texts of the build before, their pair and
token counts, tokens, token codes and packed codes (cache kind TEXTS_KIND, one file by the code
version), from which a build that adds, removes or corrects a few texts makes its own.

Texts and tokens are kept as UTF-16 (the stand-ins are Private Use characters: encoding.py) and the
packed codes as ASCII, each kind joined with the sizes apart, so reading and writing is a few
buffers (pickled one str per text, the texts and their tokens came to 71 MB at corpus/1000 and took
0.7 s to read back).
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import accumulate, compress
from operator import mul

from .. import cache
from .encoding import (
    add_pairs,
    block_holder,
    choose_pairs,
    count_tokens,
    cut_texts,
    sampled,
    stand_ins_of,
    tokenize,
)

SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass
class Texts:
    """The distinct texts of a build as encode_texts_bits cuts them, and the memo of the build before
    (cache kind TEXTS_KIND, one file by the code version) read back with its codes and packed texts.
    A text added or removed changes the pair and token counts by its own; a text keeps its tokens
    while it holds none of the pairs chosen or dropped (more than STALE_MAX, and every text is cut
    again), and its packed code while those tokens and their codes are the same. The counts are
    exact integers, so the build is the one a clean build makes (sums checked)."""

    times: dict[str, int]  # text → how often it occurs
    block: int | None  # encoding.stand_in_block
    stand_ins: dict[str, str]  # pair → its stand-in
    pair_counts: Counter[int]  # encoding.pair_counts
    tokens: dict[str, str]  # text → its tokens
    counts: Counter[str]  # token → its count in every text (encoding.count_tokens)
    codes: dict[str, str] = field(default_factory=dict)  # token → its bits (read back)
    packed: dict[str, str] = field(default_factory=dict)  # paragraph text → its packed code (read back)
    changed: bool = True  # other texts or tokens than the build before's
    storable: bool = True  # no text holds a lone surrogate (the memo is UTF-16)

    @property
    def token_of(self) -> dict[str, str]:
        return {stand_in: pair for pair, stand_in in self.stand_ins.items()}

    @classmethod
    def empty(cls) -> Texts:
        return cls({}, None, {}, Counter(), {}, Counter())

    @classmethod
    def fresh(cls, times: dict[str, int]) -> Texts:
        return cls(times, *cut_texts(times), storable=not any(map(SURROGATES.search, times)))

    @classmethod
    def read(cls) -> Texts | None:
        """The memo of the build before, or None (none, the cache off, or damaged)."""
        stored = cache.stored(TEXTS_KIND, "texts", cache.key_of())
        try:
            texts = _split(stored["texts"].decode("utf-16-le"), stored["text_sizes"])
            tokens = _split(stored["tokens"].decode("utf-16-le"), stored["token_sizes"])
            packed = _split(stored["packed"].decode("ascii"), stored["packed_sizes"])
            return cls(dict(zip(texts, stored["times"], strict=True)), stored["block"], stored["stand_ins"],
                       stored["pair_counts"], dict(zip(texts, tokens, strict=True)), stored["counts"], stored["codes"],
                       dict(zip(compress(texts, stored["paragraphs"]), packed, strict=True)))
        except (TypeError, KeyError, ValueError):
            return None

    def update(self, times: dict[str, int]) -> Texts | None:
        """This build's Texts made from the memo's, or None when it must be made afresh."""
        if times == self.times:
            return replace(self, changed=False)
        added = times.keys() - self.times.keys()
        if self.block is None or any(map(block_holder(self.block), added)) or any(map(SURROGATES.search, added)):
            return None
        change = {text: count - self.times.get(text, 0) for text, count in times.items() - self.times.items()}
        change.update((text, -count) for text, count in self.times.items() - times.items() if text not in times)
        pair_counts = Counter(self.pair_counts)
        for text, count in change.items():
            if sampled(text):
                add_pairs(pair_counts, text, count)
        pairs = choose_pairs(pair_counts)
        if len(set(pairs).symmetric_difference(self.stand_ins)) > STALE_MAX:
            return None
        stand_ins = stand_ins_of(pairs, self.block, self.stand_ins)
        # Cut again: a text holding a pair chosen now (where greedy cutting may take it), or whose
        # tokens hold a pair dropped (one never taken changes nothing when dropped).
        new = [pair for pair in pairs if pair not in self.stand_ins]
        dropped = [stand_in for pair, stand_in in self.stand_ins.items() if pair not in stand_ins]
        redo = set(change)
        if new:
            redo.update(filter(re.compile("|".join(map(re.escape, new))).search, self.times))
        if dropped:
            used = re.compile("[" + "".join(dropped) + "]").search
            redo.update(text for text, tokens in self.tokens.items() if used(tokens))
        tokens = dict(self.tokens)
        for text in redo:
            if text in times:
                tokens[text] = tokenize(text, stand_ins)
            else:
                del tokens[text]
        pieces = [(self.tokens[text], -self.times[text]) for text in redo if text in self.times]
        counts = count_tokens(pieces + [(tokens[text], times[text]) for text in redo if text in times], Counter(self.counts))
        total = sum(map(mul, map(len, map(tokens.__getitem__, times)), times.values()))
        if min(counts.values(), default=0) < 0 or sum(counts.values()) != total:
            return None
        return Texts(times, self.block, stand_ins, pair_counts, tokens, counts, changed=True)

    def store(self, codes: dict[str, str], packed: dict[str, str]) -> None:
        """Keep these texts, with each token's bits and each paragraph's packed code, for the next build."""
        texts = list(self.times)
        tokens = list(map(self.tokens.__getitem__, texts))
        paragraphs = [text for text in texts if text in packed]
        packed_texts = list(map(packed.__getitem__, paragraphs))
        cache.store(TEXTS_KIND, "texts", cache.key_of(), {
            "texts": "".join(texts).encode("utf-16-le"), "text_sizes": array("q", map(len, texts)),
            "tokens": "".join(tokens).encode("utf-16-le"), "token_sizes": array("q", map(len, tokens)),
            "packed": "".join(packed_texts).encode("ascii"), "packed_sizes": array("q", map(len, packed_texts)),
            "paragraphs": bytes(map(packed.__contains__, texts)), "times": array("q", self.times.values()),
            "block": self.block, "stand_ins": self.stand_ins, "pair_counts": self.pair_counts, "counts": self.counts,
            "codes": codes})


def _split(joined: str, sizes) -> list[str]:
    """The parts of `joined` of these sizes (ValueError unless they add up to it)."""
    ends = list(accumulate(sizes))
    if (ends[-1] if ends else 0) != len(joined):
        raise ValueError("sizes do not add up")
    return list(map(joined.__getitem__, map(slice, [0, *ends], ends)))


TEXTS_KIND = "search-texts"
STALE_MAX = 64
