"""Lines broken by extraction, on more inputs of the kinds of cases 01, 02, 04 and 05.

Each folder under tests/cases/probes/ is a small content/ folder. number-start-<n> (case 02): a PDF
continuation line that opens on a figure with its unit ("6.5%，其中…", "180 家，…", "15 亿元以上项目")
after a short line without a mark, which reads like an unnumbered heading. The reader expects the
headings of the text and nothing else, and each sentence whole in its paragraph, in order.
"""

from __future__ import annotations

import pytest

from .conftest import ROOT, article, build_once, page, run_build

PROBES = ROOT / "tests" / "cases" / "probes"
HEAD = [("h2", "s1", "一、2023年工作回顾")]
TAIL = [("h2", "s2", "二、2024年工作安排"), ("p", "s2-p1", "今年要稳中求进，推动经济持续回升向好。")]

# Per folder: the article's headings and paragraphs after the salutation, (tag, id, text), in order.
OUTLINES = {
    "number-start-2": HEAD + [
        ("p", "s1-p1", "全年居民人均可支配收入增长6.5%，其中农村居民人均可支配收入增长8.2%，城乡收入差距持续缩小。")] + TAIL,
    "number-start-6": HEAD + [
        ("p", "s1-p1", "全年居民人均可支配收入增长6.5%，城乡收入差距持续缩小。"),
        ("h3", "s1-1", "（一）产业发展提质增效"),
        ("p", "s1-1-p1", "全年新增规模以上工业企业180家，高新技术企业总数突破3000家。")] + TAIL,
    "number-start-7": HEAD + [
        ("p", "s1-p1", "过去一年，全市新增１２家上市公司、３５个省级以上开发区，招商引资到位资金15亿元以上项目20个。")] + TAIL,
}


def outline(site, skip: int = 2) -> list[tuple[str, str, str]]:
    """(tag, id, text) of the report page's headings and paragraphs, without the first `skip` paragraphs
    (各位代表： and the opening sentence) and without our marks."""
    body = article(page(site, "2024-demo"))
    for mark in body.select(".headerlink, .zb-mark, .zb-simp"):
        mark.decompose()
    found = [(e.name, e.get("id"), e.get_text("").strip())
             for e in body.select("h2, h3, h4, h5, h6, p.zb-p")]
    paragraphs = [i for i, item in enumerate(found) if item[0] == "p"][:skip]
    return [item for i, item in enumerate(found) if i not in paragraphs]


@pytest.fixture(scope="module", params=sorted(OUTLINES))
def probe(request, tmp_path_factory):
    return request.param, build_once(tmp_path_factory, request.param, PROBES / request.param)


def test_headings_and_paragraphs(probe):
    name, site = probe
    assert outline(site) == OUTLINES[name]


def test_short_line_before_a_figure_is_no_heading_without_the_rejoin(tmp_path):
    """Without join_broken_lines the two halves stay apart, but the short line before "6.5%，…" is still
    a paragraph of 一、, never an unnumbered subsection (structure.unnumbered_heading)."""
    site = tmp_path / "site"
    result = run_build("--content", str(PROBES / "number-start-2"), "--site", str(site),
                       "--no-fix", "join_broken_lines")
    assert result.returncode == 0, result.stderr
    assert outline(site) == HEAD + [
        ("p", "s1-p1", "全年居民人均可支配收入增长"), ("p", "s1-p2", "6.5%，其中农村居民人均可支配收入增长"),
        ("p", "s1-p3", "8.2%，城乡收入差距持续缩小。")] + TAIL
