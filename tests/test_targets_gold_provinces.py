"""Issue 15 for every region: the 2026 targets of the 21 provincial reports in content/, read by hand
(tests/targets_gold_provinces.yml, a line per cell citing its source line), and the wordings of provincial and
city lists on made-up regions (tests/targets_gold_wording.yml over tests/cases/targets-wording), against the
built targets download (targets.csv as emit/compare_pages.py writes it). `python -m tools.compare --gold
tests/targets_gold_provinces.yml` prints the same measure.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tools.compare import GoldCheck, check_gold

HERE = Path(__file__).resolve().parent
PROVINCES = HERE / "targets_gold_provinces.yml"
WORDING = HERE / "targets_gold_wording.yml"


@pytest.fixture(scope="module")
def provinces_check() -> GoldCheck:
    return check_gold(PROVINCES)


@pytest.fixture(scope="module")
def wording_check() -> GoldCheck:
    return check_gold(WORDING)


def _misses(check: GoldCheck, *parts: str) -> str:
    return check.summary() + "\n" + "\n".join(miss for miss in check.misses if miss.startswith(parts))


def test_gold_cites_every_provincial_report_of_2026():
    gold = yaml.safe_load(PROVINCES.read_text(encoding="utf-8"))
    cited = {cell["at"].rsplit(":", 1)[0] for cell in gold["targets"]}
    assert cited == {str(path.relative_to(HERE.parent)) for path in (HERE.parent / "content").glob("2026-*.txt")}
    assert len(gold["targets"]) >= 150 and len(gold["not_set"]) >= 20 and len(gold["not_targets"]) >= 20
    indicators = {cell["indicator"] for cell in gold["targets"]}
    assert {"gdp", "cpi", "jobs", "surveyed_unemployment", "revenue", "investment", "retail", "industry", "trade",
            "income", "grain", "rd"} <= indicators


def test_provincial_targets_match_the_gold(provinces_check):
    assert provinces_check.rate("targets") >= 0.95, _misses(provinces_check, "targets ")


def test_provincial_lists_leave_unlisted_indicators_unset(provinces_check):
    """A list without revenue, jobs… has no such target; a carbon target (单位地区生产总值二氧化碳排放) is not energy."""
    assert provinces_check.rate("not_set") >= 0.95, _misses(provinces_check, "not_set ")


def test_review_outcomes_and_five_year_goals_are_never_targets(provinces_check):
    """2025 outcomes (地区生产总值增长5.4%) and 十五五 goals (年均增长5%左右) are not 2026 targets."""
    assert provinces_check.rate("not_targets") == 1.0, _misses(provinces_check, "not_targets ")


def test_provincial_and_city_wordings(wording_check):
    """GDP/CPI, 、-joined targets, a figure sentence inside the list, 建议为/确定为/主要预期目标：, “十五五”开局之年
    in the opener's sentence, 货物贸易进出口, 单位GDP能耗, 单位地区生产总值能源消耗, R&D经费投入强度."""
    assert not wording_check.misses, _misses(wording_check, "")


def test_provincial_review_outcomes_and_five_year_figures(provinces_check):
    """2025 figures the reviews state (生产总值增长5.6% without 地区, GDP增长4%, 城镇新增就业 under a later
    subsection) are outcomes; a 十四五 paragraph's figures after "五年来" (居民人均可支配收入增长34.3%) are not."""
    assert provinces_check.rate("outcomes") >= 0.95, _misses(provinces_check, "outcomes ")
    assert provinces_check.rate("not_outcomes") == 1.0, _misses(provinces_check, "not_outcomes ")
