"""Clean stage: repair what extraction did to the text, recording every repair.

Each repair is a small named function over lines that returns the new lines and the `Repair`
records it made (after ftfy's fix_and_explain); `FIXES` lists them in the order they run, each with
its Chinese name for readers, and `clean_report(raw, disabled)` skips the ones named (`build.py
--no-fix NAME`); a record's `why` is written in Chinese, for the repairs page. The words are never
changed: repairs only drop duplicate copies, pinyin annotations, invisible characters and layout
whitespace, and join lines that extraction cut. Cleaning knows the shape of a line (patterns.shapes),
never the structure of the document: where the front matter ends or which line is a heading is
the parse stage's decision.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from . import chrome, hyperlink_breaks, pdf_breaks, wikisource
from .model import CleanReport, LogicalLine, RawReport, Repair
from .patterns import characters as ch
from .patterns import front_matter as fm
from .patterns import numbering as num
from .patterns import shapes

Lines = list[LogicalLine]
Fix = Callable[..., tuple[Lines, list[Repair]]]


def _repeated_run(keys: list[str]) -> tuple[int, int, int] | None:
    """(offset, period, copies) of the text repeated back to back in `keys` (line texts without
    spaces): `copies` >= 2 copies of `period` lines from `offset`, where the lines before and after
    the run are fewer than one copy (a web page's chrome around a text saved several times); the
    shortest period first, then the smallest offset. None when there is no such run."""
    total = len(keys)
    for period in range(1, total // 2 + 1):
        for offset in range(min(period, total - 2 * period + 1)):
            if keys[offset] != keys[offset + period]:
                continue
            block = keys[offset:offset + period]
            copies = 1
            while keys[offset + copies * period:offset + (copies + 1) * period] == block:
                copies += 1
            if copies >= 2 and total - copies * period < period:
                return offset, period, copies
    return None


def collapse_repeated_copies(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Keep one copy of a file that holds the same text several times (the 2017 report: 8×), also
    when a web page's chrome stands above the first copy or under the last (fewer lines than a copy:
    the chrome stays for the chrome repairs)."""
    content = [line for line in lines if line.text.strip()]
    found = _repeated_run([re.sub(r"\s+", "", line.text) for line in content])
    if found is None:
        return lines, []
    offset, period, copies = found
    first, last_kept = content[offset].first_line, content[offset + period - 1].last_line
    second, last_copy = content[offset + period].first_line, content[offset + copies * period - 1].last_line
    after = content[offset + copies * period:]  # the chrome under the last copy, if any
    kept = [line for line in lines if line.first_line <= last_kept or (after and line.first_line >= after[0].first_line)]
    repair = Repair("collapse_repeated_copies", second,
                    f"第{second}–{last_copy}行：第{first}–{last_kept}行的另外{copies - 1}份副本",
                    "（删除）", f"文件把同一文本重复了{copies}次")
    return kept, [repair]


def strip_invisible_characters(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Drop zero-width characters and soft hyphens that web pages leave inside words."""
    return _per_line(lines, "strip_invisible_characters",
                     lambda text: ch.INVISIBLE_CHARACTERS.sub("", text),
                     "零宽字符不含文字")


def remove_pinyin_annotations(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Drop pinyin after characters, as in the 2023 summary's 現(xiàn); keep real parentheses."""
    return _per_line(lines, "remove_pinyin_annotations",
                     lambda text: ch.PINYIN_ANNOTATION.sub("", text),
                     "注音不是正文的一部分")


def strip_markdown_heading_marks(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Drop '#', '##', '###' before headings (2021 report); the numbering gives the level."""

    def fix(text: str) -> str:
        rest = ch.MARKDOWN_HEADING_MARK.sub("", text)
        # Only before a heading or title: a '#' before ordinary text is text and stays.
        if rest != text and (shapes.is_numbered_heading(rest) or fm.TITLE_LINE.match(rest.strip())):
            return rest
        return text

    return _per_line(lines, "strip_markdown_heading_marks", fix,
                     "Markdown 标记用法不一，层级由文件自身的编号决定")


def normalize_whitespace(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Drop spaces beside Chinese text ('增至 33 处' → '增至33处'), trim line ends.

    In heading-like lines a single space between two Han characters separates two phrases
    ("1 堅持產業第一、制造業立市 加快構建…") and is kept as one space.
    """

    def fix(text: str) -> str:
        stripped = re.sub(f"^{ch.ANY_SPACE}+|{ch.ANY_SPACE}+$", "", text)
        numbered = shapes.heading_number_space(stripped)
        if numbered:  # "第一部分　2025年工作回顾": the space after the number is the heading's own, kept as written
            return numbered[0] + numbered[1] + fix(numbered[2])
        if shapes.is_numbered_heading(stripped) or shapes.is_front_like(stripped):
            keep = re.sub(f"(?<=[\u4e00-\u9fff]){ch.ANY_SPACE}+(?=[\u4e00-\u9fff])", "\x00", stripped)
            label = num.NUMBERED_SECTION.match(keep)
            if label:
                keep = label["label"] + "\x00" + label["rest"]
            keep = ch.SPACE_BESIDE_CJK.sub("", keep)
            return re.sub(f"{ch.ANY_SPACE}+", " ", keep).replace("\x00", " ")
        text = ch.SPACE_BESIDE_CJK.sub("", stripped)
        return re.sub(f"{ch.ANY_SPACE}+", " ", text)

    new: Lines = []
    repairs: list[Repair] = []
    for line in lines:
        after = fix(line.text)
        if after != line.text and after != line.text.strip():
            repairs.append(Repair("normalize_whitespace", line.first_line, line.text, after,
                                  "中文旁的空格是提取时留下的排版"))
        new.append(LogicalLine(after, line.first_line, line.last_line))
    return new, repairs


def join_broken_title(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Join a title cut in two ("2025年某某县" + "政府工作报告", "政府工作报" + "告", "政府工作报告" + "（摘要）")."""

    def broken(previous: str, text: str) -> bool:
        if fm.TITLE_SUFFIX_LINE.match(text.strip()):
            return bool(fm.TITLE_LINE.match(previous.strip()))
        # The first half carries words: "】" + "2026年湖南省政府工作报告" is page chrome beside a title.
        if fm.TITLE_LINE.match(text.strip()) and fm.WHOLE_TITLE.search(text):
            return False  # "湖南省人民政府" over "2026年湖南省政府工作报告": the title is whole
        return ("报告" not in previous and "報告" not in previous and bool(fm.TITLE_PART.match(previous.strip()))
                and not fm.MEETING_DOCUMENT.search(previous.strip())
                and bool(fm.TITLE_LINE.match(previous + text))
                and not fm.DATE_LINE.match(previous) and not fm.SPEAKER_LINE.match(previous)
                and not shapes.is_terminated(previous) and not shapes.starts_block(previous))

    return _join_pairs(lines, "join_broken_title", broken)


def join_broken_date_line(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Join a date line cut in two ("——2024年2月4日在…第十七届" + "人民代表大会第四次会议上"), or a
    date alone and its meeting on the next line ("2026年1月25日" + "在广东省…会议上")."""

    def broken(previous: str, text: str) -> bool:
        if fm.DATE_LINE.match(previous) and previous.endswith("日") and fm.MEETING_LINE.match(text):
            return True
        return (bool(fm.DATE_LINE.match(previous)) and not fm.DATE_LINE_END.search(previous)
                and not shapes.is_terminated(previous) and not shapes.is_front_like(text)
                and not shapes.starts_block(text) and not fm.SALUTATION.match(text))

    return _join_pairs(lines, "join_broken_date_line", broken)


def join_role_and_name(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Join a speaker's role alone on its line to the name on the next ("国务院总理" + "李克强").

    Only above the report's body (chrome.body_start); the two parts are joined with one space,
    as a speaker line writes them ("国务院总理 李克强").
    """
    start = chrome.body_start(lines)

    def broken(previous: str, text: str) -> bool:
        return bool(fm.ROLE_LINE.match(previous.strip()) and fm.NAME_LINE.match(text.strip()))

    head, repairs = _join_pairs(lines[:start], "join_role_and_name", broken, glue=" ")
    return head + lines[start:], repairs


def join_lone_enumerators(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Join an enumerator alone on its line (一是, 一、, 第一，) to the words it numbers on the next line."""

    def broken(previous: str, text: str) -> bool:
        if not num.LONE_ENUMERATOR.match(previous) or num.LONE_ENUMERATOR.match(text):
            return False
        if not pdf_breaks.starts_new_line(text):
            return True
        # A heading's number alone (一、 / （一）, a PDF or a web page setting it apart): its title is
        # the short heading line after it ("一、" + "2025年工作回顾"; tests/cases/variants/heading-number-alone).
        return previous.endswith(("、", "）", ")")) and shapes.is_short_heading(text) and not shapes.starts_block(text)

    return _join_pairs(lines, "join_lone_enumerators", broken)


def _join_pairs(lines: Lines, name: str, broken: Callable[[str, str], bool],
                glue: str = "") -> tuple[Lines, list[Repair]]:
    """Join each non-empty line to the one before it where `broken(previous, line)` says it was cut.

    Blank lines stay where they are (join_broken_lines reads them), except between two joined parts.
    """
    out: Lines = []
    repairs: list[Repair] = []
    last = -1  # index in `out` of the last non-empty line
    for line in lines:
        if not line.text.strip():
            out.append(line)
        elif last >= 0 and broken(out[last].text, line.text):
            previous = out[last]
            joined = previous.text.strip() + glue + line.text.strip() if glue else previous.text + line.text
            repairs.append(Repair(name, line.first_line, f"{previous.text} ⏎ {line.text}", joined,
                                  f"第{previous.last_line}行被截断，第{line.first_line}行接续"))
            del out[last + 1:]
            out[last] = LogicalLine(joined, previous.first_line, line.last_line)
        else:
            out.append(line)
            last = len(out) - 1
    return out, repairs


def _non_blank(lines: Lines) -> Lines:
    return [line for line in lines if line.text.strip()]


def _per_line(lines: Lines, name: str, fix: Callable[[str], str], why: str) -> tuple[Lines, list[Repair]]:
    new: Lines = []
    repairs: list[Repair] = []
    for line in lines:
        after = fix(line.text)
        if after != line.text:
            repairs.append(Repair(name, line.first_line, line.text, after, why))
        new.append(LogicalLine(after, line.first_line, line.last_line))
    return new, repairs


@dataclass(frozen=True)
class NamedFix:
    """A repair as the build runs it: the function (its name is the code name `--no-fix` takes and
    `Repair.fix` records) and its Chinese name for readers (the repairs page)."""

    run: Fix
    label: str
    # The repair also reads the file's source lines (join_broken_lines: the page width of a
    # hard-wrapped copy), called as run(lines, source).
    reads_source: bool = False

    @property
    def name(self) -> str:
        """The code name: the function's name, e.g. "join_broken_lines"."""
        return self.run.__name__


# Every repair in the order it runs, with its Chinese name; each can be switched off by its code
# name (build.py --no-fix NAME).
FIXES: tuple[NamedFix, ...] = (
    NamedFix(collapse_repeated_copies, "合并重复副本"),
    NamedFix(wikisource.remove_licence_footer, "删除维基文库版权声明"),
    NamedFix(wikisource.remove_wiki_markup, "删除维基标记"),
    NamedFix(chrome.remove_portal_chrome, "删除网页栏目文字"),
    NamedFix(chrome.remove_photo_captions, "删除图片说明"),
    NamedFix(chrome.remove_repeated_header_lines, "删除重复的页头"),
    NamedFix(wikisource.remove_wiki_notes, "删除维基文库注释"),
    NamedFix(pdf_breaks.remove_page_furniture, "删除PDF页码和页眉"),
    NamedFix(strip_invisible_characters, "删除不可见字符"),
    NamedFix(remove_pinyin_annotations, "删除拼音注音"),
    NamedFix(strip_markdown_heading_marks, "删除Markdown标题符号"),
    NamedFix(hyperlink_breaks.join_link_breaks, "接回链接处断开的句子"),
    NamedFix(normalize_whitespace, "整理空格"),
    NamedFix(join_broken_title, "接回断开的标题"),
    NamedFix(join_broken_date_line, "接回断开的日期行"),
    NamedFix(join_role_and_name, "接回分行的职务和姓名"),
    NamedFix(join_lone_enumerators, "接回单独成行的序号"),
    NamedFix(pdf_breaks.join_broken_lines, "接回断开的段落", reads_source=True),
)


def fix_label(name: str) -> str:
    """The Chinese name of the repair with code name `name` ("" for a name that is no repair)."""
    return next((fix.label for fix in FIXES if fix.name == name), "")


def list_fixes() -> list[tuple[str, str]]:
    """(name, first line of its docstring) of every repair, in the order they run."""
    return [(fix.name, (fix.run.__doc__ or "").strip().splitlines()[0]) for fix in FIXES]


def clean_report(raw: RawReport, disabled: frozenset[str] = frozenset()) -> CleanReport:
    """Run every repair not named in `disabled`, in order; the result holds no blank line.

    Each logical line keeps whether the source line it starts on was indented (LogicalLine.indented):
    layout whitespace is dropped from the text, but the indent is how Wikisource copies tell a
    paragraph (　　) from a heading, which the parse stage reads (structure.set_apart_lines).

    Raises ValueError for a name in `disabled` that is not a repair (the message lists the known ones).
    """
    known = [fix.name for fix in FIXES]
    unknown = sorted(set(disabled) - set(known))
    if unknown:
        raise ValueError(f"unknown repair name(s): {', '.join(unknown)} — the repairs are: {', '.join(known)}")
    lines = [LogicalLine(line.text, line.number, line.number) for line in raw.lines]
    repairs = list(raw.repairs)
    for fix in FIXES:
        if fix.name in disabled:
            continue
        lines, made = fix.run(lines, raw.lines) if fix.reads_source else fix.run(lines)
        repairs.extend(made)
    indented = {line.number for line in raw.lines if re.match(ch.ANY_SPACE, line.text) and line.text.strip()}
    lines = [replace(line, indented=line.first_line in indented) for line in _non_blank(lines)]
    return CleanReport(meta=raw.meta, path=raw.path, lines=lines, repairs=repairs)
