"""A last section of short unpunctuated lines stays the section's text, on more inputs of the kind of case 04.

Each folder under tests/cases/probes/tail-<n>/ is a small content/ folder whose last section is
made of short lines without a full stop: a numbered list of 民生实事 after an introducing colon
(tail-1), （一） subsections with 一是 lead-ins (tail-2), goals (tail-5) and project names (tail-6)
after a colon, 1. items under （一） subsections (tail-7, case 05 without its 三、). None of them
is a printed summary's infographic: the reader expects no added 附：原文所附图表文字 section, every
line of the section on the page once and in order, and the subsections' anchors.
"""

from __future__ import annotations

import pytest

from .conftest import ROOT, article, build_once, page, report_text

PROBES = ROOT / "tests" / "cases" / "probes"
FOLDERS = ("tail-1", "tail-2", "tail-5", "tail-6", "tail-7")

# Headings that must stand at these anchors (the numbered subsections of the last section).
ANCHORS = {
    "tail-2": {"s2-1": "（一）坚持依法行政", "s2-2": "（二）建设廉洁政府"},
    "tail-7": {"s2-1": "（一）加快建设现代化产业体系", "s2-2": "（二）持续扩大有效需求", "s2-3": "（三）深化改革开放",
               "s2-1-p1": "1.推动制造业高质量发展"},
}


@pytest.fixture(scope="module", params=FOLDERS)
def probe(request, tmp_path_factory):
    return request.param, build_once(tmp_path_factory, request.param, PROBES / request.param)


def last_section_lines(name: str) -> list[str]:
    """The source lines from the report's last 一、 heading to the end of the file."""
    lines = [line.strip() for line in (PROBES / name / "2024-demo.txt").read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    start = max(i for i, line in enumerate(lines) if line[:2] in ("一、", "二、", "三、"))
    return lines[start:]


def test_no_chart_label_section(probe):
    name, site = probe
    body = article(page(site, "2024-demo"))
    assert body.find(id="tail") is None
    assert "原文所附图表文字" not in body.get_text()


def test_every_line_of_the_last_section_on_the_page_in_order(probe):
    name, site = probe
    text = report_text(page(site, "2024-demo"))
    at = 0
    for line in last_section_lines(name):
        for piece in line.rstrip("，,").split("，"):  # a line broken after a comma is rejoined to the next
            found = text.find(piece, at)
            assert found >= 0, (piece, text[at:at + 80])
            at = found + len(piece)


def test_subsection_anchors(probe):
    name, site = probe
    body = article(page(site, "2024-demo"))
    for anchor, heading in ANCHORS.get(name, {}).items():
        element = body.find(id=anchor)
        assert element is not None, anchor
        for mark in element.select(".headerlink, .zb-mark"):
            mark.decompose()
        assert element.get_text("").strip() == heading
