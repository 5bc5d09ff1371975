"""Crash recovery: unsaved buffers kept in a folder of the user's data.

While a buffer is dirty the UI writes its text here every few seconds of idle
(editor/ui/disk/external_changes.py); after a crash or a SIGKILL the next start
lists `entries()` and offers each one back with a diff against the disk.

Why these choices:
- The folder is passed in (the UI gives QStandardPaths AppDataLocation /
  "recovery"): never next to the post, where a static-site generator would
  publish it or git would show it.
- One file per post, named by a hash of the post's absolute path, so a post
  has at most one entry and two posts called `index.md` do not collide.
- One file holds both the metadata (a JSON header line) and the text, written
  atomically (temp file in the same folder, fsync, os.replace): a kill during
  an autosave leaves the previous complete entry, never half of one, and never
  a text without the path it belongs to. The text after the header is
  verbatim, so a person can recover it by hand with any editor.
- Each entry names its owner, the store of one running window, and the
  owner holds a lock file in `owners/` for as long as it lives. Only
  entries whose owner is gone are "did not close normally": a second
  window (or a second Galley) must not be offered the first one's live
  text. The kernel drops the lock when the process dies, however it dies,
  and a reused pid cannot fake it. An owner's entries have file names of
  their own, so two windows on one post never overwrite or discard each
  other's copy.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.core.disk.hashing import sha256_hex

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted, see _owner_is_live
    fcntl = None  # type: ignore[assignment]

_SUFFIX = ".recovery"
_MAGIC = "galley-recovery-1"
# Temp files of an interrupted write start with this; they are never entries.
_TMP_PREFIX = ".tmp-"
# Lock files of the live owners, one per running store.
_OWNERS = "owners"


@dataclass(frozen=True)
class RecoveryEntry:
    """One recovered buffer, as listed by `RecoveryStore.entries()`."""

    #: The post the text belongs to (absolute).
    post_path: Path
    #: When the text was autosaved (seconds since the epoch).
    saved_at: float
    #: The text's encoding and BOM on disk, so a restore saves it the same way.
    encoding: str
    bom: bytes
    #: Fingerprint fields (size, mtime_ns, sha256) of the disk version the
    #: buffer was based on, or None for a post never saved; compare with the
    #: disk now to tell "your edits on top of this file" from "file changed".
    based_on: dict[str, Any] | None
    #: The entry's own file in the store.
    file: Path
    #: A buffer never saved: `post_path` is only a name inside the store.
    untitled: bool = False
    #: The store (running window) that wrote it; "" for entries written
    #: without an owner (older versions, tools): those count as orphaned.
    owner: str = ""


def entry_name(post_path: str | os.PathLike[str], owner: str = "") -> str:
    """The store's file name for a post: a hash of its absolute path (and the owner's token)."""
    absolute = os.path.abspath(os.fspath(post_path))
    name = sha256_hex(absolute.encode("utf-8", "surrogatepass"))[:32]
    return (f"{name}-{owner}" if owner else name) + _SUFFIX


def new_owner_token() -> str:
    """A token for one running store: the pid (for a person reading the
    folder) and the start time, unique even when a pid is reused."""
    return f"{os.getpid()}-{time.time_ns():x}"


def _owner_is_live(lock_file: Path) -> bool:
    """Whether a store still holds `lock_file`. A dead owner's lock file is removed."""
    if fcntl is None:
        # Windows keeps an open file from being deleted: the unlink fails
        # while the owner lives, and succeeds once its process is gone.
        try:
            lock_file.unlink()
        except FileNotFoundError:
            return False
        except PermissionError:
            return True
        return False
    try:
        fd = os.open(lock_file, os.O_RDWR)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot tell: keep the text where it is rather than offer a live one
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        except OSError:
            return True
        try:
            lock_file.unlink()  # its owner is gone: tidy up while we hold it
        except OSError:
            pass
        return False
    finally:
        os.close(fd)  # closing drops our lock, if we took it


def _fingerprint_fields(fp: Any) -> dict[str, Any] | None:
    if fp is None:
        return None
    return {"size": fp.size, "mtime_ns": fp.mtime_ns, "sha256": fp.sha256}


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, suffix=_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    # Make the rename itself durable (a power cut after replace could
    # otherwise bring back the old entry, or none).
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


