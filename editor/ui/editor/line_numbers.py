"""The line-number gutter beside the body editor.

Numbers are *file* lines (the body starts after the front matter), so they
match what `galley validate` and the problems panel print.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class LineNumberArea(QWidget):
    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        self._editor = editor
        self.first_line = 1  # file line of the editor's first line
        self.fg = QColor("#9aa3ad")
        self.bg = QColor("#fafafa")
        self.marks: dict[int, QColor] = {}  # editor line (1-based) -> diagnostic colour
        editor.blockCountChanged.connect(self._update_width)
        editor.updateRequest.connect(self._on_update_request)
        self._update_width()

    def set_first_line(self, line: int) -> None:
        self.first_line = max(1, line)
        self._update_width()
        self.update()

    def set_colors(self, fg: str, bg: str) -> None:
        self.fg, self.bg = QColor(fg), QColor(bg)
        self.update()

    def width_hint(self) -> int:
        digits = len(str(self._editor.blockCount() + self.first_line))
        return 14 + self._editor.fontMetrics().horizontalAdvance("9") * max(digits, 3)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.width_hint(), 0)

    def _update_width(self, *_args) -> None:
        self._editor.setViewportMargins(0 if self.isHidden() else self.width_hint(), 0, 0, 0)

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        # Qt's own example also re-measures the width here when the whole
        # viewport is repainted; that asks for editor.viewport(), whose first
        # call from Python costs ~10 ms (PySide resolves the widget's type by
        # loading QtWidgets' classes), before the first paint. The width
        # depends on the block count, the first line and the font, and each
        # of those updates it itself (blockCountChanged, set_first_line,
        # font_changed).
        if dy:
            self.scroll(0, dy)
        else:
            self.update(0, rect.y(), self.width(), rect.height())

    def font_changed(self) -> None:
        """The editor's font changed (zoom, settings): the digits' width did too."""
        self._update_width()
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        editor = self._editor
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.bg)
        block = editor.firstVisibleBlock()
        number = block.blockNumber()
        offset = editor.contentOffset()
        top = round(editor.blockBoundingGeometry(block).translated(offset).top())
        bottom = top + round(editor.blockBoundingRect(block).height())
        current = editor.textCursor().blockNumber()
        height = editor.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible() and bottom >= event.rect().top():
                mark = self.marks.get(number + 1)
                if mark is not None:
                    painter.fillRect(0, top, 3, height, mark)
                painter.setPen(editor.palette().text().color() if number == current else self.fg)
                painter.drawText(0, top, self.width() - 6, height, Qt.AlignmentFlag.AlignRight,
                                 str(number + self.first_line))
            block = block.next()
            top = bottom
            bottom = top + round(editor.blockBoundingRect(block).height())
            number += 1
        painter.end()
