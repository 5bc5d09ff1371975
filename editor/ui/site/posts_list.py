"""The posts pane: the open site's posts as a table, filtered as you type.

Title, date, state (draft, published, scheduled), categories, tags and
problems; a click on a header sorts (newest first to begin with). A narrow
pane hides the State column, so the title cell shows the state too (the
model's look: drafts muted in italics, scheduled posts muted with a clock). The filter
box searches title, tags, categories and the start of each body; the state
box keeps one state. Arrows move, Enter (or a double click) opens a post;
Down in the filter box goes to the table, Enter there opens the row shown
first. Rows come from the site owner's worker (`postsIndexed` in batches
while the site is read, `postsUpdated` one by one for changes on disk): this
pane parses nothing and reads no file.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.ui.site.posts_model import CATEGORIES, DATE, GIT, PROBLEMS, STATE, TAGS, TITLE, PostsModel

#: Columns shown besides the title when there is room, most wanted first.
OPTIONAL_COLUMNS = (DATE, GIT, STATE, PROBLEMS, TAGS, CATEGORIES)
#: Narrowest the title column gets before a column is hidden for it (in "M" widths).
TITLE_MIN_EMS = 10


class PostsList(QWidget):
    #: The writer chose a post. Carries its path (str).
    postChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("postsList")
        self.setAccessibleName(self.tr("Posts"))
        self._site = None  # the OpenSite whose rows are shown
        self._live: tuple[str, int] | None = None  # the open post's (path, problems) as typed
        # The view shows the model itself: it sorts and filters its rows (see
        # posts_model), and a proxy in between cost three Python calls per
        # cell and role painted instead of one.
        self.model = PostsModel(self)

        self.filter_box = QLineEdit(self, objectName="postsFilter", clearButtonEnabled=True)
        self.filter_box.setPlaceholderText(self.tr("Filter: title, text, tags, categories"))
        self.filter_box.setAccessibleName(self.tr("Filter posts"))
        self.state_box = QComboBox(self, objectName="postsState", accessibleName=self.tr("Posts to show"))
        for label, state in ((self.tr("All"), None), (self.tr("Drafts"), "draft"),
                             (self.tr("Published"), "published"), (self.tr("Scheduled"), "scheduled")):
            self.state_box.addItem(label, state)
        self.progress = QProgressBar(self, objectName="postsProgress", textVisible=True)
        self.progress.setFormat(self.tr("Indexing %v / %m"))
        self.progress.hide()

        self.table = QTableView(self, objectName="postsTable", accessibleName=self.tr("Posts of the site"))
        self.table.setAccessibleDescription(self.tr("Enter opens the post"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        # Long titles end in "…" within the pane; never a sideways scroll bar.
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(24)
        metrics = self.fontMetrics()
        self._widths = {DATE: metrics.horizontalAdvance("0000-00-00") + 16,
                        STATE: max(metrics.horizontalAdvance(self.model.headerData(STATE, Qt.Orientation.Horizontal)),
                                   metrics.horizontalAdvance(self.tr("scheduled"))) + 16,
                        PROBLEMS: max(metrics.horizontalAdvance(self.model.headerData(PROBLEMS, Qt.Orientation.Horizontal)),
                                      metrics.horizontalAdvance("0000")) + 16,
                        GIT: metrics.horizontalAdvance("modified") + 16,
                        TAGS: metrics.horizontalAdvance("M") * 8, CATEGORIES: metrics.horizontalAdvance("M") * 8}
        for column, width in self._widths.items():
            header.resizeSection(column, width)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        self.table.activated.connect(self._open)
        self.table.doubleClicked.connect(self._open)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.state_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)

        self.filter_box.textChanged.connect(self._refilter)
        self.state_box.currentIndexChanged.connect(self._refilter)
        self.filter_box.installEventFilter(self)
        # Filtering makes the rows shown again (a model reset): keep the current post.
        self._current_path: str | None = None
        self.model.modelAboutToBeReset.connect(self._remember_current)
        self.model.modelReset.connect(self._restore_current)
        self.table.viewport().installEventFilter(self)  # its width decides the columns shown

    # -- what the window feeds it ----------------------------------------------------

    def show_indexed(self, site, rows: list, done: int, total: int, full: bool) -> None:
        """A batch of `site`'s rows while it is indexed, or (`full`) all of them."""
        if site is not self._site:
            self._site = site
            self.model.clear()
        if full:
            self.model.set_rows(rows)
            self.progress.hide()
            return
        self.model.append(rows)
        if done < total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.show()
        else:
            self.progress.hide()

    def show_updates(self, site, rows: list, gone: list) -> None:
        """Posts of `site` changed on disk: only their rows change."""
        if site is self._site:
            self.model.apply(rows, gone)

    def show_problems(self, site, counts: dict) -> None:
        """Errors and warnings of `site`'s posts (path -> count) as checked on
        disk; the open post's own count, from its live check, stays."""
        if site is self._site:
            if self._live is not None:
                counts = {**counts, self._live[0]: self._live[1]}
            self.model.set_problems(counts)

    def show_live_problems(self, path: str | None, count: int) -> None:
        """The open post's errors and warnings as the writer types."""
        self._live = (path, count) if path else None
        if path:
            self.model.set_problems({path: count})

    def show_git_states(self, states: dict[str, str] | None, words: dict[str, str] | None = None) -> None:
        """Each changed post's git state (absolute path -> state); None hides the
        Git column (the site is not in a repository)."""
        self.model.set_git_states(states, words)
        self._fit_columns()

    def clear(self) -> None:
        self._site = None
        self.model.clear()
        self.progress.hide()

    # -- what tests and the window ask -------------------------------------------------

    def count(self) -> int:
        """Rows shown (after the filter)."""
        return self.model.rowCount()

    def shown_rows(self) -> list:
        """The PostRows shown, in order."""
        return list(self.model.rows)

    def newest(self):
        """The newest post's row (whatever the sort and filter), or None."""
        rows = self.model.all_rows
        dated = [r for r in rows if r.date is not None]
        return max(dated, key=lambda r: r.date) if dated else (rows[0] if rows else None)

    def select_path(self, path: str) -> None:
        row = self.model.row_of_path(str(path))
        if row < 0:
            return
        index = self.model.index(row, 0)
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)

    # -- inside ----------------------------------------------------------------------------

    def _fit_columns(self) -> None:
        """Hide the columns that do not fit beside a readable title: a narrow
        pane shows title and date, a wide one everything; never a sideways scroll."""
        room = self.table.viewport().width() - self.fontMetrics().horizontalAdvance("M") * TITLE_MIN_EMS
        header = self.table.horizontalHeader()
        for column in OPTIONAL_COLUMNS:
            width = self._widths[column]
            fits = room >= width and (column != GIT or self.model.git_states is not None)
            header.setSectionHidden(column, not fits)
            if fits:
                room -= width

    def _remember_current(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            self._current_path = self.model.rows[current.row()].path

    def _restore_current(self) -> None:
        path, self._current_path = self._current_path, None
        if path is not None:
            self.select_path(path)

    def _refilter(self) -> None:
        self.model.set_filter(self.filter_box.text(), self.state_box.currentData())

    def _open(self, index) -> None:
        if index.isValid():
            self.postChosen.emit(self.model.rows[index.row()].path)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_columns()
            return False
        if watched is self.filter_box and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount():
                self.table.setFocus()
                current = self.table.currentIndex()
                if not current.isValid():
                    self.table.setCurrentIndex(self.model.index(0, 0))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.model.rowCount():
                current = self.table.currentIndex()
                self._open(current if current.isValid() else self.model.index(0, 0))
                return True
        return super().eventFilter(watched, event)
