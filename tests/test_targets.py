"""Issue 15, targets as data: national target lists and reviews read as a reader reads them.

tests/cases/national-targets holds paragraphs copied line for line from the national reports of the
archive (tests/cases/realcorpus, 1995–2023), under the headings they stand under; only the title lines
are ours. The archive has no report of 2011, 2014, 2017, 2020 or 2021: those files were written from the
published reports and could not be checked against a copy here. Expected values are as written in
those paragraphs; no section number is used.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from zhengbao.compare.tables import target_tables
from zhengbao.compare.targets import MET, MISSED, NOT_COMPARABLE, NOT_SET, extract_outcomes, extract_targets, judge
from zhengbao.compare.values import find_values
from zhengbao.pipeline import build_reports

CASE = Path(__file__).resolve().parent / "cases" / "national-targets"

# (year, indicator, value as written) read by hand from each report's target list or fiscal policy.
NATIONAL_TARGETS = [
    (1995, "gdp", "百分之八至九"), (1997, "gdp", "８％"), (1999, "gdp", "7％左右"), (2003, "gdp", "7%左右"),
    (2005, "gdp", "8%左右"), (2005, "cpi", "控制在4%"), (2005, "jobs", "900万人"), (2005, "unemployment", "控制在4.6%"),
    (2007, "gdp", "8%左右"), (2007, "jobs", "不低于900万人"), (2007, "unemployment", "控制在4.6%以内"),
    (2007, "cpi", "3%以内"),
    (2008, "gdp", "8%左右"), (2008, "cpi", "控制在4.8%左右"), (2008, "jobs", "1000万人"),
    (2008, "unemployment", "控制在4.5%左右"),
    (2009, "gdp", "8%左右"), (2009, "jobs", "900万人以上"), (2009, "unemployment", "4.6%以内"), (2009, "cpi", "4%左右"),
    (2010, "gdp", "8％左右"), (2010, "jobs", "900万人以上"), (2010, "unemployment", "控制在4.6％以内"),
    (2010, "cpi", "3％左右"),
    (2011, "gdp", "8%左右"), (2011, "cpi", "控制在4%左右"),
    (2012, "gdp", "7.5％"), (2012, "cpi", "控制在4％左右"), (2012, "trade", "10％左右"), (2012, "deficit", "1.5％左右"),
    (2013, "gdp", "7.5%左右"), (2013, "cpi", "3.5%左右"), (2013, "unemployment", "低于4.6%"), (2013, "deficit", "2%左右"),
    (2014, "gdp", "7.5%左右"), (2014, "cpi", "控制在3.5%左右"), (2014, "jobs", "1000万人以上"),
    (2014, "unemployment", "4.6%以内"),
    (2015, "gdp", "7%左右"), (2015, "cpi", "3%左右"), (2015, "jobs", "1000万人以上"), (2015, "trade", "6%左右"),
    (2015, "energy", "3.1%以上"), (2015, "deficit", "2.3%"),
    (2016, "gdp", "6.5%－7%"), (2016, "cpi", "3%左右"), (2016, "jobs", "1000万人以上"), (2016, "unemployment", "4.5%以内"),
    (2016, "energy", "3.4%以上"), (2016, "trade", "回稳向好"), (2016, "deficit", "3%"),
    (2017, "gdp", "6.5%左右"), (2017, "cpi", "3%左右"), (2017, "jobs", "1100万人以上"), (2017, "deficit", "3%"),
    (2018, "gdp", "6.5%左右"), (2018, "cpi", "3%左右"), (2018, "jobs", "1100万人以上"),
    (2018, "surveyed_unemployment", "5.5%以内"), (2018, "unemployment", "4.5%以内"), (2018, "deficit", "2.6%"),
    (2019, "gdp", "6%－6.5%"), (2019, "jobs", "1100万人以上"), (2019, "surveyed_unemployment", "5.5%左右"),
    (2019, "cpi", "3%左右"), (2019, "deficit", "2.8%"),
    (2020, "jobs", "900万人以上"), (2020, "surveyed_unemployment", "6%左右"), (2020, "cpi", "3.5%左右"),
    (2020, "deficit", "3.6%以上"), (2021, "gdp", "6%以上"), (2021, "surveyed_unemployment", "5.5%左右"),
    (2021, "deficit", "3.2%左右"),
    (2022, "gdp", "5.5%左右"), (2022, "jobs", "1100万人以上"), (2022, "surveyed_unemployment", "控制在5.5%以内"),
    (2022, "grain", "1.3万亿斤以上"), (2022, "deficit", "2.8%左右"),
    (2023, "gdp", "5%左右"), (2023, "jobs", "1200万人左右"), (2023, "surveyed_unemployment", "5.5%左右"),
    (2023, "cpi", "3%左右"), (2023, "deficit", "3%"),
]

# (year reviewed, indicator, figure) from the next report's review: the year's figure, never a total.
NATIONAL_OUTCOMES = [
    (2004, "gdp", 9.5), (2006, "gdp", 10.7), (2006, "jobs", 1184), (2008, "gdp", 9), (2009, "gdp", 8.7),
    (2009, "jobs", 1102), (2010, "gdp", 10.3), (2010, "jobs", 1168), (2010, "cpi", 3.3), (2012, "gdp", 7.8),
    (2012, "jobs", 1266), (2012, "cpi", 2.6), (2013, "gdp", 7.7), (2013, "cpi", 2.6), (2013, "jobs", 1310),
    (2014, "gdp", 7.4), (2014, "jobs", 1322), (2014, "cpi", 2), (2015, "gdp", 6.9), (2015, "jobs", 1312),
    (2016, "gdp", 6.7), (2016, "cpi", 2), (2016, "jobs", 1314), (2016, "unemployment", 4.02), (2017, "gdp", 6.9),
    (2017, "jobs", 1351), (2019, "gdp", 6.1), (2019, "jobs", 1352), (2019, "surveyed_unemployment", 5.3),
    (2019, "cpi", 2.9), (2020, "gdp", 2.3), (2020, "jobs", 1186), (2020, "surveyed_unemployment", 5.2),
    (2020, "cpi", 2.5), (2018, "gdp", 6.6), (2018, "cpi", 2.1), (2018, "jobs", 1361), (2021, "gdp", 8.1),
    (2021, "jobs", 1269), (2021, "surveyed_unemployment", 5.1), (2022, "gdp", 3), (2022, "jobs", 1206),
    (2022, "surveyed_unemployment", 5.5), (2022, "cpi", 2), (2022, "grain", 1.37),
]
# Multi-year and cumulative figures the reviews state beside the year's: never taken as an outcome.
NOT_OUTCOMES = [(2010, "jobs", 5771), (2015, "jobs", 6400), (2017, "jobs", 6600), (2012, "jobs", 5870),
                (2007, "gdp", 65.5), (2007, "jobs", 5100), (2017, "gdp", 7.1), (2022, "jobs", 1270)]


@pytest.fixture(scope="module")
def national():
    reports = build_reports(CASE)
    return {report.meta.year: report for report in reports}, target_tables(reports)[0]


@pytest.mark.parametrize("year,indicator,written", NATIONAL_TARGETS)
def test_national_target_as_written_and_linked_to_its_paragraph(national, year, indicator, written):
    reports, _ = national
    report = reports[year]
    target = next((t for t in extract_targets(report) if t.indicator == indicator), None)
    assert target is not None, f"{year} {indicator}: no target"
    assert target.value == written
    paragraph = next(p for p in report.all_paragraphs() if p.anchor == target.anchor)
    assert written in paragraph.text and target.text in paragraph.text
    assert target.place.endswith(f"第{target.anchor.rsplit('p', 1)[1]}段")


@pytest.mark.parametrize("year,indicator,figure", NATIONAL_OUTCOMES)
def test_outcome_is_the_reviewed_years_figure(national, year, indicator, figure):
    reports, table = national
    outcome = table.cells[(year, indicator)].outcome
    assert outcome is not None, f"{year} {indicator}: no outcome"
    assert outcome.low * outcome.factor / (10000 if indicator == "grain" else 1) == pytest.approx(figure)
    assert outcome.year == year and outcome.slug == f"{year + 1}-national"
    paragraph = next(p for p in reports[year + 1].all_paragraphs() if p.anchor == outcome.anchor)
    assert outcome.value in paragraph.text


@pytest.mark.parametrize("year,indicator,total", NOT_OUTCOMES)
def test_five_year_totals_and_averages_are_never_an_outcome(national, year, indicator, total):
    _, table = national
    cell = table.cells.get((year, indicator))
    assert cell is None or cell.outcome is None or cell.outcome.low != total


def test_review_that_names_the_targets_is_not_the_years_target_list(national):
    # The 2014 review: "主要预期目标全面完成：…居民消费价格涨幅控制在2.6%" is 2013's result, not 2014's target.
    reports, table = national
    cpi = next(t for t in extract_targets(reports[2014]) if t.indicator == "cpi")
    assert (cpi.value, cpi.number) == ("控制在3.5%左右", 3.5)
    assert table.cells[(2013, "cpi")].outcome.value == "2.6%"


def test_a_report_without_an_indicator_in_its_list_has_it_not_set(national):
    _, table = national
    assert table.cells[(2019, "unemployment")].target is not None
    assert table.cells[(2023, "unemployment")].target is None  # 2023 lists only the surveyed rate
    assert table.cells[(2023, "unemployment")].verdict.code == NOT_SET
    assert table.cells[(2023, "unemployment")].target_note == "未设定"


def test_a_year_without_a_growth_target_has_it_not_set(national):
    # 2020: "我们对今年经济社会发展提出的目标任务是：城镇新增就业900万人以上…" — and no GDP target.
    _, table = national
    cell = table.cells[(2020, "gdp")]
    assert cell.target is None and cell.target_note == "未设定" and cell.outcome.value == "2.3%"


def test_verdicts_say_their_rule(national):
    _, table = national
    gdp_2016 = table.cells[(2016, "gdp")]  # 6.5%－7% against 6.7%: the range's lower end is reached
    assert gdp_2016.verdict.code == MET and "区间下限6.5%" in gdp_2016.verdict.rule
    gdp_2015 = table.cells[(2015, "gdp")]  # 7%左右 against 6.9%: 左右 is read as the number
    assert gdp_2015.verdict.code == MISSED and "左右" in gdp_2015.verdict.rule
    cpi_2010 = table.cells[(2010, "cpi")]  # a ceiling of 3％左右 against 3.3%
    assert cpi_2010.verdict.code == MISSED and "上限" in cpi_2010.verdict.rule
    trade_2016 = table.cells[(2016, "trade")]
    assert trade_2016.target.value == "回稳向好" and trade_2016.target.number is None
    assert judge(trade_2016.target, table.cells[(2017, "trade")].outcome).code == NOT_COMPARABLE


@pytest.mark.parametrize("written,low,high,unit,value", [
    ("国内生产总值增长6.5%－7%", 6.5, 7, "%", "6.5%－7%"),  # 2016 national
    ("国内生产总值增长6%－6.5%", 6, 6.5, "%", "6%－6.5%"),  # 2019
    ("全省地区生产总值增长5%—5.5%", 5, 5.5, "%", "5%—5.5%"),  # 2026 Anhui
    ("地区生产总值增长4.5%—5%", 4.5, 5, "%", "4.5%—5%"),  # 2026 Shanxi
    ("国内生产总值增长６．５％－７％", 6.5, 7, "%", "６．５％－７％"),  # full width throughout
    ("国内生产总值增长6.5~7%", 6.5, 7, "%", "6.5~7%"),
    ("国内生产总值增长6.5％～7％左右", 6.5, 7, "%", "6.5％～7％左右"),
    ("国内生产总值增长7%至7.5%", 7, 7.5, "%", "7%至7.5%"),
    ("经济增长速度的调控目标定为８％", 8, 8, "%", "８％"),  # 1997
    ("今年经济增长速度的宏观调控目标，定为百分之八至九", 8, 9, "%", "百分之八至九"),  # 1995
    ("国民生产总值比上年增长百分之十二点八", 12.8, 12.8, "%", "百分之十二点八"),  # 1993
    ("全社会固定资产投资增长14·1％", 14.1, 14.1, "%", "14·1％"),  # 1999
    ("地区生产总值增长4.0%左右", 4.0, 4.0, "%", "4.0%左右"),  # 2024 Yuexiu: shown as written
    ("城镇新增就业１１００万人以上", 1100, 1100, "万人", "１１００万人以上"),
    ("粮食产量33，212万吨", 33212, 33212, "万吨", "33，212万吨"),  # 1980
    ("粮食产量保持在1.3万亿斤以上", 1.3, 1.3, "亿斤", "1.3万亿斤以上"),  # 2022
])
def test_values_read_as_numbers_and_kept_as_written(written, low, high, unit, value):
    found = find_values(written)[0]
    assert (found.low, found.high, found.unit, found.text) == (low, high, unit, value)


def test_full_width_and_range_targets_in_a_list():
    from zhengbao.compare.statements import find_names

    clause = "国内生产总值增长６．５％－７％"
    name_start, name_end, indicator = find_names(clause)[0]
    assert indicator.key == "gdp" and clause[name_start:name_end] == "国内生产总值"
    assert find_values(clause, name_end)[0].text == "６．５％－７％"


def test_outcomes_of_the_seed_city_reports_are_for_the_year_before():
    from .conftest import CONTENT

    for report in build_reports(CONTENT):
        for outcome in extract_outcomes(report):
            assert outcome.year == report.meta.year - 1 and outcome.qualifier == ""


def test_value_as_written_with_its_qualifier(national):
    """控制在 is a qualifier, and the value keeps the report's writing (4.0%左右 stays 4.0%左右)."""
    from .conftest import CONTENT

    yuexiu = next(r for r in build_reports(CONTENT) if r.meta.slug == "2024-yuexiu")
    gdp = next(t for t in extract_targets(yuexiu) if t.indicator == "gdp")
    assert (gdp.value, gdp.qualifier, gdp.low) == ("4.0%左右", "左右", 4.0)
    reports, _ = national
    cpi = next(t for t in extract_targets(reports[2008]) if t.indicator == "cpi")
    assert (cpi.value, cpi.qualifier, cpi.high) == ("控制在4.8%左右", "控制在…左右", 4.8)


