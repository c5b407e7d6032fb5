"""Topic threads: themes found in the archive itself, each with the paragraphs that mention it.

Themes are the terms the reports mark as their own by putting them in quotes ("“一带一路”", "“放管服”",
knowledge.QUOTED_TERM) when enough reports use them, and the annex glossary terms found in more
than one report. Nothing is kept or dropped by hand: the page shows the result.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

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


_IGNORED = str.maketrans("", "", THEME_IGNORED_CHARS)


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
    """A body paragraph with its quote-free matching text, computed once for all themes."""

    report: Report
    section: Section | None
    paragraph: Paragraph
    matching: str
    text: str


def searchable_paragraphs(reports: list[Report]) -> list[Searchable]:
    """Why: normalising every paragraph once per theme dominated the build (74 themes × all paragraphs)."""
    out = []
    for report in reports:
        for section, paragraph in body_paragraphs(report):
            matching = matching_text(report, paragraph.text)
            out.append(Searchable(report, section, paragraph, matching, matching.translate(_IGNORED)))
    return out


def find_mentions(phrase: str, reports: list[Report], searchable: list[Searchable] | None = None) -> list[Mention]:
    """Every body paragraph using the phrase (quotes ignored; a two-character term only in quotes)."""
    key = phrase.translate(_IGNORED)
    out = []
    if not key:
        return out
    quoted = f"“{key}”" if len(key) <= QUOTED_ONLY_LENGTH else ""
    for item in searchable if searchable is not None else searchable_paragraphs(reports):
        if quoted:
            if quoted not in item.matching:
                continue
            at = item.matching.find(quoted) + 1
            same = len(item.paragraph.text) == len(item.matching)
            out.append(Mention(item.report, item.section, item.paragraph, at if same else 0,
                               at + len(key) if same else 0, item.matching.count(quoted)))
            continue
        if key not in item.text:
            continue
        text, offsets = _normalised(item.matching)
        at = text.find(key)
        same = len(item.paragraph.text) == len(item.matching)
        out.append(Mention(item.report, item.section, item.paragraph, offsets[at] if same else 0,
                           offsets[at + len(key) - 1] + 1 if same else 0, text.count(key)))
    return out


def quoted_terms(searchable: list[Searchable]) -> list[tuple[str, int, int]]:
    """(term, times quoted, reports quoting it) for terms quoted in THEME_MIN_REPORTS reports or more."""
    reports: dict[str, set[str]] = defaultdict(set)
    times: Counter = Counter()
    for item in searchable:
        for found in QUOTED_TERM.finditer(item.matching):
            reports[found["term"]].add(item.report.meta.slug)
            times[found["term"]] += 1
    kept = [(term, times[term], len(slugs)) for term, slugs in reports.items() if len(slugs) >= THEME_MIN_REPORTS]
    kept.sort(key=lambda item: (-item[1], -item[2], item[0]))
    return kept[:THEME_LIMIT]


def build_themes(reports: list[Report], searchable: list[Searchable] | None = None) -> list[Theme]:
    """Themes found in more than one report: glossary terms first, then quoted terms by use
    (`searchable`: searchable_paragraphs(reports), when the caller has it already)."""
    searchable = searchable if searchable is not None else searchable_paragraphs(reports)
    wanted = [(t, "glossary") for t in glossary_terms(reports)] + [(t, "quoted") for t, _, _ in quoted_terms(searchable)]
    themes: list[Theme] = []
    seen: set[str] = set()
    for phrase, source in wanted:
        key = phrase.translate(_IGNORED)
        if key in seen:
            continue
        seen.add(key)
        mentions = find_mentions(phrase, reports, searchable)
        if len({m.report.meta.slug for m in mentions}) > 1:
            themes.append(Theme("", phrase, source, mentions))
    for index, theme in enumerate(themes, start=1):
        theme.ident = f"t{index:02d}"
    return themes


def themes_as_text(reports: list[Report]) -> str:
    """Every theme with its years and counts: "一带一路 | quoted | 2015–2026 | 71 次 / 30 份"."""
    lines = []
    for theme in build_themes(reports):
        years = theme.years
        span = f"{years[0]}–{years[-1]}" if years else ""
        reports_using = len({m.report.meta.slug for m in theme.mentions})
        lines.append(f"{theme.phrase} | {theme.source} | {span} | {theme.total} 次 / {reports_using} 份")
    return "\n".join(lines)
