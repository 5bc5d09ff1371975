"""Reading and safely writing post files.

A save must never leave a half-written post behind, never silently overwrite
a change someone else made on disk, and never touch the document in memory
when it fails. So:

- `save` writes a temp file in the target's own folder (same filesystem, so
  the final rename is atomic), flushes and fsyncs it, gives it the original
  file's mode, `os.replace`s it over the target and fsyncs the folder; on any
  failure the temp file is removed and the old file is left as it was.
- A save killed half-way leaves its temp file; the next open or save of
  that post removes it once no live save can own it (`editor.core.disk.temp_files`).
- A symlinked post is written through to its resolved target; the link stays
  a link. (A hard-linked post is replaced, not rewritten in place: the other
  names keep the old bytes -- the price of never writing a file half-way.)
- Every load and save returns a `Fingerprint` of the bytes on disk; `save`
  compares the disk with the fingerprint the caller last saw and raises
  `ConflictError` if the file changed, was deleted, or (for a new file)
  already exists, unless `force`.
- Failures are `StorageError`s naming the file and the cause in words a
  writer understands ("the disk is full"), never a traceback.

All writes go through the module-level `_ops` object so a test can inject a
fault (e.g. `OSError(ENOSPC)` from `write`) at an exact step.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Union

from editor.core.disk import temp_files
from editor.core.disk.hashing import sha256_hex
from editor.core.disk.temp_files import TEMP_SUFFIX, is_temp_file
from editor.core.post.errors import DecodeError

if TYPE_CHECKING:  # document imports encoding; keep storage importable alone
    from editor.core.post.document import Document

__all__ = [
    "ConflictError",
    "Fingerprint",
    "StorageError",
    "TEMP_SUFFIX",
    "check_regular_file",
    "is_temp_file",
    "load",
    "read_bytes",
    "refuse_special",
    "save",
    "save_bytes",
    "special_kind",
    "sweep_temp_files",
]

#: Posts bigger than this are refused on load: it is not a post, and reading
#: it whole could exhaust memory.
MAX_FILE_SIZE = 256 * 1024 * 1024

PathLike = Union[str, "os.PathLike[str]"]


class StorageError(Exception):
    """A file could not be read or written; `message` says why in plain words."""

    def __init__(self, path: PathLike, cause: BaseException | None, message: str) -> None:
        super().__init__(message)
        self.path = str(path)
        self.cause = cause
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: error: {self.message}"


class ConflictError(StorageError):
    """The file on disk is not the one the caller last saw (changed, deleted,
    or -- for a new file -- already there). Catch it before `StorageError`."""

    def __init__(
        self,
        path: PathLike,
        message: str,
        expected: "Fingerprint | None",
        current: "Fingerprint | None",
    ) -> None:
        super().__init__(path, None, message)
        self.expected = expected
        #: What is on disk now (None: the file is gone).
        self.current = current


@dataclass(frozen=True)
class Fingerprint:
    """What a file's bytes were at a moment: enough to tell whether it changed."""

    size: int
    mtime_ns: int
    #: Hex SHA-256 of the whole content.
    sha256: str

    @classmethod
    def of_bytes(cls, data: bytes, mtime_ns: int = 0) -> "Fingerprint":
        return cls(len(data), mtime_ns, sha256_hex(data))

    @classmethod
    def of_path(cls, path: PathLike) -> "Fingerprint | None":
        """Fingerprint of the file at `path` (following links); None if missing.

        Raises `StorageError` if it exists but cannot be read.
        """
        try:
            _, fingerprint = read_bytes(path)
        except _Missing:
            return None
        return fingerprint

    def same_content(self, other: "Fingerprint | None") -> bool:
        return other is not None and (self.size, self.sha256) == (other.size, other.sha256)


class _Missing(StorageError):
    """The file does not exist (a StorageError, so `load` callers see one)."""


class _Ops:
    """The system calls a save makes; replace `storage._ops` to inject faults."""

    open = staticmethod(os.open)
    write = staticmethod(os.write)
    fsync = staticmethod(os.fsync)
    replace = staticmethod(os.replace)
    sleep = staticmethod(time.sleep)


_ops = _Ops()

#: On Windows a file that another program holds open without letting others
#: delete it (a search indexer, a virus scanner, a sync client reading the post
#: just saved) cannot be replaced: `os.replace` raises PermissionError until
#: that program lets go, usually within milliseconds. The save then waits and
#: tries again, for about a second in all, before it reports the file as in use.
#: Elsewhere a PermissionError is the folder's permissions, and final.
RETRY_LOCKED_REPLACE = os.name == "nt"
REPLACE_WAITS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4)


