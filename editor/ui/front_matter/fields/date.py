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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QEvent, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCalendarWidget, QFormLayout, QGroupBox, QLineEdit, QScrollArea, QToolButton

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
        self.edit.textChanged.connect(self._fit_text)
        self._viewport = None  # the form's viewport, whose width bounds the room asked for

    # -- room for the whole value ------------------------------------------------------
    #
    # The form (a QFormLayout wrapping long rows) decides from a field's
    # *minimum* width whether its label goes above it; a line edit's is a few
    # characters, so a whole date-time with its zone (25 characters) was cut
    # beside its label in a narrow pane (`2016-12-03T01:02:`). The field asks
    # for its text's width, as far as the form's viewport allows (it never
    # makes the form scroll sideways); a pane narrower still shows the
    # value's beginning, and the whole of it in the box's tooltip.

    def text_width(self) -> int:
        """The box width that shows its whole text, clear button included."""
        text = self.edit.text()
        if not text:
            return 0
        # QLineEdit's own hint is 17 "x" plus its frame, margins and the clear button.
        chrome = QLineEdit.sizeHint(self.edit).width() - 17 * self.edit.fontMetrics().horizontalAdvance("x")
        return self.edit.fontMetrics().horizontalAdvance(text) + chrome + 4

    def _room(self) -> int | None:
        """The widest this field can be in the form without a sideways scroll."""
        if self._viewport is None:
            return None
        form_widget = self._viewport.parentWidget().widget() if isinstance(
            self._viewport.parentWidget(), QScrollArea) else None
        # The widget whose rows hold this field's row (the form's page, or
        # an object's group inside it): the row gets its width, less margins.
        host = self.parentWidget()
        while host is not None and host is not form_widget and not isinstance(host, QGroupBox):
            host = host.parentWidget()
        if form_widget is None or host is None:
            return None
        left = host.mapTo(form_widget, QPoint(0, 0)).x() if host is not form_widget else 0
        # The margins of the layouts around the rows, and the form layout's
        # spacing (it keeps that much beside a field whose label went above).
        side, layout = 0, host.layout()
        while layout is not None:
            margins = layout.contentsMargins()
            side += margins.left() + margins.right()
            if isinstance(layout, QFormLayout):
                side += max(0, layout.horizontalSpacing())
                break
            layout = next((item.layout() for item in (layout.itemAt(i) for i in range(layout.count()))
                           if item.layout() is not None), None)
        return max(0, self._viewport.width() - 2 * left - side)

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        need = self.text_width()
        if need:
            need += self._layout.spacing() + self.pick.sizeHint().width()
            room = self._room()
            hint.setWidth(max(hint.width(), min(need, room) if room is not None else need))
        return hint

    def _fit_text(self) -> None:
        self.updateGeometry()
        self._tip_when_cut()

    def _tip_when_cut(self) -> None:
        cut = self.edit.width() < self.text_width()
        self.edit.setToolTip(self.edit.text() if cut else "")

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, QScrollArea):
            widget = widget.parentWidget()
        viewport = widget.viewport() if widget is not None else None
        if viewport is not self._viewport:
            if self._viewport is not None:
                self._viewport.removeEventFilter(self)
            self._viewport = viewport
            if viewport is not None:
                viewport.installEventFilter(self)
            self.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._tip_when_cut()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self.updateGeometry()  # the room it may ask for changed
        return super().eventFilter(watched, event)

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
