"""A reading experience people choose over the PDF: phone widths, lang, 繁简 toggle, paragraph
numbers, print, downloads validated against their schema, provenance, the home timeline."""

from __future__ import annotations

import json
import re
import zipfile

import jsonschema
import pytest
from bs4 import BeautifulSoup

from .conftest import SLUGS, article, download, page


def pages(site):
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def test_no_page_scrolls_sideways_on_a_phone(built_site, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    too_wide = []
    checked = 0
    for path in pages(built_site):
        tab.goto(path.as_uri())
        width = tab.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        checked += 1
        if width[0] > width[1]:
            too_wide.append((str(path.relative_to(built_site)), width))
    context.close()
    assert checked >= 10 and too_wide == []


def test_lang_attributes(built_site):
    for slug in SLUGS:
        html = (built_site / "reports" / slug / "index.html").read_text(encoding="utf-8")
        expected = "zh-Hant" if slug == "2023-guangzhou-summary" else "zh-Hans"
        assert f'<html lang="{expected}"' in html
    assert '<html lang="zh-Hans"' in (built_site / "index.html").read_text(encoding="utf-8")


def test_traditional_toggle_switches_text_and_back(built_site, browser_page):
    browser_page.goto((built_site / "reports" / "2023-guangzhou-summary" / "index.html").as_uri())
    paragraph = browser_page.locator("#s1-p1")
    original = paragraph.inner_text()
    assert "增強製造業核心競爭力" in original or "增強制造業核心競爭力" in original
    assert browser_page.evaluate("document.documentElement.lang") == "zh-Hant"
    heading = browser_page.locator("h2#s1")
    assert "堅持產業第一" in heading.inner_text()
    button = browser_page.locator("button.zb-toggle-script")
    button.click()
    simplified = paragraph.inner_text()
    assert "增强制造业核心竞争力" in simplified and "競爭" not in simplified
    assert "坚持产业第一" in heading.inner_text()
    assert browser_page.evaluate("document.documentElement.lang") == "zh-Hans"
    assert button.get_attribute("aria-pressed") == "true"
    button.click()
    assert paragraph.inner_text() == original and "堅持產業第一" in heading.inner_text()
    assert browser_page.evaluate("document.documentElement.lang") == "zh-Hant"


@pytest.mark.parametrize("slug", ["2024-guangzhou", "2021-guangzhou"])
def test_paragraph_numbers_shown_equal_anchor_numbers(built_site, browser_page, slug):
    browser_page.goto((built_site / "reports" / slug / "index.html").as_uri())
    shown = browser_page.evaluate("""() => Array.from(document.querySelectorAll('article p.zb-p')).map(p =>
        [p.id, getComputedStyle(p, '::before').content.replace(/"/g, ''), getComputedStyle(p, '::before').display])""")
    assert len(shown) > 50
    for anchor, number, display in shown:
        assert number == re.sub(r"^.*p", "", anchor), anchor
        assert display != "none"


def test_print_hides_navigation_and_prints_numbers(built_site, browser_page):
    browser_page.goto((built_site / "reports" / "2024-guangzhou" / "index.html").as_uri())
    browser_page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".zb-others"):
        assert not browser_page.locator(selector).first.is_visible(), selector
    before = browser_page.evaluate("getComputedStyle(document.querySelector('#s2-3-p4'), '::before').content")
    assert before == '"¶" "4" " "' or "4" in before
    provenance = browser_page.locator(".zb-provenance").inner_text()
    assert "非官方阅读本" in provenance and "下载" not in provenance and "·" not in provenance  # no "下载： · ·"
    browser_page.emulate_media(media="screen")
    assert browser_page.locator(".md-header").is_visible()


PRINT_FOOTER = """() => [...document.querySelectorAll('style')].flatMap(style => [...style.sheet.cssRules])
    .filter(rule => rule instanceof CSSPageRule).flatMap(rule => [...rule.cssRules])
    .map(margin => [margin.name, margin.style.content])"""


