"""Charts of target against outcome as geometry: what an inline SVG draws, every mark with its link.

Per indicator of a region, years run left to right (linear in time), values bottom to top. A
target range is a band (low–high), a ceiling (prices, unemployment) a dashed line, any other
target a solid line; outcomes are dots joined by a line. A chart is in the unit most of its numbers
are written in; numbers in another unit are drawn when it converts (万吨 ↔ 亿斤), never a 亿元 level
beside % rates (that would need a second axis); the table shows the rest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .statements import Statement
from .tables import TargetTable
from .values import format_number

# Geometry in SVG user units: plot area inside the margins, one slot per year.
WIDTH, HEIGHT = 320, 170  # one size for every chart, so a grid of them lines up
LEFT, RIGHT, TOP, BOTTOM = 42, 12, 14, 30
TIMELINE_MIN_TOP = 0.5  # a term timeline's axis reaches at least this share
MAX_HALF = 6  # half the width of a target's line or band, narrower when years are close together
LABEL_SPACE = 34  # room for a year label ("2016") at the axis's font size


@dataclass(frozen=True)
class Mark:
    """One drawn mark: a target (band or line) or an outcome (dot), linking to its paragraph."""

    kind: str  # "band" | "ceiling" | "line" | "dot"
    x: float
    y: float  # top for a band, the line's or dot's y otherwise
    height: float  # band height (0 for lines and dots)
    href: str  # from the site root
    title: str  # "2016年目标 6.5%－7%（三第2段）"


@dataclass
class Chart:
    """One indicator's chart: size, axis ticks, marks, and the outcome line's points (SVG user units)."""

    key: str
    label: str
    unit: str
    width: float
    height: float = HEIGHT
    y_ticks: list[tuple[float, str]] = field(default_factory=list)  # (y, label)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)  # (x, year)
    marks: list[Mark] = field(default_factory=list)
    outcome_lines: list[str] = field(default_factory=list)  # SVG points "x,y x,y …" of runs of consecutive years
    half: float = MAX_HALF  # half a mark's width
    left: float = LEFT
    right: float = WIDTH - RIGHT

    @property
    def plot_bottom(self) -> float:
        return self.height - BOTTOM


def _title(statement: Statement, what: str) -> str:
    place = f"（{statement.place}）" if statement.place else ""
    return f"{statement.year}年{what} {statement.shown}{place}"


# Units one chart can share: 1万吨 = 2000万斤 = 0.2亿斤 (grain: national reports write 万吨, 亿吨, 亿公斤 and
# 万亿斤 across the decades; Fujian and Qinghai write 万吨).
CONVERSIONS = {("万吨", "亿斤"): 0.2, ("亿斤", "万吨"): 5.0}


def _scale(statement: Statement | None, unit: str) -> float | None:
    """What turns a statement's low/high into `unit` (its factor, times a conversion), or None when the
    statement has no number or a unit that cannot be drawn in `unit` (a 亿元 level beside % rates)."""
    if statement is None or statement.low is None:
        return None
    if statement.unit == unit:
        return statement.factor
    conversion = CONVERSIONS.get((statement.unit, unit))
    return statement.factor * conversion if conversion else None


def _drawable(statement: Statement | None, unit: str) -> bool:
    return _scale(statement, unit) is not None


def _chart_unit(cells: list, units: tuple[str, ...]) -> str:
    """The unit most of the column's numbers are written in (the indicator's first unit on a tie):
    a region whose reports write 万吨 gets a chart in 万吨, the national one (mostly 亿斤) in 亿斤."""
    written = [s.unit for cell in cells for s in (cell.target, cell.outcome) if s is not None and s.low is not None]
    return max(units, key=lambda unit: (written.count(unit), -units.index(unit)))


# Axis steps: the first that cuts the value span into at most STEPS_PER_AXIS parts.
NICE_STEPS = (0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)
STEPS_PER_AXIS = 5


def _nice_step(span: float) -> float:
    for step in NICE_STEPS:
        if span / step <= STEPS_PER_AXIS:
            return step
    return span / STEPS_PER_AXIS


def indicator_chart(table: TargetTable, key: str) -> Chart | None:
    """The chart of one indicator of one region, or None when nothing in its unit (_chart_unit) is drawable."""
    cells = [cell for cell in table.column(key)]
    indicator = cells[0].indicator if cells else None
    if indicator is None:
        return None
    unit = _chart_unit(cells, indicator.units)
    points = [(cell.year, cell.target if _drawable(cell.target, unit) else None,
               cell.outcome if _drawable(cell.outcome, unit) else None) for cell in cells]
    points = [(year, target, outcome) for year, target, outcome in points if target or outcome]
    if not points:
        return None
    values = [v for _, target, outcome in points for s in (target, outcome) if s
              for v in (s.low * _scale(s, unit), s.high * _scale(s, unit))]
    low, high = min(values), max(values)
    step = _nice_step(max(high - low, 1.0))
    bottom_value = step * math.floor(low / step)
    top_value = step * (math.floor(high / step) + 1)
    first, last = points[0][0], points[-1][0]
    width = WIDTH
    plot_width = width - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM

    def x_of(year: int) -> float:
        return round(LEFT + plot_width * ((year - first + 0.5) / (last - first + 1)), 1)

    def y_of(value: float) -> float:
        return round(TOP + plot_height * (top_value - value) / (top_value - bottom_value), 1)

    slot = plot_width / (last - first + 1)
    chart = Chart(key, indicator.label, unit, width, half=round(min(MAX_HALF, max(1.5, slot / 2 - 1)), 1))
    tick = bottom_value
    while tick <= top_value + 1e-9:
        chart.y_ticks.append((y_of(tick), format_number(round(tick, 2))))
        tick += step
    for year, _, _ in points:  # a year label where it does not run into the one before
        if not chart.x_ticks or x_of(year) - chart.x_ticks[-1][0] >= LABEL_SPACE:
            chart.x_ticks.append((x_of(year), str(year)))
    line: list[str] = []
    last_outcome_year = None
    for year, target, outcome in points:
        x = x_of(year)
        if target is not None:
            scale = _scale(target, unit)
            top, bottom = y_of(target.high * scale), y_of(target.low * scale)
            if target.high != target.low:
                chart.marks.append(Mark("band", x, top, round(bottom - top, 1), target.href, _title(target, "目标")))
            else:
                kind = "line" if indicator.higher_is_better else "ceiling"
                chart.marks.append(Mark(kind, x, top, 0, target.href, _title(target, "目标")))
        if outcome is not None:
            y = y_of(outcome.low * _scale(outcome, unit))
            chart.marks.append(Mark("dot", x, y, 0, outcome.href, _title(outcome, "实际")))
            if last_outcome_year is not None and year - last_outcome_year > 1:
                _close(chart, line)  # no line across a year the archive says nothing about
            line.append(f"{x},{y}")
            last_outcome_year = year
    _close(chart, line)
    return chart


def _close(chart: Chart, line: list[str]) -> None:
    if len(line) > 1:
        chart.outcome_lines.append(" ".join(line))
    line.clear()


def region_charts(table: TargetTable) -> list[Chart]:
    """Every drawable indicator's chart of one region, in the table's column order."""
    return [chart for indicator in table.indicators if (chart := indicator_chart(table, indicator.key))]


def chart_geometry() -> dict[str, float]:
    """The chart's size and margins, for the browser's drawing of a term timeline (compare/timeline.js)."""
    return {"width": WIDTH, "height": HEIGHT, "left": LEFT, "right": RIGHT, "top": TOP, "bottom": BOTTOM,
            "labelSpace": LABEL_SPACE, "steps": list(NICE_STEPS), "stepsPerAxis": STEPS_PER_AXIS,
            "minTop": TIMELINE_MIN_TOP}


def timeline_chart(key: str, label: str, points: list, href_of_year) -> Chart:
    """A term's share per year (timeline.YearShare, oldest first): a line through every year of the
    archive (zero included), a dot for each year that uses the term linking to `href_of_year(year)`."""
    first, last = points[0].year, points[-1].year
    top = max((p.share for p in points), default=0.0)
    step = _nice_step(max(top, TIMELINE_MIN_TOP))
    top_value = step * (math.floor(top / step) + 1)
    width, plot_height = WIDTH, HEIGHT - TOP - BOTTOM
    plot_width = width - LEFT - RIGHT
    span = max(last - first, 1)

    def x_of(year: int) -> float:
        return round(LEFT + plot_width * (year - first) / span, 1)

    def y_of(value: float) -> float:
        return round(TOP + plot_height * (top_value - value) / top_value, 1)

    chart = Chart(key, label, "每万字", width, half=2)
    tick = 0.0
    while tick <= top_value + 1e-9:
        chart.y_ticks.append((y_of(tick), format_number(round(tick, 2))))
        tick += step
    for point in points:
        if not chart.x_ticks or x_of(point.year) - chart.x_ticks[-1][0] >= LABEL_SPACE:
            chart.x_ticks.append((x_of(point.year), str(point.year)))
    chart.outcome_lines = [" ".join(f"{x_of(p.year)},{y_of(p.share)}" for p in points)] if len(points) > 1 else []
    for point in points:
        if point.count:
            title = f"{point.year}年：{point.count}次，每万字{point.share:.2f}次（{len(point.mentions)}段）"
            chart.marks.append(Mark("dot", x_of(point.year), y_of(point.share), 0, href_of_year(point.year), title))
    return chart
