"""`python -m tools.compare`: the comparison as text, for notes and review.

    --print-targets                 targets × years per region (years as rows)
    --print-alignment               the newest plan's units beside every earlier plan, per region
    --print-themes                  the themes found in the archive, with their years and counts
    --timeline 改革开放 新质生产力    any term's share of each year's reports, with its paragraphs
    --gold tests/targets_gold_national.yml   (or tests/targets_gold_provinces.yml)
                                    the targets download against a gold read by hand: match rate and misses
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from zhengbao import ROOT
from zhengbao.compare.align import alignments_as_text
from zhengbao.compare.tables import tables_as_text
from zhengbao.compare.themes import themes_as_text
from zhengbao.compare.timeline import timeline_as_text
from zhengbao.emit.compare_pages import targets_csv
from zhengbao.model import Report
from zhengbao.pipeline import build_reports


@dataclass
class GoldCheck:
    """Gold cells against the built targets download: per part ("targets", "outcomes", …) matched/total."""

    counts: dict[str, list[int]] = field(default_factory=dict)  # part → [matched, total]
    misses: list[str] = field(default_factory=list)  # "targets 2012 m2 (content/2012-national.txt:164): …"

    def add(self, part: str, cell: dict, problem: str) -> None:
        matched_total = self.counts.setdefault(part, [0, 0])
        matched_total[1] += 1
        if problem:
            self.misses.append(f"{part} {cell['year']} {cell['indicator']} ({cell['at']}): {problem}")
        else:
            matched_total[0] += 1

    def rate(self, part: str) -> float:
        matched, total = self.counts.get(part, [0, 0])
        return matched / total if total else 1.0

    def summary(self) -> str:
        return "; ".join(f"{part} {m}/{t} ({m / t:.1%})" for part, (m, t) in self.counts.items() if t)


def _gold_content(gold: dict, root: Path, folder: Path) -> dict[str, str]:
    """Copy every report file the gold cites (with its reports.yml entry and anchor lock) into folder.

    Returns the cited file (as the gold writes it) → the report's slug."""
    entries = []
    cited = sorted({cell["at"].rsplit(":", 1)[0] for cells in gold.values() for cell in cells})
    for relative in cited:
        source = root / relative
        listed = yaml.safe_load((source.parent / "reports.yml").read_text(encoding="utf-8"))["reports"]
        entry = next(item for item in listed if item["file"] == source.name)
        shutil.copyfile(source, folder / source.name)
        lock = source.parent / "anchors" / f"{entry['slug']}.json"
        if lock.is_file():
            (folder / "anchors").mkdir(exist_ok=True)
            shutil.copyfile(lock, folder / "anchors" / lock.name)
        entries.append(entry)
    (folder / "reports.yml").write_text(yaml.safe_dump({"reports": entries}, allow_unicode=True), encoding="utf-8")
    return {relative: entry["slug"] for relative, entry in zip(cited, entries, strict=True)}


def _anchor_at(report: Report, line: int) -> str:
    """The anchor of the paragraph the source line belongs to (the last one starting at or before it)."""
    found = ""
    for paragraph in report.all_paragraphs():
        if paragraph.source_line <= line:
            found = paragraph.anchor
    return found


