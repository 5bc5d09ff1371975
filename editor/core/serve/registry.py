"""The record of running servers, so that none outlives the app.

Each server runs in its own process group (its session: `bundle` starts
`jekyll`, which starts nothing else we could miss). Its record is a small
JSON file in the user's runtime folder naming the group, the app's pid and
the site. The app removes it when it stops the server; a record left behind
means the app died without stopping it, and the next start stops that group
(after checking that its leader is still the process the record names, so a
reused pid is never signalled).
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path


def default_folder() -> Path:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = Path(runtime) / "galley" if runtime else Path.home() / ".local" / "share" / "galley"
    return base / "servers"


def _start_time(pid: int) -> str:
    """The process's start time (clock ticks since boot): with the pid, names one process for good."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (exited, not reaped yet) no longer serves.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state != "Z"


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return any(_alive(pid) for pid in group_members(pgid))


def group_members(pgid: int) -> list[int]:
    """The live pids of process group `pgid` (from /proc)."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if len(fields) > 3 and int(fields[2]) == pgid and fields[0] != "Z":
            out.append(int(entry.name))
    return out


def stop_group(pgid: int, grace: float = 3.0) -> None:
    """SIGTERM to the group, then SIGKILL to what is left after `grace` seconds."""
    try:
        os.killpg(pgid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not group_alive(pgid):
            return
        time.sleep(0.05)
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


class Registry:
    """The records in `folder` (default: the user's runtime folder)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_folder()

    def _file(self, pgid: int) -> Path:
        return self.folder / f"{pgid}.json"

    def record(self, pgid: int, root: Path, argv) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {"pgid": pgid, "app_pid": os.getpid(), "app_start": _start_time(os.getpid()),
                "root": str(root), "argv": list(argv), "leader_start": _start_time(pgid)}
        tmp = self._file(pgid).with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, self._file(pgid))

    def forget(self, pgid: int) -> None:
        try:
            self._file(pgid).unlink()
        except FileNotFoundError:
            pass

    def records(self) -> list[dict]:
        out = []
        for file in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else ():
            try:
                data = json.loads(file.read_text(encoding="utf-8"))
                int(data["pgid"]), int(data["app_pid"])
            except (OSError, ValueError, KeyError, TypeError):
                file.unlink(missing_ok=True)
                continue
            out.append(data)
        return out

    def stop_orphans(self) -> list[int]:
        """Stop the servers whose app is gone; returns their groups. A server
        of another running Galley is left alone."""
        stopped = []
        for data in self.records():
            pgid, app_pid = int(data["pgid"]), int(data["app_pid"])
            if _alive(app_pid) and _start_time(app_pid) == data.get("app_start", ""):
                continue
            # The group's leader must still be the process recorded (same pid
            # and start time: `bundle exec` replaces its program, never its
            # start): a reused pid is another process, and only the record goes.
            if group_alive(pgid) and _start_time(pgid) == data.get("leader_start"):
                stop_group(pgid)
                stopped.append(pgid)
            self.forget(pgid)
        return stopped
