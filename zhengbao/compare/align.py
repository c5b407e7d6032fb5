"""How the plan changed, for every region with two plans or more: each work-plan unit paired with the
most similar unit of another plan of the same region, by TF-IDF cosine over jieba tokens.

`year_on_year` sets each plan beside the one before it (the pages); `align` sets the newest plan
beside every earlier one (the report pages' "同一主题" links). Pairs below MIN_SIMILARITY are not
made: the page says there is no counterpart instead.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .. import cache
from ..labels import kind_mark
from ..model import Paragraph, Report, Section
from ..patterns.numbering import CLOSING_HEADING
from .knowledge import (
    MIN_SIMILARITY,
    MULTI_YEAR_PLAN,
    NOT_A_PLAN,
    PLAN_EXCLUDED,
    REVIEW_HEADING,
    THIS_YEAR,
    WORK_PLAN_HEADING,
)
from .regions import Region, group_regions
from .text import matching_text
from .tokens import content_words, tokenize


@dataclass
class PlanUnit:
    """One work-plan subsection: its heading and paragraphs, and its tokens for similarity (`words`,
    read on first use: a region whose plans are unchanged never needs them)."""

    report: Report
    section: Section
    paragraphs: list[Paragraph]
    counted: Counter | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        return f"{self.report.meta.year} {self.section.heading}"

    @property
    def words(self) -> Counter:
        if self.counted is None:
            _count_words(self.report)
        return self.counted


@dataclass
class Pairing:
    """A newest subsection and its best match in one earlier report (match None when none is similar enough)."""

    new: PlanUnit
    earlier: Report
    match: PlanUnit | None
    score: float  # similarity of the best candidate, even when it was not similar enough to pair
    closest: PlanUnit | None = None  # that best candidate, paired or not (the page's "closest was …" note)


def plan_sections(report: Report) -> list[Section]:
    """The work plan's sections, found by heading wording (never by number).

    The plan is the body section headed as this year's work (knowledge.WORK_PLAN_HEADING, neither a
    review nor a five-year plan alone); its subsections are the units, or, when it has none ("二、2005年
    工作总体部署", 2005 national), the level-1 sections after it. A summary is all plan: its numbered sections.
    A report with no section headed so (national 1954–2002) plans in every level-1 section after its
    review (knowledge.REVIEW_HEADING), less the closing words and foreign policy (knowledge.NOT_A_PLAN).
    """
    body = [s for s in report.sections if s.role == "body"]
    if report.meta.kind == "summary":
        return body
    candidates = [s for s in report.all_sections() if s.role == "body" and WORK_PLAN_HEADING.search(s.heading)
                  and not PLAN_EXCLUDED.search(s.heading)
                  and not (MULTI_YEAR_PLAN.search(s.heading) and not THIS_YEAR.search(s.heading))]
    if not candidates:
        return _after_review(body)
    with_units = [s for s in candidates if s.subsections]
    plan = with_units[0] if with_units else candidates[0]
    if plan.subsections:
        return list(plan.subsections)
    later = body[body.index(plan) + 1:] if plan in body else []
    return later or [plan]


def _after_review(body: list[Section]) -> list[Section]:
    """Level-1 sections after the last review section, less closing words and foreign policy; [] when
    the report has no review section (nothing marks where its plan starts)."""
    reviews = [i for i, s in enumerate(body) if REVIEW_HEADING.search(s.heading)]
    if not reviews:
        return []
    return [s for s in body[reviews[-1] + 1:]
            if not CLOSING_HEADING.match(s.heading.strip()) and not NOT_A_PLAN.search(s.heading)]


_UNITS: dict[int, tuple[Report, list[PlanUnit], list[str]]] = {}


def plan_units(report: Report) -> list[PlanUnit]:
    """Work-plan units with their content words (simplified script) for similarity; made once per report,
    so a unit is the same object wherever it is looked up."""
    return _made(report)[1]


def _made(report: Report) -> tuple[Report, list[PlanUnit], list[str]]:
    """The report's units, and its digest (cache.digest_of) once taken: [] until then."""
    cached = _UNITS.get(id(report))
    if cached is None or cached[0] is not report:
        units = []
        for section in plan_sections(report):
            paragraphs = list(section.paragraphs) + [p for sub in section.subsections for p in sub.paragraphs]
            units.append(PlanUnit(report, section, paragraphs))
        cached = (report, units, [])
        _UNITS[id(report)] = cached
    return cached


def report_digest(report: Report) -> str:
    """cache.digest_of(report) as it was when first taken in this process: the comparison links related
    sections after aligning, and the plans' keys (and the 对比 pages', which never read the related
    sections) stay those of the report before, each report hashed once."""
    taken = _made(report)[2]
    if not taken:
        taken.append(cache.digest_of(report))
    return taken[0]


def _count_words(report: Report) -> None:
    """Every unit's words, read back from the cache while the report (its whole state, cache.digest_of)
    and the code are unchanged."""
    units = plan_units(report)

    def words() -> list[Counter]:
        return [Counter(content_words(matching_text(report, unit.section.heading
                                                    + "".join(p.text for p in unit.paragraphs)))) for unit in units]

    for unit, counted in zip(units, cache.cached("plan-words", report.meta.slug, cache.key_of(report_digest(report)), words),
                             strict=True):
        # One string per distinct word in the whole archive (sys.intern): every unit's own copies took
        # about 400 MB of the comparison worker at 1,000 reports (docs/scale.md, growth curve).
        unit.counted = Counter({sys.intern(word): count for word, count in counted.items()})


def plan_regions(reports: list[Report]) -> list[tuple[Region, list[Report]]]:
    """Regions with two reports or more that have a work plan; each region's such reports newest first."""
    out = []
    for region in group_regions(reports):
        planned = [r for r in region.reports if plan_units(r)]
        if len(planned) >= 2:
            out.append((region, sorted(planned, key=lambda r: (-r.meta.year, r.meta.kind != "report", r.meta.slug))))
    return out


def city_reports(reports: list[Report]) -> list[Report]:
    """The newest city's reports with a plan, newest first (the comparison before every region had one)."""
    cities = [(region, members) for region, members in plan_regions(reports) if region.level == "city"]
    if not cities:
        return []
    return max(cities, key=lambda item: (item[1][0].meta.year, item[0].region))[1]


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


def _region_vectors(members: list[Report]) -> tuple[dict[str, list[PlanUnit]], dict[int, dict[str, float]]]:
    by_report = {r.meta.slug: plan_units(r) for r in members}
    every = [unit for units in by_report.values() for unit in units]
    idf = _idf(every)
    return by_report, {id(unit): _vector(unit, idf) for unit in every}


def _compared_pairs(members: list[Report]) -> list[tuple[Report, Report]]:
    """The (newer, older) plans a region's pages compare: the newest with each earlier one (align) and
    each with the one before it (year_on_year)."""
    pairs = [(members[0], older) for older in members[1:]]
    return pairs + [pair for pair in zip(members, members[1:], strict=False) if pair not in pairs]


def _best_matches(members: list[Report]) -> dict[tuple[str, str], list[tuple[int, float]]]:
    """(newer slug, older slug) → for each unit of the newer plan, (index of the most similar unit of the
    older plan, its cosine). Read back from the cache while the region's reports (so every unit's words
    and the IDF) are the same: keyed by each report's digest, taken once, not by hashing every unit's
    words on each call (three calls per build, 0.4 s of CPU at 200 reports), and without reading the
    words of an unchanged region."""
    pairs = _compared_pairs(members)

    def compute() -> dict[tuple[str, str], list[tuple[int, float]]]:
        by_report, vectors = _region_vectors(members)
        out = {}
        for newer, older in pairs:
            units = by_report[older.meta.slug]
            out[(newer.meta.slug, older.meta.slug)] = [
                max(((cosine(vectors[id(unit)], vectors[id(other)]), index) for index, other in enumerate(units)),
                    key=lambda item: (item[0], -item[1]))[::-1] for unit in by_report[newer.meta.slug]]
        return out

    return cache.cached("plan-pairs", members[0].meta.slug, cache.key_of(*(report_digest(r) for r in members)), compute)


def _pairings(newer: Report, older: Report, found: dict[tuple[str, str], list[tuple[int, float]]]) -> list[Pairing]:
    units = plan_units(older)
    out = []
    for unit, (index, score) in zip(plan_units(newer), found[(newer.meta.slug, older.meta.slug)], strict=True):
        best = units[index]
        out.append(Pairing(unit, older, best if score >= MIN_SIMILARITY else None, round(score, 3), best))
    return out


def align(reports: list[Report]) -> list[Pairing]:
    """For every region: each subsection of the newest plan with the best subsection of each earlier plan."""
    pairings = []
    for _, members in plan_regions(reports):
        found = _best_matches(members)
        by_older = [_pairings(members[0], older, found) for older in members[1:]]
        for row in zip(*by_older, strict=True):  # unit by unit of the newest plan, earlier plans in order
            pairings.extend(row)
    return pairings


def year_on_year(reports: list[Report]) -> list[tuple[Region, Report, Report, list[Pairing]]]:
    """For every region, each plan beside the plan before it: (region, newer, older, pairings)."""
    out = []
    for region, members in plan_regions(reports):
        found = _best_matches(members)
        for newer, older in zip(members, members[1:], strict=False):
            out.append((region, newer, older, _pairings(newer, older, found)))
    return out


# Punctuation and spaces: never a phrase worth marking alone, and no break between two marked phrases
# (compare_pages.diff_runs marks "国内条件具备，国际环境有利" once, not twice).
PUNCTUATION = "，。；、：,.;:“”（）() "
_WITHOUT_PUNCTUATION = str.maketrans("", "", PUNCTUATION)  # str.translate deletes each mark


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
            marked.append(DiffToken(shown, flags[index] and len(shown.strip(PUNCTUATION)) > 0))
            index += 1
        out.append((paragraph, marked))
    return out


def shared(diff: tuple[list[tuple[Paragraph, list[DiffToken]]], ...]) -> float:
    """The share (0–1) of both sides' characters, punctuation aside, in tokens the other side has too."""
    common = total = 0
    for side in diff:
        for _, tokens in side:
            for token in tokens:
                length = len(token.text.translate(_WITHOUT_PUNCTUATION))
                total += length
                common += 0 if token.changed else length
    return common / total if total else 1.0


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
    return f"{report.meta.year}" + kind_mark(report)
