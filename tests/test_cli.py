"""build.py as a user runs it: help, exit codes, --explain, swap-at-the-end."""

from __future__ import annotations

import re

from .conftest import CONTENT, ROOT, copy_content, run_build


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


def test_explain_takes_a_slug_a_file_name_or_a_path():
    by_slug = run_build("--content", str(CONTENT), "--explain", "2024-yuexiu")
    relative = str(CONTENT.relative_to(ROOT) / "2024-yuexiu.txt")  # from the working folder (ROOT)
    for wanted in ("2024-yuexiu.txt", str(CONTENT / "2024-yuexiu.txt"), relative):
        result = run_build("--content", str(CONTENT), "--explain", wanted)
        assert result.returncode == 0, result.stderr
        assert result.stdout == by_slug.stdout


def test_explain_unknown_report_exits_2_and_names_the_known_ones():
    result = run_build("--content", str(CONTENT), "--explain", "content/no-such.txt")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "no report with slug, file name or path 'content/no-such.txt'" in result.stderr
    assert "2024-guangzhou" in result.stderr


def test_list_fixes_names_every_repair_the_explain_output_uses():
    listed = run_build("--list-fixes")
    assert listed.returncode == 0
    names = {line.split()[0] for line in listed.stdout.splitlines() if line.strip()}
    assert {"collapse_repeated_copies", "remove_pinyin_annotations", "join_broken_lines"} <= names
    explained = run_build("--content", str(CONTENT), "--explain", "2017-guangzhou").stdout
    used = {line.split(": ", 1)[1].split(" — ")[0] for line in explained.splitlines() if line.startswith(str(CONTENT))}
    assert used and used <= names


def test_no_fix_switches_one_repair_off(tmp_path):
    site = tmp_path / "site"
    result = run_build("--content", str(CONTENT), "--site", str(site), "--no-fix", "collapse_repeated_copies")
    assert result.returncode == 0, result.stderr
    html = (site / "reports" / "2017-guangzhou" / "index.html").read_text(encoding="utf-8")
    normal = run_build("--content", str(CONTENT), "--explain", "2017-guangzhou", "--no-fix", "collapse_repeated_copies")
    assert "collapse_repeated_copies" not in normal.stdout
    assert html.count("2017年广州市政府工作报告") > 1  # the eight copies are shown when the repair is off


def test_no_fix_with_an_unknown_name_exits_2():
    result = run_build("--content", str(CONTENT), "--no-fix", "no_such_fix")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "unknown repair name(s) for --no-fix: no_such_fix" in result.stderr and "--list-fixes" in result.stderr


def test_list_fixes_gives_each_repair_its_chinese_name():
    """`--list-fixes`: one line per repair, its code name, the Chinese name the repairs page uses, its summary."""
    result = run_build("--list-fixes")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 18
    assert all(re.fullmatch(r"[a-z_]+ +[^：\s]+：\S.*", line) for line in lines), lines


def test_an_error_in_mkdocs_is_reported_once_and_leaves_the_previous_site(tmp_path):
    """MkDocs runs in its own process, started with the build (render_process.RenderProcess): its error
    reaches the user once, the build fails, the site built before stays as it was."""
    seeds = ROOT / "tests" / "cases" / "seeds"
    site = tmp_path / "site"
    assert run_build("--content", str(seeds), "--site", str(site)).returncode == 0
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "name: material" in config and "custom_dir: overrides" in config
    broken = tmp_path / "mkdocs.yml"
    broken.write_text(config.replace("name: material", "name: no-such-theme")
                      .replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}"), encoding="utf-8")
    result = run_build("--content", str(seeds), "--site", str(site), "--config", str(broken))
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert output.count("Unrecognised theme name: 'no-such-theme'") == 1, output
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
