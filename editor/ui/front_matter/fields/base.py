"""The contract every field widget keeps with the form.

- `valueEdited(object)` says what the writer did: a plain value, an
  `AsWritten` (the text as typed, which the core writes in the entry's own
  style), or `REMOVE` (the writer cleared the field: the form unsets the key).
  It fires only for the writer's own actions, and never twice for the same
  value: focusing, tabbing through or scrolling the form writes nothing.
- `set_value(value, written)` shows what the model has and emits nothing; a
  value that the box already shows leaves its text, caret and selection alone
  (the form echoes every edit back while the writer types).
- `set_problem(message)` shows a short line under the box; `set_read_only`
  locks every input (the front matter does not parse).

Where an edit started matters: a box that was empty (the key absent) and is
emptied again removes the key instead of writing an empty value, and a value
shown as written (a number, a date, `10:00`) goes on being sent as written.
That *origin* is what `set_value` last put into the box from outside, not
the echo of the writer's own keystrokes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout,
    QWidget,
)

from editor.core.post.values import same_value
from editor.ui.problems.severity import COLORS


class _Remove:
    """The writer cleared the field: the form unsets the key."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "REMOVE"

    def __bool__(self) -> bool:
        return False

    def __reduce__(self):
        return "REMOVE"


#: Sent by valueEdited when the writer cleared a field: unset the key.
REMOVE = _Remove()

_ABSENT = object()  # nothing shown or sent yet

#: A description longer than this goes to the tooltip only, not the placeholder.
PLACEHOLDER_MAX = 60


def sent_equal(a, b) -> bool:
    """The same edit: same value and same kind (an AsWritten is not its str)."""
    if a is REMOVE or b is REMOVE or a is _ABSENT or b is _ABSENT:
        return a is b
    return type(a) is type(b) and same_value(a, b)


