"""The preview in the real window: the Load Remote Content switch (per site),
the engine named in the status bar, and the edited block kept in view."""

from __future__ import annotations

import http.server
import threading

import pytest

from tests.ui.conftest import type_text
from tests.ui.test_preview import js, launch_long_post, wait_preview


def _png() -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(8, 6, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


@pytest.fixture
def image_server():
    """A web server on loopback giving one PNG at /a.png; counts its requests."""
    png = _png()
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(png)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(png)

        def log_message(self, *_args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/a.png", hits
    finally:
        server.shutdown()
        server.server_close()


def _site_post(tmp_path, body: str):
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Remote\n", encoding="utf-8")
    post = site / "_posts" / "2024-01-02-remote.md"
    post.write_text("---\ntitle: Remote\n---\n" + body, encoding="utf-8")
    return site, post


def _launch(settings, tmp_path, post):
    from editor.ui import launch

    return launch([str(post)], settings=settings, recovery_dir=tmp_path / "rec")


def _close(win):
    win.session.flush()
    win.session.new()
    win.close()
    win.deleteLater()


WIDTH = "String(document.getElementById('remote') ? document.getElementById('remote').naturalWidth : -1)"


def test_load_remote_content_switch_is_remembered_per_site(qtbot, settings, tmp_path, image_server):
    from PySide6.QtWidgets import QMenu

    url, hits = image_server
    site, post = _site_post(tmp_path, f'Text.\n\n<img id="remote" src="{url}" alt="r">\n')
    win = _launch(settings, tmp_path, post)
    try:
        view = wait_preview(qtbot, win)
        qtbot.waitUntil(lambda: win.services.site.current is not None, timeout=20_000)
        action = win.actions.load_remote
        assert action.isCheckable() and action.isChecked()  # on by default: what readers see
        assert action in win.menuBar().findChild(QMenu, "viewMenu").actions()
        qtbot.waitUntil(lambda: js(qtbot, view, WIDTH) == "8", timeout=10_000)
        assert js(qtbot, view, "galley.notice()") == ""
        assert hits

        action.trigger()  # off
        assert not action.isChecked() and win.services.preview.block_remote
        qtbot.waitUntil(lambda: view.ready and js(qtbot, view, WIDTH) != "-1", timeout=10_000)
        qtbot.waitUntil(lambda: "not loaded" in js(qtbot, view, "galley.notice()"), timeout=10_000)
        seen = len(hits)
        qtbot.wait(300)  # an image request would have been made by now
        assert js(qtbot, view, WIDTH) == "0"
        assert len(hits) == seen
        assert js(qtbot, view, "document.querySelectorAll('.galley-notice').length") == 1
        assert str(win.services.site.current.site.root) in settings.get("preview/no_remote")
    finally:
        _close(win)

    # The same site opened again: still off, and said so.
    win = _launch(settings, tmp_path, post)
    try:
        view = wait_preview(qtbot, win)
        qtbot.waitUntil(lambda: win.services.site.current is not None, timeout=20_000)
        qtbot.waitUntil(lambda: not win.actions.load_remote.isChecked(), timeout=5_000)
        qtbot.waitUntil(lambda: "not loaded" in js(qtbot, view, "galley.notice()"), timeout=10_000)
        assert js(qtbot, view, WIDTH) == "0"
        win.actions.load_remote.trigger()  # back on: loads, and forgets the site
        qtbot.waitUntil(lambda: view.ready and js(qtbot, view, WIDTH) == "8", timeout=10_000)
        assert js(qtbot, view, "galley.notice()") == ""
        assert settings.get("preview/no_remote") == []
    finally:
        _close(win)


def test_status_bar_names_the_engine_and_why_it_is_approximate(qtbot, settings, tmp_path, monkeypatch):
    # The suite keeps Jekyll sites on Python-Markdown (GALLEY_KRAMDOWN=0): the
    # preview is then approximate, and the status bar says why.
    monkeypatch.setenv("GALLEY_KRAMDOWN", "0")
    site, post = _site_post(tmp_path, "Text.\n")
    win = _launch(settings, tmp_path, post)
    try:
        wait_preview(qtbot, win)
        label = win.status.engine
        qtbot.waitUntil(lambda: label.text().startswith("Preview approximate: "), timeout=20_000)
        assert "Python-Markdown" in label.text()
        assert label.toolTip() == label.text()
        assert label.maximumWidth() <= 420  # a long reason never widens the window
    finally:
        _close(win)

    hugo = tmp_path / "hugo"
    (hugo / "content" / "posts").mkdir(parents=True)
    (hugo / "hugo.toml").write_text('title = "H"\n', encoding="utf-8")
    page = hugo / "content" / "posts" / "a.md"
    page.write_text("---\ntitle: A\n---\nText.\n", encoding="utf-8")
    win = _launch(settings, tmp_path, page)
    try:
        wait_preview(qtbot, win)
        qtbot.waitUntil(lambda: win.status.engine.text() == "Preview: markdown-it (as Hugo)", timeout=20_000)
    finally:
        _close(win)

    lone = tmp_path / "lone" / "note.md"
    lone.parent.mkdir()
    lone.write_text("Just text.\n", encoding="utf-8")
    win = _launch(settings, tmp_path, lone)
    try:
        wait_preview(qtbot, win)
        qtbot.waitUntil(lambda: win.status.engine.text() == "Preview: Python-Markdown", timeout=20_000)
    finally:
        _close(win)


def test_status_bar_says_kramdown_renders_a_jekyll_site(qtbot, settings, tmp_path, monkeypatch):
    import shutil
    import subprocess

    ruby = shutil.which("ruby")
    if ruby is None or subprocess.run([ruby, "-e", "require 'kramdown'"], capture_output=True).returncode:
        pytest.skip("Ruby's kramdown is not installed (Debian: ruby-kramdown)")
    monkeypatch.setenv("GALLEY_KRAMDOWN", "1")
    site, post = _site_post(tmp_path, "Text.\n")
    win = _launch(settings, tmp_path, post)
    try:
        wait_preview(qtbot, win)
        qtbot.waitUntil(lambda: win.status.engine.text() == "Preview: kramdown (as Jekyll)", timeout=20_000)
    finally:
        _close(win)


SCROLL_Y = "Math.round(window.scrollY)"
# Where the last block is, relative to the view: [top, bottom, view height].
LAST_BLOCK = ("JSON.stringify((function () { var b = document.getElementById('galley-body').lastElementChild;"
              " var r = b.getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight]; })())")


def _type_at_end(qtbot, win, text):
    editor = win.body_editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    type_text(qtbot, editor, text)
    win.session.flush()
    revision = win.session.document.revision
    qtbot.waitUntil(lambda: win.preview.shown_revision >= revision, timeout=10_000)


def test_typing_at_the_end_of_a_long_post_brings_it_into_view(qtbot, settings, tmp_path):
    import json

    win = launch_long_post(settings, tmp_path, 300)
    try:
        view = wait_preview(qtbot, win)
        # Scroll sync off: only the following of the caret can move the page.
        win.services.preview.sync_scroll = False
        view.run_js("window.scrollTo(0, 0)")
        qtbot.waitUntil(lambda: js(qtbot, view, SCROLL_Y) == 0, timeout=5000)
        reported = []
        view.topLineChanged.connect(reported.append)
        _type_at_end(qtbot, win, " More")
        qtbot.waitUntil(lambda: js(qtbot, view, SCROLL_Y) > 1000, timeout=5000)
        top, bottom, height = json.loads(js(qtbot, view, LAST_BLOCK))
        assert 0 <= top and bottom <= height + 1  # the edited block is on screen
        assert "More" in js(qtbot, view, "document.getElementById('galley-body').lastElementChild.textContent")
        qtbot.wait(300)
        assert reported == []  # the preview's own scroll: not sent to the editor
        # A block the writer can already see does not move the page.
        y = js(qtbot, view, SCROLL_Y)
        _type_at_end(qtbot, win, "!")
        assert js(qtbot, view, SCROLL_Y) == y
    finally:
        _close(win)


def test_typing_at_the_bottom_of_the_editor_shows_the_edit_in_the_preview(qtbot, settings, tmp_path):
    """Scroll sync on: the preview's top follows the editor's top line, but a
    page shows fewer source lines than the editor (headings, margins), so the
    line typed at the editor's bottom was below the preview's view."""
    import json

    from PySide6.QtCore import QPoint

    win = launch_long_post(settings, tmp_path, 300)
    try:
        view = wait_preview(qtbot, win)
        editor = win.body_editor
        line = 4 + 4 * 100
        editor.scroll_to_line(line)
        qtbot.waitUntil(lambda: abs(js(qtbot, view, "galley.topVisibleLine()") - line) <= 4, timeout=5000)
        # The caret on a "Text i." line near the editor's bottom edge.
        cursor = editor.cursorForPosition(QPoint(4, editor.viewport().height() - 4))
        block = cursor.block()
        while not block.text().startswith("Text"):
            block = block.previous()
        cursor.setPosition(block.position() + block.length() - 1)
        editor.setTextCursor(cursor)
        editor.setFocus()
        file_line = block.blockNumber() + editor.first_line
        type_text(qtbot, editor, " typed")
        win.session.flush()
        revision = win.session.document.revision
        qtbot.waitUntil(lambda: view.shown_revision >= revision, timeout=10_000)
        where = ("JSON.stringify((function () { var b = [...document.querySelectorAll('#galley-body > *')]"
                 ".filter(b => +b.dataset.lineStart <= %d && %d <= +b.dataset.lineEnd)[0];"
                 " var r = b.getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight,"
                 " b.textContent]; })())" % (file_line, file_line))
        qtbot.waitUntil(lambda: json.loads(js(qtbot, view, where))[1] <= json.loads(js(qtbot, view, where))[2] + 1,
                        timeout=5000)
        top, bottom, height, text = json.loads(js(qtbot, view, where))
        assert "typed" in text and top >= 0
    finally:
        _close(win)


def test_the_writer_scrolling_the_preview_is_not_fought(qtbot, settings, tmp_path, monkeypatch):
    from editor.ui.preview.preview_view import PreviewView

    monkeypatch.setattr(PreviewView, "REVEAL_HOLD_MS", 60_000)
    win = launch_long_post(settings, tmp_path, 300)
    try:
        view = wait_preview(qtbot, win)
        win.services.preview.sync_scroll = False  # only the following of the caret could move it
        # The writer scrolls the page up to read its start (a wheel in the page)...
        view.run_js("window.dispatchEvent(new WheelEvent('wheel', {deltaY: -100})); window.scrollTo(0, 0)")
        qtbot.waitUntil(lambda: js(qtbot, view, SCROLL_Y) == 0, timeout=5000)
        # ...and types on at the end: the page stays where they put it.
        _type_at_end(qtbot, win, " more")
        qtbot.wait(200)
        assert js(qtbot, view, SCROLL_Y) == 0
        # With following off, an edit never moves the page either.
        monkeypatch.setattr(PreviewView, "REVEAL_HOLD_MS", 0)
        win.services.preview.follow_caret = False
        _type_at_end(qtbot, win, "!")
        qtbot.wait(200)
        assert js(qtbot, view, SCROLL_Y) == 0
        win.services.preview.follow_caret = True
        _type_at_end(qtbot, win, "?")
        qtbot.waitUntil(lambda: js(qtbot, view, SCROLL_Y) > 1000, timeout=5000)
    finally:
        _close(win)


def test_the_editor_flags_what_the_preview_renders_unlike_the_generator(qtbot, settings, tmp_path, monkeypatch):
    """A Jekyll site previewed without kramdown: typing a `{::options}`
    extension (kramdown syntax) puts an info finding naming it in the problems panel, at its line."""
    monkeypatch.setenv("GALLEY_KRAMDOWN", "0")
    site, post = _site_post(tmp_path, "The HTML spec.\n")
    win = _launch(settings, tmp_path, post)
    try:
        wait_preview(qtbot, win)
        qtbot.waitUntil(lambda: win.services.validator is not None and win.services.site.current is not None,
                        timeout=20_000)
        panel = win.problems_panel

        def flagged():
            return [d for d in panel.diagnostics if d.rule == "preview-differs"]

        qtbot.wait(300)
        assert flagged() == []
        _type_at_end(qtbot, win, "\n{::options parse_block_html=\"true\" /}\n\n<div>\n*x*\n</div>\n")
        qtbot.waitUntil(lambda: bool(flagged()), timeout=10_000)
        (finding,) = flagged()
        assert finding.severity == "info" and finding.line == 6
        assert finding.message.startswith("kramdown applies these `{::options}` to the post")
        texts = [panel.topLevelItem(i).text(1) for i in range(panel.topLevelItemCount())]
        assert any("{::options}" in t for t in texts)
    finally:
        _close(win)
