"""Messy-input variants of the ../shared/cases kinds, built for real (build.py) and checked on the HTML.

Sources: tests/cases/01 (copy of ../shared/cases/01-pdf-page-furniture-in-paragraph) and small
content folders written here from real report lines (tests/cases/realcorpus) with the furniture a
portal, Wikisource or PDF extraction inserts.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, article, download, page, report_text, run_build

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


REAL = (CASES / "realcorpus" / "2026-beijing.txt").read_text(encoding="utf-8").splitlines()
HEAD = REAL[9:14] + REAL[15:17]
"""Title, date, source, time, speaker lines, then 各位代表： and the opening sentence (real lines)."""
BODY = REAL[17:24] + REAL[31:33]
"""一、 heading, its paragraphs with 一是/二是/三是, the 二、 heading and its first paragraph (real lines)."""
REPORTS_YML = ("reports:\n  - file: 2026-demo.txt\n    slug: 2026-demo\n    year: 2026\n"
               "    region: 北京市\n    level: province\n")


def split(line: str, at: int, inserted: list[str]) -> list[str]:
    """A real line broken at character `at` with extraction furniture lines between the halves."""
    return [line[:at], *inserted, line[at:]]


def build_variant(tmp_path: Path, lines: list[str]):
    """Write lines as one report, build it, return the parsed page."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "2026-demo.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (content / "reports.yml").write_text(REPORTS_YML, encoding="utf-8")
    return page(build(content, tmp_path / "site"), "2026-demo")


def assert_report_whole(soup, furniture: list[str]) -> None:
    """Every real body line reaches the page whole; no furniture in the text; the first 一、 is #s1."""
    text = "".join(report_text(soup).split())
    for line in HEAD[5:] + BODY:
        assert "".join(line.split()) in text, line[:30]
    for junk in furniture:
        assert junk not in text
    assert article(soup).find(id="s1").get_text().startswith("一、2025年工作回顾")


def test_portal_toolbar_lines_dropped(tmp_path):
    """A portal's 【打印】【关闭】 / 字号：大 中 小 / 分享到： above the title and below the text."""
    toolbar = ["【打印】【关闭】", "字号：大 中 小", "分享到："]
    soup = build_variant(tmp_path, toolbar + HEAD + BODY + ["【打印】【关闭】", "分享到："])
    assert_report_whole(soup, ["【打印】", "【关闭】", "字号：大中小", "分享到"])


@pytest.mark.parametrize("number", ["— 3 —", "-3-", "- 3 -", "第3页", "·3·", "第 3 页 共 20 页", "共20页 第3页",
                                    "— 12 —", "Page 3 of 20"])
def test_pdf_page_number_inside_paragraph(tmp_path, number):
    """A PDF page-number line between two halves of a real sentence is dropped and the sentence rejoined."""
    soup = build_variant(tmp_path, HEAD + BODY[:2] + split(BODY[2], 40, [number]) + BODY[3:])
    assert_report_whole(soup, [])


def test_enumerator_alone_on_its_line(tmp_path):
    """三是 alone on its line (PDF break after the enumerator) joins the sentence it starts."""
    soup = build_variant(tmp_path, HEAD + BODY[:6] + ["三是", BODY[6][2:]] + BODY[7:])
    assert_report_whole(soup, [])
    assert any(p.get_text().startswith("三是改革开放进一步深化。") for p in article(soup).select("p.zb-p"))


def paragraph_texts(soup) -> list[str]:
    """The text of each report paragraph of the page, without its ¶ link."""
    return [p.get_text().rstrip("¶") for p in article(soup).select("p.zb-p")]


def test_portal_footer_lines_dropped(tmp_path):
    """A portal's footer under the text: 责任编辑 / 【纠错】 / 扫一扫在手机打开当前页 / 返回顶部."""
    footer = ["责任编辑：张三", "【纠错】", "扫一扫在手机打开当前页", "返回顶部"]
    soup = build_variant(tmp_path, HEAD + BODY + footer)
    assert_report_whole(soup, ["责任编辑", "纠错", "扫一扫", "返回顶部"])