class FieldWidget(QWidget):
    #: The writer changed the value: a plain value, an AsWritten, or REMOVE.
    valueEdited = Signal(object)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"field:{key}")
        # The row names it for screen readers (set_accessible_label); the
        # key until then, never the object name.
        self.setAccessibleName(str(key))
        self._setting = False
        self._read_only = False
        #: The model's value as last shown or sent (None: the key is absent).
        self._last = _ABSENT
        #: The box was empty (key absent) when the writer started editing it.
        self._origin_absent = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        self._outer = outer
        self._layout = QHBoxLayout()
        self._layout.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._layout)
        # Made on first use: a form of twenty fields shows none of them.
        self._problem: QLabel | None = None
        self._hint_row: QWidget | None = None

    # -- from the model ----------------------------------------------------------

    def set_value(self, value, written: str | None = None) -> None:
        self._setting = True
        try:
            if self._show(value, written):
                self._origin_absent = value is None
                self._set_origin(value, written)
            self._last = None if value is None else value
        finally:
            self._setting = False

    def _show(self, value, written: str | None) -> bool:  # pragma: no cover - overridden
        """Show `value`; True when the box's text changed (a new origin)."""
        raise NotImplementedError

    def _set_origin(self, value, written: str | None) -> None:
        """A value from outside is in the box: remember what the edit starts from."""

    def set_description(self, text: str) -> None:
        """The schema's help for this field (it arrives with the site's schema,
        after the first rows): the box's placeholder when short, else nothing
        (the row's tooltip has it). Given in place, like the vocabulary."""
        box = self.focusProxy()
        if text and len(text) <= PLACEHOLDER_MAX and isinstance(box, (QLineEdit, QPlainTextEdit)):
            box.setPlaceholderText(text)
        self.setToolTip(text)

    def set_accessible_label(self, name: str, description: str = "") -> None:
        """Name the field for screen readers: its box is called what its row's
        label says ("Title"), with the field's help as the description; the
        box's buttons (pick a date, choose an image) keep their own names and
        say which field they belong to."""
        self.setAccessibleName(name)
        box = self.focusProxy() or self
        box.setAccessibleName(name)
        box.setAccessibleDescription(description)
        for button in self.findChildren(QAbstractButton):
            if button is not box:
                button.setAccessibleDescription(name)

    def set_vocabulary(self, words) -> None:
        """Words to complete from (the site's tags, categories); most boxes have none.
        The site's vocabulary arrives after the first rows: it is given in place,
        so a box being typed into is never replaced for it."""

    # -- to the model --------------------------------------------------------------

    def _emit(self, value) -> None:
        if self._setting or self._read_only:
            return
        if value is REMOVE and self._last is None:
            return  # absent already: nothing to remove
        if sent_equal(value, self._last):
            return
        self._last = None if value is REMOVE else value
        self.valueEdited.emit(value)

    # -- a box emptied while typing (numbers, dates) ----------------------------------
    #
    # Emptying a number or a date box writes nothing while the writer types:
    # removing the key and adding it back with the next digit would move it to
    # the end of the front matter. The key goes when the writer leaves the box
    # empty, or at once with the box's clear button.

    _pending_remove = False

    def _typed_empty(self) -> None:
        self._pending_remove = True
        self.set_problem(None)

    def _typed_value(self) -> None:
        self._pending_remove = False

    def _left_empty(self, text: str) -> bool:
        """The writer left the box; True when it was left empty (the key goes)."""
        if self._pending_remove and not text:
            self._pending_remove = False
            self._emit(REMOVE)
            return True
        return False

    def _cleared(self) -> None:
        self._pending_remove = False
        self.set_problem(None)
        self._emit(REMOVE)

    def _emit_emptied(self, empty_value) -> None:
        """The writer emptied the box: an absent key stays absent, a present one
        becomes `empty_value` (or is removed when `empty_value` is REMOVE)."""
        self._emit(REMOVE if self._origin_absent else empty_value)

    # -- messages --------------------------------------------------------------------

    def set_problem(self, message: str | None, quiet: bool = False) -> None:
        """A short line under the box ("not a number: not saved"); None clears
        it. `quiet`: a hint while the writer is still typing, not an error."""
        if not message:
            if self._problem is not None:
                self._problem.hide()
                self._problem.clear()
            return
        if self._problem is None:
            self._problem = QLabel(objectName="fieldProblem", wordWrap=True,
                                   textFormat=Qt.TextFormat.PlainText)
            self._outer.addWidget(self._problem)
        color = "palette(placeholder-text)" if quiet else COLORS["error"]
        self._problem.setStyleSheet(f"QLabel {{ color: {color}; }}")
        self._problem.setProperty("quiet", quiet)
        self._problem.setText(message)
        self._problem.show()

    def problem(self) -> str | None:
        """The message under the box, if one shows."""
        if self._problem is None or self._problem.isHidden() or not self._problem.text():
            return None
        return self._problem.text()

    def _show_hint(self, hint: str | None, on_quote=None) -> None:
        """What the generator reads, under a value shown as written, with a
        button that quotes it (the writer's way to keep the text)."""
        if not hint:
            if self._hint_row is not None:
                self._hint_row.hide()
            return
        if self._hint_row is None:
            # The sentence under the box at the box's full width, the button
            # under it: side by side, a narrow form left the sentence a column
            # of one or two words a line.
            row = QWidget(objectName="readingHint")
            lay = QVBoxLayout(row)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            label = QLabel(objectName="readingHintText", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
            label.setStyleSheet(f"QLabel {{ color: {COLORS['warning']}; }}")
            # An explicit context: self.tr would use the subclass's name.
            translate = QCoreApplication.translate
            quote = QPushButton(translate("FieldWidget", "Quote it"), objectName="quoteIt",
                                toolTip=translate("FieldWidget", "Keep the text as it looks: write it as a quoted string"))
            quote.clicked.connect(lambda: self._hint_quote() if self._hint_quote else None)
            lay.addWidget(label)
            lay.addWidget(quote, 0, Qt.AlignmentFlag.AlignLeft)
            self._outer.insertWidget(1, row)
            self._hint_row = row
        self._hint_quote = on_quote
        self._hint_row.findChild(QLabel, "readingHintText").setText(hint)
        self._hint_row.findChild(QPushButton, "quoteIt").setVisible(on_quote is not None)
        self._hint_row.setEnabled(not self._read_only)
        self._hint_row.show()

    _hint_quote = None

    def hint(self) -> str | None:
        """The reading hint under the box, if one shows."""
        if self._hint_row is None or self._hint_row.isHidden():
            return None
        return self._hint_row.findChild(QLabel, "readingHintText").text()

    # -- read-only -------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        """Lock every input (text stays selectable and copyable)."""
        self._read_only = bool(read_only)
        for child in self.findChildren(QWidget):
            if isinstance(child, (QLineEdit, QPlainTextEdit)):
                child.setReadOnly(self._read_only)
                # A read-only QLineEdit still takes an input method's commit
                # (Qt 6.12: Korean typed into it shows up in the box), so the
                # box also stops asking for the input method, and its events
                # are dropped here while the field is locked.
                child.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, not self._read_only)
                child.removeEventFilter(self)
                if self._read_only:
                    child.installEventFilter(self)
            elif isinstance(child, (QAbstractButton, QComboBox)):
                child.setEnabled(not self._read_only)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if self._read_only and event.type() == QEvent.Type.InputMethod:
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def is_read_only(self) -> bool:
        return self._read_only


def show_text(edit: QLineEdit, text: str) -> bool:
    """Put a value from the file into a line edit, its beginning in view: Qt
    leaves the caret at the end, which shows a long path or title by its tail
    (`…ets/images/cover.png`). Not while the writer is typing in it. True
    when the text changed."""
    if edit.text() == text:
        return False
    edit.setText(text)
    if not edit.hasFocus():
        edit.setCursorPosition(0)
    return True
