"""Crash safety with real processes killed by SIGKILL.

- the app, killed mid-edit: its unsaved text is in the recovery store, and the
  next start offers it back (with a diff) and restores it into the editor;
- a process looping saves through editor.core.disk.storage.save, killed at random
  points many times: the post is always one complete version, never empty or
  truncated.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable

# -- the app killed mid-edit ---------------------------------------------------

APP_CHILD = textwrap.dedent(
    """
    # The app's own start-up path: file watching is attached after the
    # first paint (app.attach_services), as in `galley POST`.
    import sys
    from editor.ui import launch
    from editor.ui.settings import Settings
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    post, ini, rec = sys.argv[1:4]
    w = launch([post], settings=Settings.at(ini), recovery_dir=rec)

    def on_autosaved(path):
        print("AUTOSAVED", flush=True)

    def type_text():
        if w.services.external_changes is None:  # not attached yet: try again shortly
            QTimer.singleShot(50, type_text)
            return
        w.services.external_changes.recovery.autosaved.connect(on_autosaved)
        w.body_editor.setFocus()
        w.body_editor.moveCursor(QTextCursor.MoveOperation.End)
        QTest.keyClicks(w.body_editor, "Typed before the crash.")
        print("TYPED", flush=True)

    QTimer.singleShot(0, type_text)
    QApplication.instance().exec()
    """
)


def _read_line(proc, want: str, timeout: float) -> None:
    """Read the child's stdout until a line equals `want` (select, not sleep)."""
    deadline = time.monotonic() + timeout
    buffer = b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break
        chunk = os.read(proc.stdout.fileno(), 4096)
        if not chunk:
            break
        buffer += chunk
        if want.encode() in buffer.splitlines():
            return
    raise AssertionError(f"child did not print {want!r} in {timeout}s; got {buffer!r}")


def test_app_killed_mid_edit_offers_the_unsaved_text_back(qtbot, tmp_path, post, settings):
    recovery = tmp_path / "recovery"
    original = post.read_bytes()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    with open(tmp_path / "child-stderr.txt", "wb") as err:
        proc = subprocess.Popen(
            [PYTHON, "-c", APP_CHILD, str(post), str(tmp_path / "child.ini"), str(recovery)],
            stdout=subprocess.PIPE, stderr=err, cwd=ROOT, env=env,
        )
        try:
            _read_line(proc, "TYPED", 60)
            _read_line(proc, "AUTOSAVED", 30)  # the autosave interval after the last key
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    assert post.read_bytes() == original  # the kill happened before any save

    # Next start: the real window offers the recovered text.
    from editor.ui import launch

    win = launch([str(post)], settings=settings, recovery_dir=recovery)
    try:
        qtbot.waitUntil(lambda: win.services.external_changes is not None
                        and win.services.external_changes.recovery.dialog is not None
                        and win.services.external_changes.recovery.dialog.isVisible(), timeout=10000)
        ctl = win.services.external_changes
        dialog = ctl.recovery.dialog
        assert len(dialog.entries) == 1 and dialog.entries[0].post_path == post
        # The diff against the disk shows exactly the typed line as the change.
        changed = [(r.tag, r.left, r.right) for r in dialog.table.rows if r.tag != "equal"]
        assert changed == [("delete", "Typed before the crash.", "")]

        with qtbot.waitSignal(ctl.recovery.restored, timeout=5000):
            qtbot.mouseClick(dialog.restore_button, _left())
        assert win.body_editor.toPlainText().endswith("- 목록 둘\nTyped before the crash.")
        assert win.session.modified
        assert post.read_bytes() == original  # restoring is an unsaved edit, not a save
        win.session.save()
        assert post.read_text(encoding="utf-8").rstrip("\n").endswith("Typed before the crash.")
        assert ctl.recovery.store.entries() == []
    finally:
        win.session.new()
        win.close()


