"""At start: offer back the buffers a crash or kill left in the recovery store.

One row per recovered post; selecting it shows the recovered text against the
file on disk now, so the writer sees what they would get back before choosing.
The dialog only reports choices (signals); the controller restores or
discards (external_changes.py), so the dialog is testable on its own.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.recovery import RecoveryEntry, RecoveryStore
from editor.core.storage import Fingerprint, StorageError, read_bytes
from editor.ui.diff_view import DiffTable
from editor.ui.qt_compat import emit


def disk_text(path) -> str | None:
    """The post's text on disk now (None if it is gone or unreadable)."""
    from editor.core.document import Document

    try:
        data, _ = read_bytes(path)
        return Document.from_bytes(data).text
    except (StorageError, Exception):  # noqa: BLE001 - any unreadable file shows as "not on disk"
        return None


def _based_on_changed(entry: RecoveryEntry) -> bool:
    if entry.based_on is None:
        return False
    try:
        now = Fingerprint.of_path(entry.post_path)
    except StorageError:
        return True
    return now is None or (now.size, now.sha256) != (entry.based_on["size"], entry.based_on["sha256"])


class RecoveryDialog(QDialog):
    #: *Restore* clicked; carries the RecoveryEntry. The dialog closes.
    restoreRequested = Signal(object)
    #: *Discard* clicked; carries the RecoveryEntry. The row goes away.
    discardRequested = Signal(object)

    def __init__(self, store: RecoveryStore, entries: list[RecoveryEntry],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle("Recover unsaved text")
        self.resize(980, 620)
        self.store = store
        self.entries = list(entries)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Galley did not close normally. This unsaved text was kept:"))
        self.list = QListWidget(objectName="recoveryList")
        layout.addWidget(self.list, 1)
        self.note = QLabel(objectName="recoveryNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.table = DiffTable("Recovered text", "On disk now")
        layout.addWidget(self.table, 3)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton("Restore", objectName="restoreButton", default=True)
        self.discard_button = QPushButton("Discard", objectName="discardButton")
        self.later_button = QPushButton("Later", objectName="laterButton",
                                        toolTip="Keep the recovered text and ask again next time")
        buttons.addStretch()
        for b in (self.discard_button, self.later_button, self.restore_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        for entry in self.entries:
            when = _dt.datetime.fromtimestamp(entry.saved_at).strftime("%Y-%m-%d %H:%M:%S")
            item = QListWidgetItem(f"{entry.post_path.name} — {entry.post_path.parent}  ({when})")
            self.list.addItem(item)
        self.list.currentRowChanged.connect(self._show_entry)
        self.restore_button.clicked.connect(self._restore)
        self.discard_button.clicked.connect(self._discard)
        self.later_button.clicked.connect(self.reject)
        if self.entries:
            self.list.setCurrentRow(0)

    def current_entry(self) -> RecoveryEntry | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _show_entry(self, row: int) -> None:
        entry = self.current_entry()
        if entry is None:
            self.table.set_rows([])
            self.note.clear()
            return
        recovered = self.store.read(entry)
        disk = disk_text(entry.post_path)
        if disk is None:
            self.note.setText("The file is no longer on disk: restoring brings it back when you save.")
        elif _based_on_changed(entry):
            self.note.setText("The file on disk changed after this text was kept: compare before restoring.")
        else:
            self.note.setText("The differences below are your unsaved edits.")
        self.table.set_texts(recovered, disk or "")

    def _restore(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            emit(self.restoreRequested, entry)
            self.accept()

    def _discard(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        emit(self.discardRequested, entry)
        row = self.list.currentRow()
        self.entries.pop(row)
        self.list.takeItem(row)
        if not self.entries:
            self.accept()
