"""The numbering of official documents and the shape of unnumbered heading lines."""

from __future__ import annotations

import re

from . import characters as ch
from . import chrome as marks

CN_NUMERALS = "零一二三四五六七八九十百"


def chinese_numeral_value(label: str) -> int:
    """Value of a numeral label: 一 → 1, 十 → 10, 十二 → 12, 二十一 → 21, 一百零一 → 101, "3"/"３" → 3, ① → 1."""
    if len(label) == 1 and "①" <= label <= "⑳":
        return ord(label) - ord("①") + 1
    if label.isdecimal():
        return int(label)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    units = {"十": 10, "百": 100}
    total = current = 0
    for char in label:
        if char in digits:
            current = digits[char]
        elif char in units:
            total += (current or 1) * units[char]
            current = 0
    return total + current

# Level-1 section heading "一、2023年工作回顾" (all city reports, district report).
SECTION_HEADING = re.compile(rf"^(?P<label>[{CN_NUMERALS}]{{1,5}})、(?P<rest>.+)$")

# Subsection start "（一）全力以赴推动…" and the ASCII form "(二) 动能转换…" (2021 report),
# "(十)坚定不移…" (district report).
SUBSECTION_START = re.compile(rf"^[（(](?P<label>[{CN_NUMERALS}]{{1,3}})[）)]\s*(?P<rest>.*)$")

# Numbered section line of the 2023 summary: "1 堅持產業第一、制造業立市 加快構建現代化產業體系".
# A count with its measure word ("12 家", PDF spacing of case 02) is not such a line.
MEASURE_WORDS = "家个項项万萬亿億元户戶人所座条條件台次年月日名位倍米吨噸公里平方千百%％"
NUMBERED_SECTION = re.compile(rf"^(?P<label>\d{{1,2}})[ \u3000]+(?P<rest>[^\s{MEASURE_WORDS}].*)$")

# Annex start "附件：" / "附件" (district report), followed by its title "名词解释".
ANNEX_START = re.compile(r"^附\s*件[：:]?\s*(?P<rest>.*)$")
GLOSSARY_TITLE = re.compile(r"^(名词解释|名詞解釋)$")

# A short line without sentence-final punctuation and without a comma reads as a heading
# (conventions of other reports: unnumbered subsection headings). Longer ones are broken lines.
# An enumeration comma inside is a heading's ("今后五年建设和改革的目标、方针和任务", 1988 national),
# at either end it is a sentence's, and after a count it continues a sentence cut by a PDF line
# ("…“小巨人”企业" + "12 家、省级专精特新中小企业", case 02).
SHORT_HEADING_MAX_CHARS = 24
SHORT_HEADING_FORBIDDEN = re.compile(rf"[，,{marks.SENTENCE_MARKS}{marks.COLON_MARKS}]|^、|、$|^[0-9０-９].*、")

# An unnumbered heading never ends on a word that asks for more or an opening mark, and the line
# after it never starts with a mark that continues a sentence (patterns.chrome, the marks of a
# hyperlink break): such lines are a sentence cut around a link (Wikisource national reports:
# "今年是我国与" + "印度" + "建交…", "认真实施《" + "中国教育改革和发展纲要" + "》").
UNNUMBERED_HEADING_OPEN = re.compile(rf"[与和及或的同对在把将向为{marks.OPENING_MARKS}]$")

# A figure with its unit or a percentage opening a line ("6.5%，其中…", "180 家，…", "15 亿元以上项目", "１２家",
# "30多个"): the rest of a sentence cut by a PDF line after the words it counts ("全年居民人均可支配收入增长" +
# "6.5%…", case 02). The reports hardly open a sentence, and never a heading, on an Arabic figure with its unit
# (3 lines of content/ do, each after a finished sentence, where nothing is joined); a date does ("2023年，…",
# "3月，…"), so 年 / 月 / 日 are no unit here, nor a word that opens on a unit's character (chrome.NOT_A_COUNT).
FIGURE_UNITS = ("%％‰个家项万亿元户人所座条件台次名位倍米吨千百处场批支种类栋间张辆艘架套"
                "只头亩公斤克升度岁期届轮周天例宗笔份部株棵匹")
_NOT_A_COUNT = marks.NOT_A_COUNT.pattern.lstrip("^")
FIGURE_START = re.compile(rf"^[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(?:多|余)?\s*(?!{_NOT_A_COUNT})[{FIGURE_UNITS}]")

