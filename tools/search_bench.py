"""`python -m tools.search_bench`: both search candidates, measured on the same queries in one run.

Candidate "zhengbao": our bigram index (zhengbao/search/, search-engine.js + search.js, format in
docs/search-format.md), the site as built.
Candidate "material": Material's search plugin (lang zh, jieba at build time) with its offline
plugin, built from the same emitted pages into a separate site. The offline plugin loads its
worker shim (npm package iframe-worker) from unpkg.com, which never loads offline, and without it
Chromium refuses the worker on file://; so the bench vendors the shim, fetched once with
`npm pack` into .cache/, as the fair best case for Material. Both run with the same flags.

For each candidate: recall on tests/search_queries.yml (every expected paragraph among the first
10 results), index size (bytes and gzip bytes) and the time from a keystroke to results rendered
in Chromium from file:// (median and p95). Material links to sections, not paragraphs, so its
recall is also given at section level (the expected paragraph's section among the first 10).
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tools import SEEDS
from tools.browser import launch, offline
from zhengbao import ROOT
from zhengbao.emit import emit_site, write_site
from zhengbao.pipeline import build_reports
from zhengbao.render import render_site
from zhengbao.search import add_search

QUERIES = ROOT / "tests" / "search_queries.yml"
PAGE = "reports/2024-guangzhou/index.html"
TOP = 10
SHIM = "iframe-worker@1.0.4"  # the shim Material 9.8.1's offline plugin names; MIT, by Material's author

# Runs in the page before the last character of a query is typed: puts the rest of the query in
# the box, then times from that keystroke's input event (captured first, on the document) until
# the list shows results or says there are none, and one frame has been drawn.
ARM_JS = """
([head, inputSel, listSel, metaSel, noneText]) => {
  const input = document.querySelector(inputSel);
  const list = document.querySelector(listSel);
  const meta = document.querySelector(metaSel);
  input.focus();
  input.value = head;
  input.setSelectionRange(head.length, head.length);
  window.__zbRendered = new Promise(resolve => {
    let start = 0;
    const done = () => list.children.length > 0 || meta.textContent.includes(noneText);
    const observer = new MutationObserver(() => {
      if (!start || !done()) return;
      observer.disconnect();
      requestAnimationFrame(() => { void list.offsetHeight; resolve(performance.now() - start); });
    });
    observer.observe(list.parentNode, {childList: true, subtree: true, characterData: true});
    document.addEventListener("input", () => { start = performance.now(); }, {capture: true, once: true});
    setTimeout(() => { observer.disconnect(); resolve(-1); }, 5000);
  });
}
"""

RESULT_JS = """
async (listSel) => ({ms: await window.__zbRendered,
                     links: [...document.querySelectorAll(listSel + " a[href]")].map(a => a.getAttribute("href"))})
"""


@dataclass
class Candidate:
    """One search implementation and where its site, index and page elements are."""

    name: str
    site: Path
    index_files: list[Path]
    input: str
    list: str
    meta: str
    none_text: str
    extra_args: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    """What was measured for one candidate."""

    name: str
    index_bytes: int
    index_gzip: int
    recall: float
    section_recall: float
    nothing_ok: bool
    median_ms: float
    p95_ms: float
    misses: list[str]


def load_queries(path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


def link_anchor(href: str) -> str:
    """"../../reports/2024-guangzhou/index.html#s2-3-p4" → "2024-guangzhou#s2-3-p4"."""
    path, _, fragment = href.partition("#")
    parts = [p for p in path.split("/") if p]
    slug = parts[-2] if len(parts) >= 2 and parts[-1] == "index.html" else (parts[-1] if parts else "")
    return f"{slug}#{fragment}"


def section_of(anchor: str) -> str:
    """The section anchor a paragraph anchor belongs to: s2-3-p4 → s2-3, p1 → "" (page top)."""
    slug, _, fragment = anchor.partition("#")
    head, _, _ = fragment.rpartition("-p")
    return f"{slug}#{head}"


def vendored_shim() -> Path:
    """iframe-worker's shim from the npm registry, kept in .cache/ (not committed, not shipped)."""
    cache = ROOT / ".cache" / "iframe-worker"
    shim = cache / "package" / "shim" / "index.js"
    if not shim.exists():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", SHIM, "--silent"], cwd=cache, check=True, capture_output=True)
        tarball = next(cache.glob("iframe-worker-*.tgz"))
        with tarfile.open(tarball) as archive:
            archive.extractall(cache, filter="data")
    return shim


