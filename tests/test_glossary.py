"""Glossary: the district report's 名词解释 as a page, and every term in every report explained.

Counts are checked against an independent method: plain `str.count` over each paragraph's
shown text, normalised with OpenCC character by character (not zhengbao's phrase conversion),
keys taken longest first and blanked out once counted. The curated key table is the spec.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import opencc
import pytest
import yaml
from bs4 import BeautifulSoup

from .conftest import CONTENT, SLUGS, article, copy_content, run_build
from .conftest import page as parse_page

SOURCE = "2024-yuexiu"
TABLE = yaml.safe_load((CONTENT / "glossary-keys.yml").read_text(encoding="utf-8"))["glossaries"][SOURCE]
ENTRIES = {row["n"]: row for row in TABLE}
T2S = opencc.OpenCC("t2s")
TRADITIONAL = {"2023-guangzhou-summary"}


@lru_cache(maxsize=32)
def page(site: Path, slug: str) -> BeautifulSoup:
    """A report page, parsed once per site (tests only read it)."""
    return parse_page(site, slug)


@lru_cache(maxsize=8)
def glossary(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "glossary" / "index.html").read_text(encoding="utf-8"), "html.parser")


def shown_text(element) -> str:
    """A paragraph's visible report text: without its ¶ link mark."""
    copy = BeautifulSoup(str(element), "html.parser")
    for mark in copy.select(".zb-mark, .zb-added"):
        mark.decompose()
    return copy.get_text("")


def normalise(text: str, slug: str) -> str:
    if slug not in TRADITIONAL:
        return text
    return "".join(T2S.convert(char) if len(T2S.convert(char)) == 1 else char for char in text)


def count_keys(text: str) -> Counter:
    """Occurrences per entry number by plain string search, longest key first, each counted once."""
    keys = sorted(((key, n) for n, row in ENTRIES.items() for key in row["keys"]), key=lambda kn: -len(kn[0]))
    counts: Counter = Counter()
    for key, number in keys:
        at = text.find(key)
        while at != -1:
            end = at + len(key)
            latin_edge = (key[0].isascii() and at > 0 and text[at - 1].isascii() and text[at - 1].isalnum()) or (
                key[-1].isascii() and end < len(text) and text[end].isascii() and text[end].isalnum())
            if not latin_edge:
                counts[number] += 1
                text = text[:at] + "\0" * len(key) + text[end:]
            at = text.find(key, end)
    return counts


def body_paragraphs(soup: BeautifulSoup):
    """Report paragraphs outside the annex (the annex holds the definitions themselves)."""
    return [p for p in article(soup).select("p.zb-p") if not p["id"].startswith("annex")]


def entry_number(href: str) -> int:
    return int(href.rsplit("-", 1)[1])


@lru_cache(maxsize=32)
def marks_by_entry(site: Path, slug: str) -> Counter:
    soup = page(site, slug)
    return Counter(entry_number(a["href"]) for p in body_paragraphs(soup) for a in p.select("a.zb-term"))


@lru_cache(maxsize=32)
def independent_counts(site: Path, slug: str) -> Counter:
    total: Counter = Counter()
    for paragraph in body_paragraphs(page(site, slug)):
        total += count_keys(normalise(shown_text(paragraph), slug))
    return total


# --- the glossary page -------------------------------------------------------------------------

def test_glossary_page_lists_all_42_entries_numbered_as_in_source(built_site):
    soup = glossary(built_site)
    headings = soup.select("article h3[id^='g-']")
    assert [h["id"] for h in headings] == [f"g-{SOURCE}-{n}" for n in range(1, 43)]
    for heading, n in zip(headings, range(1, 43), strict=True):
        assert heading.get_text("").startswith(f"{n}. {ENTRIES[n]['term'][:2]}")


@pytest.mark.parametrize("number", range(1, 43))
def test_glossary_entry_has_full_definition_from_annex(built_site, number):
    """The definition equals the annex paragraph after its term (lines rejoined, nothing lost)."""
    annex = page(built_site, SOURCE).select_one(f"#annex-p{number}")
    source = re.sub(r"^\d+\.\s*[^：:]+[：:]\s*", "", shown_text(annex)).strip()
    definition = glossary(built_site).select_one(f"#g-{SOURCE}-{number}").find_next("p", class_="zb-glossary-def")
    assert shown_text(definition).strip() == source


