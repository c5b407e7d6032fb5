"""Incremental builds: a warm cache gives the same site as a clean build, and skips unchanged reports."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from zhengbao import cache, pipeline
from zhengbao.pipeline import build_reports

from .conftest import ROOT, copy_content, run_build


def files_of(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def build_with_cache(content: Path, site: Path, cache: Path | None) -> str:
    env = {"ZHENGBAO_CACHE_DIR": str(cache)} if cache else {"ZHENGBAO_CACHE": "0"}
    old = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    try:
        result = run_build("--content", str(content), "--site", str(site))
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    assert result.returncode == 0, result.stderr
    return result.stdout


def change_a_figure(content: Path) -> None:
    path = content / "2024-guangzhou.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("30355.73亿元", "30355.74亿元", 1), encoding="utf-8")


def test_warm_builds_are_byte_identical_to_clean_builds(tmp_path):
    content = copy_content(tmp_path)
    cache = tmp_path / "cache"
    build_with_cache(content, tmp_path / "cold", cache)
    build_with_cache(content, tmp_path / "warm", cache)
    build_with_cache(content, tmp_path / "clean", None)
    clean = files_of(tmp_path / "clean")
    assert len(clean) > 50
    assert files_of(tmp_path / "cold") == clean
    assert files_of(tmp_path / "warm") == clean
    assert (cache / "reports").is_dir() and (cache / "site").is_dir()
    assert any(cache.glob("tokens-*.pickle"))

    change_a_figure(content)
    build_with_cache(content, tmp_path / "changed-warm", cache)
    build_with_cache(content, tmp_path / "changed-clean", None)
    changed = files_of(tmp_path / "changed-clean")
    assert files_of(tmp_path / "changed-warm") == changed
    page = changed["reports/2024-guangzhou/index.html"].decode()
    assert "30355.74亿元" in page and "30355.73亿元" not in page


def test_unchanged_reports_are_not_cleaned_or_parsed_again(tmp_path, monkeypatch):
    content = copy_content(tmp_path)
    monkeypatch.setenv("ZHENGBAO_CACHE_DIR", str(tmp_path / "cache"))
    first = build_reports(content)
    cleaned: list[str] = []
    real_clean = pipeline.clean_report

    def counting_clean(raw, *args):
        cleaned.append(raw.meta.slug)
        return real_clean(raw, *args)

    monkeypatch.setattr(pipeline, "clean_report", counting_clean)
    second = build_reports(content)
    assert cleaned == []
    assert [r.all_paragraphs()[-1].text for r in second] == [r.all_paragraphs()[-1].text for r in first]
    change_a_figure(content)
    build_reports(content)
    assert cleaned == ["2024-guangzhou"]


def test_an_entry_added_above_others_leaves_their_state_and_cache_entries(tmp_path, monkeypatch):
    """A report's state keys every per-report cache: an entry inserted at the top of reports.yml moves
    every other entry's line, and must change neither their state nor their cached clean → link."""
    content = copy_content(tmp_path)
    monkeypatch.setenv("ZHENGBAO_CACHE_DIR", str(tmp_path / "cache"))
    before = {report.meta.slug: cache.digest_of(report) for report in build_reports(content)}
    cleaned: list[str] = []
    real_clean = pipeline.clean_report
    monkeypatch.setattr(pipeline, "clean_report", lambda raw, *args: cleaned.append(raw.meta.slug) or real_clean(raw, *args))
    # A text without a 名词解释 annex: a new glossary would rightly change the others' term marks.
    (content / "2024-haizhu.txt").write_text((content / "2021-guangzhou.txt").read_text(encoding="utf-8"),
                                             encoding="utf-8")
    text = (content / "reports.yml").read_text(encoding="utf-8")
    at = text.index("  - file:")
    (content / "reports.yml").write_text(text[:at] + "  - file: 2024-haizhu.txt\n    slug: 2024-haizhu\n    year: 2024\n"
                                         "    region: 海珠区\n    level: district\n" + text[at:], encoding="utf-8")
    after = {report.meta.slug: cache.digest_of(report) for report in build_reports(content)}
    assert cleaned == ["2024-haizhu"]
    assert {slug: after[slug] for slug in before} == before


