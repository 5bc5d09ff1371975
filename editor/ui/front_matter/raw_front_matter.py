"""The "Raw" front-matter editor: the text between the delimiters, highlighted.

Edits go to `doc.set_front_matter_text` (which re-parses; a broken front matter
is kept as text and reported as a problem, never lost). Changes made in the
form show up here, so both views stay in sync. Updates from the model are
skipped while the writer is typing here, so the caret never jumps.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression as RX
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QFontDatabase, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from editor.ui.theme import LIGHT, Colors


class FrontMatterHighlighter(QSyntaxHighlighter):
    """YAML/TOML/JSON keys, strings, comments and dates: enough to read the structure."""

    def set_colors(self, c: Colors) -> None:
        def fmt(color, bold=False):
            f = QTextCharFormat()
            f.setForeground(QColor(color))
            if bold:
                f.setFontWeight(700)
            return f

        self._rules = [
            (RX(r"^\s*(?:-\s+)?[\"']?[\w\-. ]+[\"']?\s*(?=[:=])"), fmt(c.yaml_key, True)),
            (RX(r"^\s*\[\[?[^\]]+\]\]?\s*$"), fmt(c.heading, True)),
            (RX(r"\b\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?( ?[+-]\d{2}:?\d{2}|Z)?"), fmt(c.image)),
            (RX(r"\b(true|false|yes|no|null)\b"), fmt(c.liquid)),
            (RX(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'"), fmt(c.code)),
            (RX(r"(^|\s)#.*$"), fmt(c.quote)),
        ]
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802
        for rx, f in getattr(self, "_rules", ()):
            it = rx.globalMatch(text)
            while it.hasNext():
                m = it.next()
                self.setFormat(m.capturedStart(0), m.capturedLength(0), f)


class RawFrontMatterEditor(QPlainTextEdit):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rawFrontMatter")
        self.setAccessibleName(self.tr("Front matter as text"))
        self.setAccessibleDescription(self.tr("The post's front matter as written: YAML, TOML or JSON"))
        self._session = session
        self._loading = False
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.highlighter = FrontMatterHighlighter(self.document())
        self.highlighter.set_colors(LIGHT)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.flush)
        self._pending = False
        self.textChanged.connect(self._on_text_changed)
        session.documentReplaced.connect(lambda _d: self.refresh())
        session.changed.connect(self._on_changed)
        session.flushRequested.connect(self.flush)
        self.refresh()

    def set_colors(self, colors: Colors) -> None:
        self.highlighter.set_colors(colors)

    def refresh(self) -> None:
        """Show the model's current front-matter text (newlines as "\\n")."""
        doc = self._session.document
        text = doc.front_matter_text.replace("\r\n", "\n").replace("\r", "\n")
        if text == self.toPlainText():
            return
        self._loading = True
        try:
            cursor_pos = self.textCursor().position()
            self.setPlainText(text)
            cursor = self.textCursor()
            cursor.setPosition(min(cursor_pos, len(text)))
            self.setTextCursor(cursor)
        finally:
            self._loading = False

    def _on_text_changed(self) -> None:
        if not self._loading:
            self._pending = True
            self._timer.start()

    def go_to_file_line(self, line: int, column: int = 1) -> None:
        """Put the caret on a file line (the fragment starts after the opening delimiter)."""
        doc = self._session.document
        first = 1 if getattr(doc.kind, "value", "") == "json" else 2  # after `---` / `+++`
        block = self.document().findBlockByNumber(max(line - first, 0))
        cursor = self.textCursor()
        cursor.setPosition(block.position() + min(max(column - 1, 0), max(block.length() - 1, 0)))
        self.setTextCursor(cursor)
        self.setFocus()

    def flush(self) -> None:
        if not self._pending:
            return
        self._pending = False
        self._timer.stop()
        doc = self._session.document
        text = self.toPlainText()
        if doc.newline != "\n":
            text = text.replace("\n", doc.newline)
        try:
            doc.set_front_matter_text(text)
        except ValueError:
            # A post with no front matter: give it one, then set the text.
            doc.add_front_matter()
            doc.set_front_matter_text(text)

    def _on_changed(self, change) -> None:
        if getattr(change, "part", None) == "front_matter" and not self._pending and not self.hasFocus():
            self.refresh()
