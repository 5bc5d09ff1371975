"""fontconfig's set-up, started on a thread while PySide6 loads.

The first widget that shows text makes Qt's font database, and its first
step on Linux is fontconfig's `FcInit`: parsing /etc/fonts (about 40 files
here) and mapping the font caches, 4-7 ms of the UI thread before the first
paint. fontconfig builds one process-wide configuration, once, and safely
across threads (an `FcInit` that finds it made returns at once), and Qt's
`FcInit` uses the same library instance (the system's libfontconfig). So it
can run on a thread while the main thread imports PySide6, which takes 50 ms
or more; ctypes lets go of the GIL during the call, so the imports go on.
"""

from __future__ import annotations

import sys
import threading

_thread: threading.Thread | None = None


def start() -> threading.Thread | None:
    """Begin fontconfig's set-up on a thread (Linux; elsewhere nothing).
    Idempotent: later calls return the first call's thread."""
    global _thread
    if _thread is not None or not sys.platform.startswith("linux"):
        return _thread
    import ctypes  # here, not on the thread: the import needs the GIL (and qt_compat imports it anyway)

    thread = threading.Thread(target=_init, args=(ctypes,), name="fontconfig set-up", daemon=True)
    thread.start()
    _thread = thread
    return thread


def _init(ctypes) -> None:
    try:
        fontconfig = ctypes.CDLL("libfontconfig.so.1")
    except OSError:
        return  # no fontconfig on this machine: Qt uses its own font database
    fontconfig.FcInit()
