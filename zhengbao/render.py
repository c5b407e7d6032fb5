"""Render stage: MkDocs with Material turns the emitted Markdown into site/.

Kept thin on purpose (Material is in maintenance mode): everything report-specific happens in
earlier stages, so this is the one module to replace for a successor renderer.
"""

from __future__ import annotations

import fnmatch
import functools
import logging
import os
import re
import shutil
import tempfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, get_files
from mkdocs.theme import Theme

from . import cache
from .model import EmittedSite
from .raw_html import WholeBlocksExtension


class _TemplateCode(BytecodeCache):
    """Jinja's bytecode cache (its documented extension point) in memory, for one process: the
    theme's templates (Material's main.html, base.html and partials: about 0.3 s to compile) are
    compiled by `warm_up` while the reports are read, and the render's environment loads them
    compiled. Jinja checks each entry against its template's source (Bucket checksum)."""

    def __init__(self) -> None:
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.codes.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


_TEMPLATE_CODE = _TemplateCode()

# Files of the theme that no page loads: Material's search (lunr with its language files and the
# search worker; plugins: [] in mkdocs.yml, the site has its own search) and source maps (for
# Material's developers). 2.1 MB, half a times the report text of content/ (issue 17).
UNUSED_THEME_FILES = ("assets/javascripts/lunr/*", "assets/javascripts/workers/*", "*.map")


class _ThemeLoader(FileSystemLoader):
    """The theme's template loader (FileSystemLoader over the theme's folders), whose list of files
    is made once per process, without the files in hidden folders. MkDocs lists every file of the
    theme to copy its assets (`Files.add_files_from_theme`), then drops the hidden ones by its own
    patterns ('.*', '*/.*'): Material's 14,000 icons under `.icons`. Listing and filtering them took
    about 0.1 s of each render (0.25 s on a loaded machine); `warm_up` lists them, the render reads
    the list. The files MkDocs copies are the same."""

    _listed: dict[tuple[str, ...], list[str]] = {}

    def list_templates(self) -> list[str]:
        key = tuple(self.searchpath)
        if key not in self._listed:
            self._listed[key] = [name for name in super().list_templates()
                                 if not any(part.startswith(".") for part in name.split("/"))]
        return list(self._listed[key])


def theme_env(theme: Theme, get_env: Callable[[], Environment] | None = None) -> Environment:
    """MkDocs' Jinja environment of the theme (`get_env`: the theme's own method), its files listed
    once per process (_ThemeLoader)."""
    env = (get_env or theme.get_env)()
    loader = env.loader
    env.loader = _ThemeLoader(loader.searchpath, loader.encoding, loader.followlinks)
    return env


_INDENT = re.compile(r"\n\s+")


def chrome_unindented(html: str) -> str:
    """A page with the indentation and blank lines of the theme removed outside its <article>: a run
    of white space starting with a newline renders as the newline alone (no <pre>,
    <textarea> or `white-space: pre` is in Material's page frame or our partials). The article, where
    the report's text is, is left as converted. About 2 KB a page."""
    start, end = html.find("<article"), html.rfind("</article>")
    if start < 0 or end < start:
        return _INDENT.sub("\n", html)
    return _INDENT.sub("\n", html[:start]) + html[start:end] + _INDENT.sub("\n", html[end:])


class _RenderPlugin(BasePlugin):
    """The render stage's MkDocs plugin, registered after those of mkdocs.yml. What it changes in
    the output: it leaves out the theme's UNUSED_THEME_FILES, and renders the theme's templates with
    Jinja's trim_blocks and lstrip_blocks (no line left behind by a template tag: 4.5 KB less a page,
    1.2 MB on content/; every script and every article the same up to whitespace between tags), and
    without the indentation of the page's frame (chrome_unindented).
    What it changes in the cost:

    - memory: MkDocs converts every page before it writes any and keeps each page's Markdown and
      HTML until the build ends (948 MB at 1,000 reports, docs/scale.md). The plugin keeps a page's
      HTML compressed (zlib level 1, about a fifth of its size) from its conversion until its
      template is rendered, and drops the Markdown once converted and the HTML once written: MkDocs
      then holds one page's HTML at a time;
    - time: the theme's Jinja environment gets the process's compiled templates (_TEMPLATE_CODE)
      and its list of files (theme_env), and Markdown our pages' one-line HTML blocks without
      html.parser (raw_html.WholeBlocksExtension).
    """

    def __init__(self) -> None:
        self._held: dict[str, bytes] = {}

    def on_config(self, config, **kwargs):
        config.markdown_extensions.append(WholeBlocksExtension())
        config.theme.get_env = functools.partial(theme_env, config.theme, config.theme.get_env)
        return config

    def on_files(self, files, config, **kwargs):
        for file in list(files):  # the theme's files: MkDocs reads them from the theme's folders
            if file.src_dir != config.docs_dir and any(fnmatch.fnmatch(file.src_uri, p) for p in UNUSED_THEME_FILES):
                files.remove(file)
        return files

    def on_env(self, env, config, files, **kwargs):
        env.bytecode_cache = _TEMPLATE_CODE
        env.trim_blocks = env.lstrip_blocks = True
        return env

    def on_page_content(self, html, page, **kwargs):
        self._held[page.file.src_uri] = zlib.compress(html.encode("utf-8", "surrogatepass"), 1)
        page.markdown = None
        return ""

    def on_page_context(self, context, page, **kwargs):
        page.content = zlib.decompress(self._held.pop(page.file.src_uri)).decode("utf-8", "surrogatepass")
        return context

    def on_post_page(self, output, page, **kwargs):
        page.content = None
        return chrome_unindented(output)


