"""The tags and categories manager: every term with its count, renamed or
merged across the site after a preview of the lines that will change.

The plan, the writing and the undo are `editor.core.site.bulk_edit`'s; this
dialog shows them. The dialog is kept by the window, so "Undo last rename"
stays available until the next rename.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from editor.core.site import bulk_edit
from editor.ui.site.written import after_writing, shown_path


class TagsDialog(QDialog):
    #: Files were written (renamed or restored). Carries the list of paths (str).
    filesWritten = Signal(list)
    #: The preview is listed (planned on a worker thread). Carries the seconds it took.
    planned = Signal(float)
    _plan_done = Signal(int, object, float)

    def __init__(self, site, session, parent: QWidget | None = None) -> None:
        """`site` is the window's SiteOwner, `session` its DocumentSession."""
        super().__init__(parent)
        self.setObjectName("tagsDialog")
        self.setWindowTitle(self.tr("Tags and Categories"))
        self.resize(760, 560)
        self._site, self._session = site, session
        self._edits: list[bulk_edit.FileEdit] = []
        self._token = 0
        self._planning = False  # a preview is being read on its thread
        self._plan_done.connect(self._show_plan)
        self.journal: bulk_edit.Journal | None = None

        self.terms = QTreeWidget(objectName="termsTree", accessibleName=self.tr("Terms of the site"))
        self.terms.setHeaderLabels([self.tr("Term"), self.tr("Posts"), self.tr("Taxonomy")])
        self.terms.setRootIsDecorated(False)
        self.terms.setSortingEnabled(True)
        self.terms.currentItemChanged.connect(self._term_chosen)
        self.new_name = QLineEdit(objectName="newNameEdit", accessibleName=self.tr("Rename to"))
        self.new_name.setPlaceholderText(self.tr("New name (an existing one merges)"))
        self.preview_button = QPushButton(self.tr("&Preview"), objectName="previewButton")
        self.apply_button = QPushButton(self.tr("&Apply"), objectName="applyButton")
        self.undo_button = QPushButton(self.tr("&Undo Last Rename"), objectName="undoButton")
        self.preview_button.clicked.connect(self.preview)
        self.apply_button.clicked.connect(self.apply)
        self.undo_button.clicked.connect(self.undo)
        self.apply_button.setEnabled(False)
        self.undo_button.setEnabled(False)
        self.changes = QTreeWidget(objectName="previewTree", accessibleName=self.tr("Changes the rename makes"))
        self.changes.setHeaderLabels([self.tr("File"), self.tr("Line"), self.tr("Before → after")])
        self.changes.setRootIsDecorated(False)
        self.status = QLabel(objectName="statusLabel")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Rename to:")))
        row.addWidget(self.new_name, 1)
        for button in (self.preview_button, self.apply_button, self.undo_button):
            row.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.terms, 2)
        layout.addLayout(row)
        layout.addWidget(self.changes, 2)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.new_name.textChanged.connect(lambda _t: self._forget_plan())
        site.siteChanged.connect(lambda _m: self.refill() if self.isVisible() else None)

    # -- the terms ---------------------------------------------------------------------

    def refill(self) -> None:
        """Every term of the open site with its number of posts. The chosen term
        stays chosen, and a preview asked for or shown is made again: the site
        was re-read, so its files may have changed (and a preview still being
        read when the list was remade would otherwise never show)."""
        current = self.terms.currentItem()
        chosen = (current.text(2), current.text(0)) if current is not None else None
        again = self._planning or bool(self._edits)
        self.terms.setSortingEnabled(False)
        self.terms.clear()
        model = self._site.current
        if model is None or model.site is None:
            self.status.setText(self.tr("No site is open."))
            return
        for taxonomy, counts in model.site.vocabulary().items():
            for term, count in counts.items():
                item = QTreeWidgetItem([term, "", taxonomy])
                item.setData(1, Qt.ItemDataRole.DisplayRole, count)
                self.terms.addTopLevelItem(item)
        self.terms.setSortingEnabled(True)
        self.terms.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        for column in range(3):
            self.terms.resizeColumnToContents(column)
        if chosen is not None and self.choose(*chosen) and again:
            self.preview()

    def choose(self, taxonomy: str, term: str) -> bool:
        for i in range(self.terms.topLevelItemCount()):
            item = self.terms.topLevelItem(i)
            if (item.text(2), item.text(0)) == (taxonomy, term):
                self.terms.setCurrentItem(item)
                return True
        return False

    def _term_chosen(self, current, _previous) -> None:
        if current is not None and not self.new_name.text():
            self.new_name.setText(current.text(0))
        self._forget_plan()

    # -- plan, apply, undo ------------------------------------------------------------

    def preview(self) -> None:
        """List the files and lines the rename would change; nothing is written.
        Planned on a worker thread (a common tag reads thousands of posts)."""
        self._forget_plan()
        item, model = self.terms.currentItem(), self._site.current
        if item is None or model is None or model.site is None:
            return
        taxonomy, old, new = item.text(2), item.text(0), self.new_name.text().strip()
        generator = model.site.generator
        keys = bulk_edit.taxonomy_keys(generator, taxonomy)
        split = generator in ("jekyll", "unknown")
        paths = [s.path for s in model.summaries if bulk_edit.holds_term(s.front_matter or {}, keys, old, split)]
        self._token += 1
        self._planning = True
        self.status.setText(self.tr("Reading %n post(s)…", "", len(paths)))
        threading.Thread(target=self._plan, args=(self._token, paths, generator, taxonomy, old, new),
                         name="galley-rename-plan", daemon=True).start()

    def _plan(self, token, paths, generator, taxonomy, old, new) -> None:
        began = time.perf_counter()
        try:
            result = bulk_edit.plan_rename(paths, generator, taxonomy, old, new)
        except ValueError as exc:
            result = str(exc)
        self._plan_done.emit(token, result, time.perf_counter() - began)

    def _show_plan(self, token: int, result, seconds: float) -> None:
        if token != self._token:
            return
        self._planning = False
        if isinstance(result, str):
            self.status.setText(result)
            self.planned.emit(seconds)
            return
        edits, refused = result
        refused = refused + self._refuse_unsaved(edits)
        edits = [e for e in edits if not any(r.path == e.path for r in refused)]
        for edit in edits:
            for change in edit.changes:
                text = f"{change.before.strip()}  →  {change.after.strip() or self.tr('(removed)')}"
                row = QTreeWidgetItem([shown_path(self._site, edit.path), str(change.line), text])
                row.setToolTip(0, str(edit.path))
                self.changes.addTopLevelItem(row)
        self._edits = edits
        self.apply_button.setEnabled(bool(edits))
        lines = sum(len(e.changes) for e in edits)
        text = self.tr("%n file(s) will change", "", len(edits)) + " · " + self.tr("%n line(s)", "", lines)
        self.status.setText("\n".join([text, *(r.format() for r in refused)]))
        for column in range(3):
            self.changes.resizeColumnToContents(column)
        self.planned.emit(seconds)

    def apply(self) -> None:
        """Write the previewed files; a file changed since the preview is refused."""
        if not self._edits:
            return
        journal = bulk_edit.apply(self._edits)
        self._forget_plan()
        self.journal = journal if journal.entries else self.journal
        self.undo_button.setEnabled(self.journal is not None)
        text = self.tr("Changed %n file(s).", "", len(journal.entries))
        self.status.setText("\n".join([text, *(r.format() for r in journal.refused)]))
        self._written([str(p) for p in journal.paths])

    def undo(self) -> None:
        """Restore the bytes the last rename replaced (refusing files changed since)."""
        if self.journal is None:
            return
        done = bulk_edit.undo(self.journal)
        self.journal = None
        self.undo_button.setEnabled(False)
        text = self.tr("Restored %n file(s).", "", len(done.entries))
        self.status.setText("\n".join([text, *(r.format() for r in done.refused)]))
        self._written([str(p) for p in done.paths])

    # -- helpers --------------------------------------------------------------------

    def _refuse_unsaved(self, edits) -> list:
        """The open post with unsaved edits is not changed behind its buffer."""
        path = self._session.path
        if path is None or not self._session.modified:
            return []
        return [bulk_edit.Refusal(e.path, self.tr("has unsaved changes in the window: save or revert it first"))
                for e in edits if Path(e.path).resolve() == Path(path).resolve()]

    def _written(self, paths: list) -> None:
        if not paths:
            return
        after_writing(self._session, self._site, paths)
        self.filesWritten.emit(paths)

    def _forget_plan(self) -> None:
        self._token += 1  # a plan still being read is for another name: drop it
        self._planning = False
        self._edits = []
        self.changes.clear()
        self.apply_button.setEnabled(False)
