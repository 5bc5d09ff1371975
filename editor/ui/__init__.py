"""Galley's window (Qt). `launch()` for tests and embedding, `main()` for the app.

Importing this package does not import Qt widgets; `launch` does.
"""

from __future__ import annotations

import gc
import os
import sys

from editor.ui.platform.qt_compat import guard_binding

guard_binding()  # before any Qt call, whichever editor.ui module comes first


#: Seconds a Python thread may keep the GIL while another waits (see below).
SWITCH_INTERVAL = 0.001


def prepare_environment() -> None:
    """Process-wide setup that must happen before the QApplication exists.

    The preview engine's environment (sandbox only off for root, software
    compositing, Chromium flags) is decided in `engine_env`. With GPU
    compositing on, QtWebEngine needs shared GL contexts, requested before
    the QApplication is created (what importing QtWebEngineWidgets first
    would do, without its 0.15 s import before the first paint).
    """
    from editor.ui.platform import font_warmup

    font_warmup.start()  # first: it runs while PySide6 is imported below
    from editor.ui.platform.qt_compat import quiet_feature_hook

    # The render and validation workers are Python threads: when the UI
    # thread wants the GIL back (a key, a paint, Chromium's events for the
    # preview), it waits up to one switch interval. Python's 5 ms made the
    # longest UI stall while typing into the 205 KB post 12-16 ms and its
    # 99th percentile 7-8 ms; at 1 ms they were 8-11 and 4-5 ms (bench_ui,
    # 3 alternating runs, load <1).
    sys.setswitchinterval(SWITCH_INTERVAL)
    quiet_feature_hook()  # PySide6's import hook keeps every module's source
    from editor.ui.platform.deferred_urllib import defer_urllib_request

    defer_urllib_request()  # before the render worker imports pymdownx
    from editor.ui.platform import engine_env

    engine_env.configure()
    engine_env.quiet_gl_probe_messages()
    from PySide6.QtCore import QCoreApplication, Qt

    if QCoreApplication.instance() is None and engine_env.wants_gpu(os.environ):
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


def launch(paths=(), settings=None, recovery_dir=None):
    """Create the QApplication if needed, open `paths`, show the window; no exec().

    `settings` is an editor.ui.settings.Settings (default: the user's);
    `recovery_dir` where unsaved text is kept for crash recovery (default: the
    user's data folder; tests pass a temporary one).
    Returns the MainWindow.
    """
    # Start-up makes some 40,000 objects the collector tracks, nearly all of
    # them living as long as the app (Qt's enums, modules, widgets), yet it
    # ran 55 times over them before the first paint (7-11 ms here). It rests
    # until the window has painted and the form has its fields (if it was
    # running at all: an embedding app may have its own policy).
    collecting = gc.isenabled()
    gc.disable()
    try:
        prepare_environment()
        from editor.ui.app import build_window, ensure_application

        ensure_application()
        window = build_window(settings, recovery_dir)
        window.open_initial(list(paths))
        window.show()
    except BaseException:
        if collecting:
            gc.enable()
        raise
    if collecting:
        window.firstShown.connect(gc.enable)  # after the slots app.py connected
    return window


def last_session_paths(settings) -> list[str]:
    """What `galley` alone reopens: the last site's folder and its last post
    (the newest recent file inside it), or else the last post still there."""
    recent = [p for p in settings.recent_files() if os.path.isfile(p)]
    root = settings.get("site/last")
    if root and os.path.isdir(root):
        inside = [p for p in recent if os.path.abspath(p).startswith(os.path.abspath(root) + os.sep)]
        return [root] + inside[:1]
    return recent[:1]


def main(argv: list[str] | None = None) -> int:
    """Run the app on `argv` (post files or site folders) until the window closes."""
    argv = list(sys.argv[1:] if argv is None else argv)
    settings = None
    if not argv:  # `galley` alone: back to the last site and its last post
        from editor.ui.settings import Settings

        settings = Settings()
        argv = last_session_paths(settings)
    window = launch(argv, settings=settings)
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().exec() if window is not None else 1