def _build(config, dirty: bool) -> None:
    """MkDocs' build with _RenderPlugin added after the plugins of mkdocs.yml."""
    config.plugins["zhengbao-render"] = _RenderPlugin()
    config.plugins.on_startup(command="build", dirty=dirty)
    try:
        build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()


def warm_up(config_file: Path) -> None:
    """Render a one-page site with config_file into a temporary folder and forget it, so the
    render that follows finds the theme, its plugins and the Markdown extensions imported, and
    the theme's templates compiled (_TEMPLATE_CODE). Run by the MkDocs process while the reports
    are read. Nothing is kept; a config that fails here is reported by the real render."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    with tempfile.TemporaryDirectory(prefix="zhengbao-warm-up-") as work:
        docs = Path(work) / "docs"
        docs.mkdir()
        (docs / "index.md").write_text("# 政府工作报告\n\n正文。\n", encoding="utf-8")
        quiet = logging.getLogger("mkdocs")
        quiet.setLevel(logging.CRITICAL + 1)  # a config error is reported once, by the real render
        try:
            _build(load_config(config_file=str(config_file), docs_dir=str(docs), site_dir=str(Path(work) / "site")),
                   dirty=False)
        except BaseException:  # noqa: BLE001 — the real render reads the same file and reports it
            return
        finally:
            quiet.setLevel(logging.WARNING)


def render_site(emitted: EmittedSite, config_file: Path, site_dir: Path) -> None:
    """Build into a temporary folder beside site_dir, then swap it in.

    A failed or interrupted build never leaves a half-written site: the previous site/ stays
    until the new one is complete.
    """
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    # Deterministic output: MkDocs dates the sitemap and its gzip from SOURCE_DATE_EPOCH.
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        config = load_config(
            config_file=str(config_file),
            docs_dir=str(emitted.docs_dir.resolve()),
            site_dir=str(staging),
            nav=emitted.nav,
        )
        _build(config, dirty=False)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, site_dir)


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns about every dirty build; ours are exact (see render_into), so the warning is noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def render_into(emitted: EmittedSite, config_file: Path, target: Path, unchanged: set[str],
                removed: Iterable[str]) -> None:
    """MkDocs into `target`, in place, rendering only what changed (MkDocs' own dirty build).

    `target` is empty or holds the site rendered before from the same navigation, mkdocs.yml,
    overrides and code; `unchanged` are the docs paths ("/"-separated) whose bytes are those of
    that render, `removed` the docs paths it had that are gone. With the same navigation, a page
    whose Markdown is unchanged renders to the same bytes, so its HTML is kept. MkDocs' dirty
    build decides by modification times: an unchanged source is dated 1970, and every output
    MkDocs will write is unlinked first, so files hard-linked into a published site are never
    written through (cache.publish_workspace).
    """
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build_log = logging.getLogger("mkdocs.commands.build")
    quiet = _NoDirtyWarning()
    build_log.addFilter(quiet)
    docs = emitted.docs_dir.resolve()
    target.mkdir(parents=True, exist_ok=True)
    try:
        config = load_config(config_file=str(config_file), docs_dir=str(docs), site_dir=str(target.resolve()),
                             nav=emitted.nav)
        for path in unchanged:
            os.utime(docs / path, (0, 0))
        for path in removed:
            gone = Path(File(path, str(docs), config.site_dir, config.use_directory_urls).abs_dest_path)
            gone.unlink(missing_ok=True)
            while gone.parent != target.resolve() and gone.parent.is_dir() and not any(gone.parent.iterdir()):
                gone = gone.parent
                gone.rmdir()
        if any(target.iterdir()):  # outputs of the last render: those MkDocs writes again go first
            files = get_files(config)
            files.add_files_from_theme(theme_env(config.theme), config)
            for file in files:
                if file.is_modified():
                    Path(file.abs_dest_path).unlink(missing_ok=True)
            for name in config.theme.static_templates:
                for written in (target / name, target / f"{name}.gz"):
                    written.unlink(missing_ok=True)
        _build(config, dirty=True)
    finally:
        build_log.removeFilter(quiet)


def swap_in(staging: Path, site_dir: Path) -> None:
    """Replace site_dir by staging with two renames, so readers never see a partial site."""
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
    staging.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def render_stage(key: str, emitted: EmittedSite, config_file: Path, site_dir: Path) -> None:
    """MkDocs into site_dir, only what changed since the kept workspace's render
    (cache.render_incremental, render_into), swapped in whole; run in the MkDocs process
    (render_process.RenderProcess)."""
    cache.render_incremental(key, emitted.docs_dir, lambda target, unchanged, removed: render_into(
        emitted, config_file, target, unchanged, removed), site_dir, swap_in)
