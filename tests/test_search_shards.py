"""The split search index (issue 9): same answers as the single-file search, reading only a few files."""

from __future__ import annotations

import pytest

from tools.search_bench import load_queries
from zhengbao.pipeline import build_reports
from zhengbao.search.reference import ReferenceSearch, build_index
from zhengbao.search.shards import build_shards

from .conftest import CONTENT, ROOT

PAGE = "reports/2024-yuexiu/index.html"
# Beyond the query set: one character, one digit, digits inside numbers, several terms, heading words.
EXTRA_QUERIES = ["城", "3", "2", "0", "。", "5G 数字", "南沙 营商环境 企业", "一、", "推进 建设 发展",
                 "2024", "万亿", "．", "廣州 城市", "工作报告", "x", "发展，改革", "：", "创新;协调"]
FILTERS = [{"report": "2024-yuexiu"}, {"year": "2021"}, {"report": "2023-guangzhou-summary", "year": "2023"}]


@pytest.fixture(scope="module")
def reference():
    return ReferenceSearch(build_index(build_reports(CONTENT)))


@pytest.fixture(scope="module")
def unbundled_site(tmp_path_factory):
    """The site as a large archive gets it: shards loaded one by one, no bundle."""
    import os

    from .conftest import run_build

    site = tmp_path_factory.mktemp("unbundled") / "site"
    os.environ["ZHENGBAO_SEARCH_BUNDLE_MAX"] = "0"
    try:
        result = run_build("--content", str(CONTENT), "--site", str(site))
    finally:
        del os.environ["ZHENGBAO_SEARCH_BUNDLE_MAX"]
    assert result.returncode == 0, result.stderr
    assert not (site / "assets" / "zhengbao" / "search" / "all.js").exists()
    return site


@pytest.fixture(params=["bundled", "unbundled"])
def search_page(request, browser_page, built_site, unbundled_site):
    site = built_site if request.param == "bundled" else unbundled_site
    browser_page.goto((site / PAGE).as_uri())
    browser_page.evaluate("window.zbSearch.load()")
    browser_page.site = site
    return browser_page


def split_search(page, query: str, **filter_) -> list[dict]:
    return page.evaluate("([q, f]) => window.zbSearch.search(q, f)", [query, filter_])


def assert_same(page, reference, query: str, **filter_) -> None:
    got = split_search(page, query, **filter_)
    want = reference.search(query, **filter_)
    assert [f"{r['slug']}#{r['anchor']}" for r in got] == [hit.anchor for hit in want], query
    assert [tuple(tuple(s) for s in r["spans"]) for r in got] == [hit.spans for hit in want], query
    assert [r["score"] for r in got] == pytest.approx([hit.score for hit in want], rel=1e-12), query


def test_split_search_returns_the_single_file_results_on_the_query_set(search_page, reference):
    queries = [q["query"] for q in load_queries()] + EXTRA_QUERIES
    assert sum(1 for q in queries if reference.search(q)) >= 50
    for query in queries:
        assert_same(search_page, reference, query)


def test_split_search_filters_like_the_single_file_search(search_page, reference):
    for filter_ in FILTERS:
        for query in ["城市更新", "发展", "3", "营商环境 企业"]:
            assert_same(search_page, reference, query, **filter_)


def test_a_small_site_loads_its_index_as_one_bundle(browser_page, built_site):
    browser_page.goto((built_site / PAGE).as_uri())
    browser_page.wait_for_load_state("networkidle")
    before = len(browser_page.requests)
    assert split_search(browser_page, "营商环境")
    loaded = [url.rsplit("/", 1)[-1] for url in browser_page.requests[before:] if "/search" in url]
    assert loaded == ["search-index.js", "all.js"]
    again = len(browser_page.requests)
    assert split_search(browser_page, "碳达峰") and len(browser_page.requests) == again


def test_a_query_reads_the_manifest_and_a_few_shards_only(browser_page, unbundled_site):
    built_site = unbundled_site
    browser_page.goto((built_site / PAGE).as_uri())
    browser_page.evaluate("window.zbSearch.load()")
    search_page = browser_page
    before = len(search_page.requests)
    results = split_search(search_page, "营商环境")
    loaded = [url.rsplit("/", 1)[-1] for url in search_page.requests[before:]]
    shards = sorted((built_site / "assets" / "zhengbao" / "search").glob("*.js"))
    assert results and loaded and all(url.startswith("file:") for url in search_page.requests)
    keys = [name for name in loaded if name.startswith("k")]
    texts = [name for name in loaded if name.startswith("t")]
    assert 1 <= len(keys) <= 3 and len(texts) <= len(results) and len(loaded) < len(shards) / 4
    again = len(search_page.requests)
    split_search(search_page, "营商环境")
    assert len(search_page.requests) == again  # a shard is loaded once


