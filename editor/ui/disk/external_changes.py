"""Carries out the external-change policy and keeps recovery copies of unsaved text.

The controller between the file on disk and the open post:
- the FileWatcher reports a settled change → the facts are gathered and
  `editor.core.disk.change_policy.decide` says what to do; this module only does it:
  RELOAD in place (cursor, selection and scroll kept; a quiet status notice),
  ASK with the non-modal ChangeBanner (Reload / Keep mine / Compare),
  MARK_DELETED with the banner's "deleted" form (the buffer stays; Save
  recreates the file), IGNORE.
- a rename of the post seen by the watcher is followed: the buffer moves to
  the new name with its unsaved edits.
- while the buffer is dirty its text goes to the RecoveryStore `autosave_ms`
  after the last edit and when the app loses focus; the entry is removed on
  save, on an explicit discard (Reload, recovery dialog), when the writer
  leaves the post (after the window's save prompt) and on a normal quit.
- `offer_recovery()` (at start) shows the RecoveryDialog for what a crash left.

What it needs (a protocol, so tests can hand in small parts):
`session` with the DocumentSession signals `documentReplaced`, `pathChanged(str)`,
`saved(str)`, `changed`, `modifiedChanged(bool)`, attributes `path`,
`fingerprint`, `modified`, `document`, and methods `open(path)`, `reload()`,
`flush()`; `body_editor`, a QPlainTextEdit showing the body with "\\n" line
ends that pushes its text into the Document on `session.flush()`; a
ChangeBanner placed above it; optional callables `notify(text)` (status bar),
`open_path(path) -> bool` and `confirm_replace() -> bool` (the window's, which
ask about unsaved changes).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from editor.core.disk import storage
from editor.core.disk.change_policy import Decision, DiskFacts, decide
from editor.core.disk.merge import changed_span, three_way
from editor.core.disk.recovery import RecoveryStore
from editor.core.disk.storage import Fingerprint, StorageError, read_bytes
from editor.core.post.document import Document
from editor.core.post.errors import PostError
from editor.ui.disk.change_banner import ChangeBanner
from editor.ui.disk.diff_view import DiffDialog
from editor.ui.disk.file_watcher import FileWatcher
from editor.ui.disk.recovery_dialog import AUTOSAVE_MS, RecoveryAutosave



def _utf16_len(text: str) -> int:
    """QTextDocument positions count UTF-16 units, not code points."""
    return len(text.encode("utf-16-le")) // 2


def _replace_changed_span(editor: QPlainTextEdit, new: str) -> None:
    """Turn the editor's text into `new` by replacing only the span that differs."""
    old = editor.toPlainText()
    if old == new:
        return
    start, old_end, new_end = changed_span(old, new)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(_utf16_len(old[:start]))
    cursor.setPosition(_utf16_len(old[:old_end]), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(new[start:new_end])


def _editor_text(text: str) -> str:
    """The body as the editor shows it ("\\n" line ends)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# The policy's notes in the writer's language, under one context whatever
# class carries them out (lupdate reads the literal context at each call).
translate = QCoreApplication.translate


class ExternalChangesController(QObject):
    #: The buffer was reloaded in place from disk (clean buffer, or Reload on
    #: the banner). Carries the post path.
    reloaded = Signal(str)
    #: The banner now asks about a change on disk (dirty buffer). Carries the path.
    conflictShown = Signal(str)
    #: The post is gone from disk; the buffer is kept. Carries the path.
    deletedShown = Signal(str)
    #: The post was renamed on disk and the buffer followed. Carries (old, new).
    followedRename = Signal(str, str)

    def __init__(
        self,
        session,
        body_editor: QPlainTextEdit,
        banner: ChangeBanner,
        store: RecoveryStore,
        *,
        watcher: FileWatcher | None = None,
        notify: Callable[[str], None] | None = None,
        open_path: Callable[[Path], bool] | None = None,
        confirm_replace: Callable[[], bool] | None = None,
        save: Callable[[], bool] | None = None,
        autosave_ms: int = AUTOSAVE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.editor, self.banner, self.store = session, body_editor, banner, store
        self.watcher = watcher or FileWatcher(self)
        self._notify = notify or (lambda _text: None)
        self._open_path = open_path
        #: The window's own save (validation first); the banner's Save uses it.
        self._save = save
        self._path: str | None = None  # the post we watch
        self._written: Fingerprint | None = None  # what we last wrote there
        self._dismissed: Fingerprint | None = None  # the disk version "Keep mine" was chosen over
        self._base_text = ""  # the text the buffer was loaded from: the merge base
        self.diff_dialog: DiffDialog | None = None
        #: Autosave to the store and the recovery offer at start.
        self.recovery = RecoveryAutosave(session, store, self._apply_text, notify=self._notify,
                                         open_path=open_path, confirm_replace=confirm_replace,
                                         autosave_ms=autosave_ms, parent=self)

        session.documentReplaced.connect(self._on_document_replaced)
        session.pathChanged.connect(self._on_path_changed)
        session.saved.connect(self._on_saved)
        self.watcher.fileChanged.connect(self._on_disk_event)
        self.watcher.fileDeleted.connect(self._on_disk_event)
        self.watcher.fileMoved.connect(self._on_moved)
        banner.reloadRequested.connect(self.discard_mine_and_reload)
        banner.keepMineRequested.connect(self.keep_mine)
        banner.compareRequested.connect(self.compare)
        banner.saveRequested.connect(self._save_from_banner)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        # Pick up a post opened before we were built.
        self._on_document_replaced(session.document)
        self._on_path_changed(str(session.path or ""))

    # -- session events ----------------------------------------------------------

    def _on_document_replaced(self, doc) -> None:
        self._base_text = doc.text
        self._dismissed = None
        self.banner.clear()
        if self.session.path is not None:
            self.watcher.note_written(self.session.path, self.session.fingerprint)

    def _on_path_changed(self, path: str) -> None:
        new = os.path.abspath(path) if path else None
        if new == self._path:
            return
        if self._path is not None:
            self.watcher.unwatch(self._path)
        self._path = new
        self._written = None
        if new is not None:
            self.watcher.watch(new, self.session.fingerprint)

    def _on_saved(self, path: str) -> None:
        self._written = self.session.fingerprint
        self.watcher.note_written(path, self._written)
        self._dismissed = None
        self._base_text = self.session.document.text
        self.banner.clear()

    def shutdown(self) -> None:
        """The window closed normally (after its "save changes?" prompt)."""
        self.recovery.shutdown()
        self.watcher.close()

    # -- disk events ---------------------------------------------------------------

    def _facts(self) -> DiskFacts:
        self.session.flush()
        path = self._path
        try:
            disk = Fingerprint.of_path(path)
            exists = disk is not None
        except StorageError:
            disk, exists = None, True
        return DiskFacts(exists=exists, disk=disk, loaded=self.session.fingerprint, written=self._written,
                         dirty=self.session.modified, saving=False, dismissed=self._dismissed)

    def _on_disk_event(self, path: str) -> None:
        if path != self._path:
            return
        self.check_disk()

    def check_disk(self) -> Decision:
        """Gather the facts about the open post, decide, act; returns the decision."""
        if self._path is None:
            return Decision.IGNORE
        facts = self._facts()
        decision = decide(facts)
        name = Path(self._path).name
        if decision is Decision.RELOAD:
            if self._reload_in_place():
                self._notify(translate("ExternalChanges", "Reloaded {name}: it changed on disk").format(
                    name=name))
        elif decision is Decision.ASK:
            self.banner.show_changed(name)
            self.conflictShown.emit(self._path)
        elif decision is Decision.MARK_DELETED:
            self.banner.show_deleted(name)
            self.deletedShown.emit(self._path)
        elif self.banner.mode == "deleted" and facts.exists:
            self.banner.clear()  # back on disk as we know it (e.g. git checkout)
        elif self.banner.mode == "changed" and facts.exists and facts.disk is not None \
                and facts.loaded is not None and facts.disk.same_content(facts.loaded):
            self.banner.clear()  # the other program put our version back
        return decision

    def _on_moved(self, old: str, new: str) -> None:
        if old != self._path:
            return
        dirty = self.session.modified
        text = self.session.document.text if dirty else None
        view = self._view_state()
        try:
            self.session.open(new)  # fires pathChanged: the watch moves, the old entry goes
        except (PostError, StorageError) as exc:
            self._notify(translate("ExternalChanges", "{old} was renamed on disk, but {exc}").format(
                old=Path(old).name, exc=exc))
            return
        if text is not None:
            self._apply_text(text)
            self.recovery.autosave_now()
        self._restore_view(view)
        self._notify(translate("ExternalChanges", "{old} was renamed to {new} on disk; following it").format(
            old=Path(old).name, new=Path(new).name))
        self.followedRename.emit(old, new)

    # -- banner choices -------------------------------------------------------------

    def discard_mine_and_reload(self) -> None:
        self.recovery.discard_current()
        self._reload_in_place()

    def keep_mine(self) -> None:
        """Keep the buffer; this disk version is not asked about again.

        The session keeps the fingerprint it loaded, so the next save meets a
        ConflictError and the window confirms the overwrite.
        """
        try:
            self._dismissed = Fingerprint.of_path(self._path) if self._path else None
        except StorageError:
            self._dismissed = None
        self.banner.clear()

    def compare(self) -> DiffDialog | None:
        """Open the side-by-side diff (non-modal); its choice is carried out on close."""
        if self._path is None:
            return None
        self.session.flush()
        mine = self.session.document.text
        disk = self._disk_text()
        if disk is None:
            self.check_disk()
            return None
        # Line by line from the text the buffer was loaded from (front matter per key).
        merged = three_way(self._base_text, mine, disk)
        dialog = DiffDialog(Path(self._path).name, _editor_text(mine), _editor_text(disk), merged,
                            self.editor.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog: self._on_compare_done(d))
        self.diff_dialog = dialog
        dialog.open()
        return dialog

    def _on_compare_done(self, dialog: DiffDialog) -> None:
        self.diff_dialog = None
        if dialog.choice == "disk":
            self.discard_mine_and_reload()
        elif dialog.choice == "mine":
            self.keep_mine()
        elif dialog.choice == "merge" and dialog.merged_text is not None:
            # The merge sits on top of the disk version: load it, then apply
            # the merged text as an (unsaved) edit, so Save writes it without
            # a conflict and Undo can step back.
            view = self._view_state()
            try:
                self.session.reload()
            except (PostError, StorageError) as exc:
                self._notify(translate("ExternalChanges", "Cannot merge: {exc}").format(exc=exc))
                return
            self._apply_text(dialog.merged_text)
            self._restore_view(view)
            self.recovery.autosave_now()
            self._notify(translate("ExternalChanges",
                                   "Merged the change on disk with your edits (not saved yet)"))

    def _save_from_banner(self) -> None:
        """*Save* on the "deleted" banner: the writer asked to write the text back.

        Through the window's save when there is one, so the post is validated
        like any other save; `force` because recreating the file is the point."""
        if self._save is not None:
            self._save()
            return
        try:
            self.session.save(force=True)
        except (StorageError, PostError, ValueError) as exc:
            self._notify(translate("ExternalChanges", "Cannot save: {exc}").format(exc=exc))

    # -- helpers -------------------------------------------------------------------------

    def _disk_text(self) -> str | None:
        try:
            data, _ = read_bytes(self._path)
            return Document.from_bytes(data).text
        except (StorageError, PostError):
            return None

    def _view_state(self) -> tuple[int, int, int, int]:
        cursor = self.editor.textCursor()
        return (cursor.anchor(), cursor.position(), self.editor.verticalScrollBar().value(),
                self.editor.horizontalScrollBar().value())

    def _restore_view(self, state: tuple[int, int, int, int]) -> None:
        anchor, position, v, h = state
        end = max(0, self.editor.document().characterCount() - 1)
        cursor = self.editor.textCursor()
        cursor.setPosition(min(anchor, end))
        cursor.setPosition(min(position, end), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.verticalScrollBar().setValue(v)
        self.editor.horizontalScrollBar().setValue(h)

    def _reload_in_place(self) -> bool:
        """Load the disk version, keeping the caret, selection, scroll and undo.

        When only the body changed (the usual case: another editor, git), the
        difference is applied to the editor as one edit: Qt moves the caret
        with the text around it, only the changed blocks are re-highlighted
        (a 200 KB post reloads in milliseconds instead of re-highlighting
        every line), and Undo steps back to the previous text. Anything else
        (front matter, newline style or encoding changed) replaces the
        Document through the session.
        """
        view = self._view_state()
        try:
            disk_doc, fingerprint = storage.load(self._path)
        except (PostError, StorageError) as exc:
            self._notify(translate("ExternalChanges", "Cannot reload: {exc}").format(exc=exc))
            return False
        if self._patch_to(disk_doc, fingerprint):
            self.editor.verticalScrollBar().setValue(view[2])
            self.editor.horizontalScrollBar().setValue(view[3])
        else:
            try:
                self.session.reload()
            except (PostError, StorageError, ValueError) as exc:
                self._notify(translate("ExternalChanges", "Cannot reload: {exc}").format(exc=exc))
                return False
            self._restore_view(view)
        self.reloaded.emit(self._path or "")
        return True

    def _patch_to(self, disk_doc: Document, fingerprint: Fingerprint) -> bool:
        doc = self.session.document
        mark_saved = getattr(self.session, "mark_saved", None)
        if mark_saved is None or (disk_doc.kind, disk_doc.front_matter_text, disk_doc.newline,
                                  disk_doc.encoding, disk_doc.bom) != (
                doc.kind, doc.front_matter_text, doc.newline, doc.encoding, doc.bom):
            return False
        _replace_changed_span(self.editor, _editor_text(disk_doc.body))
        self.session.flush()
        if self.session.document.to_bytes() != disk_doc.to_bytes():
            return False  # not byte-identical: let the full reload decide
        mark_saved(fingerprint)
        self._base_text = self.session.document.text
        self._dismissed = None
        self.banner.clear()
        self.watcher.note_written(self._path, fingerprint)
        return True

    def _apply_text(self, text: str) -> None:
        """Make the buffer hold `text`, as edits (undoable, unsaved) on the current document."""
        try:
            target = Document.from_bytes(text.encode("utf-8", "surrogatepass"))
        except PostError:
            return
        doc = self.session.document
        if target.front_matter_text != doc.front_matter_text:
            doc.set_front_matter_text(target.front_matter_text)
        body = _editor_text(target.body)
        if body != self.editor.toPlainText():
            view = self._view_state()
            cursor = QTextCursor(self.editor.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(body)  # one undo step, unlike setPlainText
            self._restore_view(view)
        self.session.flush()


def default_recovery_dir() -> Path:
    """The user's data folder for Galley's recovery copies (never next to a post)."""
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


def install(session, body_editor: QPlainTextEdit, banner_layout, *,
            recovery_dir: str | os.PathLike[str] | None = None,
            notify: Callable[[str], None] | None = None,
            open_path: Callable[[Path], bool] | None = None,
            confirm_replace: Callable[[], bool] | None = None,
            save: Callable[[], bool] | None = None,
            closed=None, parent: QObject | None = None) -> ExternalChangesController:
    """Watching, the "Changed on disk" banner and recovery copies for `session`
    (called by app.py's start-up).

    The banner goes into `banner_layout` (a QBoxLayout holding `body_editor`)
    just above the editor. `closed` (a signal: the window accepted its close,
    after the save prompt) stops watching. The recovery offer is the
    caller's to make (`controller.recovery.offer(parent_widget)`), once the
    window is on screen.
    """
    banner = ChangeBanner()
    banner_layout.insertWidget(max(0, banner_layout.indexOf(body_editor)), banner)
    # Owned: this window's live copies are never offered to another window.
    store = RecoveryStore(recovery_dir if recovery_dir is not None else default_recovery_dir(), owned=True)
    controller = ExternalChangesController(
        session, body_editor, banner, store,
        notify=notify, open_path=open_path, confirm_replace=confirm_replace, save=save,
        parent=parent,
    )
    if closed is not None:
        closed.connect(controller.shutdown)
    return controller
