"""build.py as a user runs it: help, exit codes, --explain, swap-at-the-end."""

from __future__ import annotations

from .conftest import CONTENT, copy_content, run_build


def test_help_explains_options():
    result = run_build("--help")
    assert result.returncode == 0
    for option in ("--content", "--site", "--explain"):
        assert option in result.stdout


def test_explain_lists_repairs_with_lines():
    result = run_build("--content", str(CONTENT), "--explain", "2024-yuexiu")
    assert result.returncode == 0
    assert "join_broken_lines" in result.stdout
    assert "2024-yuexiu.txt:20: join_broken_lines" in result.stdout
    assert "增至24.3 ⏎ 万户" in result.stdout


def test_explain_unknown_slug_fails_clearly():
    result = run_build("--content", str(CONTENT), "--explain", "no-such-report")
    assert result.returncode != 0 and "no-such-report" in result.stderr


def test_failed_build_leaves_previous_site_intact(tmp_path):
    content = copy_content(tmp_path)
    site = tmp_path / "site"
    assert run_build("--content", str(content), "--site", str(site)).returncode == 0
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (content / "reports.yml").write_text("reports:\n  - file: x.txt\n\tslug: oops\n", encoding="utf-8")
    result = run_build("--content", str(content), "--site", str(site))
    assert result.returncode != 0
    assert "reports.yml:3" in result.stderr
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site")]