@pytest.mark.parametrize("furniture", [["— 4 —"], ["— 4 —", "2026年北京市政府工作报告"]])
def test_page_break_between_paragraphs(tmp_path, furniture):
    """Page number (and running header) between two finished paragraphs: dropped, paragraphs kept apart."""
    soup = build_variant(tmp_path, HEAD + BODY[:3] + furniture + BODY[3:])
    assert_report_whole(soup, ["—4—"])
    assert BODY[2] in paragraph_texts(soup) and BODY[3] in paragraph_texts(soup)


def test_page_number_and_running_header_inside_paragraph(tmp_path):
    """`- 5 -` then the running header 北京市人民政府工作报告 between two halves of a real sentence."""
    soup = build_variant(tmp_path, HEAD + BODY[:2] + split(BODY[2], 40, ["- 5 -", "北京市人民政府工作报告"])
                         + BODY[3:])
    assert_report_whole(soup, [])
    assert BODY[2] in paragraph_texts(soup)


def test_page_numbers_around_headings(tmp_path):
    """Page numbers just before 三是… and before the 二、 heading leave both in place (二、 is #s2)."""
    soup = build_variant(tmp_path, HEAD + BODY[:6] + ["— 6 —"] + BODY[6:7] + ["— 7 —"] + BODY[7:])
    assert_report_whole(soup, [])
    assert article(soup).find(id="s2").get_text().startswith(BODY[7])


def test_wikisource_licence_footer_dropped(tmp_path):
    """Wikisource's 公有领域 licence footer under real text."""
    soup = build_variant(tmp_path, HEAD + BODY + ["本作品在全世界都属于公有领域，因为作者逝世已经超过100年。"])
    assert_report_whole(soup, ["公有领域"])


@pytest.mark.parametrize("toolbar", [["【打印本页】 【关闭窗口】"], ["【字体：大 中 小】"]])
def test_portal_toolbar_inline_forms_dropped(tmp_path, toolbar):
    """Other portal toolbar forms on one line, between the title and the date line."""
    soup = build_variant(tmp_path, HEAD[:1] + toolbar + HEAD[1:] + BODY)
    assert_report_whole(soup, ["打印", "关闭窗口", "字体"])


def test_portal_share_icons_dropped(tmp_path):
    """分享到： with the share targets one per line (微信 / 微博 / QQ空间) under the text."""
    soup = build_variant(tmp_path, HEAD + BODY + ["分享到：", "微信", "微博", "QQ空间"])
    assert_report_whole(soup, ["分享到", "微博", "QQ空间"])


def test_fullwidth_page_number_inside_paragraph(tmp_path):
    """A page number in full-width characters (－３－) inside a real sentence."""
    soup = build_variant(tmp_path, HEAD + BODY[:2] + split(BODY[2], 40, ["－３－"]) + BODY[3:])
    assert_report_whole(soup, ["－３－"])
    assert BODY[2] in paragraph_texts(soup)


def test_line_starting_with_spaced_number_stays_in_paragraph(tmp_path):
    """Case 02's kind on real text: a PDF line opening on `3 家国家实验室…` is no numbered section."""
    at = BODY[5].index("3家国家实验室")
    broken = [BODY[5][:at], "3 家" + BODY[5][at + 2:]]
    soup = build_variant(tmp_path, HEAD + BODY[:5] + broken + BODY[6:])
    assert_report_whole(soup, [])
    assert BODY[5] in paragraph_texts(soup)
    assert [h.get("id") for h in article(soup).select("h2")] == ["s1", "s2"]


def test_subsection_number_alone_on_its_line(tmp_path):
    """（一） alone on its line above its heading text (section 三 of the real report) gives s3-1."""
    third = REAL[45:51]
    soup = build_variant(tmp_path, HEAD + BODY + third[:4] + ["（一）", third[4][3:]] + third[5:])
    assert_report_whole(soup, [])
    assert article(soup).find(id="s3-1").get_text().rstrip("¶") == third[4]


