"""Repairs for the mess of real archives, on real lines: portal chrome, Wikisource licence footers
and link breaks, PDF page furniture; every removed line is recorded, and nothing else of a text
is lost (checked on every file of ../shared/realcorpus).

Inputs are real lines copied from ../shared/realcorpus and ../shared/cases, inline or as excerpts
in tests/cases/archive-repairs (each excerpt keeps its lines in source order).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from zhengbao.chrome import remove_photo_captions, remove_portal_chrome, remove_repeated_header_lines
from zhengbao.clean import FIXES, clean_report
from zhengbao.hyperlink_breaks import join_link_breaks
from zhengbao.load import load_reports
from zhengbao.model import LogicalLine, RawReport, ReportMeta, SourceLine
from zhengbao.pdf_breaks import remove_page_furniture
from zhengbao.wikisource import remove_licence_footer, remove_wiki_markup

from .conftest import CONTENT, ROOT, run_build

CASES = ROOT / "tests" / "cases" / "archive-repairs"
REALCORPUS = ROOT / "tests" / "cases" / "realcorpus"  # a copy of ../shared/realcorpus
REMOVALS = ("remove_licence_footer", "remove_wiki_markup", "remove_portal_chrome", "remove_photo_captions",
            "remove_repeated_header_lines", "remove_page_furniture")


def lines_of(*texts: str) -> list[LogicalLine]:
    return [LogicalLine(text, number, number) for number, text in enumerate(texts, start=1)]


def raw_of(path: Path) -> RawReport:
    text = path.read_text(encoding="utf-8")
    meta = ReportMeta(file=path.name, slug=path.stem, year=2026, region="示例", level="province")
    return RawReport(meta, str(path), [SourceLine(n, line) for n, line in enumerate(text.split("\n"), start=1)])


def removed(repairs) -> dict[int, tuple[str, str]]:
    """Line → (text, why) of every line a repair removed (after = "")."""
    return {r.line: (r.before, r.why) for r in repairs if r.after == ""}


def squeeze(text: str) -> str:
    return re.sub(r"[\s\u200b\u200c\u200d\u2060\ufeff\u00ad]+", "", text)


# --- portal page chrome (2026 provincial copies) ---------------------------------------------------

ANHUI_HEAD = ("下载", "打印", "全屏", "收藏", "【字号：", "加大", "还原", "减小", "】", "2026年安徽省政府工作报告",
              "——2026年2月5日在安徽省第十四届人民代表大会第四次会议上", "来源：安徽日报", "时间：2026-02-11",
              "省人民政府省长 王清宪", "各位代表：")


def test_portal_toolbar_source_and_time_lines_removed_title_date_speaker_kept():
    kept, repairs = remove_portal_chrome(lines_of(*ANHUI_HEAD))
    assert [x.text for x in kept] == ["2026年安徽省政府工作报告", "——2026年2月5日在安徽省第十四届人民代表大会第四次会议上",
                                      "省人民政府省长 王清宪", "各位代表："]
    gone = removed(repairs)
    assert sorted(gone) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13]
    assert gone[5] == ("【字号：", "网页的工具栏")
    assert gone[12][1].startswith("网页的文章标注") and gone[13][0] == "时间：2026-02-11"
    assert all(r.fix == "remove_portal_chrome" for r in repairs)


def test_toolbar_on_one_line_newspaper_name_and_related_links_removed():
    kept, repairs = remove_portal_chrome(lines_of(
        "下载 打印 全屏 收藏 【字号：加大 还原 减小】", "湖北日报客户端", "各位代表！让我们更加紧密地团结起来。",
        "相关报道：", "扫一扫在手机打开当前页"))
    assert [x.text for x in kept] == ["各位代表！让我们更加紧密地团结起来。"]
    assert sorted(removed(repairs)) == [1, 2, 4, 5]
    assert "报纸" in removed(repairs)[2][1]


def test_font_size_letters_only_beside_other_chrome():
    kept, _ = remove_portal_chrome(lines_of("字号：", "大", "中", "小", "各位代表："))
    assert [x.text for x in kept] == ["各位代表："]
    kept, _ = remove_portal_chrome(lines_of("今年要坚持", "大", "力度推进改革。"))
    assert [x.text for x in kept] == ["今年要坚持", "大", "力度推进改革。"]


def test_share_prefix_cut_from_title_and_breadcrumb_labels_removed():
    """2026-shaanxi: "分享:" before the title, a breadcrumb one item a line, labels with their value below."""
    kept, repairs = remove_portal_chrome(lines_of(
        "分享:陕西省2026年政府工作报告", "首页", ">", "政府信息公开", ">", "政府工作报告", ">", "省政府工作报告",
        "时间：", "2026-02-02 09:20", "来源：", "陕西省人民政府", "分享:", "各位代表："))
    assert [x.text for x in kept] == ["陕西省2026年政府工作报告", "各位代表："]
    prefix = next(r for r in repairs if r.line == 1)
    assert (prefix.before, prefix.after) == ("分享:陕西省2026年政府工作报告", "陕西省2026年政府工作报告")
    gone = removed(repairs)
    assert sorted(gone) == list(range(2, 14))
    assert gone[6] == ("政府工作报告", "网页的导航路径（面包屑）")
    assert gone[12] == ("陕西省人民政府", "第11行网页标注的内容")


def test_information_disclosure_table_related_links_and_footer_removed():
    """The 政府信息公开 table of a county portal (zb.gov.cn, a page found in the search corpus: "• 索引号:" /
    value / …), a box of related links and the portal's footer; the report's lines stay."""
    kept, repairs = remove_portal_chrome(lines_of(
        "• 索引号:", "6107280000/2024-001005", "• 主题分类:", "• 来源:", "• 发文机构:", "县政府网站", "• 发文字号:",
        "镇政发〔2024〕7号", "• 发文日期:", "2024年04月06日 16:40", "浏览量:          时间:2016-01-17 23:45:19",
        "新华社北京3月5日电 各位代表：", "现在，我代表国务院，向大会报告政府工作，请予审议。",
        "上一篇：2025年政府工作报告", "版权所有：陕西省人民政府办公厅", "相关报道：", "【两会】2026年政府工作报告全文"))
    assert [x.text for x in kept] == ["各位代表：", "现在，我代表国务院，向大会报告政府工作，请予审议。"]
    gone = removed(repairs)
    assert sorted(gone) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 17]
    assert gone[17][1] == "网页的相关链接栏"
    dateline = next(r for r in repairs if r.line == 12)
    assert dateline.after == "各位代表：" and "电头" in dateline.why


def test_related_links_box_keeps_text_that_follows_it():
    kept, _ = remove_portal_chrome(lines_of("相关报道：", "各位代表！让我们更加紧密地团结起来，奋力谱写新篇章。"))
    assert [x.text for x in kept] == ["各位代表！让我们更加紧密地团结起来，奋力谱写新篇章。"]


def test_label_value_that_is_the_reports_date_line_is_kept():
    kept, _ = remove_portal_chrome(lines_of("时间：", "2026年1月27日在陕西省第十四届人民代表大会第四次会议上", "各位代表："))
    assert [x.text for x in kept] == ["2026年1月27日在陕西省第十四届人民代表大会第四次会议上", "各位代表："]


def test_photo_captions_removed_and_the_reports_own_sentence_kept():
    captions = ("殷勇同志作政府工作报告。本报记者 戴冰摄", "政府工作报告。 贵州日报天眼新闻记者 李森 摄", "张工作政府工作报告。",
                "1月27日，艾尔肯·吐尼亚孜代表自治区人民政府，向大会作政府工作报告。石榴云/新疆日报记者谢龙摄",
                "省长赵刚作政府工作报告", "中新社采访人员 杨艳敏 摄")
    sentence = "现在，我代表省人民政府，向大会作政府工作报告，请予审议，并请省政协委员和其他列席人员提出意见。"
    kept, repairs = remove_photo_captions(lines_of(*captions, "各位代表：", sentence))
    assert [x.text for x in kept] == ["各位代表：", sentence]
    assert sorted(removed(repairs)) == [1, 2, 3, 4, 5, 6]
    assert all("图片说明" in why for _, why in removed(repairs).values())


def test_portal_header_shown_twice_keeps_the_first_copy():
    kept, repairs = remove_repeated_header_lines(lines_of(
        "陕西省2026年政府工作报告", "2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚",
        "陕西省2026年政府工作报告", "2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚",
        "各位代表：", "一、2025年工作回顾"))
    assert [x.text for x in kept][:2] == ["陕西省2026年政府工作报告",
                                          "2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚"]
    assert removed(repairs)[3][1] == "重复第1行：网页把页头显示了两次"
    assert sorted(removed(repairs)) == [3, 4]


# --- Wikisource licence footer and wiki markup (national copies) -----------------------------------

FOOTER = ("本作品是中华人民共和国的", "法律", "、", "法规",
          "，国家机关的决议、决定、命令和其他具有立法、行政、司法性质的文件，及其官方正式译文。根据《",
          "中华人民共和国著作权法", "》第五条第一项，本作品不适用于该法，在", "中国大陆", "，也可能在其他管辖区，属于",
          "公有领域", "。", "", "注：中文维基文库社群认为，中华人民共和国公务演讲，", "不总是",
          "具有立法、行政、司法性质的文件。", "", "Public domain", "Public domain", "false", "false")
LAST_PARAGRAPH = "　　各位代表！我国第一个五年计划是一个伟大的计划，它将开始改变我国百年来经济落后的历史。"


def test_licence_footer_removed_whole_and_the_text_before_it_kept():
    kept, repairs = remove_licence_footer(lines_of(LAST_PARAGRAPH, "", *FOOTER))
    assert [x.text for x in kept if x.text] == [LAST_PARAGRAPH]
    gone = removed(repairs)
    assert sorted(gone) == [n for n, text in enumerate(FOOTER, start=3) if text]
    assert gone[3] == ("本作品是中华人民共和国的", "维基文库的版权声明（第3–22行），不是报告正文")


def test_licence_data_lines_removed_at_the_end_without_the_template_text():
    kept, repairs = remove_licence_footer(lines_of(LAST_PARAGRAPH, "", "Public domain", "Public domain", "false", "false"))
    assert [x.text for x in kept if x.text] == [LAST_PARAGRAPH]
    assert sorted(removed(repairs)) == [3, 4, 5, 6]


def test_text_after_a_line_starting_with_benzuopin_is_never_taken_without_a_licence():
    text = ("本作品是人民群众的创造", "这是一段很长的正文，" * 20)
    kept, repairs = remove_licence_footer(lines_of(*text))
    assert [x.text for x in kept] == list(text) and repairs == []


def test_wiki_bold_marks_and_toolbar_placeholder_removed():
    """2007 national: "'" / "——改革开放进一步深化。'" / "粗体文字" / the paragraph."""
    kept, repairs = remove_wiki_markup(lines_of("'", "——改革开放进一步深化。'", "粗体文字", "重点领域和关键环节改革取得新进展。",
                                                "[编辑]"))
    assert [x.text for x in kept] == ["——改革开放进一步深化。", "重点领域和关键环节改革取得新进展。"]
    assert sorted(removed(repairs)) == [1, 3, 5]
    assert removed(repairs)[3][1].startswith("维基编辑工具栏的占位文字")


# --- links on their own lines (national copies) ----------------------------------------------------

def test_law_titles_between_their_brackets_joined():
    """1979 national lines 20–24: two titles, each on its own line between 《 and 》."""
    texts = ("　　在经济方面，五届人大一次会议以后，中共十一届三中全会通过的《", "中共中央关于加快农业发展若干问题的决定（草案）",
             "》和《", "农村人民公社工作条例（试行草案）", "》下达到全国农村以后，全国农民和农村干部热烈欢迎。")
    joined, repairs = join_link_breaks(lines_of(*texts))
    assert [x.text.strip() for x in joined] == ["".join(t.strip() for t in texts)]
    assert (joined[0].first_line, joined[0].last_line) == (1, 5)
    assert [r.line for r in repairs] == [2, 3, 4, 5] and all(r.fix == "join_link_breaks" for r in repairs)


def test_country_name_and_lone_comma_lines_joined():
    """1984 national: "今年是我国与" / "印度" / "、缅甸…"; 2013 national: "…我们贯彻" / "民族区域自治法" / "，支持…"."""
    joined, repairs = join_link_breaks(lines_of("　　今年是我国与", "印度", "、缅甸共同倡议和平共处五项原则三十周年。", "",
                                                "　　五年来，我们贯彻", "民族区域自治法", "，支持少数民族和民族地区发展。"))
    assert [x.text.strip() for x in joined if x.text] == ["今年是我国与印度、缅甸共同倡议和平共处五项原则三十周年。",
                                                  "五年来，我们贯彻民族区域自治法，支持少数民族和民族地区发展。"]
    assert "第1行句子的一部分" in repairs[0].why


def test_treaty_name_between_two_halves_of_a_sentence_joined_in_a_web_copy():
    """1979 national lines 231–233, with the blank lines between paragraphs of the copy."""
    texts = ("　　中国和苏联曾经是友好邻邦。我们在宣布早已名存实亡的", "中苏友好同盟互助条约",
             "期满后不延长的同时，提出了就解决两国悬而未决的问题进行谈判。")
    joined, repairs = join_link_breaks(lines_of("", "各位代表：", "", *texts, "", "　　我们重视发展中美关系。", ""))
    assert "".join(t.strip() for t in texts) in [x.text.strip() for x in joined]
    assert len(repairs) == 2


def test_linked_title_that_opens_a_paragraph_joins_the_sentence_after_it():
    """1979 national lines 84–92: "　　" / "农村人民公社工作条例（试行草案）" / "在经过试行以后，…" opens a paragraph."""
    source = (REALCORPUS / "1979-national.txt").read_text(encoding="utf-8").split("\n")[83:92]
    joined, repairs = join_link_breaks([LogicalLine(text, n, n) for n, text in enumerate(source, start=84)])
    paragraph = next(x for x in joined if "农村人民公社工作条例" in x.text)
    assert paragraph.text.strip().startswith("农村人民公社工作条例（试行草案）在经过试行以后，")
    assert (paragraph.first_line, paragraph.last_line) == (90, 91)
    assert [(r.line, r.fix) for r in repairs] == [(91, "join_link_breaks")] and "段首" in repairs[0].why


def test_role_and_heading_lines_that_open_a_paragraph_are_not_taken_for_links():
    """2023 national lines 11–17 ("国务院总理" / "李克强": join_role_and_name's), a heading of the
    2019 national report above its paragraph."""
    front = (REALCORPUS / "2023-national.txt").read_text(encoding="utf-8").split("\n")[10:17]
    assert join_link_breaks(lines_of(*front))[1] == []
    heading = ("", "一、2018年工作回顾", "", "", "过去一年是全面贯彻党的十九大精神开局之年，是本届政府依法履职第一年。", "")
    assert join_link_breaks(lines_of(*heading))[1] == []


def test_treaty_name_joined_in_a_copy_without_blank_lines_when_the_line_before_holds_a_sentence():
    texts = ("　　中国和苏联曾经是友好邻邦。我们在宣布早已名存实亡的", "中苏友好同盟互助条约",
             "期满后不延长的同时，提出了就解决两国悬而未决的问题进行谈判。", "　　我们重视发展中美关系。")
    joined, _ = join_link_breaks(lines_of(*texts))
    assert [x.text.strip() for x in joined] == ["".join(t.strip() for t in texts[:3]), "我们重视发展中美关系。"]


def test_heading_above_a_short_line_is_not_joined_in_a_copy_without_blank_lines():
    """2023 summary's label lines (lines 65–67) are never joined by the name rule: no blank lines
    separate its paragraphs, so adjacent lines say nothing."""
    texts = (CONTENT / "2023-guangzhou-summary.txt").read_text(encoding="utf-8").split("\n")[64:67]
    joined, repairs = join_link_breaks(lines_of(*texts))
    assert [x.text for x in joined] == texts and repairs == []


def test_enumerator_alone_on_its_line_starts_the_paragraph_after_it():
    """1994 national: "一是" / "依法打击…"; 1955 national: "　　" / "一、" / "我国人民…" — joins, never headings."""
    raw = RawReport(ReportMeta(file="x.txt", slug="x", year=1994, region="国务院", level="national"), "x.txt",
                    [SourceLine(n, t) for n, t in enumerate(
                        ("各位代表：", "", "一是", "依法打击危害人民生命财产安全的严重刑事犯罪活动；", "", "　　", "一、",
                         "我国人民已经推翻了帝国主义者在中国的统治。"), start=1)])
    texts = [x.text for x in clean_report(raw).lines]
    assert "一是依法打击危害人民生命财产安全的严重刑事犯罪活动；" in texts
    assert "一、我国人民已经推翻了帝国主义者在中国的统治。" in texts


# --- PDF page furniture (case 01) and a continuation line starting with a number (case 02) --------

CASE01 = (CASES / "2024-demo.txt").read_text(encoding="utf-8").split("\n")


@pytest.mark.parametrize("page_number", ["— 3 —", "-3-", "- 3 -", "3", "第3页", "第 3 页 共 20 页", "·3·", "－３－"])
def test_page_number_and_running_header_removed_between_two_halves(page_number):
    texts = CASE01[:7] + [page_number] + CASE01[8:]
    kept, repairs = remove_page_furniture(lines_of(*texts))
    assert removed(repairs) == {8: (page_number, "PDF的页码，不是报告正文"),
                                9: ("示例市政府工作报告", "PDF的页眉（每页重复的标题）")}
    assert [x.text for x in kept] == CASE01[:7] + CASE01[9:]


def test_title_between_its_brackets_is_the_texts_link_not_a_running_header():
    texts = ("各位代表：", "　　五年来，我们认真落实十届全国人大一次会议通过的《", "政府工作报告", "》，完成了各项任务。")
    kept, repairs = remove_page_furniture(lines_of(*texts))
    assert [x.text for x in kept] == list(texts) and repairs == []


def test_page_furniture_paragraph_rejoined_by_the_clean_stage():
    cleaned = clean_report(raw_of(CASES / "2024-demo.txt"))
    assert ("过去一年，我们大抓经济、大抓产业、大抓投资、大抓招商，全年地区生产总值增长4.6%，"
            "规模以上工业增加值增长2.6%，城镇新增就业33万人。") in [x.text for x in cleaned.lines]
    assert sorted(removed(cleaned.repairs)) == [8, 9]


def test_bare_number_after_a_latin_letter_is_the_texts_subscript():
    """2015 national: "广义货币M" / "2" / "预期增长12%左右…" keeps its 2; a lone number before a unit stays too."""
    texts = ("　　稳健的货币政策要松紧适度。广义货币M", "2", "预期增长12%左右，在实际执行中，根据经济发展需要。",
             "全市新增就业", "33", "万人。")
    kept, repairs = remove_page_furniture(lines_of(*texts))
    assert [x.text for x in kept] == list(texts) and repairs == []


def test_continuation_line_starting_with_a_number_joins_the_line_before():
    """Case 02: "…“小巨人”企业" / "12 家、省级专精特新中小企业" / "1200 家，…" is one paragraph, not section 12."""
    lines = ("2024年示例市政府工作报告", "各位代表：", "一、2023年工作回顾", "过去一年，全市新增国家级专精特新“小巨人”企业",
             "12 家、省级专精特新中小企业", "1200 家，研发投入强度提高到3.4%。", "二、2024年工作安排", "今年要稳中求进。")
    raw = RawReport(ReportMeta(file="x.txt", slug="x", year=2024, region="示例市", level="city"), "x.txt",
                    [SourceLine(n, t) for n, t in enumerate(lines, start=1)])
    texts = [x.text for x in clean_report(raw).lines]
    assert "过去一年，全市新增国家级专精特新“小巨人”企业12家、省级专精特新中小企业1200家，研发投入强度提高到3.4%。" in texts


# --- registration, --explain, fidelity --------------------------------------------------------------

def test_removals_run_before_the_joins_and_the_whitespace_step():
    names = [fix.name for fix in FIXES]
    assert all(names.index(name) < names.index("join_link_breaks") for name in REMOVALS)
    assert names.index("join_link_breaks") < names.index("normalize_whitespace") < names.index("join_broken_lines")
    assert names.index("collapse_repeated_copies") < names.index("remove_licence_footer")


@pytest.fixture(scope="module")
def explained(tmp_path_factory) -> dict[str, str]:
    """`build.py --explain FILE` for each excerpt of tests/cases/archive-repairs."""
    site = tmp_path_factory.mktemp("explain") / "site"
    out: dict[str, str] = {}
    for name in ("2026-shaanxi-excerpt.txt", "2026-anhui-excerpt.txt", "1984-national-excerpt.txt", "2024-demo.txt"):
        result = run_build("--content", str(CASES), "--site", str(site), "--explain", name)
        assert result.returncode == 0, result.stderr
        out[name] = result.stdout
    return out


@pytest.mark.parametrize(("name", "line", "fix", "text"), [
    ("2026-shaanxi-excerpt.txt", 4, "remove_portal_chrome", "首页"),
    ("2026-shaanxi-excerpt.txt", 18, "remove_photo_captions", "省长赵刚作政府工作报告"),
    ("2026-shaanxi-excerpt.txt", 11, "remove_repeated_header_lines", "陕西省2026年政府工作报告"),
    ("2026-shaanxi-excerpt.txt", 31, "remove_portal_chrome", "扫一扫在手机打开当前页"),
    ("2026-anhui-excerpt.txt", 5, "remove_portal_chrome", "【字号："),
    ("2026-anhui-excerpt.txt", 28, "remove_portal_chrome", "相关报道："),
    ("1984-national-excerpt.txt", 46, "remove_licence_footer", "本作品是中华人民共和国的"),
    ("1984-national-excerpt.txt", 86, "remove_licence_footer", "false"),
    ("2024-demo.txt", 8, "remove_page_furniture", "— 3 —"),
])
def test_explain_lists_each_removed_line_with_its_reason(explained, name, line, fix, text):
    record = re.search(rf"^\S*{re.escape(name)}:{line}: {fix} — (?P<why>.+)\n    before: (?P<before>.*)\n    after:  $",
                       explained[name], re.M)
    assert record, explained[name][:2000]
    assert record["before"] == text and record["why"]


def test_explain_lists_the_link_joins(explained):
    assert "1984-national-excerpt.txt:37: join_link_breaks — 第37行是第36行句子的一部分" \
        in explained["1984-national-excerpt.txt"]


@pytest.fixture(scope="module")
def cases_site(tmp_path_factory) -> Path:
    """The excerpts of tests/cases/archive-repairs built as a site."""
    site = tmp_path_factory.mktemp("cases") / "site"
    result = run_build("--content", str(CASES), "--site", str(site))
    assert result.returncode == 0, result.stderr
    return site


def test_repairs_page_names_each_repair_in_chinese_with_its_code_name_and_reason(cases_site):
    page = BeautifulSoup((cases_site / "reports" / "2026-shaanxi-excerpt" / "repairs.html").read_text(encoding="utf-8"),
                         "html.parser")
    rows = [[cell for cell in row.select("td")] for row in page.select(".zb-repairs tbody tr")]
    assert rows
    labels = {fix.name: fix.label for fix in FIXES}
    for _line, fix, _before, _after, why in rows:
        code = fix.select_one("code").get_text()
        assert fix.get_text() == labels[code] + code
        assert re.search("[\u4e00-\u9fff]", why.get_text()) and not re.search("[A-Za-z]{3,}", why.get_text())
    home = next(row for row in rows if row[0].get_text() == "4")  # "首页", portal chrome
    assert (home[1].get_text(), home[2].get_text(), home[3].get_text(), home[4].get_text()) == (
        "删除网页栏目文字remove_portal_chrome", "首页", "（删除）", "网页的工具栏")
    counts = page.select_one(".zb-repair-counts").get_text()
    assert "删除网页栏目文字（remove_portal_chrome）" in counts and "删除图片说明（remove_photo_captions）：1 处" in counts


def test_every_repair_has_a_chinese_name():
    assert all(re.fullmatch("[\u4e00-\u9fffA-Za-z]+", fix.label) and re.search("[\u4e00-\u9fff]", fix.label)
               for fix in FIXES)
    assert len({fix.label for fix in FIXES}) == len(FIXES)


def fidelity_gap(path: Path) -> str:
    """'' when the cleaned text is the source minus the lines the removals took (whitespace
    ignored); else where they first differ."""
    source = path.read_text(encoding="utf-8").split("\n")
    cleaned = clean_report(raw_of(path))
    mine = [r for r in cleaned.repairs if r.fix in REMOVALS]
    assert all(r.before == source[r.line - 1] for r in mine), "a record's before is not the source line"
    gone = {r.line for r in mine if r.after == ""}
    edited = {r.line: r.after for r in mine if r.after != ""}
    expected = squeeze("".join(edited.get(n, text) for n, text in enumerate(source, start=1) if n not in gone))
    shown = squeeze("".join(line.text for line in cleaned.lines))
    if shown == expected:
        return ""
    at = next((i for i, (a, b) in enumerate(zip(shown, expected, strict=False)) if a != b), min(len(shown), len(expected)))
    return f"{path.name}: clean …{shown[at - 20:at + 20]}… vs source …{expected[at - 20:at + 20]}…"


@pytest.mark.parametrize("name", sorted(p.name for p in REALCORPUS.glob("*.txt")))
def test_nothing_but_the_removed_lines_disappears(name):
    assert fidelity_gap(REALCORPUS / name) == ""


def test_the_archive_loses_chrome_footers_and_captions():
    """Every Wikisource copy loses its footer, every portal copy its chrome or photo caption."""
    for raw in load_reports(REALCORPUS):
        fixes = {r.fix for r in clean_report(raw).repairs if r.after == ""}
        wanted = {"remove_licence_footer"} if raw.meta.level == "national" else {"remove_portal_chrome",
                                                                                 "remove_photo_captions"}
        assert wanted & fixes, raw.path
