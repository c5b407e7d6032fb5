/* Zhengbao paragraph search, the search box: Material's search markup, our results.
 * The engine (search-engine.js, loaded by overrides/partials/zb-search.html) loads the index and
 * ranks; this file shows the results, a page at a time, with the page size and snippet window of
 * the manifest (zhengbao/search/ranking.py, docs/search-format.md).
 * Report text is data: results are built with textContent, never innerHTML (only the dialog's
 * constant markup, DIALOG, is).
 * Landing: a result remembers what it matched (sessionStorage, which file:// pages share in
 * Chromium); the page it opens marks the query in the paragraph or heading it lands on and keeps
 * the section's heading in view. */
(function () {
  "use strict";

  /* search-engine.js; loaded before this file (its script is in the search box's markup). */
  var engine;

  /* A window of the text around the first match, with every match in it marked. */
  function snippet(text, spans) {
    var sorted = spans.slice().sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var first = sorted.length ? sorted[0][0] : 0;
    var display = engine.display();
    var start = Math.max(0, first - display.snippetBefore);
    var end = Math.min(text.length, start + display.snippetLength);
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
    link.addEventListener("click", function () {
      remember({ href: link.href, text: hit.text, spans: hit.spans, heading: hit.heading });
    });
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

  /* The count names paragraphs only; headings and chart labels found (results marked `label` by
   * the engine) are counted apart. */
  function showCount(ui, query, results, shown) {
    var labels = results.filter(function (r) { return r.label; }).length;
    var paragraphs = results.length - labels;
    if (!query.trim()) ui.meta.textContent = "输入关键词搜索段落，繁体简体都能找到";
    else if (!results.length) ui.meta.textContent = "没有找到匹配的段落";
    else ui.meta.textContent = (paragraphs ? "找到 " + paragraphs + " 个段落" : "没有段落包含它") +
      (labels ? "，另有 " + labels + " 处标题或图表文字" : "") +
      (results.length > shown ? "，显示前 " + shown + " 个" : "");
  }

  /* The next page of results, with a button for the one after it. */
  function appendPage(ui, query, results, from, ticket) {
    return engine.describe(results.slice(from, from + engine.display().pageSize)).then(function (hits) {
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
    var found = query.trim() ? engine.search(query, filter) : Promise.resolve([]);
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
    engine.reports().forEach(function (r) {
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

  /* --- Landing ------------------------------------------------------------------------------- */

  var LANDING_KEY = "zb-search-landing";

  function remember(landing) {
    try { sessionStorage.setItem(LANDING_KEY, JSON.stringify(landing)); } catch (error) { /* storage off: no marks */ }
  }

  function recall() {
    try {
      var landing = JSON.parse(sessionStorage.getItem(LANDING_KEY) || "null");
      if (landing && landing.href === window.location.href) {
        sessionStorage.removeItem(LANDING_KEY);
        return landing;
      }
    } catch (error) { /* storage off or unreadable: no marks */ }
    return null;
  }

  /* The text nodes of the element that show its text: not the ¶ marks, the hidden 简体 copies,
   * the heading links or an earlier landing label. */
  function shownTextNodes(target) {
    var nodes = [];
    var walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT, { acceptNode: function (node) {
      return node.parentElement.closest(".zb-mark, .headerlink, .zb-landing-where, [hidden]")
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    } });
    for (var node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    return nodes;
  }

  function unmark() {
    document.querySelectorAll("mark.zb-hit").forEach(function (mark) {
      var parent = mark.parentNode;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
      parent.normalize();
    });
    document.querySelectorAll(".zb-landing-where").forEach(function (label) { label.remove(); });
  }

  /* Wrap [start, end) offsets of the element's shown text in <mark class="zb-hit">. */
  function markSpans(target, text, spans) {
    var nodes = shownTextNodes(target);
    var shown = nodes.map(function (node) { return node.nodeValue; }).join("");
    var base = shown.indexOf(text);
    if (base < 0) return;
    spans.slice().sort(function (a, b) { return b[0] - a[0]; }).forEach(function (span) {
      var at = 0;
      nodes.forEach(function (node) {
        var from = Math.max(span[0] + base, at), to = Math.min(span[1] + base, at + node.nodeValue.length);
        at += node.nodeValue.length;
        if (from >= to) return;
        var range = document.createRange();
        range.setStart(node, from - (at - node.nodeValue.length));
        range.setEnd(node, to - (at - node.nodeValue.length));
        var mark = element("mark", "zb-hit");
        range.surroundContents(mark);
      });
      nodes = shownTextNodes(target);
    });
  }

  /* The heading of the section a paragraph stands in: the nearest h2/h3 before it. */
  function headingOf(target) {
    if (/^H[1-6]$/.test(target.tagName)) return target;
    var headings = document.querySelectorAll("article h2[id], article h3[id]");
    var found = null;
    headings.forEach(function (heading) {
      if (heading.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING) found = heading;
    });
    return found;
  }

  function inView(element) {
    var box = element.getBoundingClientRect();
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    return box.top >= top && box.bottom <= window.innerHeight;
  }

  /* Arriving from a result: mark the query, and bring the heading into view with the paragraph —
   * or, when both do not fit, name it above the paragraph, linked. */
  function land() {
    var landing = recall();
    var target = landing && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (!target) return;
    unmark();
    markSpans(target, landing.text, landing.spans);
    var heading = headingOf(target);
    if (!heading || heading === target) return;
    var box = target.getBoundingClientRect(), top = heading.getBoundingClientRect().top;
    var header = document.querySelector(".md-header");
    var room = window.innerHeight - (header ? header.getBoundingClientRect().bottom : 0);
    if (box.bottom - top <= room - 16) {
      heading.scrollIntoView({ block: "start" });
      if (inView(heading) && inView(target)) return;
      target.scrollIntoView({ block: "start" });
    }
    if (inView(heading)) return;
    var label = element("a", "zb-landing-where zb-added", landing.heading || heading.textContent.replace(/¶$/, ""));
    label.href = "#" + heading.id;
    target.appendChild(label);
  }

  function setOpen(open) {
    var toggle = document.getElementById("__search");
    if (toggle) toggle.checked = open;
  }

  function isTyping(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  /* The dialog, written into its place in the header (overrides/partials/zb-search.html) when the
   * page loads: constant markup, no text from a report. Material's search markup and classes and
   * its magnify, arrow-left and close icons. */
  var ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="';
  var DIALOG = '<label class="md-search__overlay" for="__search"></label><div class="md-search__inner" role="search">' +
    '<form class="md-search__form" name="zb-search" onsubmit="return false"><input type="text" ' +
    'class="md-search__input zb-search__input" name="query" aria-label="搜索段落" placeholder="搜索段落" ' +
    'autocapitalize="off" autocorrect="off" autocomplete="off" spellcheck="false">' +
    '<label class="md-search__icon md-icon" for="__search">' + ICON + 'M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 ' +
    '3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 ' +
    '0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>' + ICON +
    'M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z"/></svg></label>' +
    '<nav class="md-search__options" aria-label="搜索"><button type="reset" class="md-search__icon md-icon" ' +
    'title="清除" aria-label="清除" tabindex="-1">' + ICON + 'M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 ' +
    '17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/></svg></button></nav></form>' +
    '<div class="md-search__output"><div class="md-search__scrollwrap" tabindex="0">' +
    '<div class="md-search-result zb-search-result"><div class="zb-search__filters">' +
    '<select class="zb-search__report" aria-label="限定报告"><option value="">全部报告</option></select>' +
    '<select class="zb-search__year" aria-label="限定年份"><option value="">全部年份</option></select></div>' +
    '<div class="md-search-result__meta zb-search__meta">输入关键词搜索段落，繁体简体都能找到</div>' +
    '<ol class="md-search-result__list zb-search__list" role="presentation"></ol></div></div></div></div>';

  function mount() {
    var root = document.querySelector(".zb-search");
    engine = window.zbSearchEngine;
    if (!root || !engine) return;
    if (!root.firstChild) root.innerHTML = DIALOG;
    var ui = {
      input: root.querySelector(".zb-search__input"),
      list: root.querySelector(".zb-search__list"),
      meta: root.querySelector(".zb-search__meta"),
      report: root.querySelector(".zb-search__report"),
      year: root.querySelector(".zb-search__year")
    };
    function update() {
      engine.load().then(function () { fillFilters(ui); renderResults(ui, ui.input.value); },
        function () { ui.meta.textContent = "搜索索引未能加载"; });
    }
    ui.input.addEventListener("focus", function () { setOpen(true); engine.load().then(function () { fillFilters(ui); }); });
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
    /* Focus moved on past the box (Tab): close it, or its overlay stays over the page. */
    root.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !root.contains(event.relatedTarget)) setOpen(false);
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

  function start() {
    mount();
    /* After the browser has scrolled to the target. */
    window.addEventListener("load", function () { setTimeout(land, 0); });
    window.addEventListener("hashchange", land);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
