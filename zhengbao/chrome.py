"""Clean stage: remove the lines of a copy that are not the report's text, recording each one.

Portal pages leave their toolbars, breadcrumbs, labels, timestamps, newspaper names and photo
captions in the copied text (Wikisource's footer, header box and markup: zhengbao.wikisource). Each
repair here is a small named function over lines (like the fixes of zhengbao.clean) that drops
such lines and returns one `Repair` per removed line: `before` is the line as in the source,
`after` is empty, `why` says what the line was. A line that holds the report's sentences is never
removed; only the share button's "分享:" is cut from the front of a title line.
The patterns are in patterns.chrome; docs/text-repairs.md gives the decisions.
"""

from __future__ import annotations

from functools import lru_cache

from .model import LogicalLine, Repair
from .patterns import characters as ch
from .patterns import chrome as cp
from .patterns import front_matter as fm
from .patterns import shapes
from .script import to_simplified

Lines = list[LogicalLine]


def visible(text: str) -> str:
    """The line as a reader sees it: no invisible characters, no surrounding whitespace."""
    return ch.INVISIBLE_CHARACTERS.sub("", text).strip()


@lru_cache(maxsize=1 << 16)
def matchable(text: str) -> str:
    """The line as the chrome patterns read it: visible, in simplified script (OpenCC t2s), so a
    traditional copy's chrome (首頁 > …, 來源：…, 本作品在全世界都屬於公有領域…) matches the patterns
    learned from simplified pages. Only for matching: a removed line is recorded as written."""
    return to_simplified(visible(text))


def content_indexes(lines: Lines) -> list[int]:
    """Indexes of the lines that hold something visible, in order."""
    return [i for i, line in enumerate(lines) if visible(line.text)]


def drop_marked(lines: Lines, marks: dict[int, str], name: str) -> tuple[Lines, list[Repair]]:
    """Remove the lines at the indexes of `marks`; one Repair each (after = "", why = the mark)."""
    repairs = [Repair(name, lines[i].first_line, lines[i].text, "", why) for i, why in sorted(marks.items())]
    return [line for i, line in enumerate(lines) if i not in marks], repairs


def body_start(lines: Lines) -> int:
    """Index of the line where the report's body begins, by line shape: the salutation (各位代表：),
    else the first numbered heading, else the first finished sentence of more than 40 characters;
    len(lines) when there is none."""
    texts = [visible(line.text) for line in lines]
    for test in (lambda t: bool(fm.SALUTATION.match(t)), shapes.is_numbered_heading,
                 lambda t: len(t) > 40 and shapes.is_terminated(t)):
        found = next((i for i, text in enumerate(texts) if text and test(text)), None)
        if found is not None:
            return found
    return len(lines)


def _is_toolbar_line(text: str, beside_chrome: bool) -> bool:
    """A line of toolbar words only ("下载", "【字号：加大 还原 减小】"); font-size letters and bare
    brackets count only beside other chrome."""
    tokens = [t for t in cp.TOOLBAR_SEPARATORS.split(text) if t]
    if not tokens:
        return beside_chrome and bool(text)
    if all(t in cp.TOOLBAR_WORDS or t in cp.TOOLBAR_SIZE_LETTERS for t in tokens):
        # Three size letters or more ("【大 中 小】") are a font-size switch wherever they stand.
        return beside_chrome or any(t in cp.TOOLBAR_WORDS for t in tokens) or len(tokens) >= 3
    return False


def _is_breadcrumb_item(text: str) -> bool:
    return len(text) <= cp.BREADCRUMB_ITEM_MAX_CHARS and not cp.SENTENCE_INSIDE.search(text) and "，" not in text


def _is_nav_bar(text: str) -> bool:
    """A navigation bar on one line: three or more short items between bars, no sentence mark."""
    items = cp.NAV_BAR_SEPARATOR.split(text.strip("|｜ \u3000"))
    return (len(items) >= 3 and all(0 < len(item) <= cp.NAV_BAR_ITEM_MAX_CHARS for item in items)
            and not cp.SENTENCE_INSIDE.search(text) and not cp.COMMA_INSIDE.search(text))


