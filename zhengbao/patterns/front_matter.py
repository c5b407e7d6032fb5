"""Front matter: the title, date, speaker and salutation lines before a report's body."""

from __future__ import annotations

import re

# Title lines ("2017年广州市政府工作报告", "政府工作报告"), the date line that starts with a dash
# ("——2024年2月4日在广州市越秀区第十七届" + "人民代表大会第四次会议上", district report;
# "――2017年1月5日在…", 2017 report with U+2015), and the speaker line ("市长 温国辉").
TITLE_LINE = re.compile(r"^.{0,30}(政府工作报告|政府工作報告|工作报告|工作報告)$")
DATE_LINE = re.compile(r"^[—―\-－]{1,2}\s*.*\d{4}\s*年")
DATE_IN_LINE = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
DATE_LINE_END = re.compile(r"(会议上|會議上|上)$")
SPEAKER_LINE = re.compile(
    r"^(?P<role>.{0,16}?(市长|区长|省长|县长|州长|总理|主席|市長|區長|縣長|總理))[ \u3000]*"
    r"(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff \u3000]{1,6})$"
)
# The salutation that opens the body: "各位代表：".
SALUTATION = re.compile(r"^各位代表[：:！!，,]")
