"""Find glossary terms in parsed paragraphs and record them as TermMarks.

Python-Markdown's `abbr` matches with `\\b…\\b`, which never fires between two Chinese
characters, so marking works here instead, on the parsed paragraphs before they are emitted:
one Aho-Corasick automaton over every key, the longest match first, no nested or overlapping
marks, and only where the key is a word of the text (`WordBoundaries`). A traditional-script
report is matched through a simplified shadow of the same length, so a mark's offsets fall on the
page's own traditional characters.
"""

from __future__ import annotations

import functools
import logging
import marshal
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass

import ahocorasick
import jieba

from .. import cache
from ..labels import report_label
from ..model import GlossaryEntry, Report, ReportMeta, TermMark
from .glossary import annex_sections, matching_text

jieba.setLogLevel(logging.WARNING)


class WordBoundaries:
    """Where the words of a text start and end, by jieba's segmentation with every key a word.

    Chinese has no spaces, so a key found by substring matching may straddle two words: 做地 in
    当做|地方 and 叫做|地标, 北斗 in the word 北斗七星 (tests/cases/08; the same kind as
    dragonish/obsidian-abbreviations#6, 北大 in 向北|大概). A key counts only where both of its ends
    are word boundaries. The keys (each run of a key written with quotes: 治安防控“四个一” adds
    治安防控 and 四个一) are added to a private jieba dictionary (jieba's own suggested frequency:
    just enough to be cut as one word), so 扩大做地规模 keeps 做地 whole while 当做 and
    地方, stronger words, still win in 当做地方. A key's end between two ASCII letters or digits is
    never a boundary: CRO in MICRO, 5G in 15G (jieba would cut MI|CRO once CRO is in its dictionary).
    jieba cuts each run of its block characters (Han, letters, digits, +#&._%-) on its own, so
    only the run around a key's end is cut, never the whole paragraph.
    """

    BLOCK = jieba.re_han_default  # jieba's runs: what `cut` segments independently of each other

    def __init__(self, keys: list[str]):
        self.tokenizer = keyed_tokenizer(frozenset(run for key in keys for run in self.BLOCK.findall(key)))
        self.cuts: dict[str, frozenset[int]] = {}

    def _word_ends(self, run: str) -> frozenset[int]:
        """Offsets in `run` where a word starts or ends (0 and len(run) included)."""
        ends = self.cuts.get(run)
        if ends is None:
            at, found = 0, {0}
            for word in self.tokenizer.cut(run, HMM=False):
                at += len(word)
                found.add(at)
            ends = self.cuts[run] = frozenset(found)
        return ends

    def is_boundary(self, text: str, at: int, runs: list[tuple[int, int]]) -> bool:
        """True when offset `at` of text falls between two words; runs: BLOCK spans of text.

        Never between two ASCII letters or digits: jieba cuts a key out of a longer Latin word
        once the key is in its dictionary (MI|CRO), but CRO in MICRO, or 5G in 15G, is no word.
        """
        if 0 < at < len(text) and is_latin(text[at - 1]) and is_latin(text[at]):
            return False
        for start, end in runs:
            if start < at < end:
                return at - start in self._word_ends(text[start:end])
        return True  # at a run's edge or outside every run: punctuation or the text's ends

    def runs(self, text: str) -> list[tuple[int, int]]:
        """The spans jieba segments separately."""
        return [match.span() for match in self.BLOCK.finditer(text)]


