"""How validation starts its worker processes."""

from __future__ import annotations

import multiprocessing
import sys

__all__ = ["process_context"]


def process_context():
    """How to start workers: fork where it is safe (it starts in milliseconds and
    re-imports nothing), else a forkserver. Forking a process that runs Qt threads
    can deadlock the child, so once Qt is loaded (the app) the forkserver is used."""
    if sys.platform.startswith("linux") and not any(
            name.startswith("PySide6") for name in sys.modules):
        return multiprocessing.get_context("fork")
    mp = multiprocessing.get_context("forkserver")
    mp.set_forkserver_preload(["editor.core.validation.pipeline", "editor.core.validation.runner"])
    return mp
