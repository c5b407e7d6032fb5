"""The main indicators and how national, provincial, city and district reports word them.

Every name is as written in a report (simplified script; traditional reports are matched
through their OpenCC conversion), with the report it was read in. Nothing here is a value:
values are always read from the text (targets.py, outcomes.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Indicator:
    """One indicator: its names, the units it is stated in, and which way is good."""

    key: str
    label: str
    names: tuple[str, ...]  # as written in the reports
    units: tuple[str, ...] = ("%",)  # units (values.UNITS spelling) a value of it may have
    higher_is_better: bool = True  # False: the target is a ceiling (prices, unemployment)
    rate: bool = True  # a % value is a growth rate: in a review it follows 增长/上涨/下降…
    target_only_names: tuple[str, ...] = ()  # names read in target lists only (too loose for reviews)
    falling: bool = False  # its figures are reductions as written ("能耗下降3.4%"): 下降 keeps the sign

    @property
    def outcome_units(self) -> tuple[str, ...]:
        """Units of a review figure: a growth indicator's rate only (a level such as 8623.66亿元 is not it)."""
        return self.units[:1] if self.rate else self.units


INDICATORS: tuple[Indicator, ...] = (
    # 国内生产总值 (national), 地区生产总值 (provinces, cities, districts), 全省生产总值 / 生产总值
    # (2026 Zhejiang, Shaanxi), GDP ("全年GDP增长4%", 2026 Shanxi review), 国民生产总值 (1980s–1993 national);
    # 经济增长 (2026 Guangxi, Henan, Hubei target lists: "经济增长5%左右"; "经济增速6%左右"), 经济增长速度 (1995,
    # 1997 national: "经济增长速度的调控目标定为８％").
    Indicator("gdp", "国内/地区生产总值",
              ("国内生产总值", "地区生产总值", "国民生产总值", "全省生产总值", "全市生产总值", "全区生产总值", "GDP",
               "生产总值"),
              units=("%",), target_only_names=("经济增长速度", "经济增长", "经济增速")),
    # "居民消费价格涨幅3%左右" (2015–2023 national), "居民消费价格总水平涨幅控制在4%" (2005),
    # "城市居民消费价格涨幅控制在3%" (2017 Guangzhou), "居民消费价格指数涨幅2%以内" (2026 Guangxi), "CPI涨幅2%左右"
    # (2026 Jilin).
    # Before the consumer price index, the national reports set retail prices: "零售物价上涨幅度控制在百分之六
    # 以内" (1992), "努力把全年零售物价上涨幅度控制在百分之十以内" (1994), "确保物价上涨幅度比去年有明显回落，力争
    # 控制在百分之十五左右" (1995), "商品零售价格总水平的上涨幅度".
    Indicator("cpi", "居民消费价格涨幅",
              ("居民消费价格总水平上涨幅度", "居民消费价格总水平涨幅", "居民消费价格指数涨幅", "城市居民消费价格涨幅",
               "居民消费价格涨幅", "居民消费价格总水平", "居民消费价格指数", "居民消费价格",
               "商品零售价格总水平的上涨幅度", "商品零售价格总水平上涨幅度", "商品零售物价上涨幅度", "零售物价上涨幅度",
               "零售价格上涨幅度", "CPI"),
              higher_is_better=False, target_only_names=("物价上涨幅度", "物价涨幅")),
    # The plans of the 1950s–1980s set the gross output of industry and agriculture: "１９５６年的国民经济计划实现
    # 以后，我国工农业总产值将比上年增长１４．１％" (1956 national).
    Indicator("output", "工农业总产值", ("工农业总产值", "工农业生产总值")),
    # "城镇新增就业1100万人以上" (2018–2022 national), "城镇新增就业人数不低于900万人" (2007),
    # "新增城镇就业900万人" (2004), "城镇新增就业人数45万人" (2026 Shanxi).
    Indicator("jobs", "城镇新增就业", ("城镇新增就业人数", "城镇新增就业", "新增城镇就业"), units=("万人",),
              rate=False),
    # "城镇调查失业率5.5%左右" (2019, 2023 national); "调查失业率稳定在5%左右" (2019 review).
    Indicator("surveyed_unemployment", "城镇调查失业率", ("城镇调查失业率", "调查失业率"), higher_is_better=False,
              rate=False),
    # "城镇登记失业率控制在4.6％以内" (2010 national), "城镇登记失业率低于4.6%" (2013).
    Indicator("unemployment", "城镇登记失业率", ("城镇登记失业率", "登记失业率"), higher_is_better=False, rate=False),
    # "赤字率拟按3%左右安排" (2023 national), "赤字率下降到1.5％左右" (2012): in the fiscal policy, not the list.
    Indicator("deficit", "赤字率", ("财政赤字率", "赤字率"), rate=False),
    # "粮食产量保持在1.3万亿斤以上" (2022, 2023 national), "粮食产量513万吨以上" (2026 Fujian).
    Indicator("grain", "粮食产量", ("粮食总产量", "粮食产量"), units=("亿斤", "万吨"), rate=False),
    # "单位国内生产总值能耗下降3.4%以上" (2016 national), "能耗强度下降3.1%以上" (2015); the provinces' 地区生产总值
    # and GDP forms. "单位GDP二氧化碳排放下降3%左右" (2026 Jilin) is a carbon target, not this one.
    Indicator("energy", "单位国内生产总值能耗",
              ("单位国内生产总值能源消耗", "单位地区生产总值能源消耗", "单位生产总值能源消耗", "单位国内生产总值能耗",
               "单位地区生产总值能耗", "单位生产总值能耗", "单位GDP能耗", "能耗强度"),
              falling=True),
    # "进出口增长6%左右" (2015 national), "进出口总额增长10％左右" (2012), "外贸进出口总额增长1.5%" (2021
    # Guangzhou), "商品进出口总值保持正增长" (2024 Guangzhou), "进出口总值增长1.5%" (2024 Yuexiu).
    Indicator("trade", "进出口",
              ("商品进出口总值", "外贸进出口总额", "外贸进出口总值", "外贸进出口", "进出口总额", "进出口总值", "进出口")),
    # "商品出口总值增长2%" (2017 Guangzhou: exports only, kept apart).
    Indicator("exports", "商品出口总值", ("商品出口总值",)),
    # "地方一般公共预算收入可比增长7.8%" (2017 Guangzhou), "一般公共预算收入增长4%左右" (2026 Beijing),
    # "财政收入增长7.4%" (2018 national review).
    Indicator("revenue", "一般公共预算收入", ("地方一般公共预算收入", "一般公共预算收入", "财政收入")),
    # "全社会固定资产投资增长3.6%" (2024 Guangzhou review), "固定资产投资调控目标为２５３００亿元" (1997 national).
    Indicator("investment", "固定资产投资", ("全社会固定资产投资", "固定资产投资"), units=("%", "亿元")),
    Indicator("retail", "社会消费品零售总额", ("社会消费品零售总额",)),
    # "规模以上工业增加值增长3%以上" (2024 Guangzhou), "规上工业增加值增长6%左右" (2026 Jilin),
    # "规模工业增加值增长6%" (2026 Hunan), "其中工业增加值增长5.5%" (2021 Guangzhou).
    Indicator("industry", "规模以上工业增加值", ("规模以上工业增加值", "规上工业增加值", "规模工业增加值", "工业增加值")),
    # "全社会研发投入强度3.2%左右" (2023 Guangzhou summary), "全社会研发投入强度3.42%左右" (2026 Jiangsu); the R&D
    # spelling. "全社会研发经费投入增长10%以上" (2026 Jilin) is spending growth, not the intensity.
    Indicator("rd", "研发投入强度",
              ("研究与试验发展经费投入强度", "全社会研发投入强度", "研发经费投入强度", "研发投入强度", "R&D经费投入强度",
               "R&D投入强度"), rate=False),
    # "居民收入增长与经济发展同步" (2015 national), "城乡居民人均收入实际增长与经济增长同步" (2013),
    # "城乡居民人均可支配收入增长与经济增长同步" (2024 Yuexiu), "居民收入增速高于经济增速" (2026 Hunan).
    Indicator("income", "居民收入",
              ("城乡居民人均可支配收入", "全体居民人均可支配收入", "居民人均可支配收入", "城乡居民人均收入", "城乡居民收入",
               "居民收入")),
    # "广义货币M2预期增长13%左右" (2016 national), "广义货币供应量M2增长17%左右" (2010): monetary policy;
    # "广义货币预期增长14％" (2012), "广义货币增长17%左右，新增贷款5万亿元以上" (2009) name it without M2.
    Indicator("m2", "广义货币M2", ("广义货币供应量M2", "广义货币M2", "广义货币供应量", "广义货币", "M2")),
)
INDICATOR_BY_KEY = {indicator.key: indicator for indicator in INDICATORS}

