"""`python -m tools.bench --reports N` (`make bench N=…`): build and search figures, each with its command.

N=5 is the five seed reports (tests/cases/seeds); any other N is the synthetic corpus/N (made by tools.corpus when
missing). Everything runs in a temporary folder with its own build cache, never touching site/
or .cache/: a full (clean) build, a rebuild with nothing changed, a rebuild after one figure in one
report changed, peak memory, site and search-index size, keystroke-to-results latency in Chromium
from file://, and plain MkDocs + Material on the same texts (each report one page, no processing)
as the reference the issue's targets are measured against.
"""

from __future__ import annotations

import argparse
import fnmatch
import gzip
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from tools import SEEDS
from tools.browser import launch, offline
from tools.search_bench import Candidate, load_queries, measure, type_query
from zhengbao import ROOT

PY = sys.executable
# Queries for the synthetic corpus: words its seeds use often, a traditional query, a region the
# corpus renames the seeds' 广州 into, a rare phrase and one that is nowhere.
CORPUS_QUERIES = ("城市更新", "营商环境", "專精特新", "高质量发展", "乡村振兴", "人工智能", "生物医药",
                  "地区生产总值", "深圳", "教育", "就业", "营商", "粤港澳大湾区", "海绵城市", "量子引力波")


@dataclass
class Run:
    """One timed child process: wall seconds and its peak resident memory."""

    command: str
    seconds: float
    peak_mb: float
    output: str
    cpu: float = 0.0  # user + system seconds of the child and every worker it waited for


def timed(args: list[str], env: dict[str, str] | None = None) -> Run:
    """Run a command to the end; peak memory from the child's own rusage (wait4), as /usr/bin/time does.

    That ru_maxrss is the largest resident set of one process, the child or any worker it waited
    for (the build's forked and spawned workers): a maximum, never a sum. A forked worker's resident
    set includes the pages it inherited from the parent, so it is counted in that worker's figure.
    """
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, **(env or {})}, cwd=ROOT)
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"failed ({process.returncode}): {shlex.join(args)}\n{output[-3000:]}")
    return Run(shlex.join(args), seconds, usage.ru_maxrss / 1024, output, usage.ru_utime + usage.ru_stime)


def tree_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


# Where a site's bytes are, by kind of file (first match wins; fnmatch patterns from the site root).
SITE_PARTS = (("report pages", "reports/*/index.html"), ("repairs pages", "reports/*/repairs.html"),
              ("report downloads", "reports/*/*.zip"),
              ("search index", "assets/zhengbao/search*"), ("plans pages", "compare/plans*"),
              ("theme pages", "compare/theme*"), ("targets", "compare/targets*"), ("other 对比", "compare/*"),
              ("year pages", "years/*"), ("theme's assets", "assets/[jsi]*"))


def site_parts(site: Path) -> list[tuple[str, int]]:
    """Bytes of the site by SITE_PARTS (and "the rest"), largest first."""
    sizes = dict.fromkeys([name for name, _ in SITE_PARTS] + ["the rest"], 0)
    for path in site.rglob("*"):
        if path.is_file():
            relative = path.relative_to(site).as_posix()
            name = next((n for n, pattern in SITE_PARTS if fnmatch.fnmatch(relative, pattern)), "the rest")
            sizes[name] += path.stat().st_size
    return sorted(sizes.items(), key=lambda item: -item[1])


def report_text_bytes(content: Path) -> int:
    """The report text the issue's ratios are of: the bytes of the report files reports.yml lists
    (not the anchor locks, glossary keys or reports.yml beside them)."""
    entries = yaml.safe_load((content / "reports.yml").read_text(encoding="utf-8"))["reports"]
    return sum((content / entry["file"]).stat().st_size for entry in entries)


def index_files(site: Path) -> list[Path]:
    """The search index as shipped: the manifest and the shards, or the bundle (never both)."""
    base = site / "assets" / "zhengbao"
    found = sorted(p for p in base.glob("search-index*") if p.is_file())
    for folder in (p for p in [*base.glob("search-index*"), base / "search"] if p.is_dir()):
        found += sorted(p for p in folder.rglob("*") if p.is_file())
    return found


def is_index_url(url: str) -> bool:
    """A request for the search index: the manifest or a shard (not search.js / search.css)."""
    return "search-index" in url or "/assets/zhengbao/search/" in url


def change_one_figure(content: Path) -> str:
    """Correct one figure in the middle of the first report, as an editor fixing a typo would."""
    entries = yaml.safe_load((content / "reports.yml").read_text(encoding="utf-8"))["reports"]
    path = content / entries[0]["file"]
    text = path.read_text(encoding="utf-8")
    middle = len(text) // 2
    found = re.compile(r"\d").search(text, middle)
    at = found.start() if found else middle
    new = "7" if text[at] != "7" else "8"
    path.write_text(text[:at] + new + text[at + 1:], encoding="utf-8")
    return f"{entries[0]['file']}: one digit at character {at} changed to {new}"


