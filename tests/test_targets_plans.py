"""Issue 15, plans and terms: every region's plans year on year with the word diff; themes found in
the archive itself (quoted coinages, glossary terms), each with a timeline whose dots land on the
paragraphs of that year; any term's timeline from the command line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from bs4 import BeautifulSoup

from zhengbao.compare.align import PUNCTUATION, plan_regions, shared, word_diff, year_on_year
from zhengbao.compare.knowledge import LOW_SHARE
from zhengbao.compare.text import matching_text
from zhengbao.compare.themes import QUOTED_TERM, build_themes
from zhengbao.compare.timeline import milestones, term_timeline
from zhengbao.pipeline import build_reports

from .conftest import CONTENT, ROOT

CASES = Path(__file__).resolve().parent / "cases"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _target(page: Path, href: str) -> tuple[Path, str]:
    url = urlparse(href)
    return (page.parent / unquote(url.path)).resolve() if url.path else page, url.fragment


@pytest.fixture(scope="module")
def seed_reports():
    return build_reports(CONTENT)


def test_every_region_with_two_plans_is_compared_year_on_year(seed_reports):
    national = build_reports(CASES / "national-targets")
    for reports in (seed_reports, national):
        regions = plan_regions(reports)
        assert regions, "no region with two plans"
        pairs = year_on_year(reports)
        for region, members in regions:
            mine = [(newer.meta.slug, older.meta.slug) for r, newer, older, _ in pairs if r.ident == region.ident]
            assert mine == [(a.meta.slug, b.meta.slug) for a, b in zip(members, members[1:], strict=False)]


def test_plans_pages_show_each_pair_with_its_word_diff(built_site):
    index = built_site / "compare" / "plans.html"
    links = [a["href"] for a in _soup(index).select("ul.zb-plan-pairs a")]
    assert links == ["plans-2024-guangzhou.html", "plans-2023-guangzhou-summary.html", "plans-2021-guangzhou.html"]
    page = built_site / "compare" / "plans-2024-guangzhou.html"
    soup = _soup(page)
    assert len(soup.select("article h2")) == 12  # one per unit of the 2024 plan
    assert soup.select("details.zb-pair ins") and soup.select("details.zb-pair del")
    for link in soup.select(".zb-diff p > a")[:40]:
        assert link.get_text().endswith("段") and "-p" not in link.get_text()
        target, fragment = _target(page, link["href"])
        assert _soup(target).find(id=fragment) is not None
    assert "每段前的位置链接到原文段落" in soup.select_one("article").get_text()  # said once, not a tooltip a link
    # A paragraph of the unit the entry names is cited inside it: 第2段, not 三（一）第2段 again.
    labels = [link.get_text() for link in soup.select(".zb-diff p > a")]
    assert labels and all(re.fullmatch(r"(\S+)?第\d+[a-z]?段", label) for label in labels)
    assert sum(label.startswith("第") for label in labels) > len(labels) // 2, labels[:10]


def test_plans_pages_mark_a_changed_phrase_across_punctuation_once(built_site):
    """Two changed runs with only punctuation between them are one <ins> (one <del>): the text and
    what is marked stay, the markup is not repeated at every comma (docs/scale.md, session 8)."""
    between = re.compile(rf"</(ins|del)>[{re.escape(PUNCTUATION)}]*<\1>")
    pages = sorted((built_site / "compare").glob("plans-*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not between.search(html), page.name
    soup = _soup(built_site / "compare" / "plans-2024-guangzhou.html")
    marked = [ins.get_text() for ins in soup.select(".zb-diff-new ins")]
    assert any(re.search(rf"[^{re.escape(PUNCTUATION)}][，、；][^{re.escape(PUNCTUATION)}]", text) for text in marked)
    links = soup.select(".zb-diff p > a")  # a paragraph's place: no tooltip, no class (compare.css by place)
    assert links and all(link.get("title") is None and link.get("class") is None for link in links)


def test_a_pair_sharing_little_links_the_older_paragraphs_instead_of_repeating_them(built_site, seed_reports):
    """Below knowledge.LOW_SHARE of common characters a pair shows the newer side word by word, the
    share, and each paragraph of the older section as a link to it; at or above, both sides in full."""
    low = full = 0
    for _, newer, _, pairings in year_on_year(seed_reports):
        page = built_site / "compare" / f"plans-{newer.meta.slug}.html"
        soup = _soup(page)
        for pairing in (p for p in pairings if p.match is not None):
            block = soup.find(id=pairing.new.section.anchor).find_next_sibling("div").select_one("details.zb-pair")
            anchors = [p.anchor for p in pairing.match.paragraphs]
            assert [p.a["href"].rsplit("#", 1)[1] for p in block.select(".zb-diff-new > p:not(.zb-side)")] == \
                [p.anchor for p in pairing.new.paragraphs]
            note = block.select_one(".zb-diff-old p.zb-low")
            if shared(word_diff(pairing.new, pairing.match)) < LOW_SHARE:
                low += 1
                assert re.search(r"相同的字词(约占 \d%|不足 1%)", note.get_text()), note.get_text()
                links = note.select("a")
                assert [a["href"].rsplit("#", 1)[1] for a in links] == anchors
                for link in links:
                    target, fragment = _target(page, link["href"])
                    assert _soup(target).find(id=fragment) is not None
            else:
                full += 1
                assert note is None
                assert [p.a["href"].rsplit("#", 1)[1] for p in block.select(".zb-diff-old > p:not(.zb-side)")] == anchors
    assert low and full, (low, full)


def test_themes_come_from_the_archive_and_the_page_shows_no_review(built_site, seed_reports):
    themes = build_themes(seed_reports)
    assert themes
    for theme in themes:
        if theme.source == "quoted":
            quoting = {m.report.meta.slug for m in theme.mentions
                       if f"“{theme.phrase}”" in matching_text(m.report, m.paragraph.text)}
            assert len(quoting) >= 3, theme.phrase
    text = _soup(built_site / "compare" / "themes.html").select_one("article").get_text()
    assert "未保留" not in text and "审阅" not in text
    assert QUOTED_TERM.pattern  # the rule lives in knowledge.py, not a list of phrases


def test_theme_timeline_dots_land_on_that_years_paragraphs(built_site, seed_reports):
    theme = next(t for t in build_themes(seed_reports) if t.phrase == "一带一路")
    page = built_site / "compare" / f"theme-{theme.ident}.html"
    soup = _soup(page)
    dots = soup.select("figure.zb-timeline a")
    years = sorted({m.report.meta.year for m in theme.mentions})
    assert len(dots) == len(years)
    for dot in dots:
        _, fragment = _target(page, dot["href"])
        section = soup.find(id=fragment)
        assert section is not None and section.name == "h2"
        year_text = "".join(str(el) for el in section.find_next_siblings("div", limit=5))
        assert "一带一路" in BeautifulSoup(year_text, "html.parser").get_text()


def test_theme_page_holds_each_years_reports_in_one_block(built_site, seed_reports):
    """A year's reports share one block (their labels, then their excerpts), not a block each."""
    theme = next(t for t in build_themes(seed_reports) if t.phrase == "一带一路")
    soup = _soup(built_site / "compare" / f"theme-{theme.ident}.html")
    for year in sorted({m.report.meta.year for m in theme.mentions}):
        block = soup.find(id=f"y{year}").find_next_sibling()
        assert block.name == "div" and "zb-compare" in block["class"]
        labels = [p.get_text() for p in block.select("p.zb-side")]
        reports = {m.report.meta.slug for m in theme.mentions if m.report.meta.year == year}
        assert len(labels) == len(reports) == len(block.select("ul.zb-snippets")), (year, labels)
        following = block.find_next_sibling()
        assert following is None or following.name == "h2", following


def test_term_timeline_first_peak_last(seed_reports):
    points = term_timeline("一带一路", seed_reports)
    assert [p.year for p in points] == [2017, 2021, 2023, 2024]
    first, peak, last = milestones(points)
    assert first == 2017 and last == 2024 and peak in (2017, 2021, 2023, 2024)
    assert all(p.count == sum(m.count for m in p.mentions) for p in points)
    assert milestones(term_timeline("从未出现的词", seed_reports)) == (None, None, None)


def test_timeline_for_any_term_from_the_command_line():
    result = subprocess.run([sys.executable, "-m", "tools.compare", "--content", str(CASES / "national-targets"),
                             "--timeline", "改革开放", "供给侧结构性改革"], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert "改革开放: 首次" in result.stdout and "供给侧结构性改革: 首次 2018" in result.stdout
