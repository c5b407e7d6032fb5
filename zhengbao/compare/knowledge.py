"""What the comparison knows about how the reports state work plans and themes.

Every constant names the report it was learned from; nothing here is a value from a report.
How reports word targets and outcomes is in indicators.py.
"""

from __future__ import annotations

import re

# The work plan: the level-1 section "二、2024年工作安排" (2024), "三、2021年工作安排" (2021),
# "三、2017年工作安排" (2017). The 2023 summary is all work plan: its numbered sections 1–10.
WORK_PLAN_HEADING = re.compile(r"工作安排|(?:今年|[0-9０-９]{4}年)的?(?:主要|重点)?(?:工作|任务)|政府工作的建议|政府工作任务"
                               r"|关于[0-9０-９]{4}年工作|主要任务|重点工作|[0-9０-９]{4}年(?:国民经济)?计划的(?:主要)?任务")
# National: "二、2010年主要任务", "三、2016年重点工作", "三、2019年政府工作任务", "二、对今年政府工作的建议"
# (2003, 2023), "二、1981年国民经济计划的任务和主要指标" (1980, the next year's plan); provinces 2026:
# "三、2026年重点工作", "三、关于2026年工作" (Hunan). Not a review ("2025年
# 工作回顾"), not the report's title ("2026年北京市政府工作报告"), not a five-year plan alone ("二、“十四五”
# 时期的奋斗目标和主要任务", 2021 Guangzhou; "“十五五”时期目标任务和2026年工作安排" is this year's).
PLAN_EXCLUDED = re.compile(r"回顾|成就|报告")
MULTI_YEAR_PLAN = re.compile(r"十[一二三四五六七八九]?五|五年")
THIS_YEAR = re.compile(r"今年|[0-9０-９]{4}年")
# Reports without a section headed as this year's work (national 1954–2002): the plan is every
# level-1 section after the review ("一、1999年国内工作回顾", 2000; "一、改革开放和现代化建设取得伟大
# 成就的五年", 1993; "一、三年来的斗争和新时期的总任务", 1978; "一、当前国内形势和基本任务", 1987), without
# the closing words (结束语, numbering.CLOSING_HEADING), foreign policy ("七、关于我国的外交工作",
# "六、国际形势和我国对外政策") or reunification ("六、积极推进祖国和平统一大业"), which are not work plans.
REVIEW_HEADING = re.compile(r"回顾|成就|过去|年来|的一年|国内形势|当前形势")
NOT_A_PLAN = re.compile(r"外交|对外政策|国际形势|统一大业|和平统一")

# Alignment: below this cosine similarity (TF-IDF over jieba tokens) two subsections are not paired.
# Chosen by reading the pairs in tests/test_compare.py: the weakest pair judged correct there
# (2024 （十）民生 → 2023 summary 7 民生, 0.20) scores above it; 2024 （九）文化, which has no section
# of its own in the 2023 summary, scores 0.148 against the summary's 6 乡村振兴 and stays unpaired.
MIN_SIMILARITY = 0.16

# A pair whose two sides have less than this share of their characters in common (punctuation aside)
# is not set word by word: the page shows the newer section with its words marked and links each
# paragraph of the older one (its text is on the report's page and on the older plan's own page).
# Read on content/ at session 8: 124 of 192 pairs share under 10 %, what they share being function
# words and stock phrases (的, 要, 社会主义, 进一步) scattered through two different texts; the
# older side repeated in full was a third of the plans pages' bytes (docs/scale.md, session 8).
LOW_SHARE = 0.10

# Themes. Glossary terms come from the district report's annex "附件： 名词解释", entries like
# "4.百千万工程：广东省委…" and "7. CRO: Contract Research…" (term before the first colon).
GLOSSARY_ENTRY = re.compile(r"^\s*\d+\s*[.．、]\s*(?P<term>[^：:]+?)\s*[：:]")
# Quotes are ignored when matching a theme: the annex writes "“专精特新”企业", the 2024 city report 专精特新企业.
THEME_IGNORED_CHARS = "“”‘’\"'「」『』"
# Themes found in the archive itself: the terms the reports put in quotes as their own coinages
# ("“一带一路”", "“放管服”", "“双碳”", "“专精特新”", "“十四五”"), kept when at least THEME_MIN_REPORTS
# reports use them, the most used THEME_LIMIT of them (the site stays a size a reader can browse).
QUOTED_TERM = re.compile(r"“(?P<term>[^“”，。；：、！？\s]{2,12})”")
THEME_MIN_REPORTS = 3
THEME_LIMIT = 60
# A term of two characters ("两新", "三保") is counted only where it stands in quotes: unquoted, the same
# two characters are often part of another word.
QUOTED_ONLY_LENGTH = 2

# The term timeline page draws any term a reader types; these are drawn in advance as examples of a
# term's life in the archive (first use, peak, fade), each only where the archive uses it: 改革开放
# (from the 1988 national report on, peak 1992), 供给侧结构性改革 (2016–), 新质生产力 (2024–, every 2026 province).
TIMELINE_EXAMPLES = ("改革开放", "供给侧结构性改革", "新质生产力")