def add_one_report(content: Path) -> str:
    """A new report in the newest year of the archive (an existing text under a new entry), as an
    editor adding one more region's report would."""
    data = yaml.safe_load((content / "reports.yml").read_text(encoding="utf-8"))
    newest = max(data["reports"], key=lambda entry: entry["year"])
    entry = {**newest, "file": f"{newest['year']}-added.txt", "slug": f"{newest['year']}-added",
             "region": "新增区", "title": f"{newest['year']}年新增区政府工作报告"}
    (content / entry["file"]).write_text((content / newest["file"]).read_text(encoding="utf-8"), encoding="utf-8")
    data["reports"].append(entry)
    (content / "reports.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return f"{entry['file']} added to {entry['year']}"


def reference_site(content: Path, work: Path) -> tuple[Path, Path]:
    """Plain MkDocs + Material: each report's text as one page, default plugins, nothing processed."""
    docs = work / "reference-docs"
    docs.mkdir(parents=True)
    entries = yaml.safe_load((content / "reports.yml").read_text(encoding="utf-8"))["reports"]
    (docs / "index.md").write_text("# 政府工作报告\n", encoding="utf-8")
    for entry in entries:
        text = (content / entry["file"]).read_text(encoding="utf-8")
        (docs / f"{entry['slug']}.md").write_text(f"# {entry.get('title') or entry['slug']}\n\n{text}", encoding="utf-8")
    config = work / "reference-mkdocs.yml"
    config.write_text(yaml.safe_dump({"site_name": "reference", "docs_dir": str(docs), "use_directory_urls": False,
                                      "theme": {"name": "material", "language": "zh"}}, allow_unicode=True),
                      encoding="utf-8")
    return config, work / "reference-site"


def rebuild_line(name: str, run: Run, full: Run, how: str) -> str:
    """One rebuild's line: wall and CPU seconds, each also as a share of the clean build's."""
    return (f"{name:28} {run.seconds:8.2f} s   peak {run.peak_mb:7.0f} MB   ({run.seconds / full.seconds:.0%} of full; "
            f"cpu {run.cpu:.2f} s, {run.cpu / full.cpu:.0%})   [{how}]")


def against_plain_material(content: Path, work: Path, build: list[str], pairs: int) -> list[str]:
    """Our clean build against plain MkDocs + Material on the same texts (reference_site), measured
    alternately `pairs` times (plain, ours, plain, ours…) so that both see the same machine load;
    each of ours with an empty cache of its own. The ratio is of the medians (wall and CPU)."""
    config, reference = reference_site(content, work)
    plain_runs: list[Run] = []
    our_runs: list[Run] = []
    for round_ in range(pairs):
        shutil.rmtree(reference, ignore_errors=True)
        plain_runs.append(timed([PY, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(reference)]))
        cache = work / f"cache-pair-{round_}"
        our_runs.append(timed([*build[:-1], str(work / f"site-pair-{round_}")], {"ZHENGBAO_CACHE_DIR": str(cache)}))
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(work / f"site-pair-{round_}", ignore_errors=True)
    wall = [statistics.median(run.seconds for run in runs) for runs in (plain_runs, our_runs)]
    cpu = [statistics.median(run.cpu for run in runs) for runs in (plain_runs, our_runs)]
    return [
        f"reference: plain Material    {wall[0]:8.2f} s   cpu {cpu[0]:6.2f} s   peak "
        f"{max(run.peak_mb for run in plain_runs):7.0f} MB   (median of {pairs})   [{plain_runs[0].command}]",
        f"clean build, alternately     {wall[1]:8.2f} s   cpu {cpu[1]:6.2f} s   (median of {pairs}; "
        f"each {', '.join(f'{run.seconds:.2f}' for run in our_runs)} s against plain "
        f"{', '.join(f'{run.seconds:.2f}' for run in plain_runs)} s)   [the full build's command, empty cache each]",
        f"clean build / reference      {wall[1] / wall[0]:8.2f} × wall   {cpu[1] / cpu[0]:.2f} × cpu   "
        "(target ≤ 1.5 ×)",
    ]


def search_latency(site: Path, page_path: str, queries: list[str], rounds: int) -> dict:
    """Median and p95 keystroke-to-results in Chromium from file://, and index bytes each query read."""
    from playwright.sync_api import sync_playwright

    candidate = Candidate("zhengbao", site, index_files(site), ".zb-search__input", ".zb-search__list",
                          ".zb-search__meta", "没有找到")
    loaded: list[str] = []
    times: list[float] = []
    per_query: list[int] = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        offline(page)
        page.on("requestfinished", lambda request: loaded.append(request.url))
        page.goto((site / page_path).resolve().as_uri())
        page.keyboard.press("/")
        page.wait_for_function("q => document.querySelector(q) !== null", arg=candidate.input)
        page.click(candidate.input)
        on_load = _bytes_of(site, [u for u in loaded if is_index_url(u)])
        for round_number in range(rounds + 1):
            for query in queries:
                before = len(loaded)
                result = type_query(page, candidate, query)
                if round_number == 0:  # the first round loads what each query needs: counted, not timed
                    per_query.append(_bytes_of(site, [u for u in loaded[before:] if is_index_url(u)]))
                else:
                    times.append(result["ms"] if result["ms"] >= 0 else 5000.0)
        initial = _bytes_of(site, [u for u in loaded if is_index_url(u)])
        browser.close()
    ordered = sorted(times)
    return {"median": statistics.median(ordered), "p95": ordered[max(0, round(0.95 * len(ordered)) - 1)],
            "count": len(ordered), "max_query_bytes": max(per_query), "all_bytes": initial, "on_load": on_load}


def _bytes_of(site: Path, urls: list[str]) -> int:
    from urllib.parse import unquote, urlparse

    return sum(Path(unquote(urlparse(u).path)).stat().st_size for u in set(urls)
               if Path(unquote(urlparse(u).path)).is_file())


def gzip_size(paths: list[Path]) -> int:
    return sum(len(gzip.compress(p.read_bytes(), 6)) for p in paths)


def corpus_of(count: int, lines: list[str]) -> Path:
    """corpus/N, made by tools.corpus when missing (the command is added to lines)."""
    source = ROOT / "corpus" / str(count)
    if not (source / "reports.yml").is_file():
        made = timed([PY, "-m", "tools.corpus", "--count", str(count), "--out", str(source)])
        lines.append(f"corpus: {made.output.strip()} ({made.seconds:.1f} s)   [{made.command}]")
    return source


def growth(counts: list[int]) -> list[str]:
    """The growth curve: a clean build of corpus/N for each N, with time, memory and bytes per report."""
    lines: list[str] = []
    rows = [f"{'N':>6} {'full s':>8} {'peak MB':>8} {'s/report':>9} {'site B/report':>14} "
            f"{'index B/report':>15} {'site/text':>9} {'index/text':>10}"]
    for count in counts:
        source = corpus_of(count, lines)
        work = Path(tempfile.mkdtemp(prefix="zhengbao-bench-"))
        try:
            site = work / "site"
            run = timed([PY, "build.py", "--content", str(source), "--site", str(site)],
                        {"ZHENGBAO_CACHE_DIR": str(work / "cache")})
            text = report_text_bytes(source)
            site_bytes, _ = tree_size(site)
            index = sum(p.stat().st_size for p in index_files(site))
            rows.append(f"{count:>6} {run.seconds:>8.1f} {run.peak_mb:>8.0f} {run.seconds / count:>9.2f} "
                        f"{site_bytes / count:>14,.0f} {index / count:>15,.0f} {site_bytes / text:>9.1f} "
                        f"{index / text:>10.2f}")
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return [*lines, f"growth: a clean build of corpus/N each ({PY} build.py --content corpus/N, empty cache)", *rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=5, help="5 = tests/cases/seeds; otherwise corpus/N (made if missing)")
    parser.add_argument("--content", type=Path, help="measure this content folder instead (e.g. content/, the archive)")
    parser.add_argument("--rounds", type=int, default=3, help="latency rounds over the query set (default 3)")
    parser.add_argument("--no-search", action="store_true", help="skip the Chromium latency measurement")
    parser.add_argument("--profile", action="store_true", help="also run a cProfiled clean build, print the top")
    parser.add_argument("--pairs", type=int, help="clean builds and plain Material builds measured alternately for "
                        "the ratio (default 3 up to 100 reports, 1 above)")
    parser.add_argument("--growth", metavar="N,N,…", help="only the growth curve: clean builds of corpus/N "
                        "(e.g. 250,500,1000)")
    args = parser.parse_args(argv)
    lines = [f"$ python -m tools.bench {' '.join(argv if argv is not None else sys.argv[1:])}".strip()]
    if args.growth:
        print("\n".join([*lines, *growth([int(n) for n in args.growth.split(",")])]))
        return 0
    if args.content:
        source = args.content.resolve()
    elif args.reports == 5:
        source = SEEDS
    else:
        source = corpus_of(args.reports, lines)
    work = Path(tempfile.mkdtemp(prefix="zhengbao-bench-"))
    try:
        content = work / "content"
        shutil.copytree(source, content)
        site, cache = work / "site", work / "cache"
        build = [PY, "build.py", "--content", str(content), "--site", str(site)]
        env = {"ZHENGBAO_CACHE_DIR": str(cache)}
        text_bytes = report_text_bytes(content)
        lines.append(f"content: {source} copied to {content} (report text {text_bytes / 1e6:.1f} MB); "
                     f"cache ZHENGBAO_CACHE_DIR={cache}; machine: {os.cpu_count()} cores, "
                     f"load {os.getloadavg()[0]:.1f}")
        lines.append("")
        full = timed(build, env)
        lines.append(f"full build (empty cache)      {full.seconds:8.2f} s   cpu {full.cpu:6.2f} s   "
                     f"peak {full.peak_mb:7.0f} MB   [{full.command}]")
        again = timed(build, env)
        lines.append(rebuild_line("no-change rebuild", again, full, "same command"))
        what = change_one_figure(content)
        one = timed(build, env)
        lines.append(rebuild_line("rebuild, one report changed", one, full, f"{what}; same command"))
        what = add_one_report(content)
        added = timed(build, env)
        lines.append(rebuild_line("rebuild, one report added", added, full, f"{what}; same command"))
        site_bytes, site_files = tree_size(site)
        lines.append(f"site size                    {site_bytes / 1e6:8.1f} MB   {site_files} files   "
                     f"({site_bytes / text_bytes:.1f} × the report text)   [du of {site}]")
        lines += [f"  {name:<27}{size / 1e6:8.2f} MB   ({size / text_bytes:.2f} ×)" for name, size in site_parts(site)]
        index = index_files(site)
        lines.append(f"search index                 {sum(p.stat().st_size for p in index):>11,} B   gzip "
                     f"{gzip_size(index):,} B   {len(index)} file(s)   "
                     f"({sum(p.stat().st_size for p in index) / text_bytes:.2f} × the report text)   "
                     "[site/assets/zhengbao/search-index*]")
        bundle = site / "assets" / "zhengbao" / "search" / "all.js"
        if bundle.is_file():
            lines.append(f"search bundle (small site)   {bundle.stat().st_size:>11,} B   gzip {gzip_size([bundle]):,} B   "
                         "[site/assets/zhengbao/search/all.js: every shard in one script, loaded on first search]")
        pairs = args.pairs or (3 if len(yaml.safe_load((content / "reports.yml").read_text(encoding="utf-8"))["reports"])
                               <= 100 else 1)
        lines += against_plain_material(content, work, build, pairs)
        if not args.no_search:
            entries = yaml.safe_load((content / "reports.yml").read_text(encoding="utf-8"))["reports"]
            if args.reports == 5:
                queries, page_path = [q["query"] for q in load_queries()], "reports/2024-guangzhou/index.html"
            else:
                queries, page_path = list(CORPUS_QUERIES), f"reports/{entries[0]['slug']}/index.html"
            found = search_latency(site, page_path, queries, args.rounds)
            lines.append(f"search latency               median {found['median']:.1f} ms   p95 {found['p95']:.1f} ms   "
                         f"({found['count']} keystrokes: {len(queries)} queries × {args.rounds} rounds, "
                         f"Chromium from file://, {page_path})")
            lines.append(f"search index read            {found['on_load']:,} B with the page, at most "
                         f"{found['max_query_bytes']:,} B more by one query, {found['all_bytes']:,} B in all")
            cold = measure(site, queries, 1, page_path)
            lines.append(f"search latency, cold          median {cold['median_ms']:.1f} ms   p95 {cold['p95_ms']:.1f} ms   "
                         f"max {cold['max_ms']:.1f} ms   (a fresh page per query: manifest and shards read for it)")
            lines.append(f"index read per cold query    median {int(cold['median_bytes']):,} B   p95 {cold['p95_bytes']:,} B   "
                         f"max {cold['max_bytes']:,} B")
        if args.reports == 5 and not args.no_search:
            versus = timed([PY, "-m", "tools.search_bench", "--rounds", "1"])
            lines += ["", "search candidates (issue 5), same 52 queries:", *versus.output.strip().splitlines()]
        if args.profile:
            profile = work / "build.prof"
            shutil.rmtree(cache, ignore_errors=True)
            timed([PY, "-m", "cProfile", "-o", str(profile), *build], env)
            lines += ["", f"profile of a clean build ({shlex.join([PY, '-m', 'cProfile', '-o', str(profile), *build])}):"]
            lines += profile_top(profile)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n".join(lines))
    return 0


def profile_top(profile: Path, count: int = 25) -> list[str]:
    """The functions with the most cumulative time, from inside our package and the libraries."""
    import io
    import pstats

    out = io.StringIO()
    pstats.Stats(str(profile), stream=out).sort_stats("cumulative").print_stats(count)
    return [line for line in out.getvalue().splitlines() if line.strip()][-count - 1:]


if __name__ == "__main__":
    raise SystemExit(main())
