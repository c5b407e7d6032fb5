"""Clean stage, Wikisource copies: remove what a Wikisource page leaves around a report's text,
recording each removed line in the Repair shape of zhengbao.chrome (before = the line, after = "").

The licence footer (本作品是中华人民共和国的 / 法律 / … / Public domain / false); the page's header
box, navigation and footer (← / → links, 姊妹计划, 本作品收录于《…》, 分类：…, 来自“https://…”);
MediaWiki markup (''' marks, [编辑], toolbar placeholders); the reference list at the end with the
markers it left in the sentences ([1] … ↑ 指…). The patterns are in patterns.chrome;
docs/text-repairs.md gives the decisions.
"""

from __future__ import annotations

import re

from .chrome import Lines, content_indexes, drop_marked, matchable, visible
from .model import LogicalLine, Repair
from .patterns import chrome as cp
from .patterns import front_matter as fm
from .patterns import shapes


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