def _start_after_services(qtbot, post, settings, recovery):
    """A window as `galley POST` starts it, once its recovery offer has run."""
    from editor.ui import launch

    w = launch([str(post)], settings=settings, recovery_dir=recovery)
    # The offer is made when the watching is installed, once the preview is up.
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.services.external_changes is not None, timeout=10000)
    return w


def _close(w):
    w.session.new()
    w.close()


def test_a_running_galleys_live_text_is_not_offered_until_it_dies(qtbot, tmp_path, post, settings):
    recovery = tmp_path / "recovery"
    other = post.with_name("2024-03-06-other.md")
    other.write_text("---\ntitle: Other\n---\nOther post.\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    with open(tmp_path / "child-stderr.txt", "wb") as err:
        proc = subprocess.Popen(
            [PYTHON, "-c", APP_CHILD, str(post), str(tmp_path / "child.ini"), str(recovery)],
            stdout=subprocess.PIPE, stderr=err, cwd=ROOT, env=env,
        )
        try:
            _read_line(proc, "TYPED", 60)
            _read_line(proc, "AUTOSAVED", 30)
            # The first Galley is editing, unsaved: a second one on the same
            # post, then one on another post, must not call its text "left".
            for path in (post, other):
                w = _start_after_services(qtbot, path, settings, recovery)
                try:
                    rec = w.services.external_changes.recovery
                    assert rec.dialog is None
                    assert rec.offer(w) is None
                    assert len(rec.store.entries()) == 1  # it is there, only not ours to offer
                finally:
                    _close(w)
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)

    # Now it is gone: the next start offers its text.
    w = _start_after_services(qtbot, other, settings, recovery)
    try:
        qtbot.waitUntil(lambda: w.services.external_changes.recovery.dialog is not None
                        and w.services.external_changes.recovery.dialog.isVisible(), timeout=5000)
        [entry] = w.services.external_changes.recovery.dialog.entries
        assert entry.post_path == post
        assert w.services.external_changes.recovery.store.read(entry).endswith("Typed before the crash.")
    finally:
        _close(w)


def test_two_windows_on_one_post_keep_their_own_recovery_copies(qtbot, tmp_path, post, settings):
    recovery = tmp_path / "recovery"
    first = _start_after_services(qtbot, post, settings, recovery)
    second = None
    try:
        rec1 = first.services.external_changes.recovery
        rec1.set_autosave_interval(50)
        with qtbot.waitSignal(rec1.autosaved, timeout=5000):
            first.body_editor.setFocus()
            qtbot.keyClicks(first.body_editor, "first window ")
        second = _start_after_services(qtbot, post, settings, recovery)
        rec2 = second.services.external_changes.recovery
        assert rec2.dialog is None and rec2.offer(second) is None
        # The second window edits and saves the same post: the first one's
        # copy (its only protection against a crash) stays as it was.
        rec2.set_autosave_interval(50)
        with qtbot.waitSignal(rec2.autosaved, timeout=5000):
            second.body_editor.setFocus()
            qtbot.keyClicks(second.body_editor, "second window ")
        assert len(rec1.store.entries()) == 2
        second.session.save(force=True)
        [entry] = rec1.store.entries()
        assert rec1.store.read(entry).startswith("---") and "first window " in rec1.store.read(entry)
        assert rec2.offer(second) is None
    finally:
        _close(first)
        if second is not None:
            _close(second)
    # Both closed normally: nothing is left to offer.
    later = _start_after_services(qtbot, post, settings, recovery)
    try:
        assert later.services.external_changes.recovery.store.orphaned() == []
    finally:
        _close(later)


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


# -- saves killed at random points ---------------------------------------------

