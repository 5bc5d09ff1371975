"""The Markdown body editor (a QPlainTextEdit) and its link to the Document.

Typing must never wait. Per keystroke we only queue one call for the next
event-loop turn; then the whole text is pushed into the Document once
(`doc.set_body`), however many keys arrived in between. Everything heavier
(render, validation, counts) listens to the Document and runs elsewhere.

The editor shows "\\n" line ends; the Document keeps the file's own newline
style, so the text is converted on the way in and out.
"""

from __future__ import annotations

import re
import time

from PySide6.QtCore import QEvent, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QKeyEvent, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from editor.ui.editor.line_numbers import LineNumberArea
from editor.ui.editor.markdown_highlighter import MarkdownHighlighter
from editor.ui.editor.paste import PasteHandler
from editor.ui.platform.timers import after_pending_events
from editor.ui.theme import LIGHT, Colors

_LIST_ITEM = re.compile(r"^(\s*)([-*+]|(\d+)([.)]))(\s+)(\[[ xX]\]\s+)?")
# What QTextDocument.toPlainText() turns into plain characters (its source):
# block, line and frame separators become "\n", a no-break space a space.
_PLAIN = str.maketrans({"\u2029": "\n", "\u2028": "\n", "\ufdd0": "\n", "\ufdd1": "\n", "\u00a0": " "})


#: What one colouring slice of a long post may take of the UI thread.
SLICE_BUDGET_S = 0.004
SLICE_MIN_LINES, SLICE_MAX_LINES = 5, 400


def next_slice_lines(lines: int, took: float) -> int:
    """Lines for the next colouring slice, so that it takes about
    SLICE_BUDGET_S, given that `lines` took `took` seconds. A line costs a call
    from Qt into Python: 100 lines took ~5 ms on a quiet UI thread, and up to
    70 ms at start-up while the preview's render worker wanted the GIL (each
    call waited for it), which the writer would feel as a stall. Grows at
    most twofold per slice."""
    if took <= 0:
        return min(lines * 2, SLICE_MAX_LINES)
    wanted = int(lines * SLICE_BUDGET_S / took)
    return max(SLICE_MIN_LINES, min(SLICE_MAX_LINES, wanted, lines * 2))


