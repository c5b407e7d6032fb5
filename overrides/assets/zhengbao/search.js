/* Zhengbao paragraph search: bigram candidates, phrase verification, BM25 ranking.
 * The index is a script file (search-index.js, built by zhengbao/search.py) loaded with a
 * <script> element on first use, because fetch() of JSON is blocked on file://.
 * Report text is data: results are built with textContent, never innerHTML. */
(function () {
  "use strict";

  var MAX_RESULTS = 50;
  var SNIPPET_BEFORE = 24;
  var SNIPPET_LENGTH = 110;
  var TERM_SPLIT = /[\s，。、；：！？,;!?]+/;
  var DIGIT = /[0-9.]/;

  var state = { index: null, loading: null, folded: [], headings: [], postings: {}, fold: {} };

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
    state.index = index;
    for (var i = 0; i + 1 < index.fold.length; i += 2) state.fold[index.fold[i]] = index.fold[i + 1];
    state.folded = index.paragraphs.map(function (p) { return foldText(p[3]); });
    state.headings = index.headings.map(foldText);
    var total = 0;
    state.folded.forEach(function (t) { total += t.length; });
    state.averageLength = total / Math.max(1, state.folded.length);
  }

  /* Resolves when window.zbSearchIndex is there; loads the script once. */
  function load() {
    if (state.index) return Promise.resolve(state.index);
    if (state.loading) return state.loading;
    state.loading = new Promise(function (resolve, reject) {
      if (window.zbSearchIndex) { prepare(window.zbSearchIndex); resolve(state.index); return; }
      var script = document.createElement("script");
      script.src = siteBase() + "/assets/zhengbao/search-index.js";
      script.onload = function () { prepare(window.zbSearchIndex); resolve(state.index); };
      script.onerror = function () { state.loading = null; reject(new Error("search index not found")); };
      document.head.appendChild(script);
    });
    return state.loading;
  }

  function postings(gram) {
    if (gram in state.postings) return state.postings[gram];
    var encoded = state.index.bigrams[gram];
    var ids = [];
    if (encoded !== undefined) {
      var previous = 0;
      encoded.split(",").forEach(function (delta) { previous += parseInt(delta, 36); ids.push(previous); });
    }
    state.postings[gram] = ids;
    return ids;
  }

  /* Paragraph ids that contain every bigram of the term (all ids for a one-character term). */
  function candidates(term) {
    if (term.length < 2) return null;
    var lists = [];
    for (var i = 0; i + 1 < term.length; i++) lists.push(postings(term.slice(i, i + 2)));
    lists.sort(function (a, b) { return a.length - b.length; });
    var result = lists[0];
    for (var j = 1; j < lists.length && result.length; j++) {
      var other = new Set(lists[j]);
      result = result.filter(function (id) { return other.has(id); });
    }
    return result;
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

  /* Ranked paragraphs for a query: every term must occur (AND); BM25 with a heading bonus. */
  function search(query, filter) {
    if (!state.index) return [];
    filter = filter || {};
    var list = terms(query);
    if (!list.length) return [];
    var paragraphs = state.index.paragraphs;
    var reports = state.index.reports;
    var hits = null;
    var perTerm = list.map(function (term) {
      var ids = candidates(term);
      var matches = {};
      var count = 0;
      var scan = ids === null ? paragraphs.map(function (_, id) { return id; }) : ids;
      scan.forEach(function (id) {
        if (hits && !hits[id]) return;
        var at = occurrences(state.folded[id], term);
        if (at.length) { matches[id] = at; count++; }
      });
      hits = matches;
      return { term: term, matches: matches, count: count };
    });
    var total = paragraphs.length;
    var results = [];
    Object.keys(hits).forEach(function (key) {
      var id = +key;
      var p = paragraphs[id];
      var report = reports[p[0]];
      if (filter.report && report.slug !== filter.report) return;
      if (filter.year && String(report.year) !== String(filter.year)) return;
      var score = 0;
      var lengthRatio = state.folded[id].length / state.averageLength;
      var spans = [];
      perTerm.forEach(function (t) {
        var tf = t.matches[id].length;
        var idf = Math.log(1 + (total - t.count + 0.5) / (t.count + 0.5));
        score += idf * (tf * 2.2) / (tf + 1.2 * (0.25 + 0.75 * lengthRatio));
        if (p[2] >= 0 && state.headings[p[2]].indexOf(t.term) !== -1) score += idf * 0.5;
        t.matches[id].forEach(function (at) { spans.push([at, at + t.term.length]); });
      });
      results.push({ id: id, score: score, spans: spans });
    });
    results.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    return results;
  }

  function describe(result) {
    var p = state.index.paragraphs[result.id];
    var report = state.index.reports[p[0]];
    return {
      slug: report.slug, year: report.year, region: report.region, anchor: p[1],
      heading: p[2] >= 0 ? state.index.headings[p[2]] : "", text: p[3], spans: result.spans,
      href: siteBase() + "/reports/" + report.slug + "/index.html#" + p[1], score: result.score
    };
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

  function renderResults(ui, query) {
    var filter = { report: ui.report.value, year: ui.year.value };
    var results = query.trim() ? search(query, filter) : [];
    var items = document.createDocumentFragment();
    results.slice(0, MAX_RESULTS).forEach(function (result) {
      var hit = describe(result);
      var item = element("li", "md-search-result__item zb-search-result__item");
      var link = element("a", "md-search-result__link");
      link.href = hit.href;
      link.tabIndex = -1;
      link.setAttribute("data-zb-anchor", hit.slug + "#" + hit.anchor);
      var article = element("article", "md-search-result__article md-typeset");
      var meta = element("div", "zb-search-result__where");
      meta.appendChild(element("span", "zb-search-result__report", hit.year + " " + hit.region +
        (state.index.reports[state.index.paragraphs[result.id][0]].summary ? "（摘要）" : "")));
      if (hit.heading) meta.appendChild(element("span", "zb-search-result__heading", hit.heading));
      article.appendChild(meta);
      var body = element("p", "zb-search-result__snippet");
      body.appendChild(snippet(hit.text, hit.spans));
      article.appendChild(body);
      link.appendChild(article);
      item.appendChild(link);
      items.appendChild(item);
    });
    ui.list.replaceChildren(items);
    if (!query.trim()) ui.meta.textContent = "输入关键词搜索段落";
    else if (!results.length) ui.meta.textContent = "没有找到匹配的段落";
    else ui.meta.textContent = "找到 " + results.length + " 个段落" +
      (results.length > MAX_RESULTS ? "，显示前 " + MAX_RESULTS + " 个" : "");
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

  window.zbSearch = { load: load, search: function (query, filter) { return search(query, filter).map(describe); } };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount); else mount();
})();
