"""Metadata the entry does not give: the script detected from the text, the title never the slug."""

from __future__ import annotations

import pytest

from zhengbao.script import detect_script

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
