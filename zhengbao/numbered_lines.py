"""Parse stage, numbered lines: the number a line starts with, and which numbered lines are items of a
list rather than headings (structure.py builds the sections from them).
"""

from __future__ import annotations

import re

from .model import LogicalLine
from .patterns import numbering as num
from .patterns import shapes


def number_of(text: str, apart: bool = False) -> shapes.NumberMark | None:
    """The numbering a line starts with (shapes.number_mark), an ordinal word only on a heading line, or
    on one sentence the text sets apart as a heading (`apart`: "第一，基本建设规模的大小问题。", 1955)."""
    mark = shapes.number_mark(text)
    if mark is not None and mark.rank != num.RANK_ORDINAL:
        return mark
    return ordinal_heading(text[:-1] if apart and single_sentence(text) else text)


def ordinal_heading(text: str) -> shapes.NumberMark | None:
    """The number of a heading line numbered with an ordinal word ("第一、关于基本建设"), or None."""
    found = num.ORDINAL_HEADING.match(text)
    if (not found or len(text) > num.NUMBERED_HEADING_MAX_CHARS or re.search("[。！？!?；;]", text)
            or num.OPEN_END.search(text) or shapes.is_terminated(text)):
        return None
    return shapes.NumberMark(num.RANK_ORDINAL, found["label"], num.chinese_numeral_value(found["label"]), found["rest"])


def single_sentence(text: str) -> bool:
    """One sentence, finished at the end of the line: "（一）要使粮食生产…同工业的发展比较适应。"."""
    return shapes.is_terminated(text) and not re.search("[。！？!?]", text[:-1])


def list_items(body: list[LogicalLine]) -> set[int]:
    """Indices of numbered lines that are items of a list, not headings.

    A run of two or more lines next to each other, numbered in the same form 1, 2, 3…, most of them
    one finished sentence and nothing else (1979 national: "（一）要使粮食生产和其他农副产品生产的发展同人口
    的增长和工业的发展比较适应。" … "（五）…继续有所提高。" under 二、). Subsections written as lead lines
    (2023 national: "（一）着力扩大国内需求。把恢复和扩大消费摆在优先位置。…") hold more than one sentence.
    A run in a form below the subsection (1. / （1） / ①) right after a line ending on a colon is a list too,
    whatever its lines hold ("今年重点抓好以下民生实事：" over "1.新建改扩建中小学校10所", "2.新增普惠性托位2000个"…):
    a heading stands over text of its own, an item of a list does not.
    """
    items: set[int] = set()
    # A number alone on its source line, joined to its words by clean (1986 national: "（一）" +
    # "进一步…。") is set apart: a run mostly of such lines is no list; one rejoined among whole ones is an item.
    # In a hard-wrapped copy (most finished lines rejoined from several source lines) the span says nothing.
    finished = [line for line in body if shapes.is_terminated(line.text)]
    wrapped = sum(line.last_line > line.first_line for line in finished) * 2 > len(finished)
    marks = [number_of(line.text) for line in body]
    run: list[int] = []
    for index in range(len(body) + 1):
        mark = marks[index] if index < len(body) else None
        previous = marks[run[-1]] if run else None
        if mark is not None and previous is not None and mark.rank == previous.rank and mark.value == previous.value + 1:
            run.append(index)
            continue
        single = sum(1 for i in run if single_sentence(body[i].text))
        whole = sum(1 for i in run if body[i].first_line == body[i].last_line)
        introduced = bool(run) and run[0] > 0 and marks[run[0]].rank in num.LOWER_RANKS \
            and shapes.introduces_list(body[run[0] - 1].text)
        if len(run) >= 2 and (introduced or (single * 2 > len(run) and (wrapped or whole * 2 > len(run)))):
            items.update(run)
        run = [index] if mark is not None else []
    return items
