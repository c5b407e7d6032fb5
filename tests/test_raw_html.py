"""raw_html.WholeBlocksExtension: every page the build emits converts to the same HTML with it as
without it (Python-Markdown's html_block alone), and it takes the pages' one-line blocks."""

from __future__ import annotations

import markdown
import pytest
import yaml

from zhengbao.emit import emit_compare, emit_downloads, emit_site
from zhengbao.link.glossary import glossary_entries
from zhengbao.model import Page
from zhengbao.pipeline import build_reports
from zhengbao.raw_html import WholeBlocksExtension

from .conftest import CONTENT, ROOT


def converters() -> tuple[markdown.Markdown, markdown.Markdown]:
    """Markdown as MkDocs makes it from mkdocs.yml, without and with the extension."""
    names, configs = [], {}
    for item in yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]:
        name, config = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        configs[name] = config
    return (markdown.Markdown(extensions=names, extension_configs=configs),
            markdown.Markdown(extensions=[*names, WholeBlocksExtension()], extension_configs=configs))


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    reports = build_reports(CONTENT)
    emitted = [*emit_site(reports, glossary_entries(reports, CONTENT)), *emit_compare(reports), *emit_downloads(reports)]
    return [item for item in emitted if isinstance(item, Page)]


def test_every_emitted_page_converts_to_the_same_html(pages):
    plain, ours = converters()
    assert len(pages) > 40
    stashed = 0
    for page in pages:
        expected = plain.reset().convert(page.body)
        assert ours.reset().convert(page.body) == expected, page.path
        stashed += len(ours.htmlStash.rawHtmlBlocks)
    paragraphs = sum(page.body.count('class="zb-p"') for page in pages)
    assert stashed >= paragraphs > 400


@pytest.mark.parametrize("source", [
    '<p class="a">one</p><p>two</p>\n\ntext',  # two elements on one line
    '<p>one</p> and text after\n\n# heading',
    '<div class="box">\n\n<p>inside</p>\n\n</div>\n\n<p>after</p>',  # a block over several lines
    '<!-- a comment -->\n\n<p>after</p>',
    '<pre>  kept   as is\n</pre>\n\n<p>x</p>',
    '<p>unclosed <span>span</p>\n\n<p>next</p>',
    '<a href="#x">inline at line start</a>\n\n<p>block</p>',
    '<p>last line without a blank after</p>\ntext on the next line',
    '<p id="x">&amp; &lt;b&gt; &#123;</p>\n\n<section><p>nested</p><br><img src="a.png"/></section>',
    '<div><svg><a href="#y"><title>a <b>bold</b> tip</title></a></svg></div>\n\n<p>after</p>',  # not text alone
    '<div><svg><title>tip</svg></div>\n\n<p>after</p>',  # a title never closed
])
def test_lines_it_is_not_sure_of_convert_as_before(source):
    plain, ours = converters()
    assert ours.convert(source) == plain.convert(source)


def test_a_chart_line_with_tooltips_is_stashed_whole():
    """A 对比 chart: SVG marks with their tooltips (<title> holding text alone) on one line, then a
    page of excerpts: every block goes to the stash, none is left to html.parser."""
    chart = ('<div class="zb-compare"><figure><svg viewBox="0 0 320 170"><a href="#y2016"><title>2016年：1次，'
             '每万字0.05次（1段）</title><circle cx="182.0" cy="127.0" r="3.5"></circle></a></svg></figure></div>')
    source = f"# 主题\n\n{chart}\n\n## 2016年\n\n<div><p>摘录</p></div>\n"
    plain, ours = converters()
    assert ours.convert(source) == plain.convert(source)
    left = ours.reset().preprocessors["zhengbao_whole_blocks"].run(source.split("\n"))
    assert [line for line in left if "<" in line] == []
    assert ours.htmlStash.rawHtmlBlocks == [chart + "\n", "<div><p>摘录</p></div>\n"]