# Short names that are the indicator only at the start of a clause or after these words: "进出口增长6%左右"
# (2015 national), "外贸进出口" — but not "跨境电商进出口增长超过50%" (2024 Guangzhou review).
# "货物贸易进出口", "货物和服务贸易进出口" (province lists) end on 贸易.
# "生产总值增长5.6%" (2026 Henan review) at a clause start, but not "海洋生产总值增长6%左右" (2026 Liaoning).
LOOSE_NAMES = {"进出口": ("货物", "外贸", "贸易", "商品", "全年", "全国", "全省", "全市", "全区", "今年"), "M2": (),
               "生产总值": ("全年", "全省", "全市", "全区", "全州", "全县", "今年")}
# A name is not the indicator when these stand right before it: "人均国内生产总值" (per head),
# "占国内生产总值的比重" (a share), "单位国内生产总值能耗" (energy), "城镇居民人均可支配收入" is income.
NOT_BEFORE_NAME = ("人均", "占", "单位", "与", "和")
# …or right after it: "国内生产总值的比重", "国内生产总值之比", "国内生产总值名义增速" (a different measure).
NOT_AFTER_NAME = re.compile(r"^(?:的?比重|之比|比例|的比|名义|每增长|总量|增量|能耗)")

# The opening of a year's target list, by its wording (never by section number): "今年经济社会发展的主要
# 预期目标是：" (2009–2023 national), "今年国民经济和社会发展的预期目标是：" (2008), "…的主要目标是：" (2007),
# "主要预期目标为：" (2026 Zhejiang, Shandong), "今年的预期目标是，新增城镇就业900万人" (2004).
# "我们对今年经济社会发展提出的目标任务是：" (2020 national, which sets no growth target). Provinces also write
# "主要预期目标建议为：", "主要预期目标确定为：", "主要预期目标安排如下：" and, in a running paragraph, "主要预期目标：",
# "预期目标：".
TARGET_OPENER = re.compile(r"(?:主要)?(?:预期)?目标(?:任务)?(?:建议|初步|拟|安排|确定|设定)?"
                           r"(?:是|为|包括|定为|如下)[：:，,]|(?:主要|预期)(?:预期)?目标[：:]")
