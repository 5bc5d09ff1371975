"""A list of tags as comma-separated text, completing from the site's vocabulary."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from editor.ui.front_matter.fields.base import FieldWidget, show_text


class TagsField(FieldWidget):
    """The model keeps a YAML list; a single string value (`tags: a b`,
    allowed by Jekyll) stays a string when edited, and an item that was a
    number in the file (`[2024, python]`) stays one while its text is kept."""

    def __init__(self, key, vocabulary=(), parent=None, placeholder: str = ""):
        super().__init__(key, parent)
        self.edit = QLineEdit(placeholderText=placeholder or self.tr("comma, separated"))
        self._as_string = False
        self._items: dict[str, object] = {}  # an item's text -> the file's item
        self._model = QStringListModel(sorted(set(map(str, vocabulary))))
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setWidget(self.edit)
        completer.activated.connect(self._complete)
        self._completer = completer
        self.edit.textEdited.connect(self._on_edited)
        self._layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)

    def set_vocabulary(self, words) -> None:
        words = sorted(set(map(str, words)))
        if words != self._model.stringList():
            self._model.setStringList(words)

    def _on_edited(self, text):
        current = text.rsplit(",", 1)[-1].strip()
        self._completer.setCompletionPrefix(current)
        if current:
            self._completer.complete()
        self._send(text)

    def _complete(self, word):
        parts = [p.strip() for p in self.edit.text().split(",")]
        parts[-1] = word
        self.edit.setText(", ".join(parts))
        self._send(self.edit.text())

    def _send(self, text: str) -> None:
        value = self.value_of(text)
        if not value:
            self._emit_emptied("" if self._as_string else [])
        else:
            self._emit(value)

    def value_of(self, text):
        items = [p.strip() for p in text.split(",") if p.strip()]
        if self._as_string:
            return " ".join(items)
        return [self._items.get(item, item) for item in items]

    def _show(self, value, written):
        self._as_string = isinstance(value, str)
        raw = value.split() if isinstance(value, str) else list(value or [])
        if not isinstance(value, str):
            self._items = {str(v): v for v in raw}
        items = [str(v) for v in raw]
        if [p.strip() for p in self.edit.text().split(",") if p.strip()] == items:
            return False
        return show_text(self.edit, ", ".join(items))
