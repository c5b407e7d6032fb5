"""The built pages read like the documents: headings, anchors, metadata, home page."""

from __future__ import annotations

import re

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
    assert split.front.date_line == "——2024年2月4日在广州市越秀区第十七届"
    assert split.front.speaker == "罗光华" and split.preamble[0].text == "各位代表："
