"""The pipeline shows in the folder: stages in order, no import cycles, small modules, tools outside."""

from __future__ import annotations

from pathlib import Path

from tools.import_graph import import_graph

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "zhengbao"
MAX_LINES = 400

# Each module's place in load → clean → parse → link → emit → render. A module may import modules
# of its own place or earlier ones, never a later one. Shared homes (data model, errors, knowledge
# about the texts, labels, escaping, OpenCC, URLs, the cache) come first and import no stage.
STAGES = {
    "model": 0, "errors": 0, "patterns": 0, "labels": 0, "markup": 0, "script": 0, "urls": 0, "cache": 0,
    "chrome": 2, "wikisource": 2, "pdf_breaks": 2, "pdf_wrap": 2, "hyperlink_breaks": 2,
    "load": 1, "clean": 2, "parse": 3, "front": 3, "structure": 3, "numbered_lines": 3,
    "link": 4, "compare": 5, "search": 6, "emit": 6, "render": 7, "render_process": 7, "raw_html": 7,
    "pipeline": 8, "stats": 9, "cli": 9, "__init__": 0,
}


GRAPH = import_graph()
MODULES = set(GRAPH)


def stage_of(module: str) -> int:
    parts = module.split(".")
    return STAGES[parts[1] if len(parts) > 1 else "__init__"]


def test_every_module_has_a_place_in_the_pipeline():
    unplaced = sorted(m for m in MODULES if (m.split(".") + ["__init__"])[1] not in STAGES)
    assert unplaced == [], "add these modules to STAGES in tests/test_layout.py"


def test_no_import_from_a_stage_to_a_later_one():
    upward = sorted(f"{m} → {i}" for m, imported in GRAPH.items() for i in imported
                    if i.startswith("zhengbao") and stage_of(i) > stage_of(m))
    assert upward == []


def test_no_import_cycles():
    def modules_reached(start: str) -> set[str]:
        seen: set[str] = set()
        todo = [i for i in GRAPH.get(start, ()) if i != start]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            todo.extend(GRAPH.get(current, ()))
        return seen

    # A package's __init__ imported by its own submodules is the usual shape, not a cycle, only
    # when __init__ does not import them back; both directions are checked here.
    cycles = sorted(m for m in GRAPH if m in modules_reached(m))
    assert cycles == []


def test_runtime_package_never_imports_the_development_tools():
    assert sorted(f"{m} → {i}" for m, imported in GRAPH.items() for i in imported if i.startswith("tools")) == []


def test_no_module_over_400_lines():
    sources = list(PACKAGE.rglob("*.py")) + list((ROOT / "tools").rglob("*.py")) \
        + list((ROOT / "overrides").rglob("*.js"))
    long = sorted(f"{p.relative_to(ROOT)}: {n}" for p in sources
                  if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES)
    assert long == []
