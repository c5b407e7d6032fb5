"""Nothing lost, nothing invented: every character of each report reaches its page exactly once.

The expected text is made from the seeds in shared/seeds independently of the cleaning code:
one copy of the repeated 2017 text, pinyin annotations removed, Markdown heading marks and all
whitespace dropped. The page's visible report text (our labels removed) must equal it exactly.
"""

from __future__ import annotations

import re

import pytest

from .conftest import CONTENT, page, report_text

FILES = {
    "2024-guangzhou": "2024-guangzhou.txt",
    "2024-yuexiu": "2024-yuexiu.txt",
    "2023-guangzhou-summary": "2023-guangzhou-summary.txt",
    "2021-guangzhou": "2021-guangzhou.txt",
    "2017-guangzhou": "2017-guangzhou.txt",
}


def expected_text(slug: str) -> str:
    """The report's text, normalised by simple means that share nothing with zhengbao.clean."""
    text = (CONTENT / FILES[slug]).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    # One copy: the shortest prefix of lines that, repeated, makes the whole file.
    for size in range(1, len(lines) + 1):
        if len(lines) % size == 0 and lines == lines[:size] * (len(lines) // size):
            lines = lines[:size]
            break
    text = "".join(line.lstrip("#") for line in lines)
    text = re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", text)
    return re.sub(r"\s+", "", text)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("slug", list(FILES))
def test_every_character_appears_once_in_order(built_site, slug):
    expected = expected_text(slug)
    shown = squeeze(report_text(page(built_site, slug)))
    at = next((i for i, (a, b) in enumerate(zip(shown, expected, strict=False)) if a != b),
              min(len(shown), len(expected)))
    assert shown == expected, (f"first difference at {at}: page …{shown[at - 20:at + 30]}… "
                               f"vs source …{expected[at - 20:at + 30]}… ({len(shown)} vs {len(expected)} chars)")


def test_2017_report_appears_once(built_site):
    shown = squeeze(report_text(page(built_site, "2017-guangzhou")))
    assert shown.count("本届政府任期五年") == 1
    assert shown.count("各位代表，实现宏伟的目标") == 1


def test_pinyin_annotations_removed_and_script_kept(built_site):
    shown = squeeze(report_text(page(built_site, "2023-guangzhou-summary")))
    assert "(xiàn)" not in shown and "(chǎn)" not in shown
    assert "中國式現代化" in shown  # traditional characters stay traditional


def test_added_text_is_only_labels(built_site):
    """Everything we add is marked: without the marks the text is the source (tested above);
    with them, only known labels appear."""
    soup = page(built_site, "2024-guangzhou")
    added = [element.get_text(" ", strip=True) for element in soup.select("article .zb-added")]
    assert "2024年广州市政府工作报告" in " ".join(added)
    assert any("编者" in text for text in added)
    for text in added:
        assert len(text) < 400
