"""Simplified text for matching, original text for showing.

The 2023 summary is in traditional characters: matching, tokenising and similarity run on its
simplified reading (script.to_simplified_reading: OpenCC t2s, and 着 for the 著 that stands for 着,
so its 著力 matches the simplified reports' 着力), while snippets quote the original. The conversion
maps character for character for these texts, so an offset in the converted text is the same offset
in the original.
"""

from __future__ import annotations

from functools import lru_cache

from ..model import Report
from ..script import to_simplified_reading


@lru_cache(maxsize=4096)
def simplified(text: str) -> str:
    """Traditional → simplified as a reader of simplified reads it (script.to_simplified_reading)."""
    return to_simplified_reading(text)


def matching_text(report: Report, text: str) -> str:
    """The text used for matching: converted when the report is traditional."""
    return simplified(text) if report.meta.script == "traditional" else text


def original_slice(original: str, converted: str, start: int, end: int) -> str:
    """The original characters at the converted text's offsets (the converted slice if lengths differ)."""
    if len(original) == len(converted):
        return original[start:end]
    return converted[start:end]

