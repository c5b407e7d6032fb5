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
CHINESE_NUMBER = "[一二三四五六七八九十]+"
SENTENCE_END = "。！？；：”"
HEADING_NUMBER = re.compile(rf"^(?:{CHINESE_NUMBER}、|[（(]{CHINESE_NUMBER}[）)]|第{CHINESE_NUMBER}[部章]分?)")
"""A numbered heading line's opening: the Wikisource copies of content/ never indent these lines (the
indented copies 1955–2013 indent no （一） heading line; 1978's indented （一） lines are list items).
The bracket may be half-width, as the seeds write it ((十)坚定不移提升社会治理水平，…, 2024 越秀)."""
ORDINAL_HEADING = re.compile(rf"^第{CHINESE_NUMBER}[，、].*[^{SENTENCE_END}]$")
"""An ordinal line that ends on no sentence mark (第二，在经济上开始采取了一些新的政策，…比较活了, 1980): all
78 of them in the indented copies of content/ stand unindented (of the ordinal lines ending on a mark, 7
of 44 are indented: those stay with the rule for paragraphs)."""
NO_LINE_START = "，。、；：？！”’）》」』％"
"""Marks a typeset line never opens on (the line-start rule of Chinese typesetting): a line break
before one of them hangs the mark on the line above."""
WIDE = "　"
LATIN = re.compile(r"[A-Za-z0-9.%-]{2}")
"""Two characters of one Latin word or number: typesetting never breaks a line between them."""
NARROW = re.compile(r"[!-~\u00c0-\u024f]")
"""A Latin letter (with its accents), digit or ASCII mark."""


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
    pdf-line-ends-on-full-stop kind, left to pdf_wrap), never before a mark no line opens on, never
    before a run of Latin letters, digits or ASCII marks (5G, 4.5%, a web copy's pinyin 創(chuàng)新: a
    PDF of the text would keep it whole), nor inside the line's first or last 4 characters."""
    at = max(4, min(at, len(line) - 4))
    while at < len(line) - 4 and (line[at - 1] in SENTENCE_END or line[at] in NO_LINE_START
                                  or NARROW.match(line[at])):
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
    # The box shows the page's title; a copy whose text carries no title line (a summary opening on
    # its first paragraph) gets the arrows without one, so the copy adds no words the text lacks.
    carried = any(line.strip() == title for line in lines)
    header = ["←", title, "→", "姊妹计划: 数据项"] if carried else ["←", "→", "姊妹计划: 数据项"]
    indents = any(line.startswith(WIDE) for line in lines)
    body = lines if indents else [indent(line) for line in lines]
    removed = ["←", "→", "姊妹计划: 数据项"] + [line for line in LICENCE if line.strip()]
    return Messy(header + body + ["", *LICENCE], removed)


def indent(line: str) -> str:
    """A paragraph line indented as Wikisource sets it: lines of 40 characters or more, or ending on a
    sentence mark, unless they open on a heading number (run-in headings included)."""
    text = line.strip()
    if not text or HEADING_NUMBER.match(text) or ORDINAL_HEADING.match(text):
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


def body_opening(lines: list[str]) -> int:
    """Index of the line where the report's body opens: the salutation (各位代表), else the first
    line of 40 characters or more ending on a sentence mark, else the first numbered heading."""
    for test in (lambda t: t.startswith("各位代表"), lambda t: len(t) >= 40 and t.endswith(tuple(SENTENCE_END)),
                 lambda t: bool(HEADING_NUMBER.match(t))):
        found = next((i for i, line in enumerate(lines) if test(line.strip())), None)
        if found is not None:
            return found
    return 0


def last_text_line(lines: list[str]) -> int:
    """Index after the last line of the report's text (a copy may end on its own chrome already,
    content/2026-hunan.txt's "相关报道：", or on its licence, content/1982-national.txt's "本作品是…"):
    the last line ending on a sentence mark (not a colon) above the licence, plus one."""
    licence = next((i for i, line in enumerate(lines) if line.strip().startswith("本作品")), len(lines))
    ends = [i for i, line in enumerate(lines[:licence]) if line.strip().endswith(tuple("。！？；”"))]

    return ends[-1] + 1 if ends else len(lines)