def test_every_page_prints_its_address_not_a_local_path(built_site, browser_page):
    """Each page's print footer (a page margin box, as Chromium parsed it) gives the site's name and the
    page's path without site_url (tests/test_reading_polish.py checks the published URL with it)."""
    checked = []
    for path in pages(built_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        folder = path.relative_to(built_site).as_posix().removesuffix("index.html")
        address = soup.select_one("#zb-address")
        assert address is not None and address["data-base"] == "" and address["data-page"] == folder, path
        checked.append(path)
    assert len(checked) > 20
    for path in (checked[0], built_site / "reports" / "2024-yuexiu" / "index.html", built_site / "glossary" / "index.html"):
        browser_page.goto(path.as_uri())
        browser_page.emulate_media(media="print")
        footer = dict(browser_page.evaluate(PRINT_FOOTER))
        folder = path.relative_to(built_site).as_posix().removesuffix("index.html")
        assert footer["bottom-left"] == f'"政报 · 政府工作报告阅读 · {folder or "首页"}"', footer
        assert "counter(page)" in footer["bottom-right"] and "file:" not in str(footer)


def pdf_pages(tab) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", tab.pdf(format="A4", prefer_css_page_size=True)))


@pytest.mark.parametrize("slug", ["2024-guangzhou", "2024-yuexiu"])
def test_printing_leaves_no_half_empty_pages(built_site, browser_page, slug):
    """A long paragraph breaks across pages instead of leaving the page before it half empty: the
    report prints on as many pages as with every paragraph free to break; headings keep with their
    first paragraph."""
    browser_page.goto((built_site / "reports" / slug / "index.html").as_uri())
    browser_page.emulate_media(media="print")
    assert browser_page.evaluate("getComputedStyle(document.querySelector('article h2')).breakAfter") == "avoid"
    printed = pdf_pages(browser_page)
    browser_page.add_style_tag(content=".md-typeset .zb-p { break-inside: auto !important; }")
    assert printed == pdf_pages(browser_page)


@pytest.fixture(scope="module")
def schema(built_site):
    return json.loads((built_site / "downloads" / "reports.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("slug", SLUGS)
def test_downloads_resolve_and_json_holds_every_paragraph(built_site, schema, slug):
    soup = page(built_site, slug)
    links = {a.get_text(): a["href"] for a in article(soup).select(".zb-provenance a")}
    folder = built_site / "reports" / slug
    for label in ("纯文本与结构化 JSON（zip）", "全部报告目录 JSON", "清理记录"):
        href = next((h for text, h in links.items() if text.startswith(label)), None)
        if label == "清理记录" and "本篇无需清理" in article(soup).select_one(".zb-provenance").get_text():
            assert href is None and not (folder / "repairs.html").exists()  # nothing repaired, no empty record
            continue
        assert href and (folder / href).resolve().is_file(), href
    data = json.loads(download(built_site, slug, "json"))
    jsonschema.validate(data, schema)
    (report,) = data["reports"]

    def paragraphs(sections):
        for section in sections:
            yield from section["paragraphs"]
            yield from paragraphs(section["subsections"])

    in_json = [(p["anchor"], p["text"]) for p in report["preamble"]] + \
              [(p["anchor"], p["text"]) for p in paragraphs(report["sections"])]
    on_page = []
    for element in article(soup).select("p.zb-p"):
        for extra in element.select(".zb-mark, .zb-simp"):
            extra.decompose()
        on_page.append((element["id"], re.sub(r"\s+", "", element.get_text(""))))
    assert [(a, re.sub(r"\s+", "", t)) for a, t in in_json] == on_page
    text = download(built_site, slug, "txt")
    for _anchor, paragraph in in_json:
        assert paragraph in text


def test_the_catalogue_lists_every_report_with_its_files(built_site, schema):
    """downloads/reports.json lists the reports instead of copying them: each row's metadata is its
    report's own JSON's, its paths resolve, its paragraph count is its JSON's; it validates against
    the same schema file, and a row missing a field does not."""
    data = json.loads((built_site / "downloads" / "reports.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["schema"] == "zhengbao-catalogue/1"
    assert [r["slug"] for r in data["reports"]] == SLUGS

    def count(sections):
        return sum(len(s["paragraphs"]) + count(s["subsections"]) for s in sections)

    for row in data["reports"]:
        for field in ("zip", "page", "repairs"):
            assert (built_site / row[field]).is_file() or field == "repairs" and row[field] == "", row[field]
        with zipfile.ZipFile(built_site / row["zip"]) as archive:
            assert archive.namelist() == [row["json"], row["text"]]
            (report,) = json.loads(archive.read(row["json"]))["reports"]
        assert {k: v for k, v in report.items() if k in row} == {k: row[k] for k in report if k in row}
        assert row["paragraphs"] == len(report["preamble"]) + count(report["sections"]) > 0
    broken = json.loads(json.dumps(data))
    broken["reports"][0].pop("json")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
    broken = json.loads(download(built_site, SLUGS[0], "json"))
    broken["reports"][0]["sections"][0]["paragraphs"][0].pop("anchor")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_provenance_and_repairs_page(built_site):
    soup = page(built_site, "2024-yuexiu")
    provenance = article(soup).select_one(".zb-provenance").get_text()
    assert "非官方阅读本" in provenance and "来源" not in provenance  # no source_url given: nothing invented
    repairs = BeautifulSoup((built_site / "reports" / "2024-yuexiu" / "repairs.html").read_text(encoding="utf-8"),
                            "html.parser")
    rows = repairs.select(".zb-repairs tbody tr")
    assert len(rows) == len(re.findall(r"^\S+:\d+: ", _explain("2024-yuexiu"), flags=re.M))
    assert any("join_broken_lines" in row.get_text() for row in rows)


def _explain(slug: str) -> str:
    from .conftest import CONTENT, run_build

    result = run_build("--content", str(CONTENT), "--explain", slug)
    assert result.returncode == 0
    return result.stdout


def test_source_url_shown_only_when_given(tmp_path):
    from .conftest import run_build

    content = tmp_path / "content"
    content.mkdir()
    (content / "a.txt").write_text("各位代表：\n一、回顾\n经济平稳。\n", encoding="utf-8")
    (content / "reports.yml").write_text(
        "reports:\n  - file: a.txt\n    slug: a\n    year: 2024\n    region: 某区\n    level: district\n"
        "    source_url: https://example.gov.cn/report.html\n    retrieved: 2024-03-01\n", encoding="utf-8")
    assert run_build("--content", str(content), "--site", str(tmp_path / "site")).returncode == 0
    provenance = article(page(tmp_path / "site", "a")).select_one(".zb-provenance")
    assert provenance.select_one('a[href="https://example.gov.cn/report.html"]') is not None
    assert "2024-03-01 获取" in provenance.get_text()


def test_home_timeline_and_related_sections(built_site):
    home = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = home.select(".zb-timeline tbody tr")
    assert [row.th.get_text() for row in rows] == ["广州市市级", "越秀区区级"]
    cards = home.select(".zb-timeline .zb-card")
    assert len(cards) == 5 and all("段" in card.get_text() and "术语" in card.get_text() for card in cards)
    for href in ("compare/targets.html", "compare/themes.html", "compare/plans.html", "glossary/index.html"):
        assert home.select_one(f'a[href="{href}"]') is not None and (built_site / href).is_file()
    related = article(page(built_site, "2024-guangzhou")).select("h3 + p.zb-related")
    assert len(related) >= 8
    for link in related[0].select("a"):
        slug, anchor = re.match(r"\.\./([^/]+)/index\.html#(.+)", link["href"]).groups()
        assert page(built_site, slug).find(id=anchor) is not None


def test_every_link_between_pages_lands(built_site):
    """Every relative link of every page (report text links, glossary, 对比, downloads, navigation)
    reaches a file of the site, and its #fragment an element of that page: URLs made in one place
    (zhengbao/urls.py) from any page depth."""
    ids: dict = {}

    def ids_of(path):
        if path not in ids:
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            ids[path] = {tag["id"] for tag in soup.select("[id]")}
        return ids[path]

    checked, missing = 0, []
    for source in pages(built_site):
        soup = BeautifulSoup(source.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("article a[href]"):
            href = link["href"]
            if re.match(r"[a-z]+:", href):
                continue
            path, _, fragment = href.partition("#")
            path, _, query = path.partition("?")
            if query:  # a page state its script draws from the query (compare/timeline.html?q=…#y2021):
                fragment = ""  # the file must exist; the anchor is checked in Chromium (test_compare)
            target = (source.parent / path).resolve() if path else source
            checked += 1
            if not target.is_file() or (fragment and target.suffix == ".html" and fragment not in ids_of(target)):
                missing.append(f"{source.relative_to(built_site)} → {href}")
    assert checked > 1500 and missing == []  # fewer theme pages since issue 15 (themes from the archive)


def test_a_district_report_is_cited_by_its_full_name(built_site):
    """The meeting line names the district in full (在广州市越秀区第十七届人民代表大会): the author is that government."""
    assert page(built_site, "2024-yuexiu").select_one("#zb-meta")["data-author"] == "广州市越秀区人民政府"
    assert page(built_site, "2024-guangzhou").select_one("#zb-meta")["data-author"] == "广州市人民政府"


def test_the_paragraph_mark_names_its_place_for_people(built_site, browser_page):
    """The ¶ mark's hover text reads 本段链接：二（三）第1段 (前言第1段 before the first section), never an
    anchor such as #s2-3-p1; zhengbao.js names the marks from each paragraph's data-cite."""
    html = page(built_site, "2024-guangzhou")
    assert not html.select("a.zb-mark[title]")  # not written into every paragraph
    browser_page.goto((built_site / "reports" / "2024-guangzhou" / "index.html").as_uri())
    named = browser_page.evaluate("""[...document.querySelectorAll('article a.zb-mark')].map(m =>
        [m.closest('.zb-p').id, m.title || m.dataset.mdTooltip || '', m.getAttribute('aria-label')])""")
    assert len(named) == len(html.select("article .zb-p")) > 50
    titles = dict((anchor, title) for anchor, title, _ in named)
    assert all(re.fullmatch(r"本段链接：\S+第\d+[a-z]?段", t) for t in titles.values()), list(titles.items())[:5]
    assert titles["s2-3-p1"] == "本段链接：二（三）第1段" and titles["p1"] == "本段链接：前言第1段"
    assert {label for _, _, label in named} == {"本段链接"}


def test_the_heading_mark_is_named_by_script(built_site, browser_page):
    """A heading's ¶ carries no title in the page (22 bytes each, in every page); zhengbao.js names it
    本节链接, which Material shows as its tooltip."""
    html = page(built_site, "2024-guangzhou")
    links = html.select("article a.headerlink")
    assert len(links) > 10 and not html.select("a.headerlink[title]")
    browser_page.goto((built_site / "reports" / "2024-guangzhou" / "index.html").as_uri())
    titles = browser_page.evaluate("""[...document.querySelectorAll('article a.headerlink')].map(a =>
        a.title || a.dataset.mdTooltip || '')""")
    assert len(titles) == len(links) and set(titles) == {"本节链接"}
