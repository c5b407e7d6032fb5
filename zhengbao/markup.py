"""HTML and Markdown escaping, in one place: report text is data, shown literally, never interpreted."""

from __future__ import annotations

import html

# Python-Markdown's ESCAPED_CHARS: a backslash before each makes it literal (a backslash
# before any other character would itself be shown, so only these are escaped).
MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!")


def escape_text(text: str) -> str:
    """Text for an HTML context: shown literally, never interpreted."""
    return html.escape(text, quote=True)


def escape_markdown(text: str) -> str:
    """Text for a Markdown heading: HTML-escaped, then every Markdown character backslashed."""
    out = []
    for char in text:
        if char in "&<>":
            out.append(html.escape(char))
        elif char in MARKDOWN_SPECIALS:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def tooltip_attribute(text: str) -> str:
    """A title attribute whose text stays text: Material's tooltip inserts the title as HTML, so
    it is escaped once for that and once for the attribute. A line break is written as `&#10;`
    (the same attribute value): a page's line holding a literal one is no longer one line, and
    Python-Markdown then gave the rest of the page to html.parser (raw_html.py)."""
    return escape_text(html.escape(text, quote=False)).replace("\n", "&#10;")
