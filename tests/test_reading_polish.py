"""What a first-time reader trips over (issue 16): fonts, phones, citations, words, layout, search
landing, screenshots. Each test drives the built site in Chromium from file:// (or reads the built
HTML where no browser is needed); the failing inputs of tests/cases/06, 07 and 08 are built as they are.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import CONTENT, run_build

CASES = Path(__file__).parent / "cases"


@pytest.fixture(scope="module")
def case_sites(tmp_path_factory):
    """Each case folder of tests/cases built once, on demand: name → site folder."""
    sites: dict[str, Path] = {}

    def build(name: str) -> Path:
        if name not in sites:
            site = tmp_path_factory.mktemp(f"case{name}") / "site"
            result = run_build("--content", str(CASES / name), "--site", str(site))
            assert result.returncode == 0, result.stderr
            sites[name] = site
        return sites[name]

    return build


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# --- 9. Glossary marks respect word boundaries (case 08) ---------------------------------------------

def test_glossary_term_is_not_marked_across_a_word_boundary(case_sites):
    site = case_sites("08")
    marked = {p["id"]: [a.get_text() for a in p.select("a.zb-term")]
              for p in soup_of(site / "reports" / "2024-demo" / "index.html").select("article p.zb-p")}
    assert marked["s1-p1"] == ["做地", "北斗"]  # 完成做地范围划定, 推动北斗应用; not 当做|地方
    assert marked["s1-p2"] == []  # 叫做|地标, 北斗七星
    assert marked["s2-p1"] == ["做地"]  # 扩大做地规模


def test_glossary_where_it_appears_counts_only_the_words(case_sites):
    glossary = soup_of(case_sites("08") / "glossary" / "index.html")
    uses = {heading.get_text(strip=True).rstrip("¶"): heading.find_next("div", class_="zb-glossary-uses")
            for heading in glossary.select("article h3")}
    assert "共 2 处" in uses["1. 做地"].get_text() and "共 1 处" in uses["2. 北斗"].get_text()


# --- 5. 著 written for 着 in a traditional text (case 07) --------------------------------------------

def case_lines(name: str, file: str) -> list[str]:
    return (CASES / name / file).read_text(encoding="utf-8").splitlines()


def test_traditional_zhe_reads_zhe_in_the_simplified_view():
    from zhengbao.script import to_simplified_reading

    lines = case_lines("07", "2024-demo-trad.txt")
    assert to_simplified_reading(lines[3]) == "过去一年，我们着力稳增长，着眼长远发展。"
    assert to_simplified_reading(lines[5]) == "今年要看着目标抓落实，着重抓好防汛工作。"
    # 著 read zhù stays: 显著, 著名, 编著 (tw2s alone would give 编着).
    assert to_simplified_reading("成效顯著，著名學者編著的專著") == "成效显著，著名学者编著的专著"


def test_traditional_summary_keeps_its_ascii_punctuation_in_the_simplified_view():
    from zhengbao.script import to_simplified, to_simplified_reading

    text = (CONTENT / "2023-guangzhou-summary.txt").read_text(encoding="utf-8")
    reading = to_simplified_reading(text)
    assert "着力推动“3+5+X”战" in reading
    ascii_punctuation = [char for char in text if char in ',;:()"!?']
    assert ascii_punctuation and [char for char in reading if char in ',;:()"!?'] == ascii_punctuation
    assert [(a, b) for a, b in zip(to_simplified(text), reading, strict=True) if a != b] == [("著", "着")]


def test_simplified_view_of_the_summary_switches_zhe_toc_and_title(built_site, browser):
    """The 2023 summary's simplified view: 著力 reads 着力, the title (heading, header, window) and the
    table of contents switch with the text (desktop and phone), its ASCII commas stay as written."""
    for width in (1280, 375):
        context = browser.new_context(viewport={"width": width, "height": 800})
        tab = context.new_page()
        tab.goto((built_site / "reports" / "2023-guangzhou-summary" / "index.html").as_uri())
        original_title = tab.title()
        toc = "() => [...document.querySelectorAll('.md-nav--secondary a.md-nav__link')].map(a => a.textContent.trim())"
        toc_before = tab.evaluate(toc)
        tab.locator("button.zb-toggle-script").click()
        text = tab.locator("article").inner_text()
        assert "着力推动“3+5+X”战" in text and "著力" not in text
        assert ",着力推动" in text  # the ASCII comma before it, as written
        headings = tab.evaluate("[...document.querySelectorAll('article h2[id]')].map(h => [h.id, h.dataset.simp])")
        assert headings and tab.evaluate(toc)[:len(toc_before)] != toc_before
        for anchor, simplified in headings:
            shown = tab.evaluate(f"[...document.querySelectorAll('.md-nav--secondary a[href=\"#{anchor}\"]')]"
                                 ".map(a => a.textContent.trim())")
            assert shown and set(shown) == {simplified}, anchor
        assert tab.locator("article h1").inner_text().startswith("2023年广州市政府工作报告（摘要）")
        assert tab.title().startswith("2023年广州市政府工作报告（摘要）")
        assert tab.evaluate("document.querySelector('[data-md-component=header-topic]').textContent.trim()") \
            == "2023年广州市政府工作报告（摘要）"
        tab.locator("button.zb-toggle-script").click()
        assert tab.title() == original_title and tab.evaluate(toc) == toc_before
        context.close()


@pytest.mark.parametrize(("query", "expected"), [
    ("着力", ["2024-demo-trad#s1-p1", "2024-demo-simp#s1-p1"]),
    ("著力", ["2024-demo-trad#s1-p1", "2024-demo-simp#s1-p1"]),
    ("着眼", ["2024-demo-trad#s1-p1"]),
    ("看着", ["2024-demo-trad#s2-p1"]),
    ("着重", ["2024-demo-trad#s2-p1", "2024-demo-simp#s2-p1"]),
    ("著重", ["2024-demo-trad#s2-p1", "2024-demo-simp#s2-p1"]),
])
def test_search_finds_zhe_written_either_way(case_sites, browser_page, query, expected):
    browser_page.goto((case_sites("07") / "reports" / "2024-demo-trad" / "index.html").as_uri())
    found = browser_page.evaluate("q => window.zbSearch.search(q, {})", query)
    assert sorted(f"{r['slug']}#{r['anchor']}" for r in found) == sorted(expected)


# --- 8. Search: headings searchable (case 06), running text above chart labels -------------------------

def search(page, query: str) -> list[str]:
    return [f"{r['slug']}#{r['anchor']}" for r in page.evaluate("q => window.zbSearch.search(q, {})", query)]


@pytest.mark.parametrize(("query", "anchor"), [
    ("新旧动能转换", "s1-1"), ("具有示例特色", "s1-1"), ("战略性新兴产业", "s2-1"), ("主导产业提升行动", "s1-1-p1"),
])
def test_text_that_stands_only_in_a_heading_is_found(case_sites, browser_page, query, anchor):
    browser_page.goto((case_sites("06") / "reports" / "2024-demo" / "index.html").as_uri())
    assert search(browser_page, query)[:1] == [f"2024-demo#{anchor}"]


@pytest.mark.parametrize("query", ["地区生产总值", "居民消费价格", "都市现代农业", "深度融合", "城市更新行动"])
def test_running_text_ranks_above_a_one_line_chart_label(built_site, browser_page, query):
    browser_page.goto((built_site / "reports" / "2024-yuexiu" / "index.html").as_uri())
    found = search(browser_page, query)
    first_label = next(n for n, anchor in enumerate(found) if "#tail-p" in anchor)
    paragraphs = [n for n, anchor in enumerate(found) if re.search(r"#(.+-)?p\d+$", anchor) and "#tail" not in anchor]
    assert paragraphs and max(paragraphs) < first_label, found


# --- 1. Fonts: the CJK list reaches the text, traditional first on the traditional page ---------------

def used_fonts(page, selector: str) -> list[str]:
    """The fonts Chromium drew the element's own text with (DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return [font["familyName"] for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]


