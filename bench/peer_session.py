"""The process session of a program under measurement: its processes, its
memory, and its end (bench_peers starts each program as a session leader).

A program's helpers (QtWebEngineProcess, its zygote, ReText's converter)
stay in its session even when they leave its process group, so the session
is what is killed, summed and waited for.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

SETTLE_S = 0.5  # after a program and its helpers have exited, before the next starts


def session_pids(sid: int) -> list[int]:
    """Every process in session `sid` (the program was started as its leader)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[3]) == sid:
                    pids.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                pass
    return pids


def kill_session(proc: subprocess.Popen) -> None:
    # The session catches what left the process group; the group what a
    # /proc scan might miss while it forks.
    for pid in session_pids(proc.pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    # Then wait for the whole session to be gone, and a little more: a killed
    # program's helpers (QtWebEngineProcess and the rest) go on exiting, the
    # kernel frees their memory (ReText's 205 KB tree holds ~570 MB) and the
    # X server its windows, all on the same two cores as the next program's
    # start-up, which was timed with them.
    deadline = time.monotonic() + 10
    while session_pids(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(SETTLE_S)


def pss_session(sid: int) -> dict[str, float]:
    """Pss, Pss_Anon, Pss_File, Pss_Shmem (MB) summed over the session."""
    keys = {"Pss:": "pss", "Pss_Anon:": "anon", "Pss_File:": "file", "Pss_Shmem:": "shmem"}
    total = dict.fromkeys(keys.values(), 0.0)
    for pid in session_pids(sid):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                name, *rest = line.split()
                if name in keys:
                    total[keys[name]] += int(rest[0]) / 1024
    return total