def test_section_number_alone_on_its_line(tmp_path):
    """一、 alone on its line above 2025年工作回顾 (tests/cases/variants/heading-number-alone) is section s1, whole."""
    site = build(CASES / "variants" / "heading-number-alone", tmp_path / "site")
    soup = page(site, "2026-demo")
    assert article(soup).find(id="s1").get_text().rstrip("¶") == "一、2025年工作回顾"
    assert article(soup).find(id="s1-p1") is not None
    assert "一、" not in [p.get_text().rstrip("¶") for p in article(soup).select("p.zb-p")]


def build_case(tmp_path: Path, name: str):
    """Build tests/cases/variants/<name>; return (parsed page, repairs page HTML)."""
    site = build(CASES / "variants" / name, tmp_path / "site")
    repairs = (site / "reports" / "2026-demo" / "repairs.html").read_text(encoding="utf-8")
    return page(site, "2026-demo"), repairs


def test_bare_page_number_before_unit_character_word(tmp_path):
    """A bare `3` between `…在市` and `人大及其常委会…` (variants/pdf-bare-page-number): 人大 is no count."""
    soup, repairs = build_case(tmp_path, "pdf-bare-page-number")
    assert article(soup).find(id="s1-p2").get_text().startswith(BODY[2][:60])
    assert "在市人大及其常委会" in report_text(soup) and "市3人大" not in report_text(soup)
    assert "remove_page_furniture" in repairs and "PDF的页码" in repairs


def test_wikisource_sister_projects_line_dropped(tmp_path):
    """`姊妹计划: 数据项` above the title (variants/wikisource-sister-projects) is chrome, not a title part."""
    soup, repairs = build_case(tmp_path, "wikisource-sister-projects")
    assert article(soup).find("h1").get_text().rstrip("¶").strip() == "2026年北京市政府工作报告"
    assert "姊妹计划" not in report_text(soup)
    assert "姊妹计划: 数据项" in repairs and "维基文库页头的姊妹计划链接" in repairs


def test_wikisource_header_arrows_dropped(tmp_path):
    """`←` / title / `→` of a Wikisource header (variants/wikisource-header-arrows): arrows gone, listed."""
    soup, repairs = build_case(tmp_path, "wikisource-header-arrows")
    assert article(soup).find("h1").get_text().rstrip("¶").strip() == "2026年北京市政府工作报告"
    assert "←" not in report_text(soup) and "→" not in report_text(soup)
    assert repairs.count("维基文库页头的上一篇、下一篇导航") == 2


def test_enumerator_paragraph_cut_short_is_rejoined(tmp_path):
    """`一是首都功能` / `持续优化提升。…` (variants/enumerator-paragraph-broken-short) is one paragraph, s1-p4."""
    soup, repairs = build_case(tmp_path, "enumerator-paragraph-broken-short")
    assert article(soup).select("h3") == []
    assert article(soup).find(id="s1-p4").get_text().startswith("一是首都功能持续优化提升。")
    assert article(soup).find(id="s1-p6").get_text().startswith("三是改革开放进一步深化。")
    assert "join_broken_lines" in repairs


def repairs_page(tmp_path: Path) -> str:
    """The repairs page of the report build_variant built under tmp_path."""
    return (tmp_path / "site" / "reports" / "2026-demo" / "repairs.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("top", "bottom", "junk", "why"), [
    (["2026-01-28 09:30 来源：北京日报"], [], ["09:30", "来源："], "网页的文章标注"),
    ([], ["扫一扫在手机上查看当前页面", "用微信扫描二维码", "扫码阅读"], ["扫一扫", "扫描", "扫码"], "网页的二维码提示"),
    ([], ["相关文件：", "北京市2026年国民经济和社会发展计划"], ["相关文件", "社会发展计划"], "网页的相关链接栏"),
])
def test_portal_label_qr_and_related_lines_dropped(tmp_path, top, bottom, junk, why):
    """A timestamp before the labels under the title, the QR code's captions and a 相关文件 box under the
    text: dropped and listed with their reason."""
    chrome = top + bottom
    soup = build_variant(tmp_path, HEAD[:1] + top + HEAD[1:] + BODY + bottom)
    assert_report_whole(soup, junk)
    repairs = repairs_page(tmp_path)
    assert all(line in repairs for line in chrome) and why in repairs


