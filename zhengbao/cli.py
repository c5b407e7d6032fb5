"""Command line: `python build.py [--content DIR] [--site DIR] [--explain SLUG]`."""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml

from .anchors import AnchorChange, lock_of, read_lock, write_lock
from .compare import emit_compare
from .compare.align import link_related_sections
from .downloads import emit_downloads
from .emit import emit_site
from .errors import ContentError
from .glossary import glossary_entries
from .glossary_page import add_glossary_page
from .incremental import linked_report, render_or_reuse, save_caches
from .load import load_reports
from .model import Report
from .search import add_search
from .terms import mark_terms

ROOT = Path(__file__).resolve().parent.parent


def build_reports(content_dir: Path) -> list[Report]:
    """load → clean → parse → link for every report in content_dir."""
    return build_reports_with_changes(content_dir)[0]


def build_reports_with_changes(content_dir: Path) -> tuple[list[Report], list[AnchorChange]]:
    """load → clean → parse → link for every report in content_dir, with its anchor lock."""
    reports: list[Report] = []
    changes: list[AnchorChange] = []
    for raw in load_reports(content_dir):
        report, report_changes = linked_report(raw, content_dir)
        reports.append(report)
        changes.extend(report_changes)
    mark_terms(reports, glossary_entries(reports, content_dir))
    return reports, changes


def update_locks(content_dir: Path, reports: list[Report]) -> list[Path]:
    """Write the anchor lock of every report as it is now built."""
    return [write_lock(content_dir, lock_of(report, read_lock(content_dir, report.meta.slug))) for report in reports]


def explain(reports: list[Report], slug: str) -> str:
    """Every repair made to one report: which fix, which line, before → after, why."""
    report = next((r for r in reports if slug in (r.meta.slug, r.meta.file, r.path)), None)
    if report is None:
        known = ", ".join(r.meta.slug for r in reports)
        raise SystemExit(f"error: no report with slug '{slug}' (known: {known})")
    lines = [f"Repairs made to {report.path} ({report.meta.slug}): {len(report.repairs)}"]
    counts: dict[str, int] = {}
    for repair in report.repairs:
        counts[repair.fix] = counts.get(repair.fix, 0) + 1
    lines += [f"  {fix}: {count}" for fix, count in counts.items()]
    lines.append("")
    for repair in report.repairs:
        lines.append(f"{report.path}:{repair.line}: {repair.fix} — {repair.why}")
        lines.append(f"    before: {repair.before}")
        lines.append(f"    after:  {repair.after}")
    return "\n".join(lines)


def stats(reports: list[Report]) -> str:
    """Per report: sections, subsections, paragraphs and rejoined PDF breaks."""
    rows = [f"{'slug':28} {'sections':>8} {'subsections':>11} {'paragraphs':>10} {'rejoined':>8}"]
    for report in reports:
        top = [s for s in report.sections if s.role == "body"]
        subs = sum(len(s.subsections) for s in report.sections)
        joins = sum(1 for r in report.repairs if r.fix in ("join_broken_lines", "join_broken_date_line", "join_broken_title"))
        rows.append(f"{report.meta.slug:28} {len(top):>8} {subs:>11} {len(report.all_paragraphs()):>10} {joins:>8}")
    return "\n".join(rows)


def compare_stage(reports: list[Report], docs: Path) -> tuple[dict, list]:
    """Comparison pages (written into docs) and the related-subsection links, in a worker process.

    Returns what the parent needs: related links by (slug, section anchor) and the nav entries.
    The worker saves the jieba token store it filled (the parent never tokenizes).
    """
    link_related_sections(reports)
    nav: list = []
    emit_compare(reports, docs, nav)
    save_caches()
    related = {(report.meta.slug, section.anchor): section.related
               for report in reports for section in report.all_sections() if section.related}
    return related, nav