class BodyEditor(QPlainTextEdit):
    #: The writer moved the caret to another line; carries the *file* line
    #: (1-based) now at the caret, for the preview's scroll sync and status bar.
    cursorLineChanged = Signal(int)
    #: The top visible line changed by scrolling; carries the file line.
    topLineChanged = Signal(int)

    def __init__(self, session, parent: QWidget | None = None, held: bool = False) -> None:
        """`held`: the lines of a long post past its first screenfuls wait for
        `release()` before they are coloured (start-up: the first paint, the
        form and the preview engine come first)."""
        super().__init__(parent)
        self.setObjectName("bodyEditor")
        self.setAccessibleName(self.tr("Post text"))
        self.setAccessibleDescription(self.tr("The body of the post, in Markdown"))
        self._session = session
        self._colors: Colors = LIGHT
        self._loading = False  # True while we set text from the Document
        self._pending = False  # edits not yet pushed into the Document
        self._newline = "\n"
        self._diagnostic_selections: list[QTextEdit.ExtraSelection] = []
        self._last_line = -1
        self._colouring_held = held
        self._slice_lines = self.COLOUR_SLICE

        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(11)
        self.setFont(font)
        self.setTabStopDistance(4 * self.fontMetrics().horizontalAdvance(" "))
        self.colour_first = self._lines_a_screen_shows()
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setCenterOnScroll(False)

        self.line_numbers = LineNumberArea(self)
        self.highlighter = MarkdownHighlighter(self.document(), self._colors)

        self._flush_queued = False
        # The text as toPlainText() would return it, kept up to date edit by
        # edit (None: unknown, read it whole). Measured on the 205 KB post:
        # toPlainText() per keystroke (build, UTF-8 round trip into Python)
        # was the largest piece of the UI thread's own CPU while typing.
        self._mirror: str | None = None
        self.document().contentsChange.connect(self._on_contents_change)
        self.textChanged.connect(self._on_text_changed)
        self.cursorPositionChanged.connect(self._on_cursor_moved)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

        #: Pastes and drops: images into the site, rich text as Markdown.
        self.paste_handler = PasteHandler(self, session)

        session.documentReplaced.connect(self.load_document)
        # The body moves down or up when the front matter gains or loses lines.
        session.changed.connect(self._on_document_changed)
        session.flushRequested.connect(self.flush)
        self.load_document(session.document)

    # -- Document <-> editor ----------------------------------------------------

    def load_document(self, doc) -> None:
        """Show `doc`'s body; clears undo history (a different file)."""
        self._newline = doc.newline or "\n"
        self.line_numbers.set_first_line(doc.body_line)
        self._loading = True
        try:
            text = doc.body
            if self._newline != "\n":
                text = text.replace(self._newline, "\n")
            # A post longer than a screen: colour what the window can show
            # first, the rest in slices once it has painted (markdown_highlighter).
            long_post = text.count("\n") >= self.colour_first
            self.highlighter.defer_formatting_from(self.colour_first if long_post else None)
            self.setPlainText(text)
            self.highlighter.pin_deferral()
        finally:
            self._loading = False
        if long_post and not self._colouring_held:
            after_pending_events(self, self._colour_deferred_slice)
        self._mirror = None
        self._pending = False
        self.document().setModified(False)
        self._update_current_line()

    #: Lines coloured before the first paint beyond what the tallest screen shows.
    COLOUR_MARGIN = 20
    #: Lines in the first slice afterwards (~2.5 ms of a quiet UI thread; it
    #: runs while the preview's first render wants the GIL); later slices are
    #: sized by `next_slice_lines`.
    COLOUR_SLICE = 50

    def _lines_a_screen_shows(self) -> int:
        """Lines coloured before the first paint: as many as the tallest
        screen could show in this font (a line takes one row of text or, soft
        wrapped, more), and a margin. Each line is a call from Qt into Python
        (~20 us): on a 900 px screen this colours ~70 lines of the 8 KB post
        before the paint instead of all its 160, and of a long post instead
        of a fixed 200."""
        heights = [screen.availableGeometry().height() for screen in QGuiApplication.screens()]
        rows = max(heights, default=2160) // max(self.fontMetrics().lineSpacing(), 1)
        return rows + self.COLOUR_MARGIN

    def release(self) -> None:
        """Start colouring what waits (see `held`); idempotent."""
        if self._colouring_held:
            self._colouring_held = False
            if self.highlighter.deferred_from is not None:
                after_pending_events(self, self._colour_deferred_slice)

    def _colour_deferred_slice(self) -> None:
        started = time.perf_counter()
        more = self.highlighter.format_deferred_slice(self._slice_lines)
        self._slice_lines = next_slice_lines(self._slice_lines, time.perf_counter() - started)
        if more:
            after_pending_events(self, self._colour_deferred_slice, 1)

    def _on_document_changed(self, change) -> None:
        if getattr(change, "part", None) == "front_matter":
            line = self._session.document.body_line
            if line != self.line_numbers.first_line:
                self.line_numbers.set_first_line(line)

    def _on_text_changed(self) -> None:
        if not self._loading:
            self._pending = True
            if not self._flush_queued:
                # A queued call, not a 0 ms QTimer object: measured here, such a
                # timer fired ~22 ms after the key (it waits behind the X and
                # paint work), a queued call ~1 ms.
                self._flush_queued = True
                # Two hops: the first lands behind the editor's own repaint
                # request, so the character is drawn before the flush runs.
                QTimer.singleShot(0, lambda: QTimer.singleShot(0, self._queued_flush))

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        """Apply one edit of the QTextDocument to `_mirror`."""
        old = self._mirror
        if old is None:
            return
        doc = self.document()
        length = doc.characterCount() - 1  # without the document's final separator
        # Qt counts the final separator in whole-document changes: clamp to the text.
        end_old = min(position + removed, len(old))
        end_new = min(position + added, length)
        inserted = ""
        if end_new > position:
            cursor = QTextCursor(doc)
            cursor.setPosition(position)
            cursor.setPosition(end_new, QTextCursor.MoveMode.KeepAnchor)
            inserted = cursor.selectedText().translate(_PLAIN)
        text = old[:position] + inserted + old[end_old:]
        # A cheap check that the bookkeeping holds; if not, read it whole next time.
        self._mirror = text if len(text) == length else None

    def plain_text(self) -> str:
        """`toPlainText()`, from the mirror when it is known."""
        if self._mirror is None:
            self._mirror = self.toPlainText()
        return self._mirror

    def _queued_flush(self) -> None:
        self._flush_queued = False
        self.flush()

    def flush(self) -> None:
        """Push the editor's text into the Document now (if it changed)."""
        if not self._pending:
            return
        self._pending = False
        text = self.plain_text()
        if self._newline != "\n":
            text = text.replace("\n", self._newline)
        self._session.document.set_body(text)

    @property
    def first_line(self) -> int:
        return self.line_numbers.first_line

    # -- appearance -------------------------------------------------------------

    def set_colors(self, colors: Colors) -> None:
        self._colors = colors
        self.highlighter.set_colors(colors)
        self.line_numbers.set_colors(colors.line_numbers_fg, colors.line_numbers_bg)
        self._update_current_line()

    def set_wrap(self, wrap: bool) -> None:
        mode = QPlainTextEdit.LineWrapMode.WidgetWidth if wrap else QPlainTextEdit.LineWrapMode.NoWrap
        self.setLineWrapMode(mode)

    def set_line_numbers_visible(self, visible: bool) -> None:
        self.line_numbers.setVisible(visible)
        self.setViewportMargins(self.line_numbers.width_hint() if visible else 0, 0, 0, 0)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        # (The first FontChange comes from __init__'s setFont, before the gutter exists.)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "line_numbers"):
            self.line_numbers.font_changed()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        r = self.contentsRect()
        self.line_numbers.setGeometry(QRect(r.left(), r.top(), self.line_numbers.width_hint(), r.height()))

    def set_diagnostics(self, items: list[tuple[int, int, str]]) -> None:
        """Underline problems: (editor line 1-based, column 1-based, severity)."""
        self._diagnostic_selections = []
        marks = {}
        doc = self.document()
        for line, column, severity in items:
            block = doc.findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            color = QColor(getattr(self._colors, severity, self._colors.warning))
            sel = QTextEdit.ExtraSelection()
            sel.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
            sel.format.setUnderlineColor(color)
            cursor = QTextCursor(block)
            start = min(max(column - 1, 0), max(block.length() - 2, 0))
            cursor.setPosition(block.position() + start)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            if not cursor.hasSelection():
                cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            self._diagnostic_selections.append(sel)
            marks.setdefault(line, color)
        self.line_numbers.marks = marks
        self.line_numbers.update()
        self._update_current_line()

    def _update_current_line(self) -> None:
        sel = QTextEdit.ExtraSelection()
        sel.format.setBackground(QColor(self._colors.current_line))
        sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        sel.cursor = self.textCursor()
        sel.cursor.clearSelection()
        self.setExtraSelections([sel, *self._diagnostic_selections])

    def _on_cursor_moved(self) -> None:
        if not self._loading:  # load_document marks the line once the text is in (~4 ms on 205 KB)
            self._update_current_line()
        line = self.textCursor().blockNumber()
        if line != self._last_line:
            self._last_line = line
            self.line_numbers.update()
            self.cursorLineChanged.emit(line + self.first_line)

    def _on_scrolled(self, _value: int) -> None:
        self.topLineChanged.emit(self.firstVisibleBlock().blockNumber() + self.first_line)

    # -- navigation ------------------------------------------------------------

    def go_to_line(self, file_line: int, column: int = 1) -> None:
        block = self.document().findBlockByNumber(max(file_line - self.first_line, 0))
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + min(max(column - 1, 0), max(block.length() - 1, 0)))
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    def scroll_to_line(self, file_line: int) -> None:
        """Make `file_line` the top visible line without moving the caret."""
        self.verticalScrollBar().setValue(max(file_line - self.first_line, 0))

    # -- paste and drop ----------------------------------------------------------

    def canInsertFromMimeData(self, source) -> bool:  # noqa: N802
        return self.paste_handler.can_insert(source) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source) -> None:  # noqa: N802
        if not self.paste_handler.insert(source):
            super().insertFromMimeData(source)

    def paste_plain(self) -> None:
        """Ctrl+Shift+V: the clipboard's text, not its formatting."""
        self.paste_handler.paste_plain()

    # -- Markdown editing commands -----------------------------------------------

    def toggle_wrap(self, marker: str) -> None:
        """Ctrl+B / Ctrl+I: wrap the selection in `marker` (or remove it)."""
        cursor = self.textCursor()
        text = cursor.selectedText()
        cursor.beginEditBlock()
        if text.startswith(marker) and text.endswith(marker) and len(text) >= 2 * len(marker):
            cursor.insertText(text[len(marker):-len(marker)])
        elif text:
            cursor.insertText(f"{marker}{text}{marker}")
        else:
            cursor.insertText(marker * 2)
            cursor.movePosition(QTextCursor.MoveOperation.Left, n=len(marker))
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def insert_link(self) -> None:
        """Ctrl+K: `[selection](|)` with the caret inside the parentheses."""
        cursor = self.textCursor()
        text = cursor.selectedText() or "text"
        cursor.beginEditBlock()
        cursor.insertText(f"[{text}]()")
        cursor.endEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.Left)
        self.setTextCursor(cursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
        ):
            if self._continue_list():
                return
        super().keyPressEvent(event)

    def _continue_list(self) -> bool:
        """Enter on a list item starts the next item; on an empty item, ends the list."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        block = cursor.block()
        line = block.text()
        m = _LIST_ITEM.match(line)
        if not m or cursor.positionInBlock() < m.end():
            return False
        cursor.beginEditBlock()
        if not line[m.end():].strip():
            # An empty item: the writer is done with the list.
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        else:
            indent, bullet, number, delim, space, task = m.groups()
            if number is not None:
                bullet = f"{int(number) + 1}{delim}"
            cursor.insertText("\n" + indent + bullet + space + ("[ ] " if task else ""))
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True
