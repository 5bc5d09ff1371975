"""The temp files a save writes beside a post, and sweeping the ones a dead save left.

A save writes `.<post name>.<writer>.<random>.galley-tmp` in the post's own
folder and renames it over the post. A save killed between the two (a crash,
SIGKILL, a power cut) leaves that file behind, where it shows in `git status`
and, being a full copy of the post, can fill a disk. `sweep` removes such
leftovers of one post; the storage layer calls it when the post is opened and
when it is saved.

What is swept, and why only that:

- Only in the post's own folder, only regular files (never a link or a
  folder), and only names that match this post's temp pattern exactly, so a
  file that merely looks like ours, or another post's temp, is left alone.
- `<writer>` is `<host>-<pid>`: a short hash of this machine's name and the
  saving process's id. A temp from this machine whose process no longer runs
  belongs to no live save: swept at once. The host part matters because a
  synced or network folder (Dropbox, NFS) shows temps of saves running on
  other machines, whose pids mean nothing here; deleting one would make that
  save fail. A reused pid only keeps a dead save's file longer (the safe way).
- Any other temp of the post (another machine's, an older release's name
  without a writer, one whose pid cannot be checked) is swept only once it
  is older than `STALE_AFTER`. A save writes and renames its temp within
  seconds, and its mtime moves with every write; only the final fsync can
  take long on a slow disk, never an hour.
"""

from __future__ import annotations

import os
import re
import stat
import time

from editor.core.disk.hashing import sha256_hex, token_hex

__all__ = ["STALE_AFTER", "TEMP_SUFFIX", "is_temp_file", "new_temp_name", "sweep"]

#: Temp files end with this: hidden (site generators skip dotfiles) and
#: recognisable, so a file watcher can ignore them.
TEMP_SUFFIX = ".galley-tmp"
#: A temp file whose writer cannot be shown dead is swept after this long.
STALE_AFTER = 60 * 60.0
#: Room left for the rest of the name within NAME_MAX (255 bytes).
_STEM_BYTES = 160

_host_tag: str | None = None


def host_tag() -> str:
    """8 hex digits naming this machine in temp names (the same in every process)."""
    global _host_tag
    if _host_tag is None:
        # uname, not socket.gethostname: the same name without importing socket.
        node = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
        _host_tag = sha256_hex(node.encode("utf-8", "surrogateescape"))[:8]
    return _host_tag


def _stem(name: str) -> str:
    # Cut the UTF-8 bytes, then drop a character split in half.
    return os.fsencode(name)[:_STEM_BYTES].decode("utf-8", errors="ignore") or "post"


def new_temp_name(name: str) -> str:
    """A fresh temp file name for the post called `name` (not a path)."""
    return f".{_stem(name)}.{host_tag()}-{os.getpid()}.{token_hex(4)}{TEMP_SUFFIX}"


def is_temp_file(path: str | os.PathLike) -> bool:
    """True for the temp files a save creates (for file watchers to ignore)."""
    name = os.path.basename(os.fspath(path))
    return name.startswith(".") and name.endswith(TEMP_SUFFIX)


def _pattern(name: str) -> re.Pattern[str]:
    # The writer part is optional: names made before it existed are ours too.
    return re.compile(
        re.escape(f".{_stem(name)}.")
        + r"(?:(?P<host>[0-9a-f]{8})-(?P<pid>[1-9][0-9]{0,6})\.)?[0-9a-f]{8}"
        + re.escape(TEMP_SUFFIX)
    )


def sweep(target: str | os.PathLike) -> list[str]:
    """Remove the stale temp files of the post at `target` (its real path,
    links resolved); the paths removed. Never raises: a sweep that cannot
    list, check or remove a file leaves it for the next one."""
    folder, name = os.path.split(os.fspath(target))
    prefix = f".{_stem(name)}."
    try:
        names = [n for n in os.listdir(folder or ".") if n.startswith(prefix)]
    except OSError:
        return []
    if not names:
        return []
    pattern = _pattern(name)
    removed = []
    now = time.time()
    for candidate in names:
        match = pattern.fullmatch(candidate)
        if match is None:
            continue
        path = os.path.join(folder, candidate)
        try:
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode) or not _stale(match, info, now):
                continue
            os.unlink(path)
        except OSError:
            continue
        removed.append(path)
    return removed


def _stale(match: re.Match[str], info: os.stat_result, now: float) -> bool:
    if now - info.st_mtime > STALE_AFTER:
        return True
    pid = match["pid"]
    return pid is not None and match["host"] == host_tag() and not _running(int(pid))


def _running(pid: int) -> bool:
    """Whether a process with this id runs here; True when it cannot be told."""
    if os.name != "posix":
        return True  # os.kill(pid, 0) would terminate it on Windows
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: it runs, as another user
        return True
    return True
