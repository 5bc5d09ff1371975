"""The mouse wheel changes a value only in the box that has keyboard focus.

A writer scrolling the form rolls the wheel over whatever box passes under
the pointer; a combo or number box that took those events wrote values the
post never had (`sleep: -2`). A guarded box turns the wheel down unless it
has focus, and an event turned down (ignored) goes on to the box's parents:
the form's scroll area scrolls instead. Focus comes only from a click or Tab
(StrongFocus, not Qt's WheelFocus), so the wheel cannot give it either.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget


def guard(widget: QWidget) -> QWidget:
    """Focus from click or Tab only (not from the wheel)."""
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return widget


def wheel_is_for(widget: QWidget, event: QWheelEvent) -> bool:
    """True when `widget` may act on `event`; otherwise the event is marked
    ignored, so Qt hands it to the widget's parents (the form scrolls)."""
    if widget.hasFocus():
        return True
    event.ignore()
    return False


def wheel_steps(event: QWheelEvent, carry: list[int]) -> int:
    """Whole notches in `event` (120 units each, as Qt counts them), keeping
    the remainder of a touchpad's small deltas in `carry` ([0] to start)."""
    carry[0] += event.angleDelta().y()
    steps = int(carry[0] / 120)
    carry[0] -= steps * 120
    return steps


class GuardedComboBox(QComboBox):
    """A combo box the wheel changes only while it has keyboard focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        guard(self)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if wheel_is_for(self, event):
            super().wheelEvent(event)


class StepLineEdit(QLineEdit):
    """A line edit whose Up/Down keys, and the wheel while it has focus, call
    `on_step(+1 / -1)`: the number and date boxes step what they show."""

    def __init__(self, on_step, parent: QWidget | None = None, **kwargs) -> None:
        super().__init__(parent, **kwargs)
        guard(self)
        self._on_step = on_step
        self._carry = [0]

    #: Text the box would like room for (its size hint), e.g. a whole date-time
    #: with its zone; a narrow form still shrinks it, putting the label above.
    room_for = ""

    def sizeHint(self):  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        if self.room_for:
            hint.setWidth(max(hint.width(), self.fontMetrics().horizontalAdvance(self.room_for) + 40))
        return hint

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not self.isReadOnly():
            self._on_step(1 if key == Qt.Key.Key_Up else -1)
            event.accept()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if self.isReadOnly() or not wheel_is_for(self, event):
            event.ignore()
            return
        steps = wheel_steps(event, self._carry)
        for _ in range(abs(steps)):
            self._on_step(1 if steps > 0 else -1)
        event.accept()
