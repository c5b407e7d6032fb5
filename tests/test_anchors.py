"""Citations that last: the anchor lock keeps published anchors on their paragraphs through
corrections, splits, joins and removals; citations copy; builds are byte-identical."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import CONTENT, copy_content, page, run_build

SLUG = "2024-guangzhou"


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def locked(content: Path) -> dict[str, str]:
    data = json.loads((content / "anchors" / f"{SLUG}.json").read_text(encoding="utf-8"))
    return {p["anchor"]: p["text"] for p in data["paragraphs"]}


def paragraph_text(element) -> str:
    for mark in element.select(".zb-mark"):
        mark.decompose()
    return squeeze(element.get_text(""))


def edit_line(text: str, old_paragraph: str, new_lines: str) -> str:
    """Replace the source line holding a paragraph (the 2024 report has one line per paragraph)."""
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if squeeze(line) == old_paragraph)
    lines[index] = new_lines
    return "\n".join(lines)


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """A copy of content/ with a typo fixed, a paragraph split, two joined and one deleted."""
    root = tmp_path_factory.mktemp("edited")
    content = copy_content(root)
    old = locked(content)
    source = (content / f"{SLUG}.txt").read_text(encoding="utf-8")
    typo = old["s2-3-p4"]
    assert "加快" in typo
    source = edit_line(source, typo, typo.replace("加快", "加紧", 1))
    split = old["s2-2-p3"]
    cut = split.index("。") + 1
    source = edit_line(source, split, split[:cut] + "\n\n" + split[cut:])
    source = edit_line(source, old["s2-4-p2"], old["s2-4-p2"] + old["s2-4-p3"])
    source = edit_line(source, old["s2-4-p3"], "")
    source = edit_line(source, old["s2-5-p3"], "")
    (content / f"{SLUG}.txt").write_text(source, encoding="utf-8")
    site = root / "site"
    refused = run_build("--content", str(content), "--site", str(site))
    updated = run_build("--content", str(content), "--site", str(site), "--update-anchors")
    again = run_build("--content", str(content), "--site", str(site / ".." / "site2"))
    return {"old": old, "refused": refused, "updated": updated, "again": again, "site": site,
            "soup": page(site, SLUG), "content": content}


def test_removal_is_refused_without_update_anchors(edited):
    result = edited["refused"]
    assert result.returncode == 2
    assert f"{SLUG}#s2-5-p3: removed" in result.stderr
    assert "--update-anchors" in result.stderr and "nothing was" in result.stderr


def test_build_reports_every_anchor_change(edited):
    stderr = edited["updated"].stderr
    assert edited["updated"].returncode == 0, stderr
    for expected in (f"{SLUG}#s2-3-p4: corrected", f"{SLUG}#s2-2-p3: split", f"{SLUG}#s2-4-p3: joined",
                     f"{SLUG}#s2-5-p3: removed", f"{SLUG}#s2-2-p3a: new"):
        assert expected in stderr
    assert edited["again"].returncode == 0 and "anchor:" not in edited["again"].stderr


def test_corrected_paragraph_keeps_anchor(edited):
    element = edited["soup"].find(id="s2-3-p4")
    assert paragraph_text(element) == edited["old"]["s2-3-p4"].replace("加快", "加紧", 1)


def test_split_paragraph_keeps_anchor_on_first_part(edited):
    old = edited["old"]["s2-2-p3"]
    cut = old.index("。") + 1
    first = edited["soup"].find(id="s2-2-p3")
    assert paragraph_text(first) == old[:cut]
    second = first.find_next("p", class_="zb-p")
    assert second["id"] == "s2-2-p3a" and paragraph_text(second) == old[cut:]
    assert second["data-n"] == "3a"


def test_joined_paragraph_carries_both_anchors(edited):
    soup = edited["soup"]
    joined = soup.find(id="s2-4-p2")
    alias = soup.find(id="s2-4-p3")
    assert alias.name == "span" and alias.find_parent("p") is joined
    assert paragraph_text(joined) == edited["old"]["s2-4-p2"] + edited["old"]["s2-4-p3"]


def test_removed_paragraph_leaves_a_notice(edited):
    soup = edited["soup"]
    notice = soup.find(id="s2-5-p3")
    assert "zb-removed" in notice["class"] and "删除" in notice.get_text()
    assert notice.find_previous("p", class_="zb-p")["id"] == "s2-5-p2"


def test_no_other_anchor_moved(edited):
    soup = edited["soup"]
    changed = {"s2-3-p4", "s2-2-p3", "s2-4-p2", "s2-4-p3", "s2-5-p3"}
    for anchor, text in edited["old"].items():
        element = soup.find(id=anchor)
        assert element is not None, anchor
        if anchor not in changed:
            assert paragraph_text(element) == text, anchor


def test_new_anchor_never_reuses_a_retired_one(edited, tmp_path):
    """Put a paragraph back where the removed one was: it gets a fresh anchor, not s2-5-p3."""
    content = edited["content"]
    source = (content / f"{SLUG}.txt").read_text(encoding="utf-8")
    source = source.replace(edited["old"]["s2-5-p2"], edited["old"]["s2-5-p2"] + "\n\n新增的一段文字，用来检验锚点。", 1)
    other = tmp_path / "content"
    import shutil
    shutil.copytree(content, other)
    (other / f"{SLUG}.txt").write_text(source, encoding="utf-8")
    result = run_build("--content", str(other), "--site", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    soup = page(tmp_path / "site", SLUG)
    added = next(p for p in soup.select("p.zb-p") if "新增的一段文字" in p.get_text())
    assert added["id"] == "s2-5-p2a"
    assert "zb-removed" in soup.find(id="s2-5-p3")["class"]


def test_committed_locks_are_current(tmp_path):
    content = copy_content(tmp_path)
    result = run_build("--content", str(content), "--site", str(tmp_path / "site"), "--update-anchors")
    assert result.returncode == 0 and "anchor:" not in result.stderr
    for lock in sorted((CONTENT / "anchors").glob("*.json")):
        assert (content / "anchors" / lock.name).read_bytes() == lock.read_bytes(), lock.name


def test_builds_are_byte_identical(tmp_path):
    sites = []
    for name in ("one", "two"):
        site = tmp_path / name
        assert run_build("--content", str(CONTENT), "--site", str(site)).returncode == 0
        sites.append({str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
                      for p in sorted(site.rglob("*")) if p.is_file()})
    assert len(sites[0]) > 10
    assert sites[0] == sites[1]
    sitemap = (tmp_path / "one" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>" not in sitemap


def test_copy_citation_from_file_url(built_site, browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto((built_site / "reports" / SLUG / "index.html").as_uri())
    paragraph = tab.locator("#s2-3-p4")
    paragraph.hover()
    paragraph.locator("a.zb-mark").click()
    tab.locator(".zb-cite-menu button.zb-copy-citation").click()
    tab.wait_for_selector(".zb-cite-menu[data-copied]")
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied == ("广州市人民政府. 2024年广州市政府工作报告[R]. 2024: 二（三）第4段. "
                      "<reports/2024-guangzhou/index.html#s2-3-p4>")
    paragraph.hover()
    paragraph.locator("a.zb-mark").click()
    tab.locator(".zb-cite-menu button.zb-copy-link").click()
    tab.wait_for_selector(".zb-cite-menu[data-copied*='file://']")
    link = tab.evaluate("navigator.clipboard.readText()")
    assert link.startswith("file://") and link.endswith("reports/2024-guangzhou/index.html#s2-3-p4")
    context.close()


def test_citation_without_clipboard_permission_uses_fallback(built_site, browser):
    """No clipboard permission (as on many file:// setups): the textarea fallback still copies."""
    context = browser.new_context()
    tab = context.new_page()
    tab.goto((built_site / "reports" / "2017-guangzhou" / "index.html").as_uri())
    tab.evaluate("() => { navigator.clipboard.writeText = () => Promise.reject(new Error('blocked')); }")
    tab.locator("#s3-1-p2").hover()
    tab.locator("#s3-1-p2 a.zb-mark").click()
    button = tab.locator(".zb-cite-menu button.zb-copy-citation")
    button.click()
    tab.wait_for_selector(".zb-cite-menu[data-copied]")
    copied = tab.locator(".zb-cite-menu").get_attribute("data-copied")
    assert copied.startswith("广州市人民政府. 2017年广州市政府工作报告[R]. 2017: 三（一）第2段.")
    assert button.inner_text().startswith("已复制") or "手动复制" in button.inner_text()
    context.close()


def test_site_url_completes_citations(tmp_path):
    config = tmp_path / "mkdocs.yml"
    original = (Path(__file__).parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    config.write_text(original.replace("custom_dir: overrides", f"custom_dir: {Path(__file__).parent.parent}/overrides")
                      + "\nsite_url: https://example.org/zhengbao/\n", encoding="utf-8")
    result = run_build("--content", str(CONTENT), "--site", str(tmp_path / "site"), "--config", str(config))
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "site" / "reports" / SLUG / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find(id="zb-meta")["data-base"] == "https://example.org/zhengbao/"
