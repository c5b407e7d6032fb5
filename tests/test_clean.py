"""Each repair on real lines from the seeds, and every PDF break in the five files."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhengbao.clean import (
    FIXES,
    clean_report,
    collapse_repeated_copies,
    list_fixes,
    normalize_whitespace,
    remove_pinyin_annotations,
    strip_invisible_characters,
    strip_markdown_heading_marks,
)
from zhengbao.load import load_reports
from zhengbao.model import LogicalLine, RawReport, ReportMeta, SourceLine
from zhengbao.patterns import shapes
from zhengbao.pdf_breaks import join_broken_lines, remove_page_furniture

from .conftest import CONTENT, ROOT


def lines_of(*texts: str) -> list[LogicalLine]:
    return [LogicalLine(text, number, number) for number, text in enumerate(texts, start=1)]


def source_lines(*texts: str) -> list[SourceLine]:
    return [SourceLine(number, text) for number, text in enumerate(texts, start=1)]


@pytest.fixture(scope="module")
def cleaned():
    return {raw.meta.slug: clean_report(raw) for raw in load_reports(CONTENT)}


def test_pinyin_annotations_removed_from_traditional_summary():
    line = "2023年,廣州將積極探索中國式現(xiàn)代化的廣州路徑,舉全市之力推動南沙開發(fā)開放"
    fixed, repairs = remove_pinyin_annotations(lines_of(line))
    assert fixed[0].text == "2023年,廣州將積極探索中國式現代化的廣州路徑,舉全市之力推動南沙開發開放"
    assert repairs[0].fix == "remove_pinyin_annotations" and repairs[0].line == 1


def test_genuine_parentheses_stay():
    line = "8. XR: Extended Reality, 即扩展现实, 其中包括增强现实 (AR)、虚拟现实 (VR)、混合现实 (MR)。"
    fixed, repairs = remove_pinyin_annotations(lines_of(line, "推动建设南沙（粤港澳）数据合作"))
    assert [x.text for x in fixed] == [line, "推动建设南沙（粤港澳）数据合作"]
    assert repairs == []


def test_2017_report_appears_once_after_collapse():
    raw = next(r for r in load_reports(CONTENT) if r.meta.slug == "2017-guangzhou")
    kept, repairs = collapse_repeated_copies([LogicalLine(x.text, x.number, x.number) for x in raw.lines])
    assert kept[-1].last_line == 101  # line 102 is blank; line 103 starts the second copy
    assert [x.text for x in kept][0] == "2017年广州市政府工作报告"
    assert len(repairs) == 1 and "重复了8次" in repairs[0].why


def test_file_without_copies_is_untouched():
    lines = lines_of("一、2023年工作回顾", "", "2023年是全面贯彻党的二十大精神的开局之年。")
    kept, repairs = collapse_repeated_copies(lines)
    assert kept == lines and repairs == []


def test_markdown_heading_marks_dropped():
    fixed, repairs = strip_markdown_heading_marks(lines_of("# 2021年广州市政府工作报告", "### 三、2021 年工作安排"))
    assert [x.text for x in fixed] == ["2021年广州市政府工作报告", "三、2021 年工作安排"]
    assert len(repairs) == 2


def test_spaces_beside_chinese_dropped_but_latin_spaces_kept():
    fixed, _ = normalize_whitespace(lines_of(
        "全国重点文物保护单位增至 33 处。新增国家级非遗项目",
        "7. CRO: Contract Research Organizations, 即合同研究组织",
        "1 堅持產業第一、制造業立市 加快構建現代化產業體系",
        "### 三、2021 年工作安排".lstrip("# "),
        "温\u3000国\u3000辉的讲话\u00a0内容\t。  ",
    ))
    assert fixed[0].text == "全国重点文物保护单位增至33处。新增国家级非遗项目"
    assert fixed[1].text == "7. CRO: Contract Research Organizations,即合同研究组织"
    assert fixed[2].text == "1 堅持產業第一、制造業立市 加快構建現代化產業體系"
    assert fixed[3].text == "三、2021年工作安排"
    assert fixed[4].text == "温国辉的讲话内容。"


def test_zero_width_characters_dropped():
    fixed, repairs = strip_invisible_characters(lines_of("专精\u200b特新\ufeff企业\u200d"))
    assert fixed[0].text == "专精特新企业" and len(repairs) == 1


# Every paragraph cut by PDF extraction in the five seeds: (file, last line of the first part,
# first line of the continuation), found by reading every line that does not end a sentence.
BREAKS = {
    "2021-guangzhou": [(36, 38), (50, 52), (80, 82), (94, 96), (120, 124), (132, 134), (150, 152),
                       (164, 166), (194, 196)],
    "2024-yuexiu": [(18, 20), (30, 32), (46, 48), (56, 58), (66, 68), (90, 92), (100, 102), (110, 112),
                    (118, 120), (124, 126), (132, 134), (140, 142), (158, 160), (166, 168), (174, 176),
                    (184, 186), (192, 194), (200, 202), (208, 210), (220, 222), (240, 242), (276, 278),
                    (292, 294), (318, 320)],
    "2024-guangzhou": [],
    "2017-guangzhou": [],
    "2023-guangzhou-summary": [],
}


@pytest.mark.parametrize("slug", list(BREAKS))
def test_every_pdf_break_is_rejoined(cleaned, slug):
    joined = [(line.first_line, line.last_line) for line in cleaned[slug].lines
              if line.first_line != line.last_line and not shapes.is_front_like(line.text)]
    assert joined == BREAKS[slug]


def test_break_inside_number_rejoined(cleaned):
    texts = [line.text for line in cleaned["2024-yuexiu"].lines]
    assert any("商事主体总量增至24.3万户、增长4%" in text for text in texts)
    texts = [line.text for line in cleaned["2021-guangzhou"].lines]
    assert any("分别由全球第6、第7位提升到第4、第5位。推进" in text for text in texts)


def test_broken_subsection_heading_rejoined(cleaned):
    texts = [line.text for line in cleaned["2024-yuexiu"].lines]
    assert any(t.startswith("（六）坚定不移提升城市规划建设管理水平，持续优化城区功能品质。坚持") for t in texts)


def test_no_heading_swallowed_and_no_finished_sentence_joined(cleaned):
    for report in cleaned.values():
        for repair in report.repairs:
            if repair.fix == "join_broken_lines":
                first_part = repair.before.split(" ⏎ ")[0]
                assert not first_part.rstrip().endswith(("。", "！", "？", "：", "；"))
        for line in report.lines:
            assert "⏎" not in line.text
            for marker in ("一、2023年工作回顾", "二、2024年工作安排", "三、2021年工作安排"):
                assert marker not in line.text or line.text == marker


def test_date_line_broken_in_two_rejoined(cleaned):
    front = cleaned["2024-yuexiu"].lines[:3]
    assert [line.text for line in front] == [
        "政府工作报告", "——2024年2月4日在广州市越秀区第十七届人民代表大会第四次会议上", "越秀区区长 罗光华"]
    assert front[1].first_line == 5 and front[1].last_line == 6


def test_summary_label_lines_stay_separate(cleaned):
    # Lines 50–73 of the 2023 summary are infographic labels: short lines stand alone, so none is
    # taken as the continuation of a long unpunctuated label before it.
    labels = [line for line in cleaned["2023-guangzhou-summary"].lines if line.first_line >= 50]
    assert len(labels) == 24
    assert labels[0].text == "產業第一"
    assert all(line.first_line == line.last_line for line in labels)


def test_other_conventions_unnumbered_headings_and_enumerations():
    lines = lines_of("2025年某县政府工作报告", "各位代表：", "经济运行稳中有进", "一是投资更加有效。全年完成投资",
                     "100亿元。", "第一，就业稳定。", "民生保障持续加强", "城乡居民收入稳步增长。")
    logical, repairs = join_broken_lines(lines)
    texts = [x.text for x in logical]
    assert texts == ["2025年某县政府工作报告", "各位代表：", "经济运行稳中有进", "一是投资更加有效。全年完成投资100亿元。",
                     "第一，就业稳定。", "民生保障持续加强", "城乡居民收入稳步增长。"]
    assert len(repairs) == 1


def test_explain_record_names_fix_and_line(cleaned):
    repairs = cleaned["2023-guangzhou-summary"].repairs
    first = next(r for r in repairs if r.fix == "remove_pinyin_annotations")
    assert first.line == 2 and "現(xiàn)" in first.before and "現代化" in first.after


def test_content_files_are_the_seeds_unchanged():
    seeds = Path(CONTENT).parent.parent / "shared" / "seeds"
    if not seeds.is_dir():  # a clone without shared/ beside it: compare with the recorded hashes
        seeds = None
    import hashlib
    digests = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in CONTENT.glob("*.txt")}
    assert len(digests) == 5
    if seeds is not None:
        seed_digests = {hashlib.sha256(p.read_bytes()).hexdigest() for p in seeds.glob("*.txt")}
        assert set(digests.values()) == seed_digests


def test_title_broken_in_two_and_spaced_name_from_other_reports():
    from zhengbao.model import RawReport, ReportMeta
    from zhengbao.parse import parse_report

    raw = RawReport(ReportMeta("x.txt", "x", 2025, "某县", "county"), "x.txt", source_lines(
        "2025年某某县", "政府工作报告", "——2025年1月10日在某某县第十八届人民代表大会第五次会议上",
        "县长\u3000张\u3000三\u200b", "各位代表：", "一、2024年工作回顾", "经济平稳。"))
    report = parse_report(clean_report(raw))
    assert report.front.title == "2025年某某县政府工作报告"
    assert report.front.date == "2025-01-10"
    assert report.front.speaker == "张三" and report.front.speaker_role == "县长"
    fixes = {r.fix for r in report.repairs}
    assert {"join_broken_title", "strip_invisible_characters"} <= fixes


# Switching a repair off by name (build.py --no-fix NAME): each on a real line of the seeds.

@pytest.fixture(scope="module")
def raws():
    return {raw.meta.slug: raw for raw in load_reports(CONTENT)}


def texts(raw: RawReport, *disabled: str) -> list[str]:
    return [line.text for line in clean_report(raw, frozenset(disabled)).lines]


def raw_of(*lines: str) -> RawReport:
    return RawReport(ReportMeta("x.txt", "x", 2024, "广州市", "city"), "x.txt", source_lines(*lines))


def test_every_fix_is_listed_in_order_with_its_summary():
    assert [name for name, _ in list_fixes()] == [fix.name for fix in FIXES]
    assert len({name for name, _ in list_fixes()}) == len(FIXES) == 18
    assert dict(list_fixes())["join_broken_lines"] == "Rejoin paragraphs cut by PDF extraction into one logical line each."
    assert all(summary and "\n" not in summary for _, summary in list_fixes())


def test_every_repair_record_names_a_listed_fix(cleaned):
    made = {repair.fix for report in cleaned.values() for repair in report.repairs}
    assert made <= {name for name, _ in list_fixes()}
    assert {"collapse_repeated_copies", "join_broken_lines", "join_broken_date_line"} <= made


def test_unknown_fix_name_is_refused_with_the_known_names(raws):
    with pytest.raises(ValueError) as error:
        clean_report(raws["2024-yuexiu"], frozenset({"fix_everything"}))
    assert "fix_everything" in str(error.value)
    assert all(name in str(error.value) for name, _ in list_fixes())


@pytest.mark.parametrize("name", [fix.name for fix in FIXES])
def test_a_fix_switched_off_makes_no_repair_of_its_name(raws, name):
    for raw in raws.values():
        assert name not in {repair.fix for repair in clean_report(raw, frozenset({name})).repairs}


def test_no_fix_collapse_repeated_copies_keeps_all_eight_copies(raws):
    assert texts(raws["2017-guangzhou"]).count("2017年广州市政府工作报告") == 1
    assert texts(raws["2017-guangzhou"], "collapse_repeated_copies").count("2017年广州市政府工作报告") == 8


def test_no_fix_strip_invisible_characters_keeps_the_zero_width_joiner():
    raw = raw_of("各位代表：\u200d")  # 2015 national report (Wikisource), line 1
    assert texts(raw) == ["各位代表："]
    assert texts(raw, "strip_invisible_characters") == ["各位代表：\u200d"]


def test_no_fix_remove_pinyin_annotations_keeps_the_pinyin(raws):
    assert "現代化" in texts(raws["2023-guangzhou-summary"])[1]
    assert "現(xiàn)代化" in texts(raws["2023-guangzhou-summary"], "remove_pinyin_annotations")[1]


def test_no_fix_strip_markdown_heading_marks_keeps_the_hash(raws):
    assert texts(raws["2021-guangzhou"])[0] == "2021年广州市政府工作报告"
    assert texts(raws["2021-guangzhou"], "strip_markdown_heading_marks")[0] == "# 2021年广州市政府工作报告"


def test_no_fix_normalize_whitespace_keeps_the_pdf_spaces(raws):
    line = "全国重点文物保护单位增至 33 处。"  # 2021 report, line 66
    assert not any(line in text for text in texts(raws["2021-guangzhou"]))
    assert any(line in text for text in texts(raws["2021-guangzhou"], "normalize_whitespace"))


def test_no_fix_join_broken_title_leaves_both_halves():
    raw = raw_of("2024年广州市", "政府工作报告", "各位代表：")  # the 2024 report's title, cut as a PDF cuts it
    assert texts(raw) == ["2024年广州市政府工作报告", "各位代表："]
    assert texts(raw, "join_broken_title") == ["2024年广州市", "政府工作报告", "各位代表："]


def test_no_fix_join_broken_date_line_leaves_both_halves(raws):
    assert texts(raws["2024-yuexiu"])[1] == "——2024年2月4日在广州市越秀区第十七届人民代表大会第四次会议上"
    assert texts(raws["2024-yuexiu"], "join_broken_date_line")[1:3] == [
        "——2024年2月4日在广州市越秀区第十七届", "人民代表大会第四次会议上"]


def test_no_fix_join_broken_lines_leaves_the_pdf_break(raws):
    joined = [text for text in texts(raws["2024-yuexiu"]) if "商事主体总量增至24.3" in text]
    assert "增至24.3万户、增长4%" in joined[0]
    kept = texts(raws["2024-yuexiu"], "join_broken_lines")
    assert any(text.endswith("商事主体总量增至24.3") for text in kept)
    assert any(text.startswith("万户、增长4%") for text in kept)


def test_no_fix_join_lone_enumerators_leaves_the_enumerator_alone():
    raw = raw_of("一是", "依法打击危害人民生命财产安全和破坏现代化建设的各种刑事犯罪活动；")  # 1994 national, lines 199–200
    assert texts(raw) == ["一是依法打击危害人民生命财产安全和破坏现代化建设的各种刑事犯罪活动；"]
    assert texts(raw, "join_lone_enumerators") == ["一是", "依法打击危害人民生命财产安全和破坏现代化建设的各种刑事犯罪活动；"]


def test_lone_section_enumerator_joins_its_item():
    raw = raw_of("一、", "我国人民已经推翻了帝国主义者在中国的统治。")  # 1955 national, a list inside 三、
    assert texts(raw) == ["一、我国人民已经推翻了帝国主义者在中国的统治。"]


def test_count_at_the_start_of_a_continuation_is_joined_without_its_pdf_space():
    raw = raw_of("过去一年，全市新增国家级专精特新“小巨人”企业", "12 家、省级专精特新中小企业",
                 "1200家，研发投入强度提高到3.4%。")  # case 02
    assert texts(raw) == [
        "过去一年，全市新增国家级专精特新“小巨人”企业12家、省级专精特新中小企业1200家，研发投入强度提高到3.4%。"]


def test_numbered_heading_line_stands_alone_but_a_cut_one_continues():
    standalone = raw_of("（一）采取果断措施，集中力量抗击非典", "去年春天，我国遭遇了一场非典疫情重大灾害。")  # 2004 national
    assert len(texts(standalone)) == 2
    cut = raw_of("（六）坚定不移提升城市规划建设管理水平，持续优化城",  # 2024 district report, lines 158–160
                 "市功能品质。坚持人民城市人民建、人民城市为人民。")
    assert texts(cut) == ["（六）坚定不移提升城市规划建设管理水平，持续优化城市功能品质。坚持人民城市人民建、人民城市为人民。"]


@pytest.mark.parametrize("salutation", ["各位代表：", "各位代表！"])
def test_salutation_is_never_appended_to_a_front_line_cut_before_its_end(salutation):
    """2026-xinjiang's date line cut before 第四次会议上 (as a copy cuts it), the salutation next."""
    raw = raw_of("2026年新疆维吾尔自治区政府工作报告", "——2026年1月27日在新疆维吾尔自治区第十四届人民代表大会",
                 salutation, "现在，我代表自治区人民政府，向大会报告工作，请予审议，并请自治区政协委员提出意见。")
    assert texts(raw)[1:3] == ["——2026年1月27日在新疆维吾尔自治区第十四届人民代表大会", salutation]


