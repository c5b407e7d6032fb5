"""Issue 15, "more full-width and range inputs": a made-up city whose lists write every form of the
reports (tests/cases/targets-inputs, gold tests/targets_gold_inputs.yml read by hand: value as written,
numbers, qualifier, paragraph), checked on the built downloads and page; and the whole archive's
targets download and page (content/): not-set rows, a review opening on a framing clause, a target
dated in Chinese numerals.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tools.compare import check_gold

from .conftest import targets_download
from .test_targets_view import _build_case

ROOT = Path(__file__).resolve().parent
GOLD = ROOT / "targets_gold_inputs.yml"


def _rows(site: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(targets_download(site, "targets.csv"))))


def _find(rows: list[dict], kind: str, region: str, year: int, indicator: str) -> dict | None:
    return next((row for row in rows if (row["kind"], row["region"], int(row["year"]), row["indicator"])
                 == (kind, region, year, indicator)), None)


@pytest.fixture(scope="module")
def inputs_site(tmp_path_factory) -> Path:
    return _build_case(tmp_path_factory, "targets-inputs")


def test_full_width_range_and_qualifier_inputs_match_the_gold():
    check = check_gold(GOLD)
    assert not check.misses, check.summary() + "\n" + "\n".join(check.misses)
    assert check.counts["targets"][1] >= 28 and check.counts["outcomes"][1] >= 8


def test_striving_is_a_qualifier_only_before_the_number(inputs_site):
    rows = _rows(inputs_site)
    assert _find(rows, "target", "测例市", 2020, "revenue")["qualifier"] == "力争"  # 力争增长５％
    assert _find(rows, "target", "测例市", 2022, "gdp")["qualifier"] == ""  # ６．５％到７％，力争更好结果


def test_inputs_page_shows_values_as_written_with_bands_for_ranges(inputs_site):
    page = BeautifulSoup((inputs_site / "compare" / "targets.html").read_text(encoding="utf-8"), "html.parser")
    for row in (row for row in _rows(inputs_site) if row["kind"] == "target"):
        cell = page.select_one(f'td[data-year="{row["year"]}"][data-indicator="{row["indicator"]}"] a.zb-target')
        assert cell is not None and cell.get_text() == row["value"], row
        assert cell["href"].endswith(f"{row['slug']}/index.html#{row['anchor']}")
    titles = [rect.find_parent("a").title.get_text() for rect in page.select("svg rect.zb-band")]
    for written in ("６％－６．５％", "6.5%至7%", "６．５％到７％", "６～６．５％", "５％—６％"):
        assert any(f"目标 {written}（" in title for title in titles), (written, titles)


def test_not_set_rows_cite_the_list_and_the_page_links_them(inputs_site):
    rows = _rows(inputs_site)
    missing = _find(rows, "not set", "测例市", 2021, "retail")
    assert missing is not None and missing["value"] == "" and missing["verdict"] == "not set"
    assert missing["anchor"] == "s2-p2" and missing["place"] == "二第2段"  # the list's first paragraph (line 7)
    assert _find(rows, "not set", "测例市", 2021, "gdp") is None  # it has a target
    page = BeautifulSoup((inputs_site / "compare" / "targets.html").read_text(encoding="utf-8"), "html.parser")
    link = page.select_one('td[data-year="2021"][data-indicator="retail"] a.zb-not-set')
    assert link.get_text() == "未设定" and link["href"].endswith("2021-celi/index.html#s2-p2")
    assert "二第2段" in link["title"]
    # a year whose report lists no targets (2019: only reviewed) has no not-set rows
    assert not [row for row in rows if row["kind"] == "not set" and row["year"] == "2019"]


def test_downloads_validate_against_their_schema(inputs_site):
    import jsonschema

    folder = inputs_site / "compare"
    data = json.loads(targets_download(inputs_site, "targets.json"))
    jsonschema.validate(data, json.loads((folder / "targets.schema.json").read_text(encoding="utf-8")))
    assert {row["kind"] for row in data["statements"]} == {"target", "outcome", "not set"}
    assert len(data["statements"]) == len(_rows(inputs_site))


# The whole archive (content/), built once for the session ------------------------------------------


def test_archive_review_opening_on_a_framing_clause_gives_the_outcome(archive_site):
    # 1993 national, in its five-year review: "这里要特别指出，刚刚过去的１９９２年，…国民生产总值比上年增长百分之十二点八。"
    rows = _rows(archive_site)
    outcome = _find(rows, "outcome", "国务院", 1992, "gdp")
    assert outcome is not None and outcome["value"] == "百分之十二点八" and outcome["slug"] == "1993-national"
    assert _find(rows, "target", "国务院", 1992, "gdp")["verdict"] == "met"


def test_archive_target_dated_in_chinese_numerals(archive_site):
    # 1959 national: "一九五九年的工农业总产值将比一九五八年的二千零五十亿元增长百分之四十"
    target = _find(_rows(archive_site), "target", "国务院", 1959, "output")
    assert target is not None and (target["value"], float(target["low"])) == ("百分之四十", 40.0)


def test_archive_not_set_rows_for_every_listed_year(archive_site):
    rows = _rows(archive_site)
    listed = {(row["region"], row["year"]) for row in rows if row["kind"] == "not set"}
    assert ("国务院", "2023") in listed and ("广州市", "2024") in listed
    # 2023 national lists no 城镇登记失业率 (only the surveyed rate): not set, citing the list
    row = _find(rows, "not set", "国务院", 2023, "unemployment")
    assert row is not None and row["place"].endswith("段") and row["href"].startswith("reports/2023-national/")
    # never both a target and a not-set row for one cell
    targets = {(row["region"], row["year"], row["indicator"]) for row in rows if row["kind"] == "target"}
    assert not targets & {(row["region"], row["year"], row["indicator"]) for row in rows if row["kind"] == "not set"}


def test_archive_targets_page_prints_wide_on_few_pages(archive_site, browser):
    import re

    page = browser.new_page()
    page.goto((archive_site / "compare" / "targets.html").as_uri())
    page.emulate_media(media="print")
    # the whole document on the wide page (no blank portrait page before it), the text across its width
    assert page.evaluate("getComputedStyle(document.body).page") == "zb-wide"
    assert page.eval_on_selector(".md-content__inner", "e => getComputedStyle(e).maxWidth") == "none"
    pdf = page.pdf(prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    regions = page.locator("div.zb-region").count()
    # 16 pages for 24 regions (203 charts, the national table's 39 rows); one page a region before
    assert regions >= 24 and pages <= regions * 2 // 3 + 1, (regions, pages)
    page.close()


def test_archive_plans_of_older_national_reports_found_by_their_headings(archive_site):
    # "二、1981年国民经济计划的任务和主要指标" (1980), after the review "一、当前国内形势和基本任务" (1987)
    plans = BeautifulSoup((archive_site / "compare" / "plans.html").read_text(encoding="utf-8"), "html.parser")
    pages = {link["href"].rsplit("/", 1)[-1] for link in plans.select("article a[href]")}
    for slug in ("1980-national", "1987-national", "1988-national"):
        assert f"plans-{slug}.html" in pages, sorted(pages)
        pair = BeautifulSoup((archive_site / "compare" / f"plans-{slug}.html").read_text(encoding="utf-8"),
                             "html.parser")
        assert pair.select(".zb-diff ins") and pair.select(".zb-diff del"), slug


def test_archive_themes_listed_in_the_order_of_their_first_year(archive_site):
    page = BeautifulSoup((archive_site / "compare" / "themes.html").read_text(encoding="utf-8"), "html.parser")
    firsts = [int(row.select("td")[1].get_text()) for row in page.select("table.zb-themes tbody tr")]
    assert len(firsts) >= 20 and firsts == sorted(firsts)
    assert "未保留" not in page.select_one("article").get_text()


def _chart(page: BeautifulSoup, region: str, caption_start: str):
    for figure in page.select(f'div.zb-region[data-region="{region}"] figure.zb-chart-box'):
        if figure.figcaption.get_text().startswith(caption_start):
            return figure
    return None


def test_archive_grain_charts_draw_every_unit_the_reports_write(archive_site):
    page = BeautifulSoup((archive_site / "compare" / "targets.html").read_text(encoding="utf-8"), "html.parser")
    national = _chart(page, "national", "粮食产量")
    assert national.figcaption.get_text() == "粮食产量（亿斤）"
    marks = {a.title.get_text().split("（")[0]: a for a in national.select("a")}
    for title in ("1979年实际 33，212万吨", "1994年实际 ４４４５亿公斤", "2014年实际 6.07亿吨", "2015年目标 5.5亿吨以上",
                  "2021年实际 1.37万亿斤"):
        assert title in marks, sorted(marks)
    def height(title):
        mark = marks[title].find(["circle", "line"])
        return float(mark.get("cy") or mark.get("y1"))
    # 6.07亿吨 = 12140亿斤 stands below 1.37万亿斤 = 13700亿斤 and above 4445亿公斤 = 8890亿斤 (y grows downwards)
    assert height("2021年实际 1.37万亿斤") < height("2014年实际 6.07亿吨") < height("1994年实际 ４４４５亿公斤")
    # a province whose report writes 万吨 gets its chart in 万吨
    assert _chart(page, "qinghai", "粮食产量").figcaption.get_text() == "粮食产量（万吨）"


def test_archive_theme_excerpt_shown_once_a_year(archive_site):
    """An excerpt the same as one shown before in that year (2026: two provinces write the same
    sentence) is its place and where the text stands: that entry's text, cut the same way, is in the
    paragraph the link opens."""
    echoed = 0
    for path in sorted((archive_site / "compare").glob("theme-*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for block in soup.select("article h2[id^=y] + div.zb-compare"):
            shown = {}
            for ul in block.select("ul.zb-snippets"):
                label = ul.find_previous_sibling("p", class_="zb-side").get_text()
                for li in ul.select("li"):
                    link = li.a
                    same = li.select_one("span.zb-same")
                    if same is None:
                        shown[f"{label} {link.get_text()}"] = li.get_text()[len(link.get_text()) + 1:]
                        continue
                    echoed += 1
                    excerpt = shown[same.get_text().removeprefix("摘录同 ")]
                    page, _, anchor = link["href"].partition("#")
                    report = BeautifulSoup((path.parent / page).read_text(encoding="utf-8"), "html.parser")
                    assert excerpt.strip("…") in report.find(id=anchor).get_text(), (path.name, excerpt)
    assert echoed
