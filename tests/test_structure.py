"""The built pages read like the documents: headings, anchors, metadata, home page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import SLUGS, article, page

# Read from the documents: level-1 sections and (一)(二)… subsections per report.
EXPECTED_SECTIONS = {
    "2024-guangzhou": (["一、2023年工作回顾", "二、2024年工作安排"], 8 + 12),
    "2024-yuexiu": (["一、2023年工作回顾", "二、2024年工作安排", "三、进一步提升政府治理体系和治理能力现代化水平"], 6 + 10),
    "2021-guangzhou": (["一、“十三五”时期发展成就和2020年主要工作", "二、“十四五”时期的奋斗目标和主要任务", "三、2021年工作安排"],
                       7 + 6 + 10),
    "2017-guangzhou": (["一、过去五年工作回顾", "二、今后五年的目标任务", "三、2017年工作安排"], 6 + 8),
}
ANCHOR = re.compile(r"^(p\d+|s\d+(-\d+)?(-p\d+)?|annex(-p\d+)?|tail(-p\d+)?|top|zb-meta)$")


def headings(soup: BeautifulSoup, tag: str) -> list[str]:
    out = []
    for heading in article(soup).find_all(tag):
        for link in heading.select(".headerlink"):
            link.decompose()
        out.append(heading.get_text("").strip())
    return out


@pytest.mark.parametrize("slug", list(EXPECTED_SECTIONS))
def test_sections_and_subsections_are_headings(built_site, slug):
    soup = page(built_site, slug)
    top, sub_count = EXPECTED_SECTIONS[slug]
    h2 = [h for h in headings(soup, "h2") if h != "附件： 名词解释"]
    assert h2 == top
    assert len(headings(soup, "h3")) == sub_count


def test_summary_sections_and_labelled_tail(built_site):
    soup = page(built_site, "2023-guangzhou-summary")
    h2 = headings(soup, "h2")
    assert h2[0] == "1 堅持產業第一、制造業立市 加快構建現代化產業體系"
    assert h2[9].startswith("10 堅持黨建引領")
    tail = article(soup).find(id="tail")
    assert "zb-added" in tail["class"] and "图表" in tail.get_text()


def test_district_annex_is_its_own_section_with_42_entries(built_site):
    soup = page(built_site, "2024-yuexiu")
    annex = article(soup).find(id="annex")
    assert annex.name == "h2" and "名词解释" in annex.get_text()
    entries = article(soup).select('p[id^="annex-p"]')
    assert len(entries) == 42
    assert entries[0].get_text().startswith("1.省委“1310”具体部署：")
    assert entries[41].get_text().startswith("42.三个务必：")


@pytest.mark.parametrize("slug", SLUGS)
def test_anchors_unique_and_follow_numbering(built_site, slug):
    soup = page(built_site, slug)
    ids = [element["id"] for element in article(soup).find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert all(ANCHOR.match(anchor) for anchor in ids), [a for a in ids if not ANCHOR.match(a)]
    for paragraph in article(soup).select("p.zb-p"):
        number = paragraph["id"].rsplit("p", 1)[1]
        assert paragraph["data-n"] == number
        assert paragraph.select_one("a.zb-mark")["href"] == "#" + paragraph["id"]


def test_subsection_lead_split_into_heading_and_first_paragraph(built_site):
    soup = page(built_site, "2021-guangzhou")
    heading = article(soup).find(id="s1-1")
    assert heading.name == "h3" and heading.get_text("").replace("¶", "") == "（一）综合实力显著提升。"
    assert article(soup).find(id="s1-1-p1").get_text().startswith("充分发挥国家中心城市")


def test_anchor_example_from_the_issue(built_site):
    paragraph = article(page(built_site, "2024-guangzhou")).find(id="s2-3-p4")
    assert paragraph is not None and paragraph.find_previous("h3")["id"] == "s2-3"


def test_front_matter_title_date_speaker(built_site):
    soup = page(built_site, "2021-guangzhou")
    assert article(soup).find("h1").get_text("").replace("¶", "").strip() == "2021年广州市政府工作报告"
    assert "——2021年1月29日在广州市第十五届人民代表大会第六次会议上" in article(soup).get_text()
    assert article(soup).select_one(".zb-front-speaker").get_text() == "广州市市长 温国辉"
    yuexiu = article(page(built_site, "2024-yuexiu"))
    assert yuexiu.select_one(".zb-front-date").get_text() == "——2024年2月4日在广州市越秀区第十七届人民代表大会第四次会议上"


def test_title_not_in_text_is_labelled_as_editors(built_site):
    soup = article(page(built_site, "2024-guangzhou"))
    h1 = soup.find("h1")
    assert "zb-added" in h1["class"]
    assert "编者" in soup.select_one(".zb-editor-note").get_text()
    assert soup.select(".zb-front-date") == [] and soup.select(".zb-front-speaker") == []  # nothing invented


def test_home_page_lists_every_report(built_site):
    soup = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = soup.select("table.zb-reports tbody tr")
    assert len(rows) == 5
    cells = [[td.get_text() for td in row.find_all("td")] for row in rows]
    assert [c[0] for c in cells] == ["2024", "2024", "2023", "2021", "2017"]
    assert ["广州市", "越秀区"] == [cells[0][1], cells[1][1]]
    for row in rows:
        href = row.find("a")["href"]
        assert (built_site / href).is_file()


@pytest.mark.parametrize("slug", SLUGS)
def test_pages_at_reports_slug(built_site, slug):
    assert (built_site / "reports" / slug / "index.html").is_file()


def test_navigation_by_year(built_site):
    soup = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = soup.select_one("nav.md-nav--primary").get_text(" ", strip=True)
    for label in ("2024年", "2023年", "2021年", "2017年", "越秀区"):
        assert label in nav


def test_no_reference_to_other_hosts_in_pages(built_site):
    for html_file in built_site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        for url in re.findall(r"""(?:src|href)=["'](https?:)?//[^"']+""", text):
            raise AssertionError(f"{html_file} refers to another host: {url}")
        assert "fonts.googleapis" not in text and "unpkg.com" not in text


def test_front_matter_is_found_by_parse_even_with_the_date_join_switched_off():
    # The parse stage decides where the title block ends; the clean stage only repairs lines.
    from zhengbao.clean import clean_report
    from zhengbao.load import load_reports
    from zhengbao.parse import parse_report

    from .conftest import CONTENT

    raw = next(r for r in load_reports(CONTENT) if r.meta.slug == "2024-yuexiu")
    joined = parse_report(clean_report(raw))
    assert joined.front.date_line == "——2024年2月4日在广州市越秀区第十七届人民代表大会第四次会议上"
    assert joined.front.speaker == "罗光华" and joined.preamble[0].text == "各位代表："
    split = parse_report(clean_report(raw, frozenset({"join_broken_date_line"})))
    # Parse reads the two halves as one date line (front.py), whether or not clean joined them.
    assert split.front.date_line == "——2024年2月4日在广州市越秀区第十七届人民代表大会第四次会议上"
    assert split.front.speaker == "罗光华" and split.preamble[0].text == "各位代表："


# The numbering of official documents, on real lines of the national reports (Wikisource copies in
# ../shared/realcorpus) and of the cases in tests/cases (copied from ../shared/cases).

CASES = Path(__file__).parent / "cases"


def outline_of(raw) -> list[tuple[str, str]]:
    """(anchor, heading) of every section and subsection, after clean → parse → anchors."""
    from zhengbao.clean import clean_report
    from zhengbao.link import assign_anchors
    from zhengbao.parse import parse_report

    report = assign_anchors(parse_report(clean_report(raw)))
    return [(s.anchor, s.heading) for s in report.all_sections()], report


def text_report(*lines: str):
    from zhengbao.model import RawReport, ReportMeta, SourceLine

    return RawReport(ReportMeta("x.txt", "x", 1986, "国务院", "national"), "x.txt",
                     [SourceLine(n, text) for n, text in enumerate(lines, start=1)])


def case_report(number: str):
    from zhengbao.load import load_reports

    return load_reports(CASES / number)[0]


def test_levels_below_the_subsection_never_take_its_number():
    # Case 05: 1. / （1） / ① under （一）, （二） are paragraphs of their subsection; 二（三） is s2-3.
    sections, report = outline_of(case_report("05"))
    assert sections == [("s1", "一、2023年工作回顾"), ("s2", "二、2024年工作安排"),
                        ("s2-1", "（一）加快建设现代化产业体系"), ("s2-2", "（二）持续扩大有效需求"),
                        ("s2-3", "（三）深化改革开放"), ("s3", "三、加强政府自身建设")]
    first = report.sections[1].subsections[0]
    assert [p.text for p in first.paragraphs][:2] == ["1.推动制造业高质量发展", "实施先进制造业集群行动，加快智能网联汽车发展。"]
    assert [p.text for p in report.sections[1].subsections[1].paragraphs] == [
        "（1）扩大有效投资", "全年安排重点项目800个。", "①强化项目储备", "谋划一批重大基础设施项目。"]
    # They are headings of levels 3, 4, 5 that keep their paragraph anchors.
    levels = [(p.anchor, p.heading_level) for sub in report.sections[1].subsections for p in sub.paragraphs]
    assert levels == [("s2-1-p1", 3), ("s2-1-p2", 0), ("s2-1-p3", 3), ("s2-1-p4", 0),
                      ("s2-2-p1", 4), ("s2-2-p2", 0), ("s2-2-p3", 5), ("s2-2-p4", 0), ("s2-3-p1", 0)]


def test_lower_headings_are_h4_to_h6_with_their_paragraph_anchor(tmp_path):
    # Case 05 built: 1. → h4, （1） → h5, ① → h6, each with its anchor, number and ¶ link; the table of
    # contents lists the sections and subsections only.
    from .conftest import run_build

    result = run_build("--content", str(CASES / "05"), "--site", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    soup = page(tmp_path / "site", "2024-demo")
    shown = [(e.name, e["id"], e.get("data-n"), e.get("data-cite")) for e in article(soup).select("h4, h5, h6")]
    assert shown == [("h4", "s2-1-p1", "1", "二（一）第1段"), ("h4", "s2-1-p3", "3", "二（一）第3段"),
                     ("h5", "s2-2-p1", "1", "二（二）第1段"), ("h6", "s2-2-p3", "3", "二（二）第3段")]
    heading = article(soup).find(id="s2-1-p1")
    assert heading.select_one("a.zb-mark")["href"] == "#s2-1-p1"
    assert heading.get_text("").replace("¶", "") == "1.推动制造业高质量发展"
    toc = [a["href"] for a in soup.select("nav.md-nav--secondary a")]
    assert "#s2-3" in toc and not any("-p" in href for href in toc)


def test_continuation_line_starting_with_a_number_is_not_a_section():
    # Case 02: "…“小巨人”企业" + "12 家、省级…" is one paragraph of 一、.
    sections, report = outline_of(case_report("02"))
    assert [anchor for anchor, _ in sections] == ["s1", "s2"]
    assert report.sections[0].paragraphs[0].text == (
        "过去一年，全市新增国家级专精特新“小巨人”企业12家、省级专精特新中小企业1200家，研发投入强度提高到3.4%。")


def test_last_section_with_subsections_is_not_a_label_block():
    # Case 04: the last section keeps its subsections and rejoined paragraphs.
    sections, report = outline_of(case_report("04"))
    assert [anchor for anchor, _ in sections] == ["s1", "s2", "s2-1", "s2-2"]
    assert report.sections[1].subsections[0].paragraphs[0].text == (
        "实施先进制造业集群行动，加快智能网联汽车、生物医药、新型储能等产业发展，推动产业链供应链优化升级。")


def test_first_numbered_section_is_s1_whatever_stands_before_it():
    # 2023 national report: the speaker's name on its own line is no section.
    sections, _ = outline_of(text_report(
        "政府工作报告", "——2023年3月5日在第十四届全国人民代表大会第一次会议上", "国务院总理\u3000", "李克强", "各位代表：",
        "本届政府任期即将结束。", "一、过去一年和五年工作回顾", "2022年是党和国家历史上极为重要的一年。"))
    assert sections == [("s1", "一、过去一年和五年工作回顾")]


def test_bare_numeral_on_its_own_line_is_a_section():
    # 1960 national report: "一" alone, then the section's paragraphs.
    sections, _ = outline_of(text_report(
        "各位代表：", "\u3000\u3000我受中共中央和国务院的委托，向大会作关于农业发展纲要的说明。", "一",
        "\u3000\u3000一九五八年五月，中共第八届全国代表大会第二次会议，在马克思列宁主义普遍真理与中国革命和建设的具体实践相结合的基础上，制定了总路线。",
        "二", "\u3000\u3000人民公社是我国人民群众根据实际需要所作出的伟大创举。"))
    assert sections == [("s1", "一"), ("s2", "二")]


def test_subsection_form_above_the_section_form():
    # 1981 national report: （一）当前的经济形势, （二）今后经济建设的方针 with 一、… inside: the higher form
    # gives parts (part1, part2), the first 一、 is s1 (docs/architecture.md, "Anchors").
    sections, _ = outline_of(text_report(
        "各位代表：", "（一）当前的经济形势", "我国当前经济形势的确是好的。", "（二）今后经济建设的方针",
        "围绕着提高经济效益，走出一条经济建设的新路子，必须认真贯彻执行下列十条方针。",
        "一、依靠政策和科学，加快农业的发展", "农业是国民经济的基础。",
        "二、把消费品工业的发展放到重要地位，进一步调整重工业的服务方向", "我国经济建设效益不高，有客观原因，也有主观原因。"))
    assert [anchor for anchor, _ in sections] == ["part1", "part2", "s1", "s2"]


def test_subsections_under_a_chaptered_report_are_level_3_headings():
    # A report in 第一部分 / 第二部分 (RANK_PART) over 一、 over （一）: the parts are level 1, 一、 level 2,
    # and （一） a heading of level 3 (h4) keeping its paragraph anchor, not a plain paragraph.
    sections, report = outline_of(text_report(
        "各位代表：", "第一部分　2025年工作回顾", "一、经济运行稳中有进", "过去一年，全省经济运行稳中有进。",
        "第二部分　2026年工作安排", "一、扎实推进科技创新", "今年要加快建设科技强省。", "（一）培育新质生产力",
        "加快发展战略性新兴产业。", "（二）建设创新平台", "布局建设一批实验室。", "二、持续保障和改善民生",
        "城镇新增就业50万人以上。"))
    assert [anchor for anchor, _ in sections] == ["part1", "s1", "part2", "part2-s1", "part2-s2"]
    science = report.sections[1].subsections[0]
    assert [(p.anchor, p.heading_level, p.text) for p in science.paragraphs] == [
        ("part2-s1-p1", 0, "今年要加快建设科技强省。"), ("part2-s1-p2", 3, "（一）培育新质生产力"),
        ("part2-s1-p3", 0, "加快发展战略性新兴产业。"), ("part2-s1-p4", 3, "（二）建设创新平台"),
        ("part2-s1-p5", 0, "布局建设一批实验室。")]


def test_part_heading_keeps_the_space_after_its_number():
    # 第一部分 / 第三章 end their number in a word: the space after it is the heading's only separator and is
    # shown as written (an ideographic space on provincial portal pages), while the space the clean stage
    # drops beside Chinese text inside the title still goes.
    sections, report = outline_of(text_report(
        "各位代表：", "第一部分　2025年工作回顾", "一、经济运行稳中有进", "过去一年，全省经济运行稳中有进。",
        "第二部分 2026年 工作安排", "一、扎实推进科技创新", "今年要加快建设科技强省。"))
    assert sections[0] == ("part1", "第一部分\u30002025年工作回顾")
    assert sections[2] == ("part2", "第二部分 2026年工作安排")
    assert [r.line for r in report.repairs if r.fix == "normalize_whitespace"] == [5]


def test_a_list_in_the_section_form_inside_a_section_keeps_the_sections_numbers():
    # 1986 national report: 一、…三、 inside 二、 are items; the next section 三、 is s3, not an item.
    sections, report = outline_of(text_report(
        "二、“七五”时期的基本任务和主要建设方针",
        "第七个五年计划时期，是我国经济发展战略和经济体制进一步由旧模式向新模式转换的关键时期。",
        "一、确定适度的经济增长率，促进国民经济按比例、高效益地向前发展",
        "“七五”计划草案规定的经济增长率是积极的，也是留有余地的，在执行中有可能超过。",
        "二、规定恰当的投资规模，合理调整投资结构，努力提高投资效益", "这是“七五”计划的关键性问题。",
        "三、坚持把科技进步和智力开发放在重要的战略地位，更好地发展科学、教育事业",
        "“七五”计划的一个鲜明特点，是重视科学技术的发展，进一步使我国经济的成长建立在科技进步的基础上。",
        "三、“七五”时期的经济体制改革", "“七五”期间的经济体制改革，概括起来说，主要的内容有以下三个方面。",
        "四、坚持独立自主的和平外交政策", "当前的国际局势依然是动荡而令人不安的。"))
    assert sections == [("s2", "二、“七五”时期的基本任务和主要建设方针"), ("s3", "三、“七五”时期的经济体制改革"),
                        ("s4", "四、坚持独立自主的和平外交政策")]
    assert ("一、确定适度的经济增长率，促进国民经济按比例、高效益地向前发展", 3) in [
        (p.text, p.heading_level) for p in report.sections[0].paragraphs]


def test_top_numbering_in_the_subsection_form():
    # 1958 national report: the text's highest numbering is （一）; its （１） items stay paragraphs.
    sections, _ = outline_of(text_report(
        "各位代表：", "（一）一九五七年经济战线上的胜利", "一九五七年是我国在各个战线上取得伟大胜利的一年。",
        "（二）争取一九五八年国民经济的新跃进", "一九五八年是我国第二个五年计划的第一年。",
        "（１）有步骤地实行半工半读的教育制度。", "（２）在高等学校招收的新生中，尽可能地增加工人和农民的成分。"))
    assert sections == [("s1", "（一）一九五七年经济战线上的胜利"), ("s2", "（二）争取一九五八年国民经济的新跃进")]


def test_numbered_heading_without_full_stop_stands_alone():
    # 2004 national report: "（一）采取果断措施，集中力量抗击非典" then its paragraph.
    sections, report = outline_of(text_report(
        "一、一年来工作回顾", "一年来，我们主要做了以下六方面工作：", "（一）采取果断措施，集中力量抗击非典",
        "去年春天，我国遭遇了一场非典疫情重大灾害。"))
    assert sections == [("s1", "一、一年来工作回顾"), ("s1-1", "（一）采取果断措施，集中力量抗击非典")]
    assert report.sections[0].subsections[0].paragraphs[0].text == "去年春天，我国遭遇了一场非典疫情重大灾害。"


def test_a_sentence_cut_around_a_link_makes_no_heading():
    # 1984 national report (Wikisource link markup): "今年是我国与" + "印度" + "、缅甸共同倡议…".
    sections, _ = outline_of(text_report(
        "五、关于外交工作", "\u3000\u3000我们处理对美、对苏关系，是有原则的。", "\u3000\u3000今年是我国与", "印度",
        "、缅甸共同倡议和平共处五项原则三十周年。"))
    assert sections == [("s5", "五、关于外交工作")]


def realcorpus_lines(slug: str, *numbers: int | tuple[int, int]) -> list[str]:
    """Lines of a report of tests/cases/realcorpus as they are (indentation and blank lines kept), by line
    number or range."""
    lines = (CASES / "realcorpus" / f"{slug}.txt").read_text(encoding="utf-8").splitlines()
    out = []
    for number in numbers:
        first, last = number if isinstance(number, tuple) else (number, number)
        out += lines[first - 1:last]
    return out


def test_closing_heading_is_level_one():
    # 1992 national report: "结束语" after 六、 is a level-1 heading of its own, not a subsection of 六、.
    sections, report = outline_of(text_report(*realcorpus_lines("1992-national", (158, 162), (189, 194))))
    assert [(anchor, heading) for anchor, heading in sections] == [
        ("s6", "六、关于国际形势和外交工作"), ("s7", "结束语")]
    assert report.sections[1].level == 1 and report.sections[1].paragraphs[0].text.startswith("各位代表！不论国际风云")


def test_unnumbered_parts_over_numbered_lists():
    # 1984 national report (Wikisource copy without the parts' numbers): "关于国内建设" over 一、…五、,
    # "关于外交工作" over 一、…三、 (numbered again from 一), then "结束语".
    sections, _ = outline_of(text_report(*realcorpus_lines(
        "1984-national", (1, 12), (36, 38), (63, 65), (118, 121), (131, 134), (150, 152), (179, 180), (219, 220),
        (227, 232))))
    # The parts are part1, part2…; the first 一、 is s1; the list numbered again under the second part
    # is qualified by it (docs/architecture.md, "Anchors").
    assert [anchor for anchor, _ in sections] == ["part1", "s1", "s2", "s5", "part2", "part2-s1", "part2-s2", "part3"]
    assert [heading for _, heading in sections][:2] == [
        "关于国内建设", "一、认真地有步骤地改革城市经济中普遍存在的吃“大锅饭”的弊端，更好地调动企业和职工的积极性"]
    assert sections[4][1] == "关于外交工作" and sections[7][1] == "结束语"


def test_parts_with_enumeration_commas_and_items_ending_on_a_semicolon():
    # 1988 national report: "今后五年建设和改革的目标、方针和任务" is a part (its 、 is a heading's); the
    # indented 一、…五、 ending on "；" are items of a list inside the first part, not its sections.
    sections, report = outline_of(text_report(*realcorpus_lines(
        "1988-national", (1, 20), (106, 118), (124, 130), (155, 173))))
    assert [(anchor, heading[:8]) for anchor, heading in sections] == [
        ("part1", "过去五年国内工作"), ("s1", "一、牢固树立建设"), ("s5", "五、妥善处理各方"),
        ("part2", "今后五年建设和改"), ("part2-s1", "一、大力发展农业")]
    items = [p.text for p in report.sections[0].paragraphs if p.text.startswith(("一、", "二、", "三、", "四、"))]
    assert len(items) == 4 and items[1].endswith("；")


def test_ordinal_heading_in_an_unnumbered_part():
    # 1982 national report: "第四、积极稳妥地加快经济体制改革的进程" is the fourth heading of the part
    # "全面实现六五计划的主要措施", never a part of its own; 结束语 closes the report at level 1.
    sections, _ = outline_of(text_report(*realcorpus_lines(
        "1982-national", (1, 21), (29, 30), (113, 121), (146, 150), (236, 240), (280, 284))))
    assert sections == [("part1", "第六个五年计划的基本任务"), ("s1", "一、关于工农业生产的发展速度和经济效益"),
                        ("s2", "二、关于基本建设的规模、重点和企业的技术改造"), ("part2", "六五计划前两年的执行情况"),
                        ("part3", "全面实现六五计划的主要措施"), ("part3-s4", "第四、积极稳妥地加快经济体制改革的进程"),
                        ("part4", "结束语")]


def test_a_list_of_numbered_sentences_is_no_subsection():
    # 1979 national report: （一）…（五） under 二、 are the targets of a list, one sentence each.
    sections, report = outline_of(text_report(*realcorpus_lines("1979-national", (52, 72))))
    assert sections == [("s2", "二、打好四个现代化的第一个战役")]
    assert report.sections[0].paragraphs[3].text.startswith("（一）要使粮食生产")


def test_a_list_inside_a_subsection_takes_no_subsection_number():
    # 1981 national report: "一、节约能源…；" and "二、改革产品结构…；" inside （二）四、 are items, not 一、 and
    # 二、 again (which gave the anchors s2-1-2, s2-2-2).
    sections, _ = outline_of(text_report(*realcorpus_lines(
        "1981-national", (66, 68), (134, 136), (138, 148), (161, 163))))
    assert [anchor for anchor, _ in sections] == ["part2", "s4", "s5"]


def test_a_note_on_a_missing_character_is_no_heading():
    # 1956 national report: Wikisource's notes "＠①原字石右加安" after the report's last paragraph.
    sections, _ = outline_of(text_report(*realcorpus_lines("1956-national", (145, 147), (192, 199))))
    assert [anchor for anchor, _ in sections] == ["s3"]


def test_locator_reads_as_the_document_numbers():
    # 1981 national report: （二） over 一、…十、 is cited "（二）八、"; 1958: 第一、 inside （三） is "（三）第一、".
    from zhengbao.labels import section_locator

    _, report = outline_of(text_report(*realcorpus_lines(
        "1981-national", (9, 14), (66, 68), (79, 81), (104, 106))))
    top = report.sections[1]
    assert [section_locator(top, None), section_locator(top, top.subsections[1])] == ["（二）", "（二）二、"]
    _, report = outline_of(text_report(*realcorpus_lines("1958-national", (9, 12), (121, 131))))
    third = report.sections[1]
    assert [section_locator(third, None), section_locator(third, third.subsections[0])] == ["（三）", "（三）第一、"]
    _, seeds = outline_of(case_report("05"))
    assert section_locator(seeds.sections[1], seeds.sections[1].subsections[2]) == "二（三）"


def test_numbered_heading_wrapped_onto_a_short_line_is_one_heading():
    # A heading broken by extraction ("一、…" / "…高质量发展"): one heading, the join shown by --explain.
    sections, report = outline_of(text_report(
        "各位代表：", "现在，我代表市人民政府，向大会报告工作，请予审议。",
        "一、坚定不移推进经济运行持续向好和经济社会", "高质量发展", "过去一年，我们稳中求进。",
        "二、2024年工作安排", "今年要稳中求进。"))
    assert sections == [("s1", "一、坚定不移推进经济运行持续向好和经济社会高质量发展"), ("s2", "二、2024年工作安排")]
    assert [r.fix for r in report.repairs] == ["join_wrapped_heading"]


def test_long_numbered_headings_of_a_web_copy():
    # 1980 national report: "第一，…明年就要起步" (57 characters) heads its subsection of 三、; 1958: （五） has 43.
    sections, _ = outline_of(text_report(*realcorpus_lines("1980-national", (118, 145))))
    assert [anchor for anchor, _ in sections] == ["s3", "s3-1"] and sections[1][1].endswith("明年就要起步")
    sections, _ = outline_of(text_report(*realcorpus_lines("1958-national", (311, 314), (354, 362))))
    assert sections[1] == ("s5", "（五）充分依靠和发挥群众的积极性和创造性，完成和超额完成一九五八年度的国民经济计划")


def test_unnumbered_parts_are_numbered_as_parts_and_quoted_in_citations():
    # 1984 national report: the parts "关于国内建设", "关于外交工作" and the closing "结束语" are parts 1–3
    # (Section.part, anchors part1…); a citation quotes an unnumbered heading so that it does not run
    # into the number after it: 「关于国内建设」一、, never 关于国内建设一、.
    from zhengbao.labels import section_locator

    _, report = outline_of(text_report(*realcorpus_lines(
        "1984-national", (1, 12), (36, 38), (63, 65), (131, 134), (150, 152), (227, 232))))
    home, foreign, closing = report.sections
    assert [s.part for s in report.sections] == [1, 2, 3]
    assert [s.part for s in home.subsections + foreign.subsections] == [0, 0, 0]
    assert section_locator(home, None) == "「关于国内建设」"
    assert section_locator(home, home.subsections[1]) == "「关于国内建设」二、"
    assert section_locator(foreign, foreign.subsections[0]) == "「关于外交工作」一、"
    assert section_locator(closing, None) == "「结束语」"
    _, numbered = outline_of(case_report("05"))
    assert all(s.part == 0 for s in numbered.all_sections())


def test_an_unindented_line_before_indented_paragraphs_is_a_heading():
    # 1958 national report (Wikisource): paragraphs are indented with "　　", the lead lines of （一） are
    # not: "先说工业战线上的情况", "以下再说农业战线上的情况" head subsections of （一）, though the text numbers
    # its subsections elsewhere (第一、 inside （三）). "现在来说…执行结果。" (a sentence) stays a paragraph.
    lines = realcorpus_lines("1958-national", (1, 52), (121, 131))
    sections, report = outline_of(text_report(*lines))
    assert sections[:3] == [("s1", "（一）一九五七年经济战线上的胜利"), ("s1-1", "先说工业战线上的情况"),
                            ("s1-2", "以下再说农业战线上的情况")]
    assert report.sections[0].paragraphs[-1].text == "现在来说我国一九五七年度国民经济计划的执行结果。"
    assert ("s3-1", "第一、关于基本建设") in sections
    # The same lines without their indents give no such evidence: the lead lines stay paragraphs.
    flat, _ = outline_of(text_report(*(line.strip() for line in lines)))
    assert [anchor for anchor, _ in flat] == ["s1", "s3", "s3-1"]
    # Nor do they when the headings are indented as well: the numbered headings are still found.
    indented = [f"\u3000\u3000{line.strip()}" if line.strip() else line for line in lines]
    assert outline_of(text_report(*indented))[0] == flat


def test_an_indented_line_is_never_a_heading():
    # 1958 national report with its first lead line indented like a paragraph: a paragraph of （一）.
    lines = realcorpus_lines("1958-national", (1, 52))
    lines[25] = "\u3000\u3000" + lines[25]
    assert lines[25].strip() == "先说工业战线上的情况"
    sections, _ = outline_of(text_report(*lines))
    assert [heading for _, heading in sections] == ["（一）一九五七年经济战线上的胜利", "以下再说农业战线上的情况"]


def test_a_numbered_sentence_set_apart_is_a_heading_below_the_subsection():
    # 1955 national report: "第一，基本建设规模的大小问题。" unindented between indented paragraphs heads
    # its part of （一） (level 3, keeping its paragraph anchor); "四、" + "在私营工厂做工的工人…" (a list
    # numbered like the sections, its number alone on its line) stays a paragraph of 三、.
    sections, report = outline_of(text_report(*realcorpus_lines("1955-national", (1, 50), (223, 260))))
    assert sections == [("s1", "一、国家在过渡时期的总任务"), ("s3", "三、第一個五年計劃的若幹問題"),
                        ("s3-1", "（一）关于工业和运输业的基本建设问题")]
    paragraphs = report.sections[1].subsections[0].paragraphs
    assert [(p.anchor, p.heading_level, p.text) for p in paragraphs if p.heading_level] == [
        ("s3-1-p2", 3, "第一，基本建设规模的大小问题。")]
    assert any(p.text.startswith("四、在私营工厂做工的工人") for p in paragraphs)


def test_a_section_number_run_into_its_paragraph_heads_the_section():
    # 1987 national report (Wikisource): "三、深入改革经济体制和扩大对外开放" runs into its paragraph "国民经济的长期稳定
    # 发展，既要靠…" on one unindented line, among indented paragraphs: section 三、 (s3), cut where the pair of
    # characters across the cut is the rarest in the rest of the text ("放国" stands nowhere else), not after the
    # paragraph's first sentence.
    sections, report = outline_of(text_report(*realcorpus_lines("1987-national", (1, 278))))
    assert [section for section in sections if "-" not in section[0]] == [
        ("s1", "一、当前国内形势和基本任务"), ("s2", "二、坚持长期稳定发展经济的方针"),
        ("s3", "三、深入改革经济体制和扩大对外开放"), ("s4", "四、巩固和发展安定团结的政治局面"), ("s5", "结束语")]
    assert report.sections[2].paragraphs[0].text.startswith(
        "国民经济的长期稳定发展，既要靠坚持正确的建设方针，又要靠深入改革和扩大对外开放。把正确的建设方针同")


def test_a_higher_numbering_over_the_section_list_makes_parts():
    # 1981 national report: （一）当前的经济形势 and （二）今后经济建设的方针 stand over 一、…十、: they are parts
    # 1 and 2 (Section.part, anchors part1, part2), so that 一、 is s1; a citation still reads （二）二、.
    from zhengbao.labels import section_locator

    _, report = outline_of(text_report(*realcorpus_lines(
        "1981-national", (9, 14), (66, 68), (79, 81), (104, 106))))
    assert [s.part for s in report.sections] == [1, 2]
    assert [s.part for s in report.sections[1].subsections] == [0, 0]
    assert section_locator(report.sections[1], report.sections[1].subsections[1]) == "（二）二、"


def test_lead_sentences_on_lines_of_their_own_stay_paragraphs():
    # 1988 national (Wikisource): in its unindented block the first sentence of a paragraph stands on a line of
    # its own ("国家经济实力继续得到显著增强。", the print's bold lead-in) and the block's topic lines end on no
    # mark but hold commas ("五年来，…总的形势是很好的"). Both are sentences of the text, not headings: they stay
    # paragraphs (docs/text-decisions.md); short unnumbered lines between paragraphs, without a sentence end,
    # stay headings (the parts, 关于外交工作).
    sections, report = outline_of(text_report(*realcorpus_lines("1988-national", (1, 460))))
    parts = [heading for anchor, heading in sections if anchor.startswith("part") and "-" not in anchor]
    assert parts == ["过去五年国内工作的基本总结", "今后五年建设和改革的目标、方针和任务", "关于外交工作", "结束语"]
    paragraphs = [(p.text, p.heading_level) for p in report.sections[0].paragraphs]
    lead_lines = [line.strip() for line in realcorpus_lines("1988-national", 16, 19, 23, 27)]
    assert all((line, 0) in paragraphs for line in lead_lines)
    assert lead_lines[1] == "国家经济实力继续得到显著增强。"


@pytest.mark.parametrize(("slug", "heading"), [("1978-national", "四、繁荣社会主义科学教育文化事业"),
                                               ("1986-national", "三、“七五”时期的经济体制改革")])
def test_run_in_cut_of_other_reports_headings(slug, heading):
    # Real headings of other Wikisource copies glued to their first paragraph are cut where they end (on content/,
    # 445 of 504 numbered headings glued so are cut right).
    from zhengbao.model import LogicalLine
    from zhengbao.patterns import shapes
    from zhengbao.structure import split_run_in

    lines = [line.strip() for line in realcorpus_lines(slug, (1, 10_000)) if line.strip()]
    at = lines.index(heading)
    glued = lines[:at] + [heading + lines[at + 1]] + lines[at + 2:]
    body = [LogicalLine(text, number, number) for number, text in enumerate(glued, start=1)]
    assert split_run_in(body, at, shapes.number_mark(glued[at])) == (heading, lines[at + 1])
