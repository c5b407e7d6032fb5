"""Clean stage: what a copy's source lines say about its layout, for join_broken_lines (pdf_breaks).

A PDF extraction is hard-wrapped at the page width (tools/mess.py pdf_wrap): a line of the full width
was cut by the page and goes on in the next. A copy that indents its paragraphs (Wikisource, a PDF that
keeps the first-line indent "　　") opens each paragraph on an indented line.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from .model import SourceLine
from .patterns import numbering as num


def indented_paragraphs(source: list[SourceLine]) -> set[int]:
    """The indented source lines of a copy that indents its paragraphs (Wikisource, a PDF that keeps the
    first-line indent: "　　"): at least numbering.INDENTED_MIN_SHARE of its lines longer than a short
    heading are indented (at least two); an empty set for any other copy."""
    long = [line for line in source if len(line.text.strip()) > num.SHORT_HEADING_MAX_CHARS]
    indented = {line.number for line in source if line.text.strip() and re.match(r"\s", line.text)}
    opened = sum(line.number in indented for line in long)
    return indented if opened >= 2 and opened >= num.INDENTED_MIN_SHARE * len(long) else set()


# A copy is hard-wrapped where at least this many lines, and this share of its lines, have one full
# width, two of them one after the other (a report copied one paragraph a line has at most 7 %).
WRAP_MIN_LINES = 3
WRAP_MIN_SHARE = 0.25
WRAP_MIN_WIDTH = 20  # in characters: a page narrower than this is a table column, not a text page
_LATIN_START = re.compile(r"[A-Za-z0-9.%-]+")


def _columns(text: str) -> int:
    """A line's width in columns: a Han character or full-width mark 2, a Latin letter, digit or space 1."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text.rstrip())


def _characters(text: str) -> int:
    """A line's width in characters, the indent included (an ASCII space half a character)."""
    text = text.rstrip()
    body = text.lstrip()
    indent = text[:len(text) - len(body)]
    return len(body) + len(indent) - indent.count(" ") // 2 - indent.count(" ") % 2


def wrap_evidence(source: list[SourceLine]) -> tuple[Callable[[int, str], bool], set[int]]:
    """Whether the copy is hard-wrapped at a page width, from its source lines (tools/mess.py pdf_wrap,
    a PDF extraction): a test `full(line_number, next_text)` — the source line is of the full page
    width, or would be with the Latin word or number the next line opens on (a wrap never cuts one) —
    and the source lines whose indent opens a paragraph (none unless some lines are indented,
    fewer than the full ones).

    The width is measured both in characters (an extraction that counts them) and in columns (a
    typeset page: a digit is half a Han character); the measure under which more lines are full wins.
    In a copy that is not hard-wrapped, `full` is always False.
    """
    texts = {line.number: line.text for line in source if line.text.strip()}
    best: tuple[int, Callable[[int, str], bool]] = (0, lambda number, following: False)
    for measure, unit in ((_characters, 1), (_columns, 2)):
        widths = {number: measure(text) for number, text in texts.items()}
        common = Counter(w for w in widths.values() if w >= WRAP_MIN_WIDTH * unit).most_common(1)
        if not common:
            continue
        page = common[0][0]
        fits = [n for n, w in widths.items() if page - unit <= w <= page + 2 * unit]
        adjacent = any(n + 1 in widths and page - unit <= widths[n + 1] <= page + 2 * unit for n in fits)
        if len(fits) < max(WRAP_MIN_LINES, WRAP_MIN_SHARE * len(widths)) or not adjacent or len(fits) <= best[0]:
            continue

        def full(number: int, following: str, widths=widths, page=page, unit=unit, measure=measure) -> bool:
            width = widths.get(number, 0)
            moved = _LATIN_START.match(following)
            width += measure(moved[0]) if moved else 0
            return page - unit <= width and widths.get(number, 0) <= page + 2 * unit
        best = (len(fits), full)
    indents = {number for number, text in texts.items() if re.match(r"\s", text)}
    return best[1], indents if len(indents) < best[0] else set()
