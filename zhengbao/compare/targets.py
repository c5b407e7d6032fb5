"""Targets as data: each report's main targets for its year, found by their wording.

The list is the paragraph that opens "…主要预期目标是：" (or "预期目标是", "主要目标是", "主要预期目标为")
in a sentence that is neither a review nor a five-year plan (indicators.NOT_THIS_YEAR); it runs to
the end of its sentence and on through the next sentences of the paragraph that still state
targets, or, when the opening paragraph stops at its colon (2010, 2012 national), through the
paragraphs after it. An indicator the list leaves out may be stated on its own in the plan part:
the growth goal of the 1990s–2004 reports, the deficit ratio and M2 of the fiscal and monetary
policy (indicators.STANDALONE_TARGET). Section numbers are never used.

This module also re-exports the outcome and verdict functions (outcomes.py, verdicts.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Paragraph, Report
from .indicators import (
    CHANGE_TO,
    DEFICIT_SHARE,
    EXPLANATION,
    GOAL_GOES_ON,
    GOAL_TO_REACH,
    IN_STEP,
    INDICATOR_BY_KEY,
    LIST_GOES_ON,
    NOT_THIS_YEAR,
    PERIOD_TARGET,
    PLAN_FIRST_YEAR,
    PLAN_PARAGRAPH,
    POLICY_INDICATORS,
    POSITIVE_GROWTH,
    REASONING_CLAUSE,
    RESPECTIVELY,
    SECOND_SUBJECT,
    STANDALONE_INDICATORS,
    STANDALONE_NOT,
    STANDALONE_TARGET,
    TARGET_LABEL,
    TARGET_OPENER,
    TASK_FROM_ABOVE,
    THAN_LAST_YEAR,
    Indicator,
)
from .outcomes import extract_outcomes, named_years, review_flags
from .statements import Statement, clauses, find_names, make_statement, sentences
from .text import matching_text, original_slice
from .values import FULL_WIDTH, find_values
from .verdicts import (
    MET,
    MISSED,
    NO_LATER_REPORT,
    NO_OUTCOME,
    NOT_COMPARABLE,
    NOT_MENTIONED,
    NOT_SET,
    VERDICT_LABELS,
    Verdict,
    judge,
    verdict,
)

__all__ = ["MET", "MISSED", "NOT_COMPARABLE", "NOT_MENTIONED", "NOT_SET", "NO_OUTCOME", "NO_LATER_REPORT",
           "VERDICT_LABELS", "Statement", "Verdict", "extract_outcomes", "extract_targets", "judge",
           "target_paragraphs", "verdict"]

# Characters a list's clause may start with before its indicator ("全省地区生产总值", "今年…").
MAX_LEAD = 8
# Words of striving before a target's number, as written (simplified and traditional): its qualifier.
STRIVING = re.compile(r"力争|力爭|争取|爭取")
# A target kept as words ("回稳向好", "增长与经济增长同步") is short; a longer clause is a policy, not a target.
MAX_WORDS = 20


def _not_this_year(words: str) -> bool:
    """indicators.NOT_THIS_YEAR on words with full-width digits read ("到２０２５年", "今后５年")."""
    return NOT_THIS_YEAR.search(PLAN_FIRST_YEAR.sub("", words.translate(FULL_WIDTH))) is not None


def _opener(text: str) -> int | None:
    """Offset just after a this-year target opener in text (its end for a label), or None."""
    if TARGET_LABEL.match(text) and not _not_this_year(text):
        return len(text)
    for found in TARGET_OPENER.finditer(text):
        sentence_start = max(text.rfind(mark, 0, found.start()) for mark in "。！？!?") + 1
        lead = [part for part in re.split(r"[，,；;]", text[sentence_start:found.start()])
                if not REASONING_CLAUSE.match(part.strip())]
        if _not_this_year("，".join(lead)):
            continue
        return found.end()
    return None


def target_segments(report: Report) -> list[tuple[Paragraph, str, int, int]]:
    """(paragraph, its matching text, start, end) of the text that states the year's target list."""
    paragraphs = report.all_paragraphs()
    in_review = review_flags(report)
    for index, paragraph in enumerate(paragraphs):
        text = matching_text(report, paragraph.text)
        start = _opener(text)
        if start is None or in_review.get(paragraph.anchor, False):
            continue
        if _states_targets(text, start):
            return [(paragraph, text, start, _list_end(text, start))]
        following = []
        for later in paragraphs[index + 1:]:
            later_text = matching_text(report, later.text)
            if not later_text.strip():
                continue
            if EXPLANATION.match(later_text.strip()) or not _states_targets(later_text, 0):
                break  # "这里要着重说明，提出国内生产总值增长8％左右…" (2010) explains the list
            following.append((later, later_text, 0, _list_end(later_text, 0)))
        if following:
            return following
    return []


