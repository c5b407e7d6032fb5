"""The constants of query and ranking: the one place both the browser and the Python reference read.

The build writes `browser_settings()` into the search manifest; search-engine.js and search.js read
them from there and have no number of their own, and reference.py imports them. The BM25 formula
they enter and the manifest fields are in docs/search-format.md ("Settings"). Change a value here,
rebuild, and both sides follow.
"""

from __future__ import annotations

import math
import re

# --- Query syntax ---------------------------------------------------------------------------------
# A query is cut into terms at whitespace and at Chinese and ASCII punctuation; every term must
# occur in a paragraph (AND). One pattern, valid in both Python's `re` and JavaScript's RegExp.
TERM_SPLIT_PATTERN = r"[\s，。、；：！？,;!?]+"
TERM_SPLIT = re.compile(TERM_SPLIT_PATTERN)
# The number rule: a term starting with a digit does not match after a digit or a decimal point,
# one ending with a digit not before a digit, so 1万亿 does not match inside 11万亿 or 2.1万亿.
DIGITS = "0123456789"
NUMBER_POINT = "."
DIGIT_OR_POINT = DIGITS + NUMBER_POINT

# --- BM25 ----------------------------------------------------------------------------------------
# k1: how fast repeated occurrences stop adding to the score (the usual 1.2).
K1 = 1.2
# b: how much a long paragraph is penalised against the average length (the usual 0.75).
B = 0.75
# k1 + 1 in the numerator, so that tf = 1 at average length scores exactly idf.
TF_SCALE = K1 + 1
# 1 − b: the share of the length normalisation that does not depend on the length.
LENGTH_BASE = 1 - B
# Lucene's idf: ln(1 + …) instead of ln(…), so a term in most paragraphs still scores above zero.
IDF_OFFSET = 1
# The 0.5 of the Robertson–Spärck Jones idf, so a term in no or every paragraph stays finite.
IDF_SMOOTHING = 0.5
# Bonus, in units of the term's idf, when the paragraph's section heading contains the term.
HEADING_BOOST = 0.5
# A label (a heading, or a one-line chart label of a summary: search/paragraphs.py) scores this
# share of its BM25 score. Being short, a label holding a term once scores up to 1.7 idf (2.2 with
# the heading bonus), a paragraph three times the average length 0.55 idf: at a quarter, running
# text about a term comes before the labels that merely name it (the 2023 summary's chart labels
# came first for 地区生产总值, 城市更新行动, 居民消费价格…); a label still comes first when only
# labels hold the term.
LABEL_WEIGHT = 0.1

# --- Display -------------------------------------------------------------------------------------
# Results are shown this many at a time; each page of results loads only its own text chunks.
PAGE_SIZE = 10
# A result's snippet starts this many characters before its first match …
SNIPPET_BEFORE = 24
# … and is this many characters long ("…" marks text cut off on either side).
SNIPPET_LENGTH = 110


def bm25(tf: int, count: int, total: int, length_ratio: float) -> tuple[float, float]:
    """(idf, BM25 term score) of a term occurring tf times in a paragraph.

    count: paragraphs holding the term; total: paragraphs in the index; length_ratio: the
    paragraph's folded length over the average. The heading bonus and the label weight are
    applied by the caller.
    The arithmetic is written in the same order as search-engine.js's, so both give the same float.
    """
    idf = math.log(IDF_OFFSET + (total - count + IDF_SMOOTHING) / (count + IDF_SMOOTHING))
    return idf, idf * (tf * TF_SCALE) / (tf + K1 * (LENGTH_BASE + B * length_ratio))


def browser_settings() -> dict:
    """Every constant above that the browser needs, as the manifest carries them (JSON-ready)."""
    return {
        "query": {"split": TERM_SPLIT_PATTERN, "numberPoint": NUMBER_POINT},
        "ranking": {"k1": K1, "b": B, "tfScale": TF_SCALE, "lengthBase": LENGTH_BASE,
                    "idfOffset": IDF_OFFSET, "idfSmoothing": IDF_SMOOTHING, "headingBoost": HEADING_BOOST,
                    "labelWeight": LABEL_WEIGHT},
        "display": {"pageSize": PAGE_SIZE, "snippetBefore": SNIPPET_BEFORE, "snippetLength": SNIPPET_LENGTH},
    }
