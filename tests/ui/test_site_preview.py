"""Site mode in the real window, with the real generators: the post's page
from Jekyll's and Hugo's own servers, an edit saved and shown, a build error
in the problems panel, a killed server back, and no process after quitting."""

from __future__ import annotations

import os
import shutil
import signal
import textwrap

import pytest

from editor.core.processes import tree_alive as group_alive, tree_members as group_members

needs_jekyll = pytest.mark.skipif(shutil.which("jekyll") is None, reason="Jekyll is not installed (apt install jekyll)")
needs_hugo = pytest.mark.skipif(shutil.which("hugo") is None, reason="Hugo is not installed (apt install hugo)")

WAIT = 60_000  # a cold Ruby start under a loaded machine


def _write(root, rel, text):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def jekyll_site(root):
    _write(root, "_config.yml", "title: Tiny\npermalink: pretty\n")
    _write(root, "_layouts/default.html",
           "<html><head><title>{{ page.title }}</title></head><body><h1>{{ page.title }}</h1>{{ content }}</body></html>\n")
    return _write(root, "_posts/2024-03-05-hello.md", """
        ---
        layout: default
        title: Hello Site Mode
        categories: [notes]
        ---
        First paragraph.
        """)


def hugo_site(root):
    _write(root, "hugo.toml", 'baseURL = "http://example.org/"\ntitle = "Tiny"\n')
    _write(root, "layouts/_default/single.html",
           "<html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n")
    _write(root, "layouts/index.html", "<html><body>home</body></html>\n")
    return _write(root, "content/posts/Hello-Hugo.md", """
        ---
        title: Hello Hugo Mode
        date: 2024-03-05
        ---
        First paragraph.
        """)


def js(qtbot, view, expression: str):
    box: list = []
    view.page().runJavaScript(expression, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def page_text(qtbot, view) -> str:
    return js(qtbot, view, "document.body ? document.body.innerText : ''") or ""


def launch(qtbot, settings, path, tmp_path):
    from editor.ui import launch as launch_app

    win = launch_app([str(path)], settings=settings, recovery_dir=tmp_path / "recovery")
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: getattr(win, "site_preview", None) is not None, timeout=20_000)
    qtbot.waitUntil(lambda: win.services.site.current is not None, timeout=20_000)
    return win


def append_and_save(win, text):
    editor = win.body_editor
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText(text)
    editor.setTextCursor(cursor)
    assert win.save(force=True)


def close(win):
    win.session.flush()
    win.session.new()
    win.close()
    win.deleteLater()


def run_site_mode(qtbot, win, title, url_part, edit, break_it=None):
    """The whole round: switch, page, save, (error), kill, quit; returns the last server's group."""
    mode = win.site_preview
    assert not mode.on and mode.server.pid is None  # nothing starts before the writer asks
    shown: list = []
    mode.pageShown.connect(shown.append)
    mode.bar.site.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT)
    assert url_part in shown[-1]
    assert win.actions.site_preview.isChecked()
    assert mode.view.isVisible() and not win.preview.isVisible()
    assert title in page_text(qtbot, mode.view)

    # An edit, saved: the page reloads once the generator has rebuilt it.
    append_and_save(win, f"\n{edit}\n")
    qtbot.waitUntil(lambda: edit in page_text(qtbot, mode.view), timeout=WAIT)

    if break_it is not None:
        text, line = break_it
        append_and_save(win, text)
        qtbot.waitUntil(lambda: any(d.rule == "site-build" for d in win.problems_panel.diagnostics), timeout=WAIT)
        error = next(d for d in win.problems_panel.diagnostics if d.rule == "site-build")
        assert error.line == line, (error, win.session.document.text)
        # Mended and saved: the error goes with the next build.
        cursor = win.body_editor.document().find(text.strip())
        cursor.removeSelectedText()
        assert win.save(force=True)
        qtbot.waitUntil(lambda: not any(d.rule == "site-build" for d in win.problems_panel.diagnostics),
                        timeout=WAIT)

    # The server killed comes back, and the page with it.
    first, ready = mode.server.pid, []
    mode.server.ready.connect(lambda base: ready.append((base, len(shown))))
    os.killpg(first, signal.SIGKILL)
    qtbot.waitUntil(lambda: bool(ready) and mode.server.pid not in (None, first), timeout=WAIT)
    base, count = ready[0]
    qtbot.waitUntil(lambda: len(shown) > count and shown[-1].startswith(base + "/"), timeout=WAIT)
    assert title in page_text(qtbot, mode.view)
    return mode.server.pid


