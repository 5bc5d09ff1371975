"""Shared test setup.

QtWebEngine must be imported before the QApplication exists (it sets up
shared OpenGL contexts), and Chromium refuses to run as root unless its sandbox
is off, which we only do for root (DESIGN.md, "facts measured").
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Jekyll sites render with Python-Markdown unless a test opts in to kramdown
# (editor/core/render/kramdown_engine.py): the same result with or without Ruby.
os.environ["GALLEY_KRAMDOWN"] = "0"
# The engine starts as the app starts it (sandbox off only for root, software
# compositing, flags): `launch()` runs too late here, pytest-qt's QApplication
# exists before the first window test.
from editor.ui.platform import engine_env

engine_env.configure()

# Property tests: `make test` (the CI gate) runs the same examples every time,
# so a red run is reproducible and never comes from an unrelated change's
# luck; HYPOTHESIS_PROFILE=explore (or default) searches afresh each run.
from hypothesis import settings  # noqa: E402

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

try:  # The core tests must run even where Qt cannot load.
    import PySide6.QtWebEngineWidgets  # noqa: F401
except ImportError:  # pragma: no cover - no Qt on this machine
    pass
else:
    from editor.ui.platform.qt_compat import quiet_feature_hook

    quiet_feature_hook()  # PySide6's import hook would keep every module's source


def pytest_sessionfinish(session, exitstatus):
    """Tear the window tests' Qt objects down while Qt still runs.

    Windows closed by the tests are deleted later, by an event loop that has
    stopped by then; left to the interpreter's exit, the preview's web page
    outlives its profile and the engine crashes the process after every test
    passed (seen with Qt Quick's software back end, which the app uses)."""
    try:
        from PySide6.QtCore import QCoreApplication, QEvent
        from PySide6.QtWidgets import QApplication
    except ImportError:  # pragma: no cover - no Qt on this machine
        return
    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.deleteLater()  # not close(): a window with unsaved text would ask
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    app.processEvents()
