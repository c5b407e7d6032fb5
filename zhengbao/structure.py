"""Parse stage, body structure: sections and subsections from the document's own numbering.

一、 (level 1), （一） (level 2), the summary's "1 …" lines (level 1), 附件 (annex). A subsection's
lead line "（一）综合实力显著提升。充分发挥…" becomes the heading "（一）综合实力显著提升。" and the
paragraph "充分发挥…". The trailing block of labels (the 2023 summary's infographic) is parse.py's.
"""

from __future__ import annotations

import re
from collections import Counter

from .model import LogicalLine, Paragraph, Repair, Section
from .numbered_lines import list_items, number_of, single_sentence
from .patterns import numbering as num
from .patterns import shapes

LEAD_END = re.compile(r"^(.*?[。！？；])(.*)$")


def split_lead(text: str) -> tuple[str, str]:
    """Split "（一）综合实力显著提升。充分发挥…" into heading and the rest of the paragraph."""
    found = LEAD_END.match(text)
    if not found:
        return text, ""
    return found[1], found[2]


def split_run_in(body: list[LogicalLine], index: int, mark: shapes.NumberMark) -> tuple[str, str]:
    """Heading and paragraph of a numbered heading run into its paragraph with no mark between (1987 national:
    "三、深入改革经济体制和扩大对外开放" + "国民经济的长期稳定发展，既要靠…。").

    The cut is inside the line's first sentence, after at least numbering.RUN_IN_HEADING_MIN_CHARS of
    words, never beside a mark, where the two characters across it are the rarest pair in the rest of the
    text: a line joined from two leaves a pair its text hardly writes elsewhere ("放国" stands nowhere else
    in the 1987 report); of equally rare pairs, the first. Read back on content/, each numbered heading
    glued to its first paragraph: 446 of 505 are cut where they end. A report's whole text is needed: in a
    few dozen lines most pairs stand nowhere else.
    """
    text = body[index].text
    others = [line.text for n, line in enumerate(body) if n != index]
    pairs = Counter(line[i:i + 2] for line in others for i in range(len(line) - 1))
    start = len(text) - len(mark.rest) + num.RUN_IN_HEADING_MIN_CHARS
    end = len(split_lead(text)[0])
    cuts = [k for k in range(start, end) if not num.RUN_IN_CUT_FORBIDDEN.search(text[k - 1:k + 1])]
    if not cuts:
        return split_lead(text)
    cut = min(cuts, key=lambda k: (pairs[text[k - 1:k + 1]], k))
    return text[:cut], text[cut:]


def numbering_levels(body: list[LogicalLine], items: set[int]) -> tuple[int | None, int | None]:
    """The ranks (numbering.RANK_*) the text uses for its level 1 and level 2, None where it uses none.

    Level 1 is the form of the first numbered heading, level 2 the first other form after it.
    Most texts go 一、 → （一）, but a text may put （一） above 一、 (1981 national
    report: （一）当前的经济形势 … （二）今后经济建设的方针
    with 一、…十、 inside), or start at （一） (1958 national report, with 第一、 inside （三）); list items
    (list_items) do not count. Forms below the subsection (1. / （1） / ①,
    case 05) are never level 2 under a higher level 1: they are headings of levels 3–5
    (lower_heading_levels) or paragraphs.
    """
    top: int | None = None
    for index, line in enumerate(body):
        mark = number_of(line.text)
        if mark is None or index in items or not _is_heading(line.text, mark):
            continue
        if top is None:
            top = mark.rank
        elif mark.rank != top and (mark.rank in num.UPPER_RANKS or top not in num.UPPER_RANKS):
            return top, mark.rank
    return top, None


