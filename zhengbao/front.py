"""Parse stage, front matter: where the title block ends, and the title, date and speaker in it.

Kept apart from the body's structure (structure.py) so the metadata rules can grow on their own.
The block is read as a run of items, each one or a few lines: a title (joined when cut, "政府工作报"
+ "告"), a date line (joined when cut), a speaker (role and name on one line or two, or a name
alone), and other short lines between them (page chrome the clean stage left). It ends where the
report begins: the salutation (各位代表：), a numbered heading, a sentence, or after the last front
item. The clean stage joins cut titles, date lines and a role and its name as named repairs
(join_broken_title, join_broken_date_line, join_role_and_name), so `--explain` shows each join;
the parts are read together here too, for a copy built with those repairs switched off.
Patterns: patterns.front_matter; decisions: docs/text-front-matter.md.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .model import FrontMatter, LogicalLine
from .patterns import front_matter as fm
from .patterns import numbering as num
from .patterns import shapes

TITLE, DATE, SPEAKER, OTHER = "title", "date", "speaker", "other"
# A title or a date line is cut over at most this many lines.
MAX_PARTS = 3
# Digits of a year written in Chinese numerals ("一九五四", "二〇二三").
CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}


@dataclass
class FrontItem:
    """One front line as shown: its kind and the logical lines it is made of (one, or the parts of a cut line)."""

    kind: str
    parts: list[str]

    @property
    def text(self) -> str:
        """The parts joined: halves of a word with nothing between, a role and its name with a space."""
        if self.kind == SPEAKER and len(self.parts) == 2:
            return f"{self.parts[0]} {self.parts[1]}"
        return "".join(self.parts)


def starts_body(text: str) -> bool:
    """True for a line where the report's body has begun: the salutation, a numbered heading, a
    sentence, or a line longer than any title."""
    return bool(fm.SALUTATION.match(text) or shapes.starts_block(text) or shapes.is_heading_line(text)
                or fm.SENTENCE_MARK.search(text) or len(text) > fm.TITLE_MAX_CHARS)


def _is_front_shape(text: str) -> bool:
    """A line that is a front line by itself: title, date, speaker, or a role alone."""
    return bool(fm.TITLE_LINE.match(text) or fm.DATE_LINE.match(text) or fm.SPEAKER_LINE.match(text)
                or fm.ROLE_LINE.match(text))


def _date_parts(texts: list[str], i: int) -> int:
    """How many lines from i make the date line: more than one only when the first is cut before
    its end and the next ones complete it ("(一九五四年…在中华人民共和国" + "第一届…会议上的报告)")."""
    joined = texts[i]
    for size in range(2, MAX_PARTS + 1):
        if i + size > len(texts):
            break
        following = texts[i + size - 1]
        if fm.DATE_LINE_END.search(joined):
            # A date alone, its meeting on the next line: "2026年1月25日" + "在广东省…会议上".
            return 2 if joined.endswith("日") and fm.MEETING_LINE.match(following) else 1
        if starts_body(following) or _is_front_shape(following):
            break
        joined += following
        if fm.DATE_LINE_END.search(joined):
            return size
    return 1


def _title_parts(texts: list[str], i: int) -> int:
    """How many lines from i make one title: 1 for a whole title line, 2–3 for a title cut in
    parts, 0 when the line is no title or part of one."""
    text = texts[i]
    if fm.TITLE_LINE.match(text):
        return 2 if i + 1 < len(texts) and fm.TITLE_SUFFIX_LINE.match(texts[i + 1]) else 1
    if (len(text) > fm.TITLE_MAX_CHARS // 2 or not fm.TITLE_PART.match(text) or _is_front_shape(text)
            or fm.MEETING_DOCUMENT.search(text)):
        return 0
    joined = text
    for size in range(2, MAX_PARTS + 1):
        if i + size > len(texts):
            break
        following = texts[i + size - 1]
        if starts_body(following) or fm.DATE_LINE.match(following) or fm.SPEAKER_LINE.match(following):
            break
        joined += following
        if fm.TITLE_LINE.match(joined):
            # "首页" + "政府工作报告" is chrome beside a title: the first part names the year or
            # the place or is long, or the last part is no title alone.
            head = joined[:len(joined) - len(following)]
            named = fm.TITLE_HEAD.search(head) or len(head) >= fm.TITLE_HEAD_MIN_CHARS
            whole = (fm.TITLE_LINE.match(following) and fm.WHOLE_TITLE.search(following)) or fm.MEETING_DOCUMENT.search(head)
            return size if (not fm.TITLE_LINE.match(following) or named) and not whole else 0
        if fm.TITLE_LINE.match(following):
            break
    return 0


def _is_bare_name(text: str, items: list[FrontItem]) -> bool:
    """A speaker's name alone, without a role: after the title or the date line, before any
    speaker, and plainly a name (a middle dot, or a common family name first)."""
    if not fm.NAME_LINE.match(text) or any(item.kind == SPEAKER for item in items):
        return False
    if not any(item.kind in (TITLE, DATE) for item in items):
        return False
    squeezed = re.sub(r"\s", "", text)
    return bool(fm.DOTTED_NAME.match(squeezed) or squeezed[0] in fm.SURNAMES
                or squeezed.startswith(fm.COMPOUND_SURNAMES))


def _items(texts: list[str], salutation: int) -> list[FrontItem]:
    """The lines before the body start, read as front items in order (other lines included);
    `salutation` is the index of the salutation line (0 when there is none)."""
    items: list[FrontItem] = []
    i = 0
    while i < len(texts):
        text = texts[i]
        if starts_body(text):
            # A sentence before the salutation may be a caption the clean stage left
            # ("政府工作报告。 贵州日报天眼新闻记者 李森 摄" above the title): kept as an other line,
            # in the block only if a front line follows it.
            if i >= salutation or shapes.starts_block(text) or shapes.is_heading_line(text):
                break
            size, kind = 1, OTHER
        elif fm.DATE_LINE.match(text):
            size, kind = _date_parts(texts, i), DATE
        elif fm.SPEAKER_LINE.match(text):
            size, kind = 1, SPEAKER
        elif fm.ROLE_LINE.match(text):  # its name on the next line, or none
            size = 2 if i + 1 < len(texts) and fm.NAME_LINE.match(texts[i + 1]) else 1
            kind = SPEAKER
        elif _title_parts(texts, i):
            size, kind = _title_parts(texts, i), TITLE
        elif _is_bare_name(text, items):
            size, kind = 1, SPEAKER
        else:
            size, kind = 1, OTHER
        items.append(FrontItem(kind, texts[i:i + size]))
        i += size
    return items


def read_front(lines: list[LogicalLine]) -> tuple[int, list[FrontItem]]:
    """(number of logical lines in the front block, its items in order).

    Other lines (chrome the clean stage left, "来源：…") belong to the block only before or
    between front items; after the last one they are the body's, unless the salutation follows
    them: every line above 各位代表 is front matter (an unknown portal's line there is shown as an
    other front line, never a heading).
    """
    texts = [line.text.strip() for line in lines[:fm.FRONT_MAX_LINES]]
    salutation = next((n for n, text in enumerate(texts) if fm.SALUTATION.match(text)), 0)
    items = _items(texts, salutation)
    if not salutation or sum(len(item.parts) for item in items) != salutation:
        last = max((n for n, item in enumerate(items) if item.kind != OTHER), default=-1)
        items = items[:last + 1]
    return sum(len(item.parts) for item in items), items


def front_matter_length(lines: list[LogicalLine]) -> int:
    """How many logical lines at the top are the front block (see read_front)."""
    return read_front(lines)[0]


def iso_date(text: str) -> str:
    """The first whole date in a line as yyyy-mm-dd ("2023年3月5日", "一九五四年五月二十三日",
    "１９５６年６月１５日"), or "" when there is none or it is no calendar date."""
    found = fm.DATE.search(text)
    if not found:
        return ""
    year = "".join(str(CN_DIGITS[c]) if c in CN_DIGITS else str(int(c)) for c in found["y"])
    try:
        return datetime.date(int(year), num.chinese_numeral_value(found["m"]),
                             num.chinese_numeral_value(found["d"])).isoformat()
    except ValueError:
        return ""


def _speaker(text: str) -> tuple[str, str]:
    """(role, name) of a speaker line, a role and name cut over two lines, a role alone or a name alone."""
    found = fm.SPEAKER_LINE.match(text)
    if found:
        return found["role"], re.sub(r"\s", "", found["name"])
    if fm.ROLE_LINE.match(text):
        return text, ""
    return "", re.sub(r"\s", "", text)


def parse_front(lines: list[LogicalLine]) -> FrontMatter:
    """Title, date and speaker lines as written; values extracted from them.

    `lines` is the front block (front_matter_length lines). The first title is the text's title,
    the first date line gives the date, the first speaker line the speaker (or the speaker named
    at the end of the date line); every other line stays in `title_lines` so nothing is lost.
    """
    texts = [line.text.strip() for line in lines]
    items = _items(texts, len(texts))
    front = FrontMatter(lines=[(item.kind, item.text) for item in items])
    for item in items:
        text = item.text
        if item.kind == DATE and not front.date_line:
            front.date_line, front.date = text, iso_date(text)
            tail = fm.DATE_SPEAKER_TAIL.search(text)
            if tail and not front.speaker:
                front.speaker_role, front.speaker = _speaker(tail["tail"].strip())
        elif item.kind == SPEAKER and not front.speaker_line:
            front.speaker_line = text
            front.speaker_role, front.speaker = _speaker(text)
        else:
            front.title_lines.append(text)
            if item.kind == TITLE and not front.title:
                quoted = fm.TITLE_BOOK_MARKS.match(text)
                front.title = quoted["title"] + quoted["suffix"] if quoted else text

    return front
