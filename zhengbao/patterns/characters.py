"""Characters: sentence ends (and footnote references after them), note lines, spaces, invisible
characters, pinyin hints, Markdown heading marks, full-width ASCII."""

from __future__ import annotations

import re

# Sentence-final punctuation: a line ending with one of these (optionally followed by a closing
# quote or bracket) finishes its paragraph. A line ending otherwise was cut by PDF extraction
# (2021 report: "…提升到第 4、" + "第5位。"; district report: "…增至24.3" + "万户、…").
# A footnote reference may follow the sentence end: "…１２．５亿元。（⑵⑶）" (1956 national, Wikisource),
# "…。[1]" (Wikisource references).
FOOTNOTE_REFERENCE = r"([（(]?[⑴-⒇①-⑳]+[）)]?|[［\[][0-9０-９]{1,3}[］\]])"
SENTENCE_END = re.compile(rf"[。！？：；!?;:…][”’」』）)]*{FOOTNOTE_REFERENCE}?$")

# A note under the text, never a heading: the Wikisource annotation of a character missing from the
# font ("＠①原字石右加安" under "字库未存字注释：", 1956 national), a numbered reference ("[1]…", "［2］…"),
# a line of a wiki page's list of references, which starts with its back-link "↑" or "^".
NOTE_LINE = re.compile(r"^([＠@][⑴-⒇①-⑳0-9０-９]|[［\[][0-9０-９]{1,3}[］\]]|[↑^]\s*\S)")

# Markdown-ish heading marks (2021 report: "#", "##", "###" used inconsistently).
MARKDOWN_HEADING_MARK = re.compile(r"^#{1,6}\s*")

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


# Full-width ASCII (U+FF01…U+FF5E), as Chinese input methods and 1990s reports type it (３万亿, １４．８％),
# is ASCII (U+0021…U+007E) shifted by 0xFEE0 (Unicode's Halfwidth and Fullwidth Forms block).
FULLWIDTH_FIRST, FULLWIDTH_LAST, FULLWIDTH_OFFSET = 0xFF01, 0xFF5E, 0xFEE0


def fullwidth_to_ascii(char: str) -> str:
    """Full-width ASCII to ASCII (`"８"` → `"8"`, `"％"` → `"%"`); every other character as it is."""
    code = ord(char)
    return chr(code - FULLWIDTH_OFFSET) if FULLWIDTH_FIRST <= code <= FULLWIDTH_LAST else char
