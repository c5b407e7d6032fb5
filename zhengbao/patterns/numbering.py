"""The numbering of official documents and the shape of unnumbered heading lines."""

from __future__ import annotations

import re

CN_NUMERALS = "零一二三四五六七八九十百"

# Level-1 section heading "一、2023年工作回顾" (all city reports, district report).
SECTION_HEADING = re.compile(rf"^(?P<label>[{CN_NUMERALS}]{{1,5}})、(?P<rest>.+)$")

# Subsection start "（一）全力以赴推动…" and the ASCII form "(二) 动能转换…" (2021 report),
# "(十)坚定不移…" (district report).
SUBSECTION_START = re.compile(rf"^[（(](?P<label>[{CN_NUMERALS}]{{1,3}})[）)]\s*(?P<rest>.*)$")

# Numbered section line of the 2023 summary: "1 堅持產業第一、制造業立市 加快構建現代化產業體系".
NUMBERED_SECTION = re.compile(r"^(?P<label>\d{1,2})[ \u3000]+(?P<rest>\S.*)$")

# Annex start "附件：" / "附件" (district report), followed by its title "名词解释".
ANNEX_START = re.compile(r"^附\s*件[：:]?\s*(?P<rest>.*)$")
GLOSSARY_TITLE = re.compile(r"^(名词解释|名詞解釋)$")

# A short line without sentence-final punctuation and without a comma reads as a heading
# (conventions of other reports: unnumbered subsection headings). Longer ones are broken lines.
SHORT_HEADING_MAX_CHARS = 24
SHORT_HEADING_FORBIDDEN = re.compile(r"[，,、；;。！？!?：:]")

# A trailing block of at least this many lines without "。" after the last section is a
# summary's infographic labels (2023 summary, after section 10).
TAIL_MIN_LINES = 3
