"""The record of running servers, so that none outlives the app.

Each server heads its own process tree (`editor.core.processes`: on POSIX its
session and process group; `bundle` starts `jekyll`, which starts nothing else
we could miss). Its record is a small
JSON file in the user's runtime folder naming the group, the app's pid and
the site. The app removes it when it stops the server; a record left behind
means the app died without stopping it, and the next start stops that group
(after checking that its leader is still the process the record names, so a
reused pid is never signalled).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from editor.core.processes import pid_alive, start_time, stop_tree, tree_alive


def default_folder() -> Path:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        base = Path(runtime) / "galley"
    elif os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"]) / "Galley"
    else:
        base = Path.home() / ".local" / "share" / "galley"
    return base / "servers"


class Registry:
    """The records in `folder` (default: the user's runtime folder)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_folder()

    def _file(self, pgid: int) -> Path:
        return self.folder / f"{pgid}.json"

    def record(self, pgid: int, root: Path, argv) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {"pgid": pgid, "app_pid": os.getpid(), "app_start": start_time(os.getpid()),
                "root": str(root), "argv": list(argv), "leader_start": start_time(pgid)}
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
            if pid_alive(app_pid) and start_time(app_pid) == data.get("app_start", ""):
                continue
            # The group's leader must still be the process recorded (same pid
            # and start time: `bundle exec` replaces its program, never its
            # start): a reused pid is another process, and only the record goes.
            if tree_alive(pgid) and start_time(pgid) == data.get("leader_start"):
                stop_tree(pgid)
                stopped.append(pgid)
            self.forget(pgid)
        return stopped