REALCORPUS = Path(__file__).resolve().parent / "cases" / "realcorpus"
# Targets of the older national reports, as the archive's own lines write them (issue 15): retail prices
# before the consumer price index, the gross output of industry and agriculture of the 1950s plans.
OLD_TARGETS = [
    (1956, "output", "１４．１％"),  # "我国工农业总产值将比上年增长１４．１％"
    (1992, "gdp", "百分之六"), (1992, "cpi", "控制在百分之六以内"),  # "零售物价上涨幅度控制在百分之六以内"
    (1994, "cpi", "控制在百分之十以内"),  # "努力把全年零售物价上涨幅度控制在百分之十以内"
    (1995, "cpi", "控制在百分之十五左右"),  # "确保物价上涨幅度比去年有明显回落，力争控制在百分之十五左右"
    (1995, "gdp", "百分之八至九"), (1995, "grain", "４５５０亿公斤以上"),  # "力争粮食产量达到４５５０亿公斤以上"
]


@pytest.fixture(scope="module")
def old_national(tmp_path_factory):
    """The archive's national reports of 1956, 1981, 1982, 1992, 1994 and 1995, whole, as published."""
    import yaml

    folder = tmp_path_factory.mktemp("old-national")
    entries = yaml.safe_load((REALCORPUS / "reports.yml").read_text(encoding="utf-8"))["reports"]
    kept = [e for e in entries if e["slug"] in {f"{y}-national" for y in (1956, 1981, 1982, 1992, 1994, 1995)}]
    for entry in kept:
        (folder / entry["file"]).write_bytes((REALCORPUS / entry["file"]).read_bytes())
    (folder / "reports.yml").write_text(yaml.safe_dump({"reports": kept}, allow_unicode=True), encoding="utf-8")
    return {report.meta.year: report for report in build_reports(folder)}


