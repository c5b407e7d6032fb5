/* Zhengbao paragraph search, the engine: loads the index and answers queries.
 * The index format and how a query runs: docs/search-format.md. Everything the engine needs to
 * know — where the shards are, the key markers, the fold table, the query syntax, the ranking
 * constants, each report's page — comes from the manifest the build writes
 * (zhengbao/search/shards.py, constants in zhengbao/search/ranking.py); the engine has no number
 * or path of its own but the manifest's. Every index file is a script loaded with a <script>
 * element, because fetch() of JSON is blocked on file://. The codes it reads are search-codes.js's.
 * search.js (the search box) uses window.zbSearchEngine; tests and the bench use window.zbSearch. */
(function () {
  "use strict";

  /* The manifest, from the site root (shards.MANIFEST_PATH): the one path known before it is read. */
  var MANIFEST = "assets/zhengbao/search-index.js";
  /* Keys are bigrams: two characters (docs/search-format.md, "Keys"). */
  var BIGRAM = 2;
  var state = { index: null, loading: null, fold: {}, files: {}, lists: {}, shards: {}, keyMaps: {} };
  /* Parts of the manifest, set by prepare(): files, markers, ranking constants; the number codes
   * (digit of each character code, how many digits end a number), the text dictionary (rank →
   * character), the marker of each key kind (0…5) and the kinds whose keys are bigrams. */
  var files, markers, ranking, termSplit, numberPoint;
  var dictionary, tokenSizes, textCode, kindMarkers, bigramKinds;
  /* The codes of the index (search-codes.js, loaded before this file). */
  var codes = window.zbSearchCodes, Reader = codes.Reader, Bits = codes.Bits, parameter = codes.parameter;

  /* Text written as the ranks of its tokens (encoding.encode_texts) back to its characters. */
  function decodeText(encoded) { return new Reader(encoded).all().map(function (rank) { return dictionary[rank]; }).join(""); }
  /* A paragraph's text in the text code (bits.encode_texts_bits): tokens up to its folded length. */
  function decodeBits(encoded, length) {
    for (var bits = new Bits(encoded, 0), out = "", size = 0, rank; size < length; size += tokenSizes[rank])
      out += dictionary[rank = textCode.index(bits)];
    return out;
  }

  /* Every file of the split index calls this when it runs (encoding.shard_script). */
  window.zbSearchShard = function (name, data) { state.shards[name] = data; };
  function siteBase() {
    var config = document.getElementById("__config");
    try { return JSON.parse(config.textContent).base || "."; } catch (e) { return "."; }
  }

  /* One character in, one character out, exactly as zhengbao.search.fold.fold does it. */
  function foldText(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var ch = state.fold[text[i]] || text[i];
      var lower = ch.toLowerCase();
      out += lower.length === 1 ? lower : ch;
    }
    return out;
  }

  function prepare(index) {
    var year; /* Rows [slug, flags, year, page] (shards.report_rows): the year and page only when needed. */
    index.reports = index.reports.map(function (row) {
      year = row.length > 2 ? row[2] : year;
      var slug = row[1] % 2 ? row[0] : year + "-" + row[0];
      return { slug: slug, year: year, region: index.regions[row[1] >> 2], summary: !!(row[1] & 2),
        page: row[3] || index.pages[0] + slug + index.pages[1] };
    });
    state.index = index;
    codes.setup(index.numbers);
    dictionary = codes.tokens(index.dictionary, index.dictionaryPairs, tokenSizes = []);
    state.lengths = new Int32Array(index.paragraphs);
    new codes.Huffman(index.lengthCode).fill(index.lengths, state.lengths);
    textCode = new codes.Huffman(index.textCode);
    kindMarkers = [""].concat(Object.keys(index.markers).map(function (name) { return index.markers[name]; }).sort());
    /* The first key of each key shard: code(kind · 2 + characters − 1), its first character's unit
     * (after the one before's), [its second's] (shards.boundary_keys). */
    for (var bounds = new Reader(index.keys), first = 0, head, key, keys = state.keys = []; bounds.at < index.keys.length;) {
      head = bounds.next(); key = unitChar(first += bounds.next());
      keys.push((head % 2 ? key + unitChar(bounds.next()) : key) + kindMarkers[Math.floor(head / 2)]);
    }
    bigramKinds = ["", index.markers.headingBigram];
    for (var i = 0; i + 1 < index.fold.length; i += 2) state.fold[index.fold[i]] = index.fold[i + 1];
    state.averageLength = index.totalLength / Math.max(1, index.paragraphs);
    files = index.files; markers = index.markers; ranking = index.ranking;
    termSplit = new RegExp(index.query.split); numberPoint = index.query.numberPoint;
  }

  function loadScript(src, onload, onerror) {
    document.head.appendChild(Object.assign(document.createElement("script"), { src: src, onload: onload, onerror: onerror }));
  }

  function shardUrl(name) { return siteBase() + "/" + files.dir + "/" + name + ".js"; }

  /* Resolves when the manifest (window.zbSearchIndex) is there; loads its script once. */
  function load() {
    if (state.ready) return Promise.resolve(state.index);
    if (state.loading) return state.loading;
    state.loading = new Promise(function (resolve, reject) {
      function done() { state.ready = true; resolve(state.index); }
      function ready() {
        prepare(window.zbSearchIndex);
        /* A small site ships every shard in one bundle: load it with the manifest. */
        if (state.index.bundle) loadScript(shardUrl(state.index.bundle), done, done); else done();
      }
      if (window.zbSearchIndex) { ready(); return; }
      loadScript(siteBase() + "/" + MANIFEST, ready,
        function () { state.loading = null; reject(new Error("search index not found")); });
    });
    return state.loading;
  }

  /* One shard script (key shard or text chunk), loaded once, from file:// too. */
  function shard(name) {
    if (!state.files[name] && state.shards[name]) state.files[name] = Promise.resolve(state.shards[name]);
    state.files[name] = state.files[name] || new Promise(function (resolve, reject) {
      loadScript(shardUrl(name), function () { resolve(state.shards[name]); },
        function () { delete state.files[name]; reject(new Error("search shard " + name + " not found")); });
    });
    return state.files[name];
  }

  /* Index of the last sorted value ≤ value (-1 if none): values[i] is read with at(i). */
  function lastAtOrBelow(length, at, value) {
    for (var low = 0, high = length - 1, found = -1, middle; low <= high;) {
      if (at(middle = (low + high) >> 1) <= value) { found = middle; low = middle + 1; } else high = middle - 1;
    }
    return found;
  }

  /* The character at a place in UTF-16 order (encoding.unit). */
  function unitChar(n) {
    return String.fromCodePoint(n < 0xD800 ? n : n < 0xD800 + 0x100000 ? n - 0xD800 + 0x10000 : n - 0x100000);
  }

  /* A key shard's keys → [lists string, start, end] (docs/search-format.md, "Keys"): for each kind
   * its keys' text (bigrams grouped by first character) and its lists, each after its length. */
  function keyMap(data) {
    var map = new Map();
    kindMarkers.forEach(function (marker, kind) {
      var keys = new Reader(data[2 * kind]), lists = new Reader(data[2 * kind + 1]), texts = [], first = -1;
      while (keys.at < keys.text.length) {
        first += keys.next() + 1; /* characters as encoding.unit steps (shards.key_shard) */
        if (bigramKinds.indexOf(marker) === -1) { texts.push(unitChar(first)); continue; }
        for (var n = keys.next(), second = -1; n > 0; n--) texts.push(unitChar(first) + unitChar(second += keys.next() + 1));
      }
      texts.forEach(function (text) {
        var length = 2 * lists.next(); map.set(text + marker, [lists.text, lists.at, lists.at += length]);
      });
    });
    return map;
  }

  /* The encoded list of a key: found in the key shard whose first key is the last one ≤ key. */
  function encodedList(key) {
    var keys = state.keys, found = lastAtOrBelow(keys.length, function (i) { return keys[i]; }, key);
    if (found < 0) return Promise.resolve(null);
    var name = files.keys + found;
    return shard(name).then(function (data) {
      if (!state.keyMaps[name]) state.keyMaps[name] = keyMap(data);
      return state.keyMaps[name].get(key) || null;
    });
  }

  /* A key's entries: owner id → values (bits.py, docs/search-format.md "Key lists"). `runs`: the
   * owners are heading runs of a bigram list, and their length comes first; `counts`: one count per
   * owner (a heading character list: the run length), no offsets; otherwise absolute offsets (in a
   * paragraph list the first one below the paragraph's length, truncated binary). */
  function list(key, runs, counts) {
    if (!state.lists[key]) {
      state.lists[key] = encodedList(key).then(function (found) {
        var entries = new Map();
        if (!found) return entries;
        var bits = new Bits(found[0], found[1]), n = bits.gamma() + 1, k = parameter(state.index.paragraphs, n);
        var owners = new Int32Array(n), i, previous = -1;
        for (i = 0; i < n; i++) owners[i] = previous += bits.golomb(k) + 1;
        for (i = 0; i < n; i++) {
          var values = runs ? [bits.gamma() + 1] : [], count = bits.gamma() + 1;
          if (counts) { entries.set(owners[i], [count]); continue; }
          var length = runs ? 0 : state.lengths[owners[i]], at = runs ? bits.gamma() : bits.truncated(length);
          var step = runs ? 0 : parameter(length, count);
          for (values.push(at); --count > 0;) values.push(at += bits.golomb(step) + 1);
          entries.set(owners[i], values);
        }
        return entries;
      });
    }
    return state.lists[key];
  }

  function isDigit(ch) { return ch >= "0" && ch <= "9"; }
  function continuesNumber(ch) { return isDigit(ch) || ch === numberPoint; }
  function last(items) { return items[items.length - 1]; }

  /* Offsets where a term of two or more characters starts in one owner's text: every covering
   * bigram in place, and no number rule broken (offset lists of the term's bigrams, from index
   * skip on). */
  function chainStarts(term, lists, id, skip, before, after) {
    var offsets = coverOffsets(term), end = term.length - 1, starts = [];
    lists[0].get(id).slice(skip).forEach(function (at) {
      for (var i = 1; i < lists.length; i++) if (lists[i].get(id).indexOf(at + offsets[i], skip) === -1) return;
      if (before && before.has(id) && before.get(id).indexOf(at) !== -1) return;
      if (after && after.has(id) && after.get(id).indexOf(at + end) !== -1) return;
      starts.push(at);
    });
    return starts;
  }

  /* Offsets of the bigrams that cover every character of the term (0, 2, 4… and the last one):
   * a phrase is where they all stand at those offsets, so overlapping bigrams need not be read.
   * "国际消费中心城市" reads 国际 消费 中心 城市, not seven lists. */
  function coverOffsets(term) {
    var offsets = [], lastStart = term.length - BIGRAM;
    for (var i = 0; i <= lastStart; i += BIGRAM) offsets.push(i);
    if (last(offsets) !== lastStart) offsets.push(lastStart);
    return offsets;
  }

  /* Keys of the covering bigrams, with the marker of the list kind ("" for paragraph bigrams). */
  function grams(marker, term) {
    return coverOffsets(term).map(function (at) { return term.slice(at, at + BIGRAM) + marker; });
  }

  /* id → number of occurrences of the term in the paragraph, with the number rule. */
  function termCounts(term) {
    if (term.length < BIGRAM) {
      return list(term + markers.paragraphChar, false, true).then(function (entries) {
        return new Map(Array.from(entries, function (entry) { return [entry[0], entry[1][0]]; }));
      });
    }
    var wanted = grams("", term).map(function (key) { return list(key, false, false); });
    wanted.push(isDigit(term[0]) ? list(term[0] + markers.digitAfterDigit, false, false) : Promise.resolve(null));
    wanted.push(isDigit(last(term)) ? list(last(term) + markers.digitBeforeDigit, false, false) : Promise.resolve(null));
    return Promise.all(wanted).then(function (lists) {
      var after = lists.pop(), before = lists.pop(), smallest = lists.reduce(function (a, b) { return b.size < a.size ? b : a; });
      var counts = new Map();
      smallest.forEach(function (_, id) {
        for (var i = 0; i < lists.length; i++) if (!lists[i].has(id)) return;
        var starts = chainStarts(term, lists, id, 0, before, after);
        if (starts.length) counts.set(id, starts.length);
      });
      return counts;
    });
  }

  /* Sorted [first paragraph, count] of the heading runs whose heading contains the term. */
  function headingRuns(term) {
    var done;
    if (term.length < BIGRAM) {
      done = list(term + markers.headingChar, false, true).then(function (entries) {
        return Array.from(entries, function (entry) { return [entry[0], entry[1][0]]; });
      });
    } else {
      /* A heading run's values are its length, then the offsets: one number before the offsets. */
      var lists = grams(markers.headingBigram, term).map(function (key) { return list(key, true, false); });
      done = Promise.all(lists).then(function (lists) {
        var runs = [];
        lists[0].forEach(function (values, start) {
          for (var i = 1; i < lists.length; i++) if (!lists[i].has(start)) return;
          if (chainStarts(term, lists, start, 1, null, null).length) runs.push([start, values[0]]);
        });
        return runs;
      });
    }
    return done.then(function (runs) { return runs.sort(function (a, b) { return a[0] - b[0]; }); });
  }

  function inRuns(runs, id) {
    var found = lastAtOrBelow(runs.length, function (i) { return runs[i][0]; }, id);
    return found >= 0 && id < runs[found][0] + runs[found][1];
  }

  /* The report row of an item: the last reportStarts entry ≤ id (one entry per report row; a
   * report without items shares the next report's start, and the later entry wins). */
  function reportOf(id) {
    var at = state.index.reportStarts; return Math.max(0, lastAtOrBelow(at.length, function (i) { return at[i]; }, id));
  }

  /* A heading or chart label: at or after its report's first label (zhengbao/search/paragraphs.py). */
  function isLabel(id) { return id >= state.index.labelStarts[reportOf(id)]; }

  /* Start offsets of the term in text; a number does not match inside a longer number. */
  function occurrences(text, term) {
    var found = [], leadingDigit = isDigit(term[0]), trailingDigit = isDigit(last(term));
    for (var at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
      if (leadingDigit && at > 0 && continuesNumber(text[at - 1])) continue;
      if (trailingDigit && isDigit(text[at + term.length])) continue;
      found.push(at);
    }
    return found;
  }

  function terms(query) {
    return foldText(query).split(termSplit).filter(function (t, at, all) { return t && all.indexOf(t) === at; });
  }

  /* idf and BM25 score of a term found tf times; as zhengbao.search.ranking.bm25, same arithmetic. */
  function bm25(tf, count, total, lengthRatio) {
    var r = ranking, idf = Math.log(r.idfOffset + (total - count + r.idfSmoothing) / (count + r.idfSmoothing));
    return { idf: idf, score: idf * (tf * r.tfScale) / (tf + r.k1 * (r.lengthBase + r.b * lengthRatio)) };
  }

  /* Ranked paragraphs for a query: every term must occur (AND); BM25 with a heading bonus, labels
   * weighted down. Reads only the shards of the query's keys (the lengths are in the manifest). */
  function search(query, filter) {
    var list = state.index ? terms(query) : [];
    if (!list.length) return Promise.resolve([]);
    filter = filter || {};
    return Promise.all([Promise.all(list.map(termCounts)), Promise.all(list.map(headingRuns))]).then(function (found) {
      var hits = null, perTerm = list.map(function (term, n) {
        var matches = new Map();
        found[0][n].forEach(function (tf, id) { if (!hits || hits.has(id)) matches.set(id, tf); });
        hits = matches;
        return { term: term, matches: matches, count: matches.size, runs: found[1][n] };
      });
      var reports = state.index.reports, ids = [];
      hits.forEach(function (_, id) {
        var report = reports[reportOf(id)];
        if (filter.report && report.slug !== filter.report) return;
        if (filter.year && String(report.year) !== String(filter.year)) return;
        ids.push(id);
      });
      return rank(ids, perTerm, list);
    });
  }

  /* The found paragraphs scored and sorted: highest first, equal scores in id order. */
  function rank(ids, perTerm, list) {
    var total = state.index.paragraphs;
    return ids.map(function (id) {
      var score = 0, lengthRatio = state.lengths[id] / state.averageLength, label = isLabel(id);
      perTerm.forEach(function (t) {
        var term = bm25(t.matches.get(id), t.count, total, lengthRatio);
        score += term.score;
        if (inRuns(t.runs, id)) score += term.idf * ranking.headingBoost;
      });
      return { id: id, score: label ? score * ranking.labelWeight : score, terms: list, label: label };
    }).sort(function (a, b) { return b.score - a.score || a.id - b.id; });
  }

  /* Text, heading, place and link of each result, from the text chunks of just these results. */
  function describe(results) {
    var size = state.index.textChunk, names = {};
    function chunkName(id) { return files.text + Math.floor(id / size); }
    results.forEach(function (r) { names[chunkName(r.id)] = true; });
    return Promise.all(Object.keys(names).map(shard)).then(function () {
      return results.map(function (result) {
        var chunk = state.shards[chunkName(result.id)], at = result.id % size, heading = new Reader(chunk.n).all()[at] - 1;
        var report = state.index.reports[reportOf(result.id)], text = decodeBits(chunk.t[at], state.lengths[result.id]), folded = foldText(text), spans = [];
        /* Anchors (shards.anchor_run): an empty one is the one before with its trailing number + 1. */
        var anchor = chunk.a.split(" ").slice(0, at + 1).reduce(function (before, a) {
          return a || before.replace(/[0-9]+$/, function (n) { return +n + 1; });
        });
        result.terms.forEach(function (t) { occurrences(folded, t).forEach(function (at) { spans.push([at, at + t.length]); }); });
        return {
          slug: report.slug, year: report.year, region: report.region, summary: report.summary, anchor: anchor,
          heading: heading >= 0 ? decodeText(chunk.h[heading]) : "", text: text, spans: spans,
          href: siteBase() + "/" + report.page + "#" + anchor, score: result.score,
          /* A heading or chart label, not a paragraph (a result count says 段落 of the others). */
          label: result.label
        };
      });
    });
  }

  /* display(): page size and snippet window (zhengbao.search.ranking, "Display"). */
  window.zbSearchEngine = { load: load, search: search, describe: describe,
    reports: function () { return state.index.reports; }, display: function () { return state.index.display; } };
  /* For tests and the bench: every result, described (a Promise; page.evaluate awaits it). */
  window.zbSearch = { load: load, search: function (q, filter) { return load().then(function () { return search(q, filter); }).then(describe); } };
})();
