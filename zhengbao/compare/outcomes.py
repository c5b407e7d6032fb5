"""Outcomes: the figures a report's review states for the year before, never multi-year ones.

The review is the part under a heading that says so (indicators.REVIEW.heading); a report without
one is reviewed in what precedes its target list. Each sentence is dated by its opening words:
"过去一年…", "2017年，…", "刚刚过去的2017年…" are about the year before; "过去五年…", "“十三五”时期…",
"五年来…" are not, and a sentence without such words continues the one before it (a review
headed by five years starts undated-as-multi-year). Within a dated sentence a figure counts when
it follows the indicator's name with no multi-year word (年均, 累计, 五年…), no share (占, 比重)
and, for a growth rate, a change word (增长, 上涨, 下降…) in between.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Paragraph, Report
from .indicators import (
    INDICATORS,
    REVIEW,
    TARGET_LABEL,
    TARGET_OPENER,
    Indicator,
)
from .statements import Statement, find_names, make_statement, sentences
from .text import matching_text, original_slice
from .values import FULL_WIDTH, Value, find_values, negative

# A figure further than this many characters after its indicator's name is about something else.
MAX_GAP = 24
LIST_DASHES = ("—", "－", "-", "―")
# A year as written: "2017年", "１９９２年" (read as ASCII first), "一九五九年", "一九八○年" (1980s copies write the
# zero as a circle ○).
YEAR_IN_TEXT = re.compile(r"(?<![0-9])(?:1[89]|20)\d\d年|一九[一二三四五六七八九〇零○]{2}年")
_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "00012345678" + "9")


def named_years(text: str) -> list[tuple[int, int]]:
    """(offset, year) of every year text names, in either script of numbers: "一九五九年" → 1959."""
    return [(found.start(), int(found.group(0)[:-1].translate(_YEAR_DIGITS)))
            for found in YEAR_IN_TEXT.finditer(text.translate(FULL_WIDTH))]


def review_flags(report: Report) -> dict[str, bool]:
    """Paragraph anchor → whether it is in a section (or subsection) headed as a review."""
    flags = {}
    for section, sub, paragraph in report.paragraphs_in_context():
        flags[paragraph.anchor] = any(
            part is not None and part.role == "body" and REVIEW.heading.search(part.heading) for part in (section, sub))
    return flags


def _review_heading(section, sub) -> str | None:
    for part in (sub, section):
        if part is not None and part.role == "body" and REVIEW.heading.search(part.heading):
            return part.heading
    return None


def dated_sentences(report: Report) -> list[tuple[Paragraph, str, int, int]]:
    """(paragraph, matching text, start, end) of every review sentence about the year before.

    The date carries on: from sentence to sentence within a paragraph, and from a paragraph whose
    first sentence dates it to the paragraphs after it in the same level-1 section (subsections
    included: "各位代表，2016年是本届政府收官之年" opens the 2016 account of the 2017 Guangzhou
    review); a later sentence opening on several years carries too ("2025年是“十四五”收官之年。五年来，…"
    opens the five-year account of the 2026 Shandong review). A paragraph led by a dash ("——经济跨上新台阶。
    2007年，…", 2008 national) is an item of a list and dates only itself.
    """
    previous = report.meta.year - 1
    context = report.paragraphs_in_context()
    has_heading = any(_review_heading(section, sub) for section, sub, _ in context)
    out = []
    last_section, section_about_year = None, True
    for section, sub, paragraph in context:
        heading = _review_heading(section, sub)
        text = matching_text(report, paragraph.text)
        if not has_heading:
            if TARGET_OPENER.search(text) or TARGET_LABEL.search(text):
                break
            heading, section_about_year = "", False  # without a review heading, undated until a sentence dates it
        if heading is None:
            continue
        if has_heading and id(section) != last_section:
            last_section = id(section)
            section_about_year = not (REVIEW.multi_year_heading.search(heading) and not _names_year(heading, previous))
        about_year = section_about_year
        for index, (start, end) in enumerate(sentences(text)):
            opening = _opening(text[start:end])
            dated, years = None, False
            if _names_year(opening, previous) or REVIEW.year_opening.match(opening):
                dated = True
            elif (several := REVIEW.multi_year_opening.search(opening)) is not None:
                # only a sentence that opens on it speaks for the paragraphs after ("五年来，…", not "…五年提升行动")
                dated, years = False, not opening[:several.start()].strip("各位代表！!，, ")
            elif _names_other_year(opening, previous):
                dated = False
            if dated is not None:
                about_year = dated
                if has_heading and not text.lstrip().startswith(LIST_DASHES) and (index == 0 or years):
                    section_about_year = dated
            if about_year:
                out.append((paragraph, text, start, end))
    return out


def _opening(sentence: str) -> str:
    """The words that date a sentence: its first REVIEW.opening_chars characters after a dash, a quote
    and a speaker's framing clause (REVIEW.framing), full-width digits read."""
    words = sentence.lstrip("—－- 　“")
    framing = REVIEW.framing.match(words)
    return words[framing.end() if framing else 0:].translate(FULL_WIDTH)[:REVIEW.opening_chars]


def _names_year(text: str, year: int) -> bool:
    return any(named == year for _, named in named_years(text)) or "一年" in text or "去年" in text


def _names_other_year(text: str, year: int) -> bool:
    return any(named != year for _, named in named_years(text))


def extract_outcomes(report: Report) -> list[Statement]:
    """The year-before outcomes a report's review states: the first figure per indicator."""
    out: dict[str, Statement] = {}
    for paragraph, text, start, end in dated_sentences(report):
        names = find_names(text, start, end, in_targets=False)
        for index, (name_start, name_end, indicator) in enumerate(names):
            if indicator.key in out:
                continue
            stop = names[index + 1][0] if index + 1 < len(names) else end
            value = _figure(text, start, name_start, name_end, stop, indicator)
            if value is None:
                continue
            # "涨幅控制在2.6%" (2014 national review): in a result 控制在 is the verb, the figure is 2.6%.
            start = value.start + len(value.before) if value.before == "控制在" else value.start
            shown = original_slice(paragraph.text, text, start, value.end)
            clause = original_slice(paragraph.text, text, name_start, value.end)
            statement = make_statement("outcome", report, report.meta.year - 1, indicator, value, clause,
                                       paragraph.anchor, shown)
            out[indicator.key] = _without_qualifier(statement)
    order = [indicator.key for indicator in INDICATORS]
    return sorted(out.values(), key=lambda s: order.index(s.indicator))


def _figure(text: str, sentence_start: int, name_start: int, name_end: int, stop: int,
            indicator: Indicator) -> Value | None:
    """The indicator's figure after its name, or None (see the module's docstring for the rules)."""
    clause_start = max([text.rfind(mark, sentence_start, name_start) for mark in "，,；;：:"] + [sentence_start - 1]) + 1
    lead = text[clause_start:name_start]
    if REVIEW.multi_year_words.search(lead) or REVIEW.goal_words.search(lead):
        return None  # "累计新增城镇就业5870万人" (2013 national), "年初确定的…目标" (2007)
    for value in find_values(text, name_end, min(stop, name_end + MAX_GAP)):
        gap = text[name_end:value.start]
        if REVIEW.multi_year_words.search(gap) or REVIEW.other_base_year.search(gap) or REVIEW.not_outcome.search(gap) \
                or REVIEW.from_to.search(gap):
            return None
        if value.unit not in indicator.outcome_units:
            continue  # a level ("达到67.7万亿元") before the rate
        if indicator.rate and value.unit == "%" and not REVIEW.rate_words.search(text[name_start:value.start]):
            continue
        if not indicator.rate and REVIEW.level_change.search(gap):
            return None
        if REVIEW.goal_words.match(text, value.end) or text.startswith("的目标", value.end):
            return None
        if ("从" in gap or "由" in gap) and REVIEW.starting_point.match(text, value.end):
            continue  # "从上半年5.5%降到5.3%": the figure it fell to is the year's
        after = text[value.end:value.end + 3]
        if after.startswith(("的", "和", "、")) and "分别" in gap:
            return None  # "分别增长8.4％和11.4％": two figures, neither the indicator's own
        fall = REVIEW.fall_word.search(gap)
        if indicator.rate and not indicator.falling and fall:
            return negative(value, text, fall.start() + name_end)
        return value
    return None


def _without_qualifier(statement: Statement) -> Statement:
    """An outcome is a figure: its words (超过, 左右) stay in `value`, its qualifier is empty."""
    return replace(statement, qualifier="")
