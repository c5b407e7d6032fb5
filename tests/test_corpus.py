"""The synthetic corpus: deterministic, realistic enough to build, varied in year, region and script."""

from __future__ import annotations

import re

import pytest
import yaml

from tools.corpus import generate

from .conftest import CONTENT, run_build

COUNT = 20


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus") / str(COUNT)
    generate(COUNT, out)
    return out


def entries_of(folder):
    return yaml.safe_load((folder / "reports.yml").read_text(encoding="utf-8"))["reports"]


def test_same_count_gives_identical_files(corpus, tmp_path):
    again = tmp_path / "again"
    generate(COUNT, again)
    assert sorted(p.name for p in again.iterdir()) == sorted(p.name for p in corpus.iterdir())
    for path in corpus.iterdir():
        assert (again / path.name).read_bytes() == path.read_bytes()


def test_reports_differ_in_year_region_script_and_annex(corpus):
    entries = entries_of(corpus)
    assert len(entries) == COUNT
    assert len({e["slug"] for e in entries}) == COUNT
    assert len({e["year"] for e in entries}) > 5
    assert len({e["region"] for e in entries}) > 5
    assert {e["level"] for e in entries} >= {"city", "district"}
    assert any(e.get("script") == "traditional" for e in entries)
    texts = [(corpus / e["file"]).read_text(encoding="utf-8") for e in entries]
    assert any("名词解释" in text or "名詞解釋" in text for text in texts)
    assert len(set(texts)) == COUNT


def test_numbers_and_places_are_changed(corpus):
    seed = (CONTENT / "2024-guangzhou.txt").read_text(encoding="utf-8")
    seed_figures = set(re.findall(r"\d+\.\d+", seed))
    for entry in entries_of(corpus):
        text = (corpus / entry["file"]).read_text(encoding="utf-8")
        figures = set(re.findall(r"\d+\.\d+", text))
        assert len(figures & seed_figures) < max(3, len(figures) // 3), entry["file"]
        if entry["region"] not in ("广州市",) and entry.get("script") != "traditional":
            assert "广州" not in text, entry["file"]


def test_corpus_builds_into_a_site(corpus, tmp_path):
    site = tmp_path / "site"
    result = run_build("--content", str(corpus), "--site", str(site))
    assert result.returncode == 0, result.stderr
    assert f"built {COUNT} reports" in result.stdout
    for entry in entries_of(corpus):
        assert (site / "reports" / entry["slug"] / "index.html").is_file()