# A small Python process (no Qt, one thread) that forks one saver per request:
# forking is ~1 ms where starting Python is ~100, so 200 kills take seconds.
SAVE_HELPER = textwrap.dedent(
    """
    import os, sys
    from editor.core.disk import storage

    def version(i):
        return (f"---\\ntitle: version {i}\\n---\\n" + f"line {i}\\n" * (2000 + 1500 * i)).encode()

    path, count = sys.argv[1], int(sys.argv[2])
    versions = [version(i) for i in range(count)]
    for line in sys.stdin:
        start = int(line)
        pid = os.fork()
        if pid == 0:  # the saver: loop until killed
            i = start
            while True:
                storage.save(path, versions[i % count], None, force=True)
                i += 1
        print(pid, flush=True)
        os.waitpid(pid, 0)
        print("DEAD", flush=True)
    """
)


def _version(i: int) -> bytes:
    return (f"---\ntitle: version {i}\n---\n" + f"line {i}\n" * (2000 + 1500 * i)).encode()


def test_saves_killed_at_random_points_never_leave_a_partial_post(tmp_path):
    count, kills = 8, 200
    versions = {_version(i) for i in range(count)}
    post = tmp_path / "post.md"
    post.write_bytes(_version(0))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    rng = random.Random(6)
    seen = set()
    helper = subprocess.Popen([PYTHON, "-c", SAVE_HELPER, str(post), str(count)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT, env=env)
    try:
        for k in range(kills):
            helper.stdin.write(f"{k % count}\n".encode())
            helper.stdin.flush()
            pid = int(helper.stdout.readline())
            time.sleep(rng.uniform(0, 0.02))  # picks the kill point; not waiting for an outcome
            os.kill(pid, signal.SIGKILL)
            assert helper.stdout.readline() == b"DEAD\n"
            data = post.read_bytes()
            assert data in versions, f"kill {k}: post is {len(data)} bytes, not one complete version"
            seen.add(data)
    finally:
        helper.kill()
        helper.wait(10)
    # The kills landed while saves were really happening, at varied points.
    assert len(seen) >= count // 2
    # What a kill can leave is a hidden temp file, never a second post.
    leftovers = [p.name for p in tmp_path.iterdir() if p != post]
    assert all(name.startswith(".post.md.") and name.endswith(".galley-tmp") for name in leftovers)


# -- the recovery dialog and autosave, in-process --------------------------------


@pytest.fixture
def win(qtbot, settings, post, tmp_path):
    from editor.ui import launch

    w = launch([str(post)], settings=settings, recovery_dir=tmp_path / "recovery")
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.services.external_changes is not None, timeout=10000)
    yield w
    w.session.new()
    w.close()


def left_by_a_previous_run(rec):
    """A store over the same folder whose entries no running window owns
    (as a killed run's, once its lock is gone, or an older version's)."""
    from editor.core.disk.recovery import RecoveryStore

    return RecoveryStore(rec.store.folder)


def test_focus_loss_autosaves_at_once(qtbot, win):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    rec = win.services.external_changes.recovery
    assert rec.store.entries() == []
    win.body_editor.setFocus()
    qtbot.keyClicks(win.body_editor, "typed then switched apps")
    # The 2 s idle timer has not run out; leaving the app writes the copy now.
    with qtbot.waitSignal(rec.autosaved, timeout=1000):
        QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    [entry] = rec.store.entries()
    assert "typed then switched apps" in rec.store.read(entry)


def test_clean_buffer_is_never_autosaved(qtbot, win):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    rec = win.services.external_changes.recovery
    with qtbot.assertNotEmitted(rec.autosaved, wait=100):
        QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert rec.store.entries() == []


def test_discard_in_the_dialog_removes_the_entry_and_keeps_the_post(qtbot, win, post, tmp_path):
    rec = win.services.external_changes.recovery
    other = post.with_name("2024-03-06-other.md")
    other.write_text("---\ntitle: Other\n---\nOn disk.\n", encoding="utf-8")
    left_by_a_previous_run(rec).write(other, "---\ntitle: Other\n---\nOn disk. And recovered words.\n")
    dialog = rec.offer(win)
    assert dialog is not None and len(dialog.entries) == 1
    assert "recovered" in dialog.note.text() or "unsaved" in dialog.note.text()
    qtbot.mouseClick(dialog.discard_button, _left())
    assert rec.store.entries() == []
    assert not dialog.isVisible()
    assert other.read_text(encoding="utf-8") == "---\ntitle: Other\n---\nOn disk.\n"
    assert win.session.path == post  # nothing was opened