@pytest.mark.parametrize(("slug", "first", "anchor"), [
    ("2024-guangzhou", "PingFang SC", "s1-p1"), ("2023-guangzhou-summary", "PingFang TC", "p1")])
def test_paragraphs_use_the_cjk_font_list_for_quotes_and_digits(built_site, browser_page, slug, first, anchor):
    browser_page.goto((built_site / "reports" / slug / "index.html").as_uri())
    family = browser_page.evaluate("id => getComputedStyle(document.getElementById(id)).fontFamily", anchor)
    assert family.startswith(f'"{first}"'), family
    text = browser_page.locator(f"#{anchor}").inner_text()
    assert "“" in text and re.search(r"\d", text)  # quotes and digits: drawn by the CJK font too
    browser_page.evaluate("id => document.querySelector(`#${id} .zb-mark`).remove()", anchor)  # the ¶: a Latin sign
    fonts = used_fonts(browser_page, f"#{anchor}")
    assert fonts and all("CJK" in font for font in fonts), fonts


def test_simplified_view_of_the_traditional_page_uses_the_simplified_font_order(built_site, browser_page):
    browser_page.goto((built_site / "reports" / "2023-guangzhou-summary" / "index.html").as_uri())
    browser_page.locator("button.zb-toggle-script").click()
    family = browser_page.evaluate("getComputedStyle(document.querySelector('#p1')).fontFamily")
    assert family.startswith('"PingFang SC"'), family


