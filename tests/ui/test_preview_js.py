"""resources/preview/preview.js in a real browser (QtWebEngine, offscreen).

The window loads `page_shell` once and applies patches; these tests check
that what the page shows after a series of patches is what a fresh full
render shows, that the view does not jump, and that the CSP stops a handler
even if one slipped past the sanitizer. (The renderer itself has no Qt; this
test only drives the page.)
"""

from __future__ import annotations

import json
import re

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from PySide6.QtCore import QUrl  # noqa: E402
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: E402

from editor.core.render import IncrementalRenderer, RenderOptions, RenderRequest, SiteInfo, page_shell  # noqa: E402

SITE = SiteInfo(generator="jekyll")


@pytest.fixture
def view(qtbot):
    v = QWebEngineView()
    qtbot.addWidget(v)
    v.resize(800, 600)
    v.show()
    with qtbot.waitSignal(v.loadFinished, timeout=20_000) as blocker:
        v.setHtml(page_shell(RenderOptions()), QUrl.fromLocalFile("/"))
    assert blocker.args == [True]
    return v


def js(qtbot, view, source: str):
    box = {}
    view.page().runJavaScript(source, 0, lambda value: box.setdefault("v", value))
    qtbot.waitUntil(lambda: "v" in box, timeout=10_000)
    return box["v"]


def body_html(qtbot, view) -> str:
    html = js(qtbot, view, "document.getElementById('galley-body').innerHTML")
    return re.sub(r'(class="galley-block" id=")[^"]*"', r'\1#"', html).strip()


def req(body: str, title: str = "제목") -> RenderRequest:
    return RenderRequest(body, {"title": title}, 1, None, SITE)


def long_body(n: int = 60) -> str:
    return "\n\n".join(f"## 섹션 {i}\n\n문단 {i} " + "가나다라 " * 40 for i in range(n))


def test_patches_rebuild_exactly_what_a_full_render_shows(qtbot, view) -> None:
    renderer = IncrementalRenderer(SITE)
    bodies = [long_body(8), "머리말\n\n" + long_body(8), ("머리말\n\n" + long_body(8)).replace("문단 3", "고친 문단 3"),
              long_body(8).replace("## 섹션 2\n\n", ""), "> 인용\n\n" + long_body(8)[::-1][:2000][::-1]]
    for i, body in enumerate(bodies):
        patch = renderer.render(req(body, f"제목 {i}")).patch
        assert js(qtbot, view, f"galley.applyPatch({json.dumps(patch.to_json())})") == len(patch.order)
    patched = body_html(qtbot, view)
    header = js(qtbot, view, "document.getElementById('galley-header').innerHTML")
    js(qtbot, view, "document.getElementById('galley-body').innerHTML = ''; 0")
    fresh = IncrementalRenderer(SITE).render(req(bodies[-1], "제목 4")).patch
    js(qtbot, view, f"galley.applyPatch({fresh.to_json()})")
    assert patched == body_html(qtbot, view)
    assert "제목 4" in header


def test_an_edit_above_the_view_does_not_move_what_is_on_screen(qtbot, view) -> None:
    # Chromium's own scroll anchoring would hide a bug in ours: turn it off.
    js(qtbot, view, "document.documentElement.style.overflowAnchor = 'none'; 0")
    renderer = IncrementalRenderer(SITE)
    body = long_body()
    js(qtbot, view, f"galley.applyPatch({renderer.render(req(body)).patch.to_json()})")
    js(qtbot, view, "galley.scrollToLine(120); 0")
    top = js(qtbot, view, "galley.topVisibleLine()")
    assert 110 <= top <= 122
    anchor = "[...document.querySelectorAll('.galley-block')].find(b => b.getBoundingClientRect().bottom > 0)"
    # (one value per call: a mixed array does not cross runJavaScript intact)
    anchor_id = js(qtbot, view, f"{anchor}.id")
    anchor_top = js(qtbot, view, f"{anchor}.getBoundingClientRect().top")
    edited = "새 첫 문단 " * 80 + "\n\n## 새 제목\n\n" + body  # adds 4 lines and a lot of height above
    js(qtbot, view, f"galley.applyPatch({renderer.render(req(edited)).patch.to_json()})")
    after = js(qtbot, view, f"document.getElementById('{anchor_id}').getBoundingClientRect().top")
    assert abs(after - anchor_top) < 1
    assert js(qtbot, view, "galley.topVisibleLine()") == top + 4


def test_set_theme_switches_without_reload(qtbot, view) -> None:
    js(qtbot, view, "galley.setTheme('dark'); 0")
    assert js(qtbot, view, "document.documentElement.dataset.theme") == "dark"
    bg = js(qtbot, view, "getComputedStyle(document.body).backgroundColor")
    js(qtbot, view, "galley.setTheme('light'); 0")
    assert js(qtbot, view, "getComputedStyle(document.body).backgroundColor") != bg


def test_csp_stops_handlers_even_if_the_sanitizer_missed_one(qtbot, view) -> None:
    hostile = ('<div class="galley-block" id="x1" data-line-start="1" data-line-end="1">'
               '<img src="data:," onerror="window.pwned = 1"><script>window.pwned = 2</script></div>')
    patch = {"changed": {"x1": hostile}, "removed": [], "order": ["x1"], "header_html": None, "lines": {}}
    js(qtbot, view, f"galley.applyPatch({json.dumps(patch)})")
    qtbot.wait(300)
    assert js(qtbot, view, "String(window.pwned)") == "undefined"


def test_top_visible_line_after_the_page_is_scrolled_to_a_block(qtbot, view) -> None:
    body = "".join(f"## Part {i}\n\nText {i}.\n\n" for i in range(200))
    js(qtbot, view, f"galley.applyPatch({IncrementalRenderer(SITE).render(req(body)).patch.to_json()})")
    for line in (161, 401):
        js(qtbot, view, f"document.querySelector('[data-line-start=\"{line}\"]').scrollIntoView(); 0")
        assert js(qtbot, view, "galley.topVisibleLine()") == line
        js(qtbot, view, "window.scrollTo(0, 0); 0")
        js(qtbot, view, f"galley.scrollToLine({line}); 0")
        assert js(qtbot, view, "galley.topVisibleLine()") == line


def test_a_patch_finds_its_block_even_when_the_post_uses_the_same_id(qtbot, view) -> None:
    # Block ids are "b1", "b2"...; a post may give one of its own elements such an id.
    renderer = IncrementalRenderer(SITE)
    body = '<p id="b2">raw html</p>\n\n' + long_body(4)
    js(qtbot, view, f"galley.applyPatch({renderer.render(req(body)).patch.to_json()})")
    edited = body.replace("섹션 0", "고친 섹션 0")  # the block with id "b2"
    patch = renderer.render(req(edited)).patch
    assert list(patch.changed) == ["b2"] and not patch.order_changed
    js(qtbot, view, f"galley.applyPatch({patch.to_json()})")
    patched = body_html(qtbot, view)
    assert "고친 섹션 0" in patched
    js(qtbot, view, "document.getElementById('galley-body').innerHTML = ''; 0")
    js(qtbot, view, f"galley.applyPatch({IncrementalRenderer(SITE).render(req(edited)).patch.to_json()})")
    assert patched == body_html(qtbot, view)
