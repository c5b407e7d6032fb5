/* Zhengbao page behaviour: copy a paragraph's link or its citation.
 * Works from file:// too: no fetch, no other hosts; the Clipboard API where the browser allows
 * it, otherwise a hidden textarea and execCommand("copy"). With the publishing address set
 * (mkdocs.yml site_url, written into #zb-meta as data-base) both copies give the published URL;
 * without it the menu says that the link works only on this computer. */
(function () {
  "use strict";

  function meta() {
    var element = document.getElementById("zb-meta");
    return element ? element.dataset : null;
  }

  /* The link a citation gives: the published URL when site_url is known, else page + anchor. */
  function publishedLink(data, anchor) {
    if (data.base) {
      return data.base.replace(/\/+$/, "") + "/" + data.page + "#" + anchor;
    }
    return data.page + "index.html#" + anchor;
  }

  function pageLink(data, anchor) {
    if (data.base) {
      return publishedLink(data, anchor);
    }
    return window.location.href.split("#")[0] + "#" + anchor;
  }

  /* GB/T 7714 report citation; parts that are unknown are left out, never invented. */
  function citation(data, paragraph) {
    var parts = [];
    if (data.author) parts.push(data.author + ".");
    if (data.title) parts.push(data.title + "[R].");
    var where = [data.year, paragraph.dataset.cite].filter(Boolean).join(": ");
    if (where) parts.push(where + ".");
    parts.push("<" + publishedLink(data, paragraph.id) + ">");
    return parts.join(" ");
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; },
        function () { return fallbackCopy(text); });
    }
    return Promise.resolve(fallbackCopy(text));
  }

  /* Said in the menu and after copying when the site has no publishing address. */
  var LOCAL_ONLY = "未设置发布地址（mkdocs.yml 的 site_url），链接只在这台电脑上有效。";

  var menu = null;
  var opener = null;

  function closeMenu(refocus) {
    if (menu) {
      menu.remove();
      menu = null;
      if (refocus && opener) opener.focus();
    }
  }

  function openMenu(mark) {
    var data = meta();
    var paragraph = mark.closest(".zb-p");
    if (!data || !paragraph) return;
    closeMenu();
    opener = mark;
    menu = document.createElement("div");
    menu.className = "zb-cite-menu md-typeset";
    menu.setAttribute("role", "menu");
    menu.setAttribute("aria-label", "引用本段");
    var actions = [
      ["复制链接", function () { return pageLink(data, paragraph.id); }, "zb-copy-link"],
      ["复制引用（GB/T 7714）", function () { return citation(data, paragraph); }, "zb-copy-citation"]
    ];
    actions.forEach(function (action) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = action[2];
      button.setAttribute("role", "menuitem");
      button.textContent = action[0];
      button.addEventListener("click", function (event) {
        event.stopPropagation();
        var text = action[1]();
        var mine = menu;
        copy(text).then(function (ok) {
          button.textContent = ok ? "已复制" : "复制失败，请手动复制：" + text;
          mine.setAttribute("data-copied", text);
          /* Close this menu only: another may have been opened meanwhile. */
          setTimeout(function () { if (menu === mine) closeMenu(); }, ok ? 900 : 6000);
        });
      });
      menu.appendChild(button);
    });
    if (!data.base) {
      var note = document.createElement("p");
      note.className = "zb-cite-note";
      note.textContent = LOCAL_ONLY;
      menu.appendChild(note);
    }
    var box = mark.getBoundingClientRect();
    menu.style.top = (window.scrollY + box.bottom + 4) + "px";
    menu.style.left = Math.max(8, Math.min(window.scrollX + box.left - 120, document.documentElement.clientWidth - 260)) + "px";
    document.body.appendChild(menu);
    menu.querySelector("button").focus();
  }

  /* Each ¶ mark named for people and screen readers: 本段链接：二（三）第1段, 前言第1段 before the
   * first section. Set before Material mounts its tooltips (it reads title attributes then). */
  var inSections = false;
  document.querySelectorAll("article h2, article .zb-p").forEach(function (element) {
    if (element.tagName === "H2") { inSections = true; return; }
    var mark = element.querySelector(":scope > a.zb-mark");
    if (!mark || !element.dataset.cite) return;
    mark.title = "本段链接：" + (inSections ? "" : "前言") + element.dataset.cite;
    mark.setAttribute("aria-label", "本段链接");
  });
  document.querySelectorAll("article a.headerlink").forEach(function (link) {
    link.title = "本节链接";
  });

  document.addEventListener("click", function (event) {
    var mark = event.target.closest && event.target.closest("a.zb-mark");
    if (mark) {
      /* The link still sets the address to the paragraph; the menu offers the copies. */
      setTimeout(function () { openMenu(mark); }, 0);
      return;
    }
    /* Only a real click elsewhere closes the menu, not a script's (Material clicks its own toggles). */
    if (menu && event.isTrusted && !menu.contains(event.target)) closeMenu();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeMenu(true);
  });
})();

/* 繁→简 toggle on traditional-script pages: both texts are in the page (OpenCC at build time);
 * the original script is the default. Headings and front lines carry their simplified text in
 * data-simp; the table of contents (Material's, desktop and phone) and the window title follow. */
(function () {
  "use strict";
  function swap(element, simplified, showing) {
    if (!element.dataset.orig) element.dataset.orig = element.textContent.trim();
    element.textContent = showing ? simplified : element.dataset.orig;
  }
  function toggle(button) {
    var article = document.querySelector("article");
    var showing = !article.classList.contains("zb-show-simplified");
    article.classList.toggle("zb-show-simplified", showing);
    button.setAttribute("aria-pressed", showing ? "true" : "false");
    button.textContent = showing ? button.dataset.showOriginal : button.dataset.showSimplified;
    document.documentElement.lang = showing ? "zh-Hans" : "zh-Hant";
    article.querySelectorAll(".zb-simp").forEach(function (element) { element.hidden = !showing; });
    article.querySelectorAll("[data-simp]").forEach(function (heading) {
      var text = Array.prototype.find.call(heading.childNodes, function (node) { return node.nodeType === 3; });
      if (!text) return;
      if (!heading.dataset.orig) heading.dataset.orig = text.nodeValue;
      text.nodeValue = showing ? heading.dataset.simp : heading.dataset.orig;
      if (heading.id === "top") {
        if (!document.documentElement.dataset.origTitle) document.documentElement.dataset.origTitle = document.title;
        var original = document.documentElement.dataset.origTitle;
        document.title = showing ? original.replace(heading.dataset.orig.trim(), heading.dataset.simp) : original;
        var topic = document.querySelector('[data-md-component="header-topic"] .md-ellipsis');
        if (topic) swap(topic, heading.dataset.simp, showing);
      }
      if (heading.id) document.querySelectorAll('.md-nav--secondary a.md-nav__link[href="#' + heading.id + '"]').forEach(function (link) {
        swap(link.querySelector(".md-ellipsis") || link, heading.dataset.simp, showing);
      });
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".zb-toggle-script");
    if (button) toggle(button);
  });
})();

/* Phones: the report table is shown one block per report (zhengbao.css); each cell carries the
 * name of its column, from the table head, to label it there. */
(function () {
  "use strict";
  document.querySelectorAll("table.zb-reports").forEach(function (table) {
    var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, n) {
        if (names[n]) cell.setAttribute("data-label", names[n]);
      });
    });
  });
})();
