"""Parse stage, front matter: where the title block ends, and the title, date and speaker in it.

Kept apart from the body's structure (structure.py) so the metadata rules can grow on their own.
"""

from __future__ import annotations

import re

from .model import FrontMatter, LogicalLine
from .patterns import front_matter as fm
from .patterns import shapes


def front_matter_length(lines: list[LogicalLine]) -> int:
    """How many logical lines at the top are title, date and speaker lines.

    The block ends at the salutation (各位代表：), a numbered heading, or a line with a full stop.
    A short line counts when it is half of a title cut in two (its join with the next line is a
    title) or follows a title, date or speaker line (the second half of one cut in two), so the
    block is the same whether or not the clean stage rejoined those halves.
    """
    count = 0
    for index, line in enumerate(lines):
        text = line.text
        if fm.SALUTATION.match(text) or shapes.starts_block(text) or "。" in text:
            break
        is_front = shapes.is_front_like(text)
        if not is_front and index + 1 < len(lines):
            is_front = len(text) <= 30 and bool(fm.TITLE_LINE.match(text + lines[index + 1].text))
        if not is_front and index > 0:
            is_front = shapes.is_front_like(lines[index - 1].text) and len(text) <= 30
        if not is_front:
            break
        count = index + 1
    return count


def parse_front(lines: list[LogicalLine]) -> FrontMatter:
    """Title, date and speaker lines as written; values extracted from them."""
    front = FrontMatter()
    for line in lines:
        text = line.text
        if fm.DATE_LINE.match(text) and not front.date_line:
            front.date_line = text
            found = fm.DATE_IN_LINE.search(text)
            if found:
                front.date = f"{int(found['y']):04d}-{int(found['m']):02d}-{int(found['d']):02d}"
        elif fm.SPEAKER_LINE.match(text) and not front.speaker_line:
            front.speaker_line = text
            found = fm.SPEAKER_LINE.match(text)
            front.speaker_role = found["role"].strip()
            front.speaker = re.sub(r"\s", "", found["name"])
        else:
            front.title_lines.append(text)
    front.title = front.title_lines[0] if front.title_lines else ""
    return front
