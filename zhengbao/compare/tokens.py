"""jieba tokens of simplified text, with their offsets, so marks can be put back on the original."""

from __future__ import annotations

import logging
import re
from functools import lru_cache

import jieba

from ..cache import token_store

jieba.setLogLevel(logging.WARNING)

HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=8192)
def tokenize(text: str) -> tuple[tuple[str, int, int], ...]:
    """(token, start, end) for every jieba token of the text, punctuation included."""
    cached = token_store.get(text)
    if cached is not None:
        return cached
    tokens = tuple(jieba.tokenize(text))
    token_store.put(text, tokens)
    return tokens


def content_words(text: str) -> list[str]:
    """Tokens that carry meaning for similarity: two or more characters, at least one Han character."""
    return [word for word, _, _ in tokenize(text) if len(word) >= 2 and HAN.search(word)]
