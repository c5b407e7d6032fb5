"""jieba tokens of simplified text, with their offsets, so marks can be put back on the original."""

from __future__ import annotations

import logging
import re
from functools import lru_cache

import jieba

from ..cache import token_store

jieba.setLogLevel(logging.WARNING)

HAN = re.compile(r"[\u4e00-\u9fff]")


def segment(text: str) -> tuple[tuple[str, int, int], ...]:
    """(token, start, end) for every jieba token of the text, punctuation included; read from and
    written to the build's token store (cache.token_store), never kept in memory here."""
    cached = token_store.get(text)
    if cached is not None:
        return cached
    tokens = tuple(jieba.tokenize(text))
    token_store.put(text, tokens)
    return tokens


@lru_cache(maxsize=1024)
def tokenize(text: str) -> tuple[tuple[str, int, int], ...]:
    """segment(), the last 1,024 texts kept: a paragraph shown in two plan comparisons is split once.

    Why so few: a token costs about 200 bytes as a tuple, so 8,192 whole work-plan units held here
    took 1.3 GB of the comparison worker at 1,000 reports (docs/scale.md, growth curve).
    """
    return segment(text)


def content_words(text: str) -> list[str]:
    """Tokens that carry meaning for similarity: two or more characters, at least one Han character
    (the text is a whole work-plan unit, segmented once: not kept in tokenize's memory)."""
    return [word for word, _, _ in segment(text) if len(word) >= 2 and HAN.search(word)]