# …or a label of its own with the targets on the lines after it: "今年广州经济社会发展主要预期目标" (the
# 2023 Guangzhou summary's tail).
TARGET_LABEL = re.compile(r"^[^。；;，,]{0,30}主要(?:预期)?目标[：:]?\s*$")
# Before the opener in its sentence, these mean the sentence is not this year's list: a review
# ("完成了全年经济社会发展主要预期目标：…" — the 2014 national review, case of the 2014 CPI shown as
# 控制在2.6%), or a five-year plan ("今后五年经济社会发展主要目标是", 2017 Guangzhou; "“十五五”时期经济社会
# 发展的主要目标是", 2026 Jiangsu; "今后5年我市…", 2021 Guangzhou).
# …but the first year of a plan is this year: "今年是“十五五”开局之年，经济社会发展主要预期目标是：" (a
# province that puts both in one sentence), "确保“十五五”开好局", "为实现“十五五”良好开局，今年…", "“十五五”规划
# 实施的第一年", "做好今年工作、实现良好开局意义重大" — removed before NOT_THIS_YEAR is read.
PLAN_FIRST_YEAR = re.compile(r"(?:为了?|确保|努力)?(?:实现)?“?十[一二三四五六七八九]?五”?(?:规划)?的?[^，,。；;]{0,4}?"
                             r"(?:开局|起步|开篇|开好局|良好开局|第一年|首年)(?:之年)?"
                             r"|(?:为了?|确保|努力)?(?:实现)?(?:良好开局|开好局|起好步)")
