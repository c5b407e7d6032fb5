"""The fold: one comparable form for traditional and simplified, full-width and ASCII, upper and lower case.

Index and query are compared folded: every character goes through a table made at build time,
then to lower case. The table maps each traditional form a reader may type (OpenCC's Taiwan, Hong
Kong and own variants of the corpus's characters) to OpenCC's simplified form, and full-width
ASCII (as Chinese input methods type it, ３万亿) to ASCII. The same table is shipped to the browser
in the manifest (docs/search-format.md, "The fold"), so 現代化 finds 现代化 and the other way round.
One character in, one character out: offsets in folded text are offsets in the original text,
so a snippet marks the original.
"""

from __future__ import annotations

from .. import cache
from ..patterns.characters import FULLWIDTH_FIRST, FULLWIDTH_LAST, fullwidth_to_ascii
from ..script import converter, fold_simplified

# OpenCC configurations whose traditional forms a reader may type: Taiwan, Hong Kong, OpenCC's own.
TRADITIONAL_CONFIGS = ("s2t", "s2tw", "s2hk")
# Each text's variants (the characters of its three conversions that are not its own), by its hash.
VARIANTS = cache.TextStore("fold-variants")


def lower_one(char: str) -> str:
    """Lower case when that is one character (JavaScript's toLowerCase rule in search-engine.js)."""
    lower = char.lower()
    return lower if len(lower) == 1 else char


def build_fold_table(texts: list[str]) -> dict[str, str]:
    """Character → folded character (before lower-casing), for the corpus and the forms typed for it.

    The candidates are the characters of the texts themselves and every traditional variant
    OpenCC gives for them (by phrase and by character), so a query typed in traditional finds
    simplified text. Each candidate maps to OpenCC's single-character t2s form, so the index and
    the query fold the same way (著 → 着 too: script.fold_simplified); every full-width ASCII
    character maps to ASCII.
    """
    unique = sorted(set(texts))  # many paragraphs repeat across years; converting once is enough
    chars = sorted(set().union(*unique))
    candidates: set[str] = set(chars)
    converters = [converter(config) for config in TRADITIONAL_CONFIGS]
    for convert in converters:
        candidates.update(convert.convert("\n".join(chars)))
    # A text's variants are read back from the store when it was converted in an earlier build.
    for text in unique:
        variants = VARIANTS.get(text)
        if variants is None:
            variants = "".join(sorted(set().union(*(convert.convert(text) for convert in converters)) - set(text)))
        VARIANTS.put(text, variants)
        candidates.update(variants)
    VARIANTS.save()
    candidates.update(chr(code) for code in range(FULLWIDTH_FIRST, FULLWIDTH_LAST + 1))
    table: dict[str, str] = {}
    for char in sorted(candidates):
        simplified = fold_simplified(char)
        folded = fullwidth_to_ascii(simplified if len(simplified) == 1 else char)
        if folded != char:
            table[char] = folded
    return table


def fold(text: str, table: dict[str, str]) -> str:
    """The form both index and query are compared in; same length as text."""
    return "".join(lower_one(table.get(char, char)) for char in text)


def table_text(table: dict[str, str]) -> str:
    """The table as the manifest carries it: "from to from to …" without separators, sorted."""
    return "".join(source + target for source, target in sorted(table.items()))


def table_from_text(text: str) -> dict[str, str]:
    """The inverse of table_text."""
    return {text[i]: text[i + 1] for i in range(0, len(text) - 1, 2)}
