"""Shared test setup.

QtWebEngine must be imported before the QApplication exists (it sets up
shared OpenGL contexts), and Chromium refuses to run as root unless its sandbox
is off, which we only do for root (DESIGN.md, "facts measured").
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The engine starts as the app starts it (sandbox off only for root, software
# compositing, flags): `launch()` runs too late here, pytest-qt's QApplication
# exists before the first window test.
from editor.ui import engine_env  # noqa: E402 - no Qt in this module

engine_env.configure()

try:  # The core tests must run even where Qt cannot load.
    import PySide6.QtWebEngineWidgets  # noqa: F401
except ImportError:  # pragma: no cover - no Qt on this machine
    pass
else:
    # PySide6 6.12 on Python 3.11 loses references to None/True/False on every
    # call; without this the test process aborts ("none_dealloc"). See qt_compat.
    from editor.ui.qt_compat import immortalize_singletons

    immortalize_singletons()
