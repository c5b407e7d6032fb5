"""Lines broken by extraction, on more inputs of the kinds of cases 01, 02, 04 and 05.

Each folder under tests/cases/probes/ is a small content/ folder:
- number-start-<n> (case 02): a PDF continuation line that opens on a figure with its unit ("6.5%，其中…",
  "180 家，…", "15 亿元以上项目") after a short line without a mark, which reads like an unnumbered heading;
- furniture-10/11/12 (case 01): a running header that is not title-shaped, the region's government, on one
  line with its page number ("示例市人民政府 · 3 ·", "— 3 — 示例市人民政府", "示例市人民政府 第4页", once "-3-");
- levels-3 (case 05): 一是 / 二是 lead-ins alone on their lines over their paragraphs; levels-2 and levels-4:
  "1）" items between "1." and "①";
- tail-1, tail-5 and tail-6 (case 04's follow-up): short unpunctuated lines, numbered (1.) or not, listed
  after a line ending on a colon: items of a list, paragraphs of the section, never headings.
The reader expects the headings of the text and nothing else, each sentence whole in its paragraph, in
order, and every removed line listed on repairs.html with its reason.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

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
    **{f"furniture-{n}": HEAD + [
        ("p", "s1-p1", "过去一年，我们坚定不移推进工业强市战略，加快建设现代化产业体系，规上工业增加值增长8.5%。"
                       "新建改扩建学校16所，新增学位2万个。")] + TAIL for n in (10, 11, 12)},
    "levels-3": HEAD + [
        ("p", "s1-p1", "过去一年，我们稳中求进，经济运行总体平稳。"), ("h2", "s2", "二、2024年工作安排"),
        ("h3", "s2-1", "（一）加快建设现代化产业体系"),
        ("p", "s2-1-p1", "一是推动制造业高质量发展"), ("p", "s2-1-p2", "实施先进制造业集群行动。"),
        ("p", "s2-1-p3", "二是培育壮大新兴产业"), ("p", "s2-1-p4", "大力发展生物医药。"),
        ("h3", "s2-2", "（二）持续扩大有效需求"),
        ("p", "s2-2-p1", "一是扩大有效投资"), ("p", "s2-2-p2", "全年安排重点项目800个。"),
        ("p", "s2-2-p3", "二是促进消费提质"), ("p", "s2-2-p4", "举办系列消费节活动。"),
        ("h3", "s2-3", "（三）深化改革开放"), ("p", "s2-3-p1", "深入推进营商环境改革。"),
        ("h2", "s3", "三、加强政府自身建设"), ("p", "s3-p1", "我们要坚持依法行政，自觉接受人大监督。")],
    "levels-2": HEAD + [
        ("p", "s1-p1", "过去一年，我们稳中求进，经济运行总体平稳。"), ("h2", "s2", "二、2024年工作安排"),
        ("h3", "s2-1", "（一）加快建设现代化产业体系"), ("h4", "s2-1-p1", "1.推动制造业高质量发展"),
        ("h5", "s2-1-p2", "1）实施技术改造"), ("p", "s2-1-p3", "完成技改项目200个。"),
        ("h5", "s2-1-p4", "2）培育专精特新企业"),
        ("h6", "s2-1-p5", "①强化梯度培育"), ("p", "s2-1-p6", "建立企业培育库。"),
        ("h6", "s2-1-p7", "②加强要素保障"), ("p", "s2-1-p8", "设立专项资金。"),
        ("h3", "s2-2", "（二）持续扩大有效需求"), ("p", "s2-2-p1", "全年安排重点项目800个。"),
        ("h3", "s2-3", "（三）深化改革开放"), ("p", "s2-3-p1", "深入推进营商环境改革。"),
        ("h2", "s3", "三、加强政府自身建设"), ("p", "s3-p1", "我们要坚持依法行政，自觉接受人大监督。")],
    "tail-1": HEAD + [
        ("p", "s1-p1", "过去一年，我们稳中求进，经济运行总体平稳。"), ("h2", "s2", "二、2024年民生实事"),
        ("p", "s2-p1", "今年重点抓好以下民生实事：")] + [
        ("p", f"s2-p{n}", item) for n, item in enumerate(
            ["1.新建改扩建中小学校10所", "2.新增普惠性托位2000个", "3.改造老旧小区120个", "4.新建城市公园15个",
             "5.建设保障性租赁住房5000套", "各位代表，让我们团结奋斗，为建设美丽示例市而努力奋斗！"], start=2)],
    "tail-5": HEAD + [
        ("p", "s1-p1", "过去一年，我们稳中求进，经济运行总体平稳。"), ("h2", "s2", "二、2024年总体要求"),
        ("p", "s2-p1", "今年政府工作的总体要求是：")] + [
        ("p", f"s2-p{n}", item) for n, item in enumerate(
            ["坚持稳中求进工作总基调", "完整准确全面贯彻新发展理念", "加快构建新发展格局", "着力推动高质量发展",
             "全面深化改革开放", "各位代表，让我们团结奋斗，为建设美丽示例市而努力奋斗！"], start=2)],
    "tail-6": HEAD + [
        ("p", "s1-p1", "过去一年，我们稳中求进，经济运行总体平稳。"), ("h2", "s2", "二、2024年重点项目"),
        ("p", "s2-p1", "今年计划实施以下重大项目：")] + [
        ("p", f"s2-p{n}", item) for n, item in enumerate(
            ["示例大道快速化改造工程", "示例湾大桥", "示例国际会展中心二期", "示例医院新院区",
             "这些项目总投资约860亿元，年度计划投资200亿元。"], start=2)],
}

# Per folder: the source lines removed as a running header with its page number.
REMOVED = {"furniture-10": ["示例市人民政府 · 3 ·", "示例市人民政府 · 4 ·"],
           "furniture-11": ["— 3 — 示例市人民政府", "示例市人民政府 第4页"],
           "furniture-12": ["示例市人民政府-3-"]}


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


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The site of a probe folder, built once for the module."""
    sites = {}

    def site(name: str):
        if name not in sites:
            sites[name] = build_once(tmp_path_factory, name, PROBES / name)
        return sites[name]
    return site


@pytest.mark.parametrize("name", sorted(OUTLINES))
def test_headings_and_paragraphs(name, built):
    assert outline(built(name)) == OUTLINES[name]


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


def test_the_level_of_1_with_a_closing_bracket(built):
    """"1）扩大有效投资" under （二） of a text that writes （1） under （一） (levels-4): the same fourth level."""
    levels = {text: tag for tag, _, text in outline(built("levels-4"))}
    assert levels["（1）推动制造业高质量发展"] == levels["1）扩大有效投资"] == "h5"
    assert levels["1.经济运行稳中向好"] == "h4"


@pytest.mark.parametrize("name", sorted(REMOVED))
def test_header_with_its_page_number_listed_as_removed(name, built):
    repairs = BeautifulSoup((built(name) / "reports" / "2024-demo" / "repairs.html").read_text(encoding="utf-8"), "html.parser")
    listed = {cells[2].get_text(): cells[4].get_text() for row in repairs.select("tr")
              if len(cells := row.find_all("td")) >= 5 and cells[1].get_text(strip=True).endswith("remove_page_furniture")
              and cells[3].get_text() == "（删除）"}
    assert {line: listed.get(line) for line in REMOVED[name]} == dict.fromkeys(REMOVED[name], "PDF的页眉和页码，不是报告正文")
