"""Plain dataclasses passed from stage to stage.

A stage reads the dataclasses of the stage before it and never reaches into its internals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

LEVELS = ("national", "province", "city", "district", "county")


@dataclass(frozen=True)
class ReportMeta:
    """One entry of content/reports.yml, as the editor wrote it (empty where not given)."""

    file: str
    slug: str
    year: int
    region: str
    level: str
    title: str = ""
    date: str = ""
    speaker: str = ""
    script: str = "simplified"
    kind: str = "report"
    source_url: str = ""
    retrieved: str = ""


@dataclass(frozen=True)
class SourceLine:
    """A line of a report file with its 1-based line number in that file."""

    number: int
    text: str


@dataclass(frozen=True)
class Repair:
    """One change the cleaning made, so `build.py --explain` can show it."""

    fix: str
    line: int
    before: str
    after: str
    why: str = ""


@dataclass
class RawReport:
    """A report file as loaded: its metadata and its decoded lines."""

    meta: ReportMeta
    path: str
    lines: list[SourceLine]
    repairs: list[Repair] = field(default_factory=list)


@dataclass
class LogicalLine:
    """A cleaned line: one heading or one whole paragraph, with the source lines it came from."""

    text: str
    first_line: int
    last_line: int
    # The source line it starts on opens with an indent (two ideographic spaces, as Wikisource
    # copies indent their paragraphs and not their headings); set by clean.clean_report, read by
    # structure.py only where a text indents consistently (structure.set_apart_lines).
    indented: bool = False


@dataclass
class CleanReport:
    """A report after cleaning: logical lines in source order plus the record of repairs."""

    meta: ReportMeta
    path: str
    lines: list[LogicalLine]
    repairs: list[Repair]
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TermMark:
    """A glossary term found in a paragraph: text[start:end] links to its glossary entry.

    With `tooltip` the mark also shows the definition(s) in `title`; without it (inside the
    glossary's own definitions) it is a plain cross-reference.
    """

    start: int
    end: int
    entry_anchor: str  # e.g. "g-2024-yuexiu-4", the entry's id on the glossary page
    title: str = ""
    tooltip: bool = True


@dataclass
class Paragraph:
    """One paragraph of a report; `anchor` is its published deep-link id."""

    text: str
    number: int  # position within its section (1-based): the ¶ number a citation uses
    source_line: int
    anchor: str = ""
    extra_anchors: list[str] = field(default_factory=list)
    terms: list[TermMark] = field(default_factory=list)  # set by the glossary stage
    # 0 for a body paragraph; 3, 4, 5 for a heading below the subsection standing on its own line
    # ("1.推动制造业高质量发展", "（1）扩大有效投资", "①强化项目储备"): it keeps its paragraph anchor
    # and number, and is shown as a heading of that level (structure.py).
    heading_level: int = 0


@dataclass(frozen=True)
class GlossaryEntry:
    """One numbered entry of a report's 附件：名词解释, with the keys that find it in body text."""

    source_slug: str  # the report whose annex defines it: a second district keeps its own entries
    number: int  # the number the annex gives it
    term: str  # as the annex writes it, e.g. "“专精特新”企业"
    definition: str  # the text after the term's colon, exactly as in the annex
    paragraph_anchor: str  # the annex paragraph it came from, e.g. "annex-p12"
    keys: tuple[str, ...] = ()  # simplified-script strings that mark the term in body text

    @property
    def anchor(self) -> str:
        """Stable id on the glossary page: source report + number."""
        return f"g-{self.source_slug}-{self.number}"


@dataclass
class Section:
    """A heading and its paragraphs: level 1 (一、) or level 2 (（一）)."""

    level: int
    label: str  # the document's own number as written: "一", "（三）", "3"; "" if unnumbered
    ordinal: int  # 1-based position among its siblings, from the document's own numbering
    heading: str  # the heading text exactly as it appears (including its number)
    source_line: int
    paragraphs: list[Paragraph] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    anchor: str = ""
    role: str = "body"  # body | tail (labels appended to a summary) | annex (附件)
    added_heading: bool = False  # heading supplied by Zhengbao, not in the text
    # The form of its number (patterns.numbering.RANK_*: 一、 / （一） / 第一部分 …), -1 where unnumbered:
    # a citation names the place as the document writes it (labels.section_locator).
    rank: int = -1
    # 1, 2, 3… for a part: a level-1 heading above the 一、 list, unnumbered ("关于国内建设" over 一、…五、,
    # 1984 national; structure.unnumbered_parts) or in a higher form (1981: （二） over 一、…十、), and a
    # closing 结束语 after them; 0 otherwise. Its anchor is part1, part2…, so the 一、 list under it keeps
    # s1, s2… (docs/architecture.md, "Anchors").
    part: int = 0
    # Most similar subsections of other years (comparison): (label, report slug, anchor, score).
    related: list[tuple[str, str, str, float]] = field(default_factory=list)


@dataclass
class FrontMatter:
    """Lines before the body: title(s), date line, speaker line, as they appear."""

    title_lines: list[str] = field(default_factory=list)
    date_line: str = ""
    speaker_line: str = ""
    title: str = ""
    date: str = ""
    speaker: str = ""
    speaker_role: str = ""
    # Every front line in source order as (kind, text), kind "title" | "date" | "speaker" | "other";
    # a title, date or speaker cut over two lines is one entry (front.py).
    lines: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Report:
    """A parsed report: metadata, front matter, preamble paragraphs, sections."""

    meta: ReportMeta
    path: str
    front: FrontMatter
    preamble: list[Paragraph]
    sections: list[Section]
    repairs: list[Repair]
    warnings: list[str] = field(default_factory=list)
    title: str = ""  # shown title: the editor's if given, else the text's own
    title_from_editor: bool = False
    date: str = ""
    speaker: str = ""
    # Anchors of removed paragraphs (anchor lock): after-anchor ("" = start) → [(anchor, old text)].
    retired_anchors: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @property
    def unsectioned(self) -> bool:
        """The text has no section of its own (only preamble paragraphs, perhaps an annex or a label
        tail): the build warns, and the page tells readers the paragraphs are shown as written."""
        return not any(section.role == "body" for section in self.sections)

    def all_sections(self) -> list[Section]:
        """Sections and subsections in document order."""
        out: list[Section] = []
        for section in self.sections:
            out.append(section)
            out.extend(section.subsections)
        return out

    def paragraphs_in_context(self) -> list[tuple[Section | None, Section | None, Paragraph]]:
        """Every paragraph with its level-1 section and subsection (None where there is none)."""
        out: list[tuple[Section | None, Section | None, Paragraph]] = [(None, None, p) for p in self.preamble]
        for section in self.sections:
            out.extend((section, None, p) for p in section.paragraphs)
            for sub in section.subsections:
                out.extend((section, sub, p) for p in sub.paragraphs)
        return out

    def all_paragraphs(self) -> list[Paragraph]:
        """Every paragraph in document order."""
        out = list(self.preamble)
        for section in self.sections:
            out.extend(section.paragraphs)
            for sub in section.subsections:
                out.extend(sub.paragraphs)
        return out


@dataclass(frozen=True)
class NavPlace:
    """Where a page stands in the site navigation: as `label`, inside `groups` (outermost first).

    Labels are plain text (the navigation builder escapes them); ("2024年",) is the 2024 group.
    """

    label: str
    groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class Page:
    """One page of the site as data, from an emitter to the writer (emit/write.py).

    `path` is the docs path MkDocs reads ("/"-separated, e.g. "reports/2024-yuexiu/index.md");
    `title` is plain text (escaped when written); `body` is the Markdown after the front matter;
    `lang` overrides the site's language ("zh-Hant" for a traditional-script report, "" = site's);
    `nav` is None for a page reached by links only.
    """

    path: str
    title: str
    body: str
    nav: NavPlace | None = None
    lang: str = ""


@dataclass(frozen=True)
class DataFile:
    """A file published as it is beside the pages (downloads: JSON, CSV, zip), by its docs path:
    text (written as UTF-8) or, for a binary file, bytes."""

    path: str
    text: str | bytes


@dataclass
class EmittedSite:
    """What the render stage needs from emit: the docs folder and the navigation (MkDocs `nav` shape)."""

    docs_dir: Path
    nav: list