def _related_links(rest: list[int], texts: dict[int, str], after_body: bool) -> list[int]:
    """The lines of a related-links box after its heading: every line to the end of the file when all
    are short and unfinished (the box closes the page); else, when the box stands after the body has
    begun (a footer or another box follows it), the run of such lines up to the first line that is
    long, finished, a numbered heading or the salutation."""
    def is_item(n: int) -> bool:
        return len(texts[n]) <= cp.RELATED_LINK_MAX_CHARS and not shapes.is_terminated(texts[n])

    if all(is_item(n) for n in rest):
        return rest
    if not after_body:
        return []
    run: list[int] = []
    for n in rest:
        if not is_item(n) or shapes.starts_block(texts[n]) or fm.SALUTATION.match(texts[n]):
            break
        run.append(n)
    return run


def _portal_marks(lines: Lines) -> dict[int, str]:
    """Index → reason for every line of portal chrome (see remove_portal_chrome)."""
    present = content_indexes(lines)
    texts = {i: cp.LIST_BULLET.sub("", matchable(lines[i].text)) for i in present}
    marks: dict[int, str] = {}
    start = body_start(lines)
    for position, i in enumerate(present):
        text = texts[i]
        following = present[position + 1] if position + 1 < len(present) else None
        if cp.RELATED_LINKS_HEADING.match(text):
            marks.update(dict.fromkeys(_related_links(present[position + 1:], texts, i > start), "网页的相关链接栏"))
            marks[i] = "网页的相关链接栏"
        elif i in marks:
            continue
        elif _is_toolbar_line(text, beside_chrome=False):
            marks[i] = "网页的工具栏"
        elif cp.BREADCRUMB_LINE.match(text):
            marks[i] = "网页的导航路径（面包屑）"
        elif cp.BREADCRUMB_SEPARATOR.match(text) and following is not None and _is_breadcrumb_item(texts[following]):
            marks[i] = "网页的导航路径（面包屑）"
            marks[following] = "网页的导航路径（面包屑）"
        elif cp.META_LABEL_ALONE.match(text):
            marks[i] = "网页的文章标注（来源、时间或编辑）"
            value = texts[following] if following is not None else ""
            if (cp.META_VALUE.match(value) and not cp.REPORT_DATE_WORDS.search(value)
                    and not shapes.is_front_like(value) and not fm.SALUTATION.match(value)
                    and not shapes.is_numbered_heading(value)):
                marks[following] = f"第{lines[i].first_line}行网页标注的内容"
        elif cp.META_LINE.match(cp.LABELS_PREFIX.sub("", text)) and not cp.REPORT_DATE_WORDS.search(text):
            marks[i] = "网页的文章标注（来源、时间或编辑）"
        elif cp.QR_CODE_LINE.match(text):
            marks[i] = "网页的二维码提示"
        elif cp.CREDIT_LINE.match(text):
            marks[i] = "网页的记者或编辑署名"
        elif cp.PAGER_LINE.match(text) or cp.SHARE_TARGET_LINE.match(text):
            marks[i] = "网页的翻页或分享按钮"
        elif cp.ATTACHMENT_FILE_LINE.match(text):
            marks[i] = "网页的附件文件链接"
        elif cp.TIMESTAMP_LINE.match(text):
            marks[i] = "网页的发布时间"
        elif cp.NEWSPAPER_LINE.match(text) or cp.DATELINE_LINE.match(text) or cp.NEWSPAPER_ISSUE_LINE.match(text):
            marks[i] = "转载此文的报纸、客户端或通讯社名称"
        elif (cp.NAVIGATION_LINE.match(text) or (len(text) <= 80 and cp.SITE_FOOTER_LINE.search(text))
              or cp.SITE_NOTICE_LINE.match(text) or cp.SITE_CONTACT_LINE.match(text) or _is_nav_bar(text)):
            marks[i] = "网页的导航或页脚"
        elif cp.END_MARK_LINE.match(text):
            marks[i] = "新闻稿的结束标记"
        elif cp.COVER_SERIAL.match(text) and position and fm.MEETING_DOCUMENT.search(texts[present[position - 1]]):
            marks[i] = "封面上会议文件的编号"
        elif i <= start and (cp.EDITOR_NOTE_LINE.match(text) or cp.LEAD_LINE.search(text)):
            marks[i] = "新闻网页在报告全文之前的编者按或导语"
        elif cp.COUNTER_LINE.match(text) or cp.HASHTAG_LINE.match(text):
            marks[i] = "网页的阅读计数或话题标签"
        elif cp.SITE_OWNER_LINE.match(text) or (i < start and cp.SITE_NAME_LINE.match(text)):
            marks[i] = "网站的名称或主办单位"
        elif cp.MEDIA_LINE.match(text):

            marks[i] = "网页的视频或音频播放器文字"
        elif cp.APP_PROMPT_LINE.match(text):
            marks[i] = "网页的客户端下载提示"
    changed = True
    while changed:  # font-size letters and bare brackets beside chrome: "【字号：" / "加大" / … / "】"
        changed = False
        for position, i in enumerate(present):
            neighbours = present[max(position - 1, 0):position] + present[position + 1:position + 2]
            if i not in marks and _is_toolbar_line(texts[i], any(n in marks for n in neighbours)):
                marks[i] = "网页的工具栏"
                changed = True
    return marks


