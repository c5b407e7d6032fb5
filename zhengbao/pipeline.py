"""The driver: load → clean → parse → link → emit → render, in this order, in one place.

Each stage is a module (or package) with one public entry that takes and returns the dataclasses
of `model.py`; the build cache (`cache.py`) wraps stage functions, it never drives them.

    content/ ──load──▶ RawReport ──clean──▶ CleanReport ──parse──▶ Report ──link──▶ Report
        (anchors, metadata, glossary marks, related subsections)
    Report ──emit──▶ docs/ pages + nav (report pages, glossary, comparison, search, downloads)
        ──render──▶ site/ (MkDocs + Material, swapped in whole)
"""

from __future__ import annotations

import gc
import multiprocessing
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from . import cache
from .clean import clean_report
from .compare.align import link_related_sections
from .emit import emit_compare, emit_downloads, emit_site
from .emit.write import navigation, write_item
from .link import link_report
from .link.anchors import AnchorChange, lock_of, lock_path, read_lock, write_lock
from .link.glossary import glossary_entries
from .link.terms import mark_terms
from .load import load_reports
from .model import DataFile, EmittedSite, GlossaryEntry, Page, RawReport, Report
from .parse import parse_report
from .render_process import RenderProcess


def report_key(raw: RawReport, content_dir: Path, disabled: frozenset[str] = frozenset()) -> str:
    """The cache key of one report's linked state: its metadata, file, text, anchor lock and the
    repairs switched off (with the code version, cache.key_of)."""
    lock = lock_path(content_dir, raw.meta.slug)
    return cache.key_of(repr(raw.meta), raw.path, "\n".join(line.text for line in raw.lines),
                        b"lock\0" + (lock.read_bytes() if lock.is_file() else b""), ",".join(sorted(disabled)))


def linked_report(raw: RawReport, content_dir: Path, disabled: frozenset[str] = frozenset(),
                  key: str | None = None) -> tuple[Report, list[AnchorChange]]:
    """clean → parse → link one report (read back from the cache when its inputs are unchanged;
    `key`: report_key's, when the caller has it)."""
    key = key or report_key(raw, content_dir, disabled)
    return cache.cached("reports", raw.meta.slug, key, lambda: link_report(
        parse_report(clean_report(raw, disabled)), read_lock(content_dir, raw.meta.slug)))


@dataclass
class Linked:
    """The reports after load → clean → parse → link, checked, before their glossary marks: what
    `build_reports_with_changes` marks at once and the build marks in its pages worker (`mark`).

    keys: slug → report_key (the marks are cached under it, link.terms.mark_terms);
    entries: every glossary entry with its keys (link.glossary.glossary_entries)."""

    reports: list[Report]
    changes: list[AnchorChange]
    entries: list[GlossaryEntry]
    keys: dict[str, str]

    def mark(self) -> None:
        """Set every paragraph's glossary marks (link.terms.mark_terms)."""
        mark_terms(self.reports, self.entries, self.keys)


def linked_reports(content_dir: Path, disabled: frozenset[str] = frozenset()) -> Linked:
    """load → clean → parse → link for every report in content_dir, with the anchor changes found
    and the glossary entries; not yet marked (Linked.mark).

    Raises ContentError (load, glossary keys, anchor locks) when the content cannot be built.
    """
    reports: list[Report] = []
    changes: list[AnchorChange] = []
    keys: dict[str, str] = {}
    for raw in load_reports(content_dir):
        keys[raw.meta.slug] = key = report_key(raw, content_dir, disabled)
        report, report_changes = linked_report(raw, content_dir, disabled, key)
        reports.append(report)
        changes.extend(report_changes)
    return Linked(reports, changes, glossary_entries(reports, content_dir), keys)


def build_reports_with_changes(content_dir: Path, disabled: frozenset[str] = frozenset(),
                               ) -> tuple[list[Report], list[AnchorChange]]:
    """load → clean → parse → link for every report in content_dir, glossary marks included, with
    the anchor changes found.

    Raises ContentError (load, glossary keys, anchor locks) when the content cannot be built.
    """
    linked = linked_reports(content_dir, disabled)
    linked.mark()
    return linked.reports, linked.changes


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


def pages_stage(linked: Linked, site_url: str) -> Iterator[Page | DataFile]:
    """The glossary marks and related subsections (link), then every page but the downloads: home,
    glossary, report pages, year pages (emit_site), then the 对比 pages and files (emit_compare),
    one at a time; run in a worker process (`emit_and_render`), which writes each.

    Here rather than in the build's process: the marks and the comparison both need jieba's
    dictionary (0.6 s to read, 120 MB), so it is read once, by this worker, while the other worker
    makes the search index; the build's process never reads it. The worker saves the jieba token
    store it filled once the last page is made."""
    linked.mark()
    link_related_sections(linked.reports)
    yield from emit_site(linked.reports, linked.entries, site_url)
    yield from emit_compare(linked.reports)
    cache.save_caches()


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


