"""Start-up: the post's first render starts before the preview's web view
exists, is not done twice, and the preview shows the whole post."""

from __future__ import annotations

from editor.ui import launch
from editor.ui.preview_controller import PreviewController
from editor.ui.preview_view import PreviewView
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
