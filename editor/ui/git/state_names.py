"""A git state's word as the writer reads it (translated)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from editor.core.git import status

_NAMES = {
    status.NEW: QT_TRANSLATE_NOOP("GitState", "new"),
    status.MODIFIED: QT_TRANSLATE_NOOP("GitState", "modified"),
    status.STAGED: QT_TRANSLATE_NOOP("GitState", "staged"),
    status.CONFLICTED: QT_TRANSLATE_NOOP("GitState", "conflicted"),
    status.UNTRACKED: QT_TRANSLATE_NOOP("GitState", "untracked"),
    status.RENAMED: QT_TRANSLATE_NOOP("GitState", "renamed"),
    status.DELETED: QT_TRANSLATE_NOOP("GitState", "deleted"),
}


def state_name(state: str | None) -> str:
    if not state:
        return ""
    return QCoreApplication.translate("GitState", _NAMES.get(state, state))
