"""Topic threads: for each theme, the paragraphs that mention it, report by report.

Themes are the glossary terms found in more than one report plus recurring key phrases:
candidates found automatically (adjacent jieba words shared by several reports), kept after review
(knowledge.REVIEWED_KEYPHRASES), and the issue's seed phrases.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Paragraph, Report, Section
from .knowledge import (
    GLOSSARY_ENTRY,
    KEYPHRASE_CANDIDATES,
    KEYPHRASE_MIN_REPORTS,
    REVIEWED_KEYPHRASES,
    SEED_PHRASES,
    THEME_IGNORED_CHARS,
)
from .text import matching_text
from .tokens import HAN, tokenize


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
    source: str  # glossary | keyphrase | seed
    mentions: list[Mention] = field(default_factory=list)

    def counts(self, reports: list[Report]) -> list[int]:
        """Mentions (occurrences) per report, in the given order."""
        totals = Counter(m.report.meta.slug for m in self.mentions for _ in range(m.count))
        return [totals[r.meta.slug] for r in reports]


def glossary_terms(reports: list[Report]) -> list[str]:
    """Terms of the annex glossaries (district report's 名词解释); swap for the glossary module later."""
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
    """Paragraphs that count as mentions: everything but the annex (its definitions name every term)."""
    return [(sub or section, p) for section, sub, p in report.paragraphs_in_context()
            if section is None or section.role != "annex"]


@dataclass
class _Searchable:
    """A body paragraph with its quote-free matching text, computed once for all themes."""

    report: Report
    section: Section | None
    paragraph: Paragraph
    matching: str
    text: str


def searchable_paragraphs(reports: list[Report]) -> list[_Searchable]:
    """Why: normalising every paragraph once per theme dominated the build (74 themes × all paragraphs)."""
    out = []
    for report in reports:
        for section, paragraph in body_paragraphs(report):
            matching = matching_text(report, paragraph.text)
            out.append(_Searchable(report, section, paragraph, matching, matching.translate(_IGNORED)))
    return out


def find_mentions(phrase: str, reports: list[Report], searchable: list[_Searchable] | None = None) -> list[Mention]:
    key = phrase.translate(_IGNORED)
    out = []
    if not key:
        return out
    for item in searchable if searchable is not None else searchable_paragraphs(reports):
        if key not in item.text:
            continue
        text, offsets = _normalised(item.matching)
        at = text.find(key)
        paragraph = item.paragraph
        start = offsets[at] if len(paragraph.text) == len(item.matching) else 0
        end = offsets[at + len(key) - 1] + 1
        out.append(Mention(item.report, item.section, paragraph, start, end, text.count(key)))
    return out


def keyphrase_candidates(reports: list[Report]) -> list[tuple[str, int, int]]:
    """(phrase, occurrences, reports) for adjacent word pairs shared by several reports, most frequent first."""
    per: dict[str, Counter] = defaultdict(Counter)
    for report in reports:
        for _, paragraph in body_paragraphs(report):
            words = [w for w, _, _ in tokenize(matching_text(report, paragraph.text))]
            for a, b in zip(words, words[1:], strict=False):
                if len(a) >= 2 and len(b) >= 2 and HAN.match(a) and HAN.match(b):
                    per[a + b][report.meta.slug] += 1
    found = [(phrase, sum(c.values()), len(c)) for phrase, c in per.items() if len(c) >= KEYPHRASE_MIN_REPORTS]
    found.sort(key=lambda item: (-item[1], -item[2], item[0]))
    return found[:KEYPHRASE_CANDIDATES]


def build_themes(reports: list[Report]) -> tuple[list[Theme], dict]:
    """Themes that occur in more than one report, and the review record shown on the page."""
    candidates = keyphrase_candidates(reports)
    candidate_phrases = {phrase for phrase, _, _ in candidates}
    themes: list[Theme] = []
    seen: set[str] = set()
    dropped: list[str] = []
    searchable = searchable_paragraphs(reports)
    wanted = ([(t, "glossary") for t in glossary_terms(reports)] + [(p, "seed") for p in SEED_PHRASES]
              + [(p, "keyphrase") for p in REVIEWED_KEYPHRASES])
    for phrase, source in wanted:
        if phrase in seen:
            continue
        seen.add(phrase)
        if source == "keyphrase" and phrase not in candidate_phrases:
            dropped.append(phrase)
            continue
        mentions = find_mentions(phrase, reports, searchable)
        if len({m.report.meta.slug for m in mentions}) > 1:
            themes.append(Theme("", phrase, source, mentions))
    for index, theme in enumerate(themes, start=1):
        theme.ident = f"t{index:02d}"
    review = {
        "candidates": candidates,
        "kept": [p for p in REVIEWED_KEYPHRASES if p in candidate_phrases],
        "not_kept": [p for p, _, _ in candidates if p not in REVIEWED_KEYPHRASES and p not in SEED_PHRASES],
        "dropped": dropped,
        "glossary_single_report": [t for t in glossary_terms(reports) if t not in {th.phrase for th in themes}],
    }
    return themes, review


def themes_as_text(reports: list[Report]) -> str:
    themes, review = build_themes(reports)
    lines = ["theme | source | " + " | ".join(f"{r.meta.year}{r.meta.region}" for r in reports)]
    for theme in themes:
        lines.append(f"{theme.phrase} | {theme.source} | " + " | ".join(map(str, theme.counts(reports))))
    lines.append("")
    lines.append("candidates: " + " ".join(f"{p}:{n}/{k}" for p, n, k in review["candidates"]))
    lines.append("dropped (no longer candidates): " + " ".join(review["dropped"]))
    return "\n".join(lines)
