"""A target or an outcome as data, and the reading helpers targets and outcomes share.

A `Statement` keeps the value exactly as written (`value`, "4.0%左右" stays 4.0%左右), the number
it reads (a single `number`, or `low`–`high` for a range), unit, qualifier, the clause as written,
the paragraph's anchor and the place a reader cites ("二（三）第4段").
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from ..labels import paragraph_label, section_locator
from ..model import Report
from ..urls import paragraph_href
from .indicators import INDICATOR_BY_KEY, INDICATORS, LOOSE_NAMES, NOT_AFTER_NAME, NOT_BEFORE_NAME, Indicator
from .values import Value

# Clauses of a list: "国内生产总值增长6.5%左右；居民消费价格涨幅3%左右；…" (2018 national).
CLAUSE_END = "；;，,。！？!?"
SENTENCE_END = "。！？!?"
CLAUSE = re.compile(rf"[^{CLAUSE_END}]+")
SENTENCE = re.compile(rf"[^{SENTENCE_END}]+[{SENTENCE_END}]?")


@dataclass(frozen=True)
class Statement:
    """A target (kind "target", for the report's year) or an outcome (kind "outcome", for the year before)."""

    kind: str
    slug: str
    region: str
    level: str
    year: int  # the year the value is about
    indicator: str
    number: float | None  # a single number as read; None for a range or a target without one
    unit: str  # "%", "万人", "亿元", "亿斤", "万吨" or "" (同步, 正增长, 回稳向好…)
    qualifier: str  # 左右, 以上, 不低于, 以内, 控制在…左右, 同步, 正增长… or "" for a plain number
    text: str  # the clause as written (original script)
    anchor: str
    value: str = ""  # the value exactly as written: "6.5%－7%", "8％左右", "回稳向好"
    low: float | None = None  # a range's ends; both equal `number` for a single number
    high: float | None = None
    factor: float = 1.0  # low/high × factor compare in the unit's base (1.3万亿斤 → 13000亿斤)
    place: str = ""  # where a reader finds it: "二（三）第4段"

    def __post_init__(self) -> None:
        if self.number is not None and self.low is None:  # a single number is its own range
            object.__setattr__(self, "low", self.number)
            object.__setattr__(self, "high", self.number)

    @property
    def href(self) -> str:
        """Link from the site root to the paragraph the statement came from."""
        return paragraph_href(self.slug, self.anchor)

    @property
    def shown(self) -> str:
        """The value as the report writes it (the qualifier for a target without a number)."""
        return self.value or self.qualifier

    def as_row(self) -> dict:
        row = asdict(self)
        row["indicator_label"] = INDICATOR_BY_KEY[self.indicator].label
        row["href"] = self.href
        return row


def make_statement(kind: str, report: Report, year: int, indicator: Indicator, value: Value | None, text: str,
                   anchor: str, shown: str = "", qualifier: str = "") -> Statement:
    """A statement from a value read in a clause (or, without one, a target kept as written)."""
    meta = report.meta
    place = paragraph_place(report, anchor)
    if value is None:
        return Statement(kind, meta.slug, meta.region, meta.level, year, indicator.key, None, "", qualifier, text,
                         anchor, value=shown, place=place)
    number = None if value.is_range else value.low
    return Statement(kind, meta.slug, meta.region, meta.level, year, indicator.key, number, value.unit,
                     value.qualifier, text, anchor, value=shown or value.text, low=value.low, high=value.high,
                     factor=value.factor, place=place)


def find_names(text: str, start: int = 0, end: int | None = None,
               in_targets: bool = True) -> list[tuple[int, int, Indicator]]:
    """(start, end, indicator) of every indicator name in text[start:end], left to right, longest first.

    A name preceded by 人均/占/单位… or followed by 的比重/之比… is not the indicator (NOT_BEFORE_NAME,
    NOT_AFTER_NAME); names kept for target lists (经济增长) count only when `in_targets`.
    """
    end = len(text) if end is None else end
    hits: list[tuple[int, int, Indicator]] = []
    for indicator in INDICATORS:
        names = indicator.names + (indicator.target_only_names if in_targets else ())
        for name in names:
            at = text.find(name, start, end)
            while at >= 0:
                if not text[max(0, at - 2):at].endswith(NOT_BEFORE_NAME) \
                        and not NOT_AFTER_NAME.match(text[at + len(name):at + len(name) + 4]) \
                        and _loose_name_fits(text, at, name):
                    hits.append((at, at + len(name), indicator))
                at = text.find(name, at + 1, end)
    hits.sort(key=lambda hit: (hit[0], -(hit[1] - hit[0])))
    kept: list[tuple[int, int, Indicator]] = []
    for hit in hits:
        if kept and hit[0] < kept[-1][1]:
            continue  # inside a longer name already taken ("单位国内生产总值能耗" holds "国内生产总值")
        kept.append(hit)
    return kept


def _loose_name_fits(text: str, at: int, name: str) -> bool:
    """A short name (indicators.LOOSE_NAMES) counts at a clause start or after one of its words."""
    if name not in LOOSE_NAMES:
        return True
    lead = text[max(text.rfind(mark, 0, at) for mark in CLAUSE_END + "、：:") + 1:at].strip()
    return lead == "" or (len(lead) <= 8 and lead.endswith(LOOSE_NAMES[name]) if LOOSE_NAMES[name] else False)


def clauses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every clause of text[start:end] (between ，；。)."""
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in CLAUSE.finditer(text, start, end)]


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence (ending with 。！？ or the text's end)."""
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text)]


def paragraph_places(report: Report) -> dict[str, str]:
    """Every paragraph anchor → the place a reader cites: "二（三）第4段", "前言第2段", "附件第3段"."""
    places = {}
    for section, sub, paragraph in report.paragraphs_in_context():
        where = section_locator(section, sub) or "前言"
        for anchor in (paragraph.anchor, *paragraph.extra_anchors):
            places[anchor] = f"{where}第{paragraph_label(anchor)}段"
    return places


_PLACES: dict[int, tuple[Report, dict[str, str]]] = {}


def paragraph_place(report: Report, anchor: str) -> str:
    """The place of one paragraph (computed once per report); "" for an unknown anchor."""
    cached = _PLACES.get(id(report))
    if cached is None or cached[0] is not report:
        cached = (report, paragraph_places(report))
        _PLACES[id(report)] = cached
    return cached[1].get(anchor, "")


def section_places(report: Report) -> dict[str, str]:
    """Every section anchor → the place a reader cites: "二", "二（一）", "附件"."""
    places = {}
    for section in report.sections:
        places[section.anchor] = section_locator(section, None) or section.heading
        for sub in section.subsections:
            places[sub.anchor] = section_locator(section, sub) or sub.heading
    return places
