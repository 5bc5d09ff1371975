"""FileWatcher with real files and real watchdog events (no mocks)."""

from __future__ import annotations

import os
import time

import pytest

from editor.core.disk import storage
from editor.core.disk.storage import Fingerprint
from editor.ui.disk.file_watcher import FileWatcher

TIMEOUT = 3000


@pytest.fixture
def watcher(qtbot):
    w = FileWatcher()
    yield w
    w.close()


@pytest.fixture
def post(tmp_path):
    p = tmp_path / "site" / "post.md"
    p.parent.mkdir()
    p.write_text("---\ntitle: A\n---\nbody\n")
    return p


BURST = """
import sys, time
path, template = sys.argv[1], sys.argv[2]
last, gaps = None, []
for i in range(100):
    with open(path, "w", encoding="utf-8") as f:
        f.write(template.format(i=i))
    now = time.monotonic()
    if last is not None:
        gaps.append(now - last)
    last = now
    time.sleep(0.008)
# The pauses between writes, in ms: on a loaded machine the writer itself may
# not run for longer than the watcher's quiet period, which ends a burst.
print(" ".join(str(round(g * 1000)) for g in gaps))
"""


def burst_writer(path, template):
    """100 writes of `template` (with {i}) in about a second, by another process."""
    import subprocess
    import sys

    return subprocess.Popen([sys.executable, "-c", BURST, str(path), template], stdout=subprocess.PIPE, text=True)


def pauses_over(writer, ms: int) -> int:
    """How many of a finished burst writer's pauses were longer than `ms`."""
    return sum(1 for gap in writer.stdout.read().split() if int(gap) > ms)


def record(signal):
    got = []
    signal.connect(lambda *args: got.append(args))
    return got


def test_external_write_is_reported_once(qtbot, watcher, post):
    watcher.watch(post)
    changed = record(watcher.fileChanged)
    with qtbot.waitSignal(watcher.fileChanged, timeout=TIMEOUT) as blocker:
        post.write_text("---\ntitle: B\n---\nbody\n")
    assert blocker.args == [str(post)]
    qtbot.wait(300)  # longer than the quiet period: no second report of the same write
    assert changed == [(str(post),)]


def test_temp_file_and_rename_is_a_change_and_the_watch_survives(qtbot, watcher, post):
    watcher.watch(post)
    changed = record(watcher.fileChanged)
    for round_ in range(3):  # several replaces: the watch must re-arm every time
        tmp = post.with_name(f".post.md.swp{round_}")
        tmp.write_text(f"new version {round_}\n")
        with qtbot.waitSignal(watcher.fileChanged, timeout=TIMEOUT) as blocker:
            os.replace(tmp, post)
        assert blocker.args == [str(post)]
    qtbot.wait(300)
    assert len(changed) == 3


def test_vim_style_backup_rename_then_write_is_a_change_not_a_move(qtbot, watcher, post):
    watcher.watch(post)
    moved = record(watcher.fileMoved)
    deleted = record(watcher.fileDeleted)
    with qtbot.waitSignal(watcher.fileChanged, timeout=TIMEOUT):
        os.rename(post, str(post) + "~")
        post.write_text("written by vim\n")
    assert moved == [] and deleted == []


def test_delete_is_reported(qtbot, watcher, post):
    watcher.watch(post)
    with qtbot.waitSignal(watcher.fileDeleted, timeout=TIMEOUT) as blocker:
        post.unlink()
    assert blocker.args == [str(post)]
    # Recreated afterwards (git checkout): a change again.
    with qtbot.waitSignal(watcher.fileChanged, timeout=TIMEOUT) as blocker:
        post.write_text("back\n")
    assert blocker.args == [str(post)]


def test_rename_within_folder_is_followed(qtbot, watcher, post):
    watcher.watch(post)
    new = post.with_name("renamed.md")
    with qtbot.waitSignal(watcher.fileMoved, timeout=TIMEOUT) as blocker:
        os.rename(post, new)
    assert blocker.args == [str(post), str(new)]
    assert watcher.watched_paths() == [str(new)]
    with qtbot.waitSignal(watcher.fileChanged, timeout=TIMEOUT) as blocker:
        new.write_text("edited after the rename\n")
    assert blocker.args == [str(new)]


