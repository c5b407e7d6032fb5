"""Build cache: work already done for unchanged input is read back from .cache/ instead.

The cache wraps stage functions (`cached`, `render_incremental`); it never calls a stage itself, so
the driver (`pipeline.py`) stays the one place that runs the stages in order.

The caches, each keyed by a hash of everything its result depends on plus the code version (a
hash of the zhengbao package's sources and the versions of the libraries that shape the output),
so a stale entry is never used, only left behind. Deleting .cache/ at any time is safe: the next
build is a clean build, and a warm build's output is byte-identical to a clean one.

- reports: each report after load → clean → parse → link (before glossary marks, which depend on
  every report), keyed by its text, metadata and anchor lock;
- per-report work after link, keyed by `digest_of(report)` (its whole state): its plan words
  (compare/align.py, plan-words), its downloads and report page (emit/, downloads, report-pages); and
  per region: its plans' best matches and its 规划变化 pages (plan-pairs, compare-pages), so a
  correction redoes only its own report's and region's part; in compare-pages too, each theme page by
  what it shows; each region's part of the targets page and downloads by its reports' targets and
  metadata (targets-regions); the glossary page by its entries and every use it lists (glossary-page);
- tokens: jieba segmentations (the compare stage's biggest cost), keyed by the text segmented;
- theme-counts: what each report's body gives the themes and timelines (its quoted terms, characters,
  each phrase's mentions), keyed by `digest_of(report)` and the phrase (compare/themes.py Bodies);
- search: each block of reports' part of the search index's lists, keyed by its folded paragraphs
  (search/blocks.py, search-blocks), every key's list with its members' rows, spliced where its
  blocks changed (search/splice.py, search-lists), the texts with their counts, tokens and codes
  (search/textmemo.py, search-texts), the heading lists by their runs (search-headings), and each
  paragraph's OpenCC variants for the fold table, keyed by its text (search/fold.py,
  fold-variants.pickle);
- site: the last rendered site as a workspace, with the hash of every docs file it was rendered
  from; while the navigation, mkdocs.yml, the overrides and the code stay the same, MkDocs
  renders only the pages whose Markdown changed (render.render_into) and keeps the rest.

ZHENGBAO_CACHE_DIR moves the cache (default .cache/build); ZHENGBAO_CACHE=0 switches it off.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import os
import pickle
import shutil
import tempfile
from array import array
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from . import ROOT

T = TypeVar("T")

PACKAGE = Path(__file__).resolve().parent
# Libraries whose version changes what a build writes.
OUTPUT_LIBRARIES = ("jieba", "OpenCC", "mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions",
                    "pyahocorasick", "RapidFuzz", "Jinja2", "PyYAML")


def enabled() -> bool:
    return os.environ.get("ZHENGBAO_CACHE", "1") != "0"


def cache_dir() -> Path:
    return Path(os.environ.get("ZHENGBAO_CACHE_DIR") or ROOT / ".cache" / "build")


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of the package's sources (modules and the emit stage's templates) and the
    output-shaping library versions: new code or a changed template, new keys."""
    digest = hashlib.sha256()
    sources = [*PACKAGE.rglob("*.py"), *(p for p in PACKAGE.rglob("templates/**/*") if p.is_file())]
    for path in sorted(sources):
        digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    for name in OUTPUT_LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=?\0".encode())
    return digest.hexdigest()[:20]


