"""Knowledge about how the reports are written, in one place.

Each pattern names the report it was learned from; README.md ("Text conventions") documents them.
"""

from __future__ import annotations

import re

CN_NUMERALS = "零一二三四五六七八九十百"

# Sentence-final punctuation: a line ending with one of these (optionally followed by a closing
# quote or bracket) finishes its paragraph. A line ending otherwise was cut by PDF extraction
# (2021 report: "…提升到第 4、" + "第5位。"; district report: "…增至24.3" + "万户、…").
SENTENCE_END = re.compile(r"[。！？：；!?;:…][”’」』）)]*$")

# Level-1 section heading "一、2023年工作回顾" (all city reports, district report).
SECTION_HEADING = re.compile(rf"^(?P<label>[{CN_NUMERALS}]{{1,5}})、(?P<rest>.+)$")

# Subsection start "（一）全力以赴推动…" and the ASCII form "(二) 动能转换…" (2021 report),
# "(十)坚定不移…" (district report).
SUBSECTION_START = re.compile(rf"^[（(](?P<label>[{CN_NUMERALS}]{{1,3}})[）)]\s*(?P<rest>.*)$")

# Numbered section line of the 2023 summary: "1 堅持產業第一、制造業立市 加快構建現代化產業體系".
NUMBERED_SECTION = re.compile(r"^(?P<label>\d{1,2})[ \u3000]+(?P<rest>\S.*)$")

# Markdown-ish heading marks (2021 report: "#", "##", "###" used inconsistently).
MARKDOWN_HEADING_MARK = re.compile(r"^#{1,6}\s*")

# Annex start "附件：" / "附件" (district report), followed by its title "名词解释".
ANNEX_START = re.compile(r"^附\s*件[：:]?\s*(?P<rest>.*)$")
GLOSSARY_TITLE = re.compile(r"^(名词解释|名詞解釋)$")

# Front matter. Title lines ("2017年广州市政府工作报告", "政府工作报告"), the date line that starts
# with a dash ("——2024年2月4日在广州市越秀区第十七届" + "人民代表大会第四次会议上", district
# report; "――2017年1月5日在…", 2017 report with U+2015), and the speaker line ("市长 温国辉").
TITLE_LINE = re.compile(r"^.{0,30}(政府工作报告|政府工作報告|工作报告|工作報告)$")
DATE_LINE = re.compile(r"^[—―\-－]{1,2}\s*.*\d{4}\s*年")
DATE_IN_LINE = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
DATE_LINE_END = re.compile(r"(会议上|會議上|上)$")
SPEAKER_LINE = re.compile(
    r"^(?P<role>.{0,16}?(市长|区长|省长|县长|州长|总理|主席|市長|區長|縣長|總理))[ \u3000]*"
    r"(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff \u3000]{1,6})$"
)
SALUTATION = re.compile(r"^各位代表[：:！!，,]")

# Pinyin annotations after characters in the 2023 traditional summary: "現(xiàn)", "產(chǎn)".
# Only a parenthesis right after a Han character holding one syllable with a tone mark counts,
# so genuine parenthesised text ("(AR)", "（广州）") stays.
PINYIN_ANNOTATION = re.compile(
    r"(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]"
)

# Characters that carry no text: zero-width spaces and joiners, BOM, soft hyphen, word joiner.
INVISIBLE_CHARACTERS = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

# Whitespace of any width: ASCII, tab, no-break space, ideographic space (U+3000) and the like.
ANY_SPACE = "[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"

# CJK characters and full-width punctuation: spaces beside them are layout, not text.
CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2014\u2015\u2018\u2019\u201c\u201d\u2026"
SPACE_BESIDE_CJK = re.compile(
    rf"(?<=[{CJK}]){ANY_SPACE}+|{ANY_SPACE}+(?=[{CJK}])"
)

# A short line without sentence-final punctuation and without a comma reads as a heading
# (conventions of other reports: unnumbered subsection headings). Longer ones are broken lines.
SHORT_HEADING_MAX_CHARS = 24
SHORT_HEADING_FORBIDDEN = re.compile(r"[，,、；;。！？!?：:]")

# A trailing block of at least this many lines without "。" after the last section is a
# summary's infographic labels (2023 summary, after section 10).
TAIL_MIN_LINES = 3
