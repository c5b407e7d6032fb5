"""Clean stage: remove the lines of a copy that are not the report's text, recording each one.

Portal pages leave their toolbars, breadcrumbs, labels, timestamps, newspaper names and photo
captions in the copied text; Wikisource leaves its licence footer and bits of wiki markup. Each
repair here is a small named function over lines (like the fixes of zhengbao.clean) that drops
such lines and returns one `Repair` per removed line: `before` is the line as in the source,
`after` is empty, `why` says what the line was. A line that holds the report's sentences is never
removed; only the share button's "分享:" is cut from the front of a title line.
The patterns are in patterns.chrome; docs/text-repairs.md gives the decisions.
"""

from __future__ import annotations

import re
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


def remove_licence_footer(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Drop the Wikisource licence footer (本作品是中华人民共和国的 / 法律 / … / Public domain / false).

    The footer is the block from a line opening on 本作品/此作品 to the end of the file, taken only
    when it names the licence and is short with short lines, so no text before it is ever touched.
    """
    wiki_page = _wikisource_marks(lines)  # the page's categories and links under it: remove_wiki_markup's
    present = [i for i in content_indexes(lines) if i not in wiki_page]
    for position, index in enumerate(present):
        if not cp.LICENCE_FOOTER_START.match(matchable(lines[index].text)):
            continue
        block = present[position:]
        texts = [matchable(lines[i].text) for i in block]
        if (len(block) <= cp.FOOTER_MAX_LINES and any(cp.LICENCE_MARKER.search(t) for t in texts)
                and all(len(t) <= cp.FOOTER_MAX_LINE_CHARS for t in texts)):
            span = f"第{lines[index].first_line}–{lines[block[-1]].last_line}行"
            why = f"维基文库的版权声明（{span}），不是报告正文"
            return drop_marked(lines, dict.fromkeys(block, why), "remove_licence_footer")
    tail: list[int] = []
    for index in reversed(present):
        if not cp.LICENCE_DATA_LINE.match(visible(lines[index].text)):
            break
        tail.append(index)
    return drop_marked(lines, dict.fromkeys(tail, "维基文库版权模板的数据行，不是报告正文"), "remove_licence_footer")


SISTER_PROJECTS_WHY = "维基文库页头的姊妹计划链接"


def _wikisource_marks(lines: Lines) -> dict[int, str]:
    """Index → reason for every line of a Wikisource page's header box, navigation and footer."""
    present = content_indexes(lines)
    texts = [matchable(lines[i].text) for i in present]
    marks: dict[int, str] = dict.fromkeys((present[p] for p in _contents_entries(texts)), "网页的目录，重复后文的标题")
    for p, text in enumerate(texts):
        before = texts[p - 1] if p else ""
        if cp.BACK_ARROW_LINE.match(text) or cp.ARROW_LINK.match(text):
            why = "维基文库页头的上一篇、下一篇导航"
        elif cp.ARROW_LINE.match(text) and (fm.TITLE_LINE.match(before) or any(
                cp.BACK_ARROW_LINE.match(t) for t in texts[max(p - 3, 0):p])):
            # A lone "→" after the title or after "←" (a portal's breadcrumb puts it between its items).
            why = "维基文库页头的上一篇、下一篇导航"
        elif cp.SISTER_PROJECTS.match(text) or (cp.SISTER_PROJECT_NAME.match(text) and p > 0
                                                and marks.get(present[p - 1]) == SISTER_PROJECTS_WHY):
            why = SISTER_PROJECTS_WHY
        elif cp.COLLECTED_IN.match(text):
            why = "维基文库页头的收录说明"
        elif cp.BACK_LINK.match(text) and (not before or shapes.is_terminated(before)):
            why = "网页的返回链接"
        elif cp.CATEGORY_LINE.match(text):
            why = "维基文库页面的分类"
        elif cp.SOURCE_LINK_LINE.match(text) or cp.LAST_EDIT_LINE.match(text):
            why = "维基文库页面的来源链接或修订时间"
        elif cp.WIKISOURCE_SITE_LINE.match(text):
            why = "维基文库网站的标语或跳转链接"
        elif cp.DELETION_NOTICE.match(text) and len(text) <= cp.NOTICE_MAX_CHARS:
            why = "维基文库的删除提议模板"
        else:
            continue
        marks[present[p]] = why
    _mark_neighbour_titles(present, texts, marks)
    return marks


def _contents_entries(texts: list[str]) -> list[int]:
    """Positions of a table of contents (MediaWiki's 目录 box, a copy's 目录 page): the heading and the
    entries under it, each a later line of the text once its number ("1", "2.1") and page number
    ("……3") are cut, and no sentence, salutation or label (a heading's shape); at least two entries.
    A bare number between entries goes with them."""
    for p, text in enumerate(texts):
        if not cp.CONTENTS_HEADING.match(text):
            continue
        run, entries = [p], 0
        for q in range(p + 1, len(texts)):
            key = cp.CONTENTS_ENTRY_EDGES.sub("", texts[q])
            if not key:
                run.append(q)
            elif (key in texts[q + 1:] and not cp.CONTENTS_HEADING.match(key) and not fm.SALUTATION.match(key)
                  and not shapes.is_terminated(key) and not key.endswith(tuple(cp.COLON_MARKS))):
                run.append(q)
                entries += 1
            else:
                break
        return run if entries >= 2 else []
    return []


def _mark_neighbour_titles(present: list[int], texts: list[str], marks: dict[int, str]) -> None:
    """Mark (in place) the titles of the previous and next work when the header box puts them on
    lines of their own beside a lone arrow: "←" / 2022年…报告 / 2023年…报告 / 作者：… / 2024年…报告 / "→".
    Only a title beside its arrow with the page's own title on its other side is taken."""
    def is_title(p: int) -> bool:
        return 0 <= p < len(texts) and present[p] not in marks and bool(fm.TITLE_LINE.match(texts[p]))

    for p, text in enumerate(texts):
        if not cp.ARROW_LINE.match(text) or present[p] not in marks:
            continue
        step = 1 if cp.BACK_ARROW_LINE.match(text) else -1
        near = [p + step * n for n in range(2, 2 + cp.HEADER_BOX_LINES)]
        if is_title(p + step) and any(is_title(n) for n in near):
            marks[present[p + step]] = "维基文库页头的上一篇、下一篇导航"


def remove_wiki_markup(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Drop what a MediaWiki page left in a copy: lines of bare ''' quote marks, [编辑] links and the
    edit toolbar's placeholder texts (粗体文字); cut ''' from the edge of a text line (2007 national).

    Also the Wikisource page's header box and footer (_wikisource_marks): ← / → links to the previous
    and next work, 姊妹计划: 数据项, 本作品收录于《…》, 返回… links, 分类：…, 来自“https://…”,
    本页面最后修订于…; each pattern takes a whole line that holds no sentence of the report.
    """
    marks: dict[int, str] = _wikisource_marks(lines)
    edited: Lines = []
    repairs: list[Repair] = []
    for i, line in enumerate(lines):
        text = visible(line.text)
        if i in marks:
            pass
        elif cp.WIKI_QUOTE_MARKS.match(text):
            marks[i] = "维基粗体标记的引号，不是报告正文"
        elif cp.WIKI_EDIT_LINK.match(text):
            marks[i] = "维基页面的章节编辑链接，不是报告正文"
        elif cp.WIKI_PLACEHOLDER.match(text):
            marks[i] = "维基编辑工具栏的占位文字，不是报告正文"
        elif cp.WIKI_QUOTE_EDGE.search(text):
            after = cp.WIKI_QUOTE_EDGE.sub("", text)
            repairs.append(Repair("remove_wiki_markup", line.first_line, line.text, after,
                                  "行首或行尾的维基粗体标记引号"))
            line = LogicalLine(after, line.first_line, line.last_line)
        edited.append(line)
    out, removed = drop_marked(edited, marks, "remove_wiki_markup")
    return out, sorted(repairs + removed, key=lambda r: r.line)


def remove_wiki_notes(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Drop a wiki page's reference list at the end of the text (注释 / ↑ 指… / ↑ …) and the markers
    "[1]", "[注 2]" it left in the sentences, numbered up to the list's length.

    Taken only when every line after the heading opens on MediaWiki's back-link arrow, so a
    report's own notes (注释： / [1] 指…) are never touched.
    """
    present = content_indexes(lines)
    texts = [matchable(lines[i].text) for i in present]
    start = next((p for p in range(len(texts) - 2, -1, -1) if cp.NOTES_HEADING.match(texts[p])
                  and all(cp.NOTE_ITEM.match(t) for t in texts[p + 1:])), None)
    if start is None:
        return lines, []
    count = len(texts) - start - 1
    heading = lines[present[start]].first_line
    marks = {present[p]: f"维基文库页面的注释（第{heading}行起），不是报告正文" for p in range(start, len(texts))}
    kept, repairs = drop_marked(lines, marks, "remove_wiki_notes")

    def cut(found: re.Match) -> str:
        return "" if 1 <= int(found["n"]) <= count else found[0]

    out: Lines = []
    for line in kept:
        after = cp.NOTE_MARKER.sub(cut, line.text)
        if after != line.text:
            repairs.append(Repair("remove_wiki_notes", line.first_line, line.text, after, "维基文库注释的角标"))
            line = LogicalLine(after, line.first_line, line.last_line)
        out.append(line)
    return out, sorted(repairs, key=lambda r: r.line)


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