def dressed(lines: list[str], top: list[str], middle: list[str], bottom: list[str]) -> Messy:
    """The report with chrome above its first line, before its body's opening and after its last
    sentence (the copy's own trailing lines stay after the added bottom chrome)."""
    start, end = body_opening(lines), last_text_line(lines)
    out = top + lines[:start] + middle + lines[start:end] + bottom + lines[end:]
    return Messy(out, top + middle + bottom)


def region_of(lines: list[str]) -> str:
    """The region the title names ("湖南"), else 国务院's 中国."""
    match = re.search(r"\d{4}年(.{2,3}?)(?:省|市|自治区|维吾尔|壮族|回族)", title_of(lines))
    return match.group(1) if match else "中国"


def gov_portal(lines: list[str], seed: int) -> Messy:
    """A government portal's article page (forms of Chinese government portals that the 21 copies of
    ../shared/realcorpus do not show): site navigation and a breadcrumb above the title; the
    publication labels, font-size switch and share box between the title block and the salutation;
    the print / close buttons, 纠错, neighbour links, related links and the site footer (网站地图,
    版权所有, ICP and 公网安备 numbers, 政府网站标识码) after the last sentence. `seed` picks forms."""
    region, paper = region_of(lines), newspaper_of(lines)
    crumbs = ("当前位置：首页 > 政务公开 > 政府工作报告", "您现在的位置：首页 > 要闻 > 正文",
              "当前位置: 首页 » 政府信息公开 » 政府工作报告")
    top = ["首页 | 要闻动态 | 政务公开 | 政务服务 | 互动交流", "无障碍浏览 | 长者模式 | 繁體版 | 登录",
           crumbs[seed % len(crumbs)]]
    middle = [f"发布时间：2026-01-27 10:30 来源：{paper} 作者：张三 浏览次数：", "字体：[大 中 小]",
              "【打印本页】【关闭窗口】", "分享到：微信 微博 QQ空间", "扫一扫在手机打开当前页"]
    if seed % 2:
        middle = [f"信息来源：{region}省人民政府办公厅　　发布日期：2026年01月27日", "【字体：大 中 小】",
                  "打印本页 | 关闭窗口", "分享到：", "微信", "微博", "QQ空间"]
    bottom = ["【纠错】", "【打印本页】 【关闭窗口】", "责任编辑：李四", "上一篇：关于印发2026年重点工作分工方案的通知",
              "下一篇：省政府召开常务会议", "相关链接", "• 2025年政府工作报告", "图解：2026年政府工作报告",
              "网站地图 | 联系我们 | 使用帮助 | 隐私声明",
              f"版权所有：{region}省人民政府办公厅　　主办：{region}省人民政府办公厅",
              "湘ICP备05000230号　湘公网安备 43010502000123号", "京公网安备11010502035588号", "政府网站标识码：4300000035",
              "建议使用1920×1080分辨率浏览本网站"]
    if seed % 2:  # no related links: the site footer stands right under the text
        bottom = [line for line in bottom if not line.startswith(("相关链接", "• ", "图解"))]
    return dressed(lines, top, middle, bottom)


def news_portal(lines: list[str], seed: int) -> Messy:
    """A newspaper's or news site's article page (forms the realcorpus copies do not show): channel
    links and a breadcrumb above the title; the byline, photo and caption credits, a video player's
    labels and an app prompt before the salutation; the source line, editor, correction and share
    buttons, neighbour and related news and the site's copyright after the last sentence."""
    paper = newspaper_of(lines)
    top = ["要闻 | 时政 | 经济 | 社会 | 视频", "当前位置：首页 > 要闻 > 时政"]
    middle = [f"2026-01-27 10:30:12 来源：{paper} 作者：王五 李四", "字号：大 中 小",
              "图为1月27日，省长在大会上作政府工作报告。新华社记者 李四 摄", "（摄影：王五）",
              "视频：政府工作报告全文", "00:00 / 03:25", "视频加载中，请稍候...",
              f"打开{paper}客户端，阅读体验更佳"]
    if seed % 2:
        middle = [f"{paper}全媒体记者 张三 王五", "发布时间：2026年01月27日 10:30", "音频：听报告",
                  f"下载{paper}APP，看更多精彩内容", "图：大会现场。 本报记者 赵六 摄"]
    bottom = [f"（来源：{paper}）", "【责任编辑：王五】", "[纠错]", "分享到：微信 微博 QQ空间",
              "上一篇：图解政府工作报告", "下一篇：代表热议政府工作报告", "相关新闻", "· 政府工作报告解读",
              "代表委员热议政府工作报告", f"Copyright © 2026 {paper} All Rights Reserved",
              f"{paper}版权所有，未经书面授权禁止使用", "违法和不良信息举报电话：12377"]
    if seed % 2:
        bottom = [line for line in bottom if not line.startswith(("相关新闻", "· ", "代表委员"))]
    return dressed(lines, top, middle, bottom)