NOT_THIS_YEAR = re.compile(r"完成|实现|超过|好于|达到|今后|未来|五年|(?<![0-9０-９])5年|十[一二三四五六七八九]?五"
                           r"|[六七八九]五(?:计划|期间|时期)|到(?:19|20)\d\d年|规划|纲要|年均|平均每年|每年|占|比重|比例")
# A clause before the opener that gives the reasons weighed is not the list's period: "综合考虑各方面因素，建议…"
# (2026 Shandong), "衔接“十五五”规划目标，今年经济社会发展主要预期目标是：" — NOT_THIS_YEAR skips it.
REASONING_CLAUSE = re.compile(r"^(?:综合|统筹|充分)?(?:考虑|结合|根据|按照|对标|对照|衔接|兼顾|参照|依据)")
# Sentences that explain the list rather than continue it: "这里要着重说明" (2009), "上述主要预期目标"
# (2018), "提出居民消费价格涨幅3％左右" (2010), "关于经济增长目标" (2013), "经济增长预期目标6.5%－7%，考虑了" (2016).
EXPLANATION = re.compile(r"^(?:这里|上述|提出|这些|这个|这一|关于|综合|同时|以上|需要|之所以|考虑)")
# Inside the list's own paragraph a sentence opening 同时 still lists targets when it names one: "同时，要在
# 产业结构调整…取得新进展，城乡居民收入实际增长和经济增长保持同步。" (2012 national).
LIST_GOES_ON = re.compile(r"^同时")
# Targets stated on their own (no list, or an indicator the list leaves to the policy part): the
# growth goal of 1994–2004 ("今年经济增长预期目标为7%左右", 2003; "经济增长速度的调控目标定为８％", 1997;
# "今年的经济增长预期为7％左右", 1999; "今年计划国内生产总值增长百分之九", 1994), the deficit ratio
# ("今年赤字率拟按3%左右安排", 2023; "赤字率从去年的2.1%提高到2.3%", 2015) and M2 ("广义货币M2预期增长13%左右").
# Older reports set a goal with 力争 or 努力把…控制在 ("努力把全年零售物价上涨幅度控制在百分之十以内", 1994;
# "力争粮食产量达到４５５０亿公斤以上", 1995).
STANDALONE_TARGET = re.compile(r"今年|预期|调控目标|目标[为是定]|计划|拟|安排|力争|努力把")
# A paragraph that opens with the year's plan states goals in every sentence: "今年计划要求，…国民生产总值增长
# 百分之六…。社会商品零售总额增长百分之十二点三，…零售物价上涨幅度控制在百分之六以内。" (1992 national).
PLAN_PARAGRAPH = re.compile(r"^\s*今年(?:的)?计划")
# …but not a sentence about a period or an estimate: "在这个期间，我国工农业总产值计划增长百分之二十一点七，平均
# 每年递增百分之四" (1982, the sixth five-year plan), "工农业生产总值…将比上年增长３％以上，整个经济形势比预想的好"
# (1981, this year's estimate).
STANDALONE_NOT = re.compile(r"期间|预想|预计|年均|平均每年|五年|累计")
# A list clause without a value takes it from the next clause only when that one goes on with the goal's verb:
# "确保物价上涨幅度比去年有明显回落，力争控制在百分之十五左右" (1995 national).
GOAL_GOES_ON = re.compile(r"\s*(?:力争|争取|努力|确保|控制|保持|稳定|达到|实现|增长|上涨|涨幅|下降|降低|提高|不超过|不低于)")
# A goal to reach is not a review's 达到: "力争粮食产量达到４５５０亿公斤以上" (1995 national).
GOAL_TO_REACH = re.compile(r"(?:力争|争取|确保)[^，,；;。]{0,12}?(?:达到|实现|超过)")
# "比上年增长１４．１％" (1956), "比去年有明显回落" (1995) compare with the year before: the value is still the goal.
THAN_LAST_YEAR = re.compile(r"比(?:上年|去年)")
STANDALONE_INDICATORS = ("gdp", "jobs", "cpi", "deficit", "m2", "investment", "output", "grain")
# Policy figures: outside the review, a sentence of the fiscal or monetary policy states this year's plan
# without saying so ("保证货币信贷总量满足经济发展需求，广义货币增长17%左右，新增贷款5万亿元以上", 2009).
POLICY_INDICATORS = ("deficit", "m2")
# The deficit ratio written as a share: "全国财政赤字合计9500亿元，占国内生产总值比重在3%以内" (2009 national).
DEFICIT_SHARE = re.compile(r"财政赤字[^。；;，,]{0,12}[，,]?占国内生产总值的?比重")
# In "赤字率从去年的2.1%提高到2.3%" the target is the value after the change verb.
CHANGE_TO = re.compile(r"(?:提高|下降|降低|调低|调高|调整|增加|减少|上调|下调)?到")