@pytest.mark.parametrize("year,indicator,written", OLD_TARGETS)
def test_older_national_targets_by_their_kind_of_wording(old_national, year, indicator, written):
    report = old_national[year]
    target = next((t for t in extract_targets(report) if t.indicator == indicator), None)
    assert target is not None, f"{year} {indicator}: no target"
    assert target.value == written
    paragraph = next(p for p in report.all_paragraphs() if p.anchor == target.anchor)
    assert written in paragraph.text


def test_older_reports_periods_estimates_and_quoted_goals_are_not_targets_or_outcomes(old_national):
    # 1982: "在这个期间，我国工农业总产值计划增长百分之二十一点七，平均每年递增百分之四" (the five-year plan);
    # 1981: "工农业生产总值…将比上年增长３％以上，整个经济形势比预想的好" (an estimate of the year).
    assert not [t for t in extract_targets(old_national[1982]) if t.indicator == "output"]
    assert not [t for t in extract_targets(old_national[1981]) if t.indicator in ("output", "gdp")]
    # 1995's review quotes 1994's goal ("曾提出，要把全年商品零售物价上涨幅度控制在百分之十以内"): not an outcome.
    assert not [o for o in extract_outcomes(old_national[1995]) if o.indicator == "cpi"]


@pytest.mark.parametrize("written,low,high,value", [
    ("进出口增长4.5%―5%", 4.5, 5, "4.5%―5%"),  # ― horizontal bar, as some typesetters give the dash
    ("进出口增长4.5%‒5%", 4.5, 5, "4.5%‒5%"),  # ‒ figure dash
    ("国内生产总值增长5%−5.5%", 5, 5.5, "5%−5.5%"),  # − minus sign
    ("国内生产总值增长６％—６．５％", 6, 6.5, "６％—６．５％"),
    ("国内生产总值增长6至6.5%", 6, 6.5, "6至6.5%"),
    ("国内生产总值增长６～７％", 6, 7, "６～７％"),
    ("国内生产总值增长百分之六至百分之七", 6, 7, "百分之六至百分之七"),
    ("国内生产总值增长百分之五点五至六", 5.5, 6, "百分之五点五至六"),
    ("国内生产总值增长百分之八—九", 8, 9, "百分之八—九"),
    ("国内生产总值增长百分之八～百分之九左右", 8, 9, "百分之八～百分之九左右"),
    ("一般公共预算收入增长６．５ ％", 6.5, 6.5, "６．５ ％"),  # a PDF's space before the unit stays in the value
    ("新增就业1000万-1100万人", 1000, 1100, "1000万-1100万人"),
])
def test_more_range_and_full_width_forms(written, low, high, value):
    found = find_values(written)[0]
    assert (found.low, found.high, found.text) == (low, high, value)


