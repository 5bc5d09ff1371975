# Runtime hook (packaging/galley.spec): where Qt finds its plugins in the bundle,
# as PyInstaller's own PySide6 hook sets it, without that hook's import of
# PySide6.QtCore. That import loaded Qt (~0.1 s) into every start, also
# `galley --version`, `galley validate` and each validation worker, which never
# use Qt; bundle_main.py gives Qt its qt.conf when the window opens.
import os
import sys

_qt = os.path.join(sys._MEIPASS, "PySide6") if sys.platform.startswith("win") else \
    os.path.join(sys._MEIPASS, "PySide6", "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
if sys.platform.startswith("win"):  # QtNetwork's OpenSSL DLLs, collected beside the app
    os.environ["PATH"] = sys._MEIPASS + os.pathsep + os.environ.get("PATH", "")
elif sys.platform == "darwin":
    os.environ["DYLD_LIBRARY_PATH"] = sys._MEIPASS + os.pathsep + os.environ.get("DYLD_LIBRARY_PATH", "")
del _qt
