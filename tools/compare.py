"""`python -m tools.compare --print-targets`: the targets tables as text, for notes and review."""

from __future__ import annotations

import argparse
from pathlib import Path

from zhengbao.compare.align import alignments_as_text
from zhengbao.compare.tables import tables_as_text
from zhengbao.compare.themes import themes_as_text
from zhengbao.pipeline import ROOT, build_reports


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.compare")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--print-targets", action="store_true", help="targets × years per region")
    parser.add_argument("--print-alignment", action="store_true", help="work-plan subsection pairs")
    parser.add_argument("--print-themes", action="store_true", help="kept themes with mentions per report")
    args = parser.parse_args()
    reports = build_reports(args.content)
    if args.print_targets:
        print(tables_as_text(reports))
    if args.print_alignment:
        print(alignments_as_text(reports))
    if args.print_themes:
        print(themes_as_text(reports))


if __name__ == "__main__":
    main()