def test_every_shard_is_a_script_that_registers_itself(built_site, unbundled_site):
    shards = sorted((unbundled_site / "assets" / "zhengbao" / "search").glob("*.js"))
    assert len(shards) > 10
    for path in shards:
        text = path.read_text(encoding="utf-8")
        assert text.startswith(f'zbSearchShard("{path.stem}",') and "fetch(" not in text and "<" not in text
    bundled = sorted((built_site / "assets" / "zhengbao" / "search").glob("*.js"))
    assert [path.name for path in bundled] == ["all.js"]  # a small site ships the bundle only
    assert bundled[0].read_text(encoding="utf-8") == "".join(
        path.read_text(encoding="utf-8") for path in sorted(shards, key=lambda p: order_of(p.stem)))


def order_of(stem: str) -> tuple[int, int]:
    """The order build_shards writes shards in: key shards, then text chunks."""
    return ("kt".index(stem[0]), int(stem[1:]))


def test_shards_are_the_same_on_every_build():
    first = build_shards(build_reports(CONTENT))
    second = build_shards(build_reports(CONTENT))
    assert [(f.path, f.text) for f in first] == [(f.path, f.text) for f in second]


def test_a_report_without_paragraphs_shifts_no_other_report(browser_page, tmp_path):
    """A report with no items keeps its reportStarts entry: every later result names its own report."""
    import shutil

    from zhengbao.labels import sort_reports
    from zhengbao.search import add_search

    reports = sort_reports(build_reports(CONTENT))
    empty = reports[1]
    empty.preamble, empty.sections = [], []
    for file in add_search(reports):
        target = tmp_path / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(file.text, encoding="utf-8")
    for name in ("search-codes.js", "search-engine.js"):
        shutil.copy(ROOT / "overrides" / "assets" / "zhengbao" / name, tmp_path / "assets" / "zhengbao" / name)
    (tmp_path / "index.html").write_text(
        '<!doctype html><meta charset="utf-8"><script src="assets/zhengbao/search-codes.js"></script>'
        '<script src="assets/zhengbao/search-engine.js"></script>', encoding="utf-8")
    browser_page.goto((tmp_path / "index.html").as_uri())
    index = build_index(reports)
    reference = ReferenceSearch(index)
    labels = {f"{index['reports'][row[0]]['slug']}#{row[1]}": row[4] for row in index["paragraphs"]}
    assert browser_page.evaluate("window.zbSearch.load().then(i => i.reportStarts.length)") == len(reports)
    later = 0
    for query in ["城市更新", "发展", "营商环境 企业", "工作报告", "一、"]:
        assert_same(browser_page, reference, query)
        got = split_search(browser_page, query)
        assert [r["label"] for r in got] == [labels[f"{r['slug']}#{r['anchor']}"] for r in got], query
        later += sum(1 for r in got if r["slug"] in {report.meta.slug for report in reports[2:]})
    assert later and any(labels.values())
    assert_same(browser_page, reference, "发展", report=reports[2].meta.slug)


def test_numbers_are_self_delimiting_codes_json_leaves_alone():
    from zhengbao.search.encoding import NUMBER_ALPHABET, code, decode_numbers, json_body

    values = [0, 1, 63, 64, 65, 1791, 1792, 65_535, 65_536, 114_687, 114_688, 10**9]
    assert decode_numbers("".join(code(v) for v in values)) == values
    assert [len(code(v)) for v in (63, 64, 1791, 1792)] == [1, 2, 2, 3]
    assert json_body(NUMBER_ALPHABET) == f'"{NUMBER_ALPHABET}"' and len(NUMBER_ALPHABET) == 92