def test_multi_line_definitions_are_complete(built_site):
    soup = glossary(built_site)
    endings = {4: "转化为广东省高质量发展的潜力板。", 21: "属地税务所科级干部担任服务专员。", 28: "越秀先锋、越秀智库。"}
    for number, ending in endings.items():
        definition = soup.select_one(f"#g-{SOURCE}-{number}").find_next("p", class_="zb-glossary-def")
        assert shown_text(definition).strip().endswith(ending)


def test_glossary_definitions_link_other_terms_without_tooltips(built_site):
    soup = glossary(built_site)
    assert not soup.select("article .zb-glossary-def a.zb-term"), "no tooltips inside definitions"
    links = soup.select("article .zb-glossary-def a.zb-term-link")
    assert links, "definitions mention other entries (e.g. #2 mentions 省委“1310”具体部署)"
    for link in links:
        own = link.find_previous("h3")["id"]
        assert link["href"] != f"#{own}", "an entry never links itself"
        assert soup.select_one(link["href"]) is not None


def test_glossary_is_in_navigation_and_linked_from_home(built_site):
    home = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("article a[href='glossary/index.html']") is not None
    assert home.select_one("nav a[href='glossary/index.html']") is not None


# --- marks in the reports ----------------------------------------------------------------------

@pytest.mark.parametrize("slug", SLUGS)
def test_marked_count_per_term_equals_independent_count(built_site, slug):
    assert marks_by_entry(built_site, slug) == independent_counts(built_site, slug)


@pytest.mark.parametrize("number", range(1, 43))
def test_each_entry_marked_as_often_as_it_occurs(built_site, number):
    marked = sum(marks_by_entry(built_site, slug)[number] for slug in SLUGS)
    expected = sum(independent_counts(built_site, slug)[number] for slug in SLUGS)
    assert marked == expected
    uses = glossary(built_site).select_one(f"#g-{SOURCE}-{number}").find_next("div", class_="zb-glossary-uses")
    assert int(uses.get("data-total", 0)) == marked


def test_each_key_differing_from_the_term_has_a_reason():
    for row in TABLE:
        term = re.sub(r"\s+", "", row["term"])
        if row["keys"] != [term] and row["keys"] != [term, term.replace("“", "").replace("”", "")]:
            assert row.get("note"), f"entry {row['n']}: curated keys {row['keys']} need a note"


@pytest.mark.parametrize("slug", SLUGS)
def test_nothing_else_is_marked(built_site, slug):
    """Every mark's text is one of its entry's keys; marks only in paragraphs, never nested."""
    soup = page(built_site, slug)
    for mark in article(soup).select("a.zb-term"):
        assert normalise(mark.get_text(""), slug) in ENTRIES[entry_number(mark["href"])]["keys"]
        assert mark.find_parent("p", class_="zb-p") is not None
        assert not mark.select("a"), "no nested marks"
        assert mark.find_parent("a") is None
    assert not article(soup).select("h1 a.zb-term, h2 a.zb-term, h3 a.zb-term, h4 a.zb-term")


def test_marks_in_expected_reports(built_site):
    """The examples of the issue: 百千万工程 (2024 city), 小巨人企业 (2017), 專精特新 (2023 traditional)."""
    assert marks_by_entry(built_site, "2024-guangzhou")[4] == 1
    assert marks_by_entry(built_site, "2017-guangzhou")[13] == 3
    summary = article(page(built_site, "2023-guangzhou-summary"))
    traditional = [a for a in summary.select("a.zb-term") if a.get_text("") == "專精特新"]
    assert len(traditional) == 1
    assert "专业化、精细化、特色化、新颖化" in traditional[0]["title"]


def test_annex_of_the_district_report_links_other_terms_only(built_site):
    soup = page(built_site, SOURCE)
    annex = article(soup).select("p.zb-p[id^='annex-p']")
    assert len(annex) == 42
    for paragraph in annex:
        assert not paragraph.select("a.zb-term")
        for link in paragraph.select("a.zb-term-link"):
            assert not link["href"].endswith(f"-{paragraph['id'].removeprefix('annex-p')}")


def test_back_links_land_on_paragraphs_containing_the_term(built_site):
    soup = glossary(built_site)
    links = soup.select("article .zb-glossary-uses a")
    assert len(links) >= 60
    for link in links:
        number = entry_number(link.find_previous("h3")["id"])
        target, anchor = link["href"].removeprefix("../reports/").split("/index.html#")
        paragraph = page(built_site, target).select_one(f"#{anchor}")
        text = normalise(shown_text(paragraph), target)
        assert any(key in text for key in ENTRIES[number]["keys"]), (link["href"], number)


# --- faithfulness ------------------------------------------------------------------------------

