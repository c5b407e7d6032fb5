"""Issue 6, the 对比 pages: targets read by hand, alignment judged by reading, links checked in Chromium."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import unquote, urlparse

import jsonschema
import pytest
from bs4 import BeautifulSoup

from zhengbao.compare.align import align
from zhengbao.compare.targets import MET, MISSED, NOT_COMPARABLE, Statement, extract_outcomes, extract_targets, verdict
from zhengbao.compare.timeline import term_timeline
from zhengbao.pipeline import build_reports

from .conftest import CONTENT, targets_download

# (slug, kind, indicator, number, unit, qualifier, source sentence as read in the report)
HAND_READ = [
    ("2024-guangzhou", "target", "gdp", 5, "%", "不低于", "地区生产总值增速不低于5%"),
    ("2024-guangzhou", "target", "investment", 6, "%", "", "固定资产投资增长6%"),
    ("2024-guangzhou", "target", "retail", 5.5, "%", "", "社会消费品零售总额增长5.5%"),
    ("2024-guangzhou", "target", "trade", None, "", "正增长", "商品进出口总值保持正增长"),
    ("2024-guangzhou", "target", "industry", 3, "%", "以上", "规模以上工业增加值增长3%以上"),
    ("2024-guangzhou", "target", "revenue", 3, "%", "", "地方一般公共预算收入增长3%"),
    ("2024-guangzhou", "target", "income", None, "", "同步", "城乡居民收入增长与经济增长同步"),
    ("2024-guangzhou", "target", "cpi", 3, "%", "控制在…左右", "居民消费价格涨幅控制在3%左右"),
    ("2024-guangzhou", "target", "jobs", 24, "万人", "以上", "城镇新增就业24万人以上"),
    ("2024-guangzhou", "outcome", "revenue", 4.8, "%", "", "地方一般公共预算收入同比增长4.8%"),
    ("2024-guangzhou", "outcome", "cpi", 1, "%", "", "居民消费价格上涨1%"),
    ("2024-guangzhou", "outcome", "investment", 3.6, "%", "", "全社会固定资产投资增长3.6%"),
    ("2024-guangzhou", "outcome", "jobs", 33, "万人", "", "城镇新增就业超过33万人"),
    ("2023-guangzhou-summary", "target", "gdp", 6, "%", "以上", "地區生產總值增長6%以上"),
    ("2023-guangzhou-summary", "target", "revenue", 4, "%", "", "地方一般公共預算收入增長4%"),
    ("2023-guangzhou-summary", "target", "rd", 3.2, "%", "左右", "全社會研發投入強度3.2%左右"),
    ("2023-guangzhou-summary", "target", "cpi", 3, "%", "控制在…左右", "居民消費價格漲幅控制在3%左右"),
    ("2021-guangzhou", "target", "gdp", 6, "%", "以上", "地区生产总值增长6%以上"),
    ("2021-guangzhou", "target", "industry", 5.5, "%", "", "其中工业增加值增长5.5%"),
    ("2021-guangzhou", "target", "unemployment", 3.5, "%", "控制在…以内", "城镇登记失业率控制在3.5%以内"),
    ("2021-guangzhou", "target", "trade", 1.5, "%", "", "外贸进出口总额增长1.5%"),
    ("2021-guangzhou", "outcome", "gdp", 2.7, "%", "", "2020年地区生产总值突破2.5万亿元，增长2.7%"),
    ("2021-guangzhou", "outcome", "jobs", 29.5, "万人", "", "新增城镇就业29.5万人，完成年度预期目标的147.5%"),
    ("2021-guangzhou", "outcome", "unemployment", 2.53, "%", "", "城镇登记失业率2.53%"),
    ("2017-guangzhou", "target", "gdp", 8, "%", "左右", "地区生产总值增长8%左右"),
    ("2017-guangzhou", "target", "revenue", 7.8, "%", "", "地方一般公共预算收入可比增长7.8%"),
    ("2017-guangzhou", "target", "exports", 2, "%", "", "商品出口总值增长2%"),
    ("2017-guangzhou", "target", "cpi", 3, "%", "控制在", "城市居民消费价格涨幅控制在3%"),
    ("2017-guangzhou", "outcome", "gdp", 8.1, "%", "", "地区生产总值预计增长8.1%"),
    ("2017-guangzhou", "outcome", "investment", 12, "%", "", "全市固定资产投资超过6000亿元，增长12%"),
    ("2024-yuexiu", "target", "gdp", 4, "%", "左右", "地区生产总值增长4.0%左右"),
    ("2024-yuexiu", "target", "revenue", 4.3, "%", "", "地方一般公共预算收入可比增长4.3%"),
    ("2024-yuexiu", "target", "trade", 1.5, "%", "", "进出口总值增长1.5%"),
    ("2024-yuexiu", "outcome", "gdp", 4.5, "%", "", "全区地区生产总值3810.24亿元，增长4.5%"),
    ("2024-yuexiu", "outcome", "retail", 8.7, "%", "", "带动社会消费品零售总额增长8.7%"),
]

# (newest subsection, earlier report, expected earlier subsection(s); None = no counterpart, reason)
JUDGED_PAIRS = [
    ("s2-2", "2023-guangzhou-summary", {"s1"}, "both headings: 坚持产业第一、制造业立市"),
    ("s2-4", "2023-guangzhou-summary", {"s4"}, "科技教育人才 ↔ 科教兴市、人才强市"),
    ("s2-8", "2023-guangzhou-summary", {"s8"}, "both build 绿美广州 (ecology)"),
    ("s2-12", "2023-guangzhou-summary", {"s10"}, "government's own work: 从严治党 ↔ 党建引领、服务型政府"),
    ("s2-11", "2023-guangzhou-summary", {"s9"}, "统筹发展和安全 ↔ 城市安全体系"),
    ("s2-6", "2023-guangzhou-summary", {"s6"}, "城乡区域协调（百千万工程） ↔ 城乡融合、乡村振兴"),
    ("s2-3", "2023-guangzhou-summary", {"s2"}, "扩内需稳外需 ↔ 扩大需求、稳定经济增长"),
    ("s2-7", "2023-guangzhou-summary", {"s5"}, "城市治理（绣花功夫） ↔ 精细治理、超大城市"),
    # The summary has no culture section; its one culture paragraph (7.4 激发文化创新创造活力) sits in 民生.
    ("s2-9", "2023-guangzhou-summary", {"s7", None}, "no culture section: 民生 (with its culture paragraph) or none"),
    ("s2-4", "2021-guangzhou", {"s3-1"}, "科技教育人才 ↔ 强化科技创新支撑能力"),
    ("s2-6", "2021-guangzhou", {"s3-7"}, "rural: 百千万工程 ↔ 强化乡村振兴示范表率作用"),
    ("s2-10", "2021-guangzhou", {"s3-8"}, "民生社会事业 ↔ 改善人民生活品质 (就业、住房、教育、健康)"),
    ("s2-12", "2021-guangzhou", {"s3-10"}, "government's own work ↔ 努力建设人民满意的服务型政府"),
    ("s2-1", "2021-guangzhou", {"s3-5"}, "粤港澳大湾区建设 ↔ 推进“双区”建设 (双区 = 大湾区 + 先行示范区)"),
    ("s2-9", "2021-guangzhou", {"s3-8"}, "no culture subsection; 推动文化繁荣发展 is paragraph 8 of 改善人民生活品质"),
    ("s2-4", "2017-guangzhou", {"s3-1"}, "科技 ↔ 加快推进创新驱动发展"),
    ("s2-2", "2017-guangzhou", {"s3-3"}, "manufacturing: 制造业立市 ↔ 着力振兴实体经济 (先进制造业)"),
    ("s2-10", "2017-guangzhou", {"s3-7"}, "民生社会事业 ↔ 推进民生社会事业提档升级"),
    ("s2-12", "2017-guangzhou", {"s3-8"}, "government's own work ↔ 加强政府自身建设"),
]


@pytest.fixture(scope="module")
def reports():
    return build_reports(CONTENT)


def _find(statements: list[Statement], kind: str, indicator: str) -> Statement:
    found = [s for s in statements if s.kind == kind and s.indicator == indicator]
    assert found, f"no {kind} for {indicator}"
    return found[0]


@pytest.mark.parametrize("slug,kind,indicator,number,unit,qualifier,sentence", HAND_READ)
def test_target_and_outcome_values_match_hand_reading(reports, slug, kind, indicator, number, unit, qualifier, sentence):
    report = next(r for r in reports if r.meta.slug == slug)
    extracted = extract_targets(report) if kind == "target" else extract_outcomes(report)
    statement = _find(extracted, kind, indicator)
    assert (statement.number, statement.unit, statement.qualifier) == (number, unit, qualifier)
    assert statement.text in sentence
    paragraph = next(p for p in report.all_paragraphs() if p.anchor == statement.anchor)
    assert sentence in paragraph.text


def test_outcome_year_is_the_year_before_the_report(reports):
    for report in reports:
        for outcome in extract_outcomes(report):
            assert outcome.year == report.meta.year - 1


def _statement(indicator: str, number, unit: str, qualifier: str, kind: str = "target") -> Statement:
    return Statement(kind, "x", "x", "city", 2024, indicator, number, unit, qualifier, "", "p1")


def test_verdict_follows_indicator_direction_and_qualifier():
    # The examples: GDP 不低于5% against 4.6% is missed; a price ceiling of 3%左右 against 1% is met.
    assert verdict(_statement("gdp", 5, "%", "不低于"), _statement("gdp", 4.6, "%", "", "outcome")) == MISSED
    assert verdict(_statement("cpi", 3, "%", "控制在…左右"), _statement("cpi", 1, "%", "", "outcome")) == MET
    assert verdict(_statement("unemployment", 3.5, "%", "控制在…以内"),
                   _statement("unemployment", 3.6, "%", "", "outcome")) == MISSED
    assert verdict(_statement("trade", None, "", "正增长"), _statement("trade", 0.3, "%", "", "outcome")) == MET
    assert verdict(_statement("income", None, "", "同步"), _statement("income", 5, "%", "", "outcome")) == NOT_COMPARABLE


def test_2023_targets_judged_against_2024_review(built_site):
    rows = json.loads(targets_download(built_site, "targets.json"))["statements"]
    judged = {(r["year"], r["indicator"]): r["verdict"] for r in rows if r["kind"] == "target" and r["region"] == "广州市"}
    assert judged[(2023, "revenue")] == MET  # 4% → 4.8%
    assert judged[(2023, "cpi")] == MET  # ceiling 3%左右 → 1%
    assert judged[(2023, "gdp")] == "no outcome"  # the 2024 review gives the level, not the growth rate


def test_alignment_against_pairs_judged_by_reading(reports):
    pairings = {(p.new.section.anchor, p.earlier.meta.slug): p for p in align(reports)}
    correct, wrong = 0, []
    for new, earlier, expected, reason in JUDGED_PAIRS:
        pairing = pairings[(new, earlier)]
        got = pairing.match.section.anchor if pairing.match else None
        if got in expected:
            correct += 1
        else:
            wrong.append(f"{new} → {earlier}: got {got} ({pairing.score}), expected {expected}: {reason}")
    accuracy = correct / len(JUDGED_PAIRS)
    assert len(JUDGED_PAIRS) >= 8
    assert accuracy >= 0.85, (f"alignment accuracy on {len(JUDGED_PAIRS)} judged pairs: {accuracy:.1%}", wrong)


def test_downloads_share_one_schema(built_site):
    folder = built_site / "compare"
    schema = json.loads((folder / "targets.schema.json").read_text(encoding="utf-8"))
    data = json.loads(targets_download(built_site, "targets.json"))
    jsonschema.validate(data, schema)
    rows = list(csv.DictReader(io.StringIO(targets_download(built_site, "targets.csv"))))
    assert len(rows) == len(data["statements"]) > 30
    assert [r["text"] for r in rows] == [s["text"] for s in data["statements"]]


def test_home_page_links_to_compare(built_site):
    soup = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one('article a[href="compare/index.html"]') is not None


def _ids(path: Path, cache: dict) -> set[str]:
    if path not in cache:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        cache[path] = {element["id"] for element in soup.select("[id]")}
    return cache[path]


def test_compare_pages_render_offline_and_every_link_lands(built_site, browser_page):
    pages = sorted((built_site / "compare").glob("*.html"))
    assert len(pages) > 10
    cache: dict = {}
    checked = 0
    for path in pages:
        browser_page.goto(path.as_uri())
        for table in browser_page.locator("article table").all():
            assert table.is_visible() and table.bounding_box()["height"] > 20, path.name
            assert table.locator("tbody tr").count() > 0
        # Chart marks are SVG links (their href is an SVGAnimatedString): resolved like HTML links.
        hrefs = browser_page.eval_on_selector_all(
            "article a[href]", "els => els.map(e => e.href.baseVal === undefined ? e.href"
                               " : new URL(e.href.baseVal, document.baseURI).href)")
        for href in hrefs:
            url = urlparse(href)
            assert url.scheme == "file", f"{path.name}: {href}"
            target = Path(unquote(url.path))
            assert target.exists(), f"{path.name}: {href}"
            if url.fragment and not url.query:  # ?q=…#y2024 is drawn by the timeline page's script (below)
                assert url.fragment in _ids(target, cache), f"{path.name}: {href}"
            checked += 1
    assert checked > 500
    assert all(url.startswith("file://") for url in browser_page.requests), browser_page.requests


def test_targets_table_in_chromium_links_to_source_paragraph(built_site, browser_page):
    browser_page.goto((built_site / "compare" / "targets.html").as_uri())
    assert browser_page.locator("table.zb-targets").count() == 2
    link = browser_page.locator("table.zb-targets a.zb-src", has_text="不低于5%").first
    link.click()
    browser_page.wait_for_load_state()
    assert browser_page.url.endswith("reports/2024-guangzhou/index.html#s2-p3")
    assert "地区生产总值增速不低于5%" in browser_page.locator("#s2-p3").inner_text()


def _live_timeline(browser_page, term: str) -> dict[int, tuple[int, list[str]]]:
    """Year → (occurrences, paragraph links) as the timeline page shows them after typing the term."""
    browser_page.fill("#zb-timeline-term", term)
    browser_page.click("#zb-timeline-form button")
    browser_page.wait_for_selector("#zb-timeline-live .zb-timeline-point")
    out = {}
    for point in browser_page.locator("#zb-timeline-live a.zb-timeline-point").all():
        year = int(point.get_attribute("data-year"))
        assert point.get_attribute("href") == f"#y{year}"
        heading = browser_page.locator(f"#zb-timeline-live #y{year}")
        count = int(heading.inner_text().split("（")[1].split("次")[0])
        links = heading.locator("xpath=following-sibling::ul[1]//a").evaluate_all("els => els.map(e => e.href)")
        out[year] = (count, links)
    return out


@pytest.mark.parametrize("term", ["一带一路", "新质生产力", "粤港澳大湾区"])
def test_term_timeline_page_draws_any_term_with_links_to_its_paragraphs(built_site, browser_page, reports, term):
    """Issue 15 item 4: a term typed on the page is drawn from the search index offline; every point
    links to its year's paragraphs, which land on the report paragraphs; counts as term_timeline's."""
    index = BeautifulSoup((built_site / "compare" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert index.select_one('article a[href="timeline.html"]') is not None
    browser_page.goto((built_site / "compare" / "timeline.html").as_uri())
    shown = _live_timeline(browser_page, term)
    expected = {p.year: p.count for p in term_timeline(term, reports) if p.count}
    assert {year: count for year, (count, _) in shown.items()} == expected
    cache: dict = {}
    for _, links in shown.values():
        assert links
        for href in links:
            url = urlparse(href)
            target = Path(unquote(url.path))
            assert target.exists() and url.fragment in _ids(target, cache), href
            assert target.parent.parent.name == "reports"
    browser_page.locator("#zb-timeline-live a.zb-timeline-point").first.click()
    assert browser_page.url.endswith(f"#y{min(shown)}")
    assert all(url.startswith("file://") for url in browser_page.requests), browser_page.requests


def test_term_timeline_examples_drawn_in_advance_link_to_the_live_years(built_site, browser_page):
    page = built_site / "compare" / "timeline.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    dots = soup.select("article figure.zb-timeline svg a")
    assert dots, "新质生产力 is in the 2024 reports: its example is drawn"
    browser_page.goto(page.as_uri())
    browser_page.locator("article figure.zb-timeline svg a").last.click()
    year = browser_page.url.rsplit("#y", 1)[1]
    browser_page.wait_for_selector(f"#zb-timeline-live #y{year}")
    assert browser_page.locator(f"#zb-timeline-live #y{year} + ul a").count() > 0
    assert browser_page.input_value("#zb-timeline-term") in {"改革开放", "供给侧结构性改革", "新质生产力"}


def test_compare_pages_speak_to_readers_in_chinese(built_site):
    """Issue 16 point 4: no tool names or raw similarity scores on the comparison pages."""
    for path in sorted((built_site / "compare").glob("*.html")):
        text = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article").get_text()
        for word in ("议题指定", "jieba", "TF-IDF", "OpenCC", "相似度", "余弦"):
            assert word not in text, f"{path.name}: {word}"
