"""Zhengbao (政报): Chinese government work reports as a cross-linked, offline-readable site.

The pipeline, one module per stage: load → clean → parse → link → emit → render.
"""

from pathlib import Path

__version__ = "0.1.0"

# The project folder (content/, site/, mkdocs.yml, .cache/ are in it); here so that the command line
# has it before the stages are imported.
ROOT = Path(__file__).resolve().parent.parent
