"""search/splice.py: the key lists of the build before, changed only where blocks changed, are the
lists of a build without cache — after reports are added at the front, in the middle and at the
end, removed, corrected in place, added by the dozen (the gap parameters change), and unchanged."""

from __future__ import annotations

import copy
import dataclasses
import os

import pytest

from zhengbao.pipeline import build_reports
from zhengbao.search import blocks
from zhengbao.search.bits import read_golombs, unpack
from zhengbao.search.shards import build_shards
from zhengbao.search.splice import patch

from .conftest import CONTENT


def variant(report, number: int, year: int, edit: str = ""):
    """A copy of a seed report under another slug, region and year; `edit` appended to one paragraph."""
    made = copy.deepcopy(report)
    made.meta = dataclasses.replace(made.meta, slug=f"{year}-v{number}", year=year, region=f"变体{number}区")
    if edit:
        made.paragraphs_in_context()[number % 7][2].text += edit
    return made


def clean(reports) -> list:
    os.environ["ZHENGBAO_CACHE"] = "0"
    try:
        return build_shards(reports)
    finally:
        del os.environ["ZHENGBAO_CACHE"]


@pytest.fixture(scope="module")
def seeds():
    return build_reports(CONTENT)


def test_spliced_lists_are_a_clean_builds(seeds, monkeypatch, tmp_path):
    monkeypatch.setenv("ZHENGBAO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ZHENGBAO_SEARCH_BUNDLE_MAX", "0")
    monkeypatch.setattr(blocks, "BLOCK_SPLIT", 4)
    monkeypatch.setattr(blocks, "BLOCK_MAX", 2)  # many blocks: each change moves others
    archive = [*seeds, *(variant(seeds[n % 5], n, 2010 + n % 6, f"第{n}次修改。") for n in range(8))]
    steps = {
        "cold": archive,
        "unchanged": archive,
        "added at the front (the newest year)": [variant(seeds[0], 20, 2030, "新增。"), *archive],
        "added in the middle": [variant(seeds[0], 20, 2030, "新增。"), *archive, variant(seeds[3], 21, 2013)],
        "a copy of a report whose text is there": [variant(seeds[0], 20, 2030, "新增。"), *archive,
                                                   variant(seeds[3], 21, 2013), variant(seeds[1], 22, 2013)],
        "removed": [*archive[:3], *archive[4:], variant(seeds[3], 21, 2013)],
        "corrected in place": [*archive[:3], *archive[4:6], variant(seeds[2], 7, 2017, "更正。"), *archive[7:]],
        "a dozen added (other gap parameters)": [*archive, *(variant(seeds[n % 5], 30 + n, 2000 + n % 3, "增")
                                                             for n in range(12))],
        "back to the start": archive,
    }
    blocks_seen = set()
    for name, reports in steps.items():
        assert build_shards(reports) == clean(reports), name
        blocks_seen.add(len(blocks.report_blocks([r.meta.slug for r in reports])))
    assert min(blocks_seen) >= 6


def test_gaps_read_back_from_bits_and_codes_patched_in_place():
    from zhengbao.search.bits import golomb, pack

    values = [0, 1, 2, 7, 300, 5, 65536]
    for k in (0, 1, 3, 9):
        bits = "".join(golomb(value, k) for value in values)
        assert unpack(pack(bits))[:len(bits)] == bits
        assert read_golombs("01" + bits, 2, len(values), k) == values
    bits = "".join(golomb(value, 2) for value in range(40))
    for at, written in ((0, "1"), (12, "0110"), (13, "11"), (len(bits) - 3, "010")):
        assert patch(pack(bits), at, written) == pack(bits[:at] + written + bits[at + len(written):])