def test_role_alone_and_its_name_are_joined_with_a_record():
    """2023 national (Wikisource), lines 13–14: "国务院总理　" / "李克强"."""
    raw = raw_of("政府工作报告", "——2023年3月5日在第十四届全国人民代表大会第一次会议上", "国务院总理\u3000", "李克强",
                 "各位代表：", "本届政府任期即将结束。")
    cleaned = clean_report(raw)
    assert [line.text for line in cleaned.lines][2] == "国务院总理 李克强"
    record = next(r for r in cleaned.repairs if r.fix == "join_role_and_name")
    assert (record.line, record.before, record.after) == (4, "国务院总理 ⏎ 李克强", "国务院总理 李克强")
    assert texts(raw, "join_role_and_name")[2:4] == ["国务院总理", "李克强"]


def test_role_and_name_lines_in_the_body_are_not_joined():
    raw = raw_of("各位代表：", "国务院总理", "李克强")
    assert texts(raw) == ["各位代表：", "国务院总理", "李克强"]


def test_title_and_its_summary_mark_on_the_next_line_are_joined():
    raw = raw_of("政府工作报告", "（摘要）", "各位代表：", "本届政府任期即将结束。")
    assert texts(raw)[0] == "政府工作报告（摘要）"


# 1956 national (Wikisource), lines 113–115 and 192–198: a paragraph ending on a footnote reference
# "（⑵⑶）", and the notes on characters missing from the font at the end of the text.
_1956 = (ROOT / "tests" / "cases" / "realcorpus" / "1956-national.txt").read_text(encoding="utf-8").split("\n")
NOTES_1956 = tuple(_1956[112:115] + _1956[191:198])


