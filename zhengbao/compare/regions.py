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


def group_regions(reports: list[Report]) -> list[Region]:
    """Regions by level (national first) then name; each region's reports oldest first."""
    groups: dict[tuple[str, str], list[Report]] = {}
    for report in reports:
        groups.setdefault((report.meta.level, report.meta.region), []).append(report)
    ordered = sorted(groups.items(), key=lambda item: (LEVEL_ORDER.get(item[0][0], 9), item[0][1]))
    regions, used = [], Counter()
    for index, ((level, region), members) in enumerate(ordered, start=1):
        members.sort(key=lambda r: (r.meta.year, r.meta.kind != "report", r.meta.slug))
        stems = Counter(_slug_stem(r.meta.slug) for r in members)
        stem = min(stems, key=lambda s: (-stems[s], len(s), s)) if stems else ""
        ident = stem or f"{level}-{index}"
        used[ident] += 1
        if used[ident] > 1:
            ident = f"{ident}-{used[ident]}"
        regions.append(Region(ident, region, level, members))
    return regions
