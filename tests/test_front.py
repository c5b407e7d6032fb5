"""Front matter: the title, date and speaker found in the text in their common forms, the body
starting at the right line, and every front line kept, in order.

The blocks are real: copied from ../shared/realcorpus (national reports from zh.wikisource.org,
provincial reports of 2026 from the portals, chrome included), and the 1954 national report as a
public copy prints it (its title cut in two, the speaker's name alone above a date line in Chinese
numerals cut in two). The kinds issue 14 names that these copies do not show on their own ("政府工作报"
+ "告", a role and a dotted name on two lines, a speaker above the date line) are made from these
real lines by cutting or moving them, as copies do.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from zhengbao.clean import clean_report
from zhengbao.front import front_matter_length, iso_date
from zhengbao.link import settle_metadata
from zhengbao.model import RawReport, Report, ReportMeta, SourceLine
from zhengbao.parse import parse_report

from .conftest import download, run_build

# The toolbar every 2026 portal copy starts with.
TOOLBAR = ["下载", "打印", "全屏", "收藏", "【字号：", "加大", "还原", "减小", "】"]

REAL_2023_NATIONAL = ["政府工作报告", "", "", "", "", "", "", "——2023年3月5日在第十四届全国人民代表大会第一次会议上",
                      "", "", "", "", "国务院总理\u3000", "李克强", "", "", "各位代表：", "",
                      "本届政府任期即将结束。现在，我代表国务院，向大会报告工作，请予审议，并请全国政协委员提出意见。"]
REAL_2026_HUNAN = TOOLBAR + [
    "2026年湖南省政府工作报告", "——2026年2月3日在湖南省第十四届人民代表大会第四次会议上", "来源：湖南日报",
    "时间：2026-02-24",
    "毛伟明",
    "2月3日，湖南省第十四届人民代表大会第四次会议在省人民会堂开幕。省长毛伟明作政府工作报告。湖南日报全媒体记者 刘尚文 摄",
    "各位代表：", "现在，我代表省人民政府，向大会作政府工作报告，请予审议，并请各位政协委员提出意见。"]
# The 1954 national report as a public copy prints it (fsou.com; the date as that copy has it).
COPY_1954_NATIONAL = ["中华人民共和国第一届全国", "人民代表大会第一次会议政府工作报告", "", "周恩来", "",
                      "(一九五四年五月二十三日在中华人民共和国", "第一届全国人民代表大会第一次会议上的报告)", "", "各位代表:",
                      "我们第一届全国人民代表大会第一次会议,在听了刘少奇同志关于宪法草案的报告并进行了三天的讨论以后,"
                      "已经光荣地完成了一件历史性的工作,通过了我们国家的根本法——中华人民共和国宪法。"]

# name: (lines, entry (year, region, level), expected)
# expected: text title, shown title, date, speaker, role, the first body line (text, source line),
# and the front lines as (kind, text) in order.
BLOCKS = {
    "2023-national (Wikisource)": (REAL_2023_NATIONAL, (2023, "国务院", "national"), dict(
        title="政府工作报告", shown="2023年国务院政府工作报告", date="2023-03-05", speaker="李克强", role="国务院总理",
        body=("各位代表：", 17), lines=[("title", "政府工作报告"),
                                     ("date", "——2023年3月5日在第十四届全国人民代表大会第一次会议上"),
                                     ("speaker", "国务院总理 李克强")])),
    "2026-anhui (portal, role before the name)": (TOOLBAR + [
        "2026年安徽省政府工作报告", "——2026年2月5日在安徽省第十四届人民代表大会第四次会议上", "来源：安徽日报",
        "时间：2026-02-11", "省人民政府省长 王清宪", "各位代表：",
        "现在，我代表省人民政府，向大会报告政府工作，请予审议，并请省政协委员提出意见。"], (2026, "安徽省", "province"), dict(
        title="2026年安徽省政府工作报告", shown="2026年安徽省政府工作报告", date="2026-02-05", speaker="王清宪",
        role="省人民政府省长", body=("各位代表：", 15), lines=[
            ("title", "2026年安徽省政府工作报告"), ("date", "——2026年2月5日在安徽省第十四届人民代表大会第四次会议上"),
            ("speaker", "省人民政府省长 王清宪")])),
    "2026-xinjiang (name with ·, 自治区主席)": (TOOLBAR + [
        "2026年新疆维吾尔自治区政府工作报告", "——2026年1月27日在新疆维吾尔自治区第十四届人民代表大会第四次会议上",
        "来源：新疆日报", "时间：2026-02-12", "自治区主席 艾尔肯·吐尼亚孜",
        "1月27日，艾尔肯·吐尼亚孜代表自治区人民政府，向大会作政府工作报告。石榴云/新疆日报记者谢龙摄", "各位代表：",
        "现在，我代表自治区人民政府，向大会报告工作，请予审议，并请自治区政协委员提出意见。"],
        (2026, "新疆维吾尔自治区", "province"), dict(
        title="2026年新疆维吾尔自治区政府工作报告", shown="2026年新疆维吾尔自治区政府工作报告", date="2026-01-27",
        speaker="艾尔肯·吐尼亚孜", role="自治区主席", body=("各位代表：", 16), lines=[
            ("title", "2026年新疆维吾尔自治区政府工作报告"),
            ("date", "——2026年1月27日在新疆维吾尔自治区第十四届人民代表大会第四次会议上"),
            ("speaker", "自治区主席 艾尔肯·吐尼亚孜")])),
    "2026-guangxi (a spaced two-character name)": (TOOLBAR + [
        "2026年广西壮族自治区政府工作报告", "——2026年2月2日在广西壮族自治区第十四届人民代表大会第五次会议上",
        "来源：广西日报", "时间：2026-02-07", "自治区主席 韦 韬", "各位代表：",
        "现在，我代表自治区人民政府，向大会报告政府工作，请予审议，并请自治区政协委员和列席会议的同志提出意见。"],
        (2026, "广西壮族自治区", "province"), dict(
        title="2026年广西壮族自治区政府工作报告", shown="2026年广西壮族自治区政府工作报告", date="2026-02-02",
        speaker="韦韬", role="自治区主席", body=("各位代表：", 15), lines=[
            ("title", "2026年广西壮族自治区政府工作报告"),
            ("date", "——2026年2月2日在广西壮族自治区第十四届人民代表大会第五次会议上"), ("speaker", "自治区主席 韦 韬")])),
    "2026-xinjiang variant (other offices before the role, joined by 、)": ([
        "2026年新疆维吾尔自治区政府工作报告", "——2026年1月27日在新疆维吾尔自治区第十四届人民代表大会第四次会议上",
        "自治区党委副书记、自治区主席 艾尔肯·吐尼亚孜", "各位代表：",
        "现在，我代表自治区人民政府，向大会报告工作，请予审议，并请自治区政协委员提出意见。"],
        (2026, "新疆维吾尔自治区", "province"), dict(
        title="2026年新疆维吾尔自治区政府工作报告", shown="2026年新疆维吾尔自治区政府工作报告", date="2026-01-27",
        speaker="艾尔肯·吐尼亚孜", role="自治区党委副书记、自治区主席", body=("各位代表：", 4), lines=[
            ("title", "2026年新疆维吾尔自治区政府工作报告"),
            ("date", "——2026年1月27日在新疆维吾尔自治区第十四届人民代表大会第四次会议上"),
            ("speaker", "自治区党委副书记、自治区主席 艾尔肯·吐尼亚孜")])),
    "2026-beijing variant (a label before the speaker)": ([
        "2026年北京市政府工作报告", "——2026年1月25日在北京市第十六届人民代表大会第四次会议上", "报告人：北京市市长 殷勇",
        "各位代表：", "现在，我代表北京市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见。"],
        (2026, "北京市", "province"), dict(
        title="2026年北京市政府工作报告", shown="2026年北京市政府工作报告", date="2026-01-25", speaker="殷勇",
        role="北京市市长", body=("各位代表：", 4), lines=[
            ("title", "2026年北京市政府工作报告"), ("date", "——2026年1月25日在北京市第十六届人民代表大会第四次会议上"),
            ("speaker", "报告人：北京市市长 殷勇")])),
    "2026-hunan (the name alone)": (REAL_2026_HUNAN, (2026, "湖南省", "province"), dict(
        title="2026年湖南省政府工作报告", shown="2026年湖南省政府工作报告", date="2026-02-03", speaker="毛伟明", role="",
        body=("各位代表：", 16), lines=[
            ("title", "2026年湖南省政府工作报告"), ("date", "——2026年2月3日在湖南省第十四届人民代表大会第四次会议上"),
            ("speaker", "毛伟明")])),
    "2026-zhejiang (date line without dashes)": (TOOLBAR + [
        "2026年浙江省政府工作报告", "2026年1月14日在浙江省第十四届人民代表大会第四次会议上", "来源：浙江日报",
        "时间：2026-01-22",
        "浙江省省长 刘捷", "各位代表：",
        "现在，我代表省人民政府向大会作政府工作报告，请予审议，并请省政协委员和其他列席同志提出意见。"],
        (2026, "浙江省", "province"), dict(
        title="2026年浙江省政府工作报告", shown="2026年浙江省政府工作报告", date="2026-01-14", speaker="刘捷",
        role="浙江省省长", body=("各位代表：", 15), lines=[
            ("title", "2026年浙江省政府工作报告"), ("date", "2026年1月14日在浙江省第十四届人民代表大会第四次会议上"),
            ("speaker", "浙江省省长 刘捷")])),
    "2026-guizhou (date in brackets, generic title)": ([
        "政府工作报告。 贵州日报天眼新闻记者 李森 摄", "政府工作报告",
        "（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）",
        "省长 李炳军", "各位代表：",
        "现在，我代表省人民政府向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。"],
        (2026, "贵州省", "province"), dict(
        title="政府工作报告", shown="2026年贵州省政府工作报告", date="2026-01-27", speaker="李炳军", role="省长",
        body=("各位代表：", 5), lines=[
            ("title", "政府工作报告"), ("date", "（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）"),
            ("speaker", "省长 李炳军")])),
    "2026-shaanxi (date and speaker on one line, page shown twice)": ([
        "分享:", "陕西省2026年政府工作报告", "2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚",
        "首页", ">",
        "政府信息公开", ">", "政府工作报告", ">", "省政府工作报告", "陕西省2026年政府工作报告",
        "2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚", "时间：", "2026-02-02 09:20", "来源：",
        "陕西省人民政府", "分享:", "省长赵刚作政府工作报告", "各位代表：",
        "现在，我代表省人民政府向大会报告工作，请予审议，并请省政协委员提出意见。"], (2026, "陕西省", "province"), dict(
        title="陕西省2026年政府工作报告", shown="陕西省2026年政府工作报告", date="2026-01-27", speaker="赵刚",
        role="陕西省省长", body=("各位代表：", 19), lines=[
            ("title", "陕西省2026年政府工作报告"),
            ("date", "2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚")])),
    "2026-qinghai (U+2015 dashes, generic title)": ([
        "政府工作报告", "――2026年1月27日在青海省第十四届人民代表大会第四次会议上", "省长 罗东川", "2026-01-31 07:00:44",
        "来源：青海日报", "各位代表：",
        "现在，我代表省人民政府向大会报告工作，请予审议，并请各位政协委员和列席会议的同志提出意见。"],
        (2026, "青海省", "province"), dict(
        title="政府工作报告", shown="2026年青海省政府工作报告", date="2026-01-27", speaker="罗东川", role="省长",
        body=("各位代表：", 6), lines=[
            ("title", "政府工作报告"), ("date", "――2026年1月27日在青海省第十四届人民代表大会第四次会议上"),
            ("speaker", "省长 罗东川")])),
    "1955-national (no front matter)": ([
        "各位代表：", "",
        "\u3000\u3000中华人民共和国国务院向第一届全国人民代表大会第二次会议提出关于发展国民经济第一个五年计划的议案，"
        "我现在代表国务院向本次大会作关于第一个五年计划的报告。"], (1955, "国务院", "national"), dict(
        title="", shown="1955年国务院政府工作报告", date="", speaker="", role="", body=("各位代表：", 1), lines=[])),
    "1978-national (no front matter, 各位代表！)": ([
        "各位代表！", "", "\u3000\u3000现在，我代表国务院，向第五届全国人民代表大会作政府工作报告。"], (1978, "国务院",
        "national"),
        dict(title="", shown="1978年国务院政府工作报告", date="", speaker="", role="", body=("各位代表！", 1), lines=[])),
    "1954-national (public copy: title in two, name alone, Chinese-numeral date after it)": (
        COPY_1954_NATIONAL, (1954, "国务院", "national"), dict(
            title="中华人民共和国第一届全国人民代表大会第一次会议政府工作报告",
            shown="中华人民共和国第一届全国人民代表大会第一次会议政府工作报告", date="1954-05-23", speaker="周恩来", role="",
            body=("各位代表:", 9), lines=[
                ("title", "中华人民共和国第一届全国人民代表大会第一次会议政府工作报告"), ("speaker", "周恩来"),
                ("date", "(一九五四年五月二十三日在中华人民共和国第一届全国人民代表大会第一次会议上的报告)")])),
    # Kinds of issue 14 made from the real lines above.
    "title cut as 政府工作报 + 告, role and name on two lines": (
        ["政府工作报", "告"] + REAL_2023_NATIONAL[1:], (2023, "国务院", "national"), dict(
            title="政府工作报告", shown="2023年国务院政府工作报告", date="2023-03-05", speaker="李克强", role="国务院总理",
            body=("各位代表：", 18), lines=[("title", "政府工作报告"),
                                         ("date", "——2023年3月5日在第十四届全国人民代表大会第一次会议上"),
                                         ("speaker", "国务院总理 李克强")])),
    "title cut after the place, a role and a dotted name on two lines": ([
        "2026年新疆维吾尔自治区", "政府工作报告", "——2026年1月27日在新疆维吾尔自治区第十四届人民代表大会第四次会议上",
        "自治区主席",
        "艾尔肯·吐尼亚孜", "各位代表：",
        "现在，我代表自治区人民政府，向大会报告工作，请予审议，并请自治区政协委员提出意见。"],
        (2026, "新疆维吾尔自治区", "province"), dict(
        title="2026年新疆维吾尔自治区政府工作报告", shown="2026年新疆维吾尔自治区政府工作报告", date="2026-01-27",
        speaker="艾尔肯·吐尼亚孜", role="自治区主席", body=("各位代表：", 6), lines=[
            ("title", "2026年新疆维吾尔自治区政府工作报告"),
            ("date", "——2026年1月27日在新疆维吾尔自治区第十四届人民代表大会第四次会议上"),
            ("speaker", "自治区主席 艾尔肯·吐尼亚孜")])),
    "speaker above a date line cut in two, 代省长": ([
        "2026年浙江省政府工作报告", "浙江省人民政府代省长 刘捷", "2026年1月14日在浙江省第十四届人民代表大会",
        "第四次会议上", "各位代表：",
        "现在，我代表省人民政府向大会作政府工作报告，请予审议，并请省政协委员和其他列席同志提出意见。"],
        (2026, "浙江省", "province"), dict(
        title="2026年浙江省政府工作报告", shown="2026年浙江省政府工作报告", date="2026-01-14", speaker="刘捷",
        role="浙江省人民政府代省长", body=("各位代表：", 5), lines=[
            ("title", "2026年浙江省政府工作报告"), ("speaker", "浙江省人民政府代省长 刘捷"),
            ("date", "2026年1月14日在浙江省第十四届人民代表大会第四次会议上")])),
    "a date alone, its meeting on the next line": ([
        "2026年浙江省政府工作报告", "2026年1月14日", "在浙江省第十四届人民代表大会第四次会议上", "浙江省省长 刘捷", "各位代表：",
        "现在，我代表省人民政府向大会作政府工作报告，请予审议，并请省政协委员和其他列席同志提出意见。"],
        (2026, "浙江省", "province"), dict(
        title="2026年浙江省政府工作报告", shown="2026年浙江省政府工作报告", date="2026-01-14", speaker="刘捷",
        role="浙江省省长", body=("各位代表：", 5), lines=[
            ("title", "2026年浙江省政府工作报告"), ("date", "2026年1月14日在浙江省第十四届人民代表大会第四次会议上"),
            ("speaker", "浙江省省长 刘捷")])),
    "a title with the year only, the meeting without a date": ([
        "2026年政府工作报告", "——在青海省第十四届人民代表大会第四次会议上", "省长 罗东川", "各位代表：",
        "现在，我代表省人民政府向大会报告工作，请予审议，并请各位政协委员和列席会议的同志提出意见。"],
        (2026, "青海省", "province"), dict(
        title="2026年政府工作报告", shown="2026年青海省政府工作报告", date="", speaker="罗东川", role="省长",
        body=("各位代表：", 4), lines=[
            ("title", "2026年政府工作报告"), ("date", "——在青海省第十四届人民代表大会第四次会议上"),
            ("speaker", "省长 罗东川")])),
    "a 1950s title 关于…的报告 in two, date in Chinese numerals, a long role": ([
        "关于发展国民经济的", "第一个五年计划的报告", "——一九五五年七月五日在第一届全国人民代表大会第二次会议上",
        "国务院副总理兼国家计划委员会主任　李富春", "各位代表：",
        "中华人民共和国国务院向第一届全国人民代表大会第二次会议提出关于发展国民经济第一个五年计划的议案，"
        "我现在代表国务院向本次大会作关于第一个五年计划的报告。"], (1955, "国务院", "national"), dict(
        title="关于发展国民经济的第一个五年计划的报告", shown="关于发展国民经济的第一个五年计划的报告", date="1955-07-05",
        speaker="李富春", role="国务院副总理兼国家计划委员会主任", body=("各位代表：", 5), lines=[
            ("title", "关于发展国民经济的第一个五年计划的报告"),
            ("date", "——一九五五年七月五日在第一届全国人民代表大会第二次会议上"),
            ("speaker", "国务院副总理兼国家计划委员会主任 李富春")])),
}


def raw_report(lines: list[str], entry: tuple[int, str, str]) -> RawReport:
    """A block as a file under a bare entry (file, slug, year, region, level), numbered from line 1."""
    year, region, level = entry
    return RawReport(ReportMeta("x.txt", "x", year, region, level), "x.txt",
                     [SourceLine(n, text) for n, text in enumerate(lines, 1)])


def parsed(lines: list[str], entry: tuple[int, str, str], disabled: frozenset[str] = frozenset()) -> Report:
    """The real clean → parse → metadata steps on a block."""
    return settle_metadata(parse_report(clean_report(raw_report(lines, entry), disabled)))


@dataclass
class Block:
    """One of BLOCKS, parsed: its lines, entry, expected values and the report made from it."""

    lines: list[str]
    entry: tuple[int, str, str]
    expected: dict
    report: Report


@pytest.fixture(params=list(BLOCKS))
def block(request) -> Block:
    lines, entry, expected = BLOCKS[request.param]
    return Block(lines, entry, expected, parsed(lines, entry))


def test_title_date_speaker_and_body_start(block):
    report, expected = block.report, block.expected
    assert report.front.title == expected["title"]
    assert report.title == expected["shown"] and report.title != "x"
    assert report.title_from_editor == (expected["shown"] != expected["title"])
    assert (report.date, report.speaker, report.front.speaker_role) == (
        expected["date"], expected["speaker"], expected["role"])
    first = report.preamble[0] if report.preamble else None
    assert first is not None and (first.text, first.source_line) == expected["body"]
    assert report.front.lines == expected["lines"]


def test_no_front_line_or_piece_of_one_becomes_a_section(block):
    report = parsed(block.lines + ["一、过去一年工作回顾", "过去一年，我们做了很多工作。"], block.entry)
    assert [s.heading for s in report.all_sections()] == ["一、过去一年工作回顾"]


def test_every_front_line_is_kept_in_order(block):
    """Front lines and body together hold every character of the block, in order (chrome the
    clean stage removed is listed in its repairs)."""
    removed = {r.line for r in block.report.repairs if r.after == "" and r.before}
    expected = "".join(text for n, text in enumerate(block.lines, 1) if n not in removed)
    shown = "".join(text for _, text in block.report.front.lines) + "".join(p.text for p in block.report.preamble)
    squeeze = str.maketrans("", "", " \u3000")
    assert shown.translate(squeeze) == expected.replace("分享:", "").translate(squeeze)


def test_every_front_line_joined_from_parts_is_a_recorded_repair(block):
    """A title, date line or speaker made of several source lines is joined by a named repair of the
    clean stage, so `--explain` and the repairs page show it (the parse stage only reads it)."""
    joins = [r for r in block.report.repairs if r.fix in ("join_broken_title", "join_broken_date_line",
                                                         "join_role_and_name")]
    for _, text in block.report.front.lines:
        parts = [line for line in block.lines if line.strip() and line.strip() in text and line.strip() != text]
        if len(parts) > 1:
            assert any(r.after.replace(" ", "") == text.replace(" ", "") for r in joins), (text, joins)


def test_front_is_found_when_the_clean_joins_and_chrome_removal_are_off():
    """Parse reads cut titles, cut date lines and chrome it meets on its own (clean is only repair)."""
    off = frozenset({"join_broken_title", "join_broken_date_line", "remove_portal_chrome", "remove_photo_captions"})
    report = parsed(REAL_2026_HUNAN, (2026, "湖南省", "province"), off)
    assert (report.front.title, report.date, report.speaker) == ("2026年湖南省政府工作报告", "2026-02-03", "毛伟明")
    assert [s.heading for s in report.all_sections()] == []
    cut = parsed(["2026年湖南省", "政府工作报告", "——2026年2月3日在湖南省第十四届", "人民代表大会第四次会议上", "毛伟明",
                  "各位代表：", "现在，我代表省人民政府，向大会作政府工作报告。"], (2026, "湖南省", "province"), off)
    assert cut.front.lines == [("title", "2026年湖南省政府工作报告"),
                               ("date", "——2026年2月3日在湖南省第十四届人民代表大会第四次会议上"), ("speaker", "毛伟明")]
    assert cut.date == "2026-02-03" and cut.preamble[0].text == "各位代表："


def test_a_short_heading_after_the_front_is_the_body_s():
    """Without a salutation the body starts at its first line; an unnumbered heading is not a name."""
    lines = ["2026年湖南省政府工作报告", "——2026年2月3日在湖南省第十四届人民代表大会第四次会议上", "工作回顾",
             "过去的一年，极不寻常、很不容易。"]
    report = parsed(lines, (2026, "湖南省", "province"))
    assert report.speaker == "" and [kind for kind, _ in report.front.lines] == ["title", "date"]
    assert front_matter_length(clean_report(raw_report(lines, (2026, "湖南省", "province"))).lines) == 2


@pytest.mark.parametrize(("line", "iso"), [
    ("——2023年3月5日在第十四届全国人民代表大会第一次会议上", "2023-03-05"),
    ("(一九五四年九月二十三日在中华人民共和国第一届全国人民代表大会第一次会议上的报告)", "1954-09-23"),
    ("——二〇二三年三月五日", "2023-03-05"),
    ("——一九七五年一月十三日在第四届全国人民代表大会第一次会议上", "1975-01-13"),
    ("——１９５６年６月１５日在第一届全国人民代表大会第三次会议上", "1956-06-15"),
    ("——一九五六年十二月三十一日", "1956-12-31"),
    ("——2019年1月在新疆维吾尔自治区第十三届人民代表大会第二次会议上", ""),  # no day: nothing invented
    ("——2023年2月30日", ""),  # no such day
])
def test_iso_date(line, iso):
    assert iso_date(line) == iso


CORPUS = Path(__file__).resolve().parent / "cases" / "realcorpus"  # a copy of ../shared/realcorpus


def test_build_shows_front_lines_in_order_and_fills_date_and_speaker(tmp_path):
    """A small content folder built as a user would: two real reports and the 1954 copy's kind."""
    content = tmp_path / "content"
    content.mkdir()
    for name in ("2023-national.txt", "2026-hunan.txt"):
        shutil.copy(CORPUS / name, content / name)
    (content / "1954-national.txt").write_text("\n".join(COPY_1954_NATIONAL + [
        "一、过去五年的工作", "我国伟大的人民革命的根本目的，是在于解放我国的生产力。"]) + "\n", encoding="utf-8")
    (content / "reports.yml").write_text(
        "reports:\n" + "".join(f"  - file: {slug}.txt\n    slug: {slug}\n    year: {slug[:4]}\n    region: {region}\n"
                               f"    level: {level}\n" for slug, region, level in (
                                   ("2023-national", "国务院", "national"), ("2026-hunan", "湖南省", "province"),
                                   ("1954-national", "国务院", "national"))), encoding="utf-8")
    site = tmp_path / "site"
    result = run_build("--content", str(content), "--site", str(site))
    assert result.returncode == 0, result.stderr

    def soup(slug: str) -> BeautifulSoup:
        return BeautifulSoup((site / "reports" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")

    expected = {
        "2023-national": ("2023年国务院政府工作报告", True, [
            "政府工作报告", "——2023年3月5日在第十四届全国人民代表大会第一次会议上", "国务院总理 李克强"], "2023-03-05",
            "李克强"),
        "2026-hunan": ("2026年湖南省政府工作报告", False, [
            "——2026年2月3日在湖南省第十四届人民代表大会第四次会议上", "毛伟明"], "2026-02-03", "毛伟明"),
        "1954-national": ("中华人民共和国第一届全国人民代表大会第一次会议政府工作报告", False, [
            "周恩来", "(一九五四年五月二十三日在中华人民共和国第一届全国人民代表大会第一次会议上的报告)"], "1954-05-23",
            "周恩来"),
    }
    for slug, (title, by_editor, front, date, speaker) in expected.items():
        page = soup(slug)
        assert page.select_one("h1").get_text().strip().startswith(title)
        assert slug not in page.title.get_text()
        assert (page.select_one(".zb-editor-note") is not None) == by_editor
        assert [p.get_text() for p in page.select(".zb-front")] == front
        headings = [h.get_text().replace("¶", "").strip() for h in page.select("article h2, article h3, article h4")]
        assert speaker not in headings and "告" not in headings and headings
        data = json.loads(download(site, slug, "json"))["reports"][0]
        assert (data["date"], data["speaker"]) == (date, speaker)
