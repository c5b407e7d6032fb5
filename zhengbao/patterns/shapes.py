"""The shape of one line, as both stages read it: clean (to know where a paragraph cut by PDF
extraction may continue) and parse (to build the structure). Shape only: a predicate here looks
at one line's text, never at its neighbours or its place in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import characters as ch
from . import chrome as marks
from . import front_matter as fm
from . import numbering as num


def is_terminated(text: str) -> bool:
    """True if the line ends a sentence, so the paragraph is complete."""
    return bool(ch.SENTENCE_END.search(text))


def introduces_list(text: str) -> bool:
    """The line ends on a colon: what follows is what it announces ("今年重点抓好以下民生实事："), the
    items of a list and the section's own text, not headings or a chart's labels."""
    return text.rstrip().endswith(tuple(marks.COLON_MARKS))


def is_note_line(text: str) -> bool:
    """A note under the text (characters.NOTE_LINE): a paragraph of its own, never a heading."""
    return bool(ch.NOTE_LINE.match(text))


def is_short_heading(text: str) -> bool:
    """A line shaped like an unnumbered heading: short, unpunctuated at the end, no commas inside,
    not a note line."""
    return (len(text) <= num.SHORT_HEADING_MAX_CHARS and not is_terminated(text) and not is_note_line(text)
            and not num.SHORT_HEADING_FORBIDDEN.search(text) and bool(re.search("[\u4e00-\u9fff]", text)))


def is_numbered_heading(text: str) -> bool:
    """Lines that start a section: 一、… and the summary's "1 …" without a full stop, the annex marker."""
    if num.SECTION_HEADING.match(text) and "。" not in text:
        return True
    if num.NUMBERED_SECTION.match(text) and len(text) <= 60 and "。" not in text:
        return True
    return bool(num.ANNEX_START.match(text) or num.GLOSSARY_TITLE.match(text))


def is_front_like(text: str) -> bool:
    """A title, date or speaker line (see patterns.front_matter)."""
    return bool(fm.TITLE_LINE.match(text) or fm.DATE_LINE.match(text) or fm.SPEAKER_LINE.match(text))


def is_complete_front_line(text: str) -> bool:
    """A title line, a date line that reaches its end ("…会议上"), or a speaker line."""
    if fm.DATE_LINE.match(text):
        return bool(fm.DATE_LINE_END.search(text))
    return is_front_like(text)


def starts_block(text: str) -> bool:
    """True for lines that always begin something new and are never a continuation."""
    return is_numbered_heading(text) or bool(num.SUBSECTION_START.match(text))


@dataclass(frozen=True)
class NumberMark:
    """The number a line starts with: its rank (numbering.RANK_*), the numeral as written, its value."""

    rank: int
    label: str  # "一", "3", "①": the numeral without its brackets or comma
    value: int
    rest: str  # the words after the number


_FORMS = (
    (num.PART_HEADING, num.RANK_PART),
    (num.SECTION_HEADING, num.RANK_SECTION),
    (num.BARE_NUMERAL, num.RANK_SECTION),
    (num.NUMBERED_SECTION, num.RANK_SECTION),
    (num.SUBSECTION_START, num.RANK_SUBSECTION),
    (num.ARABIC_ITEM, num.RANK_ITEM),
    (num.PAREN_ARABIC_ITEM, num.RANK_PAREN_ITEM),
    (num.CIRCLED_ITEM, num.RANK_CIRCLED),
)


def number_mark(text: str) -> NumberMark | None:
    """The numbering a line starts with, in any of the forms of official documents, or None."""
    for pattern, rank in _FORMS:
        found = pattern.match(text)
        if found:
            label = found["label"]
            rest = found.groupdict().get("rest") or ""
            return NumberMark(rank, label, num.chinese_numeral_value(label), rest)
    return None


def is_heading_line(text: str) -> bool:
    """A numbered line that is a heading by itself: a number, a few words, no full stop.

    一、 and the summary's "1 …" keep the seeds' rules (is_numbered_heading); the other forms must
    be short and end on a word (numbering.OPEN_END), so a paragraph cut after its first words
    ("（六）坚定不移提升城市规划建设管理水平，") still takes its continuation.
    """
    mark = number_mark(text)
    if mark is None:
        return False
    if num.SECTION_HEADING.match(text) or num.NUMBERED_SECTION.match(text):
        return is_numbered_heading(text)
    return (len(text) <= num.NUMBERED_HEADING_MAX_CHARS and not re.search("[。！？!?；;]", text)
            and not num.OPEN_END.search(text))


def heading_number_space(text: str) -> tuple[str, str, str] | None:
    """(number, space as written, title) of a heading line whose number ends in a word, so the space is
    its only separator ("第一部分", "　", "2025年工作回顾"; numbering.PART_NUMBER_SPACE), or None: the clean
    stage keeps that space where it drops spaces beside Chinese text."""
    found = num.PART_NUMBER_SPACE.match(text)
    if not found or not is_heading_line(text):
        return None
    return found["number"], found["space"], found["rest"]
