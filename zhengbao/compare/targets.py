"""Targets as data: each report's 主要预期目标 and the outcomes its review states for the year before.

A statement keeps the indicator, number, unit, qualifier and the anchor of its paragraph, so
met / missed follows from the indicator's direction and the qualifier, never from a string.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from ..model import Paragraph, Report
from ..urls import paragraph_href
from .knowledge import (
    IN_STEP,
    INDICATORS,
    MULTI_YEAR_REVIEW,
    MULTI_YEAR_WORDS,
    OUTCOME_LEVEL,
    OUTCOME_RATE,
    POSITIVE_GROWTH,
    QUALIFIERS_BEFORE,
    REVIEW_HEADING,
    TARGET_LIST_MARK,
    TARGET_VALUE,
    YEAR_OPENING_CHARS,
    Indicator,
)
from .text import matching_text, original_slice

CLAUSE_SPLIT = re.compile(r"[；;，,。]")
INDICATOR_BY_KEY = {indicator.key: indicator for indicator in INDICATORS}

MET, MISSED, NOT_COMPARABLE, NOT_MENTIONED = "met", "missed", "not comparable", "未提及"
NO_OUTCOME, NO_LATER_REPORT = "no outcome", "no later report"
VERDICT_LABELS = {MET: "达成", MISSED: "未达成", NOT_COMPARABLE: "不可比", NO_OUTCOME: "后续报告未载结果",
                  NO_LATER_REPORT: "无后续报告"}


@dataclass(frozen=True)
class Statement:
    """A target (kind "target", for the report's year) or an outcome (kind "outcome", for the year before)."""

    kind: str
    slug: str
    region: str
    level: str
    year: int  # the year the value is about
    indicator: str
    number: float | None
    unit: str  # "%", "万人", "亿元" or "" (同步, 正增长)
    qualifier: str  # 左右, 以上, 不低于, 以内, 控制在, 同步, 正增长… or "" for a plain number
    text: str  # the clause as written (original script)
    anchor: str

    @property
    def href(self) -> str:
        """Link from the site root to the paragraph the statement came from."""
        return paragraph_href(self.slug, self.anchor)

    def as_row(self) -> dict:
        row = asdict(self)
        row["indicator_label"] = INDICATOR_BY_KEY[self.indicator].label
        row["href"] = self.href
        return row


def find_indicator(clause: str) -> tuple[Indicator, int] | None:
    """The indicator a clause names first (the longer name wins a tie), with the offset after its name."""
    hits = [(clause.find(name), -len(name), indicator.key, indicator, name)
            for indicator in INDICATORS for name in indicator.names if name in clause]
    if not hits:
        return None
    at, _, _, indicator, name = min(hits)
    return indicator, at + len(name)


def parse_target(clause: str) -> tuple[float | None, str, str] | None:
    """Number, unit and qualifier of a target clause such as "地区生产总值增速不低于5%"."""
    if IN_STEP.search(clause):
        return None, "", "同步"
    if POSITIVE_GROWTH in clause:
        return None, "", POSITIVE_GROWTH
    found = TARGET_VALUE.search(clause)
    if not found:
        return None
    qualifier = "…".join(part for part in (found["before"], found["after"]) if part)
    return float(found["number"]), found["unit"], qualifier


def target_paragraphs(report: Report) -> list[Paragraph]:
    """The paragraph that states the year's targets, or (2023 summary) its label and the lines after it."""
    paragraphs = report.all_paragraphs()
    for index, paragraph in enumerate(paragraphs):
        text = matching_text(report, paragraph.text)
        if TARGET_LIST_MARK not in text:
            continue
        if "：" in text or ":" in text:
            return [paragraph]
        following = []
        for later in paragraphs[index + 1:]:
            if find_indicator(matching_text(report, later.text)) is None:
                break
            following.append(later)
        return following
    return []


def extract_targets(report: Report) -> list[Statement]:
    """Every main target a report states, in the order written; one per indicator."""
    out: list[Statement] = []
    seen: set[str] = set()
    for paragraph in target_paragraphs(report):
        converted = matching_text(report, paragraph.text)
        start = max(converted.find("："), converted.find(":")) + 1
        position = start
        for clause in CLAUSE_SPLIT.split(converted[start:]):
            clause_start = converted.find(clause, position)
            position = clause_start + len(clause)
            found = find_indicator(clause)
            parsed = parse_target(clause) if found else None
            if not found or parsed is None or found[0].key in seen:
                continue
            seen.add(found[0].key)
            number, unit, qualifier = parsed
            shown = original_slice(paragraph.text, converted, clause_start, clause_start + len(clause))
            out.append(Statement("target", report.meta.slug, report.meta.region, report.meta.level, report.meta.year,
                                 found[0].key, number, unit, qualifier, shown, paragraph.anchor))
    return out


def review_paragraphs(report: Report) -> list[tuple[Paragraph, bool]]:
    """Paragraphs of the review part, each with whether it is about the previous year as a whole.

    In a five-year review, paragraphs before the one that opens with the previous year are about
    the five years; there only a sentence naming the previous year is taken.
    """
    previous = f"{report.meta.year - 1}年"
    for section in report.sections:
        if section.role != "body" or not REVIEW_HEADING.search(section.heading):
            continue
        paragraphs = section.paragraphs + [p for sub in section.subsections for p in sub.paragraphs]
        if not MULTI_YEAR_REVIEW.search(section.heading):
            return [(p, True) for p in paragraphs]
        opening = next((i for i, p in enumerate(paragraphs)
                        if previous in matching_text(report, p.text)[:YEAR_OPENING_CHARS]), len(paragraphs))
        return [(p, i >= opening) for i, p in enumerate(paragraphs)]
    return []


def extract_outcomes(report: Report) -> list[Statement]:
    """The previous year's outcomes a report's review states: the first matching sentence per indicator."""
    out: dict[str, Statement] = {}
    for paragraph, whole_year in review_paragraphs(report):
        converted = matching_text(report, paragraph.text)
        for indicator in INDICATORS:
            if indicator.key in out:
                continue
            statement = _outcome_in(report, paragraph, converted, indicator, whole_year)
            if statement:
                out[indicator.key] = statement
    order = [indicator.key for indicator in INDICATORS]
    return sorted(out.values(), key=lambda s: order.index(s.indicator))


def _outcome_in(report: Report, paragraph: Paragraph, converted: str, indicator: Indicator,
                whole_year: bool) -> Statement | None:
    for name in indicator.names:
        for hit in re.finditer(re.escape(name), converted):
            # "占地区生产总值的12.8%": a share of the indicator is not its outcome.
            if converted[max(0, hit.start() - 1):hit.start()] in ("占", "的"):
                continue
            rest = converted[hit.end():hit.end() + 40]
            found = OUTCOME_RATE.match(rest)
            unit = "%"
            if not found and indicator.key in ("jobs", "unemployment", "rd"):
                found = OUTCOME_LEVEL.match(rest)
                unit = found["unit"] if found else unit
            if not found:
                continue
            span = converted[hit.start():hit.end() + found.end()]
            sentence_start = max(converted.rfind(c, 0, hit.start()) for c in "。；;") + 1
            sentence = converted[sentence_start:hit.end() + found.end()]
            if any(word in sentence for word in MULTI_YEAR_WORDS):
                continue
            if not whole_year and f"{report.meta.year - 1}年" not in sentence:
                continue
            shown = original_slice(paragraph.text, converted, hit.start(), hit.start() + len(span))
            return Statement("outcome", report.meta.slug, report.meta.region, report.meta.level, report.meta.year - 1,
                             indicator.key, float(found["number"]), unit, "", shown, paragraph.anchor)
    return None


def verdict(target: Statement | None, outcome: Statement | None) -> str:
    """met / missed from the indicator's direction and the target's qualifier.

    Growth-like indicators are good when higher: a target with 以上, 不低于, 左右 or a plain number is
    met when the outcome reaches the number (左右 is read as the number itself). Prices and
    unemployment are ceilings (控制在…以内/左右): met when the outcome stays at or below the number.
    正增长 is met by any growth above zero. 同步 (income in step with the economy) and a target and
    outcome in different units cannot be judged from the numbers alone.
    """
    if target is None:
        return NOT_MENTIONED
    if outcome is None or outcome.number is None:
        return NO_OUTCOME
    if target.qualifier == POSITIVE_GROWTH:
        return MET if outcome.number > 0 else MISSED
    if target.number is None or target.unit != outcome.unit:
        return NOT_COMPARABLE
    if INDICATOR_BY_KEY[target.indicator].higher_is_better:
        return MET if outcome.number >= target.number else MISSED
    return MET if outcome.number <= target.number else MISSED


def format_value(statement: Statement) -> str:
    """A value as the report writes it: "不低于5%", "控制在3%左右", "同步", "正增长"."""
    if statement.number is None:
        return statement.qualifier
    before, _, after = statement.qualifier.rpartition("…") if "…" in statement.qualifier else ("", "", "")
    if not before and not after:
        qualifier = statement.qualifier
        before, after = (qualifier, "") if qualifier in QUALIFIERS_BEFORE else ("", qualifier)
    return f"{before}{statement.number:g}{statement.unit}{after}"


@dataclass
class TargetCell:
    """One indicator in one year: the target written for it, the outcome stated later, the verdict."""

    target: Statement | None
    outcome: Statement | None
    verdict: str
    has_target_report: bool  # a report in the corpus states that year's targets


@dataclass
class TargetTable:
    """Indicators × years for one region (the city reports, or the district report)."""

    region: str
    level: str
    years: list[int]
    rows: list[tuple[Indicator, dict[int, TargetCell]]]


def target_tables(reports: list[Report]) -> list[TargetTable]:
    """One table per region and level; a year column for every target year and every outcome year."""
    groups: dict[tuple[str, str], list[Report]] = {}
    for report in reports:
        groups.setdefault((report.meta.level, report.meta.region), []).append(report)
    level_order = {"national": 0, "province": 1, "city": 2, "district": 3, "county": 4}
    tables = []
    for (level, region), members in sorted(groups.items(), key=lambda kv: (level_order.get(kv[0][0], 9), kv[0][1])):
        targets = {(s.year, s.indicator): s for r in members for s in extract_targets(r)}
        outcomes = {(s.year, s.indicator): s for r in members for s in extract_outcomes(r)}
        target_years = {r.meta.year for r in members if target_paragraphs(r)}
        reviewed_years = {r.meta.year - 1 for r in members if review_paragraphs(r)}
        years = sorted(target_years | {year for year, _ in outcomes})
        rows = []
        for indicator in INDICATORS:
            if not any(key[1] == indicator.key for key in (*targets, *outcomes)):
                continue
            cells = {}
            for year in years:
                target = targets.get((year, indicator.key))
                outcome = outcomes.get((year, indicator.key))
                judged = verdict(target, outcome) if year in target_years else ""
                if judged == NO_OUTCOME and year not in reviewed_years:
                    judged = NO_LATER_REPORT
                cells[year] = TargetCell(target, outcome, judged, year in target_years)
            rows.append((indicator, cells))
        tables.append(TargetTable(region, level, years, rows))
    return tables


def statements(reports: list[Report]) -> list[dict]:
    """Every target and outcome as a row of the download, with the verdict on target rows."""
    rows = []
    for table in target_tables(reports):
        for _, cells in table.rows:
            for cell in cells.values():
                if cell.target:
                    rows.append({**cell.target.as_row(), "verdict": cell.verdict})
                if cell.outcome:
                    rows.append({**cell.outcome.as_row(), "verdict": ""})
    return rows


def cell_text(cell: TargetCell) -> str:
    """A cell as plain text, for the closing note and the terminal."""
    if not cell.has_target_report:
        target = "（无该年报告）"
    else:
        target = format_value(cell.target) if cell.target else NOT_MENTIONED
    if cell.outcome is None:
        return target + (f"（{VERDICT_LABELS[NO_OUTCOME]}）" if cell.verdict == NO_OUTCOME else "")
    outcome = f"实际{cell.outcome.number:g}{cell.outcome.unit}"
    label = VERDICT_LABELS.get(cell.verdict, "")
    return f"{target} → {outcome}" + (f"（{label}）" if label and cell.has_target_report else "")


def tables_as_text(reports: list[Report]) -> str:
    """The targets tables as aligned plain text."""
    out = []
    for table in target_tables(reports):
        out.append(f"{table.region}（{table.level}）")
        header = ["指标"] + [str(year) for year in table.years]
        out.append(" | ".join(header))
        for indicator, cells in table.rows:
            out.append(" | ".join([indicator.label] + [cell_text(cells[year]) for year in table.years]))
        out.append("")
    return "\n".join(out)