def build_candidates(work: Path) -> tuple[Candidate, Candidate]:
    """Both sites from the same content: ours as build.py makes it, Material's with its plugins."""
    reports = build_reports(SEEDS)
    ours = work / "zhengbao"
    docs = write_site([*emit_site(reports, []), *add_search(reports)], work / "docs-zhengbao")
    render_site(docs, ROOT / "mkdocs.yml", ours)

    material = work / "material"
    theme = work / "overrides-material"
    shutil.copytree(ROOT / "overrides" / "assets", theme / "assets")  # our CSS, not our header
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(theme)
    config["plugins"] = [{"search": {"lang": "zh"}}, "offline"]
    (theme / "assets" / "vendor").mkdir(parents=True)
    shutil.copy(vendored_shim(), theme / "assets" / "vendor" / "iframe-worker-shim.js")
    # The offline plugin adds the unpkg URL only when no polyfill named iframe-worker is listed.
    config.setdefault("extra", {})["polyfills"] = ["assets/vendor/iframe-worker-shim.js"]
    config["extra_javascript"] = [js for js in config.get("extra_javascript", []) if "search" not in js]
    config["extra_css"] = [css for css in config.get("extra_css", []) if "search" not in css]
    config_file = work / "mkdocs-material-search.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    docs = write_site(emit_site(reports, []), work / "docs-material")
    render_site(docs, config_file, material)
    return (
        Candidate("zhengbao", ours, [ours / "assets" / "zhengbao" / "search-index.js",
                                 *sorted((ours / "assets" / "zhengbao" / "search").glob("*.js"))],
                  ".zb-search__input", ".zb-search__list", ".zb-search__meta", "没有找到"),
        Candidate("material", material, [material / "search" / "search_index.js"],
                  "[data-md-component=search-query]", ".md-search-result__list", ".md-search-result__meta",
                  "没有"),
    )


def type_query(page, candidate: Candidate, query: str) -> dict:
    """Empty the box, then type the query's last character as a real keystroke and time it."""
    page.fill(candidate.input, "")
    page.wait_for_function("q => document.querySelector(q).children.length === 0", arg=candidate.list, timeout=5000)
    page.evaluate(ARM_JS, [query[:-1], candidate.input, candidate.list, candidate.meta, candidate.none_text])
    page.keyboard.type(query[-1])
    page.keyboard.press("End")  # Material reads the box on keydown; a CJK character is typed without one
    return page.evaluate(RESULT_JS, candidate.list)


def measure_candidate(candidate: Candidate, queries: list[dict], rounds: int) -> Outcome:
    from playwright.sync_api import sync_playwright

    data = b"".join(path.read_bytes() for path in candidate.index_files)
    times: list[float] = []
    found_all = found_sections = 0
    nothing_ok = True
    misses: list[str] = []
    with sync_playwright() as playwright:
        browser = launch(playwright, candidate.extra_args)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        offline(page)
        page.goto((candidate.site / PAGE).resolve().as_uri())
        page.keyboard.press("/")
        page.wait_for_function("q => document.querySelector(q) !== null", arg=candidate.input)
        page.click(candidate.input)
        warm = type_query(page, candidate, "广州")
        if warm["ms"] < 0:
            raise SystemExit(f"{candidate.name}: search did not answer in Chromium from file://")
        for round_number in range(rounds):
            for query in queries:
                result = type_query(page, candidate, query["query"])
                times.append(result["ms"] if result["ms"] >= 0 else 5000.0)
                if round_number:
                    continue
                top = [link_anchor(href) for href in result["links"][:TOP]]
                expected = query["expect"]
                if not expected:
                    nothing_ok = nothing_ok and not result["links"]
                    found_all += not result["links"]
                    found_sections += not result["links"]
                    continue
                if all(anchor in top for anchor in expected):
                    found_all += 1
                else:
                    misses.append(query["query"])
                sections = {section_of(anchor) for anchor in top} | set(top)
                found_sections += all(section_of(anchor) in sections or anchor in top for anchor in expected)
        browser.close()
    ordered = sorted(times)
    return Outcome(candidate.name, len(data), len(gzip.compress(data, 9)), found_all / len(queries),
                   found_sections / len(queries), nothing_ok, statistics.median(ordered),
                   ordered[max(0, int(round(0.95 * len(ordered))) - 1)], misses)