def _write_atomically(path: Path, data: bytes) -> None:
    """Readers never see half a cache file: write beside it, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temporary, path)


def _read_pickle(path: Path):
    """The cached object, or None when missing or unreadable (a damaged entry is a cache miss)."""
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None


# --- stage results ---------------------------------------------------------------------------

def key_of(*parts: bytes | str) -> str:
    """A cache key: the code version and every part given (text, metadata, lock bytes…)."""
    digest = hashlib.sha256(code_version().encode())
    for part in parts:
        digest.update((part.encode() if isinstance(part, str) else part) + b"\0")
    return digest.hexdigest()


class _StatePickler(pickle.Pickler):
    """pickle.Pickler writing each str as its UTF-8 bytes under a persistent id. The plain pickler
    encodes a str with PyUnicode_AsUTF8AndSize, which keeps the UTF-8 copy inside every non-ASCII
    string for its lifetime: hashing the 1,000 reports once made them 348 MB larger in each process
    that did it (main, comparison and search workers); encoding here leaves them as they were, at
    the same speed. Only for digests: nothing reads these bytes back."""

    def persistent_id(self, obj: object) -> bytes | None:
        return obj.encode("utf-8", "surrogatepass") if type(obj) is str else None


def digest_of(value: object) -> str:
    """A hash of a value's whole state (a Report after link, a list of word counts…): the key of work
    that depends on that value alone. Pickled without the memo (`fast`), so an object referenced twice
    is written twice and equal states give equal bytes whichever objects they share (a report read
    back from the cache shares other strings than one just parsed); our dataclasses hold lists, dicts
    and tuples, never sets or cycles."""
    out = io.BytesIO()
    pickler = _StatePickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(value)
    return hashlib.blake2b(out.getbuffer(), digest_size=20).hexdigest()


def cached(kind: str, name: str, key: str, compute: Callable[[], T]) -> T:
    """compute(), or its result read back from .cache/<kind>/<name>-<key>.pickle when present.

    The result is pickled as soon as it is computed, before later stages add to it.
    """
    if not enabled():
        return compute()
    found = stored(kind, name, key)
    if found is not None:
        return found
    result = compute()
    store(kind, name, key, result)
    return result


def _entry_path(kind: str, name: str, key: str) -> Path:
    return cache_dir() / kind / f"{name}-{key[:32]}.pickle"


def stored(kind: str, name: str, key: str):
    """What `cached(kind, name, key, …)` stored, or None (cache off, never stored, or damaged)."""
    return _read_pickle(_entry_path(kind, name, key)) if enabled() else None


def store(kind: str, name: str, key: str, value: object) -> None:
    """Keep `value` where `stored(kind, name, key)` reads it (pickled, written atomically); for a
    memo a stage reads back and replaces itself (search/blocks.py, search/textmemo.py)."""
    _write_atomically(_entry_path(kind, name, key), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


# --- stores of values computed from a text ----------------------------------------------------

class TextStore:
    """Values by the hash of the text they were computed from, in `<name>.pickle` (the OpenCC variants
    of a paragraph for the search fold table, search/fold.py: keyed with the code version too).

    Loaded on first use, saved by `save()` with only the entries used in this build, so the file
    follows the current content instead of growing for ever; given back once saved.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._stored: dict[bytes, object] | None = None
        self._used: dict[bytes, object] = {}

    def _path(self) -> Path:
        return cache_dir() / f"{self.name}.pickle"

    def key(self, text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16,
                               key=code_version().encode()[:64]).digest()

    def get(self, text: str):
        if not enabled():
            return None
        if self._stored is None:
            self._stored = _read_pickle(self._path()) or {}
        key = self.key(text)
        found = self._used.get(key)
        if found is None:
            found = self._stored.get(key)
            if found is not None:
                self._used[key] = found
        return found

    def put(self, text: str, value: object) -> None:
        if enabled():
            self._used[self.key(text)] = value

    def save(self) -> None:
        if enabled() and self._used and self._used != self._stored:
            _write_atomically(self._path(), pickle.dumps(self._used, protocol=pickle.HIGHEST_PROTOCOL))
        # Given back once saved (every paragraph's entry, tens of MB at 1,000 reports): a later
        # build in this process reads the file again and keeps the entries it uses.
        self._stored = None
        self._used = {}


class TokenStore(TextStore):
    """jieba segmentations by text hash, stored as token lengths (compact: a tuple per token is not),
    in a file named by jieba's version (a segmentation does not depend on our code)."""

    def __init__(self) -> None:
        super().__init__("tokens")

    def _path(self) -> Path:
        try:
            jieba_version = metadata.version("jieba")
        except metadata.PackageNotFoundError:
            jieba_version = "?"
        return cache_dir() / f"tokens-jieba{jieba_version}.pickle"

    def key(self, text: str) -> bytes:
        return hashlib.blake2b(text.encode(), digest_size=16).digest()

    def get(self, text: str) -> tuple[tuple[str, int, int], ...] | None:
        lengths = super().get(text)
        if lengths is None:
            return None
        tokens, start = [], 0
        for length in array("I", lengths):
            tokens.append((text[start:start + length], start, start + length))
            start += length
        return tuple(tokens)

    def put(self, text: str, tokens: tuple[tuple[str, int, int], ...]) -> None:
        super().put(text, array("I", (end - start for _, start, end in tokens)).tobytes())


token_store = TokenStore()
# What each report's body gives the themes and timelines (compare/themes.py Bodies), by the report's
# digest_of and what was asked: its characters, its quoted terms, a phrase's mentions.
theme_store = TextStore("theme-counts")


def save_caches() -> None:
    """Write what the comparison learned (the token and theme stores; the other caches are written as
    they fill)."""
    token_store.save()
    theme_store.save()


