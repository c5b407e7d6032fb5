"""Regions: the reports of one place at one level, with an id that is unique on every page.

Two cities (or two districts) are two regions, never one id: the id comes from the reports' slugs
without their year ("2024-guangzhou", "2023-guangzhou-summary" → "guangzhou"; case 10's "2024-a",
"2024-b" → "a", "b"), numbered when two regions would still share it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..labels import LEVEL_NAMES
from ..model import Report

YEAR_PREFIX = re.compile(r"^\d{4}-")
# Slug endings that name the kind of text, not the place ("2023-guangzhou-summary").
KIND_SUFFIXES = ("-summary", "-full", "-draft")
ID_CHARACTERS = re.compile(r"[^a-z0-9-]+")
YEAR_IN_TITLE = re.compile(r"^.*?[0-9０-９]{4}年")
HAN_RUN_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,12}$")
LEVEL_ORDER = {level: index for index, level in enumerate(LEVEL_NAMES)}


@dataclass
class Region:
    """One place at one level and its reports, oldest first."""

    ident: str  # ASCII, unique among regions: "national", "guangzhou", "beijing"
    region: str  # as reports.yml writes it: "国务院", "广州市"
    level: str
    reports: list[Report]

    @property
    def label(self) -> str:
        """"广州市（市级）", "国务院（国家）"."""
        return f"{self.region}（{LEVEL_NAMES.get(self.level, self.level)}）"


def _slug_stem(slug: str) -> str:
    stem = YEAR_PREFIX.sub("", slug.lower())
    for suffix in KIND_SUFFIXES:
        stem = stem.removesuffix(suffix)
    return ID_CHARACTERS.sub("-", stem).strip("-")


def _places(members: list[Report]) -> list[list[Report]]:
    """The reports of one (level, region) name split into places: one place, unless two of its reports
    share year and kind, which one place never has (two districts called 鼓楼区 in two cities); then
    each slug stem is a place of its own (tests/cases/probes/regions-*)."""
    seen = Counter((r.meta.year, r.meta.kind) for r in members)
    if all(count == 1 for count in seen.values()):
        return [members]
    by_stem: dict[str, list[Report]] = {}
    for report in members:
        by_stem.setdefault(_slug_stem(report.meta.slug), []).append(report)
    return [by_stem[stem] for stem in sorted(by_stem)]


def homonym_name(region: str, stem: str, members: list[Report]) -> str:
    """The name of one of two places called alike, for readers: what the newest report's title
    writes before the region's name (2024年福州市鼓楼区政府工作报告 → 福州市鼓楼区), else the name
    with the slug stem (鼓楼区 · gulou-fuzhou)."""
    for report in reversed(members):
        title = "" if report.title_from_editor else report.title
        at = title.find(region)
        prefix = HAN_RUN_BEFORE.search(YEAR_IN_TITLE.sub("", title[:at])) if at > 0 else None
        if prefix:
            return prefix.group(0) + region
    return f"{region} · {stem}"


def group_regions(reports: list[Report]) -> list[Region]:
    """Regions by level (national first) then name; each region's reports oldest first.

    Ids are unique among the regions and never take another region's own id: a second 示例 region
    numbered shili-2 would collide with a region whose slugs read "2024-shili-2", so numbering
    skips every id a region takes from its slugs.
    """
    groups: dict[tuple[str, str], list[Report]] = {}
    for report in reports:
        groups.setdefault((report.meta.level, report.meta.region), []).append(report)
    ordered = sorted(groups.items(), key=lambda item: (LEVEL_ORDER.get(item[0][0], 9), item[0][1]))
    places: list[tuple[str, str, list[Report], bool]] = []
    for (level, region), members in ordered:
        members.sort(key=lambda r: (r.meta.year, r.meta.kind != "report", r.meta.slug))
        split = _places(members)
        places.extend((level, region, place, len(split) > 1) for place in split)
    stems = []
    for index, (level, _, members, _) in enumerate(places, start=1):
        counts = Counter(_slug_stem(r.meta.slug) for r in members)
        stem = min(counts, key=lambda s: (-counts[s], len(s), s)) if counts else ""
        stems.append(stem or f"{level}-{index}")
    natural = set(stems)
    regions, taken = [], set()
    for stem, (level, region, members, homonym) in zip(stems, places, strict=True):
        ident, number = stem, 1
        while ident in taken or (ident != stem and ident in natural):
            number += 1
            ident = f"{stem}-{number}"
        taken.add(ident)
        name = homonym_name(region, stem, members) if homonym else region
        regions.append(Region(ident, name, level, members))
    return regions
