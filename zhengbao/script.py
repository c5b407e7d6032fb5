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