def test_definition_with_markup_characters_renders_as_text(tmp_path, browser_page):
    """A definition is text: "<b>" in it shows as "<b>", in the page and in the tooltip."""
    content = copy_content(tmp_path)
    report = content / "2024-yuexiu.txt"
    report.write_text(report.read_text(encoding="utf-8").replace(
        "3.港澳药械通：指在", "3.港澳药械通：<b>粗</b>&amp;指在"), encoding="utf-8")
    site = tmp_path / "site"
    result = run_build("--content", str(content), "--site", str(site))
    assert result.returncode == 0, result.stderr
    definition = glossary(site).select_one(f"#g-{SOURCE}-3").find_next("p", class_="zb-glossary-def")
    assert "<b>粗</b>&amp;指在" in definition.get_text("") and not definition.select("b")
    browser_page.goto((site / "reports" / "2024-yuexiu" / "index.html").as_uri())
    term = browser_page.locator("a.zb-term", has_text="港澳药械通").first
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = browser_page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert "<b>粗</b>&amp;指在" in tooltip.inner_text()
    assert tooltip.locator("b").count() == 0


def test_build_is_deterministic_with_glossary(tmp_path, built_site):
    site = tmp_path / "again"
    assert run_build("--content", str(CONTENT), "--site", str(site)).returncode == 0
    for name in ["glossary/index.html", "reports/2024-yuexiu/index.html", "reports/2023-guangzhou-summary/index.html"]:
        assert (site / name).read_bytes() == (built_site / name).read_bytes(), name


# --- in Chromium, from file:// -----------------------------------------------------------------

def open_report(browser_page, site: Path, slug: str):
    browser_page.goto((site / "reports" / slug / "index.html").as_uri())
    return browser_page


def active_tooltip_text(browser_page) -> str:
    tooltip = browser_page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    return tooltip.inner_text()


def test_hovering_a_term_shows_its_definition(built_site, browser_page):
    open_report(browser_page, built_site, "2024-guangzhou")
    term = browser_page.locator("a.zb-term", has_text="百千万工程").first
    term.scroll_into_view_if_needed()
    term.hover()
    assert "百县千镇万村高质量发展工程" in active_tooltip_text(browser_page)
    assert all(url.startswith("file://") for url in browser_page.requests)


def test_focusing_a_term_with_the_keyboard_shows_its_definition(built_site, browser_page):
    open_report(browser_page, built_site, "2024-yuexiu")
    first = browser_page.locator("article a.zb-term").first
    # Tab from the element before the first term, as a keyboard user would.
    browser_page.evaluate("el => { const p = el.closest('p'); p.tabIndex = -1; p.focus(); }", first.element_handle())
    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("() => document.activeElement.classList.contains('zb-term')")
    assert "中国共产党广东省第十三届委员会第三次全体会议" in active_tooltip_text(browser_page)


def test_term_in_traditional_text_has_tooltip(built_site, browser_page):
    open_report(browser_page, built_site, "2023-guangzhou-summary")
    term = browser_page.locator("a.zb-term", has_text="專精特新")
    term.focus()
    assert "专业化、精细化、特色化、新颖化" in active_tooltip_text(browser_page)


def test_clicking_a_term_reaches_its_glossary_entry(built_site, browser_page):
    open_report(browser_page, built_site, "2017-guangzhou")
    browser_page.locator("a.zb-term", has_text="小巨人企业").first.click()
    browser_page.wait_for_url("**/glossary/index.html#g-2024-yuexiu-13")
    heading = browser_page.locator(":target")
    assert heading.get_attribute("id") == "g-2024-yuexiu-13"
    assert "“小巨人”企业" in heading.inner_text()
    assert heading.is_visible()


def test_tapping_a_term_shows_definition_then_second_tap_follows(built_site, browser):
    context = browser.new_context(viewport={"width": 400, "height": 800}, has_touch=True, is_mobile=True)
    try:
        touch_page = context.new_page()
        touch_page.goto((built_site / "reports" / "2024-yuexiu" / "index.html").as_uri())
        term = touch_page.locator("a.zb-term", has_text="智税圈")
        term.scroll_into_view_if_needed()
        term.tap()
        assert "打造智税服务站点" in active_tooltip_text(touch_page)
        assert touch_page.url.endswith("/reports/2024-yuexiu/index.html")
        term.tap()
        touch_page.wait_for_url("**/glossary/index.html#g-2024-yuexiu-10")
    finally:
        context.close()


