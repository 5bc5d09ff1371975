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

  // The first block at least partly on screen and its offset from the top:
  // after a patch we put it back where it was, so editing above the fold
  // never makes the view jump.
  function captureAnchor() {
    var blocks = main().children;
    for (var i = 0; i < blocks.length; i++) {
      var r = blocks[i].getBoundingClientRect();
      if (r.bottom > 0) return { id: blocks[i].id, top: r.top, y: window.scrollY };
    }
    return null;
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

  function applyPatch(patch) {
    if (typeof patch === "string") patch = JSON.parse(patch);
    var anchor = captureAnchor();
    var root = main();
    var byId = new Map();
    Array.prototype.forEach.call(root.children, function (el) { byId.set(el.id, el); });
    (patch.removed || []).forEach(function (id) {
      var el = byId.get(id);
      if (el) { el.remove(); byId.delete(id); }
    });
    Object.keys(patch.changed || {}).forEach(function (id) {
      var fresh = fromHtml(patch.changed[id]);
      if (!fresh) return;
      var old = byId.get(id);
      if (old) old.replaceWith(fresh);
      byId.set(id, fresh);
      activateScripts(fresh);
    });
    Object.keys(patch.lines || {}).forEach(function (id) {
      var el = byId.get(id);
      if (el) { el.dataset.lineStart = patch.lines[id][0]; el.dataset.lineEnd = patch.lines[id][1]; }
    });
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
    if (patch.header_html !== null && patch.header_html !== undefined) {
      document.getElementById("galley-header").innerHTML = patch.header_html;
    }
    restoreAnchor(anchor);
    return patch.order.length;
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
    for (var i = 0; i < blocks.length; i++) {
      var r = blocks[i].getBoundingClientRect();
      if (r.bottom > 0) {
        var s = +blocks[i].dataset.lineStart, e = +blocks[i].dataset.lineEnd;
        var hidden = r.top < 0 && r.height > 0 ? -r.top / r.height : 0;
        return Math.round(s + hidden * (e - s));
      }
    }
    return 1;
  }

  function setTheme(name) { document.documentElement.dataset.theme = name === "dark" ? "dark" : "light"; }

  window.galley = { applyPatch: applyPatch, setTheme: setTheme, scrollToLine: scrollToLine, topVisibleLine: topVisibleLine };
})();