# --- 2. Phones: a tap never re-wraps the text; a term at a line end answers a tap -----------------------

@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def text_layout(page, anchor: str) -> list:
    """Height of the paragraph and where its first and last characters stand."""
    return page.evaluate("""id => { const p = document.getElementById(id), r = document.createRange();
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT); const first = walker.nextNode();
        let last = first;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement.closest('.zb-mark')) last = n;
        r.setStart(first, 0); r.setEnd(first, 1); const a = r.getBoundingClientRect();
        r.setStart(last, last.length - 1); r.setEnd(last, last.length); const b = r.getBoundingClientRect();
        return [p.getBoundingClientRect().height, a.left, a.top - p.getBoundingClientRect().top,
                b.left, b.top - p.getBoundingClientRect().top]; }""", anchor)


def test_tapping_a_paragraph_does_not_rewrap_it(built_site, phone):
    phone.goto((built_site / "reports" / "2024-yuexiu" / "index.html").as_uri())
    for anchor in ("s1-3-p1", "s2-2-p3", "annex-p4"):
        paragraph = phone.locator(f"#{anchor}")
        paragraph.scroll_into_view_if_needed()
        before = text_layout(phone, anchor)
        box = paragraph.bounding_box()
        phone.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + 10)
        assert text_layout(phone, anchor) == before, anchor


def test_a_term_that_starts_at_a_line_end_shows_its_definition_on_tap(built_site, phone):
    phone.goto((built_site / "reports" / "2024-yuexiu" / "index.html").as_uri())
    split = phone.evaluate("""() => [...document.querySelectorAll('article a.zb-term')]
        .map((a, n) => [n, a.getClientRects().length]).filter(([n, lines]) => lines > 1).map(([n]) => n)""")
    assert len(split) >= 3
    for number in split[:5]:
        term = phone.locator("article a.zb-term").nth(number)
        term.scroll_into_view_if_needed()
        phone.evaluate("window.scrollBy(0, -150)")
        first = term.evaluate("a => { const r = a.getClientRects()[0]; return [r.left + r.width / 2, r.top + r.height / 2]; }")
        phone.touchscreen.tap(*first)
        phone.wait_for_selector(".md-tooltip2--active")
        assert term.evaluate("a => document.activeElement === a"), term.inner_text()
        phone.locator("h1").first.tap()  # elsewhere: the definition closes


# --- 3. Citations: the published URL with site_url, a plain word without; ¶ found without hover ---------