def read_jieba_dictionary(tokenizer: jieba.Tokenizer) -> None:
    """jieba's dictionary into `tokenizer` (of jieba's own dictionary), as `Tokenizer.initialize` reads it
    from jieba's cache file (jieba 0.42: `jieba.cache` in the temporary folder, for the default
    dictionary whatever its date), but with `marshal.loads` over the file's bytes: jieba's
    `marshal.load(file)` calls the file's `readinto` for every one of its 498,000 entries, about
    three times as long (0.6 s against 0.2 s). The same dictionary and total. Anything else (a
    custom dictionary, a cache_file or tmp_dir set, no cache yet, a damaged one) is left to jieba."""
    if not (tokenizer.initialized or tokenizer.dictionary != jieba.DEFAULT_DICT or tokenizer.cache_file
            or tokenizer.tmp_dir):
        try:
            with open(os.path.join(tempfile.gettempdir(), "jieba.cache"), "rb") as cache_file:
                tokenizer.FREQ, tokenizer.total = marshal.loads(cache_file.read())
            tokenizer.initialized = True
        except (OSError, EOFError, ValueError, TypeError):
            pass  # jieba reads it, or makes it from its dictionary
    tokenizer.check_initialized()


@functools.lru_cache(maxsize=1)
def keyed_tokenizer(words: frozenset[str]) -> jieba.Tokenizer:
    """A private jieba tokenizer: jieba's own dictionary plus `words`, made once per process for the
    last set of words asked: the build marks terms and renders the glossary page with the same keys.

    jieba's dictionary (about 0.2 s to read from jieba's cache, 120 MB) is read once per process
    that marks (read_jieba_dictionary): into jieba's default tokenizer `jieba.dt`, which the comparison
    (compare/tokens.py) then finds read, and copied from it here (a dict copy, about 0.03 s)
    before `words` are added.
    """
    read_jieba_dictionary(jieba.dt)
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(jieba.dt.FREQ), jieba.dt.total, True
    for word in sorted(words):
        tokenizer.add_word(word)
    return tokenizer


