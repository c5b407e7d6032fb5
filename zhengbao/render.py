"""Render stage: MkDocs with Material turns the emitted Markdown into site/.

Kept thin on purpose (Material is in maintenance mode): everything report-specific happens in
earlier stages, so this is the one module to replace for a successor renderer.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from .emit import EmittedSite


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
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, site_dir)


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