def lower_heading_levels(body: list[LogicalLine], top_rank: int | None, sub_rank: int | None,
                         apart: set[int] | frozenset[int] = frozenset()) -> dict[int, int]:
    """Heading level (3, 4, 5) of each numbering form below the subsection the text writes as heading lines.

    Case 05: "1.推动制造业高质量发展" → 3, "（1）扩大有效投资" → 4, "①强化项目储备" → 5; a text that skips a
    form (（1） straight under （一）) gives the next form the next level. A line with a sentence in it
    ("1.医疗卫生方面。全省…", 2026 Zhejiang) is a lead-in paragraph, not a heading, unless the text sets it
    apart as one (`apart`, set_apart_lines: 1955 national "第一，基本建设规模的大小问题。").
    """
    used, ranks = set(), num.lower_ranks(sub_rank)
    for index, line in enumerate(body):
        mark = number_of(line.text, index in apart)
        if (mark is not None and mark.rank in ranks and mark.rank not in (top_rank, sub_rank)
                and _lower_heading(line.text, mark, index in apart)):
            used.add(mark.rank)
    return {rank: 3 + index for index, rank in enumerate(sorted(used, key=ranks.index)[:3])}


def _lower_heading(text: str, mark: shapes.NumberMark, apart: bool = False) -> bool:
    """A heading line below the subsection: numbered, short, no sentence, no colon announcing a list;
    or one short sentence the text sets apart as a heading (`apart`)."""
    return ((mark.rank == num.RANK_ORDINAL or shapes.is_heading_line(text))
            and (not shapes.is_terminated(text) or (apart and single_sentence(text)
                                                    and len(text) <= num.NUMBERED_HEADING_MAX_CHARS)))


def set_apart_lines(body: list[LogicalLine]) -> tuple[set[int], set[int]]:
    """(lines set apart as headings, indented lines) of a text that indents its paragraphs and not its
    headings (Wikisource copies: "　　"); two empty sets for any other text (numbering.INDENTED_MIN_SHARE),
    and for one that indents its heading lines as well.

    A line is set apart when it is not indented and the paragraph after it is (1958 national: "先说工业
    战线上的情况" before its indented paragraphs); an indented line is never a heading. A line joined from
    its enumerator alone on a line and its words (Wikisource list markup, 1955: "第二，" + "我们必须大大地
    降低生产性建设的成本。") is an item of a list, not set apart.
    """
    finished = [line for line in body if shapes.is_terminated(line.text) and len(line.text) > num.SHORT_HEADING_MAX_CHARS]
    headings = [line for line in body if not shapes.is_terminated(line.text)
                and (shapes.is_heading_line(line.text) or shapes.is_short_heading(line.text))]
    if (len(finished) < num.INDENTED_MIN_LINES
            or sum(line.indented for line in finished) < num.INDENTED_MIN_SHARE * len(finished)
            or sum(line.indented for line in headings) * 2 >= len(headings)):  # headings indented too
        return set(), set()
    apart = {i for i in range(len(body) - 1)
             if not body[i].indented and body[i + 1].indented and body[i].first_line == body[i].last_line}
    return apart, {i for i, line in enumerate(body) if line.indented}


def _holds_form(section: Section, rank: int) -> bool:
    """True if a paragraph of the section starts with a number of the given form: a list numbered like
    the sections (1955 national: "三、" + "我国人民推翻了…", "四、" + "在私营工厂…" inside 三、)."""
    return any((mark := number_of(p.text)) is not None and mark.rank == rank
               for part in (section, *section.subsections) for p in part.paragraphs)


def _subsections_ahead(body: list[LogicalLine], index: int, top_rank: int | None, sub_rank: int | None) -> bool:
    """True if a numbered subsection follows before the next level-1 heading."""
    for line in body[index + 1:]:
        mark = number_of(line.text)
        if mark is not None and mark.rank in (top_rank, sub_rank) and _is_heading(line.text, mark):
            return mark.rank == sub_rank
    return False


def _is_heading(text: str, mark: shapes.NumberMark) -> bool:
    """A numbered heading line, or for （一） also the lead form "（一）综合实力显著提升。充分发挥…".

    A line ending on a comma or semicolon is a list item (numbering.LIST_ITEM_END), never a heading.
    """
    if num.LIST_ITEM_END.search(text):
        return False
    if mark.rank == num.RANK_ORDINAL:
        return True
    if mark.rank == num.RANK_SUBSECTION and "。" in text:
        return True
    return shapes.is_heading_line(text)


def _in_sequence(value: int, last: int) -> bool:
    """A level-1 number follows the one before it (one may be missing; the first may be any).

    "12 家、…" after 一、 (case 02) is not the next section.
    """
    return last == 0 or last < value <= last + 2


