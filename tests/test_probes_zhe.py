"""Traditional 著 for 着 on more inputs of the kind of case 07.

Each folder under tests/cases/probes/zhe-<n>/ holds a traditional-script report (one also a
simplified one) writing 著 where simplified writes 着 (著手 著眼 著重 隨著 本著 接著 意味著 著想
著落 著實 著陸 帶著), beside words where 著 is zhù and stays (顯著 著作 著名 著稱 卓著 名著 編著),
in paragraphs and in headings. The 显示简体字 view (span.zb-simp, a heading's data-simp) must read
着 and 著 each where a simplified text writes it, and a simplified query must find the text.
"""

from __future__ import annotations

import pytest

from zhengbao.pipeline import build_reports
from zhengbao.search.reference import ReferenceSearch, build_index

from .conftest import ROOT, build_once, page

PROBES = ROOT / "tests" / "cases" / "probes"

# Per folder: the simplified view of paragraphs and headings (anchor -> text), and queries with
# the "slug#anchor" each must find.
EXPECTED = {
    "zhe-1": ("2024-demo-trad", {"s1-p1": "过去一年，我们着手推进改革，着眼长远发展，取得显著成效。",
                                 "s2-p1": "今年要加强著作权保护，着重抓好民生实事。"},
              {"着手": "s1-p1", "着眼": "s1-p1", "显著": "s1-p1", "著作权": "s2-p1", "着重": "s2-p1"}),
    "zhe-2": ("2024-demo-trad", {"s1-p1": "随着经济恢复，我们本着为民宗旨，接着推进重点工程，这意味着发展基础更加牢固。",
                                 "s2-p1": "要打造著名旅游目的地，擦亮以美食著称的城市名片。"},
              {"随着": "s1-p1", "本着": "s1-p1", "意味着": "s1-p1", "著名": "s2-p1", "著称": "s2-p1"}),
    "zhe-3": ("2024-demo-trad", {"s1-1": "（一）着力稳定经济大盘", "s1-1-p1": "全年经济增长5%，成效卓著。",
                                 "s2-1": "（一）着眼长远谋划发展"},
              {"着力稳定": "s1-1", "着眼长远": "s2-1", "卓著": "s1-1-p1"}),
    "zhe-4": ("2024-demo-trad", {"s1-p1": "我们始终为市民着想，让就业有着落，工作着实有效，无人机着陆场投入使用。",
                                 "s2-p1": "要推动文学名著进校园，支持本土作家编著地方志。"},
              {"着想": "s1-p1", "着落": "s1-p1", "着陆": "s1-p1", "名著": "s2-p1", "编著": "s2-p1"}),
    "zhe-5": ("2024-trad", {"s1-1": "（一）着力「稳增长」", "s1-1-p1": "（1）着重抓好项目建设",
                            "s1-1-p2": "全年完成投资1200亿元，成效显著，着实不易。",
                            "s2-p1": "要接着干、带着干，着眼「十四五」目标。"},
              {"着重抓好": "s1-1-p1", "着实": "s1-1-p2", "接着干": "s2-p1", "带着干": "s2-p1"}),
}


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def probe(request, tmp_path_factory):
    return request.param, build_once(tmp_path_factory, request.param, PROBES / request.param)


def test_simplified_view_reads_zhe_and_keeps_zhu(probe):
    name, site = probe
    slug, shown, _ = EXPECTED[name]
    soup = page(site, slug)
    for anchor, text in shown.items():
        element = soup.find(id=anchor)
        assert element is not None, anchor
        simplified = element.get("data-simp") or element.select_one("span.zb-simp").get_text("")
        assert simplified == text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_simplified_query_finds_the_traditional_text(name):
    slug, _, queries = EXPECTED[name]
    search = ReferenceSearch(build_index(build_reports(PROBES / name)))
    for query, anchor in queries.items():
        assert f"{slug}#{anchor}" in [hit.anchor for hit in search.search(query)], query