# The line after an unnumbered heading never continues a sentence: it opens on a closing mark or on a figure.
CONTINUATION_START = re.compile(rf"{marks.CLOSING_AT_START.pattern}|{FIGURE_START.pattern}")

# A trailing block of at least this many lines without "。" after the last section is a
# summary's infographic labels (2023 summary, after section 10).
TAIL_MIN_LINES = 3

# The ranks of official documents' numbering, highest first (GB/T 9704 and the reports'
# practice: 一、 → （一） → 1. → （1） → ①; older national reports use 第一部分, a bare 一 on its
# own line (1960 national report), the summary's "1 …"). The highest rank a text uses is its
# level 1, the next one its level 2; lower ranks are paragraphs of their subsection, never sections.
RANK_PART, RANK_SECTION, RANK_SUBSECTION, RANK_ITEM, RANK_PAREN_ITEM, RANK_CIRCLED = range(6)

# "第一部分 …", "第三章 …", "第二篇" (chaptered reports and plans).
PART_HEADING = re.compile(rf"^第(?P<label>[{CN_NUMERALS}]{{1,3}})(部分|章|篇)[ \u3000：:]*(?P<rest>.*)$")

# The space between a 第一部分 / 第三章 number and its title is the heading's only separator (no 、 or bracket
# ends the number): "第一部分　2025年工作回顾" is shown as written, never "第一部分2025年工作回顾" (provincial
# portal pages set an ideographic space there). Its number, the space as written, its title.
PART_NUMBER_SPACE = re.compile(
    rf"^(?P<number>第[{CN_NUMERALS}]{{1,3}}(?:部分|章|篇))(?P<space>{ch.ANY_SPACE}+)(?P<rest>\S.*)$")

# A numeral alone on its line, the heading's number without words (1960 national report: "一", "二").
BARE_NUMERAL = re.compile(rf"^(?P<label>[{CN_NUMERALS}]{{1,3}})$")

# Third level "1.推动制造业高质量发展", "2．…", "3、…" (case 05; 2026 Zhejiang and Inner Mongolia);
# never a decimal ("1.5万亿元").
ARABIC_ITEM = re.compile(r"^(?P<label>[0-9０-９]{1,2})[.．、](?![0-9０-９])\s*(?P<rest>\S.*)$")

# Fourth level "（1）扩大有效投资" and fifth "①强化项目储备" (case 05; 1958 national report). "1）实施技术改造" with the
# closing bracket only is the same fourth level written another way (docs/text-decisions.md): between 1. and ①.
PAREN_ARABIC_ITEM = re.compile(r"^[（(]?(?P<label>[0-9０-９]{1,2})[)）]\s*(?P<rest>.*)$")
CIRCLED_ITEM = re.compile(r"^(?P<label>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*(?P<rest>.*)$")

# An enumerator alone on its line, the first words of the paragraph after it (Wikisource list
# markup: 1994 national "一是" + "依法打击…", 1955 national "一、" + "我国人民已经推翻了…").
LONE_ENUMERATOR = re.compile(
    rf"^([{CN_NUMERALS}]{{1,3}}[是要来]|[{CN_NUMERALS}]{{1,3}}、|第[{CN_NUMERALS}]{{1,3}}[，、,]?|[（(][{CN_NUMERALS}]{{1,3}}[)）])$"
)

# A heading line ends on a word, never on a mark that leaves the sentence open (2024 district
# report: "（六）坚定不移提升城市规划建设管理水平，" continues on the next line).
OPEN_END = re.compile(rf"[{marks.COMMA_MARKS}{marks.OPENING_MARKS}—-]$")

# Longest numbered heading line read as a heading of its own (2004 national:
# "（一）采取果断措施，集中力量抗击非典" has 18; 1958 national: "（五）充分依靠和发挥群众的积极性和创造性，
# 完成和超额完成一九五八年度的国民经济计划" has 43; 1980 national: "第四，在试点的基础上，加快经济管理体制改革的
# 进程，发挥优势，保护竞争，推动联合，调动各方面的积极性" has 49, its "第一，…" 57). PDF lines of the seeds and of the cases
# are at most about 40 wide, so a longer line is never a PDF line cut at its end.
NUMBERED_HEADING_MAX_CHARS = 60

