"""Development tools (bench, synthetic corpus, screenshots, search bench): never imported by the build."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "cases" / "seeds"
"""The five seed reports with their reports.yml, anchor locks and glossary keys: the small, stable
content folder the tests, `make bench N=5`, the synthetic corpus and the screenshots start from.
content/ itself holds the seeds and the real archive."""
