"""Nothing outside the site loads in the real preview page, and post content
cannot take the page's own elements: checked in QtWebEngine, through the
page's own DOM."""

from __future__ import annotations

import json

from tests.ui.conftest import type_text
from tests.ui.test_preview import js, wait_preview
from tests.ui.test_preview_window_side import _close, _launch, _png, _type_at_end

# Every <img> of the post by its alt text: [found, complete, naturalWidth].
IMAGES = ("JSON.stringify(Object.fromEntries([...document.querySelectorAll('#galley-body img')]"
          ".map(i => [i.alt, [i.complete, i.naturalWidth]])))")


def _site(tmp_path, body: str):
    png = _png()
    (tmp_path / "outside.png").write_bytes(png)
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "images").mkdir()
    (site / "_config.yml").write_text("title: Confined\n", encoding="utf-8")
    (site / "images" / "inside.png").write_bytes(png)
    (site / "images" / "link.png").symlink_to(tmp_path / "outside.png")
    post = site / "_posts" / "2024-01-02-confined.md"
    post.write_text("---\ntitle: Confined\n---\n" + body, encoding="utf-8")
    return post


def test_images_outside_the_site_never_load(qtbot, settings, tmp_path):
    outside = (tmp_path / "outside.png").as_uri()
    post = _site(tmp_path, (
        "![inside](/images/inside.png)\n\n"
        "![relative](../../outside.png)\n\n"
        "![symlink](/images/link.png)\n\n"
        "![symlink-relative](../images/link.png)\n\n"
        f"![file-url]({outside})\n\n"
        f'<img alt="raw-file-url" src="{outside}">\n\n'
        '<img alt="raw-relative" src="../../outside.png">\n'))
    win = _launch(settings, tmp_path, post)
    try:
        view = wait_preview(qtbot, win)
        # The image inside the site loads (the check below can see a load)...
        qtbot.waitUntil(lambda: json.loads(js(qtbot, view, IMAGES)).get("inside") == [True, 8], timeout=10_000)
        qtbot.waitUntil(lambda: all(c for c, _w in json.loads(js(qtbot, view, IMAGES)).values()), timeout=10_000)
        images = json.loads(js(qtbot, view, IMAGES))
        # ...and none of the others, whether dropped or left without a source.
        loaded = {alt: width for alt, (_c, width) in images.items() if alt != "inside" and width}
        assert loaded == {}, loaded
    finally:
        _close(win)


def test_post_content_cannot_take_the_pages_own_elements(qtbot, settings, tmp_path):
    post = _site(tmp_path, (
        "First paragraph.\n\n"
        '<div id="galley-body"><p>impostor</p></div>\n\n'
        '<div id="galley-header">fake header</div>\n\n'
        "Last paragraph.\n"))
    win = _launch(settings, tmp_path, post)
    try:
        view = wait_preview(qtbot, win)
        assert js(qtbot, view, "document.querySelectorAll('#galley-body').length") == 1
        assert js(qtbot, view, "document.querySelectorAll('#galley-header').length") == 1
        assert js(qtbot, view, "document.getElementById('galley-body').tagName") == "MAIN"
        assert "impostor" in js(qtbot, view, "document.querySelector('main#galley-body').textContent")
        # Live updates still land in the page's own <main>, after the post's div.
        _type_at_end(qtbot, win, " typed")
        last = "document.querySelector('main#galley-body').lastElementChild.textContent"
        qtbot.waitUntil(lambda: "typed" in js(qtbot, view, last), timeout=5000)
        assert "Last paragraph." in js(qtbot, view, last)
        assert js(qtbot, view, "document.querySelectorAll('#galley-body').length") == 1
        # An edit inside the impostor's block too.
        editor = win.body_editor
        cursor = editor.document().find("impostor")
        editor.setTextCursor(cursor)
        type_text(qtbot, editor, "X")
        win.session.flush()
        revision = win.session.document.revision
        qtbot.waitUntil(lambda: view.shown_revision >= revision, timeout=5000)
        blocks = ("JSON.stringify([...document.querySelectorAll('main#galley-body > .galley-block')]"
                  ".map(b => b.textContent.trim()))")
        assert json.loads(js(qtbot, view, blocks)) == ["First paragraph.", "X", "fake header",
                                                       "Last paragraph.\n typed"]
        assert js(qtbot, view, "document.querySelectorAll('main').length") == 1
        assert js(qtbot, view, "document.querySelector('main#galley-body').children.length") >= 4
    finally:
        _close(win)
