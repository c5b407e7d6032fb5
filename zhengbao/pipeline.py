"""The driver: load → clean → parse → link → emit → render, in this order, in one place.

Each stage is a module (or package) with one public entry that takes and returns the dataclasses
of `model.py`; the build cache (`cache.py`) wraps stage functions, it never drives them.

    content/ ──load──▶ RawReport ──clean──▶ CleanReport ──parse──▶ Report ──link──▶ Report
        (anchors, metadata, glossary marks, related subsections)
    Report ──emit──▶ docs/ pages + nav (report pages, glossary, comparison, search, downloads)
        ──render──▶ site/ (MkDocs + Material, swapped in whole)
"""

from __future__ import annotations

import multiprocessing
import shutil
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import cache
from .clean import clean_report
from .compare.align import link_related_sections
from .emit import emit_compare, emit_downloads, emit_site, write_site
from .link import link_report
from .link.anchors import AnchorChange, lock_of, lock_path, read_lock, write_lock
from .link.glossary import glossary_entries
from .link.terms import mark_terms
from .load import load_reports
from .model import DataFile, Page, RawReport, Report
from .parse import parse_report
from .render import render_into, swap_in
from .search import add_search

ROOT = Path(__file__).resolve().parent.parent


def linked_report(raw: RawReport, content_dir: Path,
                  disabled: frozenset[str] = frozenset()) -> tuple[Report, list[AnchorChange]]:
    """clean → parse → link one report (read back from the cache when its inputs are unchanged)."""
    lock = lock_path(content_dir, raw.meta.slug)
    key = cache.key_of(repr(raw.meta), raw.path, "\n".join(line.text for line in raw.lines),
                       b"lock\0" + (lock.read_bytes() if lock.is_file() else b""), ",".join(sorted(disabled)))
    return cache.cached("reports", raw.meta.slug, key, lambda: link_report(
        parse_report(clean_report(raw, disabled)), read_lock(content_dir, raw.meta.slug)))


def build_reports_with_changes(content_dir: Path, disabled: frozenset[str] = frozenset(),
                               ) -> tuple[list[Report], list[AnchorChange]]:
    """load → clean → parse → link for every report in content_dir, with the anchor changes found.

    Raises ContentError (load, glossary keys, anchor locks) when the content cannot be built.
    """
    reports: list[Report] = []
    changes: list[AnchorChange] = []
    for raw in load_reports(content_dir):
        report, report_changes = linked_report(raw, content_dir, disabled)
        reports.append(report)
        changes.extend(report_changes)
    mark_terms(reports, glossary_entries(reports, content_dir))
    return reports, changes


def build_reports(content_dir: Path, disabled: frozenset[str] = frozenset()) -> list[Report]:
    """load → clean → parse → link for every report in content_dir."""
    return build_reports_with_changes(content_dir, disabled)[0]


def update_locks(content_dir: Path, reports: list[Report]) -> list[Path]:
    """Write the anchor lock of every report as it is now built."""
    return [write_lock(content_dir, lock_of(report, read_lock(content_dir, report.meta.slug))) for report in reports]


def site_url(config_file: Path) -> str:
    """The published base URL (mkdocs.yml `site_url`), used to complete citations; "" if unknown."""
    try:
        data = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return ""
    return str(data.get("site_url") or "")


def compare_stage(reports: list[Report]) -> tuple[dict, list[Page | DataFile]]:
    """Related subsections (link) and the comparison pages (emit), run in a worker process.

    Returns what the parent needs: related links by (slug, section anchor) and the 对比 pages and
    files as data (the parent writes them). The worker saves the jieba token store it filled (the
    parent never tokenizes).
    """
    link_related_sections(reports)
    compared = emit_compare(reports)
    cache.save_caches()
    related = {(report.meta.slug, section.anchor): section.related
               for report in reports for section in report.all_sections() if section.related}
    return related, compared


@dataclass
class Timings:
    """Seconds per stage, in the order they ran (`build.py --timings`)."""

    laps: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def lap(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.laps[name] = time.perf_counter() - started


def emit_and_render(reports: list[Report], content_dir: Path, config_file: Path, site_dir: Path,
                    timings: Timings) -> None:
    """emit → render: pages as data, written once into a temporary docs folder, then MkDocs into
    site_dir (swapped in whole; reused from the cache when the docs are unchanged)."""
    work = Path(tempfile.mkdtemp(prefix="zhengbao-docs-"))
    docs = work / "docs"
    docs.mkdir()
    try:
        # The comparison (jieba-heavy) runs on the second core while search and downloads are made.
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
            with timings.lap("starting the comparison worker"):
                compared = pool.submit(compare_stage, reports)
            with timings.lap("search index + downloads"):
                downloads = [*emit_downloads(reports), *add_search(reports)]
            with timings.lap("waiting for the comparison worker"):
                related, compare_output = compared.result()
        for report in reports:
            for section in report.all_sections():
                section.related = related.get((report.meta.slug, section.anchor), [])
        with timings.lap("report pages + glossary page"):
            pages = emit_site(reports, glossary_entries(reports, content_dir), site_url(config_file))
            # Navigation order: the site's pages, then the 对比 group; downloads are not in it.
            emitted = write_site([*pages, *compare_output, *downloads], docs)
        with timings.lap("MkDocs render (changed pages only while the nav is the same)"):
            key = cache.render_key(emitted.nav, config_file)
            cache.render_incremental(key, emitted.docs_dir, lambda target, unchanged, removed: render_into(
                emitted, config_file, target, unchanged, removed), site_dir, swap_in)
    finally:
        shutil.rmtree(work, ignore_errors=True)