def test_a_damaged_or_deleted_cache_is_only_a_miss(tmp_path, monkeypatch):
    content = copy_content(tmp_path)
    cache = tmp_path / "cache"
    monkeypatch.setenv("ZHENGBAO_CACHE_DIR", str(cache))
    expected = [len(r.all_paragraphs()) for r in build_reports(content)]
    for path in (cache / "reports").iterdir():
        path.write_bytes(b"not a pickle")
    assert [len(r.all_paragraphs()) for r in build_reports(content)] == expected
    for path in (cache / "reports").iterdir():
        path.unlink()
    assert [len(r.all_paragraphs()) for r in build_reports(content)] == expected


def test_code_version_covers_every_module():
    version = cache.code_version()
    assert len(version) == 20
    modules = {p.relative_to(ROOT / "zhengbao").as_posix() for p in (ROOT / "zhengbao").rglob("*.py")}
    assert {"clean.py", "parse.py", "emit/__init__.py", "compare/themes.py", "cache.py"} <= modules


@pytest.mark.parametrize("text", ["", "城市更新", "推动经济运行整体好转，实现质的有效提升和量的合理增长。"])
def test_token_store_gives_back_what_jieba_gave(tmp_path, monkeypatch, text):
    import jieba

    monkeypatch.setenv("ZHENGBAO_CACHE_DIR", str(tmp_path / "cache"))
    store = cache.TokenStore()
    tokens = tuple(jieba.tokenize(text))
    assert store.get(text) is None
    store.put(text, tokens)
    store.save()
    assert cache.TokenStore().get(text) == tokens


def add_a_report(content: Path) -> None:
    """A new report: an existing text under a new entry, as an editor adding a district would."""
    (content / "2024-haizhu.txt").write_text((content / "2024-yuexiu.txt").read_text(encoding="utf-8"),
                                             encoding="utf-8")
    with (content / "reports.yml").open("a", encoding="utf-8") as out:
        out.write("  - file: 2024-haizhu.txt\n    slug: 2024-haizhu\n    year: 2024\n    region: 海珠区\n"
                  "    level: district\n    title: 2024年广州市海珠区政府工作报告\n")


def test_a_corrected_or_added_report_renders_only_what_changed_and_matches_a_clean_build(tmp_path):
    content = copy_content(tmp_path)
    cache = tmp_path / "cache"
    workspace = cache / "site" / "workspace"
    build_with_cache(content, tmp_path / "first", cache)
    inode = {name: (workspace / name).stat().st_ino for name in
             ["reports/2024-guangzhou/index.html", "reports/2017-guangzhou/index.html", "index.html"]}

    change_a_figure(content)
    build_with_cache(content, tmp_path / "corrected", cache)
    build_with_cache(content, tmp_path / "corrected-clean", None)
    assert files_of(tmp_path / "corrected") == files_of(tmp_path / "corrected-clean")
    # Same navigation: the corrected page is rendered again, an unchanged page is kept as it was.
    assert (workspace / "reports/2024-guangzhou/index.html").stat().st_ino != inode["reports/2024-guangzhou/index.html"]
    assert (workspace / "reports/2017-guangzhou/index.html").stat().st_ino == inode["reports/2017-guangzhou/index.html"]
    # The published site shares the kept files; rendering again never writes through to it.
    published = tmp_path / "corrected" / "reports/2017-guangzhou/index.html"
    assert published.stat().st_ino == inode["reports/2017-guangzhou/index.html"]
    before = files_of(tmp_path / "corrected")

    add_a_report(content)
    build_with_cache(content, tmp_path / "added", cache)
    build_with_cache(content, tmp_path / "added-clean", None)
    added = files_of(tmp_path / "added-clean")
    assert "reports/2024-haizhu/index.html" in added
    assert files_of(tmp_path / "added") == added
    assert files_of(tmp_path / "corrected") == before

    (content / "2024-haizhu.txt").unlink()
    text = (content / "reports.yml").read_text(encoding="utf-8")
    (content / "reports.yml").write_text(text[:text.index("  - file: 2024-haizhu.txt")], encoding="utf-8")
    build_with_cache(content, tmp_path / "removed", cache)
    assert files_of(tmp_path / "removed") == files_of(tmp_path / "corrected-clean")


