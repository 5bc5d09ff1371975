"""Work-arounds for bugs in the Qt binding we pin (PySide6 6.12.0) on Python 3.11.

The big one: PySide6 6.12 returns None, True and False from C++ without taking
a reference (fine on Python >= 3.12, where these objects are immortal; fatal
on 3.11). *Every* call of a void method (`label.setText(...)`,
`app.processEvents()`, `timer.start()`) lowers None's reference count by one,
and after enough of them CPython aborts with "none_dealloc: deallocating None"
— within seconds of a WebEngine test, or a few minutes of typing. Measured in
tests/ui/test_qt_compat.py. `immortalize_singletons()` gives the three objects
the effectively-infinite count they have on 3.12; `prepare_environment()`
(editor.ui) and tests/conftest.py call it before any Qt object exists.

`Signal.emit()` returns True but drops a reference to it: every emit lowers
True's reference count by one, and after some thousands of emits (a few
minutes of typing) CPython aborts with "bool_dealloc: deallocating True".
Measured here, not assumed (tests/ui/test_qt_compat.py), so a fixed PySide6
turns `emit` into a plain `signal.emit`. The issue-6 helper found the same
(editor/ui/disk/file_watcher.py, `safe_emit`). Every emit in editor/ui goes through
`emit()` below.

PySide6's import hook (shibokensupport.feature, PYSIDE-2029) asks of every
module imported after PySide6 whether its source mentions "PySide6", through
`inspect.getsource`: that reads each module's whole source into `linecache`
and keeps it there for the life of the process. `quiet_feature_hook()` asks
the same question of the file's bytes, keeping nothing.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal


def immortalize_singletons() -> None:
    """Make None/True/False unkillable, as Python 3.12 does (PEP 683). Idempotent."""
    if sys.version_info >= (3, 12):
        return
    for obj in (None, True, False):
        # ob_refcnt is the first field of every PyObject in release builds.
        count = ctypes.c_ssize_t.from_address(id(obj))
        if count.value < (1 << 40):
            count.value += 1 << 42


def quiet_feature_hook() -> None:
    """Answer PySide6's "does this module use PySide6?" without filling
    linecache (see the module's docstring). Measured on the window with the
    8 KB post open: linecache held 263 files, 9.5 MB of the Python heap.
    Idempotent; does nothing if PySide6 no longer has the hook."""
    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if upstream is None or getattr(upstream, "galley", False):
        return

    def _mod_uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return upstream(module)  # no plain source file: PySide's own answer

    _mod_uses_pyside.galley = True
    feature._mod_uses_pyside = _mod_uses_pyside
    import linecache

    linecache.clearcache()  # what the hook cached before this point


def _emit_drops_a_reference() -> bool:
    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    drops = sys.getrefcount(True) < before
    if drops:  # give back what the probe itself took
        for _ in range(8):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return drops


EMIT_DROPS_REFERENCE = _emit_drops_a_reference()


def emit(signal, *args) -> None:
    """`signal.emit(*args)`, compensating PySide6 6.12.0's dropped reference."""
    result = signal.emit(*args)
    if EMIT_DROPS_REFERENCE and isinstance(result, bool):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))


# Two more places where PySide6 6.12.0 drops a reference, this time to None
# (the value a Python callable returns): QTimer.singleShot(ms, callable) and
# QWebEnginePage.runJavaScript(..., callback), once per call; QRunnable.run
# too (so we use plain threads instead). Measured in tests/ui/test_qt_compat.py.
# Slots connected to signals are not affected.
_BROKEN_VERSION = __import__("PySide6").__version__ == "6.12.0"


def single_shot(msec: int, callback, parent: QObject | None = None) -> None:
    """QTimer.singleShot without the dropped reference: a QTimer object fires once."""
    from PySide6.QtCore import QTimer

    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(msec)

    def fire() -> None:
        timer.deleteLater()
        callback()

    timer.timeout.connect(fire)
    timer.start()
    _live_timers.add(timer)
    timer.destroyed.connect(lambda *_: _live_timers.discard(timer))


_live_timers: set = set()


def js_callback(callback):
    """Wrap a runJavaScript callback so the None it returns is not lost."""

    def wrapper(result) -> None:
        try:
            callback(result)
        finally:
            if _BROKEN_VERSION:
                ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))

    return wrapper


_threads: "weakref.WeakSet" = None  # type: ignore[assignment]


def stop_at_exit(thread) -> None:
    """Quit `thread` when the interpreter exits if nobody did: a QThread that is
    destroyed while running aborts the process ("Destroyed while thread is
    still running"), e.g. a window never closed before a test run ends."""
    global _threads
    import atexit
    import weakref

    if _threads is None:
        _threads = weakref.WeakSet()

        def stop_all() -> None:
            for t in list(_threads):
                try:
                    t.quit()
                    t.wait(2000)
                except RuntimeError:  # already deleted on the C++ side
                    pass

        atexit.register(stop_all)
    _threads.add(thread)
