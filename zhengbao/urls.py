"""Where pages live in the built site: the one home of the site's URL shapes.

Every page is a folder with an index.html, so links work from file:// without a server
(MkDocs `use_directory_urls: false` style paths, written out). Paths here are relative to the
site root and use "/" on every system; a link from a page `depth` folders below the root climbs
with "../" that many times. The browser code never rebuilds these: the build writes each report's
page path into the data it loads (the search manifest, docs/search-format.md).
"""

from __future__ import annotations


def report_page(slug: str) -> str:
    """The page of one report, from the site root: "reports/<slug>/index.html"."""
    return f"reports/{slug}/index.html"


def up(depth: int) -> str:
    """The relative path from a page `depth` folders below the site root back to the root."""
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, got {depth}")
    return "../" * depth


def paragraph_href(slug: str, anchor: str, depth: int = 0) -> str:
    """Link to one paragraph of a report from a page `depth` folders below the site root.

    depth 0 is the root (index.html), 1 a top-level section page (glossary/index.html), 2 a
    report page (reports/<slug>/index.html). Anchors are the stable ids of content/anchors/.
    """
    return up(depth) + report_page(slug) + "#" + anchor
