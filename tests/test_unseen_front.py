"""Front matter of copies not in ../shared/realcorpus (issue 14, judged on other provinces' pages):
the title, date and speaker in the forms other portals and news sites give them, read from real
lines of content/2026-hunan.txt (its title, date line and speaker 毛伟明) and content/2026-xinjiang.txt
(自治区主席 艾尔肯·吐尼亚孜) cut, bracketed, tagged or reworded as those pages do. Each copy has
the bare metadata a user writes; the shown title is the text's or made from the entry, never the slug.
"""

from __future__ import annotations

import pytest

from zhengbao.clean import clean_report
from zhengbao.link import settle_metadata
from zhengbao.model import RawReport, Report, ReportMeta, SourceLine
from zhengbao.parse import parse_report

TITLE = "2026年湖南省政府工作报告"
DATE = "——2026年2月3日在湖南省第十四届人民代表大会第四次会议上"
BODY = ["各位代表：", "现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。",
        "一、“十四五”时期和2025年工作回顾"]
MADE = "2026年湖南省政府工作报告"  # the title made from the entry (year + region + 政府工作报告)


def settled(front: list[str]) -> Report:
    raw = RawReport(ReportMeta("2026-hunan.txt", "2026-hunan", 2026, "湖南省", "province"), "2026-hunan.txt",
                    [SourceLine(n, text) for n, text in enumerate(front + BODY, 1)])
    return settle_metadata(parse_report(clean_report(raw)))


@pytest.mark.parametrize(("front", "title", "from_editor"), [
    (["2026年湖南省", "政府工作报告", DATE, "省长 毛伟明"], TITLE, False),
    (["2026年", "湖南省政府", "工作报告", DATE, "省长 毛伟明"], TITLE, False),
    (["2026年湖南", "省政府工作", "报告", DATE, "省长 毛伟明"], TITLE, False),
    (["政府工作", "报告", DATE, "省长 毛伟明"], MADE, True),
    (["政 府 工 作 报 告", DATE, "省长 毛伟明"], MADE, True),
    (["政府工作报告", "（全文）", DATE, "省长 毛伟明"], MADE, True),
    (["《2026年湖南省政府工作报告》", DATE, "省长 毛伟明"], TITLE, False),
    (["2026年湖南省政府工作报告全文", DATE, "省长 毛伟明"], "2026年湖南省政府工作报告全文", False),
    (["【全文】2026年湖南省政府工作报告", DATE, "省长 毛伟明"], TITLE, False),
    (["权威发布｜2026年湖南省政府工作报告", DATE, "省长 毛伟明"], TITLE, False),
    (["无障碍浏览|长者模式|登录", "2026年湖南省政府工作报告", DATE, "省长 毛伟明"], TITLE, False),
    (["您现在的位置：首页>要闻>正文", "2026年湖南省政府工作报告", DATE, "省长 毛伟明"], TITLE, False),
    ([DATE, "省长 毛伟明"], MADE, True),
    ([], MADE, True),
])
def test_title_from_the_text_or_the_entry_never_the_slug(front, title, from_editor):
    report = settled(front)
    assert (report.title, report.title_from_editor) == (title, from_editor)
    assert "2026-hunan" not in report.title
    assert report.sections[0].heading == BODY[2]