def test_text_chunks_give_back_every_paragraph_and_the_index_stays_small():
    """Text chunks hold the texts as dictionary codes; the whole index stays below the reports' text in bytes."""
    import json

    from zhengbao.search.bits import decode_huffman, decode_text_bits
    from zhengbao.search.encoding import decode_text, dictionary_tokens
    from zhengbao.search.paragraphs import collect_paragraphs
    from zhengbao.search.shards import MANIFEST_VERSION, read_anchor_run

    reports = build_reports(CONTENT)
    import os

    os.environ["ZHENGBAO_SEARCH_BUNDLE_MAX"] = "0"
    try:
        files = build_shards(reports)
    finally:
        del os.environ["ZHENGBAO_SEARCH_BUNDLE_MAX"]
    manifest = json.loads(files[-1].text.split("=", 1)[1].rstrip(";\n"))
    assert manifest["version"] == MANIFEST_VERSION
    dictionary = dictionary_tokens(manifest["dictionary"], manifest["dictionaryPairs"])
    assert sum(len(token) == 2 for token in dictionary) > 100  # frequent pairs are tokens of their own
    lengths = decode_huffman(manifest["lengthCode"], manifest["lengths"], manifest["paragraphs"])
    texts, headings = [], []
    for shard in files:
        if shard.path.stem.startswith("t"):
            data = json.loads(shard.text[shard.text.index(",") + 1:-3])
            texts += [(anchor, decode_text_bits(text, manifest["textCode"], dictionary, lengths[len(texts) + at]))
                      for at, (anchor, text) in enumerate(zip(read_anchor_run(data["a"]), data["t"], strict=True))]
            headings += [decode_text(heading, dictionary) for heading in data["h"]]
    _, all_headings, paragraphs = collect_paragraphs(reports)
    assert texts == [(p.anchor, p.text) for p in paragraphs]
    assert set(headings) == {all_headings[p.heading] for p in paragraphs if p.heading >= 0}
    report_text = sum(len(path.read_bytes()) for path in CONTENT.glob("*.txt"))
    index = sum(len(shard.text.encode("utf-8")) for shard in files)
    assert index <= 1.1 * report_text, (index, report_text)  # the base-36 format of version 5: 1.9 ×


def test_the_lists_join_to_the_same_bytes_whatever_the_blocks(monkeypatch, tmp_path):
    """search/blocks.py: each key's list made per block of reports and joined is the list made in one
    pass, whether every report is a block of its own or all reports one block; and a block read back
    from the cache gives the same bytes as one just encoded."""
    from zhengbao.search import blocks

    reports = build_reports(CONTENT)
    monkeypatch.setenv("ZHENGBAO_CACHE", "0")
    monkeypatch.setattr(blocks, "BLOCK_SPLIT", 256)
    monkeypatch.setattr(blocks, "BLOCK_MAX", 1)
    assert len(blocks.report_blocks([report.meta.slug for report in reports])) == len(reports)
    one_per_report = build_shards(reports)
    monkeypatch.setattr(blocks, "BLOCK_MAX", len(reports))
    few = len(blocks.report_blocks([report.meta.slug for report in reports]))
    assert few < 5
    assert build_shards(reports) == one_per_report
    monkeypatch.setattr(blocks, "BLOCK_SPLIT", 16)
    monkeypatch.setattr(blocks, "BLOCK_MAX", 24)
    assert build_shards(reports) == one_per_report
    monkeypatch.setattr(blocks, "BLOCK_MAX", 2)  # several blocks in the cache
    monkeypatch.setenv("ZHENGBAO_CACHE", "1")
    monkeypatch.setenv("ZHENGBAO_CACHE_DIR", str(tmp_path / "cache"))
    assert build_shards(reports) == one_per_report  # encoded, written to the cache
    assert len(list((tmp_path / "cache" / "search-blocks").iterdir())) > 1
    assert build_shards(reports) == one_per_report  # read back


def test_the_manifest_gives_every_folded_paragraph_length(reference):
    """BM25's lengths, Huffman-coded and packed in the manifest, read back as the reference's folded lengths."""
    import json

    from zhengbao.search.bits import decode_huffman, encode_huffman

    files = build_shards(build_reports(CONTENT))
    manifest = json.loads(files[-1].text.split("=", 1)[1].rstrip(";\n"))
    lengths = decode_huffman(manifest["lengthCode"], manifest["lengths"], manifest["paragraphs"])
    assert lengths == [len(text) for text in reference.folded]
    assert len(manifest["lengths"]) < 1.25 * len(lengths)  # 1.7 bytes a paragraph as numbers
    assert decode_huffman(*encode_huffman([5] * 7), 7) == [5] * 7 and encode_huffman([]) == (" ", "")