def is_latin(char: str) -> bool:
    """An ASCII letter or digit: a character of a Latin word or a number (CRO, 5G, 2024)."""
    return char.isascii() and char.isalnum()


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
        self.words = WordBoundaries(list(by_key))

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches in `text` that are words of it, longest first, then leftmost; in text order."""
        if self.empty:
            return []
        candidates = []
        runs: list[tuple[int, int]] | None = None
        for last, (key, entries) in self.automaton.iter(text):
            start, end = last - len(key) + 1, last + 1
            runs = self.words.runs(text) if runs is None else runs
            if not (self.words.is_boundary(text, start, runs) and self.words.is_boundary(text, end, runs)):
                continue  # straddles a word: 做地 in 当做地方, CRO inside a longer Latin word
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


# At most this many definitions in one mark's tooltip; the glossary page, where the mark links,
# has every one. Each tooltip used to carry every definition of its term: in an archive of 1,000
# reports where 200 annexes define the same term, one paragraph's tooltip was 54 KB and the
# tooltips 77 % of the report pages' bytes (docs/scale.md), and no reader reads 200 definitions
# in a tooltip. One, the nearest (nearest_first), since session 8: the second was 0.07 times the
# report text at 1,000 reports (3.5 MB), three times in four the first one again in the other script.
TOOLTIP_DEFINITIONS = 1


def nearest_first(entries: tuple[GlossaryEntry, ...], reader: ReportMeta,
                  sources: dict[str, ReportMeta]) -> tuple[GlossaryEntry, ...]:
    """The definitions of one term in the order a reader of `reader` needs them: the report's own
    annex first, then the same region's annexes by nearest year (the later first on a tie), then
    the other regions' newest first; otherwise in the glossary's order. sources: slug → meta."""
    def rank(indexed: tuple[int, GlossaryEntry]) -> tuple[int, int, int, int]:
        index, entry = indexed
        source = sources.get(entry.source_slug)
        if entry.source_slug == reader.slug or source is None:
            return (0 if source is not None else 3, 0, 0, index)
        if source.region == reader.region:
            return (1, abs(source.year - reader.year), -source.year, index)
        return (2, 0, -source.year, index)
    return tuple(entry for _, entry in sorted(enumerate(entries), key=rank))


def tooltip_text(entries: tuple[GlossaryEntry, ...], labels: dict[str, str]) -> str:
    """The definition(s) a mark shows, the nearest first (nearest_first): one alone, or up to
    TOOLTIP_DEFINITIONS each labelled with its report; when there are more, a last line says how
    many others the glossary page has."""
    if len(entries) == 1:
        entry = entries[0]
        return f"{entry.term}：{entry.definition}"
    shown = "\n\n".join(f"【{labels.get(e.source_slug, e.source_slug)}】{e.term}：{e.definition}"
                         for e in entries[:TOOLTIP_DEFINITIONS])
    others = len(entries) - TOOLTIP_DEFINITIONS
    return shown if others <= 0 else f"{shown}\n\n另有 {others} 条释义，见名词解释页。"


def find_marks(text: str, matcher: TermMatcher, labels: dict[str, str], tooltip: bool = True,
               skip: GlossaryEntry | None = None,
               order: Callable[[tuple[GlossaryEntry, ...]], tuple[GlossaryEntry, ...]] = tuple,
               ) -> list[TermMark]:
    """TermMarks for one text, given as its matching text (same length as the shown text); each
    mark links to the first of its entries once put in `order` (by default as found)."""
    marks = []
    for match in matcher.find(text):
        entries = order(tuple(e for e in match.entries if e != skip))
        if not entries:
            continue
        title = tooltip_text(entries, labels) if tooltip else ""
        marks.append(TermMark(match.start, match.end, entries[0].anchor, title, tooltip))
    return marks


def report_labels(reports: list[Report]) -> dict[str, str]:
    """Short labels of the defining reports, e.g. "2024 越秀区"."""
    return {r.meta.slug: report_label(r) for r in reports}


def mark_terms(reports: list[Report], entries: list[GlossaryEntry], report_keys: dict[str, str] | None = None) -> None:
    """Set `Paragraph.terms` in every report.

    Body paragraphs get tooltips, the definitions nearest the report first (nearest_first). In an
    annex that defines terms, each definition links the other entries it mentions (no tooltips
    there) and never its own term.

    report_keys: slug → the key the report's linked state was cached under (pipeline.linked_report).
    With it, a report's marks are read back from the build cache (kind `marks`) while the report,
    the glossary's entries and the label, year and region of each report defining one are the
    same, so a rebuild marks only new or corrected reports (at 1,000 reports marking all took
    about 3 s of a 27 s rebuild, jieba's dictionary included, which is then read only when a
    report is marked).
    """
    labels = report_labels(reports)
    sources = {report.meta.slug: report.meta for report in reports}
    by_anchor = {(e.source_slug, e.paragraph_anchor): e for e in entries}
    # What a report's marks depend on beyond the report itself: the entries, and the label, region
    # and year of each report that defines one (tooltip labels, nearest_first). A report added
    # without an annex leaves the other reports' marks as they were.
    defining = sorted({entry.source_slug for entry in entries})
    shared = cache.key_of(repr(entries), repr([(slug, labels.get(slug), sources[slug].region, sources[slug].year)
                                               if slug in sources else (slug,) for slug in defining]))
    matchers: list[TermMatcher] = []  # made on the first report that is marked, not read back

    def marks_of(report: Report) -> list[list[TermMark]]:
        if not matchers:
            matchers.append(TermMatcher(entries))
        order = functools.partial(nearest_first, reader=report.meta, sources=sources)
        annex = {id(p) for section in annex_sections(report) for p in section.paragraphs}
        marks = []
        for paragraph in report.all_paragraphs():
            text = matching_text(paragraph.text, report.meta.script)
            if id(paragraph) in annex:
                own = by_anchor.get((report.meta.slug, paragraph.anchor))
                marks.append(find_marks(text, matchers[0], labels, tooltip=False, skip=own))
            else:
                marks.append(find_marks(text, matchers[0], labels, order=order))
        return marks

    for report in reports:
        key = (report_keys or {}).get(report.meta.slug)
        found = marks_of(report) if key is None else cache.cached(
            "marks", report.meta.slug, cache.key_of(key, shared), functools.partial(marks_of, report))
        for paragraph, terms in zip(report.all_paragraphs(), found, strict=True):
            paragraph.terms = terms