@pytest.mark.parametrize(("front", "role", "name"), [
    (["政府工作报告", DATE, "省长 毛伟明"], "省长", "毛伟明"),
    (["政府工作报告", DATE, "代省长 毛伟明"], "代省长", "毛伟明"),
    (["政府工作报告", DATE, "副省长 毛伟明"], "副省长", "毛伟明"),
    (["政府工作报告", DATE, "省委副书记、省长 毛伟明"], "省委副书记、省长", "毛伟明"),
    (["政府工作报告", DATE, "湖南省人民政府省长", "毛伟明"], "湖南省人民政府省长", "毛伟明"),
    (["政府工作报告", DATE, "省长：毛伟明"], "省长", "毛伟明"),
    (["政府工作报告", DATE, "（省长 毛伟明）"], "省长", "毛伟明"),
    (["政府工作报告", DATE, "省长 毛 伟 明"], "省长", "毛伟明"),
    (["政府工作报告", DATE, "毛伟明"], "", "毛伟明"),
    (["政府工作报告", "省长 毛伟明", DATE], "省长", "毛伟明"),
    (["政府工作报告", DATE + " 湖南省省长 毛伟明"], "湖南省省长", "毛伟明"),
    (["政府工作报告", DATE, "自治区主席 艾尔肯·吐尼亚孜"], "自治区主席", "艾尔肯·吐尼亚孜"),
    (["政府工作报告", DATE, "自治区人民政府主席　艾尔肯•吐尼亚孜"], "自治区人民政府主席", "艾尔肯•吐尼亚孜"),
    (["政府工作报告", DATE, "代市长 艾尔肯·吐尼亚孜"], "代市长", "艾尔肯·吐尼亚孜"),
    (["政府工作报告", DATE, "市长 毛伟明"], "市长", "毛伟明"),
])
def test_speaker_in_its_common_forms(front, role, name):
    report = settled(front)
    assert (report.front.speaker_role, report.speaker, report.date) == (role, name, "2026-02-03")
    assert [p.text for p in report.preamble][:1] == ["各位代表："]


@pytest.mark.parametrize("date_lines", [
    [DATE],
    ["—— 2026年2月3日在湖南省第十四届人民代表大会第四次会议上"],
    ["――2026年2月3日在湖南省第十四届人民代表大会第四次会议上"],
    ["（2026年2月3日在湖南省第十四届人民代表大会第四次会议上）"],
    ["2026年2月3日在湖南省第十四届人民代表大会第四次会议上"],
    ["——二〇二六年二月三日在湖南省第十四届人民代表大会第四次会议上"],
    ["——２０２６年２月３日在湖南省第十四届人民代表大会第四次会议上"],
    ["——2026 年 2 月 3 日在湖南省第十四届人民代表大会第四次会议上"],
    ["——2026年2月3日在湖南省第十四届人民代表大会第四次会议上的报告"],
    ["——2026年2月3日在湖南省第十四届", "人民代表大会第四次会议上"],
    ["2026年2月3日", "在湖南省第十四届人民代表大会第四次会议上"],
])
def test_date_line_in_its_common_forms(date_lines):
    report = settled(["政府工作报告", *date_lines, "省长 毛伟明"])
    assert (report.date, report.speaker) == ("2026-02-03", "毛伟明")
    assert [kind for kind, _ in report.front.lines] == ["title", "date", "speaker"]


@pytest.mark.parametrize("cover", [
    ["湖南省第十四届人民代表大会第四次会议文件", "（1）"],
    ["湖南省第十四届人民代表大会", "第四次会议文件"],
    ["湖南省人民政府"],
    ["湘政发〔2026〕1号"],
])
def test_pdf_cover_lines_are_no_part_of_the_title(cover):
    """A PDF's cover over the title (the congress's document mark, whole or cut, its serial number, the
    issuer, a document number): the title stays the text's own, the date and speaker are found."""
    report = settled([*cover, "政 府 工 作 报 告", DATE, "湖南省省长 毛伟明"])
    assert (report.title, report.title_from_editor) == (MADE, True)
    assert report.front.title == "政府工作报告"
    assert (report.date, report.speaker) == ("2026-02-03", "毛伟明")
    assert report.sections[0].heading == BODY[2]


@pytest.mark.parametrize("front", [["欢迎访问本站"], ["政府工作报告", DATE, "省长 毛伟明", "欢迎访问本站"]])
def test_an_unknown_line_above_the_salutation_is_a_front_line_never_a_heading(front):
    """A short line no pattern knows (an unseen portal's word) between the front block, or the top of
    the file, and 各位代表：: shown as an other front line; the first 一、 is still the first section."""
    report = settled(front)
    assert ("other", "欢迎访问本站") in report.front.lines
    assert report.sections[0].heading == BODY[2] and report.sections[0].level == 1
    assert "欢迎访问本站" not in [p.text for p in report.preamble]
