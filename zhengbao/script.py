"""The OpenCC converters, in one place: traditional ↔ simplified Chinese script.

OpenCC converts by phrase (`t2s`, `s2t`, and the regional traditional variants `s2tw`, `s2hk`…);
each converter is built once per process, since building one reads its dictionaries.
"""

from __future__ import annotations

from functools import cache

import opencc


@cache
def converter(config: str) -> opencc.OpenCC:
    """The OpenCC converter for a configuration name such as "t2s" or "s2t"."""
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional → simplified (OpenCC t2s); simplified text passes through unchanged."""
    return converter("t2s").convert(text)


def to_traditional(text: str) -> str:
    """Simplified → traditional (OpenCC s2t)."""
    return converter("s2t").convert(text)


def detect_script(text: str) -> str:
    """"traditional" or "simplified": which script the Han characters of `text` are written in.

    Counts the characters OpenCC would change each way: a character that t2s changes is
    traditional-only (現, 們), one that s2t changes is simplified-only (现, 们). Characters common
    to both scripts (人, 大) count for neither. The text is traditional when its traditional-only
    characters outnumber its simplified-only ones (a simplified text quoting a few traditional
    names stays simplified). Used when a reports.yml entry does not say `script`.
    """
    counts: dict[str, int] = {}
    for char in text:
        if "\u4e00" <= char <= "\u9fff":
            counts[char] = counts.get(char, 0) + 1
    chars = sorted(counts)
    joined = "".join(chars)
    as_simplified, as_traditional = to_simplified(joined), to_traditional(joined)
    if len(as_simplified) != len(joined) or len(as_traditional) != len(joined):  # never for single characters
        as_simplified = "".join(to_simplified(c) if len(to_simplified(c)) == 1 else c for c in chars)
        as_traditional = "".join(to_traditional(c) if len(to_traditional(c)) == 1 else c for c in chars)
    traditional_only = sum(counts[c] for c, s in zip(chars, as_simplified, strict=True) if s != c)
    simplified_only = sum(counts[c] for c, t in zip(chars, as_traditional, strict=True) if t != c)
    return "traditional" if traditional_only > simplified_only else "simplified"