class RecoveryStore:
    """Recovery entries in one folder (created on first write)."""

    def __init__(self, folder: str | os.PathLike[str], *, owned: bool = False) -> None:
        """`owned`: entries carry this store's owner token and stay out of
        other stores' offers while it lives (the window's store); the lock
        is taken at the first write and released by `close()`."""
        self.folder = Path(folder)
        self.owner = new_owner_token() if owned else ""
        self._lock_fd: int | None = None

    # -- ownership -----------------------------------------------------------------

    def _lock_file(self, owner: str) -> Path:
        return self.folder / _OWNERS / f"{owner}.lock"

    def _hold_lock(self) -> None:
        if not self.owner or self._lock_fd is not None:
            return
        lock_file = self._lock_file(self.owner)
        lock_file.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                raise
        self._lock_fd = fd

    def close(self) -> None:
        """The owner closed normally: release its lock (safe to call twice).
        Entries it still has become orphaned, and are offered next time."""
        fd, self._lock_fd = self._lock_fd, None
        if fd is None:
            return
        try:
            self._lock_file(self.owner).unlink()
        except OSError:
            pass
        os.close(fd)

    def is_live(self, entry: RecoveryEntry) -> bool:
        """Whether the entry's owner (a running window) is still there."""
        if not entry.owner:
            return False
        if entry.owner == self.owner:
            return True
        return _owner_is_live(self._lock_file(entry.owner))

    def orphaned(self) -> list[RecoveryEntry]:
        """The entries whose owner is gone: what a crash or a kill left."""
        live: dict[str, bool] = {}
        found = []
        for entry in self.entries():
            if entry.owner not in live:
                live[entry.owner] = self.is_live(entry)
            if not live[entry.owner]:
                found.append(entry)
        return found

    def untitled_path(self, key: str) -> Path:
        """A stand-in post path for a buffer that has no file yet (its key:
        unique per window and buffer). It lies inside the store, never used
        as a post: a restore opens the text as a new, unsaved post."""
        return self.folder / "untitled" / f"{key}.md"

    def path_for(self, post_path: str | os.PathLike[str]) -> Path:
        return self.folder / entry_name(post_path, self.owner)

    def write(
        self,
        post_path: str | os.PathLike[str],
        text: str,
        *,
        encoding: str = "utf-8",
        bom: bytes = b"",
        based_on: Any = None,
        untitled: bool = False,
    ) -> Path:
        """Store (replace) the post's unsaved text atomically; returns the entry file.

        `based_on` is the storage.Fingerprint of the disk version the buffer
        started from (None for a new post). Raises OSError if the folder
        cannot be written: the caller reports it, this module never pops UI.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        self._hold_lock()  # before the entry exists: no one may take it for orphaned
        header = {
            "magic": _MAGIC,
            "path": os.path.abspath(os.fspath(post_path)),
            "saved_at": time.time(),
            "encoding": encoding,
            "bom": bom.hex(),
            "based_on": _fingerprint_fields(based_on),
            "untitled": untitled,
            "owner": self.owner,
        }
        # ensure_ascii keeps the header a single line whatever the path holds.
        data = (json.dumps(header, ensure_ascii=True) + "\n" + text).encode("utf-8", "surrogatepass")
        target = self.path_for(post_path)
        _atomic_write(target, data)
        return target

    def has(self, post_path: str | os.PathLike[str]) -> bool:
        return self.path_for(post_path).exists()

    def discard(self, post_path: str | os.PathLike[str]) -> bool:
        """Remove the post's entry (after a save or an explicit discard)."""
        try:
            self.path_for(post_path).unlink()
            return True
        except FileNotFoundError:
            return False

    def discard_entry(self, entry: RecoveryEntry) -> None:
        """Remove one listed entry (also a set-aside one)."""
        try:
            entry.file.unlink()
        except FileNotFoundError:
            pass

    def set_aside(self, entry: RecoveryEntry) -> RecoveryEntry:
        """Keep an entry out of the way of new autosaves of the same post.

        When the writer answers "Later" at start and then edits that post,
        the next `write` (and the `discard` after a save) must not destroy the
        older recovered text: it is renamed to a name of its own and stays
        listed until restored or discarded.
        """
        if entry.file.name != entry_name(entry.post_path, self.owner):
            return entry  # already set aside, or another owner's name: ours never replace it
        target = entry.file.with_name(
            entry.file.name[: -len(_SUFFIX)] + f"-{time.time_ns()}" + _SUFFIX)
        os.replace(entry.file, target)
        return RecoveryEntry(entry.post_path, entry.saved_at, entry.encoding, entry.bom,
                             entry.based_on, target, entry.untitled, entry.owner)

    def entries(self) -> list[RecoveryEntry]:
        """Every readable entry, oldest first. Unreadable files are skipped."""
        found: list[RecoveryEntry] = []
        try:
            files = sorted(self.folder.glob("*" + _SUFFIX))
        except OSError:
            return []
        for file in files:
            if file.name.startswith(_TMP_PREFIX):
                continue
            header = self._header(file)
            if header is None:
                continue
            found.append(
                RecoveryEntry(
                    post_path=Path(header["path"]),
                    saved_at=float(header.get("saved_at", 0.0)),
                    encoding=str(header.get("encoding", "utf-8")),
                    bom=bytes.fromhex(header.get("bom", "")),
                    based_on=header.get("based_on"),
                    file=file,
                    untitled=bool(header.get("untitled", False)),
                    owner=str(header.get("owner", "") or ""),
                )
            )
        found.sort(key=lambda e: e.saved_at)
        return found

    def read(self, entry: RecoveryEntry) -> str:
        """The recovered text, exactly as it was in the buffer."""
        data = entry.file.read_bytes()
        _, _, text = data.partition(b"\n")
        return text.decode("utf-8", "surrogatepass")

    @staticmethod
    def _header(file: Path) -> dict[str, Any] | None:
        try:
            with open(file, "rb") as f:
                line = f.readline(1 << 16)
            header = json.loads(line)
        except (OSError, ValueError):
            return None
        if not isinstance(header, dict) or header.get("magic") != _MAGIC or "path" not in header:
            return None
        return header
