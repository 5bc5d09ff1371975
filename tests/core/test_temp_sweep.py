"""Temp files left by a killed save: swept at the next open or save, and only those.

A real child process saves the post and is stopped in the middle of the write
(its own `storage._ops.write` announces it and waits on stdin), then SIGKILLed
or let go; the parent opens or saves the post and looks at the folder.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from editor.core.disk import storage, temp_files
from editor.core.disk.storage import Fingerprint, is_temp_file

REPO = Path(__file__).resolve().parents[2]
POST = "---\ntitle: 저장 시험\n---\n\n본문입니다.\n".encode() * 200
EDITED = POST.replace("본문".encode(), "고친 본문".encode())

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and pids as on POSIX")

# Saves EDITED over the post, pausing after the first chunk is in the temp file.
_SAVER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    from editor.core.disk import storage

    real_write = storage._ops.write
    paused = []

    def write(fd, view):
        if paused:
            return real_write(fd, view)
        paused.append(real_write(fd, view[:100]))
        print("PAUSED", flush=True)
        sys.stdin.readline()
        return paused[0]

    storage._ops.write = write
    path = sys.argv[2]
    storage.save_bytes(path, open(sys.argv[3], "rb").read(), storage.Fingerprint.of_path(path))
    print("SAVED", flush=True)
    """
)


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if is_temp_file(p))


def paused_save(post: Path, tmp_path: Path) -> subprocess.Popen:
    """A child process in the middle of saving EDITED over `post`."""
    edited = tmp_path / "edited.bin"
    edited.write_bytes(EDITED)
    child = subprocess.Popen(
        [sys.executable, "-c", _SAVER, str(REPO), str(post), str(edited)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert child.stdout.readline() == "PAUSED\n"
    return child


def killed_save(post: Path, tmp_path: Path) -> str:
    """Kill a save half-way; the temp file it leaves (asserted to be there)."""
    child = paused_save(post, tmp_path)
    child.kill()  # SIGKILL: no finally, no cleanup
    child.wait(10)  # reaped: a zombie would still answer kill(pid, 0)
    assert child.returncode == -signal.SIGKILL
    left = temps(post.parent)
    assert len(left) == 1 and left[0].startswith(f".{post.name[:50]}")
    return left[0]


@pytest.fixture
def post(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    path = site / "글.md"
    path.write_bytes(POST)
    return path


def test_open_after_a_killed_save_removes_its_temp_file(post, tmp_path):
    killed_save(post, tmp_path)
    doc, _ = storage.load(post)
    assert temps(post.parent) == []
    assert post.read_bytes() == POST and doc.to_bytes() == POST


def test_save_after_a_killed_save_removes_its_temp_file(post, tmp_path):
    killed_save(post, tmp_path)
    storage.save_bytes(post, EDITED, Fingerprint.of_path(post))
    assert temps(post.parent) == []
    assert post.read_bytes() == EDITED


def test_a_live_save_keeps_its_temp_file_and_completes(post, tmp_path):
    child = paused_save(post, tmp_path)
    try:
        live = temps(post.parent)
        assert len(live) == 1
        storage.load(post)  # the writer is alive: its temp file is not stale
        assert temps(post.parent) == live
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.stdout.readline() == "SAVED\n"
    finally:
        child.kill()
        child.wait(10)
    assert temps(post.parent) == [] and post.read_bytes() == EDITED


def test_a_link_is_swept_beside_its_target(post, tmp_path):
    killed_save(post, tmp_path)
    link = tmp_path / "link.md"
    link.symlink_to(post)
    storage.load(link)
    assert temps(post.parent) == []


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def test_only_our_stale_temp_files_are_removed(post, tmp_path):
    folder = post.parent
    dead_pid = killed_save(post, tmp_path).split(".")[-3].split("-")[1]
    me = temp_files.host_tag()
    name = post.name
    kept = {
        # another machine's save in a synced folder: its pid means nothing here
        f".{name}.0badc0de-{dead_pid}.0123abcd.galley-tmp": b"x",
        # a name without the writer, as older releases wrote: kept while recent
        f".{name}.89abcdef.galley-tmp": b"x",
        # this machine, a pid that runs (ours)
        f".{name}.{me}-{os.getpid()}.0123abcd.galley-tmp": b"x",
        # look-alikes that are not temp files of this post
        f".{name}.notes.galley-tmp": b"x",
        f".{name}.{me}-{dead_pid}.0123abcd.galley-tmp.bak": b"x",
        f".other.md.{me}-{dead_pid}.0123abcd.galley-tmp": b"x",
        f"{name}.{me}-{dead_pid}.0123abcd.galley-tmp": b"x",
    }
    for extra, data in kept.items():
        (folder / extra).write_bytes(data)
    old_notes = folder / f".{name}.notes2.galley-tmp"
    old_notes.write_bytes(b"x")
    _age(old_notes, 2 * temp_files.STALE_AFTER)
    # not regular files, even with our exact pattern and a dead writer
    (folder / f".{name}.{me}-{dead_pid}.11111111.galley-tmp").mkdir()
    (folder / f".{name}.{me}-{dead_pid}.22222222.galley-tmp").symlink_to(post)
    swept_old = folder / f".{name}.0badc0de-{dead_pid}.33333333.galley-tmp"
    swept_old.write_bytes(b"x")
    _age(swept_old, 2 * temp_files.STALE_AFTER)
    swept_legacy = folder / f".{name}.44444444.galley-tmp"
    swept_legacy.write_bytes(b"x")
    _age(swept_legacy, 2 * temp_files.STALE_AFTER)

    storage.load(post)

    left = {p.name for p in folder.iterdir()}
    assert set(kept) <= left
    assert old_notes.name in left
    assert f".{name}.{me}-{dead_pid}.11111111.galley-tmp" in left
    assert f".{name}.{me}-{dead_pid}.22222222.galley-tmp" in left
    assert swept_old.name not in left and swept_legacy.name not in left
    # the killed save's own file is gone; everything else is as it was
    assert left == set(kept) | {
        name, old_notes.name,
        f".{name}.{me}-{dead_pid}.11111111.galley-tmp",
        f".{name}.{me}-{dead_pid}.22222222.galley-tmp",
    }
    assert post.read_bytes() == POST


def test_a_long_name_is_matched_as_it_was_cut(tmp_path):
    post = tmp_path / ("가" * 80 + ".md")  # 242 bytes: the temp name cuts it
    post.write_bytes(POST)
    killed_save(post, tmp_path)
    storage.load(post)
    assert temps(tmp_path) == []


def test_a_sweep_that_cannot_list_the_folder_does_not_stop_a_save(tmp_path):
    assert temp_files.sweep(tmp_path / "missing" / "post.md") == []
