"""Start-up: the window's first paint shows the post's text, and what it does
not need (the front matter parsed, the form's fields, the preview) follows;
the post's first render starts before the preview's web view exists, is not
done twice, and the preview shows the whole post."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from editor.ui import launch
from editor.ui.preview.preview_controller import PreviewController
from editor.ui.preview.preview_view import PreviewView
from tests.ui.test_preview import js, wait_preview


def test_first_render_runs_before_the_view_and_is_applied_once_it_loads(window, qtbot):
    """What app.py does at start-up, step by step: the controller renders
    with no view, then the view attaches and shows that same result."""
    controller = PreviewController(window.session, window.body_editor, "light", window)
    results = []
    controller.renderer.rendered.connect(lambda rev, result, _tag: results.append(rev))
    try:
        controller.update()
        qtbot.waitUntil(lambda: bool(results), timeout=10000)  # rendered with no view at all
        view = PreviewView()
        controller.attach(view)
        qtbot.waitUntil(lambda: view.ready and view.shown_revision >= 0, timeout=10000)
        assert js(qtbot, view, "document.querySelector('#galley-body h1').textContent") == "안녕하세요"
        assert results == [window.session.document.revision]  # the first render was not redone
        view.deleteLater()
    finally:
        controller.renderer.shutdown()


def test_long_post_preview_shows_all_of_it(qtbot, settings, tmp_path):
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: T\n", encoding="utf-8")
    paragraphs = "".join(f"문단 {i}: 정적 사이트 생성기로 블로그를 운영합니다.\n\n" for i in range(600))
    post = site / "_posts" / "2024-03-05-long.md"
    post.write_text("---\ntitle: 긴 글\n---\n\n" + paragraphs + "```rust\nfn last() {}\n```\n\n마지막 문단.\n",
                    encoding="utf-8")
    assert len(post.read_text(encoding="utf-8")) > 16000  # twice the warm-up sample
    win = launch([str(post)], settings=settings, recovery_dir=tmp_path / "recovery")
    try:
        view = wait_preview(qtbot, win)
        assert js(qtbot, view, "document.querySelectorAll('#galley-body p').length") == 601
        assert js(qtbot, view, "[...document.querySelectorAll('#galley-body p')].pop().textContent") == "마지막 문단."
        assert "last" in js(qtbot, view, "document.querySelector('#galley-body pre').textContent")
    finally:
        win.close()
        win.deleteLater()


def test_the_ui_thread_waits_at_most_a_millisecond_for_the_workers_gil(window):
    import sys

    assert sys.getswitchinterval() <= 0.001


class _FirstPaint(QObject):
    """Calls `look()` at the window's first Paint event (before it paints)."""

    def __init__(self, look):
        super().__init__()
        self.look, self.seen = look, None

    def eventFilter(self, obj, ev):  # noqa: N802
        if ev.type() == QEvent.Type.Paint and self.seen is None:
            self.seen = self.look()
        return False


def test_the_first_paint_shows_the_posts_text_and_the_form_follows(qtbot, settings, post, tmp_path):
    win = launch([str(post)], settings=settings, recovery_dir=tmp_path / "recovery")
    watch = _FirstPaint(lambda: (win.body_editor.toPlainText(), win.form_panel.form.held,
                                 win.findChild(QWidget, "field:title")))
    win.installEventFilter(watch)
    try:
        qtbot.waitUntil(lambda: watch.seen is not None)
        text, held, title_field = watch.seen
        assert text.startswith("\n# 안녕하세요") and "Some English words." in text
        assert held and title_field is None  # the fields come after this paint...
        qtbot.waitUntil(lambda: win.findChild(QWidget, "field:title") is not None)
        assert not win.form_panel.form.held  # ...on their own, no other event needed
        assert win.findChild(QWidget, "field:title").edit.text() == "한국어 제목"
    finally:
        win.removeEventFilter(watch)
        win.close()
        win.deleteLater()


