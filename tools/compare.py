"""`python -m tools.compare`: the comparison as text, for notes and review.

    --print-targets                 targets × years per region (years as rows)
    --print-alignment               the newest plan's units beside every earlier plan, per region
    --print-themes                  the themes found in the archive, with their years and counts
    --timeline 改革开放 新质生产力    any term's share of each year's reports, with its paragraphs
"""

from __future__ import annotations

import argparse
from pathlib import Path

from zhengbao.compare.align import alignments_as_text
from zhengbao.compare.tables import tables_as_text
from zhengbao.compare.themes import themes_as_text
from zhengbao.compare.timeline import timeline_as_text
from zhengbao.pipeline import ROOT, build_reports


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.compare")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--print-targets", action="store_true", help="targets per region, a line per year")
    parser.add_argument("--print-alignment", action="store_true", help="work-plan unit pairs per region")
    parser.add_argument("--print-themes", action="store_true", help="themes found in the archive")
    parser.add_argument("--timeline", nargs="+", metavar="TERM", help="each term's share of every year's reports")
    args = parser.parse_args()
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
