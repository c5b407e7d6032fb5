"""How the plan changed: each work-plan subsection of the newest city report paired with the most
similar work-plan subsection of every earlier city report, by TF-IDF cosine over jieba tokens.

Pairs below MIN_SIMILARITY are not made: the page says there is no counterpart instead.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..model import Paragraph, Report, Section
from .knowledge import MIN_SIMILARITY, WORK_PLAN_HEADING
from .text import matching_text
from .tokens import content_words, tokenize


@dataclass
class PlanUnit:
    """One work-plan subsection: its heading and paragraphs, and its tokens for similarity."""

    report: Report
    section: Section
    paragraphs: list[Paragraph]
    words: Counter = field(default_factory=Counter)

    @property
    def label(self) -> str:
        return f"{self.report.meta.year} {self.section.heading}"


@dataclass
class Pairing:
    """A newest subsection and its best match in one earlier report (match None when none is similar enough)."""

    new: PlanUnit
    earlier: Report
    match: PlanUnit | None
    score: float  # similarity of the best candidate, even when it was not similar enough to pair


def plan_units(report: Report) -> list[PlanUnit]:
    """Work-plan subsections: those of the "…工作安排" section, or a summary's numbered sections."""
    if report.meta.kind == "summary":
        sections = [s for s in report.sections if s.role == "body"]
    else:
        plan = next((s for s in report.sections if s.role == "body" and WORK_PLAN_HEADING.search(s.heading)), None)
        sections = plan.subsections if plan else []
    units = []
    for section in sections:
        text = matching_text(report, section.heading + "".join(p.text for p in section.paragraphs))
        units.append(PlanUnit(report, section, list(section.paragraphs), Counter(content_words(text))))
    return units


def city_reports(reports: list[Report]) -> list[Report]:
    """City reports with a work plan, newest first: the newest one's city only.

    Why only one city: the plan is followed year to year within a city; pairing every other
    city's plans too made the page (and the build) grow with the square of the archive.
    """
    cities = sorted((r for r in reports if r.meta.level == "city"), key=lambda r: (-r.meta.year, r.meta.slug))
    newest = next((r for r in cities if plan_units(r)), None)
    if newest is None:
        return []
    return [r for r in cities if r.meta.region == newest.meta.region and (r is newest or plan_units(r))]


def _idf(units: list[PlanUnit]) -> dict[str, float]:
    documents = Counter(word for unit in units for word in unit.words)
    total = len(units)
    return {word: math.log((total + 1) / (count + 1)) + 1 for word, count in documents.items()}


def _vector(unit: PlanUnit, idf: dict[str, float]) -> dict[str, float]:
    return {word: count * idf[word] for word, count in unit.words.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(value * b.get(word, 0.0) for word, value in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def align(reports: list[Report]) -> list[Pairing]:
    """For every subsection of the newest city work plan, the best subsection of each earlier one."""
    cities = city_reports(reports)
    if len(cities) < 2:
        return []
    by_report = {r.meta.slug: plan_units(r) for r in cities}
    every = [unit for units in by_report.values() for unit in units]
    idf = _idf(every)
    vectors = {id(unit): _vector(unit, idf) for unit in every}
    pairings = []
    newest, earlier = cities[0], cities[1:]
    for unit in by_report[newest.meta.slug]:
        for report in earlier:
            scored = [(cosine(vectors[id(unit)], vectors[id(other)]), index, other)
                      for index, other in enumerate(by_report[report.meta.slug])]
            score, _, best = max(scored, key=lambda item: (item[0], -item[1]))
            pairings.append(Pairing(unit, report, best if score >= MIN_SIMILARITY else None, round(score, 3)))
    return pairings


def best_candidate(pairing: Pairing, reports: list[Report]) -> PlanUnit:
    """The most similar earlier subsection, paired or not (for the page's "closest was …" note)."""
    cities = {r.meta.slug: r for r in city_reports(reports)}
    units = plan_units(cities[pairing.earlier.meta.slug])
    every = [u for r in cities.values() for u in plan_units(r)]
    idf = _idf(every)
    new = _vector(pairing.new, idf)
    return max(units, key=lambda u: cosine(new, _vector(u, idf)))


@dataclass
class DiffToken:
    """A token of a paragraph as shown (original script) and whether the other side lacks it."""

    text: str
    changed: bool


def paragraph_tokens(unit: PlanUnit) -> list[tuple[Paragraph, list[tuple[str, str]]]]:
    """Each paragraph's tokens as (simplified form for comparing, original form for showing)."""
    out = []
    for paragraph in unit.paragraphs:
        converted = matching_text(unit.report, paragraph.text)
        same = len(converted) == len(paragraph.text)
        out.append((paragraph, [(word, paragraph.text[start:end] if same else word)
                                for word, start, end in tokenize(converted)]))
    return out


def word_diff(new: PlanUnit, old: PlanUnit) -> tuple[list[tuple[Paragraph, list[DiffToken]]],
                                                       list[tuple[Paragraph, list[DiffToken]]]]:
    """Both sides with their tokens marked: added on the new side, dropped on the old side."""
    new_tokens, old_tokens = paragraph_tokens(new), paragraph_tokens(old)
    a = [word for _, tokens in new_tokens for word, _ in tokens]
    b = [word for _, tokens in old_tokens for word, _ in tokens]
    added, dropped = [True] * len(a), [True] * len(b)
    for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            added[block.a + k] = False
            dropped[block.b + k] = False
    return _marked(new_tokens, added), _marked(old_tokens, dropped)


def _marked(tokens: list[tuple[Paragraph, list[tuple[str, str]]]], flags: list[bool]):
    out, index = [], 0
    for paragraph, words in tokens:
        marked = []
        for _, shown in words:
            # Punctuation and single function characters alone are not a phrase worth marking.
            marked.append(DiffToken(shown, flags[index] and len(shown.strip("，。；、：,.;:“”（）() ")) > 0))
            index += 1
        out.append((paragraph, marked))
    return out


def alignments_as_text(reports: list[Report]) -> str:
    """Every pairing as a line: new heading → earlier heading (score), or no counterpart."""
    lines = []
    for pairing in align(reports):
        if pairing.match:
            target = f"{pairing.match.section.anchor} {matching_text(pairing.earlier, pairing.match.section.heading)}"
        else:
            target = "（无足够相似的小节）"
        lines.append(f"{pairing.new.section.anchor} {pairing.new.section.heading[:24]} → {pairing.earlier.meta.year}: "
                     f"{target[:40]} ({pairing.score:.3f})")
    return "\n".join(lines)


_ALIGNED: dict[tuple[int, ...], list[Pairing]] = {}


def aligned(reports: list[Report]) -> list[Pairing]:
    """align(), computed once per set of reports (report pages and the plans page both use it)."""
    key = tuple(id(report) for report in reports)
    if key not in _ALIGNED:
        _ALIGNED.clear()
        _ALIGNED[key] = align(reports)
    return _ALIGNED[key]


def link_related_sections(reports: list[Report]) -> None:
    """Point each paired work-plan subsection at its counterpart, both ways ("同一主题：2023 · 2021")."""
    for pairing in aligned(reports):
        if pairing.match is None:
            continue
        newest, earlier = pairing.new, pairing.match
        newest.section.related.append((_year_label(earlier.report), earlier.report.meta.slug,
                                       earlier.section.anchor, pairing.score))
        earlier.section.related.append((_year_label(newest.report), newest.report.meta.slug,
                                        newest.section.anchor, pairing.score))


def _year_label(report: Report) -> str:
    return f"{report.meta.year}" + ("（摘要）" if report.meta.kind == "summary" else "")
