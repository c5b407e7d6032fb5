"""Regions on the comparison pages, on more inputs of the kind of case 10 (duplicate ids).

tests/cases/probes/regions-1: two districts called 鼓楼区 in two cities, same year (Nanjing's and
Fuzhou's); regions-2: a city whose slug stem would be numbered "shili-2" beside a city whose slugs
read "2024-shili-2", and a district with the same stem. The reader expects one section per place,
named so the two can be told apart, and no id twice on any page.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup

from .conftest import ROOT, build_once

PROBES = ROOT / "tests" / "cases" / "probes"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    return {name: build_once(tmp_path_factory, name, PROBES / name) for name in ("regions-1", "regions-2")}


def region_headings(site) -> dict[str, str]:
    soup = BeautifulSoup((site / "compare" / "targets.html").read_text(encoding="utf-8"), "html.parser")
    return {h["id"]: h.get_text("").replace("¶", "").strip() for h in soup.select("article h2[id^=r-]")}


@pytest.mark.parametrize("name", ["regions-1", "regions-2"])
def test_no_id_twice_on_any_page(sites, name):
    pages = sorted(sites[name].rglob("*.html"))
    assert len(pages) > 5 and sites[name] / "compare" / "targets.html" in pages
    for path in pages:
        ids = re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8"))
        assert not [i for i, n in Counter(ids).items() if n > 1], path


def test_two_places_of_one_name_are_two_regions_named_by_their_titles(sites):
    assert region_headings(sites["regions-1"]) == {"r-gulou-fuzhou": "福州市鼓楼区（区级）",
                                                   "r-gulou-nanjing": "南京市鼓楼区（区级）"}


def test_a_numbered_id_never_takes_another_regions_own_id(sites):
    """示例市 and 示例区 both take "shili" from their slugs; 样例市's slugs read "2024-shili-2": the second
    "shili" is numbered past it."""
    assert region_headings(sites["regions-2"]) == {"r-shili": "示例市（市级）", "r-shili-2": "样例市（市级）",
                                                   "r-shili-3": "示例区（区级）"}
