"""The real archive in content/ (national reports from Wikisource, provincial reports from portals):
built whole, every sentence on its page once and in order, every numbered heading found, no
heading that is not one.

The expectations are made from the source files by simple means that share nothing with the
cleaning and parsing code: the raw lines minus the lines the repairs page lists as removed, and
numbered heading lines found with a plain regular expression.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from .conftest import ARCHIVE, ROOT, article, run_build

CASES = ROOT / "tests" / "cases"
SEED_SLUGS = {"2024-guangzhou", "2024-yuexiu", "2023-guangzhou-summary", "2021-guangzhou", "2017-guangzhou"}
ENTRIES = [e for e in yaml.safe_load((ARCHIVE / "reports.yml").read_text(encoding="utf-8"))["reports"]
           if e["slug"] not in SEED_SLUGS]
SLUGS = [e["slug"] for e in ENTRIES]
FILES = {e["slug"]: e["file"] for e in ENTRIES}

# Level-1 and level-2 numbering as an official document writes it, on a line of its own.
LEVEL1 = re.compile(r"^[一二三四五六七八九十]{1,3}、\s*\S")
LEVEL2 = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")
SENTENCE_END = re.compile(r"[。！？；;!?，,：:、]$")


def soup_of(site: Path, slug: str, name: str = "index.html") -> BeautifulSoup:
    return BeautifulSoup((site / "reports" / slug / name).read_text(encoding="utf-8"), "html.parser")


def squeeze(text: str) -> str:
    return re.sub(r"[\s\u200b\u200c\u200d\u2060\ufeff\u00ad]+", "", text)


def repair_rows(site: Path, slug: str) -> dict[int, tuple[str, str]]:
    """Single-line repairs the repairs page lists: source line → (before, after); after "" = removed.

    Joins (before "a ⏎ b") change only where a line ends, which `squeeze` ignores, so they are left out.
    """
    rows: dict[int, tuple[str, str]] = {}
    for row in soup_of(site, slug, "repairs.html").select(".zb-repairs tbody tr"):
        cells = [cell.get_text() for cell in row.select("td")]
        if len(cells) >= 4 and cells[0].strip().isdigit() and "⏎" not in cells[2]:
            after = "" if cells[3].strip() in ("", "（删除）", "(dropped)") else cells[3]
            rows[int(cells[0])] = (cells[2], after)
    return rows


def removed_lines(site: Path, slug: str) -> dict[int, str]:
    """Source lines the repairs page lists as removed, with the text it says they had."""
    return {number: before for number, (before, after) in repair_rows(site, slug).items() if not after}


def shown_text(site: Path, slug: str) -> str:
    """The page's report text: our labels, link marks and heading permalinks removed."""
    body = BeautifulSoup(str(article(soup_of(site, slug))), "html.parser")
    for selector in (".headerlink", ".zb-mark", "script", "style", ".zb-added"):
        for element in body.select(selector):
            element.decompose()
    return squeeze(body.get_text(""))


@pytest.mark.parametrize("slug", SLUGS)
def test_every_sentence_reaches_the_page_once_in_order(archive_site, slug):
    rows = repair_rows(archive_site, slug)
    lines = (ARCHIVE / FILES[slug]).read_text(encoding="utf-8").splitlines()
    for number, (before, after) in rows.items():
        if not after:
            assert squeeze(lines[number - 1]) == squeeze(before), f"line {number} is not what the repairs page says"
    changed = {number: after for number, (before, after) in rows.items()
               if squeeze(lines[number - 1]) == squeeze(before)}  # a repair of the whole line, shown in full
    expected = squeeze("".join(changed.get(number, line) for number, line in enumerate(lines, 1)))
    shown = shown_text(archive_site, slug)
    at = next((i for i, (a, b) in enumerate(zip(shown, expected, strict=False)) if a != b),
              min(len(shown), len(expected)))
    assert shown == expected, (f"first difference at {at}: page …{shown[at - 30:at + 30]}… "
                               f"vs source …{expected[at - 30:at + 30]}… ({len(shown)} vs {len(expected)} chars)")


def test_removed_lines_are_few(archive_site):
    """Repairs remove page chrome and footers, not text: at most a small share of any report."""
    for slug in SLUGS:
        lines = (ARCHIVE / FILES[slug]).read_text(encoding="utf-8").splitlines()
        removed = removed_lines(archive_site, slug)
        removed_chars = sum(len(squeeze(lines[n - 1])) for n in removed)
        assert removed_chars <= 0.05 * len(squeeze("".join(lines))) + 400, slug