def check_gold(gold_file: Path, root: Path = ROOT) -> GoldCheck:
    """Build the reports the gold cites and compare the targets download (targets.csv) cell by cell.

    A target or outcome matches when the download has a row of that kind, year and indicator whose
    value is the gold's as written, whose numbers are the gold's (low, high), whose qualifier is the gold's
    where the gold gives one, and whose anchor is the
    paragraph at the gold's source line; a not_set cell when there is no target row and a "not set" row
    (the report lists targets without it); a not_outcome
    when the outcome row (if any) is not that figure; a not_target (a review figure, a five-year goal)
    when the target row (if any) cites another paragraph. Rows are matched on the region and level of
    the report the cell cites, so one gold may hold national, provincial or city cells.
    """
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="zb-gold-") as work:
        folder = Path(work)
        slugs = _gold_content(gold, root, folder)
        reports = build_reports(folder)
        rows = list(csv.DictReader(io.StringIO(targets_csv(reports))))
    by_slug = {report.meta.slug: report for report in reports}
    found = {(row["kind"], row["level"], row["region"], int(row["year"]), row["indicator"]): row for row in rows}
    check = GoldCheck()

    def cited(cell: dict) -> tuple[Report, str]:
        """The report the cell cites and the anchor of the paragraph at its line."""
        file, line = cell["at"].rsplit(":", 1)
        report = by_slug[slugs[file]]
        return report, _anchor_at(report, int(line))

    def row_of(kind: str, cell: dict) -> dict | None:
        """The download's row of that kind for the cited report's region, the cell's year and indicator."""
        meta = cited(cell)[0].meta
        return found.get((kind, meta.level, meta.region, cell["year"], cell["indicator"]))

    for part, kind in (("targets", "target"), ("outcomes", "outcome")):
        for cell in gold.get(part, []):
            report, anchor = cited(cell)
            check.add(part, cell, _row_problem(row_of(kind, cell), cell, report.meta.slug, anchor))
    for cell in gold.get("not_set", []):
        row = row_of("target", cell)
        listed = row_of("not set", cell)
        check.add("not_set", cell, f"a target {row['value']!r} in {row['anchor']}" if row
                  else "" if listed else "no not-set row")
    for cell in gold.get("not_outcomes", []):
        row = row_of("outcome", cell)
        taken = row is not None and row["low"] and abs(float(row["low"]) - cell["low"]) < 1e-9
        check.add("not_outcomes", cell, f"taken as the year's outcome: {row['value']!r}" if taken else "")
    for cell in gold.get("not_targets", []):
        row = row_of("target", cell)
        report, anchor = cited(cell)
        taken = row is not None and (row["slug"], row["anchor"]) == (report.meta.slug, anchor)
        check.add("not_targets", cell, f"taken as the year's target: {row['value']!r}" if taken else "")
    return check


def _row_problem(row: dict | None, cell: dict, slug: str, anchor: str) -> str:
    """"" when the download's row is the gold cell, else what differs."""
    if row is None:
        return f"missing (gold {cell['value']!r})"
    problems = []
    if row["value"] != cell["value"]:
        problems.append(f"value {row['value']!r} ≠ {cell['value']!r}")
    low = cell.get("low")
    high = cell.get("high", low)
    read = (float(row["low"]) if row["low"] else None, float(row["high"]) if row["high"] else None)
    if low is not None and read != (float(low), float(high)):
        problems.append(f"read {read} ≠ {(low, high)}")
    if "qualifier" in cell and row["qualifier"] != cell["qualifier"]:
        problems.append(f"qualifier {row['qualifier']!r} ≠ {cell['qualifier']!r}")
    if (row["slug"], row["anchor"]) != (slug, anchor):
        problems.append(f"anchor {row['slug']}#{row['anchor']} ≠ {slug}#{anchor}")
    return "; ".join(problems)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.compare")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--print-targets", action="store_true", help="targets per region, a line per year")
    parser.add_argument("--print-alignment", action="store_true", help="work-plan unit pairs per region")
    parser.add_argument("--print-themes", action="store_true", help="themes found in the archive")
    parser.add_argument("--timeline", nargs="+", metavar="TERM", help="each term's share of every year's reports")
    parser.add_argument("--gold", type=Path, metavar="YML", help="match rate of the targets download against a gold")
    args = parser.parse_args()
    if args.gold:
        check = check_gold(args.gold)
        print(check.summary())
        print("\n".join(check.misses))
        return
    reports = build_reports(args.content)
    if args.print_targets:
        print(tables_as_text(reports))
    if args.print_alignment:
        print(alignments_as_text(reports))
    if args.print_themes:
        print(themes_as_text(reports))
    if args.timeline:
        print(timeline_as_text(args.timeline, reports))


if __name__ == "__main__":
    main()
