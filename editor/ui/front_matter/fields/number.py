"""A number box that shows the number as the file writes it.

Not a QSpinBox: a spin box always shows a number (an absent key looked like
`0`) and writes its own spelling of it (`1.10` became `1.1`). This box shows
the text as written (`1.10`, `012345`), nothing when the key is absent, and
sends what the writer typed as written once it reads as a number.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction

from editor.core.post.values import AsWritten
from editor.ui.front_matter.fields.base import FieldWidget, show_text
from editor.ui.front_matter.fields.readings import hint_for_text, reading_hint, reads_as, reads_as_number
from editor.ui.front_matter.fields.wheel_guard import StepLineEdit

NOT_A_NUMBER = QT_TRANSLATE_NOOP("NumberField", "not a number: not saved")

_DECIMAL = re.compile(r"([-+]?)(0|[1-9]\d*)")
_OCTAL = re.compile(r"([-+]?)0([0-7]+)")
_FIXED = re.compile(r"[-+]?\d*\.(\d+)")


def stepped(text: str, delta: int) -> str | None:
    """`text` moved by `delta`, written the same way (decimals kept, an octal
    `012345` stays octal as YAML 1.1 reads it); None when it is no number."""
    text = text.strip()
    if not text:
        return str(delta)  # an empty box starts from 0
    if not reads_as_number(text):
        return None
    value = reads_as(text)
    if _DECIMAL.fullmatch(text):
        return str(int(text) + delta)
    octal = _OCTAL.fullmatch(text)
    if octal:
        new = value + delta
        digits = format(abs(new), "o").rjust(len(octal.group(2)), "0")
        return f"{'-' if new < 0 else ''}0{digits}"
    fixed = _FIXED.fullmatch(text)
    if fixed:
        places = len(fixed.group(1))
        return f"{float(text) + delta:.{places}f}"
    if isinstance(value, float):
        return None if math.isinf(value) or math.isnan(value) else repr(value + delta)
    return str(value + delta)


class NumberField(FieldWidget):
    def __init__(self, key, parent=None, placeholder: str = ""):
        super().__init__(key, parent)
        self.edit = StepLineEdit(self._step, placeholderText=placeholder or self.tr("number"))
        self.edit.setClearButtonEnabled(True)
        self._layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._on_edited)
        self.edit.editingFinished.connect(self._on_finished)
        # Qt's clear button (inside the box) empties it with a textEdited(""):
        # that is the writer removing the value, at once.
        clear = self.edit.findChild(QAction, "_q_qlineeditclearaction")
        if clear is not None:
            clear.triggered.connect(self._on_cleared)

    def _show(self, value, written):
        if written is not None:
            text = written
        elif value is None or isinstance(value, bool):
            text = "" if value is None else str(value).lower()
        else:
            text = str(value)
        changed = show_text(self.edit, text)
        if changed:  # a value from outside: nothing left to remove
            self._typed_value()
            self.set_problem(None)
        self._show_hint(reading_hint(text, value) if value is not None else None, self._quote)
        return changed

    def _on_edited(self, text: str) -> None:
        self._show_hint(hint_for_text(text.strip()) if text.strip() else None, self._quote)
        if not text.strip():
            self._typed_empty()  # nothing written while typing (see FieldWidget)
            return
        self._typed_value()
        if reads_as_number(text):
            self.set_problem(None)
            self._emit(AsWritten(text.strip()))
        else:
            self.set_problem(self.tr(NOT_A_NUMBER))

    def _on_finished(self) -> None:
        self._left_empty(self.edit.text().strip())

    def _on_cleared(self) -> None:
        self._cleared()

    def _step(self, delta: int) -> None:
        if self._read_only:
            return
        text = stepped(self.edit.text(), delta)
        if text is None:
            self.set_problem(self.tr(NOT_A_NUMBER))
            return
        self.edit.setText(text)
        self._on_edited(text)

    def _quote(self) -> None:
        """Keep the text as it looks: a string (the core writes it quoted)."""
        self._show_hint(None)
        self._emit(self.edit.text().strip())