def numbered_lines(slug: str, pattern: re.Pattern) -> list[str]:
    """Lines of the source that are numbered headings at one level: short, not a sentence or its part."""
    out = []
    for line in (ARCHIVE / FILES[slug]).read_text(encoding="utf-8").splitlines():
        text = squeeze(line)
        if pattern.match(text) and len(text) <= 40 and not SENTENCE_END.search(text):
            out.append(text)
    return out


HEADINGS = "article h2, article h3, article h4, article h5, article h6"


def page_headings(soup: BeautifulSoup) -> list[str]:
    """The text of every heading of the report on its page (at any level), in order."""
    return [squeeze(h.get_text()).rstrip("¶") for h in soup.select(HEADINGS)
            if "zb-added" not in (h.get("class") or [])]


@pytest.mark.parametrize("level", [LEVEL1, LEVEL2], ids=["一、", "（一）"])
@pytest.mark.parametrize("slug", SLUGS)
def test_numbered_headings_are_headings_in_order(archive_site, slug, level):
    """Every numbered heading line (一、 or （一）) is a heading of its page, whatever its level there:
    一、 is a section where it is the top level, a lower heading under 第一部分 or unnumbered headings."""
    expected = numbered_lines(slug, level)
    found = page_headings(soup_of(archive_site, slug))
    missing, at = [], 0
    for text in expected:
        hit = next((i for i in range(at, len(found)) if found[i].startswith(text[:12])), None)
        if hit is None:
            missing.append(text)
        else:
            at = hit + 1
    assert len(missing) <= 0.02 * len(expected), missing


@pytest.mark.parametrize("slug", SLUGS)
def test_first_top_level_section_is_s1(archive_site, slug):
    """The first 一、 heading is #s1 whatever stands before it (page chrome, a preface, a speaker line, a
    part heading above it: 1982 第六个五年计划的基本任务, 1984 关于国内建设, 1988 过去五年国内工作的基本总结, 1981
    （二）今后经济建设的方针 over 一、…十、)."""
    text = (ARCHIVE / FILES[slug]).read_text(encoding="utf-8")
    firsts = [line for line in map(squeeze, text.splitlines())
              if line.startswith("一、") and len(line) <= 60 and not SENTENCE_END.search(line)]
    if not firsts:
        return
    level2, source = numbered_lines(slug, LEVEL2), squeeze(text)
    first = soup_of(archive_site, slug).select_one("article #s1")
    assert first is not None and squeeze(first.get_text()).startswith(firsts[0][:8])
    if level2 and source.find(level2[0]) < source.find(firsts[0]):
        assert first.name == "h3"  # under a higher numbering (1981: （二） over 一、)


def test_unnumbered_parts_have_part_anchors(archive_site):
    """1984 national: 关于国内建设 is #part1 over 一、 (#s1)…五、; 关于外交工作 #part2 over its own 一、 (#part2-s1);
    结束语 #part3. Every id of a page is unique."""
    soup = soup_of(archive_site, "1984-national")
    shown = {h["id"]: squeeze(h.get_text()).rstrip("¶") for h in soup.select("article h2, article h3")}
    assert shown["part1"] == "关于国内建设" and shown["s1"].startswith("一、认真地有步骤地改革城市经济")
    assert shown["part2"] == "关于外交工作" and shown["part2-s1"].startswith("一、维护世界和平")
    assert shown["part3"] == "结束语"
    for slug in ("1982-national", "1984-national", "1988-national"):
        ids = [e["id"] for e in soup_of(archive_site, slug).select("article [id]")]
        assert len(ids) == len(set(ids)), slug


# What is never a heading of a report: page chrome, licence lines, enumerators standing alone,
# fragments of a title or of a hyperlink, a date or a name alone.
NOT_HEADINGS = [
    re.compile(p) for p in (
        r"^(下载|打印|全屏|收藏|首页|分享|关闭|返回|大|中|小|加大|还原|减小|字号|【字号|】)",
        r"(日报|日报客户端|新闻网|发布)$", r"^(来源|时间|发布时间|作者|责任编辑|编辑)[：:]",
        r"^(本作品|法律|法规|Public domain|false|注：|不总是|公有领域|中国大陆)",
        r"^[一二三四五六七八九十]+(是|要|则|方面)$", r"^[《》、，,。]", r"^告$",
        r"^\d{4}-\d{2}-\d{2}", r"^[—―\-]+\d{4}年",
        r"[；;，,、：:]$",  # an item of a list or a sentence cut short, not a heading
    )
]


