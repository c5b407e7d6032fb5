"""Command line: `python build.py [--content DIR] [--site DIR] [--explain SLUG]`."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import ROOT
from .errors import ContentError
from .model import Report
from .render_process import RenderProcess

# The stages (clean, pipeline, stats) are imported where they are used, after a build has started
# MkDocs' process (main): it then imports MkDocs and compiles the theme while this process imports
# the stages (about 0.3 s) and reads the reports, instead of starting after the imports.


def find_report(reports: list[Report], wanted: str) -> Report | None:
    """The report named by a slug, a file name or a path to its file (relative or absolute)."""
    target = Path(wanted).expanduser()
    for report in reports:
        if wanted in (report.meta.slug, report.meta.file, report.path):
            return report
        if target.exists() and target.resolve() == Path(report.path).resolve():
            return report
    return None


def explain(reports: list[Report], wanted: str) -> str:
    """Every repair made to one report: which fix, which line, before → after, why.

    `wanted` is a slug, a file name or a path; raises LookupError naming the known slugs.
    """
    report = find_report(reports, wanted)
    if report is None:
        known = ", ".join(r.meta.slug for r in reports)
        raise LookupError(f"no report with slug, file name or path '{wanted}' — give one of: {known}")
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
    parser.add_argument("--explain", metavar="SLUG|FILE|PATH",
                        help="print every repair the cleaning made to one report (named by its slug, its file name "
                             "or the path to its file), then exit")
    parser.add_argument("--no-fix", metavar="NAME", action="append", default=[],
                        help="switch off one named repair (repeatable); the names are listed by --list-fixes")
    parser.add_argument("--list-fixes", action="store_true", help="list the named repairs in the order they run, then exit")
    parser.add_argument("--update-anchors", action="store_true",
                        help="write content/anchors/<slug>.json, the lock that keeps published anchors stable")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings (e.g. a report with no section structure) as errors")
    parser.add_argument("--timings", action="store_true", help="print how long each stage took")
    parser.add_argument("--stats", action="store_true",
                        help="print per report the headings found at each level, the unnumbered ones, the paragraphs, the lines "
                             "removed (and by which repair) and the breaks rejoined, then exit")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    args = parse_args(argv)
    if args.list_fixes:
        return list_fixes()
    if args.stats or args.explain:
        return unknown_fixes(args.no_fix) or report_only(args)
    with RenderProcess(args.config) as renderer:
        return unknown_fixes(args.no_fix) or build(args, started, renderer)


def list_fixes() -> int:
    """--list-fixes: the named repairs in the order they run."""
    from . import clean

    for name, summary in clean.list_fixes():
        print(f"{name:32} {clean.fix_label(name)}：{summary}")
    return 0


def unknown_fixes(names: list[str]) -> int:
    """0 when every --no-fix name is a repair's; otherwise the error printed and its exit status (2)."""
    from . import clean

    unknown = sorted(set(names) - {name for name, _ in clean.list_fixes()})
    if not unknown:
        return 0
    print(f"error: unknown repair name(s) for --no-fix: {', '.join(unknown)} — "
          "run `python build.py --list-fixes` for the names", file=sys.stderr)
    return 2


def report_only(args: argparse.Namespace) -> int:
    """--stats and --explain: read the reports, print, write nothing."""
    from .pipeline import build_reports_with_changes
    from .stats import stats_table

    try:
        reports, _ = build_reports_with_changes(args.content, frozenset(args.no_fix))
    except ContentError as error:
        return content_errors(error)
    if args.stats:
        print(stats_table(reports))
        return 0
    try:
        print(explain(reports, args.explain))
    except LookupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


def content_errors(error: ContentError) -> int:
    """Print the content's problems; the exit status of a build stopped on bad input (2)."""
    print(f"error: the content has {len(error.problems)} problem(s); nothing was written:", file=sys.stderr)
    for problem in error.problems:
        print(f"  {problem}", file=sys.stderr)
    return 2


def build(args: argparse.Namespace, started: float, renderer: RenderProcess) -> int:
    """The build: reports read and checked, then emit → render (MkDocs in `renderer`)."""
    from .pipeline import Timings, emit_and_render, linked_reports, update_locks

    try:
        linked = linked_reports(args.content, frozenset(args.no_fix))  # marked by emit_and_render's worker
    except ContentError as error:
        return content_errors(error)
    reports, changes = linked.reports, linked.changes
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
    timings = Timings({"imports, load → clean → parse → link": time.perf_counter() - started})
    emit_and_render(linked, args.config, args.site, timings, renderer)
    elapsed = time.perf_counter() - started
    paragraphs = sum(len(r.all_paragraphs()) for r in reports)
    print(f"built {len(reports)} reports, {paragraphs} paragraphs into {args.site} in {elapsed:.2f} s")
    if args.timings:
        for name, seconds in timings.laps.items():
            print(f"  {seconds:8.2f} s  {name}")
    return 0