def test_back_links_in_browser_land_on_the_paragraph(built_site, browser_page):
    """Every back-link of 百千万工程 and 专精特新 reaches its paragraph, which shows the term."""
    for number, shown in [(4, ["百千万工程", "百县千镇万村高质量发展工程"]), (12, ["专精特新", "專精特新"])]:
        browser_page.goto((built_site / "glossary" / "index.html").as_uri())
        hrefs = browser_page.locator(f"#g-{SOURCE}-{number}").evaluate(
            "h => { let e = h.nextElementSibling;"
            " while (!e.classList.contains('zb-glossary-uses')) e = e.nextElementSibling;"
            " return [...e.querySelectorAll('a')].map(a => a.href); }")
        assert hrefs
        for href in hrefs:
            browser_page.goto(href)
            target = browser_page.locator(":target")
            assert target.is_visible()
            assert any(term in target.inner_text() for term in shown), href


def district_report(region: str, year: int, definition: str | None) -> str:
    """A short district report using 百千万工程, with its own annex definition when given."""
    text = f"{year}年{region}政府工作报告\n各位代表：\n一、{year - 1}年工作回顾\n全区深入实施百千万工程。\n"
    return text + (f"附件：\n名词解释\n1.百千万工程：{definition}\n" if definition else "")


def test_a_term_defined_by_many_annexes_shows_the_nearest_definitions_and_counts_the_others(tmp_path):
    """Five annexes define one term: a tooltip shows one definition, the nearest (the reader's own,
    else the same region's nearest year, else the newest elsewhere), and says how many more the
    glossary page has; the mark links to it; the glossary page keeps all five."""
    reports = [("海珠区", 2022, "海珠区2022年的解释。"), ("海珠区", 2024, "海珠区2024年的解释。"),
               ("越秀区", 2023, "越秀区2023年的解释。"), ("天河区", 2024, "天河区2024年的解释。"),
               ("番禺区", 2021, "番禺区2021年的解释。"), ("海珠区", 2025, None), ("白云区", 2025, None)]
    content = tmp_path / "content"
    content.mkdir()
    entries = []
    for index, (region, year, definition) in enumerate(reports):
        slug = f"r{index}"
        (content / f"{slug}.txt").write_text(district_report(region, year, definition), encoding="utf-8")
        entries.append(f"  - file: {slug}.txt\n    slug: {slug}\n    year: {year}\n    region: {region}\n"
                       "    level: district\n")
    (content / "reports.yml").write_text("reports:\n" + "".join(entries), encoding="utf-8")
    site = tmp_path / "site"
    result = run_build("--content", str(content), "--site", str(site))
    assert result.returncode == 0, result.stderr

    def mark(slug: str):
        marks = parse_page(site, slug).select("a.zb-term")
        assert [m.get_text() for m in marks] == ["百千万工程"]
        return marks[0]

    own = mark("r1")  # 2024 海珠区, defines it itself
    assert own["title"] == "【2024 海珠区】百千万工程：海珠区2024年的解释。\n\n另有 4 条释义，见名词解释页。"
    # The line break is a character reference: the paragraph's line stays one line of HTML, which
    # Python-Markdown stashes whole instead of giving the rest of the page to html.parser.
    raw = (site / "reports" / "r1" / "index.html").read_text(encoding="utf-8")
    assert "解释。&amp;#10;&amp;#10;另有" not in raw and "解释。&#10;&#10;另有 4 条" in raw
    assert own["href"].endswith("#g-r1-1")
    same_region = mark("r5")  # 2025 海珠区, no annex: 2024 is nearer than 2022
    assert same_region["title"].startswith("【2024 海珠区】百千万工程：海珠区2024年的解释。\n\n另有 4 条")
    assert same_region["href"].endswith("#g-r1-1")
    nearest_earlier = mark("r0")  # 2022 海珠区 defines it too: its own annex, not the newer 2024
    assert nearest_earlier["title"].startswith("【2022 海珠区】") and nearest_earlier["href"].endswith("#g-r0-1")
    elsewhere = mark("r6")  # 2025 白云区: no annex in its region, the newest first (2024: 海珠区 before 天河区)
    assert elsewhere["title"] == "【2024 海珠区】百千万工程：海珠区2024年的解释。\n\n另有 4 条释义，见名词解释页。"
    assert mark("r2")["title"].startswith("【2023 越秀区】")  # each annex's own reader sees its own first
    glossary = BeautifulSoup((site / "glossary" / "index.html").read_text(encoding="utf-8"), "html.parser").get_text()
    for _, _, definition in reports[:5]:
        assert definition in glossary