def test_move_out_of_the_folder_is_a_delete(qtbot, watcher, post, tmp_path):
    watcher.watch(post)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with qtbot.waitSignal(watcher.fileDeleted, timeout=TIMEOUT) as blocker:
        os.rename(post, elsewhere / "post.md")
    assert blocker.args == [str(post)]


def test_burst_of_100_writes_in_a_second_is_one_notification(qtbot, watcher, post):
    watcher.watch(post)
    changed = record(watcher.fileChanged)

    # Another process writes (as a sync client or script would), so the GUI
    # event loop keeps running during the burst and the writer does not
    # compete with it for the GIL.
    writer = burst_writer(post, "---\ntitle: burst\n---\nversion {i}\n")
    started = time.monotonic()
    qtbot.waitUntil(lambda: writer.poll() is not None and bool(changed), timeout=5000)
    assert writer.returncode == 0
    assert time.monotonic() - started < 3
    qtbot.wait(300)
    # One notification, unless the machine stopped the writer for longer than
    # the quiet period (which grows during a burst): then at most one more per
    # such pause.
    assert 1 <= len(changed) <= 1 + pauses_over(writer, watcher.quiet_ms)
    assert set(changed) == {(str(post),)}
    assert post.read_text().endswith("version 99\n")


def test_own_save_is_not_reported(qtbot, watcher, post):
    fp = Fingerprint.of_path(post)
    watcher.watch(post, fp)
    with qtbot.assertNotEmitted(watcher.fileChanged, wait=400):
        written = storage.save(post, b"---\ntitle: mine\n---\nsaved by us\n", fp)
        watcher.note_written(post, written)
    # ...but the next external write is.
    with qtbot.waitSignal(watcher.fileChanged, timeout=TIMEOUT):
        post.write_text("someone else\n")


def test_touch_and_identical_rewrite_are_not_changes(qtbot, watcher, post):
    watcher.watch(post)
    with qtbot.assertNotEmitted(watcher.fileChanged, wait=400):
        os.utime(post, ns=(1, 1))
        post.write_bytes(post.read_bytes())


def test_other_files_in_the_folder_are_ignored(qtbot, watcher, post):
    watcher.watch(post)
    with qtbot.assertNotEmitted(watcher.fileChanged, wait=400):
        (post.parent / "other.md").write_text("not open\n")


def test_unwatch_stops_reports(qtbot, watcher, post):
    watcher.watch(post)
    watcher.unwatch(post)
    assert watcher.watched_paths() == []
    with qtbot.assertNotEmitted(watcher.fileChanged, wait=400):
        post.write_text("nobody listens\n")



def test_a_change_before_the_watch_starts_is_reported_once(qtbot, watcher, post):
    loaded = Fingerprint.of_path(post)  # the buffer read the post...
    post.write_text("---\ntitle: B\n---\nwritten before the watch\n")  # ...then someone wrote it
    changed = record(watcher.fileChanged)
    with qtbot.waitSignal(watcher.fileChanged, timeout=TIMEOUT):
        watcher.watch(post, loaded)
    qtbot.wait(300)
    assert changed == [(str(post),)]


def test_a_delete_before_the_watch_starts_is_reported(qtbot, watcher, post):
    loaded = Fingerprint.of_path(post)
    post.unlink()
    with qtbot.waitSignal(watcher.fileDeleted, timeout=TIMEOUT):
        watcher.watch(post, loaded)


def test_watching_the_version_on_disk_reports_nothing(qtbot, watcher, post):
    loaded = Fingerprint.of_path(post)
    os.utime(post, ns=(1, 1))  # a touch is not a change
    with qtbot.assertNotEmitted(watcher.fileChanged, wait=400):
        watcher.watch(post, loaded)
