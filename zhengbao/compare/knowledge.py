"""What the comparison knows about how the reports state targets, outcomes and work plans.

Every constant names the report it was learned from; nothing here is a value from a report:
values are always read from the text (targets.py, align.py, themes.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Indicator:
    """One main economic indicator: how target and outcome sentences name it, and which way is good."""

    key: str
    label: str
    names: tuple[str, ...]  # as written in the reports, longest first
    higher_is_better: bool = True  # False: the target is a ceiling (prices, unemployment)


# The 主要预期目标 lists of the 2017, 2021, 2024 city reports, the 2023 summary's target labels
# (tail, after "今年广州经济社会发展主要预期目标") and the district report's 2024 list.
INDICATORS: tuple[Indicator, ...] = (
    Indicator("gdp", "地区生产总值", ("地区生产总值",)),
    # "规模以上工业增加值增长3%以上" (2024); "其中工业增加值增长5.5%" (2021).
    Indicator("industry", "规模以上工业增加值", ("规模以上工业增加值", "工业增加值")),
    # "地方一般公共预算收入可比增长7.8%" (2017, district 2024).
    Indicator("revenue", "地方一般公共预算收入", ("地方一般公共预算收入",)),
    # "全社会固定资产投资增长3.6%" (2024 review).
    Indicator("investment", "固定资产投资", ("固定资产投资",)),
    Indicator("retail", "社会消费品零售总额", ("社会消费品零售总额",)),
    # "商品进出口总值保持正增长" (2024), "外贸进出口总额增长1.5%" (2021), "进出口总值增长1.5%" (district),
    # "商品出口总值增长2%" (2017: exports only, kept apart).
    Indicator("trade", "进出口总值", ("商品进出口总值", "外贸进出口总额", "外贸进出口总值", "进出口总值")),
    Indicator("exports", "商品出口总值", ("商品出口总值",)),
    # "城市居民消费价格涨幅控制在3%" (2017), "居民消费价格上涨1%" (2024 review), "…价格指数上涨2.6%" (2017 review).
    Indicator("cpi", "居民消费价格", ("城市居民消费价格涨幅", "居民消费价格涨幅", "居民消费价格指数", "居民消费价格"),
              higher_is_better=False),
    # "城镇新增就业24万人以上" (2024), "新增城镇就业29.5万人" (2021 review).
    Indicator("jobs", "城镇新增就业", ("城镇新增就业", "新增城镇就业")),
    Indicator("unemployment", "城镇登记失业率", ("城镇登记失业率",), higher_is_better=False),
    # "全社会研发投入强度3.2%左右" (2023 summary).
    Indicator("rd", "研发投入强度", ("全社会研发投入强度", "研发投入强度")),
    # "城乡居民收入增长与经济增长同步" (2024), "…人均可支配收入增长与经济增长同步" (district).
    Indicator("income", "城乡居民收入", ("城乡居民人均可支配收入", "城乡居民收入")),
)

# A paragraph that opens the year's target list: "今年全市经济社会发展主要预期目标是：…" (2024),
# "经济社会发展主要预期目标是：…" (2017, 2021), "今年广州经济社会发展主要预期目标" (2023 summary label).
TARGET_LIST_MARK = "主要预期目标"

# Qualifiers as written around a target's number. Before it: "不低于5%" (2024), "控制在3%左右" (2021).
# After it: "8%左右" (2017), "6%以上" (2021), "3.5%以内" (2021). Whole-clause forms: "保持正增长"
# (2024 trade), "与经济增长同步" / "基本同步" (income, every report).
QUALIFIERS_BEFORE = ("不低于", "控制在", "超过", "达到")
QUALIFIERS_AFTER = ("左右", "以上", "以内")
TARGET_VALUE = re.compile(
    r"(?P<before>不低于|控制在|超过|达到)?(?P<number>\d+(?:\.\d+)?)(?P<unit>%|万人|亿元)(?P<after>左右|以上|以内)?")
POSITIVE_GROWTH = "正增长"
IN_STEP = re.compile(r"与经济增长(?:基本)?同步")

# Outcome sentences in the review part: "地方一般公共预算收入同比增长4.8%" (2024), "固定资产投资超过6000亿元，
# 增长12%" (2017), "地区生产总值突破2.5万亿元，增长2.7%，5年年均增长6%" (2021: the first rate is the year's),
# "城镇新增就业超过33万人" (2024), "城镇登记失业率2.53%" (2021).
OUTCOME_RATE = re.compile(
    r"^(?:[^，,。；;%]{0,12}?\d+(?:\.\d+)?(?:万亿|亿)元[，,]?)?(?:同比|可比|预计)?(?:增长|上涨|增速为?)(?P<number>-?\d+(?:\.\d+)?)%")
OUTCOME_LEVEL = re.compile(r"^(?:超过|达到?|为)?(?P<number>\d+(?:\.\d+)?)(?P<unit>%|万人)")
# The review part of a report: its first level-1 section ("一、2023年工作回顾", "一、过去五年工作回顾",
# "一、“十三五”时期发展成就和2020年主要工作"). The 2023 summary has none.
REVIEW_HEADING = re.compile(r"回顾|发展成就|主要工作")
# A review of five years ("一、过去五年工作回顾", 2017; "“十三五”时期发展成就", 2021) reports the
# previous year from a paragraph opening with that year ("各位代表，2016年是本届政府收官之年", 2017;
# "2020年，面对严峻复杂国内外形势", 2021); before it, only a sentence naming that year counts
# ("2020年地区生产总值突破2.5万亿元，增长2.7%", 2021).
MULTI_YEAR_REVIEW = re.compile(r"五年|十三五")
YEAR_OPENING_CHARS = 12
# Clauses with these words report multi-year figures, never the previous year's outcome.
MULTI_YEAR_WORDS = ("年均", "五年来", "5年", "累计")

# The work plan: the level-1 section "二、2024年工作安排" (2024), "三、2021年工作安排" (2021),
# "三、2017年工作安排" (2017). The 2023 summary is all work plan: its numbered sections 1–10.
WORK_PLAN_HEADING = re.compile(r"工作安排")

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
