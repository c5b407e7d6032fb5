"""What the comparison knows about how the reports state work plans and themes.

Every constant names the report it was learned from; nothing here is a value from a report.
How reports word targets and outcomes is in indicators.py.
"""

from __future__ import annotations

import re

# The work plan: the level-1 section "二、2024年工作安排" (2024), "三、2021年工作安排" (2021),
# "三、2017年工作安排" (2017). The 2023 summary is all work plan: its numbered sections 1–10.
WORK_PLAN_HEADING = re.compile(r"工作安排|(?:今年|[0-9０-９]{4}年)的?(?:主要|重点)?(?:工作|任务)|政府工作的建议|政府工作任务"
                               r"|关于[0-9０-９]{4}年工作|主要任务|重点工作")
# National: "二、2010年主要任务", "三、2016年重点工作", "三、2019年政府工作任务", "二、对今年政府工作的建议"
# (2003, 2023); provinces 2026: "三、2026年重点工作", "三、关于2026年工作" (Hunan). Not a review ("2025年
# 工作回顾"), not the report's title ("2026年北京市政府工作报告"), not a five-year plan alone ("二、“十四五”
# 时期的奋斗目标和主要任务", 2021 Guangzhou; "“十五五”时期目标任务和2026年工作安排" is this year's).
PLAN_EXCLUDED = re.compile(r"回顾|成就|报告")
MULTI_YEAR_PLAN = re.compile(r"十[一二三四五六七八九]?五|五年")
THIS_YEAR = re.compile(r"今年|[0-9０-９]{4}年")

# Alignment: below this cosine similarity (TF-IDF over jieba tokens) two subsections are not paired.
# Chosen by reading the pairs in tests/test_compare.py: the weakest pair judged correct there
# (2024 （十）民生 → 2023 summary 7 民生, 0.20) scores above it; 2024 （九）文化, which has no section
# of its own in the 2023 summary, scores 0.148 against the summary's 6 乡村振兴 and stays unpaired.
MIN_SIMILARITY = 0.16

# Themes. Glossary terms come from the district report's annex "附件： 名词解释", entries like
# "4.百千万工程：广东省委…" and "7. CRO: Contract Research…" (term before the first colon).
GLOSSARY_ENTRY = re.compile(r"^\s*\d+\s*[.．、]\s*(?P<term>[^：:]+?)\s*[：:]")
# Quotes are ignored when matching a theme: the annex writes "“专精特新”企业", the 2024 city report 专精特新企业.
THEME_IGNORED_CHARS = "“”‘’\"'「」『』"
# Automatic key phrases: two adjacent jieba words (each of two or more Han characters) found in at least
# this many reports; the most frequent are offered for review.
KEYPHRASE_MIN_REPORTS = 3
KEYPHRASE_CANDIDATES = 150
# Phrases the issue names as themes to follow (issue 6): kept whenever they occur in more than one report.
SEED_PHRASES = ("城市更新", "营商环境", "南沙", "粤港澳大湾区", "数字经济", "乡村振兴", "科技创新")
# Reviewed by reading the candidates (`python -m tools.compare --print-themes`): the ones that name a
# policy topic were kept; generic verbs and phrases ("高质量发展", "加快建设", "各位代表", "地区生产总值",
# "中国特色"…) were not. A kept phrase that is no longer a candidate is dropped with a note on the page.
REVIEWED_KEYPHRASES = (
    "先进制造业", "社会治理", "跨境电商", "现代服务业", "高新技术企业", "垃圾分类", "安全生产",
    "实体经济", "生命健康", "综合交通枢纽", "老旧小区", "租赁住房", "新能源汽车", "服务贸易", "法治政府",
    "绿色金融", "城中村改造", "民营经济", "战略性新兴产业", "污染防治", "一带一路", "都市现代农业",
    "城乡融合", "疫情防控", "创新创业", "转型升级",
)
