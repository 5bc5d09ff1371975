"""The question asked before the first edit of a value other keys share (YAML anchor/alias).

`ask_shared(parent, key, sharing)` returns editor.core.post.values.SHARED (change
the shared value: every key that reads it follows), OWN (give this key its
own value: the others keep the old one) or None (cancel: nothing changes).
The form takes any callable of this shape, so tests can answer without a
modal loop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from editor.core.post.values import OWN, SHARED

translate = QCoreApplication.translate


def others_text(sharing) -> str:
    """“editor”, “a.b”: the other keys that read the value."""
    return translate("SharedValue", ", ").join(
        translate("SharedValue", "“{key}”").format(key=".".join(map(str, p))) for p in getattr(sharing, "others", ())
    ) or translate("SharedValue", "another key")


def sharing_note(sharing) -> str:
    """The short note under a shared field: Shared with “editor” (anchor &me)."""
    return translate("SharedValue", "Shared with {others} (anchor &{anchor})").format(
        others=others_text(sharing), anchor=sharing.anchor)


def ask_shared(parent: QWidget | None, key: str, sharing) -> str | None:
    box = QMessageBox(parent)
    box.setObjectName("sharedValuePrompt")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("SharedValue", "Shared value"))
    box.setText(translate("SharedValue", "“{key}” shares its value with {others} (&{anchor}).").format(
        key=key, others=others_text(sharing), anchor=sharing.anchor))
    box.setInformativeText(translate("SharedValue", "Change the value for all of them, or give this key its own value?"))
    shared = box.addButton(translate("SharedValue", "Change the shared value"), QMessageBox.ButtonRole.AcceptRole)
    shared.setObjectName("changeSharedButton")
    own = box.addButton(translate("SharedValue", "Give “{key}” its own value").format(key=key),
                        QMessageBox.ButtonRole.AcceptRole)
    own.setObjectName("ownValueButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("cancelButton")
    box.setDefaultButton(own)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is shared:
        return SHARED
    if clicked is own:
        return OWN
    return None
