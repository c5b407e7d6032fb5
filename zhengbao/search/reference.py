"""The single-file search algorithm (search.js before issue 9) in Python, as the reference.

Why: the split index answers from positional postings instead of the paragraph texts, so the
test and the bench need an independent answer to compare with. This reads the single-file index
(`zhengbao.search.build_index`) and does what the old browser code did: bigram candidates,
phrase check in the folded text with the number rule, BM25 with a heading bonus, same order.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from . import fold

# As TERM_SPLIT and DIGIT in search.js.
TERM_SPLIT = re.compile(r"[\s，。、；：！？,;!?]+")
DIGITS = "0123456789"
DIGIT_OR_POINT = DIGITS + "."


@dataclass(frozen=True)
class Hit:
    """One ranked paragraph: "slug#anchor", its score and the matched spans in its text."""

    anchor: str
    score: float
    spans: tuple[tuple[int, int], ...]


class ReferenceSearch:
    """The old in-memory search over the whole index."""

    def __init__(self, index: dict):
        self.index = index
        fold_text = index["fold"]
        self.table = {fold_text[i]: fold_text[i + 1] for i in range(0, len(fold_text) - 1, 2)}
        self.folded = [fold(p[3], self.table) for p in index["paragraphs"]]
        self.headings = [fold(h, self.table) for h in index["headings"]]
        self.average = sum(len(t) for t in self.folded) / max(1, len(self.folded))
        self.postings: dict[str, set[int]] = {}
        for number, text in enumerate(self.folded):
            for at in range(len(text) - 1):
                if not (text[at].isspace() or text[at + 1].isspace()):
                    self.postings.setdefault(text[at:at + 2], set()).add(number)

    def terms(self, query: str) -> list[str]:
        seen: list[str] = []
        for term in TERM_SPLIT.split(fold(query, self.table)):
            if term and term not in seen:
                seen.append(term)
        return seen

    @staticmethod
    def occurrences(text: str, term: str) -> list[int]:
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
                tf = len(matches[number])
                idf = math.log(1 + (total - count + 0.5) / (count + 0.5))
                score += idf * (tf * 2.2) / (tf + 1.2 * (0.25 + 0.75 * ratio))
                if paragraph[2] >= 0 and term in self.headings[paragraph[2]]:
                    score += idf * 0.5
                spans += [(at, at + len(term)) for at in matches[number]]
            ranked.append(Hit(f"{row['slug']}#{paragraph[1]}", score, tuple(spans)))
        ranked.sort(key=lambda hit: -hit.score)  # stable: equal scores keep paragraph order, as in search.js
        return ranked
