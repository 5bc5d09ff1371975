"""Galley's preferences: one object over a QSettings, passed to whoever needs it.

Nothing reads QSettings directly (DESIGN.md: settings are an object passed in,
not a global); tests hand in a QSettings on a temporary ini file. Only values
that differ from the defaults are stored, so changing a default later reaches
every user who never touched it.

Values are stored as JSON text: QSettings' ini backend turns a one-element list
into a string and numbers into strings, and JSON keeps the types we wrote.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

DEFAULTS: dict[str, Any] = {
    "theme": "auto",  # "auto" (follow the app palette), "light" or "dark"
    "ui/language": "",  # "" (the system's), "en", "ko", ...: read at start (editor/ui/i18n.py)
    "editor/wrap": True,
    "editor/line_numbers": True,
    "panes/form": True,
    "panes/preview": True,
    "panes/problems": True,
    "panes/sizes": [],  # splitter sizes: form | editor | preview
    "panes/vsizes": [],  # main area | problems panel
    "window/geometry": "",  # base64 of QWidget.saveGeometry()
    "recent/files": [],
    "site/last": "",  # the root of the site last open: `galley` alone goes back to it
    "preview/site_mode": [],  # roots of the sites previewed by their own generator (Site mode)
    "preview/no_remote": [],  # roots of the sites whose preview loads no remote content
    "serve/jekyll": "",  # the generators' paths ("": found on PATH)
    "serve/hugo": "",
    "serve/bundle": "",
    "view/format_toolbar": True,
    "editor/font": "",  # the body editor's font family ("": the system's fixed-width font)
    "editor/font_size": 11,  # points
    "preview/theme": "auto",  # "auto" (the window's theme), "light" or "dark"
    "preview/site_css": False,  # style the fast preview with the site's own compiled stylesheet
    "preview/remote_default": True,  # remote content in the preview of a site never chosen for
    "preview/remote": [],  # roots of the sites whose preview loads remote content (chosen so)
    "recovery/interval_ms": 2000,  # unsaved text is copied this long after typing stops
}

MAX_RECENT = 10


class Settings:
    """Typed access to the stored preferences (`get`/`set`, plus helpers)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings if qsettings is not None else QSettings("Galley", "Galley")

    @classmethod
    def at(cls, ini_path: str | Path) -> "Settings":
        """Settings kept in an ini file (tests, portable installs)."""
        return cls(QSettings(str(ini_path), QSettings.Format.IniFormat))

    def get(self, key: str) -> Any:
        default = DEFAULTS[key]
        raw = self._q.value(key)
        if raw is None:
            return default
        try:
            value = json.loads(raw if isinstance(raw, str) else str(raw))
        except ValueError:
            return default
        return value if type(value) is type(default) else default

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        if value == DEFAULTS[key]:
            self._q.remove(key)
        else:
            self._q.setValue(key, json.dumps(value, ensure_ascii=False))

    def stored_keys(self) -> list[str]:
        return list(self._q.allKeys())

    def sync(self) -> None:
        self._q.sync()

    # -- helpers for values Qt wants in its own types -------------------------

    def geometry(self) -> QByteArray:
        return QByteArray.fromBase64(self.get("window/geometry").encode("ascii"))

    def set_geometry(self, data: QByteArray) -> None:
        self.set("window/geometry", bytes(data.toBase64()).decode("ascii"))

    def recent_files(self) -> list[str]:
        return [p for p in self.get("recent/files") if isinstance(p, str)]

    def add_recent(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        files = [path] + [p for p in self.recent_files() if p != path]
        self.set("recent/files", files[:MAX_RECENT])

    def clear_recent(self) -> None:
        self.set("recent/files", [])