# The end of a numbered heading cut by extraction, on the next line before its full stop
# (2024 district report: "市功能品质。" after "（六）坚定不移提升城市规划建设管理水平，持续优化城"):
# at most this many characters, after a cut line of at least that many.
HEADING_END_MAX_CHARS = 8
HEADING_CUT_MIN_CHARS = 20
# A heading set in a larger font wraps earlier than the body ("（一）深入落实城市总体规划，推动京津冀" +
# "协同发展走深走实", 19 characters on the first line): a wrapped heading's first line has at least this many.
HEADING_WRAP_MIN_CHARS = 15

# A numbered heading run into its paragraph with no mark between (1987 national: "三、深入改革经济体制和扩大
# 对外开放国民经济的长期稳定发展，…") holds at least this many characters of words, and is never cut beside a
# mark or a space (structure.split_run_in).
RUN_IN_HEADING_MIN_CHARS = 4
RUN_IN_CUT_FORBIDDEN = re.compile(r"[^\w]")

# A numbered line that ends on a comma or semicolon is an item of a list, never a heading (1988
# national: "一、…以利于促进生产的发展；" … "五、…依法惩处。" inside a paragraph run; 1981 national:
# "一、节约能源，节约原材料，降低消耗，降低生产成本；" inside 四、).
LIST_ITEM_END = re.compile(rf"[{marks.COMMA_MARKS}；;]$")

# A closing heading standing alone after the last section (national reports 1982–2001: "结束语"
# after 十、 or after the unnumbered parts): a level-1 heading of its own, never a subsection.
CLOSING_HEADING = re.compile(r"^(结束语|結束語|结语|結語|结束话|结尾)$")

# An unnumbered heading starts with a word, a quote or a bracket, never with a symbol: "＠①原字石右加安"
# (1956 national: Wikisource's note on a character it cannot show) is no heading.
UNNUMBERED_HEADING_START = re.compile(r"^[\u4e00-\u9fff“‘《（(〈「『A-Za-z0-9０-９]")

# A numbered heading wrapped by extraction onto a short second line ("一、坚定不移推进经济运行整体好转
# 和" is cut mid-phrase; "…高质量发展" alone on the next line): the wrap is at most this many characters,
# after a heading line of at least HEADING_WRAP_MIN_CHARS, on the next source line or the one after.
HEADING_WRAP_MAX_CHARS = 12
HEADING_WRAP_MAX_GAP = 2

# The forms that number sections and subsections (the highest ranks): a wrapped heading is joined
# only for these.
HEADING_RANKS = frozenset({RANK_PART, RANK_SECTION, RANK_SUBSECTION})

# An ordinal word numbering a heading line: "第一、关于基本建设" (1958 national, inside （三）), "第四、积极稳妥地
# 加快经济体制改革的进程" (1982 national, inside an unnumbered part). Only a heading line counts (short,
# no sentence in it): "第一，企业与国家的分配关系用法令的形式固定下来，…；" is a sentence of a list.
RANK_ORDINAL = 6
ORDINAL_HEADING = re.compile(rf"^第(?P<label>[{CN_NUMERALS}]{{1,3}})[、，,]\s*(?P<rest>\S.*)$")

# The forms that may number level 1 or level 2; the lower ones (in their order) number headings of
# levels 3–5 inside a subsection, and never a section or a subsection under a higher form.
UPPER_RANKS = frozenset({RANK_PART, RANK_SECTION, RANK_SUBSECTION, RANK_ORDINAL})
LOWER_RANKS = (RANK_ORDINAL, RANK_ITEM, RANK_PAREN_ITEM, RANK_CIRCLED)


def lower_ranks(sub_rank: int | None) -> tuple[int, ...]:
    """The forms that number headings below the subsection, in their order: LOWER_RANKS, after the
    upper forms below the text's subsection form (第一部分 > 一、 > （一）: （一） heads level 3)."""
    upper = tuple(r for r in (RANK_SECTION, RANK_SUBSECTION) if sub_rank is not None and r > sub_rank)
    return upper + LOWER_RANKS

# A text that indents its paragraphs and not its headings (Wikisource copies: "　　" before each
# paragraph; an unindented line before an indented paragraph is a heading, an indented line never is):
# at least INDENTED_MIN_LINES finished paragraph lines, INDENTED_MIN_SHARE of them indented. The national
# copies of 1955–1992 and 2009–2013 indent 79–100 % of them (1979 and 1988 hold a block set without
# indents); 1986 (73 %) and 1993–2001 (29–53 %, some paragraphs only) give no such evidence, nor do
# portal pages, PDF extractions and the seeds (none).
INDENTED_MIN_SHARE = 0.75
INDENTED_MIN_LINES = 10
