"""Validation while the writer types: debounced, off the UI thread.

A change restarts a short timer; when it fires, an immutable snapshot goes to
the validation thread (`validate_document(snapshot, context)`, a pure function
of its inputs), and the diagnostics come back by signal. As with rendering,
at most one job is in flight and the newest snapshot wins. Saving does not
wait for the thread: `validate_now()` checks the current document directly
(~1 ms for a typical post), so the "errors block the save" decision is never
made on stale results.

A new post (untitled, not typed in yet) shows no problems: an empty title is
not a mistake before the writer has written anything. The first edit, or
`validate_now` before a save, checks it as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from editor.core.validation import ValidationContext, validate_document
from editor.ui.platform.qt_compat import stop_at_exit

DEBOUNCE_MS = 250


class _Worker(QObject):
    finished = Signal(int, object)  # revision, list[Diagnostic]

    @Slot(int, object, object)
    def validate(self, revision: int, snapshot, context) -> None:
        try:
            diagnostics = validate_document(snapshot, context)
        except Exception:  # noqa: BLE001 - the rules report their own crashes; this is a last guard
            diagnostics = []
        self.finished.emit(revision, diagnostics)


class ValidationController(QObject):
    #: New diagnostics for the current document. Carries the list of
    #: editor.core.validation.Diagnostic, sorted by position.
    diagnosticsReady = Signal(object)
    _request = Signal(int, object, object)

    def __init__(self, session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.context = ValidationContext()
        self.diagnostics: list = []
        self._thread = QThread()
        self._thread.setObjectName("galley-validate")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.validate)
        self._worker.finished.connect(self._on_finished)
        self._thread.start()
        stop_at_exit(self._thread)
        self._busy = False
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)
        self._edited = False  # typed in since the document became current
        session.changed.connect(self._on_changed)
        session.documentReplaced.connect(self._on_replaced)

    def _on_changed(self, _change) -> None:
        self._edited = True
        self._timer.start()

    def _on_replaced(self, _doc) -> None:
        self._edited = False
        self.run()

    @property
    def quiet(self) -> bool:
        """A new post nobody has typed in yet: no problems shown."""
        return self._session.path is None and not self._edited

    def set_context(self, context: ValidationContext) -> None:
        self.context = context
        self.run()

    def run(self) -> None:
        """Validate the current document in the worker thread."""
        self._timer.stop()
        if self.quiet and not self._busy:
            self._publish([])
            return
        if self._busy:
            self._dirty = True
            return
        self._busy = True
        snapshot = self._session.document.snapshot()
        self._request.emit(snapshot.revision, snapshot, self.context)

    def _on_finished(self, revision: int, diagnostics) -> None:
        self._busy = False
        if self._dirty:
            self._dirty = False
            self.run()
            return
        if revision == self._session.document.revision:
            self._publish([] if self.quiet else diagnostics)

    def validate_now(self) -> list:
        """Blocking check of the current document (used right before saving)."""
        self._session.flush()
        self._edited = True  # a save was asked for: the post is checked from now on
        diagnostics = validate_document(self._session.document.snapshot(), self.context)
        self._publish(diagnostics)
        return diagnostics

    def _publish(self, diagnostics) -> None:
        self.diagnostics = list(diagnostics)
        self.diagnosticsReady.emit(self.diagnostics)

    def shutdown(self) -> None:
        self._thread.quit()
        self._thread.wait(5000)
