"""Help ▸ About Galley: the version, the versions of what it runs on, the licence."""

from __future__ import annotations

import platform

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

translate = QCoreApplication.translate


def version() -> str:
    import editor

    found = getattr(editor, "__version__", None)
    if found:
        return found
    from importlib import metadata

    for name in ("galley-editor", "galley"):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return "unknown"


def versions() -> dict[str, str]:
    import PySide6
    from PySide6.QtCore import qVersion

    return {"Galley": version(), "Qt": qVersion(), "PySide6": PySide6.__version__,
            "Python": platform.python_version()}


def about_text() -> str:
    v = versions()
    return "".join([
        f"<h3>Galley {v['Galley']}</h3>",
        "<p>", translate("About", "A desktop editor for the posts of static sites (Jekyll, Hugo)."), "</p>",
        "<p>", translate("About", "Qt {qt} · PySide6 {pyside} · Python {python}").format(
            qt=v["Qt"], pyside=v["PySide6"], python=v["Python"]), "</p>",
        "<p>", translate("About", "Released under the MIT licence."), "</p>",
    ])


def show(window) -> QMessageBox:
    box = QMessageBox(window)
    box.setObjectName("aboutBox")
    box.setWindowTitle(translate("About", "About Galley"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text())
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.open()
    return box
