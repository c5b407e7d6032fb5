"""Topic threads: themes found in the archive itself, each with the paragraphs that mention it.

Themes are the terms the reports mark as their own by putting them in quotes ("“一带一路”", "“放管服”",
knowledge.QUOTED_TERM) when enough reports use them, and the annex glossary terms found in more
than one report. Nothing is kept or dropped by hand: the page shows the result.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from .. import cache
from ..model import Paragraph, Report, Section
from .knowledge import (
    GLOSSARY_ENTRY,
    QUOTED_ONLY_LENGTH,
    QUOTED_TERM,
    THEME_IGNORED_CHARS,
    THEME_LIMIT,
    THEME_MIN_REPORTS,
)
from .text import matching_text


@dataclass
class Mention:
    """A paragraph that mentions a theme, with the offsets of the first mention in its original text."""

    report: Report
    section: Section | None
    paragraph: Paragraph
    start: int
    end: int
    count: int


@dataclass
class Theme:
    """A theme and its mentions in report order."""

    ident: str
    phrase: str
    source: str  # quoted | glossary
    mentions: list[Mention] = field(default_factory=list)

    def counts(self, reports: list[Report]) -> list[int]:
        """Mentions (occurrences) per report, in the given order."""
        totals = Counter(m.report.meta.slug for m in self.mentions for _ in range(m.count))
        return [totals[r.meta.slug] for r in reports]

    @property
    def total(self) -> int:
        return sum(m.count for m in self.mentions)

    @property
    def years(self) -> list[int]:
        """The years whose reports mention it, oldest first."""
        return sorted({m.report.meta.year for m in self.mentions})


def glossary_terms(reports: list[Report]) -> list[str]:
    """Terms of the annex glossaries (名词解释: "4.百千万工程：…"), in order of appearance."""
    terms: list[str] = []
    for report in reports:
        for section in report.sections:
            if section.role != "annex":
                continue
            for paragraph in section.paragraphs:
                found = GLOSSARY_ENTRY.match(matching_text(report, paragraph.text))
                if found and found["term"].strip() not in terms:
                    terms.append(found["term"].strip())
    return terms


def _quote_free(text: str) -> str:
    """text without THEME_IGNORED_CHARS (str.replace per character present: ten times faster than
    str.translate with a deletion table, which ran over every body paragraph of the archive)."""
    for char in THEME_IGNORED_CHARS:
        if char in text:
            text = text.replace(char, "")
    return text


def _normalised(text: str) -> tuple[str, list[int]]:
    """Text without quotes, and for each kept character its offset in the original."""
    kept = [(char, index) for index, char in enumerate(text) if char not in THEME_IGNORED_CHARS]
    return "".join(c for c, _ in kept), [i for _, i in kept]


def body_paragraphs(report: Report) -> list[tuple[Section | None, Paragraph]]:
    """Paragraphs that count as mentions: the body only (not the annex, whose definitions name every
    term, nor a summary's tail of labels or a page of chart text)."""
    return [(sub or section, p) for section, sub, p in report.paragraphs_in_context()
            if section is None or section.role == "body"]


@dataclass
class Searchable:
    """A body paragraph with its quote-free matching text, computed once for all themes (normalising
    every paragraph once per theme dominated the build: 74 themes × all paragraphs)."""

    report: Report
    section: Section | None
    paragraph: Paragraph
    matching: str
    text: str


def _searchable(report: Report) -> list[Searchable]:
    out = []
    for section, paragraph in body_paragraphs(report):
        matching = matching_text(report, paragraph.text)
        out.append(Searchable(report, section, paragraph, matching, _quote_free(matching)))
    return out


class Bodies:
    """Every report's body paragraphs as the themes and timelines read them (Searchable, each report's
    made on first need; iterating gives them all in report order), with what each report gives them —
    its quoted terms, its characters, a phrase's mentions — kept by the report's whole state
    (cache.digest_of) and the phrase in cache.theme_store: a build reads again only the paragraphs of
    a new or changed report. `digests`: slug → cache.digest_of(report), when the caller has them.

    Why: the themes scanned every paragraph for each of ~220 candidate phrases on every build (0.8 s
    of CPU at 200 reports, with 0.25 s making the searchable texts), though one report had changed."""

    def __init__(self, reports: list[Report], digests: dict[str, str] | None = None) -> None:
        self.reports = reports
        self._digests = dict(digests or {})
        self._items: dict[str, list[Searchable]] = {}
        self._bodies: dict[str, list[tuple[Section | None, Paragraph]]] = {}

    def items(self, report: Report) -> list[Searchable]:
        found = self._items.get(report.meta.slug)
        if found is None:
            found = self._items[report.meta.slug] = _searchable(report)
        return found

    def __iter__(self) -> Iterator[Searchable]:
        for report in self.reports:
            yield from self.items(report)

    def _known(self, report: Report, what: str, compute):
        digest = self._digests.get(report.meta.slug)
        if digest is None:
            digest = self._digests[report.meta.slug] = cache.digest_of(report)
        key = f"{digest}\0{what}"
        found = cache.theme_store.get(key)
        if found is None:
            found = compute()
            cache.theme_store.put(key, found)
        return found

    def characters(self, report: Report) -> int:
        """Characters of the report's body, quotes left out (what a share is counted against)."""
        return self._known(report, "characters", lambda: sum(len(item.text) for item in self.items(report)))

    def quoted(self, report: Report) -> dict[str, int]:
        """Each term the report's body quotes (knowledge.QUOTED_TERM) → times quoted, in order of first quote."""
        def count() -> dict[str, int]:
            return dict(Counter(found["term"] for item in self.items(report)
                                for found in QUOTED_TERM.finditer(item.matching)))
        return self._known(report, "quoted", count)

    def mentions(self, key: str, report: Report) -> list[Mention]:
        """find_mentions for one report and a phrase without its quotes (`key`): kept as (paragraph's
        index among its body paragraphs, start, end, count) and made into Mentions of this build's objects."""

        def find() -> list[tuple[int, int, int, int]]:
            return [(index, start, end, count) for index, item in enumerate(self.items(report))
                    for start, end, count in _mention_in(key, item)]
        found = self._known(report, "mentions\0" + key, find)
        if not found:
            return []
        body = self._bodies.get(report.meta.slug)
        if body is None:
            body = self._bodies[report.meta.slug] = body_paragraphs(report)
        return [Mention(report, body[index][0], body[index][1], start, end, count)
                for index, start, end, count in found]


def _mention_in(key: str, item: Searchable) -> list[tuple[int, int, int]]:
    """[(start, end, count)] when the paragraph uses the phrase (quote-free `key`), else []."""
    if len(key) <= QUOTED_ONLY_LENGTH:
        quoted = f"“{key}”"
        if quoted not in item.matching:
            return []
        at = item.matching.find(quoted) + 1
        same = len(item.paragraph.text) == len(item.matching)
        return [(at if same else 0, at + len(key) if same else 0, item.matching.count(quoted))]
    if key not in item.text:
        return []
    text, offsets = _normalised(item.matching)
    at = text.find(key)
    same = len(item.paragraph.text) == len(item.matching)
    return [(offsets[at] if same else 0, offsets[at + len(key) - 1] + 1 if same else 0, text.count(key))]


def find_mentions(phrase: str, reports: list[Report], searchable: Bodies | None = None) -> list[Mention]:
    """Every body paragraph using the phrase (quotes ignored; a two-character term only in quotes)."""
    key = _quote_free(phrase)
    if not key:
        return []
    bodies = searchable if searchable is not None else Bodies(reports)
    return [mention for report in reports for mention in bodies.mentions(key, report)]


def quoted_terms(searchable: Bodies) -> list[tuple[str, int, int]]:
    """(term, times quoted, reports quoting it) for terms quoted in THEME_MIN_REPORTS reports or more."""
    reports: Counter = Counter()
    times: Counter = Counter()
    for report in searchable.reports:
        for term, count in searchable.quoted(report).items():
            reports[term] += 1
            times[term] += count
    kept = [(term, times[term], count) for term, count in reports.items() if count >= THEME_MIN_REPORTS]
    kept.sort(key=lambda item: (-item[1], -item[2], item[0]))
    return kept[:THEME_LIMIT]


def build_themes(reports: list[Report], searchable: Bodies | None = None) -> list[Theme]:
    """Themes found in more than one report: glossary terms first, then quoted terms by use
    (`searchable`: Bodies(reports), when the caller has it already)."""
    searchable = searchable if searchable is not None else Bodies(reports)
    wanted = [(t, "glossary") for t in glossary_terms(reports)] + [(t, "quoted") for t, _, _ in quoted_terms(searchable)]
    themes: list[Theme] = []
    seen: set[str] = set()
    for phrase, source in wanted:
        key = _quote_free(phrase)
        if key in seen:
            continue
        seen.add(key)
        mentions = find_mentions(phrase, reports, searchable)
        if len({m.report.meta.slug for m in mentions}) > 1:
            themes.append(Theme("", phrase, source, mentions))
    idents = theme_idents([_quote_free(theme.phrase) for theme in themes])
    for theme in themes:
        theme.ident = idents[_quote_free(theme.phrase)]
    return themes


IDENT_DIGITS = 8  # hex digits of a theme's id (theme_idents)


def theme_idents(keys: list[str], digits: int = IDENT_DIGITS) -> dict[str, str]:
    """Each theme's id from its quote-free phrase alone: "t" and the first `digits` hex digits of
    the phrase's SHA-1 ("t5e1a07c2"; phrases sharing them get the whole digest). A theme keeps its
    page (compare/theme-<id>.html) whatever reports are added or corrected; numbered in list order,
    one report added at 1,000 reports moved 10 of the 325 themes to another theme's page, as the
    most quoted terms changed places."""
    digests = {key: hashlib.sha1(key.encode("utf-8")).hexdigest() for key in keys}
    short = Counter(digest[:digits] for digest in digests.values())
    return {key: "t" + (digest[:digits] if short[digest[:digits]] == 1 else digest)
            for key, digest in digests.items()}


def themes_as_text(reports: list[Report]) -> str:
    """Every theme with its years and counts: "一带一路 | quoted | 2015–2026 | 71 次 / 30 份"."""
    lines = []
    for theme in build_themes(reports):
        years = theme.years
        span = f"{years[0]}–{years[-1]}" if years else ""
        reports_using = len({m.report.meta.slug for m in theme.mentions})
        lines.append(f"{theme.phrase} | {theme.source} | {span} | {theme.total} 次 / {reports_using} 份")
    return "\n".join(lines)