def archive_of(reports: list, count: int) -> list:
    """`count` reports made from the seeds' real reports, each under its own slug and region, years kept."""
    import copy
    from dataclasses import replace

    out = []
    for index in range(count):
        report = copy.deepcopy(reports[index % len(reports)])
        report.meta = replace(report.meta, slug=f"{report.meta.slug}-{index}", region=f"{report.meta.region}{index}")
        out.append(report)
    return out


def test_a_report_added_to_a_year_of_a_large_archive_keeps_the_navigation(monkeypatch, tmp_path):
    """Above NAV_MAX_REPORTS every page carries the year entries: their labels must not count the
    reports (the count is on the year page), or one report added renders every page again."""
    from zhengbao.emit import emit_site
    from zhengbao.emit.report_pages import NAV_MAX_REPORTS
    from zhengbao.emit.write import navigation

    monkeypatch.setenv("ZHENGBAO_CACHE_DIR", str(tmp_path / "cache"))
    seeds = build_reports(copy_content(tmp_path))
    archive = archive_of(seeds, NAV_MAX_REPORTS + 1)
    added = archive_of(seeds, NAV_MAX_REPORTS + 2)  # one more report, in a year the archive has
    assert added[-1].meta.year in {r.meta.year for r in archive}
    before, after = list(emit_site(archive, [])), list(emit_site(added, []))
    assert navigation(before) == navigation(after)
    assert {"按年份": [{"2020年代": [{"2024年": "years/2024.md"}, {"2023年": "years/2023.md"}, {"2021年": "years/2021.md"}]},
                     {"2010年代": [{"2017年": "years/2017.md"}]}]} in navigation(after)
    year = next(page for page in after if page.path == f"years/{added[-1].meta.year}.md")
    count = sum(1 for r in added if r.meta.year == added[-1].meta.year)
    assert f"共 {count} 份报告。" in year.body


def test_a_correction_redoes_only_that_reports_part(tmp_path):
    """Per-report work (glossary marks, downloads, report page, plan words) is keyed by the report
    alone: a corrected report adds one entry of each kind, for itself; every other report's entries
    are read back. Plan words are counted only for a region with two plans or more (the four 广州市
    reports, not 越秀区)."""
    content = copy_content(tmp_path)
    cache = tmp_path / "cache"
    build_with_cache(content, tmp_path / "first", cache)
    kinds = ["marks", "downloads", "report-pages", "plan-words"]
    before = {kind: {p.name for p in (cache / kind).iterdir()} for kind in kinds}
    assert [len(before[kind]) for kind in kinds] == [5, 5, 5, 4]
    change_a_figure(content)
    build_with_cache(content, tmp_path / "corrected", cache)
    for kind in kinds:
        new = {p.name for p in (cache / kind).iterdir()} - before[kind]
        assert [name.rsplit("-", 1)[0] for name in new] == ["2024-guangzhou"], (kind, new)


def test_themes_read_again_only_a_corrected_reports_paragraphs(tmp_path, monkeypatch):
    """The themes and timelines keep what each report's body gives them (quoted terms, characters, a
    phrase's mentions) by its state: after a correction only that report's paragraphs are read, and
    the themes are those of a build without the cache."""
    from zhengbao.compare import themes

    def found(reports: list) -> list:
        return [(theme.ident, theme.phrase, [(m.report.meta.slug, m.paragraph.anchor, m.start, m.end, m.count)
                                            for m in theme.mentions]) for theme in themes.build_themes(reports)]

    content = copy_content(tmp_path)
    monkeypatch.setenv("ZHENGBAO_CACHE_DIR", str(tmp_path / "cache"))
    found(build_reports(content))
    cache.save_caches()
    read: list[str] = []
    real = themes._searchable
    monkeypatch.setattr(themes, "_searchable", lambda report: read.append(report.meta.slug) or real(report))
    change_a_figure(content)
    reports = build_reports(content)
    warm = found(reports)
    assert read == ["2024-guangzhou"]
    monkeypatch.setenv("ZHENGBAO_CACHE", "0")
    assert warm == found(reports) and any(len(mentions) > 1 for _, _, mentions in warm)


