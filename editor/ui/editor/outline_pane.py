"""The outline: the body's headings, indented by level; a click jumps to one,
and the heading of the caret's section is selected as the caret moves.

The headings are read when typing pauses (`IDLE_MS`), never per key, and
only while the pane is shown: on the 205 KB post (about 400 headings) the
reading takes ~4 ms of the UI thread, and the list is rebuilt only when the
headings changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from editor.core.post.outline import Heading, heading_at, headings

#: How long typing must pause before the outline is read again.
IDLE_MS = 400
_INDENT = "    "


class OutlinePane(QListWidget):
    def __init__(self, editor, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("outlinePane")
        self.setAccessibleName(self.tr("Outline"))
        self.setUniformItemSizes(True)
        self._editor = editor
        self._headings: list[Heading] = []
        self._lines: list[int] = []
        self._timer = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._timer.timeout.connect(self.refresh)
        editor.textChanged.connect(self._schedule)
        editor.cursorLineChanged.connect(self._follow)
        self.itemClicked.connect(self._jump)
        self.itemActivated.connect(self._jump)

    @property
    def headings(self) -> list[Heading]:
        return list(self._headings)

    def _schedule(self) -> None:
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Read the headings now; rebuild the list if they changed."""
        self._timer.stop()
        found = headings(self._editor.plain_text())
        if found != self._headings:
            self._headings = found
            self._lines = [h.line for h in found]
            self.clear()
            for h in found:
                item = QListWidgetItem(_INDENT * (h.level - 1) + (h.title or "#" * h.level))
                item.setToolTip(h.title)
                self.addItem(item)
        self._select(self._editor.textCursor().blockNumber())

    def _jump(self, item: QListWidgetItem) -> None:
        row = self.row(item)
        if 0 <= row < len(self._headings):
            self._editor.go_to_line(self._headings[row].line + self._editor.first_line)

    def _follow(self, file_line: int) -> None:
        if self.isVisible():
            self._select(file_line - self._editor.first_line)

    def _select(self, body_line: int) -> None:
        row = heading_at(self._lines, body_line)
        if row != self.currentRow():
            if row < 0:
                self.clearSelection()
                self.setCurrentRow(-1)
            else:
                self.setCurrentRow(row)
                self.scrollToItem(self.item(row), QListWidget.ScrollHint.EnsureVisible)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        # Enter jumps (itemActivated); Escape gives the caret back to the editor.
        if event.key() == Qt.Key.Key_Escape:
            self._editor.setFocus()
            return
        super().keyPressEvent(event)