def test_the_engine_reads_every_report_row_back(search_page):
    """The compact report rows of the manifest (shards.report_rows) expand to each report's slug,
    year, region, summary flag and page."""
    from zhengbao.search.paragraphs import collect_paragraphs

    rows, _, _ = collect_paragraphs(build_reports(CONTENT))
    got = search_page.evaluate("window.zbSearchEngine.reports()")
    assert got == [{"slug": r.slug, "year": r.year, "region": r.region, "summary": r.summary, "page": r.page}
                   for r in rows]
    assert any(r.summary for r in rows) and len({r.year for r in rows}) > 1


def test_key_characters_are_written_as_steps_in_utf16_order():
    """encoding.unit numbers characters in JavaScript's string order, so the keys of a shard, sorted
    that way, are written as positive steps (shards.key_shard), astral and U+E000… characters too."""
    from zhengbao.search.encoding import unit, utf16_order

    chars = ["a", "中", "\ud7ff", "\ue000", "\uff5e", "\U00020000", "\U0002a6d6", "\U0010ffff", "\uffff"]
    assert sorted(chars, key=unit) == sorted(chars, key=utf16_order)
    assert len({unit(char) for char in chars}) == len(chars)


def test_a_chunk_writes_only_the_anchors_that_do_not_follow_from_the_one_before():
    from zhengbao.search.shards import anchor_run, read_anchor_run

    anchors = ["p1", "p2", "s1-p1", "s1-1-p9", "s1-1-p10", "s1-1-p12", "tail", "tail-p1", "x09", "x10",
               "n1234567890", "n1234567891"]
    assert anchor_run(anchors) == "p1  s1-p1 s1-1-p9  s1-1-p12 tail tail-p1 x09  n1234567890 n1234567891"
    assert read_anchor_run(anchor_run(anchors)) == anchors


def test_text_holding_a_stand_in_is_written_back_exactly(monkeypatch, tmp_path):
    """Pairs stand in as characters of a Private Use block no text holds while text is cut into
    tokens (encoding.STAND_IN_BLOCKS): a text holding one of the first block moves them to the next,
    one holding a character of every block leaves the texts without pairs, and a lone surrogate
    keeps the memo from being written (it is UTF-16); each text is written back exactly, warm too."""
    from zhengbao.search.bits import decode_text_bits, encode_texts_bits
    from zhengbao.search.encoding import STAND_IN_BLOCKS, decode_text, encode_texts

    monkeypatch.setenv("ZHENGBAO_CACHE_DIR", str(tmp_path / "cache"))
    every_block = "".join(chr(block + 5) for block in STAND_IN_BLOCKS)
    for held, pairs in (("\ud801", True), (every_block[0], True), (every_block, False)):
        texts = ["发展经济，发展经济", f"推进{held}发展", "经济发展"]
        dictionary, encoded = encode_texts(texts)
        assert [decode_text(text, dictionary) for text in encoded] == texts
        assert ("发展" in dictionary) == pairs and all(len(token) == 1 for token in dictionary) != pairs
        for _ in range(2):  # cold, then warm
            dictionary, table, encoded = encode_texts_bits(texts, 2)
            assert [decode_text_bits(encoded[n], table, dictionary, len(texts[n])) for n in range(2)] == texts[:2]
            assert decode_text(encoded[2], dictionary) == texts[2]
    assert [path.name for path in (tmp_path / "cache").rglob("*.pickle")] != []


