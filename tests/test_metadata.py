"""Metadata the entry does not give: the script detected from the text, the title never the slug,
the entry's values before the text's (title, date and speaker forms: tests/test_front.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhengbao.clean import clean_report
from zhengbao.link import is_generic_title, settle_metadata
from zhengbao.load import load_reports
from zhengbao.model import RawReport, ReportMeta, SourceLine
from zhengbao.parse import parse_report
from zhengbao.patterns import front_matter as fm
from zhengbao.script import detect_script, to_traditional

from .conftest import CONTENT, copy_content, page, run_build


def test_traditional_summary_is_detected_as_traditional():
    assert detect_script((CONTENT / "2023-guangzhou-summary.txt").read_text(encoding="utf-8")) == "traditional"


@pytest.mark.parametrize("file", ["2024-guangzhou.txt", "2024-yuexiu.txt", "2021-guangzhou.txt", "2017-guangzhou.txt"])
def test_simplified_seeds_are_detected_as_simplified(file):
    assert detect_script((CONTENT / file).read_text(encoding="utf-8")) == "simplified"


def test_a_few_traditional_names_in_a_simplified_text_keep_it_simplified():
    line = "开展“百场万企”产需对接活动，举办“理解中国”课程，宣传香港的“維港會”品牌。"
    assert detect_script(line) == "simplified"


def test_entry_without_script_gets_the_detected_one(tmp_path):
    content = copy_content(tmp_path)
    yml = (content / "reports.yml").read_text(encoding="utf-8").replace("    script: traditional\n", "")
    (content / "reports.yml").write_text(yml, encoding="utf-8")
    site = tmp_path / "site"
    result = run_build("--content", str(content), "--site", str(site))
    assert result.returncode == 0, result.stderr
    soup = page(site, "2023-guangzhou-summary")
    assert soup.html["lang"] == "zh-Hant"
    assert soup.select_one(".zb-toggle-script") is not None


def test_title_not_in_the_text_is_made_from_the_entry_and_labelled(tmp_path):
    content = copy_content(tmp_path)
    yml = (content / "reports.yml").read_text(encoding="utf-8").replace("    title: 2024年广州市越秀区政府工作报告\n", "")
    (content / "reports.yml").write_text(yml, encoding="utf-8")
    site = tmp_path / "site"
    assert run_build("--content", str(content), "--site", str(site)).returncode == 0
    soup = page(site, "2024-yuexiu")
    assert soup.select_one("h1").get_text().strip().startswith("2024年越秀区政府工作报告")
    assert "标题由编者添加" in soup.select_one(".zb-editor-note").get_text()
    assert "2024-yuexiu" not in soup.title.get_text()
    # The text's own generic title line is still shown, as written.
    assert "政府工作报告" in [p.get_text() for p in soup.select(".zb-front-title")]


@pytest.mark.parametrize(("title", "generic"), [
    ("政府工作报告", True), ("政府工作报告（摘要）", True), ("政 府 工 作 报 告", True), ("工作報告", True),
    ("2026年政府工作报告", True), ("2026年湖南省政府工作报告", False), ("陕西省2026年政府工作报告", False),
    ("关于发展国民经济的第一个五年计划的报告", False), ("", False),
    ("湖南省政府工作报告", True), ("国务院政府工作报告", True), ("新疆维吾尔自治区人民政府工作报告", True),
    ("廣州市政府工作報告（摘要）", True), ("2026年湖南省政府工作报告", False), ("政府工作报告（2017年）", True),
    ("中华人民共和国第一届全国人民代表大会第一次会议政府工作报告", False),
])
def test_generic_titles_are_told_from_titles_that_name_the_report(title, generic):
    assert is_generic_title(title) == generic


def _settled(lines: list[str], slug: str, year: int, region: str, level: str):
    raw = RawReport(ReportMeta(f"{slug}.txt", slug, year, region, level), f"{slug}.txt",
                    [SourceLine(n, text) for n, text in enumerate(lines, 1)])
    return settle_metadata(parse_report(clean_report(raw)))


def test_generic_title_with_summary_mark_gives_the_editor_s_summary_title():
    # A portal copy of a summary whose entry does not say kind: summary (made from 2026-qinghai's lines).
    report = _settled(["政府工作报告（摘要）", "――2026年1月27日在青海省第十四届人民代表大会第四次会议上", "省长 罗东川",
                       "各位代表：", "现在，我代表省人民政府向大会报告工作，请予审议。"],
                      "2026-qinghai", 2026, "青海省", "province")
    assert (report.title, report.title_from_editor) == ("2026年青海省政府工作报告（摘要）", True)
    assert report.front.lines[0] == ("title", "政府工作报告（摘要）")


def test_text_without_front_matter_gets_the_entry_title_and_no_date_or_speaker():
    # 2003 national (Wikisource): the text starts at the salutation.
    report = _settled(["各位代表:", "", "本届政府1998年3月就职，任期即将结束。现在，我代表国务院，向第十届全国人民代表大会"
                       "第一次会议报告过去五年的工作，对今年的工作提出建议，请予审议，并请全国政协各位委员提出意见。"],
                      "2003-national", 2003, "国务院", "national")
    assert (report.title, report.title_from_editor) == ("2003年国务院政府工作报告", True)
    assert (report.date, report.speaker, report.front.lines) == ("", "", [])
    assert report.title != "2003-national"


def test_entry_values_win_over_the_text():
    raw = RawReport(ReportMeta("x.txt", "x", 2026, "湖南省", "province", title="湖南省政府工作报告（2026）",
                               date="2026-02-04", speaker="某某"), "x.txt",
                    [SourceLine(n, text) for n, text in enumerate(
                        ["2026年湖南省政府工作报告", "——2026年2月3日在湖南省第十四届人民代表大会第四次会议上", "毛伟明",
                         "各位代表："], 1)])
    report = settle_metadata(parse_report(clean_report(raw)))
    assert (report.title, report.date, report.speaker) == ("湖南省政府工作报告（2026）", "2026-02-04", "某某")
    assert report.front.date == "2026-02-03" and report.front.speaker == "毛伟明"  # the text's, still shown


REALCORPUS = Path(__file__).resolve().parent / "cases" / "realcorpus"  # a copy of ../shared/realcorpus


@pytest.fixture(scope="module")
def archive_reports():
    return [settle_metadata(parse_report(clean_report(raw))) for raw in load_reports(REALCORPUS)]


def test_every_report_of_the_archive_has_a_title_date_and_speaker_of_its_kind(archive_reports):
    """Every report of the real archive, as its bare entry gives it: the title is the text's or made
    from the entry, never the slug; a date line gives the report's date in its year, a speaker line
    a name; the portal copies of 2026 all carry both."""
    assert len(archive_reports) == len(list(REALCORPUS.glob("*.txt")))
    for report in archive_reports:
        meta = report.meta
        assert report.title and meta.slug not in report.title and (str(meta.year) in report.title
                                                                     or not report.title_from_editor), meta.slug
        if report.front.date_line:
            assert report.date.startswith(f"{meta.year}-"), (meta.slug, report.front.date_line, report.date)
        if report.speaker:
            assert fm.NAME_LINE.match(report.speaker) and report.speaker not in report.front.speaker_role, meta.slug
        if meta.level == "province":
            assert report.date and report.speaker and report.front.title, meta.slug
        assert meta.script == "simplified", meta.slug  # detected: no entry of the archive says it


def test_a_traditional_copy_without_script_in_its_entry_is_read_as_traditional(tmp_path):
    """A 1950s report as traditional-script copies give it (1956 national's first lines, OpenCC s2t),
    its entry without `script`: detected as traditional; the simplified original stays simplified."""
    lines = (REALCORPUS / "1956-national.txt").read_text(encoding="utf-8").split("\n")[:40]
    (tmp_path / "1956-national.txt").write_text("\n".join(to_traditional(line) for line in lines), encoding="utf-8")
    (tmp_path / "1956-original.txt").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "reports.yml").write_text("reports:\n" + "".join(
        f"  - file: {name}.txt\n    slug: {name}\n    year: 1956\n    region: 国务院\n    level: national\n"
        for name in ("1956-national", "1956-original")), encoding="utf-8")
    scripts = {raw.meta.slug: raw.meta.script for raw in load_reports(tmp_path)}
    assert scripts == {"1956-national": "traditional", "1956-original": "simplified"}