def test_the_form_reaches_the_screen_before_the_preview_engine_is_made(qtbot, settings, post, tmp_path):
    """Making the QWebEngineView holds the UI thread for 0.1-0.2 s: the new
    fields must have painted before it starts, not after it."""
    order = []

    class Painted(QObject):
        def eventFilter(self, obj, ev):  # noqa: N802
            if ev.type() == QEvent.Type.Paint and "fields painted" not in order:
                order.append("fields painted")
            return False

    painted = Painted()
    win = launch([str(post)], settings=settings, recovery_dir=tmp_path / "recovery")

    def watch_fields():
        title = win.findChild(QWidget, "field:title")
        if title is not None:
            for widget in [title, *title.findChildren(QWidget)]:
                widget.installEventFilter(painted)

    win.form_panel.form.rebuilt.connect(watch_fields)
    win.previewInstalled.connect(lambda _view: order.append("preview made"))
    try:
        qtbot.waitUntil(lambda: "preview made" in order, timeout=10000)
        assert order[:2] == ["fields painted", "preview made"]
    finally:
        win.close()
        win.deleteLater()


def test_a_long_posts_far_lines_are_coloured_after_the_first_paint(qtbot, settings, post, tmp_path):
    """Only the first screenfuls are coloured before the window paints; the
    slices for the rest start once the form and the preview engine are made."""
    section = "## 제목 {i}\n\n**강조** 와 `code`\n\n```python\nx = '**no**'\n```\n\n"
    post.write_text("---\ntitle: 긴 글\n---\n" + "".join(section.format(i=i) for i in range(200)),
                    encoding="utf-8")
    win = launch([str(post)], settings=settings, recovery_dir=tmp_path / "recovery")
    highlighter = win.body_editor.highlighter
    watch = _FirstPaint(lambda: highlighter.deferred_from)
    win.installEventFilter(watch)
    try:
        qtbot.waitUntil(lambda: watch.seen is not None)
        assert watch.seen == win.body_editor.colour_first
        qtbot.waitUntil(lambda: highlighter.deferred_from is None, timeout=10000)
        assert win.services.preview is not None  # the engine was made first
    finally:
        win.removeEventFilter(watch)
        win.close()
        win.deleteLater()


# The real process: what has been loaded and whether Python's collector runs,
# seen at the window's first Paint event and once the window is up.
PROBE = """
import gc, json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
import editor.ui
collecting_before = gc.isenabled()
win = editor.ui.launch([sys.argv[1]])
seen = {}
class Watch(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and "paint" not in seen:
            seen["paint"] = {"yaml": "yaml" in sys.modules, "collecting": gc.isenabled()}
        return False
watch = Watch()
win.installEventFilter(watch)
def up():
    seen["up"] = {"yaml": "yaml" in sys.modules, "collecting": gc.isenabled(),
                  "before": collecting_before}
    print(json.dumps(seen), flush=True)
    QApplication.instance().quit()
win.firstShown.connect(lambda: QTimer.singleShot(0, up))
QApplication.instance().exec()
"""


def test_before_the_first_paint_no_yaml_is_parsed_and_the_collector_rests(post, tmp_path):
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", PROBE, str(post)], capture_output=True, text=True,
                         cwd=root, env=env, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["paint"] == {"yaml": False, "collecting": False}
    assert seen["up"] == {"yaml": True, "collecting": True, "before": True}


WARMUP_PROBE = """
import json, sys
from editor.ui.platform import font_warmup
thread = font_warmup.start()
thread.join(10)
print(json.dumps({
    "done": not thread.is_alive(),
    "fontconfig loaded": "libfontconfig" in open("/proc/self/maps").read(),
    "qt loaded": any(name.startswith(("PySide6", "shiboken6")) for name in sys.modules),
    "once": font_warmup.start() is thread,
    "off the main thread": thread.name == "fontconfig set-up",
}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig's set-up is started on Linux only")
def test_fontconfig_is_set_up_on_a_thread_before_qt_is_loaded():
    """prepare_environment() starts it first; here it runs with no Qt at
    all, so it cannot be Qt's own FcInit that loaded the library."""
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", WARMUP_PROBE], capture_output=True, text=True,
                         cwd=root, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads(out.stdout) == {"done": True, "fontconfig loaded": True, "qt loaded": False,
                                      "once": True, "off the main thread": True}