WIKISOURCE_HEADER = ["维基文库，自由的图书馆", "跳转到导航", "← 2025年北京市政府工作报告", "2026年北京市政府工作报告",
                     "2027年北京市政府工作报告 →", "姊妹计划:", "数据项", "本作品收录于《北京市人民政府工作报告》"]
WIKISOURCE_FOOTER = ["返回北京市人民政府工作报告", "本作品在全世界都属于公有领域，因为作者逝世已经超过100年。",
                     "分类：政府工作报告", "隐藏分类：含有公有领域声明的页面",
                     "来自“https://zh.wikisource.org/w/index.php?title=2026年北京市政府工作报告&oldid=123”",
                     "本页面最后修订于2026年2月1日 (星期日) 10:00。"]


def test_wikisource_page_header_and_footer_dropped(tmp_path):
    """A whole Wikisource page: site lines, ← / → links with titles, 姊妹计划 over two lines, 收录于, and under
    the text 返回…, the licence, categories, source link and last edit: all gone, each listed with its reason."""
    soup = build_variant(tmp_path, WIKISOURCE_HEADER + HEAD[1:] + BODY + WIKISOURCE_FOOTER)
    assert_report_whole(soup, ["维基文库", "←", "→", "姊妹计划", "数据项", "收录于", "返回", "分类", "wikisource", "最后修订"])
    assert article(soup).find("h1").get_text().rstrip("¶").strip() == "2026年北京市政府工作报告"
    repairs = repairs_page(tmp_path)
    for line in WIKISOURCE_HEADER[:3] + WIKISOURCE_HEADER[4:] + WIKISOURCE_FOOTER:
        assert line.replace("&", "&amp;") in repairs, line
    for why in ("维基文库网站的标语或跳转链接", "维基文库页头的上一篇、下一篇导航", "维基文库页头的姊妹计划链接",
                "维基文库页头的收录说明", "网页的返回链接", "维基文库页面的分类", "维基文库页面的来源链接或修订时间"):
        assert why in repairs, why


@pytest.mark.parametrize("header", ["2026年北京市政府工作报告 — 3 —", "— 3 — 北京市人民政府工作报告"])
def test_running_header_and_page_number_on_one_line(tmp_path, header):
    """A PDF's running header with its page number on one line, inside a real sentence: dropped, sentence whole."""
    soup = build_variant(tmp_path, HEAD + BODY[:2] + split(BODY[2], 40, [header]) + BODY[3:])
    assert_report_whole(soup, ["—3—"])
    assert BODY[2] in paragraph_texts(soup)
    assert "PDF的页眉和页码" in repairs_page(tmp_path)


@pytest.mark.parametrize(("speaker", "name"), [
    (["新疆维吾尔自治区主席 艾尔肯·吐尼亚孜"], "艾尔肯·吐尼亚孜"),
    (["自治区人民政府主席", "艾尔肯·吐尼亚孜"], "艾尔肯·吐尼亚孜"),
    (["自治区主席 买买提·艾力·吐尔逊"], "买买提·艾力·吐尔逊"),
])
def test_speaker_line_with_dotted_or_long_name(tmp_path, speaker, name):
    """A speaker whose name holds `·` or whose role is long, on one line or two: the speaker, never a section."""
    soup = build_variant(tmp_path, HEAD[:4] + speaker + HEAD[5:] + BODY)
    assert_report_whole(soup, [])
    data = json.loads(download(tmp_path / "site", "2026-demo", "json"))["reports"][0]
    assert data["speaker"] == name
    assert name not in " ".join(h.get_text() for h in article(soup).select("h2, h3"))


