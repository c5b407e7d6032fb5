"""Targets against outcomes per region: years as rows, indicators as columns, every cell judged.

A year is a row when a report of the region lists that year's targets or a later report states
that year's outcomes. A cell tells apart: no report of that year in the archive, a report that
lists no targets, a list without this indicator (未设定), and a target with its outcome and verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import cache
from ..model import Report
from .indicators import INDICATORS, Indicator
from .outcomes import extract_outcomes
from .regions import Region, group_regions
from .statements import Statement, paragraph_place
from .targets import extract_targets, target_paragraphs
from .verdicts import NO_LATER_REPORT, NO_OUTCOME, VERDICT_LABELS, Verdict, judge

NO_REPORT, NO_LIST = "无报告", "未列目标"  # the archive has no report of that year; the report lists no targets


@dataclass
class TargetCell:
    """One indicator in one year: the target, the outcome stated a year later, the verdict."""

    year: int
    indicator: Indicator
    target: Statement | None
    outcome: Statement | None
    verdict: Verdict
    has_target_report: bool  # a report of the region for that year is in the archive
    has_target_list: bool  # …and it lists its targets

    @property
    def target_note(self) -> str:
        """What stands in the target's place when there is no target: 无报告, 未列目标, 未设定."""
        if self.target is not None:
            return ""
        if not self.has_target_report:
            return NO_REPORT
        return VERDICT_LABELS[self.verdict.code] if self.has_target_list else NO_LIST


@dataclass
class TargetTable:
    """One region's targets: `years` (rows, oldest first) × `indicators` (columns)."""

    region: Region
    years: list[int]
    indicators: list[Indicator]
    cells: dict[tuple[int, str], TargetCell] = field(default_factory=dict)
    # year → (slug, anchor, place) of the paragraph where that year's report lists its targets
    lists: dict[int, tuple[str, str, str]] = field(default_factory=dict)

    def row(self, year: int) -> list[TargetCell]:
        return [self.cells[(year, indicator.key)] for indicator in self.indicators]

    def column(self, key: str) -> list[TargetCell]:
        return [self.cells[(year, key)] for year in self.years]


_TABLES: dict[tuple[int, ...], list[TargetTable]] = {}


def target_tables(reports: list[Report], digests: dict[str, str] | None = None) -> list[TargetTable]:
    """One table per region (computed once per set of reports: the page and downloads share it).
    `digests`: slug → cache.digest_of(report), when the caller has them."""
    key = tuple(id(report) for report in reports)
    if key not in _TABLES:
        _TABLES.clear()
        _TABLES[key] = [target_table(region, digests) for region in group_regions(reports)]
    return _TABLES[key]


def target_table(region: Region, digests: dict[str, str] | None = None) -> TargetTable:
    """One region's table, from its reports alone (`digests`: slug → cache.digest_of, when the caller
    has them)."""
    return _table(region, digests or {})


def report_targets(report: Report, digest: str | None = None) -> tuple[list[Statement], tuple[str, str] | None,
                                                                        list[Statement]]:
    """One report's targets, where it lists them ((anchor, place) of the first paragraph of its target
    list, None when it has none) and its outcomes: plain data, cached by the report's whole state
    (`digest`: cache.digest_of(report), when the caller has it) and the code, so a correction reads
    only its own report."""
    def compute() -> tuple[list[Statement], tuple[str, str] | None, list[Statement]]:
        listed = target_paragraphs(report)
        at = (listed[0].anchor, paragraph_place(report, listed[0].anchor)) if listed else None
        return extract_targets(report), at, extract_outcomes(report)
    return cache.cached("targets", report.meta.slug, cache.key_of(digest or cache.digest_of(report)), compute)


def _table(region: Region, digests: dict[str, str]) -> TargetTable:
    targets: dict[tuple[int, str], Statement] = {}
    outcomes: dict[tuple[int, str], Statement] = {}
    listed_years, target_years, report_years = set(), set(), set()
    lists: dict[int, tuple[str, str, str]] = {}
    for report in region.reports:
        report_years.add(report.meta.year)
        found, listed, stated = report_targets(report, digests.get(report.meta.slug))
        if listed:
            listed_years.add(report.meta.year)
            lists.setdefault(report.meta.year, (report.meta.slug, *listed))
        if found:
            target_years.add(report.meta.year)
        for statement in found:
            targets.setdefault((statement.year, statement.indicator), statement)
        for statement in stated:
            outcomes.setdefault((statement.year, statement.indicator), statement)
    years = sorted(listed_years | target_years | {year for year, _ in outcomes})
    keys = {key for _, key in (*targets, *outcomes)}
    table = TargetTable(region, years, [indicator for indicator in INDICATORS if indicator.key in keys], lists=lists)
    for year in years:
        for indicator in table.indicators:
            target = targets.get((year, indicator.key))
            outcome = outcomes.get((year, indicator.key))
            judged = judge(target, outcome) if year in listed_years or target else Verdict("", "")
            if judged.code == NO_OUTCOME and year + 1 not in report_years:  # no report to review it
                judged = Verdict(NO_LATER_REPORT, "档案中没有回顾该年的下一年报告")
            table.cells[(year, indicator.key)] = TargetCell(year, indicator, target, outcome, judged,
                                                            year in report_years, year in listed_years)
    return table


def statements(table: TargetTable) -> list[dict]:
    """Every target and outcome of one region's table as a row of the downloads; target rows carry the
    verdict and its rule."""
    rows = []
    for year in table.years:
        for cell in table.row(year):
            if cell.target:
                rows.append({**cell.target.as_row(), "region_id": table.region.ident,
                             "verdict": cell.verdict.code, "verdict_rule": cell.verdict.rule})
            if cell.outcome:
                rows.append({**cell.outcome.as_row(), "region_id": table.region.ident,
                             "verdict": "", "verdict_rule": ""})
    return rows


def cell_text(cell: TargetCell) -> str:
    """A cell as plain text: "7%左右 → 6.9%（未达成）", for the terminal and notes."""
    target = cell.target.shown if cell.target else cell.target_note
    if cell.outcome is None:
        return target + (f"（{cell.verdict.label}）" if cell.target and cell.verdict.label else "")
    label = f"（{cell.verdict.label}）" if cell.target and cell.verdict.label else ""
    return f"{target} → {cell.outcome.shown}{label}"


def tables_as_text(reports: list[Report]) -> str:
    """The targets tables as plain text: one block per region, a line per year."""
    out = []
    for table in target_tables(reports):
        out.append(f"{table.region.label}  [{table.region.ident}]")
        out.append(" | ".join(["年份"] + [indicator.label for indicator in table.indicators]))
        for year in table.years:
            out.append(" | ".join([str(year)] + [cell_text(cell) for cell in table.row(year)]))
        out.append("")
    return "\n".join(out)