# Several names sharing one clause, their values after 分别 in the same order: "规模以上工业增加值、固定资产投资和
# 社会消费品零售总额分别增长6%、5%和5.5%左右" (a province's list); "城镇和农村常住居民人均可支配收入分别增长4%左右和
# 6%左右" (2026 Guizhou) names one indicator, so it is read as one clause.
RESPECTIVELY = "分别"
# Qualitative targets kept as written, without a number: "城乡居民收入增长与经济增长同步" (2024
# Guangzhou), "居民收入增长和经济增长基本同步" (2018 national), "商品进出口总值保持正增长" (2024 Guangzhou),
# "进出口回稳向好" (2016 national), "进出口保稳提质" (2022).
IN_STEP = re.compile(r"(?:基本)?同步")
# Two subjects sharing one target: "单位国内生产总值能耗和主要污染物排放量继续下降" (2023 national) — the words
# kept for the first are the shared predicate (继续下降), not the second subject (never for 同步, which
# relates the two: "居民收入和经济增长基本同步").
SECOND_SUBJECT = re.compile(r"(?:和|与|及|以及|、)[^，,；;。]*?(?=继续|进一步|持续|保持|稳定|稳步|有所|明显|大幅|基本|逐步)")
POSITIVE_GROWTH = "正增长"
# A clause that opens on the task before the indicator keeps its words whole: "完成国家下达的单位地区生产总值能耗降低
# 目标" is shown so, not as "降低目标".
TASK_FROM_ABOVE = re.compile(r"完成|落实|确保")
# Words that put the target on a plan period, not the year: "能耗强度目标在“十四五”规划期内统筹考核" (2022
# national) sets no target for 2022 (未设定), it is not a target kept as words.
PERIOD_TARGET = re.compile(r"十[一二三四五六七八九]?五|规划期|五年|(?<![0-9０-９])[5５]年")


@dataclass(frozen=True)
class ReviewWording:
    """How a review states the year before's figures, and what makes a figure not one (outcomes.py)."""

    heading: re.Pattern
    multi_year_heading: re.Pattern
    opening_chars: int
    framing: re.Pattern
    year_opening: re.Pattern
    multi_year_opening: re.Pattern
    multi_year_words: re.Pattern
    other_base_year: re.Pattern
    from_to: re.Pattern
    rate_words: re.Pattern
    fall_word: re.Pattern
    not_outcome: re.Pattern
    goal_words: re.Pattern
    level_change: re.Pattern
    starting_point: re.Pattern


