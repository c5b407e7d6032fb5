"""Bad input gets a clear error and leaves the previous site; odd but valid input just works;
nothing in a report's text or metadata is ever interpreted."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from .conftest import page, report_text, run_build

GOOD_TEXT = "2024年某区政府工作报告\n各位代表：\n一、2023年工作回顾\n全区经济稳中有进。\n（一）产业发展。工业增长5%。\n"


def entry(file: str, slug: str, year="2024", extra: str = "") -> str:
    return (f"  - file: {file}\n    slug: {slug}\n    year: {year}\n    region: 某区\n    level: district\n{extra}")


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory) -> Path:
    """A site built from valid content, to check that failed builds leave it alone."""
    root = tmp_path_factory.mktemp("previous")
    content = root / "content"
    content.mkdir()
    (content / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (content / "reports.yml").write_text("reports:\n" + entry("good.txt", "good"), encoding="utf-8")
    site = root / "site"
    assert run_build("--content", str(content), "--site", str(site)).returncode == 0
    return site


def snapshot(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*"))
            if p.is_file()}


def build_failing(tmp_path: Path, previous_site: Path, files: dict[str, bytes | str], yml: str, *args: str):
    """Run build.py on a content folder made of `files`; return (result, site unchanged?)."""
    content = tmp_path / "content"
    content.mkdir(exist_ok=True)
    for name, data in files.items():
        target = content / name
        target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    (content / "reports.yml").write_text(yml, encoding="utf-8")
    site = tmp_path / "site"
    shutil.copytree(previous_site, site)
    before = snapshot(site)
    result = run_build("--content", str(content), "--site", str(site), *args)
    assert "Traceback" not in result.stderr
    return result, snapshot(site) == before


CASES = {
    "file_without_entry": ({"good.txt": GOOD_TEXT, "stray.txt": GOOD_TEXT}, entry("good.txt", "good"),
                           ["stray.txt:1: file has no metadata entry", "add an entry with 'file: stray.txt'"]),
    "entry_file_missing": ({}, entry("missing.txt", "missing"),
                           ["reports.yml:2: file 'missing.txt' does not exist", "check the spelling"]),
    "duplicate_slug": ({"a.txt": GOOD_TEXT, "b.txt": GOOD_TEXT}, entry("a.txt", "same") + entry("b.txt", "same"),
                       ["reports.yml:7: duplicate slug 'same' (also at line 2)"]),
    "slug_not_url_safe": ({"a.txt": GOOD_TEXT}, entry("a.txt", "2024 某区"), ["slug '2024 某区' is not URL-safe"]),
    "missing_year": ({"a.txt": GOOD_TEXT},
                     "  - file: a.txt\n    slug: a\n    region: 某区\n    level: district\n",
                     ["reports.yml:2: entry is missing 'year' — add 'year: …'"]),
    "impossible_year": ({"a.txt": GOOD_TEXT}, entry("a.txt", "a", year="3024"), ["year 3024 is impossible"]),
    "unknown_key": ({"a.txt": GOOD_TEXT}, entry("a.txt", "a", extra="    yaer: 2024\n"),
                    ["unknown key 'yaer' — did you mean 'year'?"]),
    "empty_file": ({"a.txt": ""}, entry("a.txt", "a"), ["a.txt:1: file is empty"]),
    "binary_file": ({"a.txt": b"%PDF-1.7\x00\x01\x02\xff"}, entry("a.txt", "a"),
                    ["a.txt:1: file is binary, not text", "export the report as plain UTF-8 text"]),
    "gb18030_file": ({"a.txt": GOOD_TEXT.encode("gb18030")}, entry("a.txt", "a"),
                     ["a.txt:1: file is not UTF-8; it looks like GB18030/GBK", "iconv -f GB18030 -t UTF-8"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_gives_clear_error_and_keeps_previous_site(tmp_path, previous_site, case):
    files, entries, messages = CASES[case]
    result, unchanged = build_failing(tmp_path, previous_site, files, "reports:\n" + entries)
    assert result.returncode == 2
    for message in messages:
        assert message in result.stderr, result.stderr
    assert "nothing was written" in result.stderr
    assert unchanged


def test_invalid_yaml_names_its_line(tmp_path, previous_site):
    result, unchanged = build_failing(tmp_path, previous_site, {"a.txt": GOOD_TEXT},
                                      "reports:\n  - file: a.txt\n    slug: a\n   year: 2024\n")
    assert result.returncode == 2 and unchanged
    assert "reports.yml:4: invalid YAML" in result.stderr


def test_all_problems_reported_together(tmp_path, previous_site):
    result, unchanged = build_failing(
        tmp_path, previous_site, {"a.txt": "", "stray.txt": GOOD_TEXT},
        "reports:\n" + entry("a.txt", "a") + entry("b.txt", "Bad Slug", extra="    yaer: 1\n"))
    assert result.returncode == 2 and unchanged
    for message in ("a.txt:1: file is empty", "unknown key 'yaer'", "stray.txt:1: file has no metadata entry"):
        assert message in result.stderr


def test_report_without_structure_is_shown_with_warning_or_refused_when_strict(tmp_path, previous_site):
    text = "各位代表：\n经济平稳运行，就业保持稳定。\n民生持续改善，社会大局稳定。\n"
    result, _ = build_failing(tmp_path, previous_site, {"a.txt": text}, "reports:\n" + entry("a.txt", "a"))
    assert result.returncode == 0
    assert "a.txt:1: no section structure found (expected level-1 headings such as '一、…'" in result.stderr
    shown = report_text(page(tmp_path / "site", "a"))
    assert "经济平稳运行，就业保持稳定。" in shown and "民生持续改善，社会大局稳定。" in shown
    # readers get a note in their language; the build's message (with the file's path on this
    # machine, which would make the site depend on where it was built) stays in the terminal
    html = (tmp_path / "site" / "reports" / "a" / "index.html").read_text(encoding="utf-8")
    assert "原文没有分节的标题" in html
    assert str(tmp_path) not in html and "no section structure" not in html
    strict_dir = tmp_path / "strict"
    strict_dir.mkdir()
    result, unchanged = build_failing(strict_dir, previous_site, {"a.txt": text}, "reports:\n" + entry("a.txt", "a"),
                                      "--strict")
    assert result.returncode == 2 and unchanged and "no section structure found" in result.stderr


MESSY = ("\ufeff2024年某区政府工作报告\r\n各位代表：\r\n一、2023年工作回顾\r\n"
         "全区经济\u3000稳中有进，\u00a0增长\t5% 。  \r\n（一）产业发展。工业\u200b增长5%。\r"
         "二、2024年工作安排\r\n今年预期增长5%左右。\r\n")


def test_messy_but_valid_text_just_works(tmp_path, previous_site):
    result, _ = build_failing(tmp_path, previous_site, {"a.txt": MESSY}, "reports:\n" + entry("a.txt", "a"))
    assert result.returncode == 0, result.stderr
    soup = page(tmp_path / "site", "a")
    assert soup.find(id="s1-p1").get_text().startswith("全区经济稳中有进，增长5%。")
    assert soup.find(id="s1-1-p1").get_text().startswith("工业增长5%。")
    assert soup.find(id="s2").get_text().startswith("二、2024年工作安排")
    assert "\ufeff" not in report_text(soup)


INJECTION = (
    "2024年某区政府工作报告\n各位代表：\n"
    "<script>window.__zbInjected = 1; alert(1)</script>这是正文。\n"
    "一、<img src=x onerror=\"window.__zbInjected = 2\">回顾\n"
    "[链接](javascript:alert(3)) 和 ![图](x.png) 以及 *强调* 与 **粗体**。\n"
    "*[HTML]: Hyper Text Markup Language\n"
    "{{ config.site_name }} {% if true %}模板{% endif %} &amp; &lt;b&gt; 实体。\n"
    "---\n"
    "# 不是标题。\n"
    "<a href=\"javascript:window.__zbInjected = 3\">点我</a>。\n"
)
LITERALS = ["<script>window.__zbInjected = 1; alert(1)</script>这是正文。",
            "一、<img src=x onerror=\"window.__zbInjected = 2\">回顾",
            "[链接](javascript:alert(3))和![图](x.png)以及*强调*与**粗体**。",
            "*[HTML]: Hyper Text Markup Language",
            "{{ config.site_name }} {% if true %}模板{% endif %}&amp; &lt;b&gt; 实体。",
            "---", "# 不是标题。",
            "<a href=\"javascript:window.__zbInjected = 3\">点我</a>。"]


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("injected")
    content = root / "content"
    content.mkdir()
    (content / "a.txt").write_text(INJECTION, encoding="utf-8")
    (content / "reports.yml").write_text(
        "reports:\n" + entry("a.txt", "a", extra="    title: \"<b>粗体</b>标题\"\n").replace(
            "region: 某区", "region: \"<img src=x onerror=alert(9)>区\""), encoding="utf-8")
    site = root / "site"
    result = run_build("--content", str(content), "--site", str(site))
    assert result.returncode == 0, result.stderr
    return site


def test_text_is_shown_literally(injected_site):
    soup = page(injected_site, "a")
    article_text = soup.select_one("article").get_text("")
    for literal in LITERALS:
        assert literal.replace(" ", "") in article_text.replace(" ", ""), literal
    assert not soup.select("article script") and not soup.select("article img")
    assert not [a for a in soup.select("a[href^='javascript']")]


def test_injection_never_runs_in_browser(injected_site, browser_page):
    dialogs = []
    browser_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in ("reports/a/index.html", "index.html"):
        browser_page.goto((injected_site / path).as_uri())
        browser_page.wait_for_timeout(300)
        assert browser_page.evaluate("window.__zbInjected === undefined")
    browser_page.goto((injected_site / "reports/a/index.html").as_uri())
    assert browser_page.locator("article a", has_text="点我").count() == 0
    text = browser_page.locator("article").inner_text()
    assert "<script>window.__zbInjected = 1; alert(1)</script>这是正文。" in text
    assert "<b>粗体</b>标题" in text
    assert "<b>粗体</b>标题" in browser_page.title()
    assert "<img src=x onerror=alert(9)>区" in browser_page.locator("nav.md-nav--primary").first.inner_text()
    assert dialogs == []


def test_very_large_report_builds(tmp_path, previous_site):
    """5 MB of text (the 2024 report 80 times, each copy marked so none is a duplicate).
    Its build time is measured by `make bench`, not asserted here."""
    from .conftest import CONTENT

    source = (CONTENT / "2024-guangzhou.txt").read_text(encoding="utf-8").splitlines()
    def numeral(n: int) -> str:
        digits = "零一二三四五六七八九"
        hundreds, rest = divmod(n, 100)
        tens, ones = divmod(rest, 10)
        out = (digits[hundreds] + "百") if hundreds else ""
        if tens:
            out += ("" if tens == 1 and not hundreds else digits[tens]) + "十"
        elif hundreds and ones:
            out += "零"
        return out + (digits[ones] if ones else "")

    expected = ["一", "十", "十二", "二十一", "一百零一", "一百一十", "一百六十"]
    assert [numeral(n) for n in (1, 10, 12, 21, 101, 110, 160)] == expected
    lines = []
    for copy in range(80):
        for line in source:
            if line.startswith(("一、", "二、")):
                number = 2 * copy + (1 if line.startswith("一") else 2)
                line = f"{numeral(number)}、{line[2:]}"
            elif line.strip():
                line = f"{line}（第{copy + 1}遍）"
            lines.append(line)
    text = "\n".join(lines)
    assert len(text.encode("utf-8")) > 5_000_000
    result, _ = build_failing(tmp_path, previous_site, {"big.txt": text}, "reports:\n" + entry("big.txt", "big"))
    assert result.returncode == 0, result.stderr
    soup = page(tmp_path / "site", "big")
    assert soup.find(id="s160") is not None and soup.find(id="s160-12") is not None


SECOND_DISTRICT = ("2024年海珠区政府工作报告\n各位代表：\n一、2023年工作回顾\n全区深入实施百千万工程，建设海珠湿地。\n"
                   "附件：\n名词解释\n1.百千万工程：海珠区报告对同一工程的另一种解释。\n2.海珠湿地：位于海珠区的国家湿地公园。\n")


def test_second_district_glossary_kept_per_source_and_double_definition_labelled(tmp_path, previous_site):
    from .conftest import CONTENT

    files = {"2024-yuexiu.txt": (CONTENT / "2024-yuexiu.txt").read_bytes(), "haizhu.txt": SECOND_DISTRICT,
             "plain.txt": GOOD_TEXT}
    yml = ("reports:\n" + entry("2024-yuexiu.txt", "2024-yuexiu").replace("某区", "越秀区")
           + entry("haizhu.txt", "2024-haizhu").replace("某区", "海珠区") + entry("plain.txt", "plain"))
    result, _ = build_failing(tmp_path, previous_site, files, yml)
    assert result.returncode == 0, result.stderr
    from bs4 import BeautifulSoup

    glossary = BeautifulSoup((tmp_path / "site" / "glossary" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert glossary.find(id="g-2024-yuexiu-4") is not None and glossary.find(id="g-2024-haizhu-2") is not None
    assert "位于海珠区的国家湿地公园" in glossary.get_text()
    term = page(tmp_path / "site", "2024-haizhu").select_one("#s1-p1 a.zb-term")
    assert term.get_text() == "百千万工程"
    # Two annexes define it: the tooltip gives the report's own definition, labelled, and counts the other.
    assert term["title"] == "【2024 海珠区】百千万工程：海珠区报告对同一工程的另一种解释。\n\n另有 1 条释义，见名词解释页。"
    wetland = [a for a in page(tmp_path / "site", "2024-haizhu").select("#s1-p1 a.zb-term") if a.get_text() == "海珠湿地"]
    assert wetland and wetland[0]["href"].endswith("#g-2024-haizhu-2")
    assert page(tmp_path / "site", "plain").select("a.zb-term") == []  # a report without an appendix just works


# Every content file a build reads: reports.yml (above), the glossary keys and the anchor locks.
GLOSSARY_TEXT = ("2024年某区政府工作报告\n各位代表：\n一、2023年工作回顾\n全区深入实施百千万工程。\n"
                 "附件：\n名词解释\n1.百千万工程：百县千镇万村高质量发展工程。\n")

KEY_FILE_CASES = {
    "invalid_yaml": ("glossaries:\n  a:\n    - {n: 1, term: 百千万工程, keys: [百千万工程]\n",
                     ["glossary-keys.yml:4: invalid YAML", "fix the syntax"]),
    "no_glossaries_mapping": ("- just a list\n", ["glossary-keys.yml:1: the file has no 'glossaries:' mapping"]),
    "row_without_number": ("glossaries:\n  a:\n    - {term: 百千万工程, keys: [百千万工程]}\n",
                           ["glossary-keys.yml:3: row of 'a' has no entry number 'n'", "give the annex's number"]),
    "row_without_term": ("glossaries:\n  a:\n    - {n: 1, keys: [百千万工程]}\n",
                         ["glossary-keys.yml:3: row a #1 has no 'term'"]),
    "keys_not_a_list": ("glossaries:\n  a:\n    - {n: 1, term: 百千万工程, keys: 百千万工程}\n",
                        ["glossary-keys.yml:3: row a #1: 'keys' is not a list of strings"]),
    "term_no_longer_in_annex": ("glossaries:\n  a:\n    - {n: 1, term: 千万工程, keys: [千万工程]}\n",
                                ["glossary-keys.yml:3: entry a #1 is '千万工程' here but '百千万工程' in the annex"]),
}


@pytest.mark.parametrize("case", list(KEY_FILE_CASES))
def test_broken_glossary_keys_give_clear_error(tmp_path, previous_site, case):
    keys, messages = KEY_FILE_CASES[case]
    result, unchanged = build_failing(tmp_path, previous_site, {"a.txt": GLOSSARY_TEXT, "glossary-keys.yml": keys},
                                      "reports:\n" + entry("a.txt", "a"))
    assert result.returncode == 2 and unchanged, result.stderr
    for message in messages:
        assert message in result.stderr, result.stderr
    assert "nothing was written" in result.stderr


LOCK_CASES = {
    "invalid_json": ('{\n "version": 1,\n "slug": "a",\n "paragraphs": [\n  {"anchor": "s1-p1",}\n ]\n}\n',
                     ["anchors/a.json:5: anchor lock is not valid JSON", "run `python build.py --update-anchors`"]),
    "missing_paragraphs": ('{\n "version": 1,\n "slug": "a"\n}\n',
                           ["anchors/a.json:1: anchor lock has an unexpected shape", "git checkout --"]),
    "paragraph_missing_field": ('{\n "version": 1,\n "slug": "a",\n "paragraphs": [\n  {"anchor": "s1-p1"}\n ]\n}\n',
                                ["anchors/a.json:", "anchor lock has an unexpected shape"]),
    "other_slug": ('{\n "version": 1,\n "slug": "b",\n "paragraphs": []\n}\n',
                   ["anchors/a.json:3: anchor lock is for 'b', not 'a'"]),
}


@pytest.mark.parametrize("case", list(LOCK_CASES))
def test_broken_anchor_lock_gives_clear_error(tmp_path, previous_site, case):
    lock, messages = LOCK_CASES[case]
    content = tmp_path / "content"
    (content / "anchors").mkdir(parents=True)
    (content / "anchors" / "a.json").write_text(lock, encoding="utf-8")
    result, unchanged = build_failing(tmp_path, previous_site, {"a.txt": GOOD_TEXT}, "reports:\n" + entry("a.txt", "a"))
    assert result.returncode == 2 and unchanged, result.stderr
    for message in messages:
        assert message in result.stderr, result.stderr
    assert "nothing was written" in result.stderr
