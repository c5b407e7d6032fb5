"""A Python-Markdown extension: our pages' one-line HTML blocks stashed without html.parser.

The emitted pages (emit/templates) are Markdown headings between blocks of HTML, each block one
line: `<p id="s1-p1" class="zb-p" …>…</p>`. Python-Markdown's `html_block` preprocessor finds raw
HTML by running the whole page through `html.parser`, which was most of MkDocs' time on our pages
(docs/scale.md: 85 % in a profile of MkDocs at 200 reports). This preprocessor runs first and
stores each line that is one whole block element in the Markdown instance's HTML stash (its
documented extension point, `md.htmlStash.store`), exactly as `html_block` would: the element's
source text and the line end, the placeholder standing alone. Anything it is not sure of (a
line holding two elements, or text after the element, a comment, `<script>`, `<pre>`, a `<title>`
holding more than text, a block that goes on on the next line, an unbalanced tag) is left to
`html_block`, which then sees it as before. The converted HTML is the same bytes
(tests/test_raw_html.py converts every page of a built site both ways).
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.htmlparser import void_tags  # HTML's void elements: they never close
from markdown.preprocessors import Preprocessor

# Every tag in a line: `<name …>`, `</name>` or `<name …/>`. Our text is escaped (markup.py), so
# a `<` in the line always starts a tag; anything else makes the line one to leave alone.
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?(/?)>")
# A line that starts with an opening tag: its name.
OPENING = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
# Elements whose content html.parser reads as raw text or whose whitespace matters.
LEFT_TO_HTML_BLOCK = {"script", "style", "textarea", "pre"}
# An SVG mark's tooltip (`<a><title>2016年：1次</title><circle …></a>`, the 对比 pages' charts): taken
# when it holds text alone, its next tag its own end, so it reads the same whether html.parser
# takes its content as text (Python 3.11) or as raw text (later versions: RCDATA).
TEXT_ONLY = "title"


def whole_block(line: str, md: Markdown) -> bool:
    """True when `line` is exactly one block-level element, opened at its first character and
    closed at its last, every tag inside balanced (the stack html_block keeps, with the same
    rule: an end tag closes up to its open tag)."""
    if not line.startswith("<") or "<!" in line or not line.endswith(">"):
        return False
    stack: list[str] = []
    at = 0
    for tag in TAG.finditer(line):
        if line.find("<", at, tag.start()) != -1 or (not stack and tag.start() != 0):
            return False  # a `<` that is no tag, or a second element after the first closed
        closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
        if name in LEFT_TO_HTML_BLOCK or (tag.start() == 0 and (closing or not md.is_block_level(name))):
            return False
        if stack and stack[-1] == TEXT_ONLY and not (closing and name == TEXT_ONLY):
            return False
        if closing:
            if name not in stack:
                return False
            while stack.pop() != name:
                pass
            if not stack:
                return tag.end() == len(line)
        elif name not in void_tags and not self_closing:
            stack.append(name)
        at = tag.end()
    return False


class StashWholeBlocks(Preprocessor):
    """Each line that is one whole block element, with a blank line (or the end) after it, goes
    to the HTML stash; its placeholder takes the line, preceded by a blank line as html_block
    writes it. From the first line that opens a block element it does not close (a block over
    several lines, which html_block reads whole), the rest of the page is left to html_block."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        for index, line in enumerate(lines):
            after = lines[index + 1] if index + 1 < len(lines) else ""
            if not after.strip() and whole_block(line, self.md):
                out += ["", self.md.htmlStash.store(line + "\n")]
                continue
            opened = OPENING.match(line)
            if line.startswith("<!") or (opened and self.md.is_block_level(opened.group(1).lower())):
                return out + lines[index:]
            out.append(line)
        return out


class WholeBlocksExtension(Extension):
    """Registers StashWholeBlocks before html_block (priority 20) and after the whitespace
    normalisation (30)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 — Python-Markdown's name
        md.preprocessors.register(StashWholeBlocks(md), "zhengbao_whole_blocks", 25)
