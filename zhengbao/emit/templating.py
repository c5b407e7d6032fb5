"""Markup from Jinja2 templates (zhengbao/emit/templates/), with report text always escaped.

Every value a template prints is escaped by `markup.escape_text` (the site's one HTML escaping),
unless it is already markup: a macro's output or a filter below. `md` escapes text for a Markdown
heading (markup.escape_markdown) and `tooltip` for a title attribute Material shows as HTML
(markup.tooltip_attribute); `readable_url` shows an address decoded (…/wiki/1956年…). A missing
value is an error (StrictUndefined), never an empty string.

`to_simplified(text)` is the simplified view of a traditional report's text, heading or title
(script.to_simplified_reading: OpenCC t2s, and 着 where 著 stands for 着; same length, ASCII
punctuation kept as written).

In templates, `link(target)` is the link from the page being rendered (`here`, its path from the
site root) to a page or paragraph given from the site root (zhengbao.urls), and `url` is that
module. Block tags on a line of their own leave no line behind (trim_blocks, lstrip_blocks);
`{{-`/`{%-` join a tag to the line before, and a line that starts with the empty comment `{#- #}`
continues the line before: that is how a one-line HTML block is written over several lines.
Loops print lists ("、", " · " between items) rather than the `join` filter or `~` on markup,
which would escape with markupsafe (&#34;) instead of escape_text (&quot;).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from .. import urls
from ..labels import LEVEL_NAMES, kind_mark, paragraph_label, report_label
from ..markup import escape_markdown, escape_text, tooltip_attribute
from ..model import TermMark
from ..script import to_simplified_reading

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _escaped(value: object) -> Markup:
    """What `{{ value }}` prints: markup as it is, anything else as escaped text."""
    if isinstance(value, Markup):
        return value
    return Markup(escape_text(str(value)))


def pieces(text: str, terms: list[TermMark]) -> list[tuple[str, TermMark | None]]:
    """`text` cut at its term marks: (characters, the mark or None), joining back to exactly `text`."""
    out: list[tuple[str, TermMark | None]] = []
    at = 0
    for term in terms:
        out += [(text[at:term.start], None), (text[term.start:term.end], term)]
        at = term.end
    out.append((text[at:], None))
    return out


@pass_context
def _link(context: Context, target: str) -> str:
    return urls.relative(target, context["here"])


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The one Jinja2 environment of the emit stage (templates are read once per process)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      finalize=_escaped, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["md"] = lambda text: Markup(escape_markdown(str(text)))
    # an address as a reader types it: https://zh.wikisource.org/wiki/1956年… rather than %E5%B9%B4…
    env.filters["readable_url"] = lambda address: unquote(str(address))
    env.filters["tooltip"] = lambda text: Markup(tooltip_attribute(str(text)))
    env.globals["link"] = _link
    env.globals["url"] = urls
    env.globals.update(pieces=pieces, paragraph_label=paragraph_label, to_simplified=to_simplified_reading,
                       report_label=report_label, kind_mark=kind_mark, level_name=lambda level: LEVEL_NAMES.get(level, level))
    return env


def render(template: str, here: str, **values: object) -> str:
    """The text of `template` for the page at `here` (its path from the site root)."""
    return environment().get_template(template).render(here=here, **values)

