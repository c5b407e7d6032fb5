"""Clean stage: repair what extraction did to the text, recording every repair.

Each repair is a small named function over source lines that returns the new lines and the
`Repair` records it made (after ftfy's fix_and_explain). The words are never changed: repairs
only drop duplicate copies, pinyin annotations, invisible characters and layout whitespace, and
join lines that PDF extraction cut.
"""

from __future__ import annotations

import re

from . import patterns as pat
from .model import CleanReport, LogicalLine, RawReport, Repair, SourceLine

Lines = list[SourceLine]


def collapse_repeated_copies(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Keep one copy of a file that holds the same text several times (the 2017 report: 8×)."""
    content = [line for line in lines if line.text.strip()]
    keys = [re.sub(r"\s+", "", line.text) for line in content]
    total = len(keys)
    for period in range(1, total // 2 + 1):
        if total % period == 0 and keys == keys[:period] * (total // period):
            last_kept = content[period - 1].number
            copies = total // period
            kept = [line for line in lines if line.number <= last_kept]
            repair = Repair("collapse_repeated_copies", content[period].number,
                            f"lines {content[period].number}–{content[-1].number}: "
                            f"{copies - 1} more copies of lines 1–{last_kept}",
                            "(dropped)", f"the file holds the same text {copies} times")
            return kept, [repair]
    return lines, []


def strip_invisible_characters(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Drop zero-width characters and soft hyphens that web pages leave inside words."""
    return _per_line(lines, "strip_invisible_characters",
                     lambda text: pat.INVISIBLE_CHARACTERS.sub("", text),
                     "zero-width characters carry no text")


def remove_pinyin_annotations(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Drop pinyin after characters, as in the 2023 summary's 現(xiàn); keep real parentheses."""
    return _per_line(lines, "remove_pinyin_annotations",
                     lambda text: pat.PINYIN_ANNOTATION.sub("", text),
                     "pronunciation hints are not part of the text")


def strip_markdown_heading_marks(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Drop '#', '##', '###' before headings (2021 report); the numbering gives the level."""

    def fix(text: str) -> str:
        rest = pat.MARKDOWN_HEADING_MARK.sub("", text)
        # Only before a heading or title: a '#' before ordinary text is text and stays.
        if rest != text and (_is_heading_like(rest) or pat.TITLE_LINE.match(rest.strip())):
            return rest
        return text

    return _per_line(lines, "strip_markdown_heading_marks", fix,
                     "Markdown marks used inconsistently; the document's numbering decides the level")


def normalize_whitespace(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Drop spaces beside Chinese text ('增至 33 处' → '增至33处'), trim line ends.

    In heading-like lines a single space between two Han characters separates two phrases
    ("1 堅持產業第一、制造業立市 加快構建…") and is kept as one space.
    """

    def fix(text: str) -> str:
        stripped = re.sub(f"^{pat.ANY_SPACE}+|{pat.ANY_SPACE}+$", "", text)
        if _is_heading_like(stripped) or _is_front_like(stripped):
            keep = re.sub(f"(?<=[\u4e00-\u9fff]){pat.ANY_SPACE}+(?=[\u4e00-\u9fff])", "\x00", stripped)
            label = pat.NUMBERED_SECTION.match(keep)
            if label:
                keep = label["label"] + "\x00" + label["rest"]
            keep = pat.SPACE_BESIDE_CJK.sub("", keep)
            return re.sub(f"{pat.ANY_SPACE}+", " ", keep).replace("\x00", " ")
        text = pat.SPACE_BESIDE_CJK.sub("", stripped)
        return re.sub(f"{pat.ANY_SPACE}+", " ", text)

    new: Lines = []
    repairs: list[Repair] = []
    for line in lines:
        after = fix(line.text)
        if after != line.text and after != line.text.strip():
            repairs.append(Repair("normalize_whitespace", line.number, line.text, after,
                                  "spaces beside Chinese text are layout from extraction"))
        new.append(SourceLine(line.number, after))
    return new, repairs


def _per_line(lines: Lines, name: str, fix, why: str) -> tuple[Lines, list[Repair]]:
    new: Lines = []
    repairs: list[Repair] = []
    for line in lines:
        after = fix(line.text)
        if after != line.text:
            repairs.append(Repair(name, line.number, line.text, after, why))
        new.append(SourceLine(line.number, after))
    return new, repairs


def _is_heading_like(text: str) -> bool:
    """Lines that start a section: numbered headings and the annex marker."""
    if pat.SECTION_HEADING.match(text) and "。" not in text:
        return True
    if pat.NUMBERED_SECTION.match(text) and len(text) <= 60 and "。" not in text:
        return True
    return bool(pat.ANNEX_START.match(text) or pat.GLOSSARY_TITLE.match(text))


def _is_front_like(text: str) -> bool:
    return bool(pat.TITLE_LINE.match(text) or pat.DATE_LINE.match(text) or pat.SPEAKER_LINE.match(text))


def is_terminated(text: str) -> bool:
    """True if the line ends a sentence, so the paragraph is complete."""
    return bool(pat.SENTENCE_END.search(text))


def is_short_heading(text: str) -> bool:
    """An unnumbered heading: short, unpunctuated at the end, no commas inside."""
    return (len(text) <= pat.SHORT_HEADING_MAX_CHARS and not is_terminated(text)
            and not pat.SHORT_HEADING_FORBIDDEN.search(text) and bool(re.search("[\u4e00-\u9fff]", text)))


def starts_block(text: str) -> bool:
    """True for lines that always begin something new and are never a continuation."""
    return _is_heading_like(text) or bool(pat.SUBSECTION_START.match(text))


def front_matter_length(lines: Lines) -> int:
    """How many content lines at the top are title, date and speaker lines."""
    count = 0
    for index, line in enumerate(lines):
        text = line.text
        if not text:
            continue
        if pat.SALUTATION.match(text) or starts_block(text) or "。" in text:
            break
        is_front = _is_front_like(text)
        if not is_front:
            # A title broken in two: its first half joined with the next line is a title.
            following = next((x.text for x in lines[index + 1:] if x.text), "")
            is_front = len(text) <= 30 and bool(pat.TITLE_LINE.match(text + following))
        if not is_front:
            # A title or date line broken in two: its second half is short and ends the block.
            previous = next((x.text for x in reversed(lines[:index]) if x.text), "")
            is_front = bool(previous) and _is_front_like(previous) and len(text) <= 30
        if not is_front:
            break
        count = index + 1
    return count


def join_broken_lines(lines: Lines) -> tuple[list[LogicalLine], list[Repair]]:
    """Rejoin paragraphs cut by PDF extraction into one logical line each.

    A line that does not end a sentence continues on the next non-empty line, unless either is
    a heading. Front matter (title, date, speaker) joins only its own broken date and title
    lines; a trailing label block (2023 summary) is never joined.
    """
    repairs: list[Repair] = []
    front_count = front_matter_length(lines)
    front = [line for line in lines[:front_count] if line.text]
    body = [line for line in lines[front_count:] if line.text]
    tail_start = _tail_start(body)
    logical: list[LogicalLine] = []
    logical.extend(_join_front(front, repairs))
    open_line: LogicalLine | None = None
    for position, line in enumerate(body):
        text = line.text
        if position >= tail_start:
            if open_line:
                logical.append(open_line)
                open_line = None
            logical.append(LogicalLine(text, line.number, line.number, role="tail"))
            continue
        if open_line is not None and not starts_block(text):
            glue = " " if re.search(r"[A-Za-z0-9]$", open_line.text) and re.match(r"[A-Za-z]", text) else ""
            repairs.append(Repair("join_broken_lines", line.number,
                                  f"…{open_line.text[-12:]} ⏎ {text[:12]}…",
                                  f"…{open_line.text[-12:]}{glue}{text[:12]}…",
                                  f"line {open_line.last_line} ends mid-sentence; line {line.number} continues it"))
            open_line.text += glue + text
            open_line.last_line = line.number
        else:
            if open_line is not None:
                logical.append(open_line)
            open_line = LogicalLine(text, line.number, line.number)
        if is_terminated(open_line.text) or (_is_heading_like(open_line.text) and open_line.first_line == line.number) \
                or (is_short_heading(open_line.text) and open_line.first_line == line.number):
            logical.append(open_line)
            open_line = None
    if open_line is not None:
        logical.append(open_line)
    return logical, repairs


def _join_front(front: Lines, repairs: list[Repair]) -> list[LogicalLine]:
    """Join a date line broken in two ("——2024年2月4日在…第十七届" + "人民代表大会第四次会议上")
    and a title broken in two ("2024年XX市" + "政府工作报告")."""
    out: list[LogicalLine] = []
    for line in front:
        text = line.text
        if out:
            previous = out[-1]
            date_broken = pat.DATE_LINE.match(previous.text) and not pat.DATE_LINE_END.search(previous.text)
            title_broken = ("报告" not in previous.text and "報告" not in previous.text
                            and pat.TITLE_LINE.match(previous.text + text) and not pat.DATE_LINE.match(previous.text)
                            and not pat.SPEAKER_LINE.match(previous.text))
            if date_broken or title_broken:
                fix = "join_broken_date_line" if date_broken else "join_broken_title"
                repairs.append(Repair(fix, line.number, f"{previous.text} ⏎ {text}", previous.text + text,
                                      f"line {previous.last_line} was cut; line {line.number} continues it"))
                previous.text += text
                previous.last_line = line.number
                continue
        out.append(LogicalLine(text, line.number, line.number, role="front"))
    return out


def _tail_start(body: Lines) -> int:
    """Index where a trailing block of labels begins (2023 summary), or len(body) if none.

    After the last section heading, the first short unpunctuated line starts the block if most
    lines from there to the end are unpunctuated too (infographic labels and captions).
    """
    last_heading = max((i for i, line in enumerate(body) if _is_heading_like(line.text)), default=-1)
    if last_heading < 0:
        return len(body)
    for start in range(last_heading + 1, len(body)):
        if is_short_heading(body[start].text):
            rest = body[start:]
            unpunctuated = sum(1 for line in rest if not is_terminated(line.text))
            if len(rest) >= pat.TAIL_MIN_LINES and unpunctuated * 2 > len(rest):
                return start
            break
    return len(body)


# The repairs in the order they run; each can be switched off by name (build.py --no-fix NAME).
LINE_FIXES = (
    collapse_repeated_copies,
    strip_invisible_characters,
    remove_pinyin_annotations,
    strip_markdown_heading_marks,
    normalize_whitespace,
)


def clean_report(raw: RawReport, disabled: frozenset[str] = frozenset()) -> CleanReport:
    """Run every repair in order and join broken lines."""
    lines = list(raw.lines)
    repairs = list(raw.repairs)
    for fix in LINE_FIXES:
        if fix.__name__ in disabled:
            continue
        lines, made = fix(lines)
        repairs.extend(made)
    logical, made = join_broken_lines(lines)
    repairs.extend(made)
    return CleanReport(meta=raw.meta, path=raw.path, lines=logical, repairs=repairs)