def site_url(config_file: Path) -> str:
    """The published base URL (mkdocs.yml `site_url`), used to complete citations; "" if unknown."""
    try:
        data = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return ""
    return str(data.get("site_url") or "")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Build the Zhengbao reading site: reads the reports listed in CONTENT/reports.yml, "
                    "cleans and parses them, and renders SITE with MkDocs + Material. The previous "
                    "SITE is replaced only when the new build has succeeded.")
    parser.add_argument("--content", type=Path, default=ROOT / "content",
                        help="folder with reports.yml and the report files (default: content/)")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="output folder (default: site/)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml",
                        help="MkDocs configuration (default: mkdocs.yml)")
    parser.add_argument("--explain", metavar="SLUG|FILE",
                        help="print every repair the cleaning made to one report, then exit")
    parser.add_argument("--update-anchors", action="store_true",
                        help="write content/anchors/<slug>.json, the lock that keeps published anchors stable")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings (e.g. a report with no section structure) as errors")
    parser.add_argument("--timings", action="store_true", help="print how long each stage took")
    parser.add_argument("--stats", action="store_true",
                        help="print sections, subsections, paragraphs and rejoined breaks per report, then exit")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    try:
        reports, changes = build_reports_with_changes(args.content)
    except ContentError as error:
        print(f"error: the content has {len(error.problems)} problem(s); nothing was written:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    if args.stats:
        print(stats(reports))
        return 0
    if args.explain:
        print(explain(reports, args.explain))
        return 0
    for change in changes:
        print(f"anchor: {change}", file=sys.stderr)
    breaking = [c for c in changes if c.breaking]
    if breaking and not args.update_anchors:
        print(f"error: {len(breaking)} published anchor(s) would no longer land on their paragraph; nothing was "
              "written — if those paragraphs were really removed, run `python build.py --update-anchors` to record "
              "them (their links will show a removal notice); otherwise restore the text", file=sys.stderr)
        return 2
    if args.update_anchors:
        for path in update_locks(args.content, reports):
            print(f"wrote {path}", file=sys.stderr)
    elif changes:
        print("note: anchors changed without breaking any link; run `python build.py --update-anchors` to record "
              "them in content/anchors/", file=sys.stderr)
    warnings = [warning for report in reports for warning in report.warnings]
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if warnings and args.strict:
        print(f"error: {len(warnings)} warning(s) and --strict given; nothing was written", file=sys.stderr)
        return 2
    timings = {"load → clean → parse → link, glossary marks": time.perf_counter() - started}

    def lap(name: str, since: float) -> float:
        now = time.perf_counter()
        timings[name] = now - since
        return now

    work = Path(tempfile.mkdtemp(prefix="zhengbao-docs-"))
    docs = work / "docs"
    docs.mkdir()
    try:
        at = time.perf_counter()
        # The comparison (jieba-heavy) runs on the second core while search and downloads are made.
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
            compared = pool.submit(compare_stage, reports, docs)
            at = lap("starting the comparison worker", at)
            add_search(reports, docs)
            emit_downloads(reports, docs)
            at = lap("search index + downloads", at)
            related, compare_nav = compared.result()
            at = lap("waiting for the comparison worker", at)
        for report in reports:
            for section in report.all_sections():
                section.related = related.get((report.meta.slug, section.anchor), [])
        emitted = emit_site(reports, docs, site_url(args.config))
        emitted.nav.extend(compare_nav)
        add_glossary_page(reports, args.content, emitted)
        at = lap("report pages + glossary page", at)
        render_or_reuse(emitted, args.config, args.site)
        lap("MkDocs render (or cached site)", at)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    elapsed = time.perf_counter() - started
    paragraphs = sum(len(r.all_paragraphs()) for r in reports)
    print(f"built {len(reports)} reports, {paragraphs} paragraphs into {args.site} in {elapsed:.2f} s")
    if args.timings:
        for name, seconds in timings.items():
            print(f"  {seconds:8.2f} s  {name}")
    return 0
