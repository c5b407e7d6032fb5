"""The reference search: a single-file index and the plain algorithm over it, in Python.

Why: the browser answers from positional postings (docs/search-format.md), so the tests and the
bench need an independent answer to compare with. This one keeps the whole index in one object
and does the obvious thing: bigram candidates, phrase check in the folded paragraph text with the
number rule, BM25 with the heading bonus and the label weight (zhengbao/search/ranking.py, the constants the browser
reads too), same order. It is never shipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Report
from .encoding import encode_postings
from .fold import build_fold_table, fold, table_from_text, table_text
from .paragraphs import collect_paragraphs
from .ranking import DIGIT_OR_POINT, DIGITS, HEADING_BOOST, LABEL_WEIGHT, TERM_SPLIT, bm25


def bigrams(text: str) -> set[str]:
    """Every two-character window without whitespace."""
    return {text[i:i + 2] for i in range(len(text) - 1) if not (text[i].isspace() or text[i + 1].isspace())}


def build_index(reports: list[Report]) -> dict:
    """The whole index as plain data (sorted, so the output is the same between builds).

    Shape: `fold` as in the manifest; `reports` rows {slug, year, region, title, summary, page};
    `headings`; `paragraphs` rows [report, anchor, heading, text, label]; `bigrams` maps each bigram of
    the folded texts to its paragraph ids (encoding.encode_postings).
    """
    report_rows, headings, paragraphs = collect_paragraphs(reports)
    table = build_fold_table([p.text for p in paragraphs] + headings)
    postings: dict[str, list[int]] = {}
    for number, paragraph in enumerate(paragraphs):
        for gram in bigrams(fold(paragraph.text, table)):
            postings.setdefault(gram, []).append(number)
    return {
        "version": 1,
        "fold": table_text(table),
        "reports": [{"slug": r.slug, "year": r.year, "region": r.region, "title": r.title,
                     "summary": r.summary, "page": r.page} for r in report_rows],
        "headings": headings,
        "paragraphs": [[p.report, p.anchor, p.heading, p.text, p.label] for p in paragraphs],
        "bigrams": {gram: encode_postings(ids) for gram, ids in sorted(postings.items())},
    }


@dataclass(frozen=True)
class Hit:
    """One ranked paragraph: "slug#anchor", its score and the matched spans in its text."""

    anchor: str
    score: float
    spans: tuple[tuple[int, int], ...]


class ReferenceSearch:
    """The plain in-memory search over the whole single-file index."""

    def __init__(self, index: dict):
        self.index = index
        self.table = table_from_text(index["fold"])
        self.folded = [fold(p[3], self.table) for p in index["paragraphs"]]
        self.headings = [fold(h, self.table) for h in index["headings"]]
        self.average = sum(len(t) for t in self.folded) / max(1, len(self.folded))
        self.postings: dict[str, set[int]] = {}
        for number, text in enumerate(self.folded):
            for gram in bigrams(text):
                self.postings.setdefault(gram, set()).add(number)

    def terms(self, query: str) -> list[str]:
        """The query's distinct terms, folded, in the order typed."""
        seen: list[str] = []
        for term in TERM_SPLIT.split(fold(query, self.table)):
            if term and term not in seen:
                seen.append(term)
        return seen

    @staticmethod
    def occurrences(text: str, term: str) -> list[int]:
        """Start offsets of term in text, without the matches the number rule excludes."""
        found, at = [], text.find(term)
        while at != -1:
            before_ok = not (term[0] in DIGITS and at > 0 and text[at - 1] in DIGIT_OR_POINT)
            end = at + len(term)
            after_ok = not (term[-1] in DIGITS and end < len(text) and text[end] in DIGITS)
            if before_ok and after_ok:
                found.append(at)
            at = text.find(term, at + 1)
        return found

    def search(self, query: str, report: str = "", year: str = "") -> list[Hit]:
        """Every paragraph holding all terms, best first; report (a slug) and year filter."""
        terms = self.terms(query)
        if not terms:
            return []
        hits: dict[int, list[int]] | None = None
        per_term = []
        for term in terms:
            if len(term) < 2:
                scan = range(len(self.folded))
            else:
                lists = [self.postings.get(term[i:i + 2], set()) for i in range(len(term) - 1)]
                scan = sorted(set.intersection(*lists))
            matches = {}
            for number in scan:
                if hits is not None and number not in hits:
                    continue
                found = self.occurrences(self.folded[number], term)
                if found:
                    matches[number] = found
            hits = matches
            per_term.append((term, matches, len(matches)))
        total = len(self.folded)
        ranked = []
        for number in sorted(hits):
            paragraph = self.index["paragraphs"][number]
            row = self.index["reports"][paragraph[0]]
            if (report and row["slug"] != report) or (year and str(row["year"]) != str(year)):
                continue
            score, spans = 0.0, []
            ratio = len(self.folded[number]) / self.average
            for term, matches, count in per_term:
                idf, term_score = bm25(len(matches[number]), count, total, ratio)
                score += term_score
                if paragraph[2] >= 0 and term in self.headings[paragraph[2]]:
                    score += idf * HEADING_BOOST
                spans += [(at, at + len(term)) for at in matches[number]]
            if paragraph[4]:
                score *= LABEL_WEIGHT
            ranked.append(Hit(f"{row['slug']}#{paragraph[1]}", score, tuple(spans)))
        ranked.sort(key=lambda hit: -hit.score)  # stable: equal scores keep paragraph order, as in search.js
        return ranked