def measure(site_dir: Path, queries: list[str], rounds: int = 1, page_path: str = "index.html") -> dict:
    """Cold search in Chromium from file://, one fresh page per query (issue 9; for `make bench`).

    Each query starts on a newly loaded page whose search box has been focused (which loads the
    manifest), so the keystroke-to-results time includes reading every shard the query needs.
    Bytes per query are the sizes on disk of the index files the page requested: manifest (with
    the paragraph lengths), key shards and the text chunks of the results shown.
    """
    from urllib.parse import unquote, urlparse

    from playwright.sync_api import sync_playwright

    site_dir = Path(site_dir).resolve()
    times: list[float] = []
    reads: list[int] = []
    files: list[int] = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        offline(context)
        for _ in range(rounds):
            for query in queries:
                page = context.new_page()
                loaded: list[str] = []
                page.on("request", lambda request, loaded=loaded: loaded.append(request.url))
                page.goto((site_dir / page_path).as_uri())
                page.click(".zb-search__input")
                page.wait_for_function("() => window.zbSearchIndex !== undefined", timeout=30000)
                page.evaluate(ARM_JS, [query[:-1], ".zb-search__input", ".zb-search__list", ".zb-search__meta", "没有找到"])
                page.keyboard.type(query[-1])
                ms = page.evaluate(RESULT_JS, ".zb-search__list")["ms"]
                times.append(ms if ms >= 0 else 5000.0)
                # The index only: the manifest and shards, not the client's search.js / search.css.
                paths = [Path(unquote(urlparse(url).path)) for url in loaded
                         if "search-index" in url or "/assets/zhengbao/search/" in url]
                reads.append(sum(path.stat().st_size for path in paths))
                files.append(len(paths))
                page.close()
        browser.close()
    ordered, by_size = sorted(times), sorted(reads)

    def p95(values: list) -> float:
        return values[max(0, int(round(0.95 * len(values))) - 1)]

    return {"queries": len(queries), "rounds": rounds, "median_ms": statistics.median(ordered), "p95_ms": p95(ordered),
            "max_ms": ordered[-1], "median_bytes": statistics.median(by_size), "p95_bytes": p95(by_size),
            "max_bytes": by_size[-1], "median_files": statistics.median(files), "max_files": max(files)}


def index_only_site(content: Path, work: Path) -> Path:
    """content/'s real site with its search index replaced by the index of another content folder.

    For measuring search at a scale where building every report page would take long: the page,
    search.js and the box are the real ones; only the result links point to pages not built.
    """

    site = work / "site"
    reports = build_reports(SEEDS)
    docs = write_site([*emit_site(reports, []), *add_search(build_reports(content))], work / "docs")
    render_site(docs, ROOT / "mkdocs.yml", site)
    return site


def scale_lines(result: dict, site: Path, command: str) -> list[str]:
    search = site / "assets" / "zhengbao"
    shards = sorted((search / "search").glob("*.js")) + [search / "search-index.js"]
    total = sum(path.stat().st_size for path in shards)
    return [f"$ {command}",
            f"index: {len(shards)} files, {total:,} bytes; manifest {(search / 'search-index.js').stat().st_size:,} bytes",
            f"{result['queries']} queries x {result['rounds']} round(s), cold page per query, Chromium from file://",
            f"keystroke to results: median {result['median_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms, "
            f"max {result['max_ms']:.1f} ms",
            f"index read per query: median {result['median_bytes']:,.0f} B, p95 {result['p95_bytes']:,.0f} B, "
            f"max {result['max_bytes']:,} B (files: median {result['median_files']:.0f}, max {result['max_files']})"]


def report_lines(outcomes: list[Outcome], queries: int, rounds: int, command: str) -> list[str]:
    lines = [f"$ {command}", f"{queries} queries from tests/search_queries.yml, latency over {rounds} round(s), "
             f"Chromium from file://, page {PAGE}", ""]
    header = f"{'candidate':<10} {'recall@10':>9} {'sect.recall':>11} {'nothing':>7} {'index B':>9} " \
             f"{'gzip B':>8} {'median ms':>9} {'p95 ms':>7}"
    lines.append(header)
    for o in outcomes:
        lines.append(f"{o.name:<10} {o.recall:>9.1%} {o.section_recall:>11.1%} {'ok' if o.nothing_ok else 'FAIL':>7} "
                     f"{o.index_bytes:>9} {o.index_gzip:>8} {o.median_ms:>9.1f} {o.p95_ms:>7.1f}")
    for o in outcomes:
        if o.misses:
            lines.append(f"{o.name} missed: {' '.join(o.misses)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.search_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="latency rounds over the query set (default 3)")
    parser.add_argument("--only", choices=["zhengbao", "material"], help="measure one candidate")
    parser.add_argument("--scale", type=Path, metavar="CONTENT",
                        help="measure only the split index of CONTENT (e.g. a synthetic corpus), cold, per query")
    args = parser.parse_args(argv)
    queries = load_queries()
    command = "python -m tools.search_bench " + " ".join(argv if argv is not None else sys.argv[1:])
    if args.scale:
        work = Path(tempfile.mkdtemp(prefix="zhengbao-search-scale-"))
        try:
            site = index_only_site(args.scale, work)
            result = measure(site, [q["query"] for q in queries], args.rounds)
            print("\n".join(scale_lines(result, site, command.strip())))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return 0
    work = Path(tempfile.mkdtemp(prefix="zhengbao-search-bench-"))
    try:
        candidates = [c for c in build_candidates(work) if args.only in (None, c.name)]
        outcomes = [measure_candidate(c, queries, args.rounds) for c in candidates]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n".join(report_lines(outcomes, len(queries), args.rounds, command.strip())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
