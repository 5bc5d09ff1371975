"""Text boxes: one line for short strings, a growing box for multi-line values."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QLineEdit, QPlainTextEdit, QSizePolicy

from editor.core.post.values import AsWritten
from editor.ui.front_matter.fields.base import REMOVE, FieldWidget, show_text
from editor.ui.front_matter.fields.readings import hint_for_text, reading_hint


class LineField(FieldWidget):
    """A one-line string.

    A value that is not a string in the file (`title: 10:00`, a number) is
    shown as written and edited as written (AsWritten): the writer's text
    keeps its form, and a hint says what the generator reads, with a button
    that quotes it. Strings are sent as strings; the core picks their quotes.
    """

    def __init__(self, key, parent=None, placeholder: str = ""):
        super().__init__(key, parent)
        self.edit = QLineEdit(placeholderText=placeholder)
        self._layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self._as_written = False
        self.edit.textEdited.connect(self._on_edited)

    def _show(self, value, written):
        text = _as_text(value, written)
        changed = show_text(self.edit, text)
        shown_as_written = value is not None and not isinstance(value, str)
        self._show_hint(reading_hint(text, value, text_field=True) if shown_as_written else None,
                        self._quote)
        return changed

    def _set_origin(self, value, written):
        self._as_written = value is not None and not isinstance(value, str)

    def _on_edited(self, text: str) -> None:
        if self._as_written:
            self._show_hint(hint_for_text(text, text_field=True) if text else None, self._quote)
        if not text:
            self._emit_emptied("")
        elif self._as_written:
            self._emit(AsWritten(text))
        else:
            self._emit(text)

    def _quote(self) -> None:
        """Keep the text as it looks: send it as a string (the core quotes it)."""
        self._as_written = False
        self._show_hint(None)
        self._emit(self.edit.text())


class GrowingTextEdit(QPlainTextEdit):
    """A plain-text box as tall as its text, from `min_lines` to `max_lines`
    (then it scrolls)."""

    def __init__(self, min_lines: int = 2, max_lines: int = 12, parent=None):
        super().__init__(parent)
        self._min, self._max = min_lines, max_lines
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Fixed in height as a policy: a text edit's own policy says
        # "expanding", and the form then gave this row the space meant for
        # the stretch below the fields (the box sat 40 px under its label).
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())
        self._fit()

    def visible_lines(self) -> int:
        """Lines the box is tall enough to show."""
        lines = int(self.document().documentLayout().documentSize().height())
        return max(self._min, min(self._max, lines))

    def _content_height(self) -> int:
        """The text's height as laid out: Hangul, from a fallback font, makes
        a line taller than the box font's own line spacing."""
        height, block = 0.0, self.document().firstBlock()
        while block.isValid():
            height += self.blockBoundingRect(block).height()
            block = block.next()
        return int(height + 0.999)

    def _fit(self) -> None:
        margins = self.contentsMargins()
        spacing = self.fontMetrics().lineSpacing()
        content = max(self._min * spacing, min(self._max * spacing, self._content_height()))
        height = content + int(2 * self.document().documentMargin()) + margins.top() + margins.bottom() + 2
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()  # a narrower box wraps into more lines

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), self.height())


class TextField(FieldWidget):
    """A multi-line value (block scalars, text with newlines, Markdown).

    The final line break of a value (the clip chomping of `excerpt: >`) is
    not shown as an empty last line, so typing at the apparent end extends
    the last paragraph; the box sends the line breaks it hid back with the
    text, and the entry keeps its `>` (not `>-`, not a new paragraph).
    """

    def __init__(self, key, parent=None, markdown=False, placeholder: str = ""):
        super().__init__(key, parent)
        self.edit = GrowingTextEdit()
        self.edit.setPlaceholderText(placeholder or (self.tr("Markdown") if markdown else ""))
        self._tail = ""  # the hidden final line breaks of the value
        if markdown:
            from editor.ui.editor.markdown_highlighter import MarkdownHighlighter
            from editor.ui.theme import colors_for

            self.highlighter = MarkdownHighlighter(self.edit.document(), colors_for("auto"))
        self._layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._on_changed)

    def _show(self, value, written):
        text = _as_text(value, written)
        current = self.edit.toPlainText()
        if text == (current + self._tail if current else ""):
            # The echo of the writer's own edit: caret and selection stay put.
            return False
        shown = text.rstrip("\n")
        tail = text[len(shown):]
        if current == shown:  # the same text, its final line breaks changed elsewhere
            self._tail = tail
            return False
        self._tail = tail
        self.edit.setPlainText(shown)
        return True

    def _on_changed(self) -> None:
        if self._setting:
            return
        text = self.edit.toPlainText()
        if not text:
            self._emit_emptied("")
        else:
            self._emit(text + self._tail)


def _as_text(value, written) -> str:
    if written is not None:
        return written
    if value is None:
        return ""
    return str(value)


__all__ = ["LineField", "TextField", "GrowingTextEdit", "REMOVE"]
