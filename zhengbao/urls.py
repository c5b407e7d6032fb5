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


# The pages and files of the site, from the site root. A page's Markdown source in the docs
# folder has the same path with ".md" for ".html" (doc_path).
HOME = "index.html"
GLOSSARY = "glossary/index.html"
ALL_REPORTS = "downloads/reports.json"
REPORTS_SCHEMA = "downloads/reports.schema.json"


def doc_path(page: str) -> str:
    """The docs file MkDocs publishes as `page`: "reports/a/index.html" → "reports/a/index.md"."""
    if not page.endswith(".html"):
        raise ValueError(f"not a page: {page}")
    return page.removesuffix(".html") + ".md"


def report_folder(slug: str) -> str:
    """The folder of a report's page and downloads, as a citation gives it: "reports/<slug>/"."""
    return f"reports/{slug}/"


def report_download(slug: str) -> str:
    """One report's downloads, one zip beside its page: "reports/<slug>/<slug>.zip", holding its
    text and its JSON (download_member)."""
    return f"{report_folder(slug)}{slug}.zip"


def download_member(slug: str, extension: str) -> str:
    """A file in a report's zip: "<slug>.txt" (extension "txt", the cleaned text) or "<slug>.json"."""
    return f"{slug}.{extension}"


def repairs_page(slug: str) -> str:
    """The record of repairs of one report, beside its page: "reports/<slug>/repairs.html"."""
    return f"{report_folder(slug)}repairs.html"


def glossary_entry(anchor: str) -> str:
    """One entry of the glossary page: "glossary/index.html#g-<source slug>-<number>"."""
    return f"{GLOSSARY}#{anchor}"


def year_page(year: int) -> str:
    """The list of one year's reports (large archives): "years/<year>.html"."""
    return f"years/{year}.html"


def compare_page(name: str) -> str:
    """A page of the 对比 section: "compare/<name>.html"."""
    return f"compare/{name}.html"


def compare_file(name: str) -> str:
    """A download of the 对比 section: "compare/<name>" ("targets.csv")."""
    return f"compare/{name}"


def relative(target: str, from_page: str) -> str:
    """The link written on the page `from_page` (a page path from the site root) to `target`.

    Both are paths from the site root; `target` may end in "#fragment". A link within the same
    page is the fragment alone ("#s1-p2"); otherwise the link climbs to the common folder:
    from "reports/a/index.html", "reports/b/index.html" is "../b/index.html" and "glossary/index.html"
    is "../../glossary/index.html".
    """
    path, hash_mark, fragment = target.partition("#")
    if path == from_page and hash_mark:
        return hash_mark + fragment
    here = from_page.split("/")[:-1]
    there = path.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return up(len(here) - common) + "/".join(there[common:]) + hash_mark + fragment