REVIEW = ReviewWording(
    # The review part of a report: sections whose heading says so ("一、2023年工作回顾", "一、过去五年工作回顾",
    # "一、2025年主要工作和“十四五”发展成就" 2026 Zhejiang). A report without one: its sentences dated to the
    # year before, among those that precede its targets.
    heading=re.compile(r"回顾|成就"),
    # A review heading about several years ("过去五年", "“十四五”时期"): there only what a sentence or
    # paragraph dates to the year before counts.
    multi_year_heading=re.compile(r"五年|十[一二三四五六七八九]?五"),
    # The opening words of a sentence that date it. About the year before: "过去一年" (2015 national),
    # "一年来", "去年", "刚刚过去的2017年" (2018), "2012年，…" (2013). About several years: "过去五年",
    # "五年来", "这五年" (2013), "十年来" (2023), "“十二五”…" (2016), "本届政府" (2013).
    opening_chars=14,
    # A speaker's framing clause before the words that date a sentence is passed over: "这里要特别指出，刚刚过去的
    # １９９２年，…国民生产总值比上年增长百分之十二点八" (1993 national, in its five-year review), "应当看到，去年…".
    framing=re.compile(r"^[^，,。；;！!？?]{0,8}(?:指出|看到|说明|强调|提到)(?:的是)?[，,：:]"),
    year_opening=re.compile(r"^(?:各位代表[！!，,]\s*)?(?:过去一年|一年来|去年|刚刚过去的|全年)"),
    multi_year_opening=re.compile(r"过去五年|五年来|这五年|十年来|近五年|本届政府|“?十[一二三四五六七八九]?五”?时期|五年"),
    # Words that make a sentence a multi-year or cumulative figure, never the year's outcome: "年均增长7.1%"
    # (2018 national), "累计新增城镇就业5870万人" (2013), "平均每年增长7.7%" (2003), "比2002年增长65.5%" (2008),
    # "前三年", "十年增加近70万亿元" (2023), "5年年均增长6%" (2021 Guangzhou).
    multi_year_words=re.compile(r"年均|年平均|平均每年|累计|五年|(?<![0-9０-９])5年|十年|前[三四]年|近[三五]年|翻一番|翻番|"
                                  r"“?十[一二三四五六七八九]?五”?"),
    other_base_year=re.compile(r"比(?:[0-9０-９]{4}|[一二三四五六七八九〇零]{4})年"),
    # "财政收入由１１２１亿元增加到２２２０亿元，增长９８％" (1987 national): from one level to another is a period.
    from_to=re.compile(r"由[^，。；]{0,16}(?:增加|提高|上升|下降|减少|扩大|增长)到"),
    # Change words that make a % in a review a growth rate ("增长6.9%", "上涨2%", "下降5.6%", "回落到2.6%").
    rate_words=re.compile(r"增长|增速|上涨|涨幅|下降|降低|回落|上升|提高|减少|增加|负增长"),
    # The change word that makes a growth figure negative: "固定资产投资下降3.3%" (2026 Fujian review) is -3.3%.
    fall_word=re.compile(r"(?:下降|降低|减少|负增长|回落)$"),
    # Words that make a % or a number not the indicator's figure: a share, a contribution, a comparison.
    not_outcome=re.compile(r"占|比重|贡献|拉动|百分点|之比|比例|目标|预期|计划|安排|力争|以上的|高于全国|低于全国|每|"
                            r"上年的|去年的|前年"),
    # Before the name in its clause, or right after the figure, these make it a goal quoted in the review,
    # not the result: "没有实现年初确定的单位国内生产总值能耗降低4%左右…的目标" (2007 national), "去年我在政府工作报告中
    # 曾提出，要把全年商品零售物价上涨幅度控制在百分之十以内" (1995).
    goal_words=re.compile(r"目标|确定的|预期|计划|安排|要求|力争|争取|要把|努力把"),
    # For a figure that is a level (jobs, unemployment, grain), a change word makes it a change, not the
    # level: "粮食增产74亿斤"; "降到5.5%" (2023 national) states the level and is kept.
    level_change=re.compile(r"(?:增加|增产|减产|减少|下降|提高|上升|增长|降低)(?!到|至)"),
    # A figure after 从/由 and before a change to another is where the year started, not its result:
    # "城镇调查失业率从上半年5.5%降到5.3%" (2026 Guangxi) → 5.3%.
    starting_point=re.compile(r"(?:下降|降低|回落|降|减少|提高|上升|升|增加|增长|扩大)(?:到|至)"),
)