def unnumbered_heading(body: list[LogicalLine], index: int, previous_done: bool) -> bool:
    """A line shaped like an unnumbered heading where it stands: short, unnumbered, after a finished
    paragraph, not a sentence cut around a link (numbering.UNNUMBERED_HEADING_OPEN, CONTINUATION_START),
    not an item of a list (in_colon_list)."""
    text = body[index].text
    return (shapes.is_short_heading(text) and index + 1 < len(body) and previous_done
            and number_of(text) is None
            and bool(num.UNNUMBERED_HEADING_START.match(text))
            and not num.UNNUMBERED_HEADING_OPEN.search(text) and not num.CONTINUATION_START.match(body[index + 1].text)
            and not in_colon_list(body, index))


def in_colon_list(body: list[LogicalLine], index: int) -> bool:
    """Line `index` is one of a run of two or more short unnumbered lines right after a line that ends on a
    colon: the items of a list the line introduces ("今年政府工作的总体要求是：" over "坚持稳中求进工作总基调",
    "完整准确全面贯彻新发展理念"…; "以下重大项目：" over project names), paragraphs of their section, never
    headings. An unnumbered heading after such a line stands alone above its paragraph."""
    def short(k: int) -> bool:
        return shapes.is_short_heading(body[k].text) and number_of(body[k].text) is None

    first = last = index
    while first > 0 and short(first - 1):
        first -= 1
    while last + 1 < len(body) and short(last + 1):
        last += 1
    return first > 0 and last > first and shapes.introduces_list(body[first - 1].text)


def unnumbered_parts(body: list[LogicalLine], top_rank: int | None, items: set[int]) -> bool:
    """True if unnumbered heading lines stand above the text's highest numbering.

    Wikisource copies of the 1980s national reports drop the numbers of their parts: "关于国内建设"
    over 一、…五、, then "关于外交工作" over 一、…三、 (1984); "过去五年国内工作的基本总结" … "今后五年建设和改革的
    目标、方针和任务" over 一、…十、 (1988); "第六个五年计划的基本任务" over 一、…六、, then "六五计划前两年的执行
    情况", "全面实现六五计划的主要措施" (1982). The parts are level 1 when such a line stands before the
    first numbered heading and the numbering starts again at 一 after each later one (or two later
    ones stand after the numbered run). A closing 结束语 and the lines of an annex do not count; parts
    that all stand before the first 一、 (a 2026 provincial copy: "“十五五”时期主要目标和2026年重点工作") leave 一、
    at level 1.
    """
    if top_rank is None:
        return False
    tops = []
    for index, line in enumerate(body):
        mark = number_of(line.text)
        if mark is not None and mark.rank == top_rank and index not in items and _is_heading(line.text, mark):
            tops.append((index, mark.value))
    annex = next((i for i, line in enumerate(body) if num.ANNEX_START.match(line.text)), len(body))
    parts = [i for i in _unnumbered_headings(body) if i < annex and not num.CLOSING_HEADING.match(body[i].text)]
    if not tops or not parts:
        return False
    before = [i for i in parts if i < tops[0][0]]
    after = [i for i in parts if i > tops[0][0]]
    if not before or not after:
        return False
    restarts = 0
    for part in after:
        following = next((value for index, value in tops if index > part), None)
        if following is not None and following != 1:
            return False
        restarts += following == 1
    return restarts >= 1 or len(after) >= 2


def _unnumbered_headings(body: list[LogicalLine]) -> list[int]:
    """Indices of the lines shaped like unnumbered headings, in order (unnumbered_heading)."""
    found: list[int] = []
    for index in range(len(body)):
        previous = body[index - 1].text if index else ""
        done = (index == 0 or shapes.is_terminated(previous) or shapes.is_heading_line(previous)
                or (found and found[-1] == index - 1))
        if unnumbered_heading(body, index, done):
            found.append(index)
    return found