def test_footnote_reference_ends_its_paragraph_and_note_lines_stay_lines_of_their_own():
    cleaned = texts(raw_of(*NOTES_1956))
    assert cleaned[0].endswith("全国职工增加的收入将达到１２．５亿元。（⑵⑶）")
    assert cleaned[1].startswith("全国国营、合作社营和公私合营工业的劳动生产率")
    assert cleaned[2].startswith("各位代表！１９５６年国家预算") and cleaned[3:] == [
        "字库未存字注释：", "＠①原字石右加安", "＠②原字钅右加夕"]


def test_note_lines_are_paragraphs_never_headings():
    from zhengbao.parse import parse_report

    report = parse_report(clean_report(raw_of("一、１９５５年国家决算", *NOTES_1956)))
    assert [s.heading for s in report.all_sections()] == ["一、１９５５年国家决算"]
    assert [p.text for p in report.sections[0].paragraphs][-3:] == ["字库未存字注释：", "＠①原字石右加安", "＠②原字钅右加夕"]
    assert shapes.is_note_line("［1］国家统计局数据。") and shapes.is_note_line("↑ 原文如此")
    assert not shapes.is_note_line("①加快建设现代化产业体系") and not shapes.is_short_heading("↑ 原文如此")


def _realcorpus_lines(name: str, first: int, last: int) -> list[str]:
    """Lines first..last (1-based, inclusive) of a file of tests/cases/realcorpus, as in the file."""
    return (ROOT / "tests" / "cases" / "realcorpus" / name).read_text(encoding="utf-8").split("\n")[first - 1:last]


