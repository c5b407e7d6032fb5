"""Numbers as the reports write them: "7%左右", "6.5%－7%", "８％", "4.0%左右", "百分之八至九".

A `Value` keeps the characters exactly as written (`text`, a slice of the clause) and reads the
number: full-width digits and points (１４．８％, 1993–1997 reports) read as ASCII, a range
(6.5%－7%, 5%—5.5%, 6.5~7%, 7%至7.5%) as low–high, Chinese numerals after 百分之 (百分之八至九,
1995) as numbers. Units are given in one spelling (％ → %), with the factor that makes 1.3万亿斤
and 13000亿斤 comparable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..patterns.characters import fullwidth_to_ascii

# Full-width digits, point and percent (1990s national reports, 2010 and 2012 national reports).
# "14·1％" (1999 national) writes the decimal point as a middle dot; "33，212万吨" (1980) groups thousands.
FULL_WIDTH = str.maketrans({char: fullwidth_to_ascii(char) for char in "０１２３４５６７８９．％～－"} | {"·": ".", "・": "."})
DIGITS = "0-9０-９"
NUMBER = rf"[{DIGITS}]{{1,3}}(?:[,，][{DIGITS}]{{3}})+(?![{DIGITS}])|[{DIGITS}]+(?:[.．·・][{DIGITS}]+)?"
# Range marks between two numbers: 6.5%－7% (2016 national), 6%－6.5% (2019), 5%—5.5% (2026 Anhui),
# 4.5%—5% (2026 Shanxi), 6.5~7%, 7%至7.5%, 百分之八至九 (1995 national); the other dashes a typesetter or a
# PDF extraction gives (― horizontal bar, ‒ figure dash, − minus sign, ﹣ small hyphen) read the same.
RANGE_MARKS = "－—–―‒−﹣\\-~～〜至到"
# A space a PDF extraction leaves between a number and its unit ("６.５ ％", "3 %"): the value keeps it.
UNIT_GAP = "[ \u3000]?"
# Units as written → (unit as stored, factor to the unit's base). 万亿斤 = 10000 亿斤 (2022 national
# grain target 1.3万亿斤); 万吨 (2026 Fujian, Qinghai); 亿元/万亿元 (levels in reviews); 人 (a district's
# "城镇新增就业5000人", compared in 万人).
UNITS = {
    "%": ("%", 1.0), "％": ("%", 1.0), "个百分点": ("个百分点", 1.0),
    "万人次": ("万人次", 1.0), "万人": ("万人", 1.0), "万": ("万人", 1.0), "人": ("万人", 0.0001),
    "万亿元": ("亿元", 10000.0), "亿元": ("亿元", 1.0),
    "万亿斤": ("亿斤", 10000.0), "亿斤": ("亿斤", 1.0), "亿公斤": ("亿斤", 2.0),
    "万吨": ("万吨", 1.0), "亿吨": ("万吨", 10000.0),
}
UNIT = "|".join(sorted((re.escape(unit) for unit in UNITS), key=len, reverse=True))
# Qualifiers as written before a number: "不低于5%" (2024 Guangzhou), "不低于900万人" (2007 national),
# "低于4.6%" (2013), "控制在4.6%以内" (2010), "力争…". After it: 左右, 以上, 以内, 以下.
QUALIFIERS_BEFORE = ("不低于", "不少于", "不高于", "不超过", "低于", "高于", "超过", "控制在", "力争", "约")
QUALIFIERS_AFTER = ("左右", "以上", "以内", "以下", "上下")
_BEFORE = "|".join(QUALIFIERS_BEFORE)
_AFTER = "|".join(QUALIFIERS_AFTER)
VALUE = re.compile(
    rf"(?P<before>{_BEFORE})?(?P<low>{NUMBER})(?:{UNIT_GAP}(?P<low_unit>{UNIT})?\s*[{RANGE_MARKS}]\s*(?P<high>{NUMBER}))?"
    rf"{UNIT_GAP}(?P<unit>{UNIT})(?P<after>{_AFTER})?")
# Chinese numerals: "百分之八至九" (1995 national), "百分之七点九" (1993), "百分之十一以上"; a dash between
# them is a range too ("百分之八—九").
CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
                  "九": 9}
_CN = "零〇一二两三四五六七八九十点"
CHINESE_PERCENT = re.compile(
    rf"(?P<before>{_BEFORE})?百分之(?P<low>[{_CN}]+)(?:[{RANGE_MARKS}](?:百分之)?(?P<high>[{_CN}]+))?(?P<after>{_AFTER})?")


@dataclass(frozen=True)
class Value:
    """A number as written in a clause: `text` is clause[start:end], exactly."""

    text: str
    start: int
    end: int
    low: float
    high: float  # == low for a single number
    unit: str  # one spelling: "%", "万人", "亿元", "亿斤", "万吨", "个百分点"
    factor: float  # multiply low/high by it to compare in the unit's base (万亿斤 → 亿斤)
    before: str  # qualifier before the number as written ("" if none)
    after: str  # qualifier after it ("" if none)

    @property
    def is_range(self) -> bool:
        return self.high != self.low

    @property
    def qualifier(self) -> str:
        """"控制在…左右" when both sides are written, else the one written, else ""."""
        return "…".join(part for part in (self.before, self.after) if part)


def to_number(text: str) -> float:
    """"4.0" → 4.0, "１４．８" → 14.8, "14·1" → 14.1, "33，212" → 33212 (as ASCII digits)."""
    return float(text.translate(FULL_WIDTH).replace(",", "").replace("，", ""))


def chinese_number(text: str) -> float:
    """"八" → 8, "十一" → 11, "二十五" → 25, "七点九" → 7.9 (numbers below a hundred, as 百分之 writes them).

    Raises ValueError for a string that is not such a numeral.
    """
    whole, _, decimals = text.partition("点")
    if not whole or any(char not in CHINESE_DIGITS and char != "十" for char in whole):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if "十" in whole:
        tens, _, ones = whole.partition("十")
        value = (CHINESE_DIGITS[tens] if tens else 1) * 10 + (CHINESE_DIGITS[ones] if ones else 0)
    else:
        value = CHINESE_DIGITS[whole] if len(whole) == 1 else int("".join(str(CHINESE_DIGITS[c]) for c in whole))
    if decimals:
        value = float(f"{value}." + "".join(str(CHINESE_DIGITS[c]) for c in decimals))
    return float(value)


def find_values(text: str, start: int = 0, end: int | None = None) -> list[Value]:
    """Every number with a unit in text[start:end], in order (Arabic and 百分之 forms)."""
    end = len(text) if end is None else end
    found: list[Value] = []
    for match in VALUE.finditer(text, start, end):
        if match["low_unit"] and UNITS[match["low_unit"]][0] != UNITS[match["unit"]][0]:
            continue  # "5%－10万人" is not a range
        unit, factor = UNITS[match["unit"]]
        low = to_number(match["low"])
        high = to_number(match["high"]) if match["high"] else low
        if high < low:
            continue  # "2020-2025" style spans are years, not ranges
        found.append(Value(match.group(0), match.start(), match.end(), low, high, unit, factor,
                           match["before"] or "", match["after"] or ""))
    for match in CHINESE_PERCENT.finditer(text, start, end):
        try:
            low = chinese_number(match["low"])
            high = chinese_number(match["high"]) if match["high"] else low
        except ValueError:
            continue
        found.append(Value(match.group(0), match.start(), match.end(), low, high, "%", 1.0,
                           match["before"] or "", match["after"] or ""))
    found.sort(key=lambda value: value.start)
    return found


def negative(value: Value, text: str, word_start: int) -> Value:
    """A fall written as a word before its number ("下降3.3%"): the number negated, the word kept in `text`."""
    return Value(text[word_start:value.end], word_start, value.end, -value.high, -value.low, value.unit, value.factor,
                 value.before, value.after)


def format_number(number: float) -> str:
    """6.5 → "6.5", 7.0 → "7" (for rules and chart labels; values keep their written form)."""
    return f"{number:g}"
