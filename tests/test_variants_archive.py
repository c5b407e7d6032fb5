"""PDF copies of archive reports (tools/mess.py pdf_pages over real lines), built for real and checked on the HTML.

Each folder under tests/cases/variants/mess-pdf-pages-*/ is an excerpt of a messy copy of a national
report of the archive, its lines as tools/mess.py left them: a page break under an unmarked ordinal
heading of a copy that indents its paragraphs, and a running header beside a bare page number inside a
law's title split over lines by a web copy's link.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, article, page, report_text, run_build

VARIANTS = ROOT / "tests" / "cases" / "variants"


def built(tmp_path: Path, name: str, slug: str):
    result = run_build("--content", str(VARIANTS / name), "--site", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    return page(tmp_path / "site", slug), (tmp_path / "site" / "reports" / slug / "repairs.html").read_text(encoding="utf-8")


def test_heading_over_a_page_break_stays_a_heading(tmp_path):
    """第六，… (no end mark, unindented) / a bare page number / the indented paragraph: the page number goes,
    the heading keeps its own line (s2-6) and the paragraph under it starts s2-6-p1."""
    soup, repairs = built(tmp_path, "mess-pdf-pages-heading-over-page-break", "1987-demo")
    body = article(soup)
    heading = body.find(id="s2-6")
    assert heading is not None and heading.get_text().rstrip("¶").endswith("必须坚定不移地全面推进经济体制改革")
    assert body.find(id="s2-6-p1").get_text().startswith("当前经济生活中遇到的问题，是前进中的问题")
    assert [h.get("id") for h in body.select("h3")] == [f"s2-{n}" for n in range(1, 7)]
    assert "PDF的页码，不是报告正文" in repairs


def test_running_header_inside_a_book_title_is_removed(tmp_path):
    """《 / 国家公务员法 / 8 / 政府工作报告 / 》…: the header beside the bare page number is furniture, not
    part of the title: 《国家公务员法》, both lines listed as removed."""
    soup, repairs = built(tmp_path, "mess-pdf-pages-header-inside-book-title", "1988-demo")
    text = report_text(soup)
    assert "研究制定《国家公务员法》，开办行政学院" in text and "公务员法政府工作报告" not in text
    assert "PDF的页眉" in repairs and "PDF的页码" in repairs


def test_lead_line_over_a_page_break_stays_apart(tmp_path):
    """五年来，…小康水平 (a lead line set apart by two blank lines) / — 3 — / 政府工作报告 / its paragraph: the
    furniture goes, the blank lines above it still set the lead line apart (s1-p4), the paragraph is s1-p5."""
    soup, repairs = built(tmp_path, "mess-pdf-pages-lead-line-over-page-break", "2003-demo")
    body = article(soup)
    assert body.find(id="s1-p4").get_text().rstrip("¶") == "五年来，人民生活显著改善，总体达到小康水平"
    assert body.find(id="s1-p5").get_text().startswith("城乡居民收入持续增加。")
    assert "— 3 —" in repairs and "PDF的页眉" in repairs
