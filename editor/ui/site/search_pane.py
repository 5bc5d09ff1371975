"""Site-wide search and replace: a pane listing every match with its line.

The search runs on a worker thread (`editor.core.site.search`), sending its
matches in batches, so a 10,000-post site stays responsive; a new search
cancels the previous one. Replacing plans through the lossless path and
writes with `bulk_edit.apply`, which refuses a file changed on disk since it
was listed. The open post with unsaved edits is refused with a message (its
buffer is the writer's; the file under it is not changed behind it).
"""

from __future__ import annotations

import html
import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (QApplication, QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from editor.core.site import bulk_edit, search
from editor.ui.site.written import after_writing, shown_path

MATCH_ROLE = Qt.ItemDataRole.UserRole
SPAN_ROLE = Qt.ItemDataRole.UserRole + 1
#: Matches kept at most: a pattern like "e" on a big site would otherwise
#: fill memory with rows nobody reads.
MAX_MATCHES = 20000
#: A batch goes to the list every this many files or matches, whichever
#: comes first: adding a few hundred rows keeps each UI turn short.
BATCH_FILES = 200
BATCH_MATCHES = 300


class _HighlightDelegate(QStyledItemDelegate):
    """Draws the line with the match's characters highlighted."""

    def paint(self, painter, option, index) -> None:
        span = index.data(SPAN_ROLE)
        if not span:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        start, length = span
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(0)
        doc.setHtml(html.escape(text[:start]) + "<span style='background:#ffd54f;color:#000'>"
                    + html.escape(text[start:start + length]) + "</span>" + html.escape(text[start + length:]))
        painter.save()
        painter.translate(opt.rect.left() + 3, opt.rect.top() + (opt.rect.height() - doc.size().height()) / 2)
        doc.drawContents(painter)
        painter.restore()


class SearchPane(QWidget):
    #: The writer activated a match: (path, line, column).
    resultActivated = Signal(str, int, int)
    #: A search finished: (number of matches, seconds).
    searchFinished = Signal(int, float)
    #: Files were written by a replace. Carries the list of paths (str).
    filesWritten = Signal(list)
    _batch = Signal(int, list)
    _done = Signal(int, float, str, int)

    def __init__(self, site, session, parent: QWidget | None = None) -> None:
        """`site` is the window's SiteOwner, `session` its DocumentSession."""
        super().__init__(parent)
        self.setObjectName("searchPane")
        self._site, self._session = site, session
        self._token = 0
        self._cancel = threading.Event()
        self._query: search.Query | None = None
        self._count = 0
        self.journal: bulk_edit.Journal | None = None

        self.query = QLineEdit(objectName="searchQueryEdit", accessibleName=self.tr("Search the site for"))
        self.query.setPlaceholderText(self.tr("Search the site"))
        self.query.returnPressed.connect(self.start)
        self.regex = QCheckBox(self.tr("Re&gex"), objectName="regexCheck")
        self.case = QCheckBox(self.tr("Match &case"), objectName="caseCheck")
        self.in_body = QCheckBox(self.tr("&Body"), objectName="bodyCheck", checked=True)
        self.in_front_matter = QCheckBox(self.tr("&Front matter"), objectName="frontMatterCheck", checked=True)
        self.search_button = QPushButton(self.tr("&Search"), objectName="searchButton")
        self.search_button.clicked.connect(self.start)
        self.replacement = QLineEdit(objectName="replaceEdit", accessibleName=self.tr("Replace with"))
        self.replacement.setPlaceholderText(self.tr("Replace with"))
        self.replace_button = QPushButton(self.tr("&Replace Selected"), objectName="replaceButton")
        self.replace_button.clicked.connect(self.replace_selected)
        self.results = QTreeWidget(objectName="searchResults", accessibleName=self.tr("Search results"))
        self.results.setHeaderLabels([self.tr("File"), self.tr("Line"), self.tr("Text")])
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.results.setItemDelegateForColumn(2, _HighlightDelegate(self.results))
        self.results.itemActivated.connect(self._activated)
        self.results.itemClicked.connect(self._activated)
        self.status = QLabel(objectName="searchStatus")
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.search_button)
        options = QHBoxLayout()
        for box in (self.regex, self.case, self.in_body, self.in_front_matter):
            options.addWidget(box)
        options.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.replacement, 1)
        bottom.addWidget(self.replace_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(self.results, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        self._batch.connect(self._add_batch)
        self._done.connect(self._finished)

    # -- searching ---------------------------------------------------------------------

    def start(self) -> None:
        """Search the open site off the UI thread; matches appear as they are found."""
        self.cancel()
        self.results.clear()
        self._count = 0
        model = self._site.current
        if model is None or model.site is None:
            self.status.setText(self.tr("No site is open."))
            return
        query = search.Query(self.query.text(), regex=self.regex.isChecked(), case=self.case.isChecked(),
                             body=self.in_body.isChecked(), front_matter=self.in_front_matter.isChecked())
        try:
            query.compile()
        except ValueError as exc:
            self.status.setText(str(exc))
            return
        self._query = query
        self._token += 1
        self._cancel = threading.Event()
        paths = [s.path for s in model.summaries]
        self.status.setText(self.tr("Searching %n post(s)…", "", len(paths)))
        threading.Thread(target=self._work, args=(self._token, paths, query, self._cancel),
                         name="galley-site-search", daemon=True).start()

    def cancel(self) -> None:
        self._cancel.set()

    def _work(self, token: int, paths: list, query: search.Query, cancel: threading.Event) -> None:
        began = time.perf_counter()
        error, batch, files, total = "", [], 0, 0
        try:
            for found in search.search(paths, query, cancelled=cancel.is_set):
                batch.extend(found)
                total += len(found)
                files += 1
                if files % BATCH_FILES == 0 or len(batch) >= BATCH_MATCHES:
                    self._batch.emit(token, batch)
                    batch = []
                if total >= MAX_MATCHES:
                    break
        except Exception as exc:  # noqa: BLE001 - a worker must report, not die silently
            error = str(exc)
        if batch:
            self._batch.emit(token, batch)
        self._done.emit(token, time.perf_counter() - began, error, files)

    def _add_batch(self, token: int, matches: list) -> None:
        if token != self._token:
            return
        rows = []
        for match in matches[:max(MAX_MATCHES - self._count, 0)]:
            item = QTreeWidgetItem([shown_path(self._site, match.path), str(match.line), match.line_text])
            item.setData(0, MATCH_ROLE, match)
            item.setData(2, SPAN_ROLE, (match.column - 1, match.length))
            item.setToolTip(0, str(match.path))
            rows.append(item)
        self._count += len(rows)
        self.results.addTopLevelItems(rows)

    def _finished(self, token: int, seconds: float, error: str, files: int) -> None:
        if token != self._token:
            return
        if error:
            self.status.setText(error)
            return
        text = self.tr("%n match(es)", "", self._count) + " · " + self.tr("%n file(s)", "", files)
        text += " · " + self.tr("{seconds:.2f} s").format(seconds=seconds)
        if self._count >= MAX_MATCHES:
            text += " · " + self.tr("only the first {n} are listed").format(n=MAX_MATCHES)
        self.status.setText(text)
        self.searchFinished.emit(self._count, seconds)

    @property
    def matches(self) -> list:
        return [self.results.topLevelItem(i).data(0, MATCH_ROLE) for i in range(self.results.topLevelItemCount())]

    # -- replacing ---------------------------------------------------------------------

    def replace_selected(self) -> None:
        """Replace the selected matches; files changed since listed are refused."""
        chosen = [item.data(0, MATCH_ROLE) for item in self.results.selectedItems()]
        if not chosen or self._query is None:
            return
        refused = []
        open_path = self._session.path
        if open_path is not None and self._session.modified:
            mine = Path(open_path).resolve()
            for match in [m for m in chosen if Path(m.path).resolve() == mine]:
                chosen.remove(match)
                if not any(r.path == match.path for r in refused):
                    refused.append(bulk_edit.Refusal(match.path, self.tr(
                        "has unsaved changes in the window: save or revert it first")))
        edits, planned_refusals = search.plan_replace(chosen, self._query, self.replacement.text())
        journal = bulk_edit.apply(edits)
        refused += planned_refusals + journal.refused
        if journal.entries:
            self.journal = journal
        text = self.tr("Replaced in %n file(s).", "", len(journal.entries))
        self.status.setText("\n".join([text, *(r.format() for r in refused)]))
        written = [str(p) for p in journal.paths]
        # Rows of written files now point at text that moved: drop them.
        for i in range(self.results.topLevelItemCount() - 1, -1, -1):
            if str(self.results.topLevelItem(i).data(0, MATCH_ROLE).path) in written:
                self.results.takeTopLevelItem(i)
        if written:
            after_writing(self._session, self._site, written)
            self.filesWritten.emit(written)

    # -- helpers --------------------------------------------------------------------

    def _activated(self, item, _column=0) -> None:
        match = item.data(0, MATCH_ROLE)
        if match is not None:
            self.resultActivated.emit(str(match.path), match.line, match.column)
