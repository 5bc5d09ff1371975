"""editor.core.disk.storage: atomic saves, conflicts, and real failures.

The failures are made real where this machine allows: a full tmpfs, a
read-only remount, `chattr +i`, an unprivileged subprocess, removed folders.
Root ignores permission bits, so those checks use what does stop root.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.disk import storage
from editor.core.disk.storage import (
    ConflictError,
    Fingerprint,
    StorageError,
    is_temp_file,
    read_bytes,
    save,
    save_bytes,
)

REPO = Path(__file__).resolve().parents[2]
POST = "---\ntitle: 저장 시험\ntags: [한국어, 테스트]\n---\n\n본문입니다.\n".encode()
EDITED = POST.replace("본문".encode(), "고친 본문".encode())
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if is_temp_file(p) or ".galley" in p.name)


def write_post(path: Path, data: bytes = POST) -> Fingerprint:
    path.write_bytes(data)
    fingerprint = Fingerprint.of_path(path)
    assert fingerprint is not None
    return fingerprint


# -- fingerprints -------------------------------------------------------------


def test_fingerprint_of_path_and_bytes(tmp_path):
    post = tmp_path / "글.md"
    assert Fingerprint.of_path(post) is None
    post.write_bytes(POST)
    on_disk = Fingerprint.of_path(post)
    from_bytes = Fingerprint.of_bytes(POST)
    assert on_disk.size == len(POST) == from_bytes.size
    assert on_disk.sha256 == from_bytes.sha256
    assert on_disk.mtime_ns == os.stat(post).st_mtime_ns
    assert on_disk.same_content(from_bytes)
    assert not on_disk.same_content(Fingerprint.of_bytes(EDITED))


def test_read_bytes_errors(tmp_path):
    with pytest.raises(StorageError, match="no such file"):
        read_bytes(tmp_path / "missing.md")
    with pytest.raises(StorageError, match="folder"):
        read_bytes(tmp_path)
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    with pytest.raises(StorageError, match="not a regular file"):
        read_bytes(fifo)  # must not block waiting for a writer
    err = pytest.raises(StorageError, read_bytes, tmp_path / "x.md").value
    assert str(err) == f"{tmp_path / 'x.md'}: error: no such file"
    assert str(pytest.raises(StorageError, read_bytes, fifo).value) == (
        f"{fifo}: error: a FIFO (named pipe), not a regular file")
    assert str(pytest.raises(StorageError, read_bytes, "/dev/zero").value) == (
        "/dev/zero: error: a character device, not a regular file")
    assert str(pytest.raises(StorageError, read_bytes, tmp_path).value) == (
        f"{tmp_path}: error: a folder, not a regular file")


def test_read_bytes_reads_no_more_than_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "MAX_FILE_SIZE", 100_000)
    post = tmp_path / "post.md"
    post.write_bytes(b"x" * 100_000)
    assert read_bytes(post)[0] == b"x" * 100_000  # the limit itself is allowed
    post.write_bytes(b"x" * 100_001)
    with pytest.raises(StorageError, match="too large"):
        read_bytes(post)
    # A file that grows after its size was taken: the read still stops at the limit.
    fd = os.open(post, os.O_RDONLY)
    try:
        with pytest.raises(StorageError, match="too large"):
            storage._read_capped(post, fd, 10)
        assert os.lseek(fd, 0, os.SEEK_CUR) == 100_001
    finally:
        os.close(fd)


# -- saving -----------------------------------------------------------------


def test_save_new_file_and_fingerprint(tmp_path):
    post = tmp_path / "new.md"
    fingerprint = save_bytes(post, POST, expected=None)
    assert post.read_bytes() == POST
    assert fingerprint == Fingerprint.of_path(post)
    assert leftovers(tmp_path) == []
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(post.stat().st_mode) == 0o666 & ~umask


def test_save_over_loaded_file(tmp_path):
    post = tmp_path / "post.md"
    loaded = write_post(post)
    saved = save(post, EDITED, loaded)
    assert post.read_bytes() == EDITED
    assert saved.same_content(Fingerprint.of_bytes(EDITED))
    # The new fingerprint is what the next save must present.
    again = save(post, POST, saved)
    assert post.read_bytes() == POST and again == Fingerprint.of_path(post)
    assert leftovers(tmp_path) == []


def test_new_file_refuses_to_clobber_existing(tmp_path):
    post = tmp_path / "post.md"
    write_post(post, b"someone else's post\n")
    with pytest.raises(ConflictError, match="already exists") as info:
        save_bytes(post, POST, expected=None)
    assert info.value.current.same_content(Fingerprint.of_bytes(b"someone else's post\n"))
    assert post.read_bytes() == b"someone else's post\n"
    save_bytes(post, POST, expected=None, force=True)
    assert post.read_bytes() == POST


def test_change_on_disk_is_a_conflict_unless_forced(tmp_path):
    post = tmp_path / "post.md"
    loaded = write_post(post)
    post.write_bytes(POST + "다른 사람이 추가함\n".encode())
    with pytest.raises(ConflictError, match="changed on disk") as info:
        save_bytes(post, EDITED, loaded)
    assert isinstance(info.value, StorageError)
    assert info.value.expected == loaded
    assert post.read_bytes().endswith("추가함\n".encode())  # their change survives
    assert leftovers(tmp_path) == []
    save_bytes(post, EDITED, loaded, force=True)
    assert post.read_bytes() == EDITED


def test_same_size_change_is_found_by_hash(tmp_path):
    post = tmp_path / "post.md"
    loaded = write_post(post, b"title: aaaa\n")
    post.write_bytes(b"title: bbbb\n")
    os.utime(post, ns=(loaded.mtime_ns + 5_000_000, loaded.mtime_ns + 5_000_000))
    with pytest.raises(ConflictError):
        save_bytes(post, b"title: cccc\n", loaded)


def test_touch_without_change_is_not_a_conflict(tmp_path):
    post = tmp_path / "post.md"
    loaded = write_post(post)
    later = loaded.mtime_ns + 3_000_000_000
    os.utime(post, ns=(later, later))
    save_bytes(post, EDITED, loaded)
    assert post.read_bytes() == EDITED


def test_deleted_on_disk_is_a_conflict_unless_forced(tmp_path):
    post = tmp_path / "post.md"
    loaded = write_post(post)
    post.unlink()
    with pytest.raises(ConflictError, match="deleted") as info:
        save_bytes(post, EDITED, loaded)
    assert info.value.current is None
    assert not post.exists()
    save_bytes(post, EDITED, loaded, force=True)
    assert post.read_bytes() == EDITED


def test_mode_is_kept(tmp_path):
    post = tmp_path / "post.md"
    loaded = write_post(post)
    os.chmod(post, 0o640)
    loaded = Fingerprint.of_path(post)
    save_bytes(post, EDITED, loaded)
    assert stat.S_IMODE(post.stat().st_mode) == 0o640
    os.chmod(post, 0o604)
    save_bytes(post, POST, Fingerprint.of_path(post))
    assert stat.S_IMODE(post.stat().st_mode) == 0o604


def test_owner_is_kept_when_root_saves(tmp_path):
    if not IS_ROOT:
        pytest.skip("only root can save a file owned by someone else")
    post = tmp_path / "post.md"
    post.write_bytes(POST)
    os.chown(post, 65534, 65534)
    save_bytes(post, EDITED, Fingerprint.of_path(post))
    info = post.stat()
    assert (info.st_uid, info.st_gid) == (65534, 65534)
    assert post.read_bytes() == EDITED


def test_symlink_is_written_through_and_kept(tmp_path):
    real_dir = tmp_path / "real"
    link_dir = tmp_path / "site" / "_posts"
    real_dir.mkdir()
    link_dir.mkdir(parents=True)
    target = real_dir / "post.md"
    loaded = write_post(target)
    link = link_dir / "post.md"
    link.symlink_to(os.path.relpath(target, link_dir))
    save_bytes(link, EDITED, loaded)
    assert link.is_symlink()
    assert os.readlink(link) == os.path.relpath(target, link_dir)
    assert target.read_bytes() == EDITED
    assert leftovers(real_dir) == [] and leftovers(link_dir) == []


def test_symlink_loop_is_a_clear_error(tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(StorageError) as info:
        save_bytes(a, POST, None, force=True)
    assert str(info.value).startswith(f"{a}: error: ")


def test_long_file_name(tmp_path):
    post = tmp_path / ("가" * 80 + ".md")  # 243 bytes: the temp name must be shortened
    save_bytes(post, POST, None)
    assert post.read_bytes() == POST and leftovers(tmp_path) == []


def test_removed_folder(tmp_path):
    folder = tmp_path / "site" / "_posts"
    folder.mkdir(parents=True)
    post = folder / "post.md"
    loaded = write_post(post)
    shutil.rmtree(tmp_path / "site")
    for force in (False, True):
        with pytest.raises(StorageError, match="the folder no longer exists") as info:
            save_bytes(post, EDITED, loaded, force=force)
        assert str(info.value) == f"{post}: error: cannot save: the folder no longer exists"
    assert not (tmp_path / "site").exists()


def test_folder_in_the_way(tmp_path):
    (tmp_path / "post.md").mkdir()
    with pytest.raises(StorageError, match="folder"):
        save_bytes(tmp_path / "post.md", POST, None, force=True)


def test_read_only_file_is_refused_even_for_root(tmp_path):
    post = tmp_path / "post.md"
    post.write_bytes(POST)
    os.chmod(post, 0o444)
    loaded = Fingerprint.of_path(post)
    for force in (False, True):
        with pytest.raises(StorageError, match="the file is read-only"):
            save_bytes(post, EDITED, loaded, force=force)
    assert post.read_bytes() == POST
    assert stat.S_IMODE(post.stat().st_mode) == 0o444
    assert leftovers(tmp_path) == []


def test_immutable_file_fails_for_real(tmp_path):
    if not IS_ROOT or shutil.which("chattr") is None:
        pytest.skip("chattr +i needs root and e2fsprogs")
    post = tmp_path / "post.md"
    loaded = write_post(post)
    result = subprocess.run(["chattr", "+i", str(post)], capture_output=True, text=True)
    if result.returncode:
        pytest.skip(f"this filesystem has no immutable flag: {result.stderr.strip()}")
    try:
        with pytest.raises(StorageError, match="permission denied") as info:
            save_bytes(post, EDITED, loaded)
        assert isinstance(info.value.cause, OSError)
        assert info.value.cause.errno == errno.EPERM
    finally:
        subprocess.run(["chattr", "-i", str(post)], check=True)
    assert post.read_bytes() == POST
    assert leftovers(tmp_path) == []


_AS_NOBODY = textwrap.dedent(
    """
    import json, os, sys
    sys.path.insert(0, sys.argv[1])
    from editor.core.disk.storage import Fingerprint, StorageError, save_bytes
    post = sys.argv[2]
    # Drop root only now: the interpreter lives in root's 0700 home.
    if os.geteuid() == 0:
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)
    try:
        save_bytes(post, b"changed", Fingerprint.of_path(post))
        print(json.dumps({"saved": True}))
    except StorageError as exc:
        print(json.dumps({"saved": False, "error": str(exc), "errno": exc.cause and exc.cause.errno}))
    """
)


@pytest.mark.parametrize(
    "folder_mode, file_mode",
    [
        # A folder the user may not write to, holding a file anyone may
        # write: the temp file cannot be created.
        (0o755, 0o666),
        # A folder anyone may write to, holding a file only its owner may
        # write: the rename would get past the file's mode, so save checks.
        (0o777, 0o644),
    ],
)
def test_permission_denied_for_real_unprivileged(folder_mode, file_mode):
    if not IS_ROOT and file_mode == 0o644:
        pytest.skip("needs a file owned by another user (run as root)")
    # tmp_path's parents are root-only (0700), so use a fresh /tmp folder.
    folder = Path(tempfile.mkdtemp(prefix="galley-perm-"))
    try:
        post = folder / "post.md"
        post.write_bytes(POST)
        os.chmod(post, file_mode)
        os.chmod(folder, folder_mode if IS_ROOT else 0o555)
        out = subprocess.run(
            [sys.executable, "-c", _AS_NOBODY, str(REPO), str(post)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert out.returncode == 0, out.stderr
        result = json.loads(out.stdout)
        assert result == {
            "saved": False,
            "error": f"{post}: error: cannot save: permission denied",
            "errno": errno.EACCES,
        }
        assert post.read_bytes() == POST
        assert leftovers(folder) == []
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)


@pytest.fixture
def small_fs(tmp_path):
    """A real 64 KiB tmpfs (root only; skipped where mounting is not allowed)."""
    if not IS_ROOT:
        pytest.skip("mounting a small tmpfs needs root")
    mount = tmp_path / "small"
    mount.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_disk_full_for_real(small_fs):
    post = small_fs / "post.md"
    original = ("가나다라마바사\n" * 1900).encode()  # ~41 KB of the 64 KiB
    loaded = write_post(post, original)
    with pytest.raises(StorageError, match="the disk is full") as info:
        save_bytes(post, original.replace("가".encode(), "하".encode()), loaded)
    assert info.value.cause.errno == errno.ENOSPC
    assert post.read_bytes() == original
    assert leftovers(small_fs) == []
    # Once there is room again, the same save succeeds.
    save_bytes(post, b"short\n", loaded)
    assert post.read_bytes() == b"short\n"


def test_read_only_filesystem_for_real(small_fs):
    post = small_fs / "post.md"
    loaded = write_post(post)
    result = subprocess.run(
        ["mount", "-o", "remount,ro", str(small_fs)], capture_output=True, text=True
    )
    if result.returncode:
        pytest.skip(f"cannot remount read-only: {result.stderr.strip()}")
    with pytest.raises(StorageError, match="the file system is read-only"):
        save_bytes(post, EDITED, loaded)
    assert post.read_bytes() == POST


class _Failing(storage._Ops):
    def __init__(self, step: str, code: int) -> None:
        self.step, self.code = step, code

    def _fail(self, step):
        if step == self.step:
            raise OSError(self.code, os.strerror(self.code))

    def open(self, *args):
        self._fail("open")
        return os.open(*args)

    def write(self, fd, data):
        self._fail("write")
        return os.write(fd, data[:7])  # short writes must be continued

    def fsync(self, fd):
        self._fail("fsync")
        return os.fsync(fd)

    def replace(self, src, dst):
        self._fail("replace")
        return os.replace(src, dst)


@pytest.mark.parametrize("step", ["open", "write", "fsync", "replace"])
def test_injected_disk_full_at_each_step(tmp_path, monkeypatch, step):
    post = tmp_path / "post.md"
    loaded = write_post(post)
    monkeypatch.setattr(storage, "_ops", _Failing(step, errno.ENOSPC))
    with pytest.raises(StorageError) as info:
        save_bytes(post, EDITED, loaded)
    assert str(info.value) == f"{post}: error: cannot save: the disk is full"
    assert post.read_bytes() == POST
    assert leftovers(tmp_path) == []


def test_short_writes_are_completed(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "_ops", _Failing("none", 0))
    post = tmp_path / "post.md"
    save_bytes(post, EDITED * 3, None)
    assert post.read_bytes() == EDITED * 3


@settings(max_examples=50, deadline=None)
@given(first=st.binary(max_size=2048), second=st.binary(max_size=2048))
def test_any_bytes_save_and_read_back(first, second):
    with tempfile.TemporaryDirectory() as folder:
        post = Path(folder) / "post.md"
        written = save_bytes(post, first, None)
        data, read = read_bytes(post)
        assert data == first and read == written
        rewritten = save_bytes(post, second, read)
        assert post.read_bytes() == second
        assert rewritten == Fingerprint.of_path(post)
        assert sorted(os.listdir(folder)) == ["post.md"]


# -- with the document model ------------------------------------------------


def test_load_and_failed_save_leave_document_untouched(tmp_path):
    pytest.importorskip("editor.core.post.document", reason="editor.core.post.document not written yet")
    post = tmp_path / "post.md"
    post.write_bytes(POST)
    doc, loaded = storage.load(post)
    assert loaded == Fingerprint.of_path(post)
    assert doc.to_bytes() == POST
    doc.set("title", "바뀐 제목")
    before = (doc.to_bytes(), doc.revision)
    os.chmod(post, 0o444)
    with pytest.raises(StorageError):
        save(post, doc, loaded)
    assert (doc.to_bytes(), doc.revision) == before
    os.chmod(post, 0o644)
    saved = save(post, doc, Fingerprint.of_path(post))
    assert post.read_bytes() == before[0] and saved.size == len(before[0])


def test_load_binary_names_the_file(tmp_path):
    pytest.importorskip("editor.core.post.document", reason="editor.core.post.document not written yet")
    from editor.core.post.errors import DecodeError

    png = tmp_path / "image.md"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(DecodeError) as info:
        storage.load(png)
    assert info.value.format().startswith(f"{png}:")
    assert info.value.rule == "binary-file"