def search_stage(linked: Linked, site_url: str) -> Iterator[Page | DataFile]:
    """The downloads and the search index, run in a worker process: the index builder's working
    memory is given back when the worker ends instead of staying in the process that renders. The
    downloads come one at a time (the worker writes each before the next is made), the index files
    once the index is built. Neither reads the glossary marks, made in the other worker."""
    from .search import add_search  # here: only this worker needs the index writer (0.09 s of CPU to import, its tables)

    yield from emit_downloads(linked.reports)
    yield from add_search(linked.reports)


@dataclass
class Written:
    """What a worker wrote into the docs folder: every docs path in its order, and its pages without
    their bodies (the navigation needs only their paths and places)."""

    paths: list[str]
    pages: list[Page]


# What a forked worker reads: set before the fork, so the worker inherits the reports with the
# process instead of receiving a pickled copy (pickling 1,000 reports for each worker cost the
# parent 300 MB per copy and gave each worker a second copy beside the inherited one).
_FORKED: list[Linked] = []


def _write_in_worker(stage: Callable[[Linked, str], Iterable[Page | DataFile]], docs_dir: Path,
                     site_url: str) -> Written:
    """stage(the reports inherited at the fork, site_url), its pages and files written into docs_dir
    by the worker itself, each as it comes (emit.write_item): only a Written goes back to the parent."""
    paths: list[str] = []  # checked with every process's paths once all are written (_check_paths)
    pages: list[Page] = []
    for item in stage(_FORKED[0], site_url):
        paths.append(item.path)
        write_item(item, docs_dir)
        if isinstance(item, Page):
            pages.append(replace(item, body=""))
        del item
    return Written(paths, pages)


def _check_paths(paths: list[str]) -> None:
    """emit.write_site's rule over the outputs of every process: each docs path once (the docs
    folder is temporary, so a clash found after writing still leaves nothing behind)."""
    seen: set[str] = set()
    for path in paths:
        if path in seen:
            raise ValueError(f"two outputs for {path}")
        seen.add(path)


def emit_and_render(linked: Linked, config_file: Path, site_dir: Path, timings: Timings,
                    renderer: RenderProcess | None = None) -> None:
    """emit → render: the reports marked and every page and file made and written once into a
    temporary docs folder by two forked workers (pages_stage, search_stage), then MkDocs into
    site_dir (swapped in whole; reused from the cache when the docs are unchanged).

    Time: the workers run on the two cores while this process waits; MkDocs' process
    (`renderer`, started by the caller when the build started; one is started here when none is
    given) has imported MkDocs and compiled the theme by then.
    Memory: what each worker builds for itself (jieba's dictionary, the comparison, the index) is
    freed when it ends; MkDocs runs in a spawned process after the pages are written. Peak memory
    is then the largest of these processes, not their sum.
    """
    work = Path(tempfile.mkdtemp(prefix="zhengbao-docs-"))
    docs = work / "docs"
    docs.mkdir()
    url = site_url(config_file)
    try:
        _FORKED[:] = [linked]
        # What the workers inherit (the reports) stays shared with this process while the collector
        # leaves it alone: a collection would write to every object's header and so copy its memory
        # page into the worker.
        gc.freeze()
        try:
            with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("fork")) as pool:
                with timings.lap("starting the two workers"):
                    searched = pool.submit(_write_in_worker, search_stage, docs, url)
                    made = pool.submit(_write_in_worker, pages_stage, docs, url)
                with timings.lap("pages worker: marks, related sections, site and 对比 pages"):
                    pages = made.result()
                with timings.lap("search index + downloads worker, waited for after"):
                    downloads = searched.result()
        finally:
            gc.unfreeze()
            _FORKED.clear()
        _check_paths([*pages.paths, *downloads.paths])
        # Navigation order: the site's pages, then the 对比 group (pages_stage's order); downloads are not in it.
        emitted = EmittedSite(docs, navigation([*pages.pages, *downloads.pages]))
        with timings.lap("MkDocs render (changed pages only while the nav is the same)"):
            key = cache.render_key(emitted.nav, config_file)
            if renderer is None:
                with RenderProcess(config_file) as started_here:
                    started_here.render(key, emitted, config_file, site_dir)
            else:
                renderer.render(key, emitted, config_file, site_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