def test_subsection_headings_ending_on_a_word_are_not_joined_to_their_paragraph():
    """2026-fujian lines 20–30: every （n） heading ends on a word; the next paragraph opens with a
    short lead ("创新效能提升。"), which is no end of the heading."""
    lines = _realcorpus_lines("2026-fujian.txt", 20, 30)
    assert [text.replace(" ", "") for text in texts(raw_of(*lines))] == [line.replace(" ", "") for line in lines]


def test_a_lead_line_set_apart_by_blank_lines_is_not_joined_to_the_paragraph_after_it():
    """2003 national lines 14–20 (Wikisource): a lead line with two blank lines under it, where the
    copy puts one blank line between paragraphs."""
    lines = _realcorpus_lines("2003-national.txt", 14, 40)
    cleaned = texts(raw_of(*lines))
    assert "五年来，国民经济保持良好发展势头，经济结构战略性调整迈出重要步伐" in cleaned
    assert next(t for t in cleaned if t.startswith("经济持续较快增长。"))


def test_a_line_cut_on_a_comma_joins_across_blank_lines():
    """1986 national lines 155–160: "为了加快农业的发展，" / blank lines / "一要继续执行正确的农村政策，…"."""
    lines = _realcorpus_lines("1986-national.txt", 155, 160)
    assert texts(raw_of(*lines))[0].startswith("为了加快农业的发展，一要继续执行正确的农村政策，")