FORMS = CASE.parent / "targets-forms"
# (year, indicator, value as written, low, high, qualifier): tests/cases/targets-forms, one made-up province whose
# lists write their numbers in every form the archive and PDF extractions give.
FORM_TARGETS = [
    (2019, "gdp", "6%－6.5%", 6, 6.5, ""), (2019, "surveyed_unemployment", "５．５％左右", 5.5, 5.5, "左右"),
    (2019, "jobs", "６５万人以上", 65, 65, "以上"), (2019, "cpi", "３％左右", 3, 3, "左右"),
    (2019, "trade", "５％—５．５％", 5, 5.5, ""),
    (2020, "gdp", "6.5~7%", 6.5, 7, ""), (2020, "trade", "4.5%―5%", 4.5, 5, ""), (2020, "energy", "３％左右", 3, 3, "左右"),
    # 2021: not the five-year list before it ("到２０２５年，…年均增长６．５％左右").
    (2021, "gdp", "7%至7.5%", 7, 7.5, ""), (2021, "unemployment", "控制在４．５％以内", 4.5, 4.5, "控制在…以内"),
    (2021, "cpi", "控制在３％以内", 3, 3, "控制在…以内"), (2021, "grain", "５６０亿斤以上", 560, 560, "以上"),
    (2022, "gdp", "百分之八至九", 8, 9, ""), (2022, "rd", "２．５％以上", 2.5, 2.5, "以上"),
    (2022, "revenue", "６．５％", 6.5, 6.5, ""),  # "６．５ ％" in the file: the clean stage's repair joins them
    (2023, "gdp", "１２．５％", 12.5, 12.5, ""), (2023, "investment", "１０％—１２％", 10, 12, ""),
    (2023, "retail", "７％左右", 7, 7, "左右"),
]


