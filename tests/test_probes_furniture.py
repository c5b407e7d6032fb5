"""PDF page furniture between two halves of a paragraph, on more inputs of the kind of case 01.

Each folder under tests/cases/probes/furniture-<n>/ is a small content/ folder whose report was
copied out of a PDF: page numbers in other common forms ("- 12 -", "第 3 页 共 20 页", "·3·", "3/20",
"－１２－", a bare "12", 第 3 頁 in a traditional copy) and running headers (the region's government name, the report title)
stand between two halves of a sentence, once before a continuation that opens on a number. The
reader expects each sentence whole in its paragraph and each removed line listed on repairs.html.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from .conftest import ROOT, article, build_once, page

PROBES = ROOT / "tests" / "cases" / "probes"

# Per folder: paragraphs that must read exactly so, and the source lines removed as furniture.
EXPECTED = {
    "furniture-1": ({"s1-p1": "过去一年，全市地区生产总值达到5200亿元，增长5.1%；"
                              "一般公共预算收入完成420亿元，同比增长6.3%；城镇新增就业12.5万人。",
                     "s1-1-p1": "新增规模以上工业企业180家，高新技术企业总数突破3000家。"},
                    ["- 12 -", "示例市人民政府", "- 13 -"]),
    "furniture-2": ({"s1-p1": "过去一年，我们坚持农业农村优先发展，全面推进乡村振兴，粮食总产量稳定在120万吨以上。"
                              "新建高标准农田15万亩，农村居民人均可支配收入增长7.1%。"},
                    ["第 3 页 共 20 页", "第4页 共20页"]),
    "furniture-3": ({"s1-p1": "过去一年，我们坚定不移推进工业强县战略，加快建设现代化产业体系，规上工业增加值增长8.5%。",
                     "s2-p1": "今年要全力以赴抓招商、上项目、强产业，确保地区生产总值增长6%。"},
                    ["·3·", "·4·", "2024年示例县政府工作报告"]),
    "furniture-4": ({"s1-p1": "过去一年，全市经济运行稳中向好，社会消费品零售总额增长7.2%，外贸进出口总额增长4.1%。",
                     "s1-p3": "这一年，我们着力推进生态文明建设，空气质量优良天数比例达到92.3%。"},
                    ["3/20", "4 / 20"]),
    "furniture-5": ({"s1-1-p1": "全年城镇新增就业35万人，城镇调查失业率控制在5.2%以内，帮扶困难人员就业2.1万人。"},
                    ["— 3 —", "示例市政府工作报告", "-4-"]),
    "furniture-6": ({"s1-p1": "过去一年，全市新增城镇就业3.5万人，新增市场主体2.4万户。"}, ["12", "13"]),
    "furniture-7": ({"s1-1-p1": "全年规模以上工业增加值增长6.1%，先进制造业增加值占比提高到62%。",
                     "s1-2-p1": "深化营商环境改革。"},
                    ["－１２－", "第１３页", "— 14 —", "2024年示例市政府工作报告"]),
    # a traditional-script copy: 頁 for 页
    "furniture-8": ({"s1-p1": "過去一年，全市地區生產總值增長5.1%，城鎮新增就業12.5萬人。"}, ["第 3 頁", "示例市政府工作報告"]),
}


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def probe(request, tmp_path_factory):
    return request.param, build_once(tmp_path_factory, request.param, PROBES / request.param)


def test_sentence_whole_across_the_page_break(probe):
    name, site = probe
    paragraphs, _ = EXPECTED[name]
    body = article(page(site, "2024-demo"))
    for anchor, text in paragraphs.items():
        element = body.find(id=anchor)
        assert element is not None, anchor
        for mark in element.select(".zb-mark, .zb-simp"):  # the link mark, a traditional text's simplified view
            mark.decompose()
        assert element.get_text("") == text


def test_furniture_lines_listed_as_repairs_and_nowhere_in_the_text(probe):
    name, site = probe
    _, removed = EXPECTED[name]
    repairs = BeautifulSoup((site / "reports" / "2024-demo" / "repairs.html").read_text(encoding="utf-8"), "html.parser")
    listed = {cells[2].get_text() for row in repairs.select("tr") if len(cells := row.find_all("td")) >= 4
              and cells[1].get_text(strip=True).endswith("remove_page_furniture") and cells[3].get_text() == "（删除）"}
    body = [p.get_text("") for p in article(page(site, "2024-demo")).select("p.zb-p")]
    for line in removed:
        assert line in listed, (line, listed)
        assert all(line not in p for p in body if not line.isdigit()), line
