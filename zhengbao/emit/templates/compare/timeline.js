/* The term timeline page (compare/timeline.html): any term's share of each year's reports, drawn
 * from the site's own search index (window.zbSearchEngine, search-engine.js; docs/search-format.md),
 * so no text is shipped twice. window.zbTimeline (compare/timeline-data.js, written by the build,
 * zhengbao.compare.timeline.browser_data) gives each year's characters, the paragraphs not counted
 * and the chart's geometry (zhengbao.compare.charts.chart_geometry); this script has no number of
 * its own. Share = occurrences per `per` characters, as zhengbao.compare.timeline.term_timeline. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  /* Runs after every script of the page, search-engine.js included. */
  var SVG = "http://www.w3.org/2000/svg";
  var data = window.zbTimeline;
  var form = document.getElementById("zb-timeline-form");
  var input = document.getElementById("zb-timeline-term");
  var out = document.getElementById("zb-timeline-live");
  if (!data || !form || !window.zbSearchEngine) return;
  var skip = {};
  Object.keys(data.skip).forEach(function (slug) {
    data.skip[slug].forEach(function (anchor) { skip[slug + "#" + anchor] = true; });
  });

  function element(tag, attributes, text, namespace) {
    var node = namespace ? document.createElementNS(namespace, tag) : document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function round(value) { return Math.round(value * 10) / 10; }

  function niceStep(span) {
    var g = data.chart;
    for (var i = 0; i < g.steps.length; i++) if (span / g.steps[i] <= g.stepsPerAxis) return g.steps[i];
    return span / g.stepsPerAxis;
  }

  /* The chart as compare.charts.timeline_chart draws it: a line through every year, a dot per year
   * that uses the term, linking to that year's paragraphs below. */
  function chart(term, points) {
    var g = data.chart;
    var first = points[0].year, span = Math.max(points[points.length - 1].year - first, 1);
    var top = Math.max.apply(null, points.map(function (p) { return p.share; }));
    var step = niceStep(Math.max(top, g.minTop));
    var topValue = step * (Math.floor(top / step) + 1);
    var plotWidth = g.width - g.left - g.right, plotHeight = g.height - g.top - g.bottom;
    function x(year) { return round(g.left + plotWidth * (year - first) / span); }
    function y(value) { return round(g.top + plotHeight * (topValue - value) / topValue); }
    var svg = element("svg", { "class": "zb-target-chart", viewBox: "0 0 " + g.width + " " + g.height, role: "group",
      "aria-label": term + "：各年每万字出现次数" }, undefined, SVG);
    for (var tick = 0; tick <= topValue + 1e-9; tick += step) {
      svg.appendChild(element("line", { "class": "zb-grid", x1: g.left, x2: g.width - g.right, y1: y(tick), y2: y(tick) }, undefined, SVG));
      svg.appendChild(element("text", { "class": "zb-axis", x: g.left - 4, y: y(tick) + 3, "text-anchor": "end" },
        String(Math.round(tick * 100) / 100), SVG));
    }
    var lastLabel = null;
    points.forEach(function (p) {
      if (lastLabel !== null && x(p.year) - lastLabel < g.labelSpace) return;
      lastLabel = x(p.year);
      svg.appendChild(element("text", { "class": "zb-axis", x: x(p.year), y: g.height - g.bottom + 16, "text-anchor": "middle" },
        String(p.year), SVG));
    });
    svg.appendChild(element("polyline", { "class": "zb-outcome-line",
      points: points.map(function (p) { return x(p.year) + "," + y(p.share); }).join(" ") }, undefined, SVG));
    points.forEach(function (p) {
      if (!p.count) return;
      var link = element("a", { href: "#y" + p.year, "class": "zb-timeline-point", "data-year": p.year }, undefined, SVG);
      link.appendChild(element("title", {}, p.year + "年：" + p.count + "次，每万字" + p.share.toFixed(2) + "次（" +
        p.paragraphs.length + "段）", SVG));
      link.appendChild(element("circle", { "class": "zb-dot", cx: x(p.year), cy: y(p.share), r: 3.5 }, undefined, SVG));
      svg.appendChild(link);
    });
    var figure = element("figure", { "class": "zb-chart-box zb-timeline" });
    figure.appendChild(svg);
    figure.appendChild(element("figcaption", {}, "每万字出现次数（" + term + "）"));
    return figure;
  }

  /* A paragraph as a list item: its report and heading (the link), then the words around the first
   * occurrence, marked. */
  function item(result) {
    var li = element("li");
    var label = result.year + " " + result.region + (result.summary ? "（摘要）" : "") + (result.heading ? " · " + result.heading : "");
    li.appendChild(element("a", { href: result.href, "class": "zb-src" }, label));
    var at = result.spans.length ? result.spans[0] : [0, 0];
    var start = Math.max(0, at[0] - 30), end = Math.min(result.text.length, at[1] + 30);
    li.appendChild(document.createTextNode(" " + (start > 0 ? "…" : "") + result.text.slice(start, at[0])));
    li.appendChild(element("mark", {}, result.text.slice(at[0], at[1])));
    li.appendChild(document.createTextNode(result.text.slice(at[1], end) + (end < result.text.length ? "…" : "")));
    return li;
  }

  function show(term, results) {
    var byYear = {};
    results.forEach(function (r) {
      if (r.label || skip[r.slug + "#" + r.anchor] || !r.spans.length) return;
      (byYear[r.year] = byYear[r.year] || []).push(r);
    });
    var points = data.years.map(function (pair) {
      var found = byYear[pair[0]] || [];
      var count = found.reduce(function (sum, r) { return sum + r.spans.length; }, 0);
      return { year: pair[0], count: count, share: pair[1] ? data.per * count / pair[1] : 0, paragraphs: found };
    });
    out.textContent = "";
    var used = points.filter(function (p) { return p.count; });
    if (!used.length) { out.appendChild(element("p", {}, "档案中没有找到“" + term + "”。")); return; }
    var peak = used.reduce(function (a, b) { return b.share > a.share ? b : a; });
    var total = used.reduce(function (sum, p) { return sum + p.count; }, 0);
    out.appendChild(element("p", { "class": "zb-timeline-summary" }, "“" + term + "”：首次 " + used[0].year + " 年，占比最高 " +
      peak.year + " 年，最近 " + used[used.length - 1].year + " 年；共 " + total + " 次。点击圆点跳到该年的段落。"));
    out.appendChild(chart(term, points));
    used.forEach(function (p) {
      out.appendChild(element("h3", { id: "y" + p.year }, p.year + "年（" + p.count + "次，" + p.paragraphs.length + "段）"));
      var list = element("ul", { "class": "zb-snippets" });
      p.paragraphs.sort(function (a, b) { return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0; });
      p.paragraphs.forEach(function (r) { list.appendChild(item(r)); });
      out.appendChild(list);
    });
  }

  function run(term, hash) {
    term = term.trim();
    if (!term) return;
    out.textContent = "正在查找…";
    window.zbSearchEngine.load()
      .then(function () { return window.zbSearchEngine.search(term); })
      .then(window.zbSearchEngine.describe)
      .then(function (results) {
        show(term, results);
        var target = hash && document.getElementById(hash.slice(1));
        if (target) target.scrollIntoView();
      })
      .catch(function () { out.textContent = "无法读取检索索引。"; });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run(input.value, "");
  });
  /* A pre-drawn example's dot links here with ?q=term#y<year>. */
  var query = new URLSearchParams(location.search).get("q");
  if (query) { input.value = query; run(query, location.hash); }
});
