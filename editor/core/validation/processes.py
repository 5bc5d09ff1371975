"""How validation starts its worker processes.

Fork where it is safe, a forkserver where Qt is loaded, spawn where neither
exists (Windows). In a frozen build (the PyInstaller bundle) the forkserver
and spawned workers are new runs of the bundle's own binary (`sys.executable`
is that binary there, as multiprocessing expects): the bundle's entry point
calls `multiprocessing.freeze_support()` first so that such a run does the
worker's job instead of opening the app.

`GALLEY_START_METHOD` (fork, forkserver or spawn) chooses the method where
the platform has it: a way to check that a build starts its workers by each
method, and to step around a platform's trouble with one.
"""

from __future__ import annotations

import multiprocessing
import os
import sys

__all__ = ["process_context", "START_METHOD_VARIABLE"]

START_METHOD_VARIABLE = "GALLEY_START_METHOD"

#: What a forkserver imports once, so each worker it forks starts warm.
_PRELOAD = ["editor.core.validation.pipeline", "editor.core.validation.runner"]


def process_context():
    """How to start workers: fork where it is safe (it starts in milliseconds and
    re-imports nothing), else a forkserver, else spawn. Forking a process that runs
    Qt threads can deadlock the child, so once Qt is loaded (the app) the forkserver
    is used."""
    available = multiprocessing.get_all_start_methods()
    chosen = os.environ.get(START_METHOD_VARIABLE, "").strip().lower()
    if chosen not in available:
        if sys.platform.startswith("linux") and not any(
                name.startswith("PySide6") for name in sys.modules):
            chosen = "fork"
        elif "forkserver" in available:
            chosen = "forkserver"
        else:
            chosen = "spawn"
    mp = multiprocessing.get_context(chosen)
    if chosen == "forkserver":
        mp.set_forkserver_preload(_PRELOAD)
    return mp
