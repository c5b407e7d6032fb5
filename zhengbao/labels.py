"""How the site names things for readers, in one place: levels, report labels, citation places.

Shapes: a report label is "2024 广州市"; a section locator is "二（三）", "附件" or "第1部分"; a
paragraph label is the number a reader cites ("4", "4a").
"""

from __future__ import annotations

from .model import Report, Section
from .patterns import numbering as num
from .patterns.front_matter import CONGRESS_REGION

LEVEL_NAMES = {"national": "国家", "province": "省级", "city": "市级", "district": "区级", "county": "县级"}


def report_label(report: Report) -> str:
    """Short human label, e.g. "2024 广州市"."""
    return f"{report.meta.year} {report.meta.region}"


def kind_mark(report: Report, brackets: bool = True) -> str:
    """What marks a summary beside its label: "（摘要）" (or "摘要" without brackets); "" for a full report."""
    if report.meta.kind != "summary":
        return ""
    return "（摘要）" if brackets else "摘要"


def section_locator(section: Section | None, sub: Section | None) -> str:
    """How a citation names a place, as the document writes its numbers: "二（三）" (一、 over （一）),
    "（二）八、" (1981: （一） over 一、), "（三）第一、" (1958: 第一、 inside （三）), "附件", "第1部分"; the
    heading of an unnumbered one in corner brackets, so it does not run into the number after it
    ("「关于国内建设」一、", 1984; "「结束语」"); "" before the first section."""
    parts = []
    for part in (section, sub):
        if part is None:
            continue
        if part.role == "annex":
            parts.append("附件")
        elif part.role == "tail":
            parts.append("附")
        elif part.label.isdigit():
            parts.append(f"第{part.label}部分")
        elif part.label:
            parts.append(_written_number(part))
        else:
            parts.append(f"「{part.heading}」")
    return "".join(parts)


def _written_number(part: Section) -> str:
    """The number of a section as its form writes it (patterns.numbering.RANK_*); a section whose form
    is not recorded follows the level: 一、 at level 1 ("二"), （一） at level 2 ("（三）")."""
    rank = part.rank if part.rank >= 0 else (num.RANK_SECTION if part.level == 1 else num.RANK_SUBSECTION)
    if rank == num.RANK_SUBSECTION:
        return f"（{part.label}）"
    if rank == num.RANK_PART:
        return f"第{part.label}部分"
    if rank == num.RANK_ORDINAL:
        return f"第{part.label}、"
    if rank == num.RANK_SECTION and part.level == 2:
        return f"{part.label}、"
    return part.label


def paragraph_label(anchor: str) -> str:
    """The number a reader sees and cites: 's2-3-p4' → '4', 's2-3-p4a' → '4a', 'p2' → '2'."""
    return anchor.rsplit("p", 1)[1] if "p" in anchor else anchor


def citation_author(report: Report) -> str:
    """The issuing body for a GB/T 7714 citation: the region's people's government."""
    region = report.meta.region
    if report.meta.level == "national" or region.endswith(("国务院", "政府")):
        return region
    for _kind, text in report.front.lines:  # a district's full name: 广州市越秀区, not 越秀区
        found = CONGRESS_REGION.search(text)
        if found and found["region"].endswith(region):
            region = found["region"]
            break
    return f"{region}人民政府"


def sort_reports(reports: list[Report]) -> list[Report]:
    """Newest first; within a year by level (city before district), then slug: stable order."""
    order = {level: i for i, level in enumerate(LEVEL_NAMES)}
    return sorted(reports, key=lambda r: (-r.meta.year, order.get(r.meta.level, 9), r.meta.slug))