def join_wrapped_headings(body: list[LogicalLine]) -> tuple[list[LogicalLine], list[Repair]]:
    """Join a numbered heading wrapped onto a short second line into one heading line.

    "一、坚定不移推进经济运行整体好转和" + "高质量发展" (a heading of at least HEADING_WRAP_MIN_CHARS without a
    sentence end, then at most HEADING_WRAP_MAX_CHARS unnumbered words on the next source line, then
    the section's text). Recorded as the repair join_wrapped_heading.
    """
    out: list[LogicalLine] = []
    repairs: list[Repair] = []
    index = 0
    while index < len(body):
        line = body[index]
        mark = shapes.number_mark(line.text)
        wrap = body[index + 1] if index + 2 < len(body) else None
        if (wrap is not None and mark is not None and mark.rank in num.HEADING_RANKS
                and shapes.is_heading_line(line.text) and len(line.text) >= num.HEADING_WRAP_MIN_CHARS
                and not shapes.is_terminated(line.text) and len(wrap.text) <= num.HEADING_WRAP_MAX_CHARS
                and shapes.is_short_heading(wrap.text) and number_of(wrap.text) is None
                and not num.CLOSING_HEADING.match(wrap.text)
                and wrap.first_line - line.last_line <= num.HEADING_WRAP_MAX_GAP
                and not shapes.is_heading_line(body[index + 2].text)
                and not shapes.is_short_heading(body[index + 2].text)):
            repairs.append(Repair("join_wrapped_heading", wrap.first_line, f"…{line.text[-12:]} ⏎ {wrap.text}",
                                  f"…{line.text[-12:]}{wrap.text}",
                                  f"the heading of line {line.first_line} is wrapped onto line {wrap.first_line}"))
            out.append(LogicalLine(line.text + wrap.text, line.first_line, wrap.last_line))
            index += 2
            continue
        out.append(line)
        index += 1
    return out, repairs


