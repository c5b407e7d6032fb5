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


# 著 in traditional texts of the Taiwan and Hong Kong kind also writes the verb and particle 着 (著力,
# 著眼, 著重, 看著, 隨著); OpenCC t2s keeps it everywhere (BYVoid/OpenCC#555), tw2s turns it into
# 着 by phrase (tests/cases/07; the 2023 summary's 著力推動). tw2s also turns some words where 著 is
# zhù (notable, a written work) into 着 (编著 → 编着): the words of 著 zhù below keep 著.
ZHU_WORDS = ("土著", "卓著", "编著", "论著", "专著", "原著", "遗著", "新著", "拙著", "译著", "彰著",
             "较著", "炳著", "著文", "巨著", "名著", "合著", "著者", "著录", "著书", "著述", "著称",
             "著名", "显著", "著作", "昭著")
TRADITIONAL_ZHE, ZHE = "著", "着"


def to_simplified_reading(text: str) -> str:
    """A traditional text in simplified script as a reader of simplified expects it: OpenCC t2s, and
    着 for each 著 that tw2s reads as 着, except inside a ZHU_WORDS word.

    Same length as `to_simplified(text)`; only 著 differs from it. ASCII punctuation and everything
    else t2s keeps are kept (the 2023 summary's ASCII commas stay as written). For traditional
    text only: in simplified text 著 is always zhù (显著, 著名).
    """
    simplified = to_simplified(text)
    if TRADITIONAL_ZHE not in simplified:
        return simplified
    taiwan = converter("tw2s").convert(text)
    if len(taiwan) != len(simplified):  # a phrase changed length: compare character by character
        taiwan = "".join(converter("tw2s").convert(char) for char in text)
        if len(taiwan) != len(simplified):
            return simplified
    kept = [False] * len(simplified)
    for word in ZHU_WORDS:
        at = simplified.find(word)
        while at != -1:
            kept[at:at + len(word)] = [True] * len(word)
            at = simplified.find(word, at + 1)
    return "".join(ZHE if char == TRADITIONAL_ZHE and taiwan[at] == ZHE and not kept[at] else char
                   for at, char in enumerate(simplified))


def fold_simplified(char: str) -> str:
    """The one simplified character search folds a character to (zhengbao/search/fold.py).

    OpenCC t2s for one character, and 着 for 著 everywhere: a traditional text's 著 may stand for
    either, and one form for both lets 着力 find 著力 and 著重 find 着重 (tests/cases/07). The cost
    is that 显著 also answers the query 显着, which no reader types for anything else.
    """
    simplified = to_simplified(char)
    return ZHE if simplified == TRADITIONAL_ZHE else simplified