def read_bytes(path: PathLike) -> tuple[bytes, Fingerprint]:
    """The bytes of a regular file and their fingerprint, read once.

    Anything else is refused before it is opened: opening a FIFO blocks until
    a writer comes, /dev/zero never ends, a tape device may rewind on open.
    """
    try:
        refuse_special(path, os.stat(path).st_mode)
        # O_NONBLOCK: should a FIFO replace the file between the stat and
        # here, the open returns at once, and the fstat below refuses it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            info = os.fstat(fd)
            refuse_special(path, info.st_mode)
            if info.st_size > MAX_FILE_SIZE:
                raise _too_large(path, info.st_size)
            data = _read_capped(path, fd, info.st_size)
        finally:
            os.close(fd)
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise _Missing(path, exc, "no such file") from exc
    except OSError as exc:
        raise _error(path, exc, "cannot read") from exc
    # Size from the bytes we hold (the file may have grown since fstat).
    return data, Fingerprint(len(data), info.st_mtime_ns, sha256_hex(data))


def read_head(path: PathLike, size: int) -> bytes | None:
    """The first `size` bytes of a regular file; None for anything else (a
    FIFO found in a site folder would block a plain open until a writer
    came) or when it cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return os.read(fd, size)
    except OSError:
        return None
    finally:
        os.close(fd)


def special_kind(mode: int) -> str | None:
    """What a file of this `st_mode` is, in words, when not a regular file
    ("a FIFO (named pipe)", "a folder", ...); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, words in _SPECIAL_KINDS:
        if test(mode):
            return words
    return "a special file"


_SPECIAL_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def refuse_special(path: PathLike, mode: int) -> None:
    """Raise `StorageError` ("path: error: a FIFO (named pipe), not a regular
    file") unless `mode` is a regular file's."""
    kind = special_kind(mode)
    if kind is not None:
        raise StorageError(path, None, f"{kind}, not a regular file")


def check_regular_file(path: PathLike) -> None:
    """Raise `StorageError` unless `path` is (or links to) a regular file:
    missing ("no such file"), a folder, a FIFO, a device, a socket."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise _Missing(path, exc, "no such file") from exc
    except OSError as exc:
        raise _error(path, exc, "cannot read") from exc
    refuse_special(path, mode)


def _read_capped(path: PathLike, fd: int, size: int) -> bytes:
    """All of the file, in one read of its size (and a byte more, to see its
    end); never more than MAX_FILE_SIZE, even from a file growing meanwhile."""
    parts = []
    total = 0
    want = size + 1
    while True:
        part = os.read(fd, min(want, MAX_FILE_SIZE + 1 - total))
        if not part:
            return b"".join(parts) if len(parts) != 1 else parts[0]
        parts.append(part)
        total += len(part)
        if total > MAX_FILE_SIZE:
            raise _too_large(path, total)
        want = 1 << 16


def _too_large(path: PathLike, size: int) -> StorageError:
    return StorageError(path, None, f"cannot read: the file is too large ({size // 2**20} MB)")


def load(path: PathLike) -> "tuple[Document, Fingerprint]":
    """Read a post: its `Document` and the fingerprint of the bytes read.

    Raises `StorageError` (missing, unreadable, a folder) or `DecodeError`
    (binary / undecodable; its `.path` set to `path`).
    """
    from editor.core.post.document import Document

    data, fingerprint = read_bytes(path)
    sweep_temp_files(path)
    try:
        return Document.from_bytes(data, path), fingerprint
    except DecodeError as exc:
        raise exc.with_path(path)


def save(
    path: PathLike,
    doc_or_bytes: "Document | bytes",
    expected: Fingerprint | None,
    force: bool = False,
) -> Fingerprint:
    """Atomically write a document (or bytes) to `path`; see `save_bytes`.

    The document is only read (`to_bytes()`), never changed, whatever happens.
    An `EncodeError` (a character the file's encoding cannot hold) propagates.
    """
    if isinstance(doc_or_bytes, (bytes, bytearray, memoryview)):
        data = bytes(doc_or_bytes)
    else:
        data = doc_or_bytes.to_bytes()
    return save_bytes(path, data, expected, force)


def save_bytes(
    path: PathLike, data: bytes, expected: Fingerprint | None, force: bool = False
) -> Fingerprint:
    """Atomically replace the file at `path` with `data`; the new fingerprint.

    `expected` is the fingerprint the caller last saw of this file, or None
    for "a new file". Unless `force`, raises `ConflictError` if the disk no
    longer matches it. Raises `StorageError` for anything the system refuses.
    """
    target = _resolve(path)
    folder = target.parent
    try:
        if not stat.S_ISDIR(os.stat(folder).st_mode):
            raise StorageError(path, None, f"cannot save: {folder} is not a folder")
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise StorageError(path, exc, "cannot save: the folder no longer exists") from exc
    except OSError as exc:
        raise _error(path, exc, "cannot save") from exc

    current = _lstat_target(path, target)
    if not force:
        _check_conflict(path, target, current, expected)
    if current is not None:
        if stat.S_ISDIR(current.st_mode):
            raise StorageError(path, None, "cannot save: a folder is in the way")
        if not current.st_mode & 0o222:
            # Root could replace it anyway; a read-only mark is the writer's
            # wish, so we respect it for everyone.
            raise StorageError(path, None, "cannot save: the file is read-only")
        if not os.access(target, os.W_OK):
            raise _why_not_writable(path, target)

    # Before writing: a dead save's leftover copy may be what fills the disk.
    temp_files.sweep(target)
    temp: str | None = None
    try:
        fd, temp = _create_temp(folder, target.name)
        try:
            _copy_owner_and_mode(fd, current)
            _write_all(fd, data)
            _ops.fsync(fd)
        finally:
            os.close(fd)
        _replace(temp, target)
        temp = None
        _fsync_folder(folder)
        mtime_ns = os.stat(target).st_mtime_ns
    except OSError as exc:
        raise _error(path, exc, "cannot save") from exc
    finally:
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass
    return Fingerprint(len(data), mtime_ns, sha256_hex(data))


def sweep_temp_files(path: PathLike) -> list[str]:
    """Remove the temp files that killed saves of the post at `path` left
    (see `editor.core.disk.temp_files`); the paths removed. Never raises."""
    try:
        target = os.path.realpath(path)
    except (OSError, RuntimeError):
        return []
    return temp_files.sweep(target)


# -- helpers ---------------------------------------------------------------


def _resolve(path: PathLike) -> Path:
    """Where the bytes really go: a symlink's final target (made absolute)."""
    try:
        return Path(os.path.realpath(path, strict=False))
    except (OSError, RuntimeError) as exc:  # symlink loop
        raise StorageError(path, exc, "cannot save: the link points to itself") from exc


def _lstat_target(path: PathLike, target: Path) -> os.stat_result | None:
    try:
        return os.stat(target)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise _error(path, exc, "cannot save") from exc


def _check_conflict(
    path: PathLike, target: Path, current: os.stat_result | None, expected: Fingerprint | None
) -> None:
    if expected is None:
        if current is not None:
            raise ConflictError(
                path, "a file already exists there; not overwriting it", None, _fp(path, target)
            )
        return
    if current is None:
        raise ConflictError(path, "the file was deleted on disk since it was opened", expected, None)
    if current.st_size == expected.size and current.st_mtime_ns == expected.mtime_ns:
        return  # same size and time: taken as unchanged without reading it
    now = _fp(path, target)
    # Size or time differ: the content decides (a `touch` is not a conflict).
    if not expected.same_content(now):
        raise ConflictError(path, "the file changed on disk since it was opened", expected, now)


def _fp(path: PathLike, target: Path) -> Fingerprint | None:
    try:
        return Fingerprint.of_path(target)
    except StorageError as exc:
        raise StorageError(path, exc.cause, f"cannot save: {exc.message}") from exc


def _why_not_writable(path: PathLike, target: Path) -> StorageError:
    """The real reason `target` is not writable (EACCES, EPERM for an
    immutable file, EROFS), found by opening it for writing without
    truncating; the atomic rename would otherwise get past it."""
    try:
        os.close(os.open(target, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0)))
    except OSError as exc:
        return _error(path, exc, "cannot save")
    return StorageError(path, None, "cannot save: permission denied")