def _states_targets(text: str, start: int) -> bool:
    """Whether the text from `start` names an indicator near a clause start."""
    return any(_clause_subject(text, a, b) for a, b in clauses(text, start))


def _clause_subject(text: str, start: int, end: int) -> tuple[int, int, Indicator] | None:
    """The indicator a clause is about: a name within its first characters."""
    names = find_names(text, start, end)
    if names and names[0][0] - start <= MAX_LEAD:
        return names[0]
    return None


def _list_end(text: str, start: int) -> int:
    """The list runs to its sentence's end, then through following sentences that state targets.

    A sentence between them that states figures of the list without one of our indicators ("农村低保标准提高
    6%，提高居民基础养老金…。CPI涨幅2%左右，…", 2026 Jilin) does not end it; an explanation does.
    """
    end = len(text)
    for sentence_start, sentence_end in sentences(text):
        if sentence_end <= start:
            continue
        sentence = text[sentence_start:]
        if sentence_start > start:
            if EXPLANATION.match(sentence) and not LIST_GOES_ON.match(sentence):
                return end
            if not _states_targets(text[:sentence_end], sentence_start):
                if find_values(text, sentence_start, sentence_end):
                    continue
                return end
        end = sentence_end
    return end


def list_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of a list, a clause split at 、 where another indicator's target begins after a value:
    "城镇新增就业47万人以上、城镇调查失业率控制在5.5%以内" (2026 Xinjiang)."""
    out: list[tuple[int, int]] = []
    for clause_start, clause_end in clauses(text, start, end):
        piece_start = clause_start
        at = text.find("、", clause_start, clause_end)
        while at >= 0:
            if find_values(text, piece_start, at) and _clause_subject(text, at + 1, clause_end) is not None:
                out.append((piece_start, at))
                piece_start = at + 1
            at = text.find("、", at + 1, clause_end)
        out.append((piece_start, clause_end))
    return out


def _names_other_year(sentence: str, year: int) -> bool:
    """"到2020年…", "五年内…比一九八五年": a goal for another year than the report's. The report's own year in
    either script ("一九五九年的工农业总产值将比一九五八年…增长百分之四十", 1959) is not, nor the year before
    as the base of this year's growth (比一九五八年, like 比上年)."""
    plain = sentence.translate(FULL_WIDTH)
    return any(named != year and not (named == year - 1 and plain[max(0, at - 1):at] == "比")
               for at, named in named_years(sentence)) or "五年内" in sentence


def target_paragraphs(report: Report) -> list[Paragraph]:
    """The paragraphs that state the year's target list (empty when the report has none)."""
    return [paragraph for paragraph, _, _, _ in target_segments(report)]


def extract_targets(report: Report) -> list[Statement]:
    """Every main target a report states, in the order written; one per indicator."""
    out: dict[str, Statement] = {}
    for paragraph, text, start, end in target_segments(report):
        parts = list_clauses(text, start, end)
        for index, (clause_start, clause_end) in enumerate(parts):
            subject = _clause_subject(text, clause_start, clause_end)
            if subject is None or subject[2].key in out:
                continue
            each = _respectively(report, paragraph, text, clause_start, clause_end)
            if each:
                for statement in each:
                    out.setdefault(statement.indicator, statement)
                continue
            clause_end = _value_in_next_clause(text, parts, index, subject[2])
            statement = _target_in(report, paragraph, text, subject, clause_start, clause_end)
            if statement is not None:
                out[subject[2].key] = statement
    for statement in standalone_targets(report, set(out)):
        out.setdefault(statement.indicator, statement)
    return [_with_striving(statement) for statement in out.values()]