def remove_portal_chrome(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Drop the page chrome of a portal copy: toolbars (下载 打印 全屏 收藏 【字号：加大 还原 减小】),
    breadcrumbs (首页 > …), labels (来源：… / 时间：… / 索引号：…), timestamps, a newspaper's name,
    related links, navigation and site footer; cut "分享:" or a wire dateline from the front of a line."""
    kept, repairs = drop_marked(lines, _portal_marks(lines), "remove_portal_chrome")
    out: Lines = []
    for line in kept:
        for pattern, why in ((cp.SHARE_PREFIX, "标题前网页的分享按钮"), (cp.TITLE_LABEL_PREFIX, "标题前网页信息公开表的标注"),
                             (cp.TITLE_TAG_PREFIX, "标题前新闻网页的栏目标签"), (cp.DATELINE_PREFIX, "正文前通讯社的电头")):
            prefix = pattern.match(line.text)
            before_title = pattern not in (cp.TITLE_LABEL_PREFIX, cp.TITLE_TAG_PREFIX)
            if prefix and (before_title or fm.TITLE_LINE.match(line.text[prefix.end():].strip())):

                after = line.text[prefix.end():]
                repairs.append(Repair("remove_portal_chrome", line.first_line, line.text, after, why))
                line = LogicalLine(after, line.first_line, line.last_line)
        out.append(line)
    return out, sorted(repairs, key=lambda r: r.line)


def is_photo_caption(text: str) -> bool:
    """A photo caption: a photographer's credit at the end, a credit label, or the speaker's photo
    caption "…作政府工作报告。" that is not the report's own sentence."""
    if len(text) > cp.CAPTION_MAX_CHARS:
        return False
    if cp.PHOTO_CREDIT.search(text) or cp.PHOTO_LABEL.match(text):
        return True
    return bool(cp.SPEECH_CAPTION.match(text)) and not cp.SPEECH_CAPTION_NOT.search(text)


def remove_photo_captions(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Drop photo captions of portal copies ("殷勇同志作政府工作报告。本报记者 戴冰摄")."""
    marks = {i: "网页的图片说明，不是报告正文"
             for i in content_indexes(lines) if is_photo_caption(matchable(lines[i].text))}
    return drop_marked(lines, marks, "remove_photo_captions")


def remove_repeated_header_lines(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Drop a line before the report's body that repeats an earlier one: a portal page shows the
    title and date line twice, in its share box and its article header (a 2026 provincial copy)."""
    seen: dict[str, int] = {}
    marks: dict[int, str] = {}
    start = body_start(lines)
    for i in content_indexes(lines):
        key = "".join(visible(lines[i].text).split())
        if i >= start or shapes.is_terminated(key):
            continue
        if key in seen:
            marks[i] = f"重复第{seen[key]}行：网页把页头显示了两次"
        else:
            seen[key] = lines[i].first_line
    return drop_marked(lines, marks, "remove_repeated_header_lines")