@needs_jekyll
def test_jekyll_site_mode_end_to_end(qtbot, settings, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    # A save with a validation error asks first: yes, save (the generator judges).
    monkeypatch.setattr("editor.ui.dialogs.confirm_save_with_errors", lambda *a, **k: True)
    root = tmp_path / "jsite"
    post = jekyll_site(root)
    long_post = _write(root, "_posts/2024-04-01-long.md", "---\nlayout: default\ntitle: Long Post\n---\n"
                       + "".join(f"Paragraph {i} of a long post.\n\n" for i in range(300)))
    win = launch(qtbot, settings, post, tmp_path)
    try:
        # The body starts on line 6 ("First paragraph."); the edit puts a blank
        # line and "Edited in Jekyll" under it: the broken tag is on line 9
        # (Jekyll says line 4, counting from the body).
        pgid = run_site_mode(qtbot, win, "Hello Site Mode", "/notes/2024/03/05/hello/",
                             "Edited in Jekyll", ("{% if %}\n", 9))
        assert str(root) in settings.get("preview/site_mode")
        assert win.site_preview.log.toPlainText().count("Server running") >= 2

        # Another post opened: its page; an edit saved keeps the page's scroll position.
        mode = win.site_preview
        assert win.open_path(long_post)
        qtbot.waitUntil(lambda: (mode.page_url or "").endswith("/2024/04/01/long/")
                        and "Long Post" in page_text(qtbot, mode.view), timeout=WAIT)
        js(qtbot, mode.view, "window.scrollTo(0, 1500); window.scrollY")
        qtbot.waitUntil(lambda: js(qtbot, mode.view, "window.scrollY") == 1500, timeout=5000)
        append_and_save(win, "\nThe long post, edited.\n")
        qtbot.waitUntil(lambda: "The long post, edited." in page_text(qtbot, mode.view), timeout=WAIT)
        qtbot.waitUntil(lambda: abs(js(qtbot, mode.view, "window.scrollY") - 1500) <= 2, timeout=5000)

        # A server that cannot start again (the post breaks the build) says so;
        # the save that mends the post starts it.
        append_and_save(win, "{% if %}\n")
        qtbot.waitUntil(lambda: any(d.rule == "site-build" for d in win.problems_panel.diagnostics), timeout=WAIT)
        os.killpg(mode.server.pid, signal.SIGKILL)
        qtbot.waitUntil(lambda: "server stopped" in mode.bar.message.text(), timeout=WAIT)
        assert mode.server.pid is None and mode.view.isHidden() and win.preview.isVisible()
        shown: list = []
        mode.pageShown.connect(shown.append)
        cursor = win.body_editor.document().find("{% if %}")
        cursor.removeSelectedText()
        assert win.save(force=True)
        qtbot.waitUntil(lambda: bool(shown) and mode.view.isVisible(), timeout=WAIT)
        assert "The long post, edited." in page_text(qtbot, mode.view)
        pgid = mode.server.pid
    finally:
        close(win)
    qtbot.waitUntil(lambda: not group_alive(pgid), timeout=10_000)
    assert group_members(pgid) == []
    left = list((tmp_path / "run" / "galley" / "servers").glob("*.json"))
    assert not left, (pgid, [p.read_text() for p in left])


@needs_hugo
def test_hugo_site_mode_end_to_end_and_remembered(qtbot, settings, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    root = tmp_path / "hsite"
    post = hugo_site(root)
    win = launch(qtbot, settings, post, tmp_path)
    try:
        # Hugo names the file, line and column: the unknown shortcode is on line 8.
        pgid = run_site_mode(qtbot, win, "Hello Hugo Mode", "/posts/hello-hugo/", "Edited in Hugo",
                             ("{{< galley-no-such-shortcode >}}\n", 8))
    finally:
        close(win)
    qtbot.waitUntil(lambda: not group_alive(pgid), timeout=10_000)

    # Remembered for this site: the next window opens it in Site mode.
    win = launch(qtbot, settings, post, tmp_path)
    try:
        mode = win.site_preview
        assert mode.on and win.actions.site_preview.isChecked()
        qtbot.waitUntil(lambda: mode.view is not None and mode.view.isVisible(), timeout=WAIT)
        assert "Hello Hugo Mode" in page_text(qtbot, mode.view)
        pgid = mode.server.pid
        # Back to Fast: the fast preview shows again.
        mode.bar.fast.click()
        assert not mode.on and win.preview.isVisible() and not mode.view.isVisible()
        assert str(root) not in settings.get("preview/site_mode")
        # A post outside the site has no page there: said, with the fast preview.
        mode.bar.site.click()
        qtbot.waitUntil(lambda: mode.view.isVisible(), timeout=WAIT)
        loose = _write(tmp_path, "notes/loose.md", "---\ntitle: Loose\n---\nText\n")
        assert win.open_path(loose)
        qtbot.waitUntil(lambda: "not in a Jekyll or Hugo site" in mode.bar.message.text(), timeout=10_000)
        assert mode.view.isHidden() and win.preview.isVisible()
        # The site closes (a new post): its server goes with it.
        assert group_alive(pgid)
        win.session.new()
        qtbot.waitUntil(lambda: not group_alive(pgid), timeout=WAIT)
        assert mode.server.pid is None and win.preview.isVisible()
    finally:
        close(win)
    qtbot.waitUntil(lambda: not group_alive(pgid), timeout=10_000)


def test_no_generator_is_said_plainly_with_the_command(qtbot, settings, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    settings.set("serve/hugo", str(tmp_path / "no-such-hugo"))
    post = hugo_site(tmp_path / "hsite")
    win = launch(qtbot, settings, post, tmp_path)
    try:
        mode = win.site_preview
        mode.bar.site.click()
        qtbot.waitUntil(lambda: "not installed" in mode.bar.message.text(), timeout=10_000)
        assert "apt install hugo" in mode.bar.message.text()
        assert win.preview.isVisible() and mode.server.pid is None
    finally:
        close(win)


@pytest.mark.skipif(shutil.which("bundle") is None, reason="Bundler is not installed (apt install bundler)")
def test_missing_gems_are_said_with_bundle_install(qtbot, settings, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    root = tmp_path / "gsite"
    post = jekyll_site(root)
    _write(root, "Gemfile", 'source "https://rubygems.org"\ngem "jekyll"\ngem "galley-no-such-gem-xyz"\n')
    win = launch(qtbot, settings, post, tmp_path)
    try:
        mode = win.site_preview
        mode.bar.site.click()
        qtbot.waitUntil(lambda: "bundle install" in mode.bar.message.text(), timeout=WAIT)
        assert "gems" in mode.bar.message.text()
        assert win.preview.isVisible()
    finally:
        close(win)