def _create_temp(folder: Path, name: str) -> tuple[int, str]:
    """Create a new, unique, empty temp file beside the target; (fd, path)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temp = os.path.join(folder, temp_files.new_temp_name(name))
        try:
            # 0o666 minus the umask: what a new file would get from any editor.
            return _ops.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "could not create a unique temp file", str(folder))


def _copy_owner_and_mode(fd: int, current: os.stat_result | None) -> None:
    if current is None:
        return  # a new file keeps the umask-derived mode
    try:  # only root may give a file away; for others it is already theirs
        if (current.st_uid, current.st_gid) != (os.geteuid(), os.getegid()):
            os.fchown(fd, current.st_uid, current.st_gid)
    except (OSError, AttributeError):
        pass
    if hasattr(os, "fchmod"):  # not on Windows before Python 3.13, where the mode is only
        os.fchmod(fd, stat.S_IMODE(current.st_mode))  # the read-only flag (refused above)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = _ops.write(fd, view)
        view = view[written:]


def _replace(temp: str, target: Path) -> None:
    """`os.replace`, waiting for a program that holds `target` open (see REPLACE_WAITS)."""
    if not RETRY_LOCKED_REPLACE:
        _ops.replace(temp, target)
        return
    for wait in REPLACE_WAITS:
        try:
            _ops.replace(temp, target)
            return
        except PermissionError:
            _ops.sleep(wait)
    try:
        _ops.replace(temp, target)
    except PermissionError as exc:
        raise PermissionError("the file is open in another program; close it there and save again") from exc


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every filesystem allows this."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        _ops.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_CAUSES = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied (the file or folder may be locked or immutable)",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.ENOENT: "the folder no longer exists",
    errno.ENOTDIR: "the folder no longer exists",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EIO: "an input/output error occurred (is the disk still connected?)",
}


def _error(path: PathLike, exc: OSError, doing: str) -> StorageError:
    cause = _CAUSES.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()
    return StorageError(path, exc, f"{doing}: {cause}")
