// Galley preview page script. The page is loaded once; the window then pushes
// changes with window.galley.applyPatch(patchJson) (see editor/core/render/
// incremental.py for the patch format). Post content never runs here: this
// script is allowed by a CSP nonce, post HTML is sanitized and has no nonce.
(function () {
  "use strict";
  // The page's own elements, found once, before any post content arrives:
  // an element of the post with the same id can never take their place.
  var mainEl = document.getElementById("galley-body");
  var headerEl = document.getElementById("galley-header");
  var main = function () { return mainEl; };

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
    var el = blockById(mainEl, anchor.id);
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

  // Blocks edited in place are drawn at once (see applyPatch): a style rule
  // per block id, not a style on the element, so the block stays exactly
  // the HTML the renderer sent. The last few dozen are enough (edits are
  // where the writer is).
  var atOnce = [];
  function atOnceSelector(id) { return "#galley-body > #" + CSS.escape(id); }
  function showAtOnce(id) {
    if (atOnce.indexOf(id) >= 0) return;
    var sheet = document.styleSheets[0];
    if (!sheet) return;
    if (atOnce.length >= 40) {
      var oldest = atOnce.shift();
      for (var i = sheet.cssRules.length - 1; i >= 0; i--) {
        if (sheet.cssRules[i].selectorText === atOnceSelector(oldest)) { sheet.deleteRule(i); break; }
      }
    }
    sheet.insertRule(atOnceSelector(id) + " { content-visibility: visible; }", sheet.cssRules.length);
    atOnce.push(id);
  }

  // `patch.order` is null when the blocks' order did not change (a keystroke
  // inside a paragraph): then only the changed blocks are touched, and a
  // patch costs the page the same on a 200 KB post as on a short one.
  function applyPatch(patch) {
    if (typeof patch === "string") patch = JSON.parse(patch);
    unpin();  // the patch keeps what is on screen in place itself
    var anchor = captureAnchor();
    var root = main();
    var fresh = new Map();
    // Blocks are drawn only near the view (content-visibility: auto, set by
    // the window), and a new block's visibility is found one frame late. A
    // few blocks changed on a page that already shows the post are the
    // writer's edit, on screen: draw them in this frame (measured on the
    // 205 KB post: keystroke → preview ~12 ms faster). A whole page's patch
    // (the first one, a paste) keeps the lazy drawing.
    var changedIds = Object.keys(patch.changed || {});
    var edit = root.firstElementChild !== null && changedIds.length <= 20;
    (patch.removed || []).forEach(function (id) {
      var el = blockById(root, id);
      if (el) el.remove();
    });
    changedIds.forEach(function (id) {
      var el = fromHtml(patch.changed[id]);
      if (!el) return;
      if (edit) showAtOnce(id);
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
      headerEl.innerHTML = patch.header_html;
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

  // Where the last scrollToLine put the view: held there while the page
  // settles. Blocks are laid out only near the view (content-visibility:
  // auto, set by the window), so arriving somewhere new, the blocks around
  // the target take their real heights over the next frames (each change
  // bringing others near), moving it. While held, the target is placed again
  // whenever the page's height changes, with the browser's own scroll
  // anchoring off (it would move the view too); any scroll that is not ours
  // (the writer, a patch, a find) lets go, and so does a second passing.
  // Meanwhile the top line reads as the target's: the positions passed on
  // the way would send the editor somewhere else.
  var pinned = null, settleTimer = 0;

  function placePinned() {
    if (!pinned) return;
    var r = pinned.el.getBoundingClientRect();
    var dy = r.top + pinned.frac * r.height - pinned.at;
    if (Math.abs(dy) >= 1) {
      window.scrollBy(0, dy);
      pinned.own = window.scrollY;
    }
  }

  function unpin() {
    if (!pinned) return;
    document.documentElement.style.overflowAnchor = pinned.anchoring;
    pinned = null;
    clearTimeout(settleTimer);
  }

  // The view is not where the hold last put it: someone else scrolled.
  function unpinIfScrolledByOthers() {
    if (pinned && Math.abs(window.scrollY - pinned.own) >= 1) unpin();
  }

  if (window.ResizeObserver) new ResizeObserver(placePinned).observe(document.body);
  window.addEventListener("scroll", unpinIfScrolledByOthers);
  ["wheel", "mousedown", "keydown", "touchstart"].forEach(function (type) {
    window.addEventListener(type, unpin, { capture: true, passive: true });
  });

  function scrollToLine(line) {
    var el = blockAt(line);
    if (!el) return;
    var s = +el.dataset.lineStart, e = +el.dataset.lineEnd;
    var frac = e > s ? Math.min(1, Math.max(0, (line - s) / (e - s + 1))) : 0;
    pin({ el: el, frac: frac, line: line, at: 0, top: true });
  }

  // Hold `p.el`'s point at `p.frac` of its height at `p.at` px from the view's
  // top while the page settles (see above). `p.top`: `p.line` is the line at
  // the top of the view meanwhile.
  function pin(p) {
    unpin();
    var root = document.documentElement;
    p.own = window.scrollY;
    p.anchoring = root.style.overflowAnchor;
    pinned = p;
    root.style.overflowAnchor = "none";
    placePinned();
    settleTimer = setTimeout(unpin, 1000);
  }

  function measuredTopLine() {
    var blocks = main().children;
    var i = firstVisibleIndex(blocks);
    if (i >= blocks.length) return 1;
    var r = blocks[i].getBoundingClientRect();
    var s = +blocks[i].dataset.lineStart, e = +blocks[i].dataset.lineEnd;
    var hidden = r.top < 0 && r.height > 0 ? -r.top / r.height : 0;
    return Math.round(s + hidden * (e - s));
  }

  // The file line at the top of the view. While a scrollToLine settles, the
  // line it is holding there, unless the view is already within two lines
  // of it (scroll events arrive a frame late: a scroll that is not ours is
  // noticed here too).
  function topVisibleLine() {
    unpinIfScrolledByOthers();
    var measured = measuredTopLine();
    return pinned && pinned.top && Math.abs(measured - pinned.line) > 2 ? pinned.line : measured;
  }

  // For the window's scroll sync: [the top line, whether the view is where
  // our own scrollToLine holds it]. The window asks after each scroll event,
  // and by the time the question runs, later scrollToLine calls may have
  // run too (a held-down arrow key sends one per line): whether a position
  // is ours can only be told here, not by comparing it with the window's
  // latest target (that made the editor jump back to lines passed long
  // before, the caret left off-screen).
  // (JSON text: PySide6 6.12 hands a script's array result over as "".)
  function scrollReport() {
    var line = topVisibleLine();
    return JSON.stringify([line, pinned !== null]);
  }

  // Following the caret: after an edit, the block being edited is brought
  // into view when it is outside it (typing near the end of a long post
  // otherwise changed nothing the writer could see): the least scroll that
  // shows the caret's place in the block a margin inside the view, held
  // there while the page settles like scrollToLine's target (so the scroll
  // is reported as ours and the editor is not sent after it). Never while
  // the writer is scrolling the page themselves (a wheel, a drag, a key in
  // the page within `holdMs`).
  var writerScrolledAt = -Infinity;
  ["wheel", "mousedown", "keydown", "touchstart"].forEach(function (type) {
    window.addEventListener(type, function () { writerScrolledAt = Date.now(); },
                            { capture: true, passive: true });
  });

  function reveal(line, holdMs) {
    if (Date.now() - writerScrolledAt < (holdMs || 0)) return false;
    var el = blockAt(line);
    if (!el) return false;
    var s = +el.dataset.lineStart, e = +el.dataset.lineEnd;
    var r = el.getBoundingClientRect();
    var frac = e > s ? Math.min(1, Math.max(0, (line - s) / (e - s + 1))) : 0;
    var y = r.top + frac * r.height;
    var lineHeight = Math.min(r.height, 24);
    var view = window.innerHeight, margin = Math.min(48, view / 6);
    // Only a place outside the view moves it; it then comes a margin inside.
    var at;
    if (y < 0) at = margin;
    else if (y + lineHeight > view) at = Math.max(margin, view - margin - lineHeight);
    else return false;
    pin({ el: el, frac: frac, line: line, at: at, top: false });
    return true;
  }

  function setTheme(name) { document.documentElement.dataset.theme = name === "dark" ? "dark" : "light"; }

  // A line at the top of the page, said once (e.g. that remote images are
  // not loaded); "" removes it. Made here, outside <main>: post content can
  // neither replace it nor take its place.
  var noticeEl = null;
  function setNotice(text) {
    if (!text) { if (noticeEl) { noticeEl.remove(); noticeEl = null; } return; }
    if (!noticeEl) {
      noticeEl = document.createElement("div");
      noticeEl.className = "galley-notice";
      noticeEl.setAttribute("role", "note");
      document.body.insertBefore(noticeEl, document.body.firstChild);
    }
    noticeEl.textContent = text;
  }
  function notice() { return noticeEl ? noticeEl.textContent : ""; }

  window.galley = { applyPatch: applyPatch, setTheme: setTheme, scrollToLine: scrollToLine,
                    topVisibleLine: topVisibleLine, scrollReport: scrollReport, reveal: reveal,
                    setNotice: setNotice, notice: notice };
})();
