"""Command line: `python build.py [--content DIR] [--site DIR] [--explain SLUG]`."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .clean import clean_report
from .emit import emit_site
from .errors import ContentError
from .link import link_report
from .load import load_reports
from .model import Report
from .parse import parse_report
from .render import render_site
from .search import add_search

ROOT = Path(__file__).resolve().parent.parent


def build_reports(content_dir: Path) -> list[Report]:
    """load → clean → parse → link for every report in content_dir."""
    return [link_report(parse_report(clean_report(raw))) for raw in load_reports(content_dir)]


def explain(reports: list[Report], slug: str) -> str:
    """Every repair made to one report: which fix, which line, before → after, why."""
    report = next((r for r in reports if r.meta.slug == slug), None)
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
    parser.add_argument("--explain", metavar="SLUG",
                        help="print every repair the cleaning made to one report, then exit")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    try:
        reports = build_reports(args.content)
    except ContentError as error:
        print(f"error: the content has {len(error.problems)} problem(s); nothing was written:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    if args.explain:
        print(explain(reports, args.explain))
        return 0
    for report in reports:
        for warning in report.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    work = Path(tempfile.mkdtemp(prefix="zhengbao-docs-"))
    try:
        emitted = emit_site(reports, work / "docs")
        # Feature stages add their pages and assets to the docs folder here, one call each.
        add_search(reports, emitted.docs_dir)
        render_site(emitted, args.config, args.site)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    elapsed = time.perf_counter() - started
    paragraphs = sum(len(r.all_paragraphs()) for r in reports)
    print(f"built {len(reports)} reports, {paragraphs} paragraphs into {args.site} in {elapsed:.2f} s")
    return 0
