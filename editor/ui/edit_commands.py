"""Edit ▸ Cut, Copy, Paste, Paste as Plain Text, Select All on the focused text widget.

The window has several text inputs (the body, the form's fields, the raw
front matter); the menu acts on whichever has focus, and is enabled as a Qt
editor's own context menu would be: Cut and Copy with a selection, Cut and
Paste where the text can be edited and the clipboard holds text.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit


def focused(window=None):
    """The application's focus widget, or `window`'s own while it is not the
    active window (QApplication.focusWidget() is then None)."""
    widget = QApplication.focusWidget()
    if widget is None and window is not None:
        widget = window.focusWidget()
    return widget


def text_widget(widget=None):
    """The widget's editable text part (a combo box's or spin box's line
    edit), or None when it is no text input."""
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    if isinstance(widget, QAbstractSpinBox):
        return widget.findChild(QLineEdit)
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        return widget
    return None


def _has_selection(w) -> bool:
    return w.hasSelectedText() if isinstance(w, QLineEdit) else w.textCursor().hasSelection()


def _editable(w) -> bool:
    return not w.isReadOnly()


def states(widget=None) -> dict[str, bool]:
    """Which of the commands apply to `widget` (a text input or not)."""
    w = text_widget(widget)
    if w is None:
        return dict.fromkeys(("cut", "copy", "paste", "paste_plain", "select_all"), False)
    clipboard = QApplication.clipboard().mimeData()
    can_paste = _editable(w) and clipboard is not None and (
        clipboard.hasText() or (isinstance(w, QPlainTextEdit) and w.canPaste()))
    selected = _has_selection(w)
    return {"cut": selected and _editable(w), "copy": selected, "paste": can_paste,
            "paste_plain": can_paste, "select_all": True}


def run(command: str, window, body=None) -> None:
    """Carry out `command` on `window`'s focused text widget. `body` is the
    body editor: its plain paste skips its own image and HTML handling."""
    w = text_widget(focused(window))
    if w is None or not states(w)[command]:
        return
    if command == "paste_plain":
        if w is body:
            body.paste_plain()
        elif isinstance(w, QLineEdit):
            w.paste()  # a line edit only ever takes plain text
        else:
            w.insertPlainText(QApplication.clipboard().text())
        return
    {"cut": w.cut, "copy": w.copy, "paste": w.paste, "select_all": w.selectAll}[command]()


class EditStates(QObject):
    """Keeps the Edit actions' enabled state in step with the focused widget,
    its selection and the clipboard."""

    def __init__(self, actions: dict, window, watch=()) -> None:
        super().__init__(window)
        self._actions, self._window = actions, window
        app = QApplication.instance()
        app.focusChanged.connect(self._focus_changed)
        app.clipboard().dataChanged.connect(self.update)
        for widget in watch:
            self._watch(widget)
        self.update()

    def _watch(self, widget) -> None:
        w = text_widget(widget)
        # Once per widget and window: its selection changes Cut and Copy. The
        # mark names this object: with two windows open, another window's
        # states saw the widget first, and a mark of its own left this one's
        # Cut disabled for good.
        mark = f"galleyEditStates{id(self)}"
        if w is not None and not w.property(mark):
            w.setProperty(mark, True)
            w.selectionChanged.connect(self.update)

    def _focus_changed(self, _old, new) -> None:
        if not shiboken6.isValid(self._window):
            return  # the focus leaves the widgets of a window being destroyed
        self._watch(new)
        self.update()

    def update(self) -> None:
        if not shiboken6.isValid(self._window):
            return
        for command, enabled in states(focused(self._window)).items():
            self._actions[command].setEnabled(enabled)
