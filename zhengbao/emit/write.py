"""The one writer of the emit stage: pages and files as data → the docs folder MkDocs renders.

Emitters never write: they return `Page`s and `DataFile`s (model.py), and this module writes
each exactly once, with its front matter, and assembles the navigation from the pages' places
in the order the pages are given.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..markup import escape_text
from ..model import DataFile, EmittedSite, Page


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar (titles may contain colons or quotes)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_text(page: Page) -> str:
    """The Markdown file of a page: front matter (title, language), a blank line, the body.

    MkDocs and Material insert page titles into templates unescaped: the title is escaped here.
    """
    front = [f"title: {yaml_string(escape_text(page.title))}"]
    if page.lang:
        front.append(f"lang: {page.lang}")
    return "\n".join(["---", *front, "---", "", page.body])


def navigation(pages: Iterable[Page]) -> list:
    """MkDocs `nav` from the pages' places: entries and groups in the order of first appearance.

    A group ("2024年") becomes {label: [entries…]}, an entry {label: docs path}; labels are
    escaped, as MkDocs and Material insert them into the page unescaped.
    """
    nav: list = []
    for page in pages:
        if page.nav is None:
            continue
        level = nav
        for group in page.nav.groups:
            label = escape_text(group)
            found = next((entry[label] for entry in level
                          if isinstance(entry.get(label), list)), None)
            if found is None:
                found = []
                level.append({label: found})
            level = found
        level.append({escape_text(page.nav.label): page.path})
    return nav


def write_item(item: Page | DataFile, docs_dir: Path) -> None:
    """Write one page (with its front matter) or file into docs_dir."""
    target = docs_dir / item.path
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(item, DataFile) and isinstance(item.text, bytes):
        target.write_bytes(item.text)
    else:
        target.write_text(page_text(item) if isinstance(item, Page) else item.text, encoding="utf-8")


def write_site(output: Iterable[Page | DataFile], docs_dir: Path) -> EmittedSite:
    """Write every page and file into docs_dir (each path once) and return the navigation.

    Raises ValueError when two outputs claim the same path: nothing is ever written twice.
    """
    output = list(output)
    written: set[str] = set()
    for item in output:
        if item.path in written:
            raise ValueError(f"two outputs for {item.path}")
        written.add(item.path)
        write_item(item, docs_dir)
    return EmittedSite(docs_dir=docs_dir, nav=navigation(item for item in output if isinstance(item, Page)))
