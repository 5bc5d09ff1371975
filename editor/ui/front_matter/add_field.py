""""Add field…": a button that turns into a line edit completing the keys known on the site.

Each completion shows the key, its type and how many posts use it; a new key
name is allowed too. Choosing a key only adds a row (the form focuses it);
the key is written once the writer enters a value.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QToolButton, QWidget


_KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def entry_text(key: str, ftype: str, uses: int) -> str:
    """How a key reads in the completion list: `author — string · 12 posts`."""
    from editor.ui.i18n import english_plural

    translate = QCoreApplication.translate
    count = (english_plural(translate("AddFieldControl", "%n post(s)", None, uses), uses) if uses
             else translate("AddFieldControl", "no posts"))
    return translate("AddFieldControl", "{key} — {type} · {count}").format(key=key, type=ftype, count=count)


class AddFieldControl(QWidget):
    #: The writer chose a key (a known one or a new name). Carries the key (str).
    keyChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, name: str = "addField") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.button = QToolButton(text=self.tr("Add field…"), objectName="addFieldButton",
                                  toolTip=self.tr("Add a key this post does not have yet"))
        self.button.setAutoRaise(True)
        self.edit = QLineEdit(objectName="addFieldEdit", placeholderText=self.tr("key name"),
                              accessibleName=self.tr("New field's key"))
        self.edit.hide()
        self.model = QStandardItemModel(self)
        self._shown = None  # the entries the model holds
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionRole(_KEY_ROLE)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.edit.setCompleter(self.completer)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addWidget(self.button)
        lay.addWidget(self.edit)
        lay.addStretch()
        self.button.clicked.connect(self.open)
        self.edit.returnPressed.connect(self._chosen)
        self.completer.activated[str].connect(lambda _k: self._chosen())
        self.edit.editingFinished.connect(self._maybe_close)

    def set_owner(self, name: str) -> None:
        """Say, for screen readers, which group the field is added to ("Header")."""
        self.button.setAccessibleName(self.tr("Add field to {group}").format(group=name))

    def set_keys(self, entries, exclude=()) -> None:
        """`entries`: (key, type, uses) in the order to offer them; `exclude`: keys already shown."""
        skip = set(exclude)
        wanted = [e for e in entries if e[0] not in skip]
        if wanted == self._shown:
            return  # the same list (every edit re-plans the form): keep an open completion as it is
        self._shown = wanted
        self.model.clear()
        for key, ftype, uses in entries:
            if key in skip:
                continue
            item = QStandardItem(entry_text(key, ftype, uses))
            item.setData(key, _KEY_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)

    def keys(self) -> list[str]:
        return [self.model.item(i).data(_KEY_ROLE) for i in range(self.model.rowCount())]

    def open(self) -> None:
        self.button.hide()
        self.edit.clear()
        self.edit.show()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.completer.setCompletionPrefix("")
        if self.model.rowCount():
            self.completer.complete()

    def close_edit(self) -> None:
        self.edit.hide()
        self.edit.clear()
        self.button.show()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close_edit()
            return
        super().keyPressEvent(event)

    def _maybe_close(self) -> None:
        # Focus left the edit without a key (not to its own completion list): back to the button.
        popup = self.completer.popup()
        if not self.edit.text().strip() and not (popup is not None and popup.isVisible()):
            self.close_edit()

    def _chosen(self) -> None:
        key = self.edit.text().strip()
        if not key:
            return
        self.close_edit()
        self.keyChosen.emit(key)
