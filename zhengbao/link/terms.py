"""Find glossary terms in parsed paragraphs and record them as TermMarks.

Python-Markdown's `abbr` matches with `\\b…\\b`, which never fires between two Chinese
characters, so marking works here instead, on the parsed paragraphs before they are emitted:
one Aho-Corasick automaton over every key, the longest match first, no nested or overlapping
marks. A traditional-script report is matched through a simplified shadow of the same length,
so a mark's offsets fall on the page's own traditional characters.
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from ..labels import report_label
from ..model import GlossaryEntry, Report, TermMark
from ..script import converter
from .glossary import annex_sections

# Corner quotes of traditional texts (2023 summary style) read as the curly quotes the keys use.
# One character for one, so offsets are kept.
QUOTE_SHADOW = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def simplified_shadow(text: str) -> str:
    """The text in simplified characters, same length and offsets, for matching only.

    OpenCC converts by phrase; where a phrase would change the length, each character is
    converted on its own and one that would still change length is kept as it is.
    """
    t2s = converter("t2s")
    shadow = t2s.convert(text)
    if len(shadow) != len(text):
        chars = []
        for char in text:
            converted = t2s.convert(char)
            chars.append(converted if len(converted) == 1 else char)
        shadow = "".join(chars)
    return shadow.translate(QUOTE_SHADOW)


def matching_text(text: str, script: str) -> str:
    """What keys are searched in: the simplified shadow for traditional reports."""
    return simplified_shadow(text) if script == "traditional" else text.translate(QUOTE_SHADOW)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entries: tuple[GlossaryEntry, ...]


class TermMatcher:
    """Every key of every entry in one automaton; a key defined twice keeps all its entries."""

    def __init__(self, entries: list[GlossaryEntry]):
        self.automaton = ahocorasick.Automaton()
        by_key: dict[str, list[GlossaryEntry]] = {}
        for entry in entries:
            for key in entry.keys:
                if entry not in by_key.setdefault(key, []):
                    by_key[key].append(entry)
        for key, key_entries in by_key.items():
            self.automaton.add_word(key, (key, tuple(key_entries)))
        self.empty = not by_key
        if not self.empty:
            self.automaton.make_automaton()

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches in `text`, longest first, then leftmost; in text order."""
        if self.empty:
            return []
        candidates = []
        for last, (key, entries) in self.automaton.iter(text):
            start, end = last - len(key) + 1, last + 1
            if _is_latin(key[0]) and start > 0 and _is_latin(text[start - 1]):
                continue  # "CRO" inside a longer Latin word
            if _is_latin(key[-1]) and end < len(text) and _is_latin(text[end]):
                continue
            candidates.append(Match(start, end, entries))
        candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
        taken = [False] * len(text)
        chosen = []
        for match in candidates:
            if any(taken[match.start:match.end]):
                continue
            taken[match.start:match.end] = [True] * (match.end - match.start)
            chosen.append(match)
        return sorted(chosen, key=lambda m: m.start)


def tooltip_text(entries: tuple[GlossaryEntry, ...], labels: dict[str, str]) -> str:
    """The definition(s) a mark shows; a term defined by two reports shows both, labelled."""
    if len(entries) == 1:
        entry = entries[0]
        return f"{entry.term}：{entry.definition}"
    return "\n\n".join(f"【{labels.get(e.source_slug, e.source_slug)}】{e.term}：{e.definition}" for e in entries)


def find_marks(text: str, matcher: TermMatcher, labels: dict[str, str],
               tooltip: bool = True, skip: GlossaryEntry | None = None) -> list[TermMark]:
    """TermMarks for one text, given as its matching text (same length as the shown text)."""
    marks = []
    for match in matcher.find(text):
        entries = tuple(e for e in match.entries if e != skip)
        if not entries:
            continue
        title = tooltip_text(entries, labels) if tooltip else ""
        marks.append(TermMark(match.start, match.end, entries[0].anchor, title, tooltip))
    return marks


def report_labels(reports: list[Report]) -> dict[str, str]:
    """Short labels of the defining reports, e.g. "2024 越秀区"."""
    return {r.meta.slug: report_label(r) for r in reports}


def mark_terms(reports: list[Report], entries: list[GlossaryEntry]) -> None:
    """Set `Paragraph.terms` in every report.

    Body paragraphs get tooltips. In an annex that defines terms, each definition links the
    other entries it mentions (no tooltips there) and never its own term.
    """
    matcher = TermMatcher(entries)
    labels = report_labels(reports)
    by_anchor = {(e.source_slug, e.paragraph_anchor): e for e in entries}
    for report in reports:
        annex = {id(p) for section in annex_sections(report) for p in section.paragraphs}
        for paragraph in report.all_paragraphs():
            text = matching_text(paragraph.text, report.meta.script)
            if id(paragraph) in annex:
                own = by_anchor.get((report.meta.slug, paragraph.anchor))
                paragraph.terms = find_marks(text, matcher, labels, tooltip=False, skip=own)
            else:
                paragraph.terms = find_marks(text, matcher, labels)
