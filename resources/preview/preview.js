// Galley preview page script. The page is loaded once; the window then pushes
// changes with window.galley.applyPatch(patchJson) (see editor/core/render/
// incremental.py for the patch format). Post content never runs here: this
// script is allowed by a CSP nonce, post HTML is sanitized and has no nonce.
(function () {
  "use strict";
  var main = function () { return document.getElementById("galley-body"); };

  function fromHtml(html) {
    var t = document.createElement("template");
    t.innerHTML = html;
    return t.content.firstElementChild;
  }

  // The index of the first block whose bottom is below the top of the view
  // (blocks.length when none is). Blocks are stacked in document order, so a
  // binary search finds it with ~10 layout reads instead of one per block
  // above the view: on a 200 KB post that loop cost ~3 ms of every patch.
  function firstVisibleIndex(blocks) {
    var lo = 0, hi = blocks.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (blocks[mid].getBoundingClientRect().bottom > 0) hi = mid; else lo = mid + 1;
    }
    // A block without boxes (display: none) reads as a zero rect and can
    // mislead the search: step back over earlier blocks that are on screen.
    while (lo > 0 && blocks[lo - 1].getBoundingClientRect().bottom > 0) lo--;
    return lo;
  }

  // The first block at least partly on screen and its offset from the top:
  // after a patch we put it back where it was, so editing above the fold
  // never makes the view jump.
  function captureAnchor() {
    var blocks = main().children;
    var i = firstVisibleIndex(blocks);
    if (i >= blocks.length) return null;
    return { id: blocks[i].id, top: blocks[i].getBoundingClientRect().top, y: window.scrollY };
  }

  function restoreAnchor(anchor) {
    if (!anchor) return;
    var el = document.getElementById(anchor.id);
    if (!el) { window.scrollTo(0, anchor.y); return; }
    var delta = el.getBoundingClientRect().top - anchor.top;
    if (delta) window.scrollBy(0, delta);
  }

  // Only with "allow scripts": scripts inserted through innerHTML never run,
  // so re-create them.
  function activateScripts(el) {
    if (document.body.dataset.allowScripts !== "1") return;
    el.querySelectorAll("script").forEach(function (old) {
      var s = document.createElement("script");
      for (var a of old.attributes) s.setAttribute(a.name, a.value);
      s.textContent = old.textContent;
      old.replaceWith(s);
    });
  }

  // The block with `id` among <main>'s children. getElementById first (no
  // walk over every block); the parent check guards against an element of
  // the post's own HTML that happens to carry the same id.
  function blockById(root, id) {
    var el = document.getElementById(id);
    if (el && el.parentNode === root) return el;
    for (var c = root.firstElementChild; c; c = c.nextElementSibling) if (c.id === id) return c;
    return null;
  }

  // `patch.order` is null when the blocks' order did not change (a keystroke
  // inside a paragraph): then only the changed blocks are touched, and a
  // patch costs the page the same on a 200 KB post as on a short one.
  function applyPatch(patch) {
    if (typeof patch === "string") patch = JSON.parse(patch);
    var anchor = captureAnchor();
    var root = main();
    var fresh = new Map();
    (patch.removed || []).forEach(function (id) {
      var el = blockById(root, id);
      if (el) el.remove();
    });
    Object.keys(patch.changed || {}).forEach(function (id) {
      var el = fromHtml(patch.changed[id]);
      if (!el) return;
      var old = blockById(root, id);
      if (old) old.replaceWith(el);
      else if (!patch.order) root.appendChild(el);  // not expected: the order comes with new blocks
      fresh.set(id, el);
      activateScripts(el);
    });
    Object.keys(patch.lines || {}).forEach(function (id) {
      var el = fresh.get(id) || blockById(root, id);
      if (el) { el.dataset.lineStart = patch.lines[id][0]; el.dataset.lineEnd = patch.lines[id][1]; }
    });
    if (patch.order) {
      var byId = new Map();
      Array.prototype.forEach.call(root.children, function (el) { byId.set(el.id, el); });
      fresh.forEach(function (el, id) { byId.set(id, el); });
      var keep = new Set(patch.order);
      Array.prototype.slice.call(root.children).forEach(function (el) { if (!keep.has(el.id)) el.remove(); });
      var prev = null;
      patch.order.forEach(function (id) {
        var el = byId.get(id);
        if (!el) return;
        var want = prev ? prev.nextElementSibling : root.firstElementChild;
        if (want !== el) root.insertBefore(el, want);
        prev = el;
      });
    }
    if (patch.header_html !== null && patch.header_html !== undefined) {
      document.getElementById("galley-header").innerHTML = patch.header_html;
    }
    restoreAnchor(anchor);
    return root.children.length;
  }

  function blockAt(line) {
    var best = null;
    var blocks = main().children;
    for (var i = 0; i < blocks.length; i++) {
      var s = +blocks[i].dataset.lineStart;
      if (s <= line) best = blocks[i]; else break;
    }
    return best || blocks[0] || null;
  }

  function scrollToLine(line) {
    var el = blockAt(line);
    if (!el) return;
    var s = +el.dataset.lineStart, e = +el.dataset.lineEnd;
    var frac = e > s ? Math.min(1, Math.max(0, (line - s) / (e - s + 1))) : 0;
    var r = el.getBoundingClientRect();
    window.scrollTo(0, window.scrollY + r.top + frac * r.height);
  }

  function topVisibleLine() {
    var blocks = main().children;
    var i = firstVisibleIndex(blocks);
    if (i >= blocks.length) return 1;
    var r = blocks[i].getBoundingClientRect();
    var s = +blocks[i].dataset.lineStart, e = +blocks[i].dataset.lineEnd;
    var hidden = r.top < 0 && r.height > 0 ? -r.top / r.height : 0;
    return Math.round(s + hidden * (e - s));
  }

  function setTheme(name) { document.documentElement.dataset.theme = name === "dark" ? "dark" : "light"; }

  window.galley = { applyPatch: applyPatch, setTheme: setTheme, scrollToLine: scrollToLine, topVisibleLine: topVisibleLine };
})();