def test_each_page_of_a_large_archive_carries_only_its_own_decades_years(archive_site):
    """navigation.prune with the years in decades: a page outside 按年份 lists the decades, a year
    page its own decade's years too, so the navigation on every page stays small as the archive grows."""
    from bs4 import BeautifulSoup

    def entries(path: str) -> list[str]:
        soup = BeautifulSoup((archive_site / path).read_text(encoding="utf-8"), "html.parser")
        return [a.get_text(" ", strip=True) for a in soup.select("nav.md-nav--primary a")]

    outside = entries("compare/targets.html")
    assert "2020年代" in outside and "1950年代" in outside and "目标与完成" in outside
    assert not [label for label in outside if label.endswith("年") and label[:4].isdigit()]
    year = entries("years/2024.html")
    assert "2024年" in year and "2026年" in year and "2010年代" in year
    assert "2019年" not in year and "1954年" not in year


def test_a_glossary_key_changed_marks_every_report_again(tmp_path):
    """Glossary marks are read back per report (cache kind `marks`) only while the glossary is the
    same: a key taken out of glossary-keys.yml unmarks that term in every report, and the warm
    site is the clean one."""
    content = copy_content(tmp_path)
    cache = tmp_path / "cache"
    build_with_cache(content, tmp_path / "first", cache)
    keys = content / "glossary-keys.yml"
    text = keys.read_text(encoding="utf-8")
    changed = text.replace("keys: [百千万工程, 百县千镇万村高质量发展工程]", "keys: [百县千镇万村高质量发展工程]", 1)
    assert changed != text
    keys.write_text(changed, encoding="utf-8")
    build_with_cache(content, tmp_path / "warm", cache)
    build_with_cache(content, tmp_path / "clean", None)
    clean = files_of(tmp_path / "clean")
    assert files_of(tmp_path / "warm") == clean
    before = files_of(tmp_path / "first")["reports/2024-guangzhou/index.html"].decode()
    after = clean["reports/2024-guangzhou/index.html"].decode()
    assert ">百千万工程</a>" in before and ">百千万工程</a>" not in after


def test_a_report_added_without_an_annex_leaves_the_others_marks(tmp_path):
    """Marks depend on the glossary's entries and on the reports that define them, not on the rest
    of the archive: a report added without a 名词解释 annex is marked alone (one new `marks` entry),
    and the warm site is the clean one."""
    content = copy_content(tmp_path)
    cache = tmp_path / "cache"
    build_with_cache(content, tmp_path / "first", cache)
    before = {p.name for p in (cache / "marks").iterdir()}
    text = (content / "2024-guangzhou.txt").read_text(encoding="utf-8")
    assert "名词解释" not in text
    (content / "2025-haizhu.txt").write_text(text, encoding="utf-8")
    with (content / "reports.yml").open("a", encoding="utf-8") as out:
        out.write("  - file: 2025-haizhu.txt\n    slug: 2025-haizhu\n    year: 2025\n    region: 海珠区\n"
                  "    level: district\n")
    build_with_cache(content, tmp_path / "added", cache)
    new = {p.name for p in (cache / "marks").iterdir()} - before
    assert [name.rsplit("-", 1)[0] for name in new] == ["2025-haizhu"]
    build_with_cache(content, tmp_path / "clean", None)
    clean = files_of(tmp_path / "clean")
    assert files_of(tmp_path / "added") == clean
    assert 'class="zb-term"' in clean["reports/2025-haizhu/index.html"].decode()
