"""Anchor lock (link stage): a published anchor keeps pointing at the same paragraph.

`content/anchors/<slug>.json` records, for every published paragraph anchor, a fingerprint and
the text it pointed at. A build matches the current paragraphs to the lock — exact first, then
fuzzy for corrected text, then splits and joins — so citations survive corrections:

- corrected paragraph (typo fixed, PDF break repaired): keeps its anchor;
- paragraph split in two: the first part keeps the anchor, the second gets a new one;
- two paragraphs joined: the joined paragraph carries both anchors (the second as an alias);
- paragraph removed: its anchor resolves to a removal notice where it stood (needs
  `--update-anchors`, because a reader following it no longer finds the text);
- new paragraph: a new anchor after its predecessor (`s2-3-p4a`), never a retired one.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from ..errors import ContentError, Problem
from ..model import Paragraph, Report

LOCK_DIR = "anchors"
# fuzz.ratio (0–100) at or above which a changed paragraph is the same paragraph corrected.
CORRECTED_MIN_RATIO = 80
# fuzz.partial_ratio at or above which a paragraph is a part of another (split / join).
PART_MIN_RATIO = 90
LOCK_VERSION = 1


@dataclass
class LockedParagraph:
    anchor: str
    fingerprint: str
    text: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class RetiredAnchor:
    anchor: str
    after: str  # anchor of the paragraph it followed ("" at the start of the report)
    fingerprint: str
    text: str


@dataclass
class AnchorLock:
    slug: str
    paragraphs: list[LockedParagraph]
    retired: list[RetiredAnchor] = field(default_factory=list)

    def all_anchors(self) -> set[str]:
        """Every anchor ever published for this report, current or retired."""
        out = {p.anchor for p in self.paragraphs} | {r.anchor for r in self.retired}
        for paragraph in self.paragraphs:
            out.update(paragraph.aliases)
        return out


@dataclass(frozen=True)
class AnchorChange:
    slug: str
    kind: str  # corrected | split | joined | new | removed
    anchor: str
    detail: str
    breaking: bool = False

    def __str__(self) -> str:
        return f"{self.slug}#{self.anchor}: {self.kind} — {self.detail}"


def normalize(text: str) -> str:
    return re.sub(r"\s+", "", text)


def fingerprint(text: str) -> str:
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:16]


def lock_path(content_dir: Path, slug: str) -> Path:
    return content_dir / LOCK_DIR / f"{slug}.json"


def read_lock(content_dir: Path, slug: str) -> AnchorLock | None:
    """The report's anchor lock, or None when it has none yet.

    Raises ContentError (`path:line: what — what to do`) for a lock that is not valid JSON or not
    the shape `write_lock` writes.
    """
    path = lock_path(content_dir, slug)
    if not path.is_file():
        return None
    shown = str(path)
    remedy = (f"restore it (git checkout -- {shown}), or delete it and run `python build.py --update-anchors` "
              "(links to paragraphs changed since it was written may then move)")
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except UnicodeDecodeError:
        raise ContentError([Problem(shown, 1, "anchor lock is not UTF-8", remedy)]) from None
    except json.JSONDecodeError as error:
        raise ContentError([Problem(shown, error.lineno, f"anchor lock is not valid JSON: {error.msg}", remedy)]) from None
    try:
        lock = AnchorLock(slug=data["slug"],
                          paragraphs=[LockedParagraph(**p) for p in data["paragraphs"]],
                          retired=[RetiredAnchor(**r) for r in data.get("retired", [])])
    except (KeyError, TypeError, AttributeError) as error:
        raise ContentError([Problem(shown, _line_of(text, error), f"anchor lock has an unexpected shape ({error!r})",
                                    remedy)]) from None
    if lock.slug != slug:
        raise ContentError([Problem(shown, _line_of(text, KeyError("slug")),
                                    f"anchor lock is for '{lock.slug}', not '{slug}'",
                                    f"set \"slug\": \"{slug}\" if the report was renamed, or {remedy}")])
    return lock


def _line_of(text: str, error: Exception) -> int:
    """The line of the first key the error names, for the message (1 if none is found)."""
    for name in re.findall(r"'(\w+)'", str(error)):
        at = text.find(f'"{name}"')
        if at >= 0:
            return text.count("\n", 0, at) + 1
    return 1


def write_lock(content_dir: Path, lock: AnchorLock) -> Path:
    path = lock_path(content_dir, lock.slug)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": LOCK_VERSION, "slug": lock.slug,
            "paragraphs": [asdict(p) for p in lock.paragraphs],
            "retired": [asdict(r) for r in lock.retired]}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def lock_of(report: Report, previous: AnchorLock | None) -> AnchorLock:
    """The lock that records the report as it is now built (after apply_lock)."""
    paragraphs = [LockedParagraph(p.anchor, fingerprint(p.text), normalize(p.text), list(p.extra_anchors))
                  for p in report.all_paragraphs()]
    retired = list(previous.retired) if previous else []
    known = {r.anchor for r in retired}
    for after, anchors in report.retired_anchors.items():
        for anchor, text in anchors:
            if anchor not in known:
                retired.append(RetiredAnchor(anchor, after, fingerprint(text), normalize(text)))
    return AnchorLock(report.meta.slug, paragraphs, retired)


def apply_lock(report: Report, lock: AnchorLock | None) -> list[AnchorChange]:
    """Re-anchor the report's paragraphs to the lock; return every change from the lock."""
    if lock is None:
        return []
    slug = report.meta.slug
    news = report.all_paragraphs()
    olds = lock.paragraphs
    new_text = [normalize(p.text) for p in news]
    owner: dict[int, int] = {}  # new index → old index whose anchor it takes
    aliases: dict[int, list[int]] = {}  # new index → old indices it also carries
    taken: set[int] = set()
    changes: list[AnchorChange] = []

    by_print: dict[str, list[int]] = {}
    for j, old in enumerate(olds):
        by_print.setdefault(old.fingerprint, []).append(j)
    for i, paragraph in enumerate(news):
        candidates = [j for j in by_print.get(fingerprint(paragraph.text), []) if j not in taken]
        if candidates:
            owner[i] = candidates[0]
            taken.add(candidates[0])

    def free_new() -> list[int]:
        return [i for i in range(len(news)) if i not in owner]

    def free_old() -> list[int]:
        return [j for j in range(len(olds)) if j not in taken]

    # Split: one old paragraph now spread over consecutive new ones; the first part keeps it.
    for j in free_old():
        parts = [i for i in free_new() if len(new_text[i]) < len(olds[j].text)
                 and fuzz.partial_ratio(new_text[i], olds[j].text) >= PART_MIN_RATIO]
        run = _best_run(parts, lambda run: "".join(new_text[i] for i in run), olds[j].text)
        if run:
            owner[run[0]] = j
            taken.add(j)
            changes.append(AnchorChange(slug, "split", olds[j].anchor,
                                        f"paragraph split in {len(run)}; the anchor stays on the first part"))

    # Join: consecutive old paragraphs now one new paragraph, which carries all their anchors.
    for i in free_new():
        parts = [j for j in free_old() if len(olds[j].text) < len(new_text[i])
                 and fuzz.partial_ratio(olds[j].text, new_text[i]) >= PART_MIN_RATIO]
        run = _best_run(parts, lambda run: "".join(olds[j].text for j in run), new_text[i])
        if run:
            owner[i] = run[0]
            aliases[i] = run[1:]
            taken.update(run)
            for j in run[1:]:
                changes.append(AnchorChange(slug, "joined", olds[j].anchor,
                                            f"paragraph joined to #{olds[run[0]].anchor}; the anchor still lands there"))

    # Corrected text: the most similar pairs first.
    pairs = []
    for i in free_new():
        for j in free_old():
            a, b = new_text[i], olds[j].text
            if 0.75 <= len(a) / max(len(b), 1) <= 1.33:
                score = fuzz.ratio(a, b)
                if score >= CORRECTED_MIN_RATIO:
                    pairs.append((-score, i, j))
    for negative_score, i, j in sorted(pairs):
        if i in owner or j in taken:
            continue
        owner[i] = j
        taken.add(j)
        changes.append(AnchorChange(slug, "corrected", olds[j].anchor,
                                    f"text corrected (similarity {-negative_score:.1f}%), anchor kept"))

    # An old paragraph now inside a paragraph that kept another anchor: it becomes an alias there.
    for j in free_old():
        hosts = [i for i in owner if len(new_text[i]) > len(olds[j].text)
                 and fuzz.partial_ratio(olds[j].text, new_text[i]) >= PART_MIN_RATIO]
        if hosts:
            aliases.setdefault(hosts[0], []).append(j)
            taken.add(j)
            changes.append(AnchorChange(slug, "joined", olds[j].anchor,
                                        f"text now inside #{olds[owner[hosts[0]]].anchor}; the anchor lands there"))

    # Carry the lock's earlier aliases along with their paragraph.
    retired_by_after: dict[str, list[tuple[str, str]]] = {}
    used = lock.all_anchors()
    for i, paragraph in enumerate(news):
        if i in owner:
            old = olds[owner[i]]
            paragraph.anchor = old.anchor
            paragraph.extra_anchors = list(old.aliases) + [a for j in aliases.get(i, [])
                                                           for a in [olds[j].anchor, *olds[j].aliases]]
    # Removed: the anchor shows a notice after the paragraph it used to follow.
    for j in free_old():
        previous = next((olds[k].anchor for k in range(j - 1, -1, -1) if k in taken), "")
        retired_by_after.setdefault(previous, []).append((olds[j].anchor, olds[j].text))
        changes.append(AnchorChange(slug, "removed", olds[j].anchor,
                                    f"no paragraph matches “{olds[j].text[:24]}…” any more; the anchor will show "
                                    "a removal notice", breaking=True))
    for retired in lock.retired:
        retired_by_after.setdefault(retired.after, []).append((retired.anchor, retired.text))
    # New paragraphs: after their predecessor, with a letter suffix, never reusing an anchor.
    previous_anchor = ""
    for i, paragraph in enumerate(news):
        if i not in owner:
            base = previous_anchor if _same_section(previous_anchor, paragraph.anchor) else _section_start(paragraph)
            paragraph.anchor = _next_free(base, used)
            paragraph.extra_anchors = []
            used.add(paragraph.anchor)
            changes.append(AnchorChange(slug, "new", paragraph.anchor, "new paragraph, new anchor"))
        previous_anchor = paragraph.anchor
    # A notice whose predecessor is gone too stands at the start of the report.
    present = {p.anchor for p in news}
    report.retired_anchors = {}
    for after, entries in retired_by_after.items():
        report.retired_anchors.setdefault(after if after in present else "", []).extend(entries)
    return changes


def _best_run(indices: list[int], joined, target: str) -> list[int]:
    """The longest run of consecutive indices (≥ 2) whose joined text is the target text."""
    runs: list[list[int]] = []
    for index in indices:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    for run in sorted(runs, key=len, reverse=True):
        for start in range(len(run) - 1):
            for end in range(len(run), start + 1, -1):
                candidate = run[start:end]
                if fuzz.ratio(joined(candidate), target) >= PART_MIN_RATIO:
                    return candidate
    return []


def _section_prefix(anchor: str) -> str:
    return anchor.rsplit("p", 1)[0] if "p" in anchor else ""


def _same_section(previous: str, structural: str) -> bool:
    return bool(previous) and _section_prefix(re.sub(r"[a-z]+$", "", previous)) == _section_prefix(structural)


def _section_start(paragraph: Paragraph) -> str:
    return f"{_section_prefix(paragraph.anchor)}p0"


def _next_free(base: str, used: set[str]) -> str:
    stem = re.sub(r"(?<=\d)[a-z]+$", "", base)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        candidate = f"{stem}{letter}"
        if candidate not in used:
            return candidate
    suffix = 2
    while f"{stem}z{suffix}" in used:
        suffix += 1
    return f"{stem}z{suffix}"


#END
