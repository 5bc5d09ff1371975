"""Crash recovery: unsaved buffers kept in a folder of the user's data.

While a buffer is dirty the UI writes its text here every few seconds of idle
(editor/ui/external_changes.py); after a crash or a SIGKILL the next start
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
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.core.hashing import sha256_hex

_SUFFIX = ".recovery"
_MAGIC = "galley-recovery-1"
# Temp files of an interrupted write start with this; they are never entries.
_TMP_PREFIX = ".tmp-"


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


def entry_name(post_path: str | os.PathLike[str]) -> str:
    """The store's file name for a post: a hash of its absolute path."""
    absolute = os.path.abspath(os.fspath(post_path))
    return sha256_hex(absolute.encode("utf-8", "surrogatepass"))[:32] + _SUFFIX


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

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    def untitled_path(self, key: str) -> Path:
        """A stand-in post path for a buffer that has no file yet (its key:
        unique per window and buffer). It lies inside the store, never used
        as a post: a restore opens the text as a new, unsaved post."""
        return self.folder / "untitled" / f"{key}.md"

    def path_for(self, post_path: str | os.PathLike[str]) -> Path:
        return self.folder / entry_name(post_path)

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
        header = {
            "magic": _MAGIC,
            "path": os.path.abspath(os.fspath(post_path)),
            "saved_at": time.time(),
            "encoding": encoding,
            "bom": bom.hex(),
            "based_on": _fingerprint_fields(based_on),
            "untitled": untitled,
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
        if entry.file.name != entry_name(entry.post_path):
            return entry  # already set aside
        target = entry.file.with_name(
            entry.file.name[: -len(_SUFFIX)] + f"-{time.time_ns()}" + _SUFFIX)
        os.replace(entry.file, target)
        return RecoveryEntry(entry.post_path, entry.saved_at, entry.encoding, entry.bom,
                             entry.based_on, target, entry.untitled)

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
