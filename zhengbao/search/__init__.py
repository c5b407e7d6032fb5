"""Search stage: a paragraph-level index of character bigrams, written as scripts the browser loads.

Why not Material's search: its lunr index is per page section, its browser-side segmentation of a
Chinese query drops characters (城市更新 → `城市* 更*`), and its worker cannot start from file://.
Every Chinese word of two or more characters is a run of bigrams, so an index of bigram positions
finds any phrase; folding (traditional → simplified, full-width → ASCII, lower case) lets either
script find both.

The index format, the fold, the ranking and how a query runs are written down once, in
docs/search-format.md. Modules: paragraphs (what is indexed, in which order), fold (the fold
table), encoding (numbers, lists and script files), ranking (every constant of query and ranking,
shipped to the browser), shards (the index the site ships), reference (a single-file index and the
plain search the tests compare the browser's answers with). The browser side is
overrides/assets/zhengbao/search-engine.js (index and query) and search.js (the search box).
"""

from __future__ import annotations

from ..model import DataFile, Report
from .shards import build_shards


def add_search(reports: list[Report]) -> list[DataFile]:
    """The manifest and the shards as files for the one writer (emit/write.py), by docs path;
    MkDocs copies them to site/ as they are."""
    return [DataFile(shard.path.as_posix(), shard.text) for shard in build_shards(reports)]
