"""Shared fixtures: a real build of the seed content into a temporary site, and Debian's Chromium."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tools.browser import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "tests" / "cases" / "seeds"
"""The five seeds with their locks: what most tests build. content/ adds the real archive (test_archive)."""
ARCHIVE = ROOT / "content"
SEEDS = ROOT.parent / "shared" / "seeds"
SLUGS = ["2024-guangzhou", "2024-yuexiu", "2023-guangzhou-summary", "2021-guangzhou", "2017-guangzhou"]


def run_build(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the real build.py as a user would."""
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=600)


def build_once(tmp_path_factory, name: str, content: Path) -> Path:
    """`content` built by the real build.py into a fresh temporary site/."""
    site = tmp_path_factory.mktemp(name) / "site"
    result = run_build("--content", str(content), "--site", str(site))
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The seed content built once into a temporary site/ for the whole session."""
    return build_once(tmp_path_factory, "built", CONTENT)


@pytest.fixture(scope="session")
def archive_site(tmp_path_factory) -> Path:
    """content/ (the seeds and the real archive) built once into a temporary site/ for the session."""
    return build_once(tmp_path_factory, "archive", ARCHIVE)


def page(site: Path, slug: str) -> BeautifulSoup:
    """Parsed HTML of one report page."""
    return BeautifulSoup((site / "reports" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")


def download(site: Path, slug: str, extension: str) -> str:
    """A report's "txt" or "json" as published: read from its zip beside its page."""
    with zipfile.ZipFile(site / "reports" / slug / f"{slug}.zip") as archive:
        return archive.read(f"{slug}.{extension}").decode("utf-8")


def targets_download(site: Path, name: str) -> str:
    """targets.csv or targets.json as published: read from compare/targets.zip."""
    with zipfile.ZipFile(site / "compare" / "targets.zip") as archive:
        return archive.read(name).decode("utf-8")


def article(soup: BeautifulSoup):
    """The page's content area (without navigation, header, TOC)."""
    return soup.select_one("article.md-content__inner")


def report_text(soup: BeautifulSoup, keep_added: bool = False) -> str:
    """Visible text of the report itself: our labels, link marks and heading links removed."""
    body = BeautifulSoup(str(article(soup)), "html.parser")
    selectors = [".headerlink", ".zb-mark", "script", "style"] + ([] if keep_added else [".zb-added"])
    for selector in selectors:
        for element in body.select(selector):
            element.decompose()
    return body.get_text("")


def copy_content(tmp_path: Path) -> Path:
    """A writable copy of the seed content for tests that change it."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; never a downloaded browser."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "install Debian's chromium (make test does, as root)"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def browser_page(browser):
    """A fresh page that records every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()
