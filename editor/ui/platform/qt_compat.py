"""Defences against bugs in the Qt binding, each behind the versions that have it.

Lost references to None/True/False. PySide6 6.12.0 returns None, True and
False from C++ without taking a reference: every void call (`label.setText`,
`timer.start`, `app.processEvents`, `QTimer.singleShot`, `runJavaScript`)
lowers None's count by one and every `Signal.emit()` True's. On Python 3.12+
these objects are immortal and nothing happens; on 3.11 CPython aborts
("none_dealloc: deallocating None") after a few thousand calls, i.e. minutes
of typing. 6.10.0-6.11.3 do not have it (a reproduction over each release,
tests/ui/test_qt_compat.py keeps it), so pyproject.toml pins one of those.
Should the app run on 6.12.0 anyway (a distribution's package, a pin
loosened), `guard_binding()`, called when `editor.ui` is imported, gives the
three objects the effectively infinite count they have on 3.12: one
process-wide defence, no per-call wrappers.

PySide6's import hook (shibokensupport.feature) asks of every module imported
after PySide6 whether its source mentions "PySide6", through
`inspect.getsource`: that reads each module's whole source into `linecache`
and keeps it there for the life of the process. `quiet_feature_hook()` asks
the same question of the file's bytes, keeping nothing.
"""

from __future__ import annotations

import ctypes
import importlib.util
import re
import sys
from pathlib import Path

#: Releases that lose references to None/True/False (see the module's docstring).
LOSES_SINGLETON_REFERENCES = frozenset({"6.12.0"})


def binding_version() -> str:
    """PySide6's version without importing it: `import PySide6` loads shiboken
    (~50 ms), and `editor.ui` is imported before the fontconfig warm-up that
    is meant to overlap that import. "" when PySide6 is not installed."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return ""
    for folder in spec.submodule_search_locations:
        try:
            text = (Path(folder) / "_config.py").read_text(encoding="utf-8")
        except OSError:
            continue
        found = re.search(r'^version = "([^"]+)"', text, re.MULTILINE)
        if found:
            return found.group(1)
    return ""


def loses_singleton_references(version: str | None = None,
                               python: tuple = tuple(sys.version_info)) -> bool:
    """Whether this binding on this Python would abort on a lost None/True/False."""
    version = binding_version() if version is None else version
    return version in LOSES_SINGLETON_REFERENCES and tuple(python[:2]) < (3, 12)


def guard_binding() -> None:
    """Make None/True/False unkillable (as Python 3.12 does, PEP 683) when the
    binding in use loses references to them; nothing otherwise. Idempotent."""
    if not loses_singleton_references():
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


_threads = None  # a weakref.WeakSet, made at the first registration


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
