"""Messy-input variants of the ../shared/cases kinds, built for real (build.py) and checked on the HTML.

Sources: tests/cases/01 (copy of ../shared/cases/01-pdf-page-furniture-in-paragraph) and small
content folders written here from real report lines (tests/cases/realcorpus) with the furniture a
portal, Wikisource or PDF extraction inserts.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, article, page, report_text, run_build

CASES = ROOT / "tests" / "cases"


def build(content: Path, site: Path) -> Path:
    """Build one content folder into site/ and return site (asserts exit 0)."""
    result = run_build("--content", str(content), "--site", str(site))
    assert result.returncode == 0, result.stderr
    return site


def test_case01_page_furniture_kept_out_of_paragraph(tmp_path):
    """Case 01: `— 3 —` and the running header between two pages leave the paragraph whole."""
    site = build(CASES / "01", tmp_path / "site")
    soup = page(site, "2024-demo")
    paragraph = article(soup).find(id="s1-p1")
    assert paragraph.get_text().rstrip("¶").endswith("规模以上工业增加值增长2.6%，城镇新增就业33万人。")
    text = report_text(soup)
    assert "— 3 —" not in text and "示例市政府工作报告增加值" not in text
    repairs = (site / "reports" / "2024-demo" / "repairs.html").read_text(encoding="utf-8")
    assert "remove_page_furniture" in repairs and "— 3 —" in repairs
