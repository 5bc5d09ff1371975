"""Yes/no and one-of-a-list fields."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from editor.ui.front_matter.fields.base import FieldWidget
from editor.ui.front_matter.fields.wheel_guard import GuardedComboBox


class BoolField(FieldWidget):
    """A checkbox. A post without the key shows what the generator assumes
    (the schema's default: Jekyll publishes unless `published: false`).
    The model's own update (set_value) sends nothing."""

    def __init__(self, key, parent=None, default=None):
        super().__init__(key, parent)
        self._default = default
        self.box = QCheckBox()
        self._layout.addWidget(self.box)
        self._layout.addStretch()
        self.setFocusProxy(self.box)
        self.box.toggled.connect(lambda checked: self._emit(bool(checked)))

    def _show(self, value, written):
        checked = bool(self._default if value is None else value)
        if self.box.isChecked() == checked:
            return False
        self.box.setChecked(checked)
        return True


class ChoiceField(FieldWidget):
    """One of the schema's choices. An absent key shows no choice (and writes
    none); a value outside the choices is shown as it is, and kept."""

    def __init__(self, key, choices, parent=None, placeholder: str = ""):
        super().__init__(key, parent)
        self.combo = GuardedComboBox()
        self.combo.setEditable(False)
        self.combo.setPlaceholderText(placeholder or self.tr("(not set)"))
        self._choices = list(choices)
        self.combo.addItems([str(c) for c in self._choices])
        self._layout.addWidget(self.combo)
        self.setFocusProxy(self.combo)
        # `activated`: the writer's choice (click, keys, the wheel with focus),
        # not the model's setCurrentIndex.
        self.combo.activated.connect(self._chosen)

    def _chosen(self, index: int) -> None:
        if 0 <= index < len(self._choices):
            self._emit(self._choices[index])

    def _index_of(self, value) -> int:
        for i, choice in enumerate(self._choices):
            if type(choice) is type(value) and choice == value:
                return i
        return -1

    def _show(self, value, written):
        if value is not None and self._index_of(value) < 0:
            self._choices.append(value)
            self.combo.addItem(str(value))
        index = self._index_of(value) if value is not None else -1
        if self.combo.currentIndex() == index:
            return False
        self.combo.setCurrentIndex(index)
        return True
