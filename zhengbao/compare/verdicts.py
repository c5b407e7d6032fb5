"""Met or missed, with the rule that decided it, from the indicator's direction and the target's form.

Growth-like indicators are good when higher: the outcome must reach the target's number, a
range's lower end (6.5%－7% is met by 6.5%), and 左右 is read as the number itself (so 6.9%
against 7%左右 is missed, and the rule says so). Prices and unemployment are ceilings: the
outcome must stay at or below the number, a range's upper end. 正增长 is met by any growth above
zero. A target without a number (同步, 回稳向好), a figure in another unit, and the deficit and M2
(plans, not promises about a result) are not judged.
"""

from __future__ import annotations

from dataclasses import dataclass

from .indicators import INDICATOR_BY_KEY, POSITIVE_GROWTH
from .statements import Statement
from .values import format_number

MET, MISSED, NOT_COMPARABLE = "met", "missed", "not comparable"
NOT_SET, NO_OUTCOME, NO_LATER_REPORT = "not set", "no outcome", "no later report"
NOT_MENTIONED = NOT_SET  # the name before issue 15: a report that lists targets without this indicator
VERDICT_LABELS = {MET: "达成", MISSED: "未达成", NOT_COMPARABLE: "不判定", NO_OUTCOME: "未载结果",
                  NO_LATER_REPORT: "无下年报告", NOT_SET: "未设定"}
VERDICTS = (MET, MISSED, NOT_COMPARABLE, NO_OUTCOME, NO_LATER_REPORT, NOT_SET, "")
# Plans rather than promises about a result: the deficit ratio (赤字率拟按3%左右安排) and M2.
NOT_JUDGED = ("deficit", "m2")


@dataclass(frozen=True)
class Verdict:
    """The verdict and the rule that decided it, in words a reader can check."""

    code: str  # one of VERDICTS
    rule: str  # e.g. "增长类指标：实际6.9% ≥ 目标区间下限6.5%"

    @property
    def label(self) -> str:
        return VERDICT_LABELS.get(self.code, "")


def judge(target: Statement | None, outcome: Statement | None) -> Verdict:
    """The verdict for one indicator in one year (see the module's docstring for the rules)."""
    if target is None:
        return Verdict(NOT_SET, "该年报告列出的目标中没有这一指标")
    if outcome is None or outcome.low is None:
        return Verdict(NO_OUTCOME, "下一年报告的回顾没有写明该年的数值")
    got = outcome.low * outcome.factor
    shown = f"{format_number(outcome.low)}{outcome.unit}"
    if target.qualifier == POSITIVE_GROWTH:
        return Verdict(MET if got > 0 else MISSED, f"目标为正增长：实际{shown}{'＞' if got > 0 else '≤'}0")
    if target.indicator in NOT_JUDGED:
        return Verdict(NOT_COMPARABLE, "赤字率、货币供应量是政策安排，不按完成与否判定")
    if target.low is None or target.high is None:
        return Verdict(NOT_COMPARABLE, f"目标未给数值（{target.shown}），不按数值判定")
    if target.unit != outcome.unit:
        return Verdict(NOT_COMPARABLE, f"目标单位（{target.unit}）与实际单位（{outcome.unit}）不同")
    if INDICATOR_BY_KEY[target.indicator].higher_is_better:
        bound = target.low * target.factor
        name = "目标区间下限" if target.high != target.low else "目标"
        about = "（“左右”按目标数值本身计）" if "左右" in target.qualifier else ""
        met = round(got, 6) >= round(bound, 6)
        sign = "≥" if met else "＜"
        return Verdict(MET if met else MISSED,
                       f"越高越好：实际{shown} {sign} {name}{format_number(target.low)}{target.unit}{about}")
    bound = target.high * target.factor
    name = "目标区间上限" if target.high != target.low else "上限"
    met = round(got, 6) <= round(bound, 6)
    sign = "≤" if met else "＞"
    return Verdict(MET if met else MISSED, f"上限类：实际{shown} {sign} {name}{format_number(target.high)}{target.unit}")


def verdict(target: Statement | None, outcome: Statement | None) -> str:
    """The verdict's code alone (met, missed, not comparable, no outcome, not set)."""
    return judge(target, outcome).code