def test_wikisource_header_box_titles_beside_arrows_dropped(tmp_path):
    """The header box copied cell by cell: ← / previous title / own title / 作者 / next title / →. The
    neighbours' titles go with their arrows; the page's own title stays its title."""
    header = ["←", "2025年北京市政府工作报告", "2026年北京市政府工作报告", "作者：殷勇", "2027年北京市政府工作报告", "→",
              "姊妹计划: 数据项"]
    soup = build_variant(tmp_path, header + HEAD[1:] + BODY)
    assert_report_whole(soup, ["2025年北京市", "2027年北京市", "作者", "姊妹计划"])
    assert article(soup).find("h1").get_text().rstrip("¶").strip() == "2026年北京市政府工作报告"
    repairs = repairs_page(tmp_path)
    assert "2025年北京市政府工作报告" in repairs and "2027年北京市政府工作报告" in repairs


@pytest.mark.parametrize("issue", ["北京日报 2026年02月02日 第01版", "《北京日报》（2026年02月02日 01版）"])
def test_newspaper_issue_line_dropped(tmp_path, issue):
    """The issue of the paper that printed the report, above the title: dropped, not joined into the title."""
    soup = build_variant(tmp_path, [issue] + HEAD + BODY)
    assert_report_whole(soup, ["01版"])
    assert article(soup).find("h1").get_text().rstrip("¶").strip() == "2026年北京市政府工作报告"
    assert issue in repairs_page(tmp_path)


@pytest.mark.parametrize(("top", "between", "bottom", "junk", "why"), [
    ([], ["上一页 1 2 3 下一页"], [], ["上一页", "下一页"], "网页的翻页或分享按钮"),
    ([], ["共3页: 首页 上一页 1 2 3 下一页 尾页"], [], ["共3页", "尾页"], "网页的翻页或分享按钮"),
    (["记者 张三 李四"], [], ["（编辑 王五）"], ["记者", "编辑王五"], "网页的记者或编辑署名"),
    (["本报记者：张三"], [], [], ["本报记者"], "网页的记者或编辑署名"),
    ([], [], ["分享到微信朋友圈", "分享到微博"], ["分享到"], "网页的翻页或分享按钮"),
    ([], [], ["附件下载：", "2026年北京市政府工作报告.docx"], ["附件下载", ".docx"], "网页的相关链接栏"),
    ([], [], ["附件：2026年北京市政府工作报告.pdf"], [".pdf"], "网页的附件文件链接"),
    ([], [], ["相关解读：", "图解：2026年北京市政府工作报告"], ["相关解读", "图解"], "网页的相关链接栏"),
    ([], [], ["版权所有：北京市人民政府", "京ICP备05060933号", "京公网安备 11010502039365号",
              "联系我们 | 网站地图 | 使用帮助"], ["版权所有", "ICP", "公网安备", "联系我们"], "网页的导航或页脚"),
])
def test_portal_pager_credits_attachments_and_footer_dropped(tmp_path, top, between, bottom, junk, why):
    """A long article's pager between two paragraphs, bylines and credits, share targets, attachment
    links and the site footer: dropped, each listed with its reason; the report whole."""
    soup = build_variant(tmp_path, top + HEAD + BODY[:3] + between + BODY[3:] + bottom)
    assert_report_whole(soup, junk)
    assert article(soup).find("h1").get_text().rstrip("¶").strip() == "2026年北京市政府工作报告"
    assert BODY[2] in paragraph_texts(soup) and BODY[3] in paragraph_texts(soup)
    repairs = repairs_page(tmp_path)
    assert all(line in repairs for line in top + between + bottom) and why in repairs


def test_title_label_of_information_table_cut(tmp_path):
    """`标 题：2026年北京市政府工作报告` (a 政府信息公开 table): the label is cut, the title kept as the title."""
    soup = build_variant(tmp_path, ["标 题：2026年北京市政府工作报告", "发文字号：", "成文日期：2026-01-28"] + HEAD[1:] + BODY)
    assert_report_whole(soup, ["标题", "发文字号", "成文日期"])
    assert article(soup).find("h1").get_text().rstrip("¶").strip() == "2026年北京市政府工作报告"
    assert "标题前网页信息公开表的标注" in repairs_page(tmp_path)