def _with_striving(statement: Statement) -> Statement:
    """A number the clause strives for ("一般公共预算收入力争增长5%", "力争粮食产量达到４５５０亿公斤以上", 1995) has
    力争 (or 争取, as written) in its qualifier, before the one written at the number: "力争", "力争…以上".
    Words after the number ("5%左右、力争更好结果") strive beyond the target and are not its qualifier."""
    at = statement.text.find(statement.value) if statement.value else -1
    found = STRIVING.search(statement.text, 0, at) if statement.low is not None and at >= 0 else None
    if found is None or found.group(0) in statement.qualifier:
        return statement
    return replace(statement, qualifier="…".join(part for part in (found.group(0), statement.qualifier) if part))


def _respectively(report: Report, paragraph: Paragraph, text: str, start: int, end: int) -> list[Statement]:
    """Targets of a clause that pairs several names with as many values by 分别: "规模以上工业增加值、固定资产投资
    分别增长6%、5%左右"; [] when the names and values do not pair one to one (then the clause is read as one)."""
    at = text.find(RESPECTIVELY, start, end)
    if at < 0:
        return []
    names = find_names(text, start, at)
    values = find_values(text, at, end)
    if len(names) < 2 or len(names) != len(values):
        return []
    pairs = list(zip(names, values, strict=True))
    if any(value.unit not in indicator.units for (_, _, indicator), value in pairs):
        return []
    clause = original_slice(paragraph.text, text, start, end).strip()
    return [make_statement("target", report, report.meta.year, indicator, value, clause, paragraph.anchor,
                           original_slice(paragraph.text, text, value.start, value.end))
            for (_, _, indicator), value in pairs]


def _value_in_next_clause(text: str, parts: list[tuple[int, int]], index: int, indicator: Indicator) -> int:
    """The clause's end, or the next clause's when the clause has no value and the next one, in the same
    sentence, naming no indicator and opening on a goal's verb (indicators.GOAL_GOES_ON), gives it:
    "确保物价上涨幅度比去年有明显回落，力争控制在百分之十五左右" (1995) — not "居民收入增长与经济增长同步，单位地区生产总值
    二氧化碳排放下降3.8%" (2026 Chongqing), whose next clause is another target."""
    end = parts[index][1]
    if any(v.unit in indicator.units for v in find_values(text, parts[index][0], end)) or index + 1 >= len(parts):
        return end
    next_start, next_end = parts[index + 1]
    if text[end:next_start].strip("，, ") or text[end - 1:end] in "。；;" \
            or _clause_subject(text, next_start, next_end) is not None \
            or not GOAL_GOES_ON.match(text, next_start, next_end):
        return end
    if any(v.unit in indicator.units for v in find_values(text, next_start, next_end)):
        return next_end
    return end


def _target_in(report: Report, paragraph: Paragraph, text: str, subject: tuple[int, int, Indicator],
               clause_start: int, clause_end: int) -> Statement | None:
    """The target a list clause states for its indicator: a value, or the words kept as written."""
    name_start, name_end, indicator = subject
    clause = original_slice(paragraph.text, text, clause_start, clause_end).strip()
    rest = text[name_end:clause_end]
    values = [v for v in find_values(text, name_end, clause_end) if v.unit in indicator.units]
    if values:
        value = values[-1] if indicator.key == "deficit" and CHANGE_TO.search(rest) else values[0]
        shown = original_slice(paragraph.text, text, value.start, value.end)
        return make_statement("target", report, report.meta.year, indicator, value, clause, paragraph.anchor, shown)
    if find_values(text, name_end, clause_end):
        return None  # a number in another unit: not this indicator's target
    # "居民收入和经济增长基本同步" (2017) relates the two: 和经济增长 stays in the words.
    shared = None if IN_STEP.search(rest) else SECOND_SUBJECT.match(text, name_end, clause_end)
    words = original_slice(paragraph.text, text, shared.end() if shared else name_end, clause_end).strip()
    if not words or len(words) > MAX_WORDS or PERIOD_TARGET.search(words):
        return None
    if POSITIVE_GROWTH in rest:
        qualifier = POSITIVE_GROWTH
    elif IN_STEP.search(rest):
        qualifier = "同步"
    else:
        if TASK_FROM_ABOVE.search(text, clause_start, name_start):
            words = original_slice(paragraph.text, text, clause_start, clause_end).strip()
        qualifier = words
    return make_statement("target", report, report.meta.year, indicator, None, clause, paragraph.anchor,
                          shown=words, qualifier=qualifier)