# --- site ---------------------------------------------------------------------------------

def _hash_tree(digest, folder: Path) -> None:
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")


def render_key(nav: list, config_file: Path) -> str:
    """What every rendered page depends on besides its own source: the nav, mkdocs.yml, the theme
    overrides and the code version. While it stays the same, a page rendered before is reused."""
    digest = hashlib.sha256(code_version().encode())
    digest.update(repr(nav).encode() + b"\0" + config_file.read_bytes() + b"\0")
    overrides = config_file.parent / "overrides"
    if overrides.is_dir():
        _hash_tree(digest, overrides)
    return digest.hexdigest()


def docs_hashes(docs_dir: Path) -> dict[str, str]:
    """Docs path ("/"-separated) → hash of its bytes, for every file MkDocs reads (os.walk on str
    paths: a third less CPU than Path.rglob with a Path per file)."""
    root, hashes = str(docs_dir), {}
    for folder, _, files in os.walk(root):
        prefix = os.path.relpath(folder, root).replace(os.sep, "/") + "/"
        for name in files:
            with open(os.path.join(folder, name), "rb") as source:
                digest = hashlib.blake2b(source.read(), digest_size=16).hexdigest()
            hashes[name if prefix == "./" else prefix + name] = digest
    return hashes


def render_incremental(key: str, docs_dir: Path, render: Callable[[Path, set[str], list[str]], None],
                       site_dir: Path, swap_in: Callable[[Path, Path], None]) -> int:
    """Render into the kept workspace, only what changed since its last render; publish it as site_dir.

    `render(workspace, unchanged docs paths, removed docs paths)` brings the workspace up to date
    (render.render_into). The workspace counts only after a render finished (its state is written
    last), and only for the same render key; otherwise it is emptied and rendered whole.
    Returns how many docs files were new or changed.
    """
    hashes = docs_hashes(docs_dir)
    if not enabled():
        with tempfile.TemporaryDirectory(prefix=".render-", dir=site_dir.resolve().parent) as work:
            render(Path(work) / "site", set(), [])
            publish(Path(work) / "site", site_dir, swap_in)
        return len(hashes)
    store = cache_dir() / "site"
    store.parent.mkdir(parents=True, exist_ok=True)
    # One build at a time uses the workspace: two builds at once (two content folders, two
    # terminals) would otherwise render into the same files. The second waits for the first.
    with open(store.parent / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _render_in_workspace(key, store, hashes, render, site_dir, swap_in)


def _render_in_workspace(key: str, store: Path, hashes: dict[str, str],
                         render: Callable[[Path, set[str], list[str]], None],
                         site_dir: Path, swap_in: Callable[[Path, Path], None]) -> int:
    workspace, state_path = store / "workspace", store / "state.pickle"
    state = _read_pickle(state_path)
    if not (isinstance(state, dict) and state.get("key") == key and workspace.is_dir()):
        shutil.rmtree(store, ignore_errors=True)  # the old workspace and anything left in the store
        store.mkdir(parents=True)
        state = {"key": key, "hashes": {}}
    before: dict[str, str] = state["hashes"]
    unchanged = {path for path, digest in hashes.items() if before.get(path) == digest}
    state_path.unlink(missing_ok=True)  # a render that stops half-way leaves no state: next time, whole
    render(workspace, unchanged, sorted(set(before) - set(hashes)))
    _write_atomically(state_path, pickle.dumps({"key": key, "hashes": hashes}, protocol=pickle.HIGHEST_PROTOCOL))
    publish(workspace, site_dir, swap_in)
    return len(hashes) - len(unchanged)


def publish(workspace: Path, site_dir: Path, swap_in: Callable[[Path, Path], None]) -> None:
    """site_dir becomes a copy of the workspace (hard links where the file system allows), swapped in whole.

    The workspace is never written through a link: render.render_into unlinks each output before
    MkDocs writes it again.
    """
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    # os.walk on str paths: Path.rglob with a Path and an is_dir() per entry cost 0.3 s of CPU for the
    # 11,000 files of a 500-report site on every build.
    root = str(workspace)
    for folder, folders, files in os.walk(root):
        into = os.path.join(str(staging), os.path.relpath(folder, root))
        for name in folders:
            os.mkdir(os.path.join(into, name))
        for name in files:
            source, target = os.path.join(folder, name), os.path.join(into, name)
            try:
                os.link(source, target)
            except OSError:
                shutil.copy2(source, target)
    swap_in(staging, site_dir)