@pytest.fixture(scope="module")
def forms_site(tmp_path_factory) -> Path:
    from .test_targets_view import _build_case

    return _build_case(tmp_path_factory, FORMS.name)


def _download(site: Path, kind: str) -> dict[tuple[int, str], dict]:
    """The built targets.csv's rows of one kind, by (year, indicator)."""
    import csv
    import io

    from .conftest import targets_download

    rows = csv.DictReader(io.StringIO(targets_download(site, "targets.csv")))
    return {(int(row["year"]), row["indicator"]): row for row in rows if row["kind"] == kind}


def test_full_width_and_range_targets_read_and_shown_as_written(forms_site):
    from bs4 import BeautifulSoup

    rows = _download(forms_site, "target")
    page = BeautifulSoup((forms_site / "compare" / "targets.html").read_text(encoding="utf-8"), "html.parser")
    for year, indicator, value, low, high, qualifier in FORM_TARGETS:
        row = rows.get((year, indicator))
        assert row is not None, f"{year} {indicator}: no target"
        assert (row["value"], float(row["low"]), float(row["high"]), row["qualifier"]) == (value, low, high, qualifier)
        assert row["number"] == ("" if low != high else row["low"])  # a range has no single number
        cell = page.select_one(f'td[data-year="{year}"][data-indicator="{indicator}"] a.zb-target')
        assert cell is not None and cell.get_text() == value, f"{year} {indicator}: {cell}"
        assert cell["href"].endswith(f"{year}-shili/index.html#{row['anchor']}")
        if low != high:  # a range is drawn as a band whose title gives it as written
            titles = [mark.find_parent("a").title.get_text() for mark in page.select("rect.zb-band")]
            assert f"{year}年目标 {value}（{row['place']}）" in titles


def test_full_width_outcomes_are_read(forms_site):
    rows = _download(forms_site, "outcome")
    assert (rows[(2019, "gdp")]["value"], float(rows[(2019, "gdp")]["low"])) == ("６．１％", 6.1)
    assert rows[(2019, "gdp")]["verdict"] == "" and rows[(2022, "revenue")]["value"] == "６．６％"
    assert rows[(2020, "energy")]["value"] == "２．１％"