def test_restoring_a_post_deleted_since_writes_it_back(qtbot, win, post, tmp_path):
    rec = win.services.external_changes.recovery
    gone = post.with_name("2024-03-07-gone.md")
    left_by_a_previous_run(rec).write(gone, "---\ntitle: Gone\n---\nOnly in the recovery store.\n")
    dialog = rec.offer(win)
    assert "no longer on disk" in dialog.note.text()
    with qtbot.waitSignal(rec.restored, timeout=5000):
        qtbot.mouseClick(dialog.restore_button, _left())
    assert gone.read_text(encoding="utf-8") == "---\ntitle: Gone\n---\nOnly in the recovery store.\n"
    assert win.session.path == gone
    assert win.body_editor.toPlainText() == "Only in the recovery store.\n"


def test_later_keeps_the_recovered_text_while_the_post_is_edited_and_saved(qtbot, win, post):
    rec = win.services.external_changes.recovery
    left_by_a_previous_run(rec).write(post, post.read_text(encoding="utf-8") + "Recovered sentence.\n")
    dialog = rec.offer(win)
    qtbot.mouseClick(dialog.later_button, _left())
    # This session edits and saves the same post...
    rec.set_autosave_interval(50)
    with qtbot.waitSignal(rec.autosaved, timeout=5000):
        win.body_editor.setFocus()
        qtbot.keyClicks(win.body_editor, "new words ")
    win.session.save()
    # ...and the older recovered text is still offered.
    [entry] = rec.store.entries()
    assert rec.store.read(entry).endswith("Recovered sentence.\n")
    dialog = rec.offer(win)
    with qtbot.waitSignal(rec.restored, timeout=5000):
        qtbot.mouseClick(dialog.restore_button, _left())
    assert win.body_editor.toPlainText().endswith("Recovered sentence.\n")
    assert win.session.modified
    # Restoring used up the set-aside copy; the buffer's own autosave replaces it.
    assert [e.file.name for e in rec.store.entries()] == [rec.store.path_for(post).name]


def test_untitled_buffer_is_autosaved_and_restored_as_a_new_post(qtbot, win, tmp_path):
    rec = win.services.external_changes.recovery
    win.session.new()
    rec.set_autosave_interval(50)
    with qtbot.waitSignal(rec.autosaved, timeout=5000):
        win.body_editor.setFocus()
        qtbot.keyClicks(win.body_editor, "A draft never saved.")
    [entry] = rec.store.entries()
    assert entry.untitled
    assert str(entry.post_path).startswith(str(tmp_path / "recovery"))  # a name in the store only
    assert rec.store.read(entry).endswith("A draft never saved.")

    # Leaving the untitled buffer (after the window's prompt) discards its copy.
    win.session.open(tmp_path / "site" / "_posts" / "2024-03-05-hello.md")
    assert rec.store.entries() == []

    # What a killed previous run leaves: an untitled entry under its own key.
    left_by_a_previous_run(rec).write(rec.store.untitled_path("previous-run"), "---\ntitle: Draft\n---\nA draft never saved.",
                    untitled=True)
    dialog = rec.offer(win)
    assert dialog.list.item(0).text().startswith("Untitled")
    with qtbot.waitSignal(rec.restored, timeout=5000):
        qtbot.mouseClick(dialog.restore_button, _left())
    assert win.session.path is None and win.session.modified
    assert win.body_editor.toPlainText().endswith("A draft never saved.")
    # Save As gives it a file; the recovery copy goes.
    target = tmp_path / "saved-draft.md"
    win.session.save(target)
    assert rec.store.entries() == []
    assert target.read_text(encoding="utf-8") == "---\ntitle: Draft\n---\nA draft never saved."
