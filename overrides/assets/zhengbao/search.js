/* Zhengbao paragraph search: positional bigram postings, BM25 ranking.
 * The index is split (zhengbao/search_shards.py): a manifest (search-index.js) loaded on first
 * use, then only the shards a query needs, each a script loaded with a <script> element, because
 * fetch() of JSON is blocked on file://.
 * Report text is data: results are built with textContent, never innerHTML. */
(function () {
  "use strict";

  /* Results are shown ten at a time: each page of results loads only its own text chunks, so a
   * query on a large archive reads a few files, not fifty (issue 9). */
  var PAGE_SIZE = 10;
  var SNIPPET_BEFORE = 24;
  var SNIPPET_LENGTH = 110;
  var TERM_SPLIT = /[\s，。、；：！？,;!?]+/;
  var DIGIT = /[0-9.]/;

  var state = { index: null, loading: null, fold: {}, files: {}, lists: {}, shards: {} };

  /* Every file of the split index calls this when it runs (zhengbao/search_shards.py). */
  window.zbSearchShard = function (name, data) { state.shards[name] = data; };

  function siteBase() {
    var config = document.getElementById("__config");
    try { return JSON.parse(config.textContent).base || "."; } catch (e) { return "."; }
  }

  /* One character in, one character out, exactly as zhengbao.search.fold does it. */
  function foldText(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var ch = state.fold[text[i]] || text[i];
      var code = ch.charCodeAt(0);
      if (code >= 0xFF01 && code <= 0xFF5E) ch = String.fromCharCode(code - 0xFEE0);
      var lower = ch.toLowerCase();
      out += lower.length === 1 ? lower : ch;
    }
    return out;
  }

  function prepare(index) {
    index.reports = index.reports.map(function (row) {
      return Array.isArray(row) ? { slug: row[0], year: row[1], region: row[2], summary: !!row[3] } : row;
    });
    state.index = index;
    for (var i = 0; i + 1 < index.fold.length; i += 2) state.fold[index.fold[i]] = index.fold[i + 1];
    state.averageLength = index.totalLength / Math.max(1, index.paragraphs);
  }

  function loadScript(src, onload, onerror) {
    var script = document.createElement("script");
    script.src = src;
    script.onload = onload;
    script.onerror = onerror;
    document.head.appendChild(script);
  }

  /* Resolves when the manifest (window.zbSearchIndex) is there; loads its script once. */
  function load() {
    if (state.ready) return Promise.resolve(state.index);
    if (state.loading) return state.loading;
    state.loading = new Promise(function (resolve, reject) {
      function done() { state.ready = true; resolve(state.index); }
      function ready() {
        prepare(window.zbSearchIndex);
        /* A small site ships every shard in one bundle: load it with the manifest. */
        if (!state.index.bundle) { done(); return; }
        loadScript(siteBase() + "/assets/zhengbao/search/" + state.index.bundle + ".js", done, done);
      }
      if (window.zbSearchIndex) { ready(); return; }
      loadScript(siteBase() + "/assets/zhengbao/search-index.js", ready,
        function () { state.loading = null; reject(new Error("search index not found")); });
    });
    return state.loading;
  }

  /* One shard script (k…: postings, t…: texts, l…: lengths), loaded once, from file:// too. */
  function shard(name) {
    if (!state.files[name] && state.shards[name]) state.files[name] = Promise.resolve(state.shards[name]);
    if (!state.files[name]) {
      state.files[name] = new Promise(function (resolve, reject) {
        loadScript(siteBase() + "/assets/zhengbao/search/" + name + ".js",
          function () { resolve(state.shards[name]); },
          function () { delete state.files[name]; reject(new Error("search shard " + name + " not found")); });
      });
    }
    return state.files[name];
  }

  /* The encoded list of a key: found in the key shard whose first key is the last one ≤ key. */
  function encodedList(key) {
    var keys = state.index.keys;
    var low = 0, high = keys.length - 1, found = -1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (keys[middle] <= key) { found = middle; low = middle + 1; } else high = middle - 1;
    }
    if (found < 0) return Promise.resolve("");
    return shard("k" + found).then(function (data) { return data[key] || ""; });
  }

  /* A key's entries: id → numbers after the id (offsets as absolute values for positional keys). */
  function list(key, positional, skip) {
    if (!state.lists[key]) {
      state.lists[key] = encodedList(key).then(function (encoded) {
        var entries = new Map();
        if (!encoded) return entries;
        var previous = 0;
        encoded.split(",").forEach(function (entry) {
          var parts = entry.split(".");
          previous += parseInt(parts[0], 36);
          var values = [];
          var offset = 0;
          for (var i = 1; i < parts.length; i++) {
            var value = parseInt(parts[i], 36);
            if (positional && i > skip) { offset += value; value = offset; }
            values.push(value);
          }
          entries.set(previous, values);
        });
        return entries;
      });
    }
    return state.lists[key];
  }

  function isDigit(ch) { return ch >= "0" && ch <= "9"; }

  /* Offsets where a term of two or more characters starts in one owner's text: every bigram in
   * a row, and no digit rule broken (offset lists of the term's bigrams, from index skip on). */
  function chainStarts(term, lists, id, skip, before, after) {
    var offsets = coverOffsets(term);
    var first = lists[0].get(id).slice(skip);
    var starts = [];
    first.forEach(function (at) {
      for (var i = 1; i < lists.length; i++) {
        if (lists[i].get(id).indexOf(at + offsets[i], skip) === -1) return;
      }
      if (before && before.has(id) && before.get(id).indexOf(at) !== -1) return;
      if (after && after.has(id) && after.get(id).indexOf(at + term.length - 1) !== -1) return;
      starts.push(at);
    });
    return starts;
  }

  /* Offsets of the bigrams that cover every character of the term (0, 2, 4… and the last one):
   * a phrase is where they all stand at those offsets, so overlapping bigrams need not be read.
   * "国际消费中心城市" reads 国际 消费 中心 城市, not seven lists. */
  function coverOffsets(term) {
    var offsets = [];
    for (var i = 0; i + 1 < term.length; i += 2) offsets.push(i);
    if (offsets[offsets.length - 1] !== term.length - 2) offsets.push(term.length - 2);
    return offsets;
  }

  /* Keys of the covering bigrams; marker "\x02" for the heading lists (zhengbao/search_shards.py). */
  function grams(marker, term) {
    return coverOffsets(term).map(function (at) { return term.slice(at, at + 2) + marker; });
  }

  /* id → number of occurrences of the term in the paragraph, with the number rule. */
  function termCounts(term) {
    if (term.length < 2) {
      return list(term + "\x01", false, 0).then(function (entries) {
        var counts = new Map();
        entries.forEach(function (values, id) { counts.set(id, values[0]); });
        return counts;
      });
    }
    var wanted = grams("", term).map(function (key) { return list(key, true, 0); });
    wanted.push(isDigit(term[0]) ? list(term[0] + "\x04", true, 0) : Promise.resolve(null));
    wanted.push(isDigit(term[term.length - 1]) ? list(term[term.length - 1] + "\x05", true, 0) : Promise.resolve(null));
    return Promise.all(wanted).then(function (lists) {
      var after = lists.pop(), before = lists.pop();
      var smallest = lists.reduce(function (a, b) { return b.size < a.size ? b : a; });
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
    if (term.length < 2) {
      done = list(term + "\x03", false, 0).then(function (entries) {
        var runs = [];
        entries.forEach(function (values, start) { runs.push([start, values[0]]); });
        return runs;
      });
    } else {
      done = Promise.all(grams("\x02", term).map(function (key) { return list(key, true, 1); })).then(function (lists) {
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
    var low = 0, high = runs.length - 1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (runs[middle][0] <= id) {
        if (id < runs[middle][0] + runs[middle][1]) return true;
        low = middle + 1;
      } else high = middle - 1;
    }
    return false;
  }

  function reportOf(id) {
    var starts = state.index.reportStarts;
    var low = 0, high = starts.length - 1, found = 0;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (starts[middle] <= id) { found = middle; low = middle + 1; } else high = middle - 1;
    }
    return found;
  }

  /* Folded lengths of the given paragraphs, from the fixed-width length chunks. */
  function lengths(ids) {
    var inline = state.index.lengthChars;
    if (inline) {
      var direct = new Map();
      ids.forEach(function (id) { direct.set(id, inline.charCodeAt(id) - 256); });
      return Promise.resolve(direct);
    }
    var size = state.index.lengthChunk, width = state.index.lengthWidth;
    var chunks = {};
    ids.forEach(function (id) { chunks[Math.floor(id / size)] = true; });
    var names = Object.keys(chunks);
    return Promise.all(names.map(function (n) { return shard("l" + n); })).then(function (texts) {
      var byChunk = {};
      names.forEach(function (n, i) { byChunk[n] = texts[i]; });
      var out = new Map();
      ids.forEach(function (id) {
        var text = byChunk[Math.floor(id / size)];
        var at = (id % size) * width;
        out.set(id, parseInt(text.slice(at, at + width), 36));
      });
      return out;
    });
  }

  /* Start offsets of the term in text; a number does not match inside a longer number. */
  function occurrences(text, term) {
    var found = [];
    var leadingDigit = /[0-9]/.test(term[0]);
    var trailingDigit = /[0-9]/.test(term[term.length - 1]);
    for (var at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
      if (leadingDigit && at > 0 && DIGIT.test(text[at - 1])) continue;
      var after = text[at + term.length];
      if (trailingDigit && after !== undefined && /[0-9]/.test(after)) continue;
      found.push(at);
    }
    return found;
  }

  function terms(query) {
    var seen = {};
    return foldText(query).split(TERM_SPLIT).filter(function (t) {
      if (!t || seen[t]) return false;
      seen[t] = true;
      return true;
    });
  }

  /* Ranked paragraphs for a query: every term must occur (AND); BM25 with a heading bonus.
   * Reads only the shards of the query's keys and the lengths of the paragraphs found. */
  function search(query, filter) {
    if (!state.index) return Promise.resolve([]);
    filter = filter || {};
    var list = terms(query);
    if (!list.length) return Promise.resolve([]);
    return Promise.all([Promise.all(list.map(termCounts)), Promise.all(list.map(headingRuns))]).then(function (found) {
      var hits = null;
      var perTerm = list.map(function (term, n) {
        var matches = new Map();
        found[0][n].forEach(function (tf, id) { if (!hits || hits.has(id)) matches.set(id, tf); });
        hits = matches;
        return { term: term, matches: matches, count: matches.size, runs: found[1][n] };
      });
      var reports = state.index.reports;
      var ids = [];
      hits.forEach(function (_, id) {
        var report = reports[reportOf(id)];
        if (filter.report && report.slug !== filter.report) return;
        if (filter.year && String(report.year) !== String(filter.year)) return;
        ids.push(id);
      });
      return lengths(ids).then(function (length) {
        var total = state.index.paragraphs;
        var results = ids.map(function (id) {
          var score = 0;
          var lengthRatio = length.get(id) / state.averageLength;
          perTerm.forEach(function (t) {
            var tf = t.matches.get(id);
            var idf = Math.log(1 + (total - t.count + 0.5) / (t.count + 0.5));
            score += idf * (tf * 2.2) / (tf + 1.2 * (0.25 + 0.75 * lengthRatio));
            if (inRuns(t.runs, id)) score += idf * 0.5;
          });
          return { id: id, score: score, terms: list };
        });
        results.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
        return results;
      });
    });
  }

  /* Text, heading and place of each result, from the text chunks of just these results. */
  function describe(results) {
    var size = state.index.textChunk;
    var names = {};
    results.forEach(function (r) { names["t" + Math.floor(r.id / size)] = true; });
    var list = Object.keys(names);
    return Promise.all(list.map(shard)).then(function () {
      return results.map(function (result) {
        var chunk = state.shards["t" + Math.floor(result.id / size)];
        var p = chunk.p[result.id % size];
        var report = state.index.reports[reportOf(result.id)];
        var folded = foldText(p[2]);
        var spans = [];
        result.terms.forEach(function (term) {
          occurrences(folded, term).forEach(function (at) { spans.push([at, at + term.length]); });
        });
        return {
          slug: report.slug, year: report.year, region: report.region, summary: report.summary, anchor: p[0],
          heading: p[1] >= 0 ? chunk.h[p[1]] : "", text: p[2], spans: spans,
          href: siteBase() + "/reports/" + report.slug + "/index.html#" + p[0], score: result.score
        };
      });
    });
  }

  /* A window of the text around the first match, with every match in it marked. */
  function snippet(text, spans) {
    var sorted = spans.slice().sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var first = sorted.length ? sorted[0][0] : 0;
    var start = Math.max(0, first - SNIPPET_BEFORE);
    var end = Math.min(text.length, start + SNIPPET_LENGTH);
    var fragment = document.createDocumentFragment();
    if (start > 0) fragment.appendChild(document.createTextNode("…"));
    var at = start;
    sorted.forEach(function (span) {
      var from = Math.max(span[0], at);
      var to = Math.min(span[1], end);
      if (from >= to) return;
      fragment.appendChild(document.createTextNode(text.slice(at, from)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(from, to);
      fragment.appendChild(mark);
      at = to;
    });
    fragment.appendChild(document.createTextNode(text.slice(at, end)));
    if (end < text.length) fragment.appendChild(document.createTextNode("…"));
    return fragment;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var latest = 0;

  function resultItem(hit) {
    var item = element("li", "md-search-result__item zb-search-result__item");
    var link = element("a", "md-search-result__link");
    link.href = hit.href;
    link.tabIndex = -1;
    link.setAttribute("data-zb-anchor", hit.slug + "#" + hit.anchor);
    var article = element("article", "md-search-result__article md-typeset");
    var meta = element("div", "zb-search-result__where");
    meta.appendChild(element("span", "zb-search-result__report", hit.year + " " + hit.region +
      (hit.summary ? "（摘要）" : "")));
    if (hit.heading) meta.appendChild(element("span", "zb-search-result__heading", hit.heading));
    article.appendChild(meta);
    var body = element("p", "zb-search-result__snippet");
    body.appendChild(snippet(hit.text, hit.spans));
    article.appendChild(body);
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function showCount(ui, query, results, shown) {
    if (!query.trim()) ui.meta.textContent = "输入关键词搜索段落";
    else if (!results.length) ui.meta.textContent = "没有找到匹配的段落";
    else ui.meta.textContent = "找到 " + results.length + " 个段落" +
      (results.length > shown ? "，显示前 " + shown + " 个" : "");
  }

  /* The next page of results, with a button for the one after it. */
  function appendPage(ui, query, results, from, ticket) {
    return describe(results.slice(from, from + PAGE_SIZE)).then(function (hits) {
      if (ticket !== latest) return;
      var items = document.createDocumentFragment();
      hits.forEach(function (hit) { items.appendChild(resultItem(hit)); });
      var old = ui.list.querySelector(".zb-search__more-item");
      if (old) old.remove();
      if (from === 0) ui.list.replaceChildren(items); else ui.list.appendChild(items);
      var shown = from + hits.length;
      if (shown < results.length) {
        var item = element("li", "zb-search__more-item");
        var more = element("button", "md-button zb-search__more", "显示更多（还有 " + (results.length - shown) + " 个）");
        more.type = "button";
        more.addEventListener("click", function (event) {
          event.stopPropagation();
          more.disabled = true;
          appendPage(ui, query, results, shown, ticket);
        });
        item.appendChild(more);
        ui.list.appendChild(item);
      }
      showCount(ui, query, results, shown);
    });
  }

  /* Results of the newest query only: an older query's shards may arrive after a newer one's. */
  function renderResults(ui, query) {
    var ticket = ++latest;
    var filter = { report: ui.report.value, year: ui.year.value };
    var found = query.trim() ? search(query, filter) : Promise.resolve([]);
    return found.then(function (results) {
      if (ticket !== latest) return;
      return appendPage(ui, query, results, 0, ticket);
    }).catch(function () {
      if (ticket === latest) ui.meta.textContent = "搜索索引未能加载";
    });
  }

  function fillFilters(ui) {
    if (ui.report.options.length > 1) return;
    var years = {};
    state.index.reports.forEach(function (r) {
      var option = element("option", "", r.year + " " + r.region + (r.summary ? "（摘要）" : ""));
      option.value = r.slug;
      ui.report.appendChild(option);
      years[r.year] = true;
    });
    Object.keys(years).sort().reverse().forEach(function (year) {
      var option = element("option", "", year + "年");
      option.value = year;
      ui.year.appendChild(option);
    });
  }

  function setOpen(open) {
    var toggle = document.getElementById("__search");
    if (toggle) toggle.checked = open;
  }

  function isTyping(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function mount() {
    var root = document.querySelector(".zb-search");
    if (!root) return;
    var ui = {
      input: root.querySelector(".zb-search__input"),
      list: root.querySelector(".zb-search__list"),
      meta: root.querySelector(".zb-search__meta"),
      report: root.querySelector(".zb-search__report"),
      year: root.querySelector(".zb-search__year")
    };
    function update() {
      load().then(function () { fillFilters(ui); renderResults(ui, ui.input.value); },
        function () { ui.meta.textContent = "搜索索引未能加载"; });
    }
    ui.input.addEventListener("focus", function () { setOpen(true); load().then(function () { fillFilters(ui); }); });
    ui.input.addEventListener("input", update);
    ui.report.addEventListener("change", update);
    ui.year.addEventListener("change", update);
    root.querySelector("form").addEventListener("reset", function () {
      setTimeout(function () { renderResults(ui, ""); ui.input.focus(); }, 0);
    });
    var toggle = document.getElementById("__search");
    if (toggle) toggle.addEventListener("change", function () {
      if (toggle.checked) ui.input.focus();
    });
    ui.list.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a")) setOpen(false);
    });
    document.addEventListener("keydown", function (event) {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      var open = toggle && toggle.checked;
      if (!open && !isTyping(event.target) && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        setOpen(true);
        ui.input.focus();
        ui.input.select();
        return;
      }
      if (!open) return;
      var links = Array.prototype.slice.call(ui.list.querySelectorAll("a"));
      var current = links.indexOf(document.activeElement);
      if (event.key === "Escape") {
        setOpen(false);
        ui.input.blur();
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!links.length) return;
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        var next = current === -1 ? (step > 0 ? 0 : links.length - 1) : current + step;
        if (next < 0 || next >= links.length) ui.input.focus(); else links[next].focus();
      } else if (event.key === "Enter" && document.activeElement === ui.input && links.length) {
        event.preventDefault();
        setOpen(false);
        links[0].click();
      }
    });
  }

  /* For tests and the bench: every result, described (a Promise; page.evaluate awaits it). */
  window.zbSearch = { load: load, search: function (query, filter) {
    return load().then(function () { return search(query, filter); }).then(describe);
  } };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount); else mount();
})();