def build_sections(body: list[LogicalLine]) -> tuple[list[Paragraph], list[Section]]:
    """Preamble paragraphs and sections of the body; text that fits no pattern becomes paragraphs.

    Numbered headings take their number as ordinal (二（三） is s2-3 whatever stands between).
    Unnumbered heading lines (short, between finished paragraphs) are used only where the text
    numbers no heading of that level: a level-1 section where it numbers none or where they stand
    over its highest numbering (unnumbered_parts), a subsection where it numbers no level 2.
    Before the first numbered level-1 heading they are paragraphs. A closing 结束语 is level 1.
    """
    items = list_items(body)
    apart, flat = set_apart_lines(body)
    top_rank, sub_rank = numbering_levels(body, items)
    lower_levels = lower_heading_levels(body, top_rank, sub_rank, apart)
    parted = -2  # the old level-1 form, where unnumbered parts stand above it
    if unnumbered_parts(body, top_rank, items):
        top_rank, sub_rank = None, top_rank
        parted = sub_rank
    preamble: list[Paragraph] = []
    sections: list[Section] = []
    current_top: Section | None = None
    current: Section | None = None
    last_top = 0  # number of the last level-1 heading
    heading_before = False  # the line before is a heading this function made
    last_list = 0  # number of the last item of a list in the level-1 form inside the current section

    def add_paragraph(text: str, line: int, heading_level: int = 0) -> None:
        target = current.paragraphs if current else preamble
        target.append(Paragraph(text=text, number=len(target) + 1, source_line=line, heading_level=heading_level))

    def add_top(text: str, line: int, mark: shapes.NumberMark | None = None, role: str = "body") -> Section:
        ordinal = mark.value if mark else max((s.ordinal for s in sections), default=0) + 1
        section = Section(1, mark.label if mark else "", ordinal, text, line, role=role,
                          rank=mark.rank if mark else -1)
        sections.append(section)
        return section

    index = 0
    while index < len(body):
        line = body[index]
        text = line.text
        mark = None if index in items or index in flat else number_of(text, index in apart)
        annex = num.ANNEX_START.match(text)
        in_annex = current_top is not None and current_top.role == "annex"
        previous_done = index == 0 or shapes.is_terminated(body[index - 1].text) or heading_before
        heading_before = False
        if in_annex or index in flat:
            add_paragraph(text, line.first_line)
        elif (mark is not None and mark.rank == top_rank and flat and "。" in text
              and mark.value == last_top + 1 and not _is_heading(text, mark) and not num.LIST_ITEM_END.search(text)
              and current_top is not None and not _holds_form(current_top, mark.rank)):
            # The next section's number unindented in an indented text, its heading run into its paragraph (1987:
            # "三、深入改革经济体制和扩大对外开放国民经济的长期稳定发展，…"): cut where the heading ends.
            head, rest = split_run_in(body, index, mark)
            current = current_top = add_top(head, line.first_line, mark)
            last_top, last_list = mark.value, 0
            add_paragraph(rest, line.first_line)
        elif mark is not None and mark.rank == top_rank and _is_heading(text, mark) and (
                last_list or (mark.value == 1 and last_top) or _in_sequence(mark.value, last_top)):
            if (last_list and mark.value == last_list + 1) or (mark.value == 1 and last_top):
                # Numbered again in the same form inside a section (1986 national report: 一、…五、 inside
                # 二、): headings of level 3 that keep their paragraph anchors, and the next section is
                # the number after the section's.
                last_list = mark.value
                add_paragraph(text, line.first_line, 3)
            elif _in_sequence(mark.value, last_top):
                current = current_top = add_top(text, line.first_line, mark)
                last_top, last_list = mark.value, 0
                heading_before = True
            else:
                add_paragraph(text, line.first_line)
        elif annex:
            heading_text = text
            if index + 1 < len(body) and num.GLOSSARY_TITLE.match(body[index + 1].text) and not annex["rest"]:
                index += 1
                heading_text = f"{text} {body[index].text}"
            current = current_top = add_top(heading_text, line.first_line, role="annex")
        elif (mark is not None and mark.rank == sub_rank and current_top is not None and _is_heading(text, mark)
              and all(sub.ordinal < mark.value for sub in current_top.subsections if sub.label)):
            head, rest = split_lead(text) if "。" in text else (text, "")
            current = Section(2, mark.label, mark.value, head, line.first_line, rank=mark.rank)
            current_top.subsections.append(current)
            heading_before = not rest
            if rest:
                add_paragraph(rest, line.first_line)
        elif (mark is not None and mark.rank == num.RANK_ORDINAL and current_top is not None and sub_rank == parted
              and all(sub.ordinal < mark.value for sub in current_top.subsections if sub.label)):
            # "第四、积极稳妥地加快经济体制改革的进程": a subsection of an unnumbered part (1982).
            current = Section(2, mark.label, mark.value, text, line.first_line, rank=mark.rank)
            current_top.subsections.append(current)
            heading_before = True
        elif (mark is not None and mark.rank in lower_levels and current is not None
              and _lower_heading(text, mark, index in apart)):
            # A heading below the subsection: a paragraph of its subsection shown as a heading (case 05).
            add_paragraph(text, line.first_line, lower_levels[mark.rank])
            heading_before = True
        elif num.CLOSING_HEADING.match(text) and previous_done and index + 1 < len(body):
            current = current_top = add_top(text, line.first_line)
            heading_before = True
        elif unnumbered_heading(body, index, previous_done):
            heading_before = True
            if top_rank is None:
                current = current_top = add_top(text, line.first_line)
            elif current_top is not None and (sub_rank is None or (
                    index in apart and not any(sub.label for sub in current_top.subsections)
                    and not _subsections_ahead(body, index, top_rank, sub_rank))):
                current = Section(2, "", len(current_top.subsections) + 1, text, line.first_line)
                current_top.subsections.append(current)
            elif index in apart and current is not None:
                add_paragraph(text, line.first_line, 3)  # set apart inside a numbered subsection
            else:
                add_paragraph(text, line.first_line)
        else:
            add_paragraph(text, line.first_line)
        index += 1
    if parted != -2 or sub_rank == num.RANK_SECTION:
        # The level-1 sections stand above the 一、 list, unnumbered (1984) or in a higher form (1981:
        # （一）…（三） over 一、…十、), with a closing 结束语: they are the parts, part1, part2… by their
        # number (（二） → 2; the unnumbered ones and 结束语 in order).
        for section in sections:
            section.part = section.ordinal if section.role == "body" else 0
    return preamble, sections
