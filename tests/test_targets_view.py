"""Issue 15, the targets view: a section per region with unique ids (case 10), charts whose every
mark links to its paragraph, a table with years as rows that reads on a 375 px phone with its header
in view, printable on few pages; links on the 对比 pages labelled for people."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from bs4 import BeautifulSoup

from .conftest import run_build, targets_download

CASES = Path(__file__).resolve().parent / "cases"


def _build_case(tmp_path_factory, case: str) -> Path:
    site = tmp_path_factory.mktemp(case) / "site"
    result = run_build("--content", str(CASES / case), "--site", str(site))
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def case10_site(tmp_path_factory) -> Path:
    return _build_case(tmp_path_factory, "10")


@pytest.fixture(scope="module")
def national_site(tmp_path_factory) -> Path:
    return _build_case(tmp_path_factory, "national-targets")


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _duplicate_ids(site: Path) -> dict[str, list[str]]:
    found = {}
    for path in sorted(site.rglob("*.html")):
        counts = Counter(element["id"] for element in _soup(path).select("[id]"))
        duplicates = [name for name, count in counts.items() if count > 1]
        if duplicates:
            found[str(path.relative_to(site))] = duplicates
    return found


def test_case10_two_cities_get_two_ids_and_two_toc_entries(case10_site):
    soup = _soup(case10_site / "compare" / "targets.html")
    headings = [(h.get("id"), h.get_text().rstrip("¶")) for h in soup.select("article h2")]
    assert sorted(headings) == [("r-a", "示例市（市级）"), ("r-b", "样例市（市级）")]
    toc = [a["href"] for a in soup.select(".md-nav--secondary a")]
    assert sorted(set(toc)) == ["#r-a", "#r-b"]


def test_no_page_has_a_duplicate_id(built_site, case10_site, national_site):
    for site in (built_site, case10_site, national_site):
        assert _duplicate_ids(site) == {}, site


def _paragraph_text(site: Path, href: str, page: Path) -> str:
    url = urlparse(href)
    target = (page.parent / unquote(url.path)).resolve()
    element = _soup(target).find(id=url.fragment)
    assert element is not None, href
    return element.get_text()


def test_every_chart_mark_links_to_the_paragraph_that_states_it(national_site):
    page = national_site / "compare" / "targets.html"
    soup = _soup(page)
    region = soup.select_one('div.zb-region[data-region="national"]')
    charts = region.select("svg.zb-target-chart")
    assert len(charts) >= 6
    checked = 0
    for chart in charts:
        for mark in chart.select("a"):
            title = mark.title.get_text()
            value = title.split(" ", 1)[1].split("（")[0]
            assert value in _paragraph_text(national_site, mark["href"], page), title
            checked += 1
    assert checked > 60
    gdp = region.select_one('figure svg[aria-label$="国内/地区生产总值：目标与实际"]')
    band = next(a for a in gdp.select("a") if a.title.get_text().startswith("2016年目标"))
    assert band.rect is not None and "6.5%－7%" in band.title.get_text()  # a range is a band
    cpi = region.select_one('figure svg[aria-label$="居民消费价格涨幅：目标与实际"]')
    assert cpi.select("line.zb-ceiling") and not cpi.select("line.zb-line")  # prices: a ceiling
    assert len(gdp.select("circle.zb-dot")) >= 10  # outcomes as dots


def test_table_has_years_as_rows_and_cells_link_their_paragraphs(national_site):
    page = national_site / "compare" / "targets.html"
    table = _soup(page).select_one('div.zb-region[data-region="national"] table.zb-targets')
    years = [th.get_text() for th in table.select("tbody th[scope=row]")]
    assert years == sorted(years) and "2016" in years and "2023" in years
    cell = table.select_one('td[data-year="2016"][data-indicator="gdp"]')
    target = cell.select_one("a.zb-target")
    assert target.get_text() == "6.5%－7%" and "第" in target["title"] and "段" in target["title"]
    assert "6.5%－7%" in _paragraph_text(national_site, target["href"], page)
    assert cell.select_one(".zb-verdict")["title"].startswith("越高越好")


def test_targets_markup_says_once_what_repeats(national_site):
    """Bytes (docs/scale.md, session 8): a chart's grid is one path, a line per y tick, and its tick
    labels are grouped under one class and anchor; a cell with a note alone is that note; targets.json
    holds a statement a line, compact, and the same statements as the CSV."""
    folder = national_site / "compare"
    soup = _soup(folder / "targets.html")
    for svg in soup.select("svg.zb-target-chart"):
        grid = svg.select("path.zb-grid")
        labels = svg.select('g.zb-axis[text-anchor="end"] text')
        assert len(grid) == 1 and grid[0]["d"].count("M") == len(labels) >= 2
        assert svg.select('g.zb-axis[text-anchor="middle"] text') and not svg.select("line.zb-grid")
    table = soup.select_one('div.zb-region[data-region="national"] table.zb-targets')
    notes = table.select("td.zb-none")
    assert notes and all(td.get_text() in ("未列目标", "无报告") and not td.find() for td in notes)
    assert all(span.find_parent("td").select_one(".zb-out") for span in table.select("td span.zb-none"))
    lines = targets_download(folder.parent, "targets.json").splitlines()
    assert lines[0] == '{"schema":"targets.schema.json","statements":[' and lines[-1] == "]}"
    statements = [json.loads(line.rstrip(",")) for line in lines[1:-1]]
    rows = list(csv.DictReader(io.StringIO(targets_download(folder.parent, "targets.csv"))))
    assert len(statements) == len(rows) > 50
    assert [(s["year"], s["indicator"], s["kind"]) for s in statements] == \
        [(int(r["year"]), r["indicator"], r["kind"]) for r in rows]


def test_table_reads_on_a_375px_phone_with_its_header_in_view(national_site, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.goto((national_site / "compare" / "targets.html").as_uri())
    box = page.locator('div.zb-region[data-region="national"] .zb-table-scroll')
    box.scroll_into_view_if_needed()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 375  # the page never scrolls sideways
    headers = box.locator("thead th")
    for index in range(headers.count()):
        width = headers.nth(index).bounding_box()["width"]
        assert width >= 40, headers.nth(index).inner_text()  # never one character per line
    box.evaluate("element => { element.scrollTop = 400; element.scrollLeft = 150; }")
    page.wait_for_timeout(100)
    top = box.bounding_box()["y"]
    header = box.locator("thead th").nth(3).bounding_box()
    assert abs(header["y"] - top) < 3  # the header stays at the top of the box while rows scroll
    year_cell = box.locator("tbody th").nth(12).bounding_box()
    assert abs(year_cell["x"] - box.bounding_box()["x"]) < 3  # the year column stays in view
    context.close()


def test_targets_page_prints_on_few_pages_without_a_scroll_box(national_site, browser):
    page = browser.new_page()
    page.goto((national_site / "compare" / "targets.html").as_uri())
    page.emulate_media(media="print")
    overflow = page.eval_on_selector(".zb-table-scroll", "e => getComputedStyle(e).overflowY")
    assert overflow == "visible"
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 8, pages
    page.close()


def test_compare_links_are_labelled_for_people(built_site):
    labels = []
    for path in (built_site / "compare").glob("theme-*.html"):
        labels += [a.get_text() for a in _soup(path).select("ul.zb-snippets li > a")]
    assert labels and all(re.fullmatch(r".*第\d+[a-z]?段", label) for label in labels), labels[:5]
    assert not any(re.search(r"\bs\d+(-\d+)*-p\d+", label) for label in labels)
