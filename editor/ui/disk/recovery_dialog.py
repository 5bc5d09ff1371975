"""Crash recovery in the window: autosave to the store, and the offer at start.

`RecoveryAutosave` writes the dirty buffer to the RecoveryStore (editor.core.
recovery) `AUTOSAVE_MS` after the last edit and when the app loses focus, and
removes the copy on save, on an explicit discard, when the writer leaves the
post (after the window's save prompt) and on a normal quit.

`RecoveryDialog`, at start: one row per recovered post; selecting it shows the
recovered text against the file on disk now, so the writer sees what they
would get back before choosing. The dialog only reports choices (signals);
`RecoveryAutosave.restore` carries them out.
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QApplication,
    QVBoxLayout,
    QWidget,
)

from editor.core.disk import storage
from editor.core.disk.recovery import RecoveryEntry, RecoveryStore
from editor.core.disk.storage import Fingerprint, StorageError, read_bytes
from editor.core.post.errors import PostError
from editor.ui.disk.diff_view import DiffTable


#: Idle time after the last edit before the recovery copy is written. A
#: SIGKILL loses at most this much typing (plus the write itself, ~12 ms for
#: a 205 KB post, bench/bench_external_change.py).
AUTOSAVE_MS = 2000


def disk_text(path) -> str | None:
    """The post's text on disk now (None if it is gone or unreadable)."""
    from editor.core.post.document import Document

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
        self.setWindowTitle(self.tr("Recover unsaved text"))
        self.resize(980, 620)
        self.store = store
        self.entries = list(entries)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Galley did not close normally. This unsaved text was kept:"))
        layout.addWidget(intro)
        self.list = QListWidget(objectName="recoveryList", accessibleName=self.tr("Unsaved texts kept"))
        intro.setBuddy(self.list)
        layout.addWidget(self.list, 1)
        self.note = QLabel(objectName="recoveryNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.table = DiffTable(self.tr("Recovered text"), self.tr("On disk now"))
        layout.addWidget(self.table, 3)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("Restore"), objectName="restoreButton", default=True)
        self.discard_button = QPushButton(self.tr("Discard"), objectName="discardButton")
        self.later_button = QPushButton(self.tr("Later"), objectName="laterButton",
                                        toolTip=self.tr("Keep the recovered text and ask again next time"))
        buttons.addStretch()
        for b in (self.discard_button, self.later_button, self.restore_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        for entry in self.entries:
            when = _dt.datetime.fromtimestamp(entry.saved_at).strftime("%Y-%m-%d %H:%M:%S")
            where = self.tr("Untitled (never saved)") if entry.untitled else \
                self.tr("{name} — {folder}").format(name=entry.post_path.name, folder=entry.post_path.parent)
            item = QListWidgetItem(self.tr("{where}  ({when})").format(where=where, when=when))
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
        disk = None if entry.untitled else disk_text(entry.post_path)
        if entry.untitled:
            self.note.setText(self.tr("A new post that was never saved: restoring opens it as an unsaved post."))
        elif disk is None:
            self.note.setText(self.tr("The file is no longer on disk: restoring brings it back when you save."))
        elif _based_on_changed(entry):
            self.note.setText(self.tr("The file on disk changed after this text was kept: compare before restoring."))
        else:
            self.note.setText(self.tr("The differences below are your unsaved edits."))
        self.table.set_texts(recovered, disk or "")

    def _restore(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.restoreRequested.emit(entry)
            self.accept()

    def _discard(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        self.discardRequested.emit(entry)
        row = self.list.currentRow()
        self.entries.pop(row)
        self.list.takeItem(row)
        if not self.entries:
            self.accept()


class RecoveryAutosave(QObject):
    """Keeps the dirty buffer of `session` in `store`; offers it back at start.

    `apply_text(text)` puts a text into the buffer as unsaved edits (the
    external-changes controller's, which keeps caret and undo).
    """

    _untitled_count = 0  # keys of untitled buffers, unique within the process

    #: A recovery copy was written. Carries the post path (for an untitled
    #: buffer, its stand-in path inside the store).
    autosaved = Signal(str)
    #: A recovered buffer was put back into the editor. Carries the post path.
    restored = Signal(str)

    def __init__(self, session, store: RecoveryStore, apply_text: Callable[[str], None], *,
                 notify: Callable[[str], None] | None = None,
                 open_path: Callable[[Path], bool] | None = None,
                 confirm_replace: Callable[[], bool] | None = None,
                 autosave_ms: int = AUTOSAVE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.store = session, store
        self._apply_text = apply_text
        self._notify = notify or (lambda _text: None)
        self._open_path = open_path
        self._confirm_replace = confirm_replace or (lambda: not session.modified)
        self._path: str | None = None
        self._untitled_key = ""
        self._writing = False
        self.dialog: RecoveryDialog | None = None
        self._timer = QTimer(self, singleShot=True, interval=autosave_ms)
        self._timer.timeout.connect(self.autosave_now)
        session.changed.connect(self._on_edit)
        # `changed` fires before the session updates `modified`: the first
        # edit of a clean buffer is only seen as dirty through this one.
        session.modifiedChanged.connect(self._on_edit)
        session.saved.connect(self._on_saved)
        session.pathChanged.connect(self._on_path_changed)
        app = QApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._on_app_state)
        self._on_path_changed(str(session.path or ""))

    def set_autosave_interval(self, ms: int) -> None:
        self._timer.setInterval(ms)

    def autosave_now(self) -> bool:
        """Write the dirty buffer to the store now; True if written."""
        self._timer.stop()
        path = self.session.path
        untitled = path is None
        if untitled:
            path = self.store.untitled_path(self._untitled_key)
        self._writing = True
        try:
            # Keys typed in this event-loop turn are still only in the editor.
            self.session.flush()
            if not self.session.modified:
                return False
            doc = self.session.document
            self.store.write(path, doc.text, encoding=doc.encoding or "utf-8", bom=doc.bom or b"",
                             based_on=self.session.fingerprint, untitled=untitled)
        except OSError as exc:
            self._notify(self.tr("Could not keep a recovery copy: {reason}").format(reason=exc.strerror or exc))
            return False
        finally:
            self._writing = False
        self.autosaved.emit(str(path))
        return True

    def discard_current(self) -> None:
        """The writer discarded the buffer's edits (e.g. Reload on the banner)."""
        self._timer.stop()
        self.store.discard(self._path if self._path is not None
                           else self.store.untitled_path(self._untitled_key))

    def shutdown(self) -> None:
        """A normal close comes after the window's "save changes?" prompt: the
        buffer was saved or deliberately discarded, so its copy goes, and the
        window no longer owns anything in the store."""
        self.discard_current()
        self.store.close()

    def offer(self, parent: QWidget | None = None) -> "RecoveryDialog | None":
        """Show the recovery dialog (non-modal) if the store holds entries
        that no running window owns (what a crash or a kill left)."""
        entries = self.store.orphaned()
        if not entries:
            return None
        dialog = RecoveryDialog(self.store, entries, parent)
        dialog.restoreRequested.connect(self.restore)
        dialog.discardRequested.connect(self.store.discard_entry)
        dialog.rejected.connect(lambda d=dialog: self._set_aside(d.entries))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _set_aside(self, entries: list[RecoveryEntry]) -> None:
        # "Later": the writer may now edit these posts; their autosaves and
        # saves must not overwrite or remove the older recovered text.
        for entry in entries:
            try:
                self.store.set_aside(entry)
            except OSError as exc:
                self._notify(self.tr("Could not keep the recovered text of {name}: {reason}").format(
                    name=entry.post_path.name, reason=exc))

    def restore(self, entry: RecoveryEntry) -> bool:
        """Put a recovered buffer back, as unsaved edits on top of the disk version."""
        text = self.store.read(entry)
        if entry.untitled:
            return self._restore_untitled(entry, text)
        if entry.file.name != self.store.path_for(entry.post_path).name:
            self.store.discard_entry(entry)  # a set-aside copy: the buffer holds it now
        path = entry.post_path
        if not path.exists():
            # The post is gone: write the recovered text back to its place
            # (what "restore" means here), then open it.
            try:
                from editor.core.post.encoding import encode

                storage.save(path, encode(text, entry.encoding, entry.bom), None)
            except (StorageError, PostError, ValueError) as exc:
                self._notify(self.tr("Cannot restore {name}: {reason}").format(name=path.name, reason=exc))
                return False
        if self.session.path != path:
            try:
                opened = self._open_path(path) if self._open_path else (self.session.open(path) or True)
            except (PostError, StorageError) as exc:
                self._notify(self.tr("Cannot restore {name}: {reason}").format(name=path.name, reason=exc))
                return False
            if not opened:
                return False
        self._apply_text(text)
        self.autosave_now()  # the entry matches the buffer again
        self._notify(self.tr("Restored unsaved text of {name}").format(name=path.name))
        self.restored.emit(str(path))
        return True

    def _restore_untitled(self, entry: RecoveryEntry, text: str) -> bool:
        from editor.core.post.document import Document

        if not self._confirm_replace():  # the window asks about the current buffer
            return False
        try:
            kind = Document.from_bytes(text.encode("utf-8", "surrogatepass")).kind
        except PostError:
            kind = None
        if kind is not None:
            self.session.new(kind=kind)
        else:
            self.session.new()
        self._apply_text(text)
        self.store.discard_entry(entry)  # now kept under this buffer's own key
        self.autosave_now()
        self._notify(self.tr("Restored an unsaved new post (Save As to give it a file)"))
        self.restored.emit(str(entry.post_path))
        return True

    # -- session events ----------------------------------------------------------

    def _on_edit(self, _change=None) -> None:
        if not self._writing and self.session.modified:
            self._timer.start()

    def _on_saved(self, path: str) -> None:
        self._timer.stop()
        self.store.discard(path)

    def _on_path_changed(self, path: str) -> None:
        new = os.path.abspath(path) if path else None
        if new == self._path and new is not None:
            return
        # We only leave a buffer after the window asked about its unsaved
        # edits (saved or discarded): its recovery copy is stale now. A new
        # untitled buffer (File > New) gets a key of its own.
        self.discard_current()
        self._path = new
        if new is None:
            RecoveryAutosave._untitled_count += 1
            self._untitled_key = f"{os.getpid()}-{id(self):x}-{RecoveryAutosave._untitled_count}"

    def _on_app_state(self, state) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.autosave_now()
