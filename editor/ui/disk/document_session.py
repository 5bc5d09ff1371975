"""The open post: its Document, where it lives on disk, and whether it is saved.

A thin Qt wrapper over editor.core.post.document / storage: it turns the core's
callbacks into signals, tracks the fingerprint of what we last read or wrote
(so storage.save can refuse to overwrite someone else's change), and keeps the
"modified" flag. It opens no dialogs: failures are raised to the caller (the
window decides how to tell the writer).

The issue-6 helper (file watching, recovery) calls `open`, `reload`, `save`
and reads `fingerprint`; keep these small and side-effect free beyond the model.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from editor.core.disk import storage
from editor.core.post.document import Document, FrontMatterKind


class DocumentSession(QObject):
    #: A different Document became current (open, new, revert, reload).
    #: Carries the new Document. Views rebuild themselves from it.
    documentReplaced = Signal(object)
    #: The current Document changed through its own methods (an edit by any
    #: view). Carries the core `Change(part, keys)`.
    changed = Signal(object)
    #: The unsaved-changes state flipped. Carries the new state.
    modifiedChanged = Signal(bool)
    #: The file path changed (open, Save As, new → ""). Carries it as str.
    pathChanged = Signal(str)
    #: A save finished; carries the path written.
    saved = Signal(str)
    #: Fires (synchronously) right before the document is read for saving or
    #: validating: views holding debounced edits push them into it now.
    flushRequested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc: Document = Document.new()
        self._unsubscribe = self._doc.subscribe(self._on_change)
        self._path: Path | None = None
        self.fingerprint: storage.Fingerprint | None = None
        self._saved_revision = self._doc.revision
        self._modified = False

    # -- state -----------------------------------------------------------------

    @property
    def document(self) -> Document:
        return self._doc

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def modified(self) -> bool:
        return self._modified

    def flush(self) -> None:
        self.flushRequested.emit()

    # -- opening ---------------------------------------------------------------

    def open(self, path: str | Path) -> None:
        """Load `path`; raises DecodeError / StorageError and then keeps the old document."""
        path = Path(path).resolve()
        doc, fingerprint = storage.load(path)
        self._replace(doc, path, fingerprint)

    def new(self, kind: FrontMatterKind = FrontMatterKind.YAML, front_matter=None) -> None:
        self._replace(Document.new(kind=kind, front_matter=front_matter or {}), None, None)

    def reload(self) -> None:
        """Read the file again, dropping unsaved edits (Revert, or an external change)."""
        if self._path is None:
            raise ValueError("the document has never been saved")
        self.open(self._path)

    def mark_saved(self, fingerprint) -> None:
        """The current Document now equals the file on disk (`fingerprint`).

        For an external change applied in place as edits (issue 6,
        external_changes.py): the buffer becomes clean without replacing the
        Document, so the editor keeps its undo history and highlighting.
        """
        self.fingerprint = fingerprint
        self._saved_revision = self._doc.revision
        self._doc.rebase()  # later edits keep the style of the file as it now is
        self._set_modified(False)

    def replace_document(self, doc: Document, path: Path | None, fingerprint) -> None:
        """Make `doc` current (e.g. a recovered draft); it counts as unsaved if it differs."""
        self._replace(doc, path, fingerprint)

    def _replace(self, doc: Document, path: Path | None, fingerprint) -> None:
        self._unsubscribe()
        self._doc = doc
        self._unsubscribe = doc.subscribe(self._on_change)
        old_path = self._path
        self._path = path
        self.fingerprint = fingerprint
        self._saved_revision = doc.revision
        self.documentReplaced.emit(doc)
        if path != old_path:
            self.pathChanged.emit(str(path or ""))
        self._set_modified(False)

    # -- saving ----------------------------------------------------------------

    def save(self, path: str | Path | None = None, force: bool = False) -> storage.Fingerprint:
        """Write the document (atomically). Raises ConflictError / StorageError.

        Saving to the file we opened passes the fingerprint we last saw, so a
        file changed by another program is not overwritten silently. Save As
        to another file is a deliberate overwrite (the dialog asked).
        """
        self.flush()
        target = Path(path).resolve() if path is not None else self._path
        if target is None:
            raise ValueError("no file name: use Save As")
        same_file = target == self._path
        expected = self.fingerprint if same_file else None
        fingerprint = storage.save(target, self._doc, expected, force=force or not same_file)
        self.fingerprint = fingerprint
        self._saved_revision = self._doc.revision
        self._doc.rebase()  # the saved text is the file's: its style is the one to keep
        if not same_file:
            self._path = target
            self.pathChanged.emit(str(target))
        self._set_modified(False)
        self.saved.emit(str(target))
        return fingerprint

    # -- internals -------------------------------------------------------------

    def _on_change(self, change) -> None:
        self.changed.emit(change)
        self._set_modified(self._doc.revision != self._saved_revision)

    def _set_modified(self, value: bool) -> None:
        if value != self._modified:
            self._modified = value
            self.modifiedChanged.emit(value)