def test_blank_lines_around_a_removed_page_number_do_not_set_a_line_apart():
    """Case 01's page break as a PDF copy with blank lines around its page number and header."""
    case01 = (ROOT / "tests" / "cases" / "archive-repairs" / "2024-demo.txt").read_text(encoding="utf-8").split("\n")
    assert case01[7:9] == ["— 3 —", "示例市政府工作报告"]
    lines = case01[:7] + ["", case01[7], "", case01[8], ""] + case01[9:]
    cut = next(text for text in texts(raw_of(*lines)) if "规模以上工业" in text)
    assert "规模以上工业增加值增长2.6%" in cut


def test_bare_page_number_before_a_word_opening_on_a_unit_is_dropped():
    """`在市` / `3` / `人大及其常委会…`: 人大 is no count (patterns.chrome.NOT_A_COUNT); `增至` / `33` / `处，` stays."""
    cut = ("过去一年，在中共北京市委直接领导下，在市", "人大及其常委会监督支持下，我们坚持。")
    kept, repairs = remove_page_furniture(lines_of(cut[0], "3", cut[1]))
    assert [line.text for line in kept] == list(cut)
    assert [(r.before, r.why) for r in repairs] == [("3", "PDF的页码，不是报告正文")]
    kept, repairs = remove_page_furniture(lines_of("全国重点文物保护单位增至", "33", "处，新增国家级非遗项目。"))
    assert len(kept) == 3 and repairs == []