def test_most_corrected_figures_rewrite_only_a_few_search_files(monkeypatch, tmp_path):
    """A digit corrected in one paragraph should change the text chunk holding it and the key shards
    of its bigrams, not every chunk: token ranks follow encoding.count_step, so a count moved by one
    keeps the other texts' codes (ranked by exact counts, one digit rewrote 825 of corpus/200's 3,148
    search files, and 6 of these 10 corrections rewrote 447-1,199 of content/'s ~1,300). Still
    global: a correction that adds a token the dictionary did not have, or moves a pair into or out
    of the chosen pairs. The middle digit of each of the archive's first ten reports, one at a time."""
    import re
    import shutil

    import yaml

    from .conftest import ROOT as ROOT_DIR

    monkeypatch.setenv("ZHENGBAO_SEARCH_BUNDLE_MAX", "0")
    monkeypatch.setenv("ZHENGBAO_CACHE_DIR", str(tmp_path / "cache"))  # only the corrected report is parsed again
    content = tmp_path / "content"
    shutil.copytree(ROOT_DIR / "content", content)
    before = {str(f.path): f.text for f in build_shards(build_reports(content))}
    local = []
    for entry in yaml.safe_load((content / "reports.yml").read_text(encoding="utf-8"))["reports"][:10]:
        path = content / entry["file"]
        original = path.read_text(encoding="utf-8")
        digits = [m.start() for m in re.finditer(r"[0-9]", original)]
        at = digits[len(digits) // 2]
        path.write_text(original[:at] + ("7" if original[at] != "7" else "8") + original[at + 1:], encoding="utf-8")
        after = {str(f.path): f.text for f in build_shards(build_reports(content))}
        path.write_text(original, encoding="utf-8")
        changed = [name for name in after if before.get(name) != after[name]]
        assert changed, entry["file"]  # the correction is in the index
        local.append(len(changed) <= 8)
    assert sum(local) > len(local) / 2, local


def test_key_lists_are_bit_codes_packed_thirteen_bits_to_two_characters():
    """bits.py: gamma, exponential Golomb and truncated binary codes, packed 13 bits to two
    characters of the number alphabet; a packed list reads back to its bits (zero padding after)."""
    from zhengbao.search.bits import gamma, golomb, pack, truncated, unpack
    from zhengbao.search.encoding import NUMBER_ALPHABET

    assert [gamma(v) for v in (0, 1, 2, 3, 6)] == ["1", "010", "011", "00100", "00111"]
    assert golomb(5, 2) == gamma(1) + "01" and golomb(70_000, 0) == gamma(70_000)
    assert [truncated(v, 5) for v in range(5)] == ["00", "01", "10", "110", "111"]
    assert truncated(0, 1) == "" and [truncated(v, 4) for v in range(4)] == ["00", "01", "10", "11"]
    bits = "".join(gamma(v) + golomb(v, 3) for v in range(300))
    packed = pack(bits)
    assert len(packed) == 2 * -(-len(bits) // 13) and set(packed) <= set(NUMBER_ALPHABET)
    assert unpack(packed) == bits + "0" * (len(unpack(packed)) - len(bits)) and pack("") == ""


def test_no_key_holds_the_punctuation_a_query_is_cut_at():
    """A query is cut into terms at ranking.TERM_SPLIT_PATTERN, so no term holds ， 。 、 ; ! ?: keys
    with one are not written (shards.searched); the colon, which ： folds to, stays searchable."""
    from array import array

    from zhengbao.search.shards import UNSEARCHED, searched

    pairs = array("i", [0, 1])
    postings = {"展,": pairs, ",推": pairs, "发展": pairs, "。\x01": pairs, "、\x03": pairs, "发\x01": pairs,
                "1:": pairs, "3\x04": pairs}
    assert set(searched(postings)) == {"发展", "发\x01", "1:", "3\x04"}
    assert set("，。、；！？,;!?") <= UNSEARCHED and ":" not in UNSEARCHED and " " not in UNSEARCHED


def test_search_caches_give_a_clean_build_index_after_changes(monkeypatch, tmp_path):
    """The work a warm build reads back (search-lists: the key lists, blocks.joined_lists;
    search-texts: the texts' tokens and codes, bits.encode_texts_bits; search-headings: the heading
    lists) gives every file of a clean build after a corrected figure and a removed report; the
    lists and texts are one file each, replaced as the content changes."""
    import os

    from .conftest import copy_content

    monkeypatch.setenv("ZHENGBAO_SEARCH_BUNDLE_MAX", "0")
    monkeypatch.setenv("ZHENGBAO_CACHE_DIR", str(tmp_path / "cache"))
    content = copy_content(tmp_path)

    def clean(reports) -> dict[str, str]:
        os.environ["ZHENGBAO_CACHE"] = "0"
        try:
            return {str(f.path): f.text for f in build_shards(reports)}
        finally:
            del os.environ["ZHENGBAO_CACHE"]

    reports = build_reports(content)
    cold = {str(f.path): f.text for f in build_shards(reports)}
    assert {str(f.path): f.text for f in build_shards(reports)} == cold == clean(reports)
    kinds = ["search-lists", "search-texts", "search-headings"]
    assert [len(list((tmp_path / "cache" / kind).iterdir())) for kind in kinds] == [1, 1, 1]
    path = content / "2024-guangzhou.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("30355.73亿元", "30355.74亿元", 1), encoding="utf-8")
    reports = build_reports(content)
    warm = {str(f.path): f.text for f in build_shards(reports)}
    assert warm != cold and warm == clean(reports)
    assert [len(list((tmp_path / "cache" / kind).iterdir())) for kind in kinds] == [1, 1, 1]
    fewer = reports[:1] + reports[2:]
    assert {str(f.path): f.text for f in build_shards(fewer)} == clean(fewer)


def test_texts_read_back_are_coded_as_a_clean_build_when_the_pairs_change(monkeypatch, tmp_path):
    """bits.encode_texts_bits reads a text's tokens and code back only while none of the tokens it
    may hold was chosen or coded otherwise: here the chosen pairs change (a few texts, so every pair
    of the sampled ones is chosen) and every output equals one made without the cache."""
    import os

    from zhengbao.search.bits import encode_texts_bits

    monkeypatch.setenv("ZHENGBAO_CACHE_DIR", str(tmp_path / "cache"))
    texts = ["发展经济，推进改革", "城市更新行动", "推进城市更新", "经济发展", "改革开放，发展经济", "标题"]
    encode_texts_bits(texts, 5)
    for changed in (texts, ["发展经济，推进开放", *texts[1:]], ["推进经济更新", *texts[1:4], "改革开放", "标题"]):
        warm = encode_texts_bits(changed, 5)
        os.environ["ZHENGBAO_CACHE"] = "0"
        try:
            assert warm == encode_texts_bits(changed, 5)
        finally:
            del os.environ["ZHENGBAO_CACHE"]


def test_texts_after_a_report_added_or_removed_are_coded_as_a_clean_build(monkeypatch, tmp_path):
    """content/'s paragraphs and headings without its newest report, then with it (its texts first, as
    reports are ordered newest first), then with a paragraph written twice more and a report removed:
    each build read back from the memo of the one before equals a clean build (encoding.sampled picks
    the texts whose pairs are counted by content, so the counts change by the texts added alone)."""
    import os

    from zhengbao.search.bits import encode_texts_bits
    from zhengbao.search.paragraphs import collect_paragraphs

    monkeypatch.setenv("ZHENGBAO_CACHE_DIR", str(tmp_path / "cache"))
    reports = build_reports(CONTENT)

    def texts_of(chosen) -> tuple[list[str], int]:
        _, headings, paragraphs = collect_paragraphs(chosen)
        return [p.text for p in paragraphs] + headings, len(paragraphs)

    texts, packed = texts_of(reports)
    builds = [texts_of(reports[1:]), (texts, packed), ([texts[5], texts[5], *texts], packed + 2),
              texts_of(reports[:2] + reports[3:])]
    for texts, packed in builds:
        warm = encode_texts_bits(texts, packed)
        os.environ["ZHENGBAO_CACHE"] = "0"
        try:
            assert warm == encode_texts_bits(texts, packed)
        finally:
            del os.environ["ZHENGBAO_CACHE"]


def test_texts_are_packed_a_batch_at_a_time_as_one_by_one():
    """bits.pack_texts gives each bit string's pack(), batches of several texts and one text longer
    than a batch included; encoding.add_pairs counts each two-character window once, by its key."""
    import random
    from collections import Counter

    from zhengbao.search.bits import BATCH_BITS, pack, pack_texts
    from zhengbao.search.encoding import add_pairs, pair_of

    chance = random.Random(17)
    texts = ["", "1", "0" * 13, "1" * 26]
    texts += ["".join(chance.choice("01") for _ in range(chance.randrange(1, 300))) for _ in range(500)]
    texts += ["1" * (BATCH_BITS + 5), "01" * 7]
    assert pack_texts(texts) == list(map(pack, texts)) and pack_texts(["", ""]) == ["", ""]
    counts = Counter()
    for text in ("发展经济，发展经济", "a", "", "推进𠀀发展"):
        add_pairs(counts, text)
    add_pairs(counts, "发展经济", -1)
    assert {pair_of(key): count for key, count in counts.items()} == {"发展": 2, "展经": 1, "经济": 1, "济，": 1, "，发": 1,
                                                                    "推进": 1, "进𠀀": 1, "𠀀发": 1}