@pytest.fixture(scope="module")
def published_site(tmp_path_factory):
    """The seeds built with the publishing address set in mkdocs.yml (README, "Anchors and citations")."""
    root = Path(__file__).parent.parent
    folder = tmp_path_factory.mktemp("published")
    config = folder / "mkdocs.yml"
    config.write_text((root / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "custom_dir: overrides", f"custom_dir: {root / 'overrides'}") + "\nsite_url: https://example.org/zhengbao/\n",
        encoding="utf-8")
    result = run_build("--content", str(CONTENT), "--site", str(folder / "site"), "--config", str(config))
    assert result.returncode == 0, result.stderr
    return folder / "site"


def copy_from_menu(tab, anchor: str, button: str) -> str:
    tab.locator(f"#{anchor}").hover()
    tab.locator(f"#{anchor} a.zb-mark").click()
    tab.locator(f".zb-cite-menu button.{button}").click()
    tab.wait_for_selector(".zb-cite-menu[data-copied]")
    return tab.locator(".zb-cite-menu").get_attribute("data-copied")


def test_with_site_url_both_copies_give_the_published_url(published_site, browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto((published_site / "reports" / "2024-guangzhou" / "index.html").as_uri())
    url = "https://example.org/zhengbao/reports/2024-guangzhou/#s2-3-p4"
    assert copy_from_menu(tab, "s2-3-p4", "zb-copy-link") == url
    assert tab.locator(".zb-cite-menu .zb-cite-note").count() == 0
    tab.reload()
    assert copy_from_menu(tab, "s2-3-p4", "zb-copy-citation").endswith(f"<{url}>")
    context.close()


@pytest.mark.parametrize(("path", "address"), [
    ("reports/2024-guangzhou/index.html", "https://example.org/zhengbao/reports/2024-guangzhou/"),
    ("index.html", "https://example.org/zhengbao/"), ("glossary/index.html", "https://example.org/zhengbao/glossary/")])
def test_with_site_url_every_page_prints_its_published_address(published_site, browser_page, path, address):
    browser_page.goto((published_site / path).as_uri())
    browser_page.emulate_media(media="print")
    footer = dict(browser_page.evaluate("""() => [...document.querySelectorAll('style')].flatMap(s => [...s.sheet.cssRules])
        .filter(rule => rule instanceof CSSPageRule).flatMap(rule => [...rule.cssRules]).map(m => [m.name, m.style.content])"""))
    assert footer["bottom-left"] == f'"{address}"'
    element = browser_page.locator("#zb-address")
    assert element.get_attribute("data-base") == "https://example.org/zhengbao/"
    assert address.endswith("/" + element.get_attribute("data-page"))


def test_without_site_url_the_menu_says_the_link_works_only_here(built_site, browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto((built_site / "reports" / "2024-guangzhou" / "index.html").as_uri())
    assert copy_from_menu(tab, "s2-3-p4", "zb-copy-link").startswith("file://")
    assert "只在这台电脑上有效" in tab.locator(".zb-cite-menu .zb-cite-note").inner_text()
    assert tab.locator(".zb-cite-menu .zb-cite-note").is_visible()
    context.close()


def test_the_paragraph_mark_shows_on_a_phone_without_hover_and_opens_the_menu(built_site, phone):
    phone.goto((built_site / "reports" / "2024-yuexiu" / "index.html").as_uri())
    opacities = phone.evaluate("[...document.querySelectorAll('article .zb-mark')].map(m => +getComputedStyle(m).opacity)")
    assert len(opacities) > 100 and min(opacities) >= 0.4
    mark = phone.locator("#s1-3-p1 a.zb-mark")
    mark.scroll_into_view_if_needed()
    mark.tap()
    assert phone.locator(".zb-cite-menu button.zb-copy-link").is_visible()


def test_the_paragraph_mark_is_reached_and_used_from_the_keyboard(built_site, browser_page):
    browser_page.goto((built_site / "reports" / "2024-yuexiu" / "index.html").as_uri())
    for _ in range(150):  # Tab from the top of the page, past the search box and the navigation
        browser_page.keyboard.press("Tab")
        if browser_page.evaluate("document.activeElement.classList.contains('zb-mark')"):
            break
    mark = browser_page.locator(":focus")
    assert mark.get_attribute("class").startswith("zb-mark")
    browser_page.wait_for_function("getComputedStyle(document.activeElement).opacity === '1'")
    assert not browser_page.evaluate("document.getElementById('__search').checked")  # no search overlay left open
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_selector(".zb-cite-menu button.zb-copy-link:focus")
    browser_page.keyboard.press("Escape")
    assert browser_page.locator(".zb-cite-menu").count() == 0 and mark.evaluate("m => document.activeElement === m")


# --- 7. Layout --------------------------------------------------------------------------------------

@pytest.mark.parametrize("width", [1280, 375])
def test_the_hidden_paragraph_mark_takes_no_line_of_its_own(built_site, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    taller = []
    for slug in ("2024-guangzhou", "2024-yuexiu", "2021-guangzhou"):
        tab.goto((built_site / "reports" / slug / "index.html").as_uri())
        taller += tab.evaluate("""() => { const ps = [...document.querySelectorAll('article p.zb-p')];
            const heights = () => ps.map(p => p.getBoundingClientRect().height);
            const withMark = heights();
            document.body.insertAdjacentHTML('beforeend', '<style>.zb-mark { display: none !important }</style>');
            const without = heights();
            return ps.filter((p, n) => withMark[n] > without[n] + 1).map(p => p.id); }""")
    context.close()
    assert taller == []


GAPS = """() => [...document.querySelectorAll('article p.zb-p')].flatMap(p => {
    /* Each line of the paragraph set ragged: how far its end stays from the right edge, in em. */
    p.style.textAlign = 'left';
    const size = parseFloat(getComputedStyle(p).fontSize), right = p.getBoundingClientRect().right;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, { acceptNode: n =>
        n.parentElement.closest('.zb-mark, [hidden]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT });
    const lines = [], range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) for (let i = 0; i < node.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect(), line = lines[lines.length - 1];
        if (!box.width) continue;
        if (!line || box.top > line.top + size / 2) lines.push({ top: box.top, right: box.right, first: node.data[i] });
        else line.right = Math.max(line.right, box.right);
    }
    p.style.textAlign = '';
    return lines.slice(0, -1).map((line, n) => [p.id, (right - line.right) / size, lines[n + 1].first]);
})"""


@pytest.mark.parametrize("width", [1280, 375])
def test_justified_lines_before_a_number_or_latin_word_do_not_stretch(built_site, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    stretched = []
    for slug in ("2024-guangzhou", "2024-yuexiu", "2021-guangzhou", "2017-guangzhou"):
        tab.goto((built_site / "reports" / slug / "index.html").as_uri())
        stretched += [(slug, anchor, round(gap, 1)) for anchor, gap, next_char in tab.evaluate(GAPS)
                      if next_char.isascii() and next_char.isalnum() and gap > 2.5]
    context.close()
    assert stretched == []


def test_a_definition_tooltip_is_readable(built_site, browser_page):
    browser_page.goto((built_site / "reports" / "2024-yuexiu" / "index.html").as_uri())
    term = browser_page.locator("a.zb-term", has_text="智税圈")
    term.scroll_into_view_if_needed()
    term.hover()
    inner = browser_page.locator(".md-tooltip2--active .md-tooltip2__inner")
    inner.wait_for()
    size, weight = inner.evaluate("e => [parseFloat(getComputedStyle(e).fontSize), +getComputedStyle(e).fontWeight]")
    assert size >= 13 and weight <= 400


def test_home_timeline_and_report_table_read_on_a_phone(built_site, phone):
    phone.goto((built_site / "index.html").as_uri())
    cards = phone.evaluate("[...document.querySelectorAll('.zb-timeline .zb-card')].map(c => "
                           "{ const r = c.getBoundingClientRect(); return [r.left, r.right]; })")
    assert len(cards) == 5 and all(0 <= left and right <= 375 for left, right in cards), cards
    cells = phone.evaluate("""() => [...document.querySelectorAll('table.zb-reports tbody td')].map(td => {
        const lines = Math.round(td.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight));
        return [td.textContent.trim(), lines, !!td.querySelector('a')]; })""")
    assert cells and all(lines <= (2 if link else 1) for _text, lines, link in cells), cells


def test_404_page_keeps_its_styles_when_opened_from_disk(built_site, browser_page):
    browser_page.goto((built_site / "404.html").as_uri())
    assert browser_page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert browser_page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") != "rgba(0, 0, 0, 0)"


# --- 4. Chinese wherever a reader looks: the 404 page, the home page, link labels ---------------------

def test_404_page_speaks_chinese_and_leads_home_from_disk(built_site, browser_page):
    browser_page.goto((built_site / "404.html").as_uri())
    text = browser_page.locator("article").inner_text()
    assert "页面不存在" in text and "Not found" not in text and browser_page.title().startswith("页面不存在")
    browser_page.locator("article a", has_text="首页").click()
    browser_page.wait_for_load_state("load")
    assert browser_page.url == (built_site / "index.html").as_uri()


def test_home_page_speaks_to_readers_not_to_the_builder(built_site):
    text = soup_of(built_site / "index.html").select_one("article").get_text()
    assert "site/" not in text and "文件夹" not in text and "不联网" in text


def test_report_pages_name_no_tools_and_no_raw_scores(built_site):
    """The 繁简 note and the 同一主题 links: no OpenCC, jieba or similarity scores (as on the comparison pages)."""
    for path in sorted((built_site / "reports").glob("*/index.html")):
        body = soup_of(path).select_one("article")
        said = body.get_text() + " ".join(a.get("title", "") for a in body.select(".zb-related a, .zb-script-toggle *"))
        for word in ("jieba", "TF-IDF", "OpenCC", "相似度", "余弦"):
            assert word not in said, f"{path.parent.name}: {word}"


ANCHOR_LIKE = re.compile(r"#|\b(s\d+|annex|tail)(-\d+)*(-p\d+)?\b|^p\d+$")


def test_link_labels_name_places_not_anchors(built_site):
    """Every link's visible words in every page: 二（三）第4段, never s2-p2 or #s1-p4."""
    bad, checked = [], 0
    for path in sorted(built_site.rglob("*.html")):
        for link in soup_of(path).select("article a"):
            label = link.get_text(strip=True)
            checked += 1
            if ANCHOR_LIKE.search(label):
                bad.append((path.relative_to(built_site).as_posix(), label))
    assert checked > 1500 and bad == []
    uses = soup_of(built_site / "glossary" / "index.html").select(".zb-glossary-uses a")
    assert uses and all(re.fullmatch(r"(.+第)?\d+段", a.get_text()) for a in uses), [a.get_text() for a in uses][:5]


# --- 8. Search landing, placeholder ---------------------------------------------------------------------

def search_and_open(page, query: str) -> None:
    page.keyboard.press("/")
    page.keyboard.insert_text(query)
    page.wait_for_selector(".zb-search__list a").click()
    page.wait_for_load_state("load")
    page.wait_for_selector("mark.zb-hit")


@pytest.mark.parametrize(("query", "anchor"), [("花果山特色小镇", "s2-2-p3"), ("城市更新条例", "s5-p3"),
                                               ("具有越秀特色", "s2-2")])
def test_landing_from_search_marks_the_query_and_shows_the_section_heading(built_site, browser, query, anchor):
    for width in (1280, 375):
        context = browser.new_context(viewport={"width": width, "height": 740})
        tab = context.new_page()
        tab.goto((built_site / "index.html").as_uri())
        search_and_open(tab, query)
        target = tab.locator(":target")
        assert target.get_attribute("id") == anchor
        assert "".join(target.locator("mark.zb-hit").all_inner_texts()) in (query, to_traditional(query))
        shown = tab.evaluate("""() => { const inView = e => { const r = e.getBoundingClientRect();
                return r.bottom > 0 && r.top < innerHeight && getComputedStyle(e).visibility !== 'hidden'; };
            const t = document.querySelector(':target');
            const heading = [...document.querySelectorAll('article h2[id], article h3[id]')]
                .filter(h => h === t || h.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
            const label = document.querySelector('.zb-landing-where');
            const named = !!label && inView(label) && label.getAttribute('href') === '#' + heading.id;
            return [inView(t), inView(heading) || named]; }""")
        assert shown == [True, True], (query, width)
        context.close()


def to_traditional(text: str) -> str:
    from zhengbao.script import to_traditional as convert

    return convert(text)


@pytest.mark.parametrize("query", ["坚持", "城市更新"])
def test_the_result_count_counts_paragraphs_not_headings_or_labels(built_site, browser_page, query):
    browser_page.goto((built_site / "index.html").as_uri())
    results = browser_page.evaluate("q => window.zbSearch.search(q, {})", query)
    labels = sum(1 for r in results if r["label"])
    assert labels and len(results) > labels
    browser_page.keyboard.press("/")
    browser_page.keyboard.insert_text(query)
    browser_page.wait_for_selector(".zb-search__list a")
    shown = min(len(results), 10)
    more = f"，显示前 {shown} 个" if len(results) > shown else ""
    assert browser_page.locator(".zb-search__meta").inner_text() == \
        f"找到 {len(results) - labels} 个段落，另有 {labels} 处标题或图表文字{more}"


@pytest.mark.parametrize("width", [1280, 375])
def test_the_search_placeholder_fits_its_box(built_site, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 740})
    tab = context.new_page()
    tab.goto((built_site / "reports" / "2024-yuexiu" / "index.html").as_uri())
    if width < 960:  # on a phone the box shows once opened; on a desktop it is always in the header
        tab.keyboard.press("/")
    fits = tab.evaluate("""() => { const input = document.querySelector('.zb-search__input'), style = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d');
        context.font = [style.fontStyle, style.fontWeight, style.fontSize, style.fontFamily].join(' ');
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return [context.measureText(input.placeholder).width, room]; }""")
    context.close()
    assert fits[0] <= fits[1], fits


# --- 10. Screenshots: the same bytes every run, nothing rewritten when nothing changed --------------------

def test_screenshots_are_the_same_on_every_run_and_unchanged_ones_are_not_rewritten(built_site, tmp_path):
    import subprocess
    import sys

    def shoot(out: Path) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "tools.screenshots", "--site", str(built_site), "--out", str(out)],
                              cwd=Path(__file__).parent.parent, capture_output=True, text=True, timeout=300)

    assert shoot(tmp_path / "a").returncode == 0 and shoot(tmp_path / "b").returncode == 0
    first = {p.name: p.read_bytes() for p in (tmp_path / "a").glob("*.png")}
    assert len(first) >= 4 and first == {p.name: p.read_bytes() for p in (tmp_path / "b").glob("*.png")}
    written = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "a").glob("*.png")}
    assert shoot(tmp_path / "a").returncode == 0
    assert {p.name: p.stat().st_mtime_ns for p in (tmp_path / "a").glob("*.png")} == written


def test_the_test_run_prints_nothing_between_its_progress_dots():
    """No test turns output capture off: a run shows dots only (here the one test that printed)."""
    import subprocess
    import sys

    root = Path(__file__).parent.parent
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             "tests/test_compare.py::test_alignment_against_pairs_judged_by_reading"],
                            cwd=root, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0 and re.match(r"\.+ +\[100%\]\n", result.stdout), result.stdout
    disabling = [path.name for path in (root / "tests").glob("test_*.py")
                 if re.search(r"cap(sys|fd)\.disabled\(|sys\.__std(out|err)__", path.read_text(encoding="utf-8"))]
    assert disabling == []