def test_short_line_opening_on_an_enumerator_takes_its_continuation():
    """`一是首都功能` (a PDF break after six characters) is no heading: the paragraph is rejoined."""
    first, last = "一年来，主要做了以下工作。", "二是科技创新加快引领新质生产力发展。"
    joined, repairs = join_broken_lines(lines_of(first, "一是首都功能", "持续优化提升。圆满完成纪念活动服务保障。", last))
    assert [line.text for line in joined] == [first, "一是首都功能持续优化提升。圆满完成纪念活动服务保障。", last]
    assert [r.fix for r in repairs] == ["join_broken_lines"]


def test_copies_inside_a_portal_page_collapse_and_keep_the_chrome():
    """The 2017 seed's 8 copies saved with a portal page around them (the toolbar and source line
    of content/2026-hunan.txt above, the footer under): one copy is kept, and the chrome around it
    stays for remove_portal_chrome."""
    raw = next(r for r in load_reports(CONTENT) if r.meta.slug == "2017-guangzhou")
    top = ["下载", "打印", "全屏", "收藏", "【字号：", "加大", "还原", "减小", "】", "来源：广州日报", "分享到："]
    bottom = ["【打印本页】【关闭窗口】", "扫一扫在手机打开当前页"]
    texts = top + [x.text for x in raw.lines] + bottom
    kept, repairs = collapse_repeated_copies(lines_of(*texts))
    shown = [x.text for x in kept if x.text.strip()]
    assert shown[:len(top)] == top and shown[-len(bottom):] == bottom
    assert shown[len(top):-len(bottom)] == [x.text for x in raw.lines[:101] if x.text.strip()]
    assert len(repairs) == 1 and "重复了8次" in repairs[0].why and repairs[0].line == len(top) + 103


def test_a_block_repeated_inside_a_text_is_not_a_copy():
    """Two equal lines back to back (a licence footer's "Public domain" / "Public domain") or a
    repeated paragraph are no copy of the whole text: only a run that leaves fewer lines than one copy."""
    lines = lines_of("一、2023年工作回顾", "2023年是全面贯彻党的二十大精神的开局之年。",
                     "2023年是全面贯彻党的二十大精神的开局之年。", "Public domain", "Public domain", "false", "false")
    assert collapse_repeated_copies(lines) == (lines, [])
