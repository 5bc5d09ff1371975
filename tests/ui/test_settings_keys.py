"""Every stored preference is one the app reads: a key nobody reads would be
written to the writer's settings file for ever."""

from __future__ import annotations

from pathlib import Path

import editor
from editor.ui.settings import DEFAULTS

SOURCES = [p for p in Path(editor.__file__).parent.rglob("*.py") if p.name != "settings.py"]


def test_every_default_key_is_read_outside_the_settings_module():
    text = "\n".join(p.read_text(encoding="utf-8") for p in SOURCES)
    settings_module = (Path(editor.__file__).parent / "ui" / "settings.py").read_text(encoding="utf-8")
    unread = [key for key in DEFAULTS
              if f'"{key}"' not in text and settings_module.count(f'"{key}"') < 2]
    assert unread == []
