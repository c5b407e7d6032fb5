"""Issue 15, judged on a gold: the national targets of 2003–2023 read by hand (tests/targets_gold_national.yml,
a line per cell citing its source line) against the built targets download (targets.csv as
emit/compare_pages.py writes it). A cell matches when the value is as written, the numbers are read
and the anchor is the paragraph of the cited line. `python -m tools.compare --gold
tests/targets_gold_national.yml` prints the same measure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.compare import GoldCheck, check_gold

GOLD = Path(__file__).resolve().parent / "targets_gold_national.yml"


@pytest.fixture(scope="module")
def gold_check() -> GoldCheck:
    return check_gold(GOLD)


def test_gold_cites_enough_cells_over_two_decades():
    import yaml

    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    years = {cell["year"] for cell in gold["targets"]}
    assert len(gold["targets"]) >= 120 and min(years) == 2003 and max(years) == 2023
    assert all(cell["at"].count(":") == 1 and cell["at"].endswith(tuple("0123456789")) for cell in gold["targets"])


def test_national_targets_match_the_gold(gold_check):
    misses = "\n".join(miss for miss in gold_check.misses if miss.startswith("targets "))
    assert gold_check.rate("targets") >= 0.95, f"{gold_check.summary()}\n{misses}"
    assert not misses, f"{gold_check.summary()}\n{misses}"


def test_not_set_cells_stay_empty(gold_check):
    misses = [miss for miss in gold_check.misses if miss.startswith("not_set ")]
    assert not misses, "\n".join(misses)


def test_outcomes_match_the_gold_and_totals_are_never_outcomes(gold_check):
    misses = [miss for miss in gold_check.misses if miss.startswith(("outcomes ", "not_outcomes "))]
    assert gold_check.rate("outcomes") >= 0.95 and not misses, gold_check.summary() + "\n" + "\n".join(misses)
