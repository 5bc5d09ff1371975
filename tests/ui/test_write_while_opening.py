"""A write to the post while the window opens, before the file watcher is up.

At start-up the post is read before the first paint and the watcher comes up
after it (with the rest of the services): a write in between sent its events
to nobody. The watcher looks at the disk when it starts watching, so the
writer still gets the new text (clean buffer) or the banner (dirty buffer).
"""

from __future__ import annotations

import sys

import pytest

from tests.ui.test_external_changes import LONG_POST, external_write

TIMEOUT = 10000  # the services attach 0.5-2.5 s after the first paint


@pytest.fixture
def late_watcher(monkeypatch):
    """Start-up as in the real app: the watching module is not loaded yet, so
    the window installs it after the first paint (an earlier test's window
    would otherwise have loaded it, and build_window installs it at once)."""
    import editor.ui

    monkeypatch.delitem(sys.modules, "editor.ui.disk.external_changes", raising=False)
    monkeypatch.delattr(editor.ui, "external_changes", raising=False)


@pytest.fixture
def opening(qtbot, settings, late_watcher, post, tmp_path):
    from editor.ui import launch

    post.write_text(LONG_POST, encoding="utf-8")
    windows = []

    def open_window():
        w = launch([str(post)], settings=settings, recovery_dir=tmp_path / "recovery")
        windows.append(w)
        return w

    yield open_window
    for w in windows:
        w.session.new()  # nothing unsaved: closing must not ask
        w.close()
        if w.services.external_changes is not None:
            w.services.external_changes.watcher.close()


def test_write_before_the_watcher_starts_reloads_the_clean_buffer(qtbot, opening, post):
    win = opening()
    assert win.services.external_changes is None  # the watcher is not up yet: the gap is open
    external_write(post, LONG_POST + "Written while the window opened.\n")

    qtbot.waitUntil(lambda: win.body_editor.toPlainText().endswith("Written while the window opened.\n"),
                    timeout=TIMEOUT)
    assert not win.session.modified
    win.session.save()  # the buffer now knows the disk version: no conflict


def test_write_before_the_watcher_starts_shows_the_banner_over_unsaved_text(qtbot, opening, post):
    win = opening()
    assert win.services.external_changes is None
    editor = win.body_editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText("my first words")
    editor.flush()
    assert win.session.modified
    theirs = LONG_POST.replace("Line 5 ", "Line five ")
    external_write(post, theirs)

    qtbot.waitUntil(lambda: win.services.external_changes is not None
                    and win.services.external_changes.banner.mode == "changed", timeout=TIMEOUT)
    assert win.services.external_changes.banner.isVisible()
    assert editor.toPlainText().endswith("my first words")
    assert post.read_text(encoding="utf-8") == theirs  # nothing written over theirs
