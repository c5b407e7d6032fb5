"""Messy copies of a report's source text, one kind of source at a time (metamorphic tests of issue 14).

Each function takes the lines of a report file (content/*.txt) and returns the same text as another
source dresses it. The shapes are those of the real copies: the portal toolbar and footer of
content/2026-hunan.txt (下载 / 打印 / … / 【字号：/ 加大 …) and tests/test_variants.py; the Wikisource header
box, paragraph indent (　　) and licence footer of content/1982-national.txt; the PDF page numbers and
running headers of ../shared/cases/01 and tests/cases/variants. Deterministic: the same lines give the
same copy. A copy's inserted lines are returned too, so a test can look for each on the repairs page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

PAGE_NUMBER_FORMS = ("- {n} -", "— {n} —", "{n}", "第{n}页")
"""The page-number lines PDF extractions of the reports show (case 01, tests/test_variants.py)."""
HEADING_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[部章]分?)")
"""A numbered heading line's opening: the Wikisource copies of content/ never indent these lines (the
indented copies 1955–2013 indent no （一） heading line; 1978's indented （一） lines are list items)."""
SENTENCE_END = "。！？；：”"
NO_LINE_START = "，。、；：？！”’）》」』％"
"""Marks a typeset line never opens on (the line-start rule of Chinese typesetting): a line break
before one of them hangs the mark on the line above."""
WIDE = "　"
LATIN = re.compile(r"[A-Za-z0-9.%-]{2}")
"""Two characters of one Latin word or number: typesetting never breaks a line between them."""


@dataclass(frozen=True)
class Messy:
    """A messy copy: its lines and the lines it added that a clean build must remove."""

    lines: list[str]
    inserted: list[str]


def title_of(lines: list[str]) -> str:
    """The report's title as written in its first lines (a running header prints it), else 政府工作报告."""
    for line in lines[:20]:
        text = line.strip()
        if text.endswith("政府工作报告") and len(text) <= 30:
            return text
    return "政府工作报告"


def split_point(line: str, at: int) -> int:
    """Where a page break cuts a line near `at`: never right after a sentence end (that is the
    pdf-line-ends-on-full-stop kind, left to pdf_wrap), never before a mark no line opens on, nor
    inside the line's first or last 4 characters."""
    at = max(4, min(at, len(line) - 4))
    while at < len(line) - 4 and (line[at - 1] in SENTENCE_END or line[at] in NO_LINE_START):
        at += 1
    return at


def pdf_pages(lines: list[str], seed: int = 0, every: int = 40, header: bool = True) -> Messy:
    """Page furniture of a PDF extraction over whole lines: after every `every` lines a page number
    (form picked by `seed`) and, if `header`, the running header (the title); when the break falls on a long line,
    the line is cut in two around its 40th character and the furniture goes between the halves."""
    form = PAGE_NUMBER_FORMS[seed % len(PAGE_NUMBER_FORMS)]
    running = title_of(lines)
    out: list[str] = []
    inserted: list[str] = []
    page = 1
    for count, line in enumerate(lines, 1):
        if count % every or count < every:
            out.append(line)
            continue
        page += 1
        furniture = [form.format(n=page)] + ([running] if header else [])
        inserted += furniture
        if len(line.strip()) >= 60:
            at = split_point(line, 40)
            out += [line[:at], *furniture, line[at:]]
        else:
            out += [line, *furniture]
    return Messy(out, inserted)


def pdf_wrap(lines: list[str], width: int = 36) -> Messy:
    """Every line longer than `width` hard-wrapped at `width` characters, as a PDF extraction of a
    page of that width gives it (shorter lines, headings among them, stay whole); a mark no line
    opens on hangs at the end of the line above (that line is then one character longer), and a
    Latin word or a number (5G, RCEP, 4000) is never cut: it goes whole to the next line."""
    out: list[str] = []
    for line in lines:
        text = line.rstrip()
        start = 0
        pieces: list[str] = []
        while start < len(text):
            end = start + width
            while start + 1 < end < len(text) and LATIN.match(text[end - 1:end + 1]):
                end -= 1
            while end < len(text) and text[end] in NO_LINE_START:
                end += 1
            pieces.append(text[start:end])
            start = end
        out += pieces or [line]
    return Messy(out, [])


def newspaper_of(lines: list[str]) -> str:
    """The newspaper a portal names as its source: the region's daily (人民日报 for national reports)."""
    title = title_of(lines)
    match = re.search(r"\d{4}年(.{2,3}?)(?:省|市|自治区|维吾尔|壮族|回族)", title)
    return f"{match.group(1)}日报" if match else "人民日报"


def portal(lines: list[str]) -> Messy:
    """A provincial portal's page: the toolbar block above the title (content/2026-hunan.txt's form,
    the source line, 分享到：) and the footer under the text (tests/test_variants.py's forms)."""
    top = ["下载", "打印", "全屏", "收藏", "【字号：", "加大", "还原", "减小", "】",
           f"来源：{newspaper_of(lines)} 2026-01-20", "分享到："]
    bottom = ["【打印本页】【关闭窗口】", "扫一扫在手机打开当前页", "责任编辑：张三"]
    return Messy(top + lines + bottom, top + bottom)


LICENCE = ["本作品是中华人民共和国的", "法律", "、", "法规", "，国家机关的决议、决定、命令和其他具有立法、行政、"
           "司法性质的文件，及其官方正式译文。根据《", "中华人民共和国著作权法", "》第五条第一项，本作品不适用于该法，在",
           "中国大陆", "，也可能在其他管辖区，属于", "公有领域", "。", "", "Public domain", "Public domain", "false",
           "false"]
"""The licence footer as content/1982-national.txt (Wikisource) carries it, one link a line."""


def wikisource(lines: list[str]) -> Messy:
    """A Wikisource page: the header box (← / title / → / 姊妹计划: 数据项), paragraphs indented with
    two full-width spaces where the copy does not indent already, the licence footer under the text."""
    title = title_of(lines)
    header = ["←", title, "→", "姊妹计划: 数据项"]
    indents = any(line.startswith(WIDE) for line in lines)
    body = lines if indents else [indent(line) for line in lines]
    removed = ["←", "→", "姊妹计划: 数据项"] + [line for line in LICENCE if line.strip()]
    return Messy(header + body + ["", *LICENCE], removed)


def indent(line: str) -> str:
    """A paragraph line indented as Wikisource sets it: lines of 40 characters or more, or ending on a
    sentence mark, unless they open on a heading number (run-in headings included)."""
    text = line.strip()
    if not text or HEADING_NUMBER.match(text):
        return line
    if len(text) >= 40 or text.endswith(tuple(SENTENCE_END)):
        return WIDE * 2 + text
    return line


KINDS: dict[str, Callable[[list[str], int], Messy]] = {
    "pdf-pages": lambda lines, seed: pdf_pages(lines, seed, header=seed % 3 != 2),
    "pdf-wrap": lambda lines, seed: pdf_wrap(lines),
    "portal": lambda lines, seed: portal(lines),
    "wikisource": lambda lines, seed: wikisource(lines),
}
"""Each kind of messy copy by name; `seed` picks among a kind's real forms (the page-number form)."""
