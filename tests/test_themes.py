"""Theme ids: a theme's page (compare/theme-<id>.html) is named by its phrase, not its place in the list."""

from __future__ import annotations

from dataclasses import replace

import pytest

from zhengbao.compare.themes import build_themes, theme_idents
from zhengbao.pipeline import build_reports

from .conftest import CONTENT


@pytest.fixture(scope="module")
def seed_reports():
    return build_reports(CONTENT)


def test_a_theme_keeps_its_id_when_a_report_is_added(seed_reports):
    """The newest report again under a new region (as tools.bench adds one): its glossary terms and
    quotes make new themes and move the most quoted ones, so the list's order changes; every theme
    there before keeps its id, and the ids stay unique."""
    before = [(theme.phrase, theme.ident) for theme in build_themes(seed_reports)]
    newest = max(seed_reports, key=lambda report: (report.meta.year, report.meta.slug))
    added = replace(newest, meta=replace(newest.meta, slug=f"{newest.meta.year}-added", region="新增区"))
    after = [(theme.phrase, theme.ident) for theme in build_themes([*seed_reports, added])]
    positions = {phrase: index for index, (phrase, _) in enumerate(after)}
    assert any(positions[phrase] != index for index, (phrase, _) in enumerate(before))  # the list moved
    assert {phrase: ident for phrase, ident in after if phrase in dict(before)} == dict(before)
    assert len({ident for _, ident in after}) == len(after)


def test_theme_ids_are_the_phrases_digest_longer_only_where_two_share_it():
    keys = ["一带一路", "放管服", "双碳"]
    idents = theme_idents(keys)
    assert idents == theme_idents(list(reversed(keys)))
    assert all(len(ident) == 9 and ident.startswith("t") for ident in idents.values())
    assert len(set(idents.values())) == 3
    crowded = [f"词{n}" for n in range(40)]  # 40 phrases, 16 one-digit ids: some share theirs
    idents = theme_idents(crowded, digits=1)
    long = [key for key in crowded if len(idents[key]) == 41]
    assert long and len(set(idents.values())) == 40
    assert all(len(idents[key]) == 2 for key in crowded if key not in long)
