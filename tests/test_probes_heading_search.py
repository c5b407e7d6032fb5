"""Words that stand only in a heading are found by search, on more inputs of the kind of case 06.

Each folder under tests/cases/probes/heading-search-<n>/ has phrases found only in a section
heading (一、), a subsection heading (（一）), a third-level heading on its own line (1.), a
traditional-script heading, the heading sentence split off a run-in subsection, or a heading of
the last section. The query must find that heading's anchor (or the paragraph it heads).
"""

from __future__ import annotations

import pytest

from zhengbao.pipeline import build_reports
from zhengbao.search.reference import ReferenceSearch, build_index

from .conftest import ROOT

PROBES = ROOT / "tests" / "cases" / "probes"

# Per folder: query -> the anchors of 2024-demo that count as finding it.
EXPECTED = {
    "heading-search-1": {"创新驱动发展战略": {"s1", "s1-p1"}, "共同富裕示范区": {"s2", "s2-p1"}},
    "heading-search-2": {"低空经济示范区": {"s2-1-p1", "s2-1-p2"}, "生物医药创新高地": {"s2-1-p3", "s2-1-p4"},
                         "现代化产业体系": {"s2-1"}},
    "heading-search-3": {"推动数字经济": {"s1-1", "s1-1-p1"}, "国际科技创新中心": {"s2-1", "s2-1-p1"},
                         "粤港澳大湾区": {"s2-1", "s2-1-p1"}},
    "heading-search-4": {"稳住外贸基本盘": {"s2-1", "s2-1-p1"}, "高水平对外开放": {"s2-1", "s2-1-p1"},
                         "守牢城市安全底线": {"s2-2", "s2-2-p1"}},
    "heading-search-5": {"政府自身建设": {"s3", "s3-1"}, "法治政府建设": {"s3-1", "s3-1-p1"},
                         "正风肃纪": {"s3-2", "s3-2-p1"}},
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_heading_only_phrase_is_found(name):
    search = ReferenceSearch(build_index(build_reports(PROBES / name)))
    for query, anchors in EXPECTED[name].items():
        found = [hit.anchor for hit in search.search(query)]
        assert found and found[0].removeprefix("2024-demo#") in anchors, (query, found)