def standalone_targets(report: Report, found: set[str]) -> list[Statement]:
    """Targets stated in a sentence of their own outside the review (see the module's docstring)."""
    out: dict[str, Statement] = {}
    in_review = review_flags(report)
    for paragraph in report.all_paragraphs():
        if in_review.get(paragraph.anchor, False):
            continue
        text = matching_text(report, paragraph.text)
        plan_paragraph = PLAN_PARAGRAPH.match(text) is not None
        for sentence_start, sentence_end in sentences(text):
            if "deficit" not in found and "deficit" not in out:
                share = _deficit_share(report, paragraph, text, sentence_start, sentence_end)
                if share is not None:
                    out["deficit"] = share
            if STANDALONE_NOT.search(text, sentence_start, sentence_end) \
                    or _names_other_year(text[sentence_start:sentence_end], report.meta.year):
                continue
            sets_goal = plan_paragraph or STANDALONE_TARGET.search(text, sentence_start, sentence_end) is not None
            names = find_names(text, sentence_start, sentence_end)
            for index, (name_start, name_end, indicator) in enumerate(names):
                key = indicator.key
                if key in found or key in out or key not in STANDALONE_INDICATORS \
                        or not (sets_goal or key in POLICY_INDICATORS):
                    continue
                stop = names[index + 1][0] if index + 1 < len(names) else sentence_end
                statement = _standalone(report, paragraph, text, indicator, name_start, name_end, stop)
                if statement is not None:
                    out[key] = statement
    return list(out.values())


def _deficit_share(report: Report, paragraph: Paragraph, text: str, start: int, end: int) -> Statement | None:
    """The deficit ratio written as a share of GDP (indicators.DEFICIT_SHARE), its % in the same clause.

    Only the text up to that clause is read for period words: what the sentence says after it ("累计国债
    余额占国内生产总值比重20%左右", 2009) is about something else.
    """
    found = DEFICIT_SHARE.search(text, start, end)
    if found is None:
        return None
    clause_end = min([at for at in (text.find(mark, found.end(), end) for mark in "，,；;") if at >= 0] + [end])
    values = [v for v in find_values(text, found.end(), clause_end) if v.unit == "%"]
    if not values or STANDALONE_NOT.search(text, start, clause_end) or _not_this_year(text[start:found.start()]) \
            or _names_other_year(text[start:clause_end], report.meta.year) or "去年" in text[start:clause_end]:
        return None
    value = values[0]
    shown = original_slice(paragraph.text, text, value.start, value.end)
    clause = original_slice(paragraph.text, text, found.start(), value.end)
    return make_statement("target", report, report.meta.year, INDICATOR_BY_KEY["deficit"], value, clause,
                          paragraph.anchor, shown)


def _standalone(report: Report, paragraph: Paragraph, text: str, indicator: Indicator, name_start: int,
                name_end: int, stop: int) -> Statement | None:
    """The first value after the name (before the next name) in a sentence that sets this year's goal.

    After a change word the value is the new one: "赤字率从去年的2.1%提高到2.3%" (2015) → 2.3%.
    """
    search_from = name_end
    clause_stop = min([at for at in (text.find(mark, name_end, stop) for mark in "，,；;") if at >= 0] + [stop])
    change = CHANGE_TO.search(text, name_end, clause_stop)  # in the name's own clause (not "…，…达到…" after it)
    if change is not None and any(v.start >= change.end() for v in find_values(text, change.end(), clause_stop)):
        search_from = change.end()
    values = [v for v in find_values(text, search_from, stop) if v.unit in indicator.units]
    if not values:
        return None
    value = values[0]
    clause_start = max(text.rfind(mark, 0, name_start) for mark in "。！？!?；;，,") + 1
    gap = THAN_LAST_YEAR.sub("", text[search_from:value.start])
    lead = GOAL_TO_REACH.sub("", text[clause_start:value.start])
    if _not_this_year(lead) or "去年" in gap or "上年" in gap:
        return None
    shown = original_slice(paragraph.text, text, value.start, value.end)
    clause = original_slice(paragraph.text, text, clause_start, value.end).strip("，,；; ")
    return make_statement("target", report, report.meta.year, indicator, value, clause, paragraph.anchor, shown)


def indicator_label(key: str) -> str:
    """The label of an indicator key ("gdp" → "国内/地区生产总值")."""
    return INDICATOR_BY_KEY[key].label
