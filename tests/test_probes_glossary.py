"""Glossary terms on more inputs of the kind of case 08 (a short term found across a word boundary).

Each folder under tests/cases/probes/glossary-<n>/ is a small content/ folder: one report whose
annex 名词解释 defines short terms that also occur as parts of other words of its body
(链长 in 产业链|长期, 链主 in 产业链|主导, 标准地 in 标准|地图, 低空 in 降低|空置率, 路长 in 道路|长度,
河长 in 运河|长廊, CRO in MICRO), a traditional-script annex (鏈主, 標準地), annex numbers written
"（1）", and terms that must still be marked next to the words around them (首店经济, 双碳目标,
“新三样”出口). Every assertion reads the built HTML of the real build.py.
"""

from __future__ import annotations

import re
import tempfile
from functools import cache
from pathlib import Path

import jieba
import pytest
from bs4 import BeautifulSoup

from zhengbao.link.glossary import ENTRY_START, entry_number
from zhengbao.link.terms import read_jieba_dictionary

from .conftest import ROOT, run_build

PROBES = ROOT / "tests" / "cases" / "probes"

# Per folder: the marked words of each body paragraph (in text order) and "共 N 处" per entry number.
EXPECTED = {
    "glossary-1": ({"s1-p1": ["链长", "链主"], "s2-p1": ["标准地"]}, {1: 1, 2: 1, 3: 1}),
    "glossary-2": ({"s1-p1": ["低空", "路长"], "s2-p1": ["河长"]}, {1: 1, 2: 1, 3: 1}),
    "glossary-3": ({"s1-p1": ["鏈主"], "s2-p1": ["標準地"]}, {1: 1, 2: 1}),
    "glossary-4": ({"s1-p1": ["CRO", "5G", "RCEP"], "s2-p1": ["5G", "RCEP"]}, {1: 1, 2: 2, 3: 2}),
    "glossary-5": ({"s1-p1": ["标准地", "链主"], "s2-p1": ["标准地"]}, {1: 2, 2: 1}),
    "glossary-6": ({"s1-p1": ["首店", "首店", "“新三样”", "链长制", "链长"],
                    "s2-p1": ["城中村", "专精特新企业", "亩均论英雄", "双碳", "双碳"]},
                   {1: 2, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 2}),
}


@cache
def built(name: str, site_root: Path) -> Path:
    site = site_root / name
    result = run_build("--content", str(PROBES / name), "--site", str(site))
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def site_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("probes-glossary")


def html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_terms_marked_only_where_they_are_words(name, site_root):
    site = built(name, site_root)
    soup = html(site / "reports" / "2024-demo" / "index.html")
    marks, _ = EXPECTED[name]
    found = {p["id"]: [a.get_text() for a in p.select("a.zb-term")]
             for p in soup.select("article p.zb-p") if not p["id"].startswith("annex")}
    assert {anchor: terms for anchor, terms in found.items() if terms} == marks


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_glossary_page_counts_only_those_uses(name, site_root):
    site = built(name, site_root)
    soup = html(site / "glossary" / "index.html")
    _, counts = EXPECTED[name]
    shown = {}
    for heading in soup.select("article h3"):
        number = int(re.match(r"\d+", heading.get_text())[0])
        count = heading.find_next(string=re.compile(r"共 \d+ 处"))
        shown[number] = int(re.search(r"共 (\d+) 处", count)[1])
    assert shown == counts


def test_traditional_annex_term_links_to_its_entry(site_root):
    """鏈主 of a traditional annex is drafted as the key 链主 and marks the traditional body text."""
    soup = html(built("glossary-3", site_root) / "reports" / "2024-demo" / "index.html")
    link = soup.select_one("#s1-p1 a.zb-term")
    assert link.get_text() == "鏈主" and link["href"].endswith("#g-2024-demo-1")


@pytest.mark.parametrize("line, number, term", [
    ("1.做地：指由政府主导对土地进行前期开发整理。", 1, "做地"),
    ("12、链主：指龙头企业。", 12, "链主"),
    ("（3）标准地：指带有控制性指标出让的国有建设用地。", 3, "标准地"),
    ("(4) 首店：指品牌在某一区域开设的第一家门店。", 4, "首店"),
    ("【5】双碳：指碳达峰、碳中和。", 5, "双碳"),
    ("⑥河长：指负责河湖管理保护的责任人。", 6, "河长"),
])
def test_annex_numbering_forms(line, number, term):
    match = ENTRY_START.match(line)
    assert match is not None and entry_number(match) == number and match["term"] == term


def test_jieba_dictionary_read_from_its_cache_is_jiebas_own():
    """The marks' word boundaries read jieba's dictionary from jieba's cache file with marshal.loads
    (read_jieba_dictionary): the same dictionary and total as jieba's own Tokenizer.initialize."""
    theirs, ours = jieba.Tokenizer(), jieba.Tokenizer()
    theirs.initialize()  # writes jieba's cache file when there is none yet
    assert (Path(tempfile.gettempdir()) / "jieba.cache").is_file()
    read_jieba_dictionary(ours)
    assert ours.initialized and ours.total == theirs.total and ours.FREQ == theirs.FREQ
    assert [word for word in ours.cut("扩大做地规模", HMM=False)] == ["扩大", "做", "地", "规模"]