def pdf_wrap(lines: list[str], width: int, every: int, furniture: list[str]) -> list[str]:
    """Lines as a PDF extraction gives them: each cut every `width` characters, and after every
    `every` lines the page's furniture ("— {n} —" is the page number)."""
    out: list[str] = []
    count = 0
    for line in lines:
        for at in range(0, len(line), width):
            out.append(line[at:at + width])
            count += 1
            if count % every == 0:
                out += [item.format(n=count // every + 1) for item in furniture]
    return out


def test_whole_report_as_pdf_extraction(tmp_path):
    """The whole 2026 Beijing report (real) cut at 30 characters a line, with `— n —` and the running
    header 北京市人民政府工作报告 every 40 lines: the same 3 sections and 10 subsections, every line whole."""
    source = [line for line in REAL[9:14] + REAL[15:] if line.strip() and line.strip() != "相关报道："]
    soup = build_variant(tmp_path, source[:5] + pdf_wrap(source[5:], 30, 40, ["— {n} —", "北京市人民政府工作报告"]))
    assert [h["id"] for h in article(soup).select("h2")] == ["s1", "s2", "s3"]
    assert [h["id"] for h in article(soup).select("h3")] == [f"s3-{n}" for n in range(1, 11)]
    text = "".join(report_text(soup).split())
    assert all("".join(line.split()) in text for line in source[5:] if not line.startswith(("来源", "时间")))
    assert "—2—" not in text and "北京市人民政府工作报告" not in text


def test_run_in_heading_cut_before_its_last_word(tmp_path):
    """2026-anhui's run-in subsection heading cut by a PDF line two characters before its full stop
    (`（二）…实现新突` / `破。坚持…`): the heading is whole, not `…新突` over a paragraph opening on `破。`."""
    lines = (CASES / "realcorpus" / "2026-anhui.txt").read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("（二）因地制宜发展新质生产力"))
    heading = "（二）因地制宜发展新质生产力，打造具有重要影响力的新兴产业聚集地实现新突破。"
    cut = len(heading) - 2
    content = tmp_path / "content"
    content.mkdir()
    (content / "2026-anhui.txt").write_text(
        "\n".join(lines[:at] + [lines[at][:cut], lines[at][cut:]] + lines[at + 1:]) + "\n", encoding="utf-8")
    (content / "reports.yml").write_text(REPORTS_YML.replace("demo", "anhui").replace("北京市", "安徽省"), encoding="utf-8")
    soup = page(build(content, tmp_path / "site"), "2026-anhui")
    found = [h for h in article(soup).select("h3") if "因地制宜发展新质生产力" in h.get_text()]
    assert [h.get_text().rstrip("¶") for h in found] == [heading]
    assert found[0]["id"].endswith("-2")
    assert not any(p.startswith("破。") for p in paragraph_texts(soup))


@pytest.mark.parametrize("headers", [
    [["— 3 —", "北京市第十六届人民代表大会第四次会议文件"], ["— 4 —", "北京市第十六届人民代表大会第四次会议文件"]],
    [["— 3 —", "政 府 工 作 报 告"], ["— 4 —", "政 府 工 作 报 告"]],
    [["— 3 —", "京政发〔2026〕1号"], ["— 4 —"]],
    [["— 3 —", "奋进新征程 建功新时代"], ["— 4 —", "奋进新征程 建功新时代"]],
])
def test_running_headers_of_other_wordings(tmp_path, headers):
    """Running headers that are not the title — the meeting's document mark, a letter-spaced title, a
    document number, any short line printed beside the page number on every page — inside two sentences."""
    soup = build_variant(tmp_path, HEAD + BODY[:2] + split(BODY[2], 40, headers[0]) + BODY[3:5]
                         + split(BODY[5], 30, headers[1]) + BODY[6:])
    assert_report_whole(soup, ["会议文件", "政府工作报告北京", "京政发", "奋进新征程"])
    assert BODY[2] in paragraph_texts(soup) and BODY[5] in paragraph_texts(soup)
    assert "PDF的页眉" in repairs_page(tmp_path)


def test_running_header_printed_once_after_page_number(tmp_path):
    """`— 3 —` / `奋进新征程` inside a sentence, the copy's only page break (variants/pdf-running-header-once):
    the short line after the page number is a header, dropped and listed; the paragraph whole."""
    soup, repairs = build_case(tmp_path, "pdf-running-header-once")
    assert article(soup).find(id="s1-p2").get_text().rstrip("¶") == BODY[2]
    assert "奋进新征程" not in report_text(soup) and "奋进新征程" in repairs and "PDF的页眉" in repairs


def built_variant(tmp_path: Path, name: str, slug: str):
    """Build tests/cases/variants/<name> and return the page of report `slug` and its repairs page HTML."""
    site = build(CASES / "variants" / name, tmp_path / "site")
    return page(site, slug), (site / "reports" / slug / "repairs.html").read_text(encoding="utf-8")


def test_wrapped_line_ending_on_full_stop_goes_on(tmp_path):
    """A paragraph hard-wrapped at 31 characters whose 7th line ends on 。 (variants/pdf-line-ends-on-full-stop):
    in a copy of one full page width that line goes on, so s1-p2 is the whole paragraph, listed as joins."""
    soup, repairs = build_case(tmp_path, "pdf-line-ends-on-full-stop")
    texts = {p["id"]: p.get_text().rstrip("¶") for p in article(soup).select("p.zb-p")}
    assert texts["s1-p2"].startswith("过去一年，") and texts["s1-p2"].endswith("等多项指标保持全国省级地区最优水平。")
    assert "目标任务。全市地区生产总值" in texts["s1-p2"]
    assert texts["s1-p3"] == "一年来，主要做了以下工作。"
    assert "目标任务。 ⏎ 全市地区生产总" in html.unescape(repairs)


def test_wrapped_list_items_stay_items(tmp_path):
    """（一）…（五） list items hard-wrapped at 36 characters (variants/mess-pdf-wrap-list-item-becomes-subsection,
    1979 national): each item one paragraph s2-p3 … s2-p7, as in the unwrapped copy; no subsection invented."""
    soup, _ = built_variant(tmp_path, "mess-pdf-wrap-list-item-becomes-subsection", "1979-demo")
    assert article(soup).select("h3") == []
    texts = {p["id"]: p.get_text().rstrip("¶") for p in article(soup).select("p.zb-p")}
    assert [texts[f"s2-p{n}"][:3] for n in range(3, 8)] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert texts["s2-p6"].endswith("降低工程造价，缩短建设周期。")
    assert texts["s2-p5"].endswith("冶金、机械、化工等重工业部门，要在增加生产的同时，着重提高质量，增加品种。")


def test_wrapped_item_after_lone_enumerator_stays_item(tmp_path):
    """`五、` alone above a list item hard-wrapped at 36 characters (variants/mess-pdf-wrap-enumerator-alone-
    item-becomes-section, 1955 national): the item is one paragraph s3-3-p16, no section 五 is invented."""
    soup, _ = built_variant(tmp_path, "mess-pdf-wrap-enumerator-alone-item-becomes-section", "1955-demo")
    assert [h["id"] for h in article(soup).select("h2")] == ["s3"]
    item = (ROOT / "content" / "1955-national.txt").read_text(encoding="utf-8").splitlines()[426].strip()
    texts = {p["id"]: p.get_text().rstrip("¶") for p in article(soup).select("p.zb-p")}
    assert texts["s3-3-p16"] == "五、" + item
    assert texts["s3-3-p17"] == "第三，对农业生产的领导问题。"
    assert texts["s3-3-p15"].startswith("四、增加稻米") and "毫无疑问" in texts["s3-3-p15"]


def test_subsection_heading_wrapped_after_19_characters(tmp_path):
    """`（一）深入落实城市总体规划，推动京津冀` / `协同发展走深走实` (variants/subsection-heading-wrapped-short: a
    heading in a larger font wraps early): one heading s3-1, its first paragraph s3-1-p1, the join listed."""
    soup, repairs = build_case(tmp_path, "subsection-heading-wrapped-short")
    heading = article(soup).find(id="s3-1")
    assert heading.get_text().rstrip("¶") == "（一）深入落实城市总体规划，推动京津冀协同发展走深走实"
    assert article(soup).find(id="s3-1-p1").get_text().startswith("坚持首都城市战略定位")
    assert "join_wrapped_heading" in repairs


def test_list_item_cut_by_page_break_stays_item(tmp_path):
    """A page break (`— 6 —`, running header) inside the （三） item of a list of whole items (variants/mess-pdf-
    pages-list-item-cut-becomes-subsection, 1979 national): rejoined, it is an item like its neighbours, s2-p5."""
    soup, repairs = built_variant(tmp_path, "mess-pdf-pages-list-item-cut-becomes-subsection", "1979-demo")
    assert article(soup).select("h3") == []
    texts = {p["id"]: p.get_text().rstrip("¶") for p in article(soup).select("p.zb-p")}
    assert [texts[f"s2-p{n}"][:3] for n in range(3, 8)] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert "有所缓和。冶金、机械、化工等重工业部门" in texts["s2-p5"] and texts["s2-p5"].endswith("增加品种。")
    assert "— 6 —" in repairs


def test_wrapped_indented_paragraph_keeps_its_tail(tmp_path):
    """`　　…并请全国政协` / `委员提出意见` (variants/mess-pdf-wrap-indented-paragraph-tail-apart, 2012 national hard-
    wrapped at 36 characters): the unindented short piece right under an indented paragraph's unfinished line is
    its tail, not a paragraph set apart: p2 is whole, then s1."""
    soup, repairs = built_variant(tmp_path, "mess-pdf-wrap-indented-paragraph-tail-apart", "2012-demo")
    texts = [(e.get("id"), e.get_text().rstrip("¶")) for e in article(soup).select("h2, p.zb-p")]
    whole = "现在，我代表国务院，向大会报告政府工作，请各位代表审议，并请全国政协委员提出意见"
    assert texts[:3] == [("p1", "各位代表："), ("p2", whole), ("s1", "一、2011年工作回顾")]
    assert "join_broken_lines" in repairs


def test_wrapped_paragraph_ending_at_full_width_before_blank_line(tmp_path):
    """2023 national lines hard-wrapped at 36 characters (variants/mess-pdf-wrap-paragraph-ends-at-full-width): a
    paragraph whose last line fills the width and ends on 。 stops at the blank line after it; s1-p3 and s1-p4
    are the clean copy's paragraphs."""
    soup, _ = built_variant(tmp_path, "mess-pdf-wrap-paragraph-ends-at-full-width", "2023-demo")
    source = (ROOT / "content" / "2023-national.txt").read_text(encoding="utf-8").splitlines()
    texts = {p["id"]: p.get_text().rstrip("¶") for p in article(soup).select("p.zb-p")}
    assert texts["s1-p3"] == source[29].strip() and texts["s1-p3"].endswith("普遍受益。")
    assert texts["s1-p4"] == source[31].strip()
    assert [h["id"] for h in article(soup).select("h2")] == ["s1"]


def test_part_heading_shown_with_the_space_after_its_number(tmp_path):
    """A provincial report in 第一部分 / 第二部分 (portal pages set an ideographic space after the number): the h2 reads
    `第一部分　2025年工作回顾` as written, the 一、 under it is s1 (h3)."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "2026-demo.txt").write_text("\n".join([
        "2026年某省政府工作报告", "各位代表：", "第一部分　2025年工作回顾", "一、经济运行稳中有进",
        "过去一年，全省经济运行稳中有进。", "第二部分　2026年工作安排", "一、扎实推进科技创新", "今年要加快建设科技强省。",
    ]) + "\n", encoding="utf-8")
    (content / "reports.yml").write_text(REPORTS_YML, encoding="utf-8")
    soup = page(build(content, tmp_path / "site"), "2026-demo")
    headings = [(h.get("id"), h.get_text().rstrip("¶")) for h in article(soup).select("h2, h3")]
    assert headings == [("part1", "第一部分\u30002025年工作回顾"), ("s1", "一、经济运行稳中有进"),
                        ("part2", "第二部分\u30002026年工作安排"), ("part2-s1", "一、扎实推进科技创新")]