PD_PRC = ["依据《中华人民共和国著作权法》第五条，本作品不适用于该法。",
          "本作品是中华人民共和国的法律、法规，国家机关的决议、决定、命令和其他具有立法、行政、司法性质的文件，"
          "及其官方正式译文，不适用于该法，在中国大陆，也可能在其他管辖区，属于公有领域。"]
PD_OLD = ["本作品在全世界都属于公有领域，因为作者逝世已经超过100年，并且于1930年1月1日之前出版。",
          "Public domain", "false"]


def wikisource_variant(lines: list[str], seed: int) -> Messy:
    """A Wikisource page with the templates content/'s copies do not show: a deletion notice and a
    sister-projects box with several projects over the title, the PD-PRC-exempt licence in one or two
    lines (依据《中华人民共和国著作权法》第五条…) or the worldwide public-domain one under the text,
    and the page's categories."""
    title = title_of(lines)
    box = ["←", title, "→"] if any(line.strip() == title for line in lines) else []
    top = ["此文档已经被提议删除。", "删除理由：与其他页面重复", *box, "姊妹计划：维基百科条目、数据项", "维基百科", "数据项"]
    if seed % 2:
        top = ["本页面已被提请快速删除。", "姊妹计划", "维基百科条目", "维基数据项"]
    sections = [line.strip() for line in lines if re.match(r"^[一二三四五六七八九十]+、", line.strip())
                and not line.strip().endswith(tuple(SENTENCE_END + "，"))]
    if len(sections) >= 2 and len(set(sections)) == len(sections):  # MediaWiki's contents box
        top += ["目录", *(f"{n} {text}" if seed % 4 < 2 else f"{n}\n{text}" for n, text in enumerate(sections, 1))]
        top = [part for line in top for part in line.split("\n")]
    lines, marked = noted(lines)
    items = [f"↑ 原文如此，见第{n}处。" if seed % 2 else f"{n}. ↑ 指当年的统计口径。" for n in range(1, len(marked) + 1)]
    notes = ["注释", *items] if items else []
    footer = PD_OLD if seed % 3 == 2 else PD_PRC
    # The notes stand under the text: above a licence the copy carries already, else above a portal
    # copy's own chrome under its last sentence (相关报道：).
    end = next((i for i, line in enumerate(lines) if line.strip().startswith("本作品")), last_text_line(lines))

    lines = lines[:end] + notes + lines[end:]
    bottom = ["", *footer, "分类：政府工作报告"]
    indents = any(line.startswith(WIDE) for line in lines)
    body = lines if indents else [indent(line) for line in lines]
    body = [indent(line) if line in marked else line for line in body] if indents else body
    return Messy(top + body + bottom, [t for t in top if t not in box[1:2]] + marked + notes + [t for t in bottom if t])



def noted(lines: list[str], count: int = 2) -> tuple[list[str], list[str]]:
    """The lines with a note marker "[n]" before the first comma of the first `count` long sentences
    of the body, as a Wikisource page annotates them; and the marked lines."""
    out, marked = list(lines), []
    for i in range(body_opening(lines), len(lines)):
        text = lines[i]
        if len(marked) < count and len(text.strip()) >= 40 and text.strip().endswith("。") and "，" in text:
            at = text.index("，")
            out[i] = f"{text[:at]}[{len(marked) + 1}]{text[at:]}"
            marked.append(out[i].strip())
    return out, marked


KINDS["portal-gov"] = gov_portal
KINDS["portal-news"] = news_portal
KINDS["wikisource-templates"] = wikisource_variant