# A bare numeral on its own line is how some older reports number their parts (1960: 一 / 二).
BARE_NUMERAL = re.compile(r"[一二三四五六七八九十]{1,3}")


@pytest.mark.parametrize("slug", SLUGS)
def test_no_heading_that_is_not_a_heading_of_the_text(archive_site, slug):
    headings = page_headings(soup_of(archive_site, slug))
    bad = [h for h in headings if any(p.search(h) for p in NOT_HEADINGS)
           or (len(h) < 2 and not BARE_NUMERAL.fullmatch(h))]
    assert bad == []


@pytest.mark.parametrize("slug", SLUGS)
def test_title_is_never_the_slug(archive_site, slug):
    soup = soup_of(archive_site, slug)
    assert slug not in soup.title.get_text()
    assert slug not in soup.select_one("article h1").get_text()


def written_in_traditional(text: str) -> bool:
    """A text is in traditional script when OpenCC's t2s changes a good share of its Han characters
    (measured directly with the library, not through the build's own detection)."""
    import opencc

    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    simplified = opencc.OpenCC("t2s").convert("".join(han))
    changed = sum(1 for a, b in zip(han, simplified, strict=False) if a != b)
    return changed > 0.05 * max(len(han), 1)


@pytest.mark.parametrize("slug", SLUGS)
def test_script_is_detected_from_the_text(archive_site, slug):
    """The entries give no `script`: a traditional-script copy is served as zh-Hant, others as zh-Hans."""
    text = (ARCHIVE / FILES[slug]).read_text(encoding="utf-8")
    lang = soup_of(archive_site, slug).html.get("lang")
    assert lang == ("zh-Hant" if written_in_traditional(text) else "zh-Hans")


def test_stats_counts_headings_per_level_and_removed_lines(archive_site):
    """`build.py --stats` on a four-level text (case 05) and on a scraped provincial report."""
    result = run_build("--content", str(CASES / "05"), "--stats")
    assert result.returncode == 0, result.stderr
    row = next(line.split() for line in result.stdout.splitlines() if line.startswith("2024-demo"))
    # 一、 three; （一） three; 1. two; （1） one; ① one; unnumbered none.
    assert row[1:7] == ["3", "3", "2", "1", "1", "0"], result.stdout
    archive = run_build("--content", str(ARCHIVE), "--stats")
    assert archive.returncode == 0, archive.stderr
    rows = {line.split()[0]: line.split() for line in archive.stdout.splitlines()[1:]}
    for slug in SLUGS:  # the lines removed are the rows of the repairs page with nothing after
        assert rows[slug][8] == str(len(removed_lines(archive_site, slug))), rows[slug]
    assert any("remove_portal_chrome" in rows[slug] for slug in SLUGS)
    assert any("remove_licence_footer" in rows[slug] for slug in SLUGS)


def test_citation_of_an_unnumbered_part_quotes_its_heading(archive_site):
    """1984 national: a paragraph under 关于国内建设 → 一、 is cited 「关于国内建设」一、第1段, the part's
    heading never running into the number (关于国内建设一、第1段)."""
    cites = [e.get("data-cite") for e in soup_of(archive_site, "1984-national").select("article [data-cite]")]
    assert "「关于国内建设」一、第1段" in cites and "「关于外交工作」一、第1段" in cites and "「结束语」第1段" in cites
    assert not any(re.match(r"关于|结束语", cite) for cite in cites)


def test_headings_of_indented_copies(archive_site):
    """Wikisource copies indent their paragraphs and not their headings: 1958's lead lines head the
    subsections of （一）; 1955's "第一，基本建设规模的大小问题。" is a heading below （一）; 1987's 三、, run
    into its paragraph on an unindented line, is section #s3."""
    first = soup_of(archive_site, "1958-national").select_one("article h3#s1-1")
    assert squeeze(first.get_text()).startswith("先说工业战线上的情况")
    lower = [squeeze(h.get_text()).rstrip("¶") for h in soup_of(archive_site, "1955-national").select("article h4")]
    assert lower[0] == "第一，基本建设规模的大小问题。" and len(lower) >= 15
    third = soup_of(archive_site, "1987-national").select_one("article h2#s3")
    assert squeeze(third.get_text()).startswith("三、深入改革经济体制和扩大对外开放")
