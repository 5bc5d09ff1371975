"""Shared test setup.

QtWebEngine must be imported before the QApplication exists (it sets up
shared OpenGL contexts), and Chromium refuses to run as root unless its sandbox
is off, which we only do for root (DESIGN.md, "facts measured").
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

try:  # The core tests must run even where Qt cannot load.
    import PySide6.QtWebEngineWidgets  # noqa: F401
except ImportError:  # pragma: no cover - no Qt on this machine
    pass
else:
    # PySide6 6.12 on Python 3.11 loses references to None/True/False on every
    # call; without this the test process aborts ("none_dealloc"). See qt_compat.
    from editor.ui.qt_compat import immortalize_singletons

    immortalize_singletons()
