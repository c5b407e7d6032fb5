"""Zhengbao (政报): Chinese government work reports as a cross-linked, offline-readable site.

The pipeline, one module per stage: load → clean → parse → link → emit → render.
"""

__version__ = "0.1.0"
