"""The built site in Debian's Chromium, opened from disk (file://) with no network."""

from __future__ import annotations

import re

from .conftest import SLUGS


def url(site, path: str) -> str:
    return (site / path).as_uri()


def test_report_page_shows_headings_and_toc(built_site, browser_page):
    browser_page.goto(url(built_site, "reports/2024-guangzhou/index.html"))
    assert browser_page.locator("article h2#s1").is_visible()
    assert "2023年工作回顾" in browser_page.locator("article h2#s1").inner_text()
    toc = browser_page.locator(".md-sidebar--secondary nav.md-nav--secondary").first
    assert toc.is_visible()
    toc_text = toc.inner_text()
    assert "一、2023年工作回顾" in toc_text and "（三）着力扩内需稳外需，增强经济增长内生动力。" in toc_text


def test_deep_link_scrolls_to_paragraph(built_site, browser_page):
    browser_page.goto(url(built_site, "reports/2024-guangzhou/index.html") + "#s2-3-p4")
    browser_page.wait_for_timeout(300)
    box = browser_page.locator("#s2-3-p4").bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    assert browser_page.evaluate("window.scrollY") > 1000
    assert browser_page.evaluate("getComputedStyle(document.querySelector('#s2-3-p4')).backgroundColor") != "rgba(0, 0, 0, 0)"


def test_toc_link_navigates_within_page(built_site, browser_page):
    browser_page.goto(url(built_site, "reports/2021-guangzhou/index.html"))
    browser_page.locator(".md-sidebar--secondary nav.md-nav--secondary a[href='#s3-2']").first.click()
    browser_page.wait_for_url("**#s3-2")
    browser_page.wait_for_function("document.querySelector('#s3-2').getBoundingClientRect().top < 300")
    box = browser_page.locator("#s3-2").bounding_box()
    assert 0 <= box["y"] < 300


def test_navigation_between_pages_from_disk(built_site, browser_page):
    browser_page.goto(url(built_site, "index.html"))
    browser_page.locator("table.zb-reports a", has_text="2017年广州市政府工作报告").click()
    browser_page.wait_for_load_state()
    assert browser_page.url.endswith("reports/2017-guangzhou/index.html")
    assert "过去五年工作回顾" in browser_page.locator("article").inner_text()


def test_no_request_leaves_the_machine(built_site, browser_page):
    for path in ["index.html"] + [f"reports/{slug}/index.html" for slug in SLUGS]:
        browser_page.goto(url(built_site, path))
        browser_page.wait_for_load_state("networkidle")
    assert browser_page.requests, "the pages made no requests at all: the recorder is broken"
    outside = [u for u in browser_page.requests if not u.startswith(("file://", "data:", "blob:"))]
    assert outside == []


def test_every_theme_script_and_style_is_loaded(built_site, browser_page):
    """Only what a page loads is published from the theme: Material's search (lunr, its worker) and
    source maps are left out (render.UNUSED_THEME_FILES), the page loads every file left, and every
    file it asks for is there."""
    browser_page.goto(url(built_site, "reports/2024-guangzhou/index.html"))
    browser_page.wait_for_load_state("networkidle")
    loaded = {u.removeprefix(built_site.as_uri() + "/") for u in browser_page.requests}
    shipped = {p.relative_to(built_site).as_posix() for folder in ("assets/javascripts", "assets/stylesheets")
               for p in (built_site / folder).rglob("*") if p.is_file()}
    assert shipped and shipped <= loaded, sorted(shipped - loaded)
    assert [u for u in loaded if not u.startswith("data:") and not (built_site / u.partition("#")[0]).is_file()] == []


def test_the_page_frame_is_written_without_indentation(built_site):
    """render.chrome_unindented: outside the article no line of a page starts with white space; the
    article keeps the text as converted (a paragraph is one line starting with its <p>)."""
    for path in ["index.html", "glossary/index.html", "reports/2024-guangzhou/index.html"]:
        html = (built_site / path).read_text(encoding="utf-8")
        start, end = html.index("<article"), html.rindex("</article>")
        frame = html[:start] + html[end:]
        assert len(frame) > 5000 and not re.search(r"\n[ \t]", frame), path
    assert '\n<p id="s1-p1" class="zb-p"' in html[start:end]


def test_paragraph_link_mark_gives_deep_link(built_site, browser_page):
    browser_page.goto(url(built_site, "reports/2024-yuexiu/index.html"))
    paragraph = browser_page.locator("#s1-p2")
    paragraph.hover()
    mark = paragraph.locator("a.zb-mark")
    assert mark.is_visible()
    mark.click()
    assert browser_page.url.endswith("#s1-p2")
