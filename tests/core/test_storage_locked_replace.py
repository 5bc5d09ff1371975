"""A save over a file that another program holds open (Windows).

On Windows `os.replace` fails with PermissionError while, say, an indexer or
a virus scanner has the post open; the save waits and tries again for about
a second. Linux lets a rename replace an open file, so no real program can
hold it here: the refusal is injected at the replace step through the
module's system-call seam (`storage._ops`), and the Windows behaviour is
switched on with `storage.RETRY_LOCKED_REPLACE`. Everything else is real: the
file, the temp file, the rename once it is allowed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor.core.disk import storage
from editor.core.disk.storage import Fingerprint, StorageError, is_temp_file, save_bytes

POST = "---\ntitle: 잠긴 파일\n---\n\n본문입니다.\n".encode()
EDITED = POST.replace("본문".encode(), "고친 본문".encode())


class _HeldOpen(storage._Ops):
    """`replace` refused `refusals` times, as Windows refuses it while another program holds the file."""

    def __init__(self, refusals: int) -> None:
        self.refusals = refusals
        self.attempts = 0
        self.waits: list[float] = []

    def replace(self, src, dst):
        self.attempts += 1
        if self.attempts <= self.refusals:
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        return os.replace(src, dst)

    def sleep(self, seconds):
        self.waits.append(seconds)


def _post(tmp_path: Path) -> tuple[Path, Fingerprint]:
    post = tmp_path / "post.md"
    post.write_bytes(POST)
    return post, Fingerprint.of_path(post)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if is_temp_file(p))


def test_a_save_waits_for_the_other_program_to_let_go(tmp_path, monkeypatch):
    post, seen = _post(tmp_path)
    held = _HeldOpen(refusals=3)
    monkeypatch.setattr(storage, "RETRY_LOCKED_REPLACE", True)
    monkeypatch.setattr(storage, "_ops", held)
    fingerprint = save_bytes(post, EDITED, seen)
    assert post.read_bytes() == EDITED
    assert fingerprint == Fingerprint.of_path(post)
    assert held.attempts == 4
    assert held.waits == list(storage.REPLACE_WAITS[:3])
    assert _leftovers(tmp_path) == []


def test_a_file_held_open_for_good_is_reported_and_left_as_it_was(tmp_path, monkeypatch):
    post, seen = _post(tmp_path)
    held = _HeldOpen(refusals=10**6)
    monkeypatch.setattr(storage, "RETRY_LOCKED_REPLACE", True)
    monkeypatch.setattr(storage, "_ops", held)
    with pytest.raises(StorageError) as info:
        save_bytes(post, EDITED, seen)
    assert str(info.value) == (
        f"{post}: error: cannot save: the file is open in another program; close it there and save again")
    assert post.read_bytes() == POST
    assert _leftovers(tmp_path) == []
    # Bounded: one try per wait and a last one, about a second of waiting in all.
    assert held.attempts == len(storage.REPLACE_WAITS) + 1
    assert 0.5 <= sum(held.waits) <= 1.5


def test_elsewhere_a_refused_replace_is_final(tmp_path, monkeypatch):
    """On Linux and macOS a PermissionError is the folder's permissions: no waiting."""
    post, seen = _post(tmp_path)
    held = _HeldOpen(refusals=1)
    monkeypatch.setattr(storage, "RETRY_LOCKED_REPLACE", False)
    monkeypatch.setattr(storage, "_ops", held)
    with pytest.raises(StorageError) as info:
        save_bytes(post, EDITED, seen)
    assert str(info.value) == f"{post}: error: cannot save: permission denied"
    assert (held.attempts, held.waits) == (1, [])
    assert post.read_bytes() == POST
    assert _leftovers(tmp_path) == []


def test_the_retry_is_on_only_where_files_can_be_held_open():
    assert storage.RETRY_LOCKED_REPLACE is (os.name == "nt")
