"""A date box: the date as written, a calendar to pick from, and a clear button.

Not a QDateTimeEdit: it always holds a date (an unset one showed January
1900 and wrote `1901-01-01` on Up), drops the time zone, and writes its own
format. Here the text is the file's own (`2021-05-10 10:00:00 +0900`), typed
dates are taken as typed once they read as a date, Up/Down step the part
under the caret keeping the text's shape (datesteps), and an unset date
stays unset until the writer enters one.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCalendarWidget, QToolButton

from editor.core.post.values import AsWritten
from editor.ui.front_matter.fields.base import FieldWidget, show_text
from editor.ui.front_matter.fields.readings import reads_as_date
from editor.ui.front_matter.fields.wheel_guard import StepLineEdit

NOT_A_DATE = QT_TRANSLATE_NOOP("DateField", "not a date: not saved")
INCOMPLETE = QT_TRANSLATE_NOOP("DateField", "not a whole date yet: not saved")


def display_text(value, written: str | None) -> str:
    """A date as the box shows it: as written when known, else the value's own form."""
    if written is not None:
        return written
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        from editor.core.post.yaml_emit import format_datetime_like

        return format_datetime_like(value, None)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class DateField(FieldWidget):
    """Date or date-time; what it sends is the text (AsWritten): a plain date
    stays a date, a quoted one stays a string, a zone stays as written."""

    def __init__(self, key, parent=None, with_time=True, placeholder: str = ""):
        super().__init__(key, parent)
        self.with_time = with_time
        self.edit = StepLineEdit(self._step, placeholderText=placeholder or (
            self.tr("YYYY-MM-DD HH:MM:SS +ZZZZ") if with_time else self.tr("YYYY-MM-DD")))
        self.pick = QToolButton(objectName="datePick", toolTip=self.tr("Choose a date in a calendar"),
                                accessibleName=self.tr("Choose a date"))
        self.pick.setArrowType(Qt.ArrowType.DownArrow)
        self.pick.clicked.connect(self.open_calendar)
        # Qt's own clear button, inside the box, as the number box has (a
        # button of ours needed an icon from QStyle: ~5 ms before the form's
        # first fields). It shows while there is a date to remove.
        self.edit.setClearButtonEnabled(True)
        action = self.edit.findChild(QAction, "_q_qlineeditclearaction")
        action.setToolTip(self.tr("Remove this date from the post"))
        action.triggered.connect(self._on_cleared)
        self.clear = self.edit.findChild(QToolButton)  # the button Qt made for it
        self.clear.setObjectName("dateClear")
        self.clear.setAccessibleName(self.tr("Clear"))
        # Wide enough for a whole date-time with its zone: the zone is part of
        # the value, and a box cut at `+09` hides it.
        self.edit.room_for = "2000-00-00 00:00:00 +0000" if with_time else "2000-00-00"
        self._calendar: QCalendarWidget | None = None
        self._layout.addWidget(self.edit, 1)
        self._layout.addWidget(self.pick)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._on_edited)
        self.edit.editingFinished.connect(self._on_finished)

    def _show(self, value, written):
        changed = show_text(self.edit, display_text(value, written))
        if changed:  # a value from outside: nothing left to remove
            self._typed_value()
            self.set_problem(None)
        return changed

    # -- typing ----------------------------------------------------------------------

    def _on_edited(self, text: str) -> None:
        text = text.strip()
        if not text:
            self._typed_empty()  # nothing written while typing (see FieldWidget)
            return
        self._typed_value()
        if reads_as_date(text):
            self.set_problem(None)
            self._emit(AsWritten(text))
        else:
            self.set_problem(self.tr(INCOMPLETE), quiet=True)

    def _on_finished(self) -> None:
        text = self.edit.text().strip()
        if not self._left_empty(text) and text and not reads_as_date(text):
            self.set_problem(self.tr(NOT_A_DATE))

    def _on_cleared(self) -> None:
        if self._read_only:
            return
        self.edit.clear()
        self._cleared()

    def _step(self, delta: int) -> None:
        from editor.ui.front_matter.fields import datesteps  # (loaded on the first step, not with the form)

        if self._read_only:
            return
        text = self.edit.text().strip()
        if not text:
            new, caret = (t := datesteps.today_text(self.with_time)), len(t)
        else:
            moved = datesteps.step(text, self.edit.cursorPosition(), delta)
            if moved is None:
                self.set_problem(self.tr(NOT_A_DATE))
                return
            new, caret = moved
        self.edit.setText(new)
        self.edit.setCursorPosition(caret)
        self._on_edited(new)

    # -- the calendar --------------------------------------------------------------

    def calendar(self) -> QCalendarWidget:
        """The popup calendar (made on first use)."""
        if self._calendar is None:
            cal = QCalendarWidget(self, objectName="datePopup")
            cal.setWindowFlags(Qt.WindowType.Popup)
            cal.setGridVisible(False)
            cal.clicked.connect(self._picked)
            cal.activated.connect(self._picked)
            self._calendar = cal
        return self._calendar

    def open_calendar(self) -> None:
        """Show the calendar at the box's date, or at today when it has none."""
        from editor.ui.front_matter.fields import datesteps

        if self._read_only:
            return
        cal = self.calendar()
        day = datesteps.date_of(self.edit.text()) or dt.date.today()
        cal.setSelectedDate(QDate(day.year, day.month, day.day))
        cal.setCurrentPage(day.year, day.month)
        cal.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        cal.show()
        cal.setFocus()

    def _picked(self, qdate: QDate) -> None:
        from editor.ui.front_matter.fields import datesteps

        day = dt.date(qdate.year(), qdate.month(), qdate.day())
        text = datesteps.replace_date(self.edit.text().strip(), day)
        if self._calendar is not None:
            self._calendar.hide()
        self.edit.setText(text)
        self.edit.setFocus()
        self._on_edited(text)
