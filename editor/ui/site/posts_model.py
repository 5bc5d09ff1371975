"""The posts pane's table: a model over the open site's rows, sorted and filtered.

Rows (`editor.core.site.post_rows.PostRow`) are built off the UI thread; this
model only holds them, in display order. Sorting and filtering are done here,
in one Python pass each, and the view shows this model itself. A
QSortFilterProxyModel doing them costs a Python call per row or comparison
(its `filterAcceptsRow`, or `data()` for its own filter and sort): measured
on 10,000 posts, 25 ms per keystroke to filter (Qt's regular expression on
a role: 70 ms) and 0.8 s to sort; a list comprehension over the rows'
lowercase text takes 2-4 ms. Even doing nothing, a proxy made each cell
painted cost three Python calls per role instead of one. Changes on disk arrive as single rows (insert,
remove, dataChanged); the site's batches while it is indexed are added, and
the rows shown are then made again.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QPen, QPixmap

TITLE, DATE, STATE, CATEGORIES, TAGS, PROBLEMS, GIT = range(7)
#: The row (a PostRow) of an index, for views.
RowRole = Qt.ItemDataRole.UserRole + 1
#: How many differing rows a full list may bring before the model is reset
#: instead of changed row by row.
MAX_ROW_CHANGES = 64

_EARLIEST = dt.datetime.min


def _title_key(row):
    return (row.title.casefold(), row.date or _EARLIEST, row.path)


def _date_key(row):
    return (row.date or _EARLIEST, row.title.casefold(), row.path)


def _text_key(attr):
    return lambda row: (", ".join(getattr(row, attr)).casefold(), row.date or _EARLIEST, row.path)


_KEYS = {TITLE: _title_key, DATE: _date_key, STATE: lambda r: (r.state, r.date or _EARLIEST, r.path),
         CATEGORIES: _text_key("categories"), TAGS: _text_key("tags"),
         PROBLEMS: lambda r: (r.problems, r.date or _EARLIEST, r.path)}


def _muted() -> QColor:
    """The palette's quiet text colour (light and dark themes set it)."""
    return QGuiApplication.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)


_CLOCKS: dict[tuple[int, int], QIcon] = {}


def clock_icon(color: QColor, size: int = 14) -> QIcon:
    """A small clock in `color`: the mark of a scheduled post."""
    key = (color.rgba(), size)
    icon = _CLOCKS.get(key)
    if icon is None:
        ratio = max(1.0, QGuiApplication.primaryScreen().devicePixelRatio()) if QGuiApplication.primaryScreen() \
            else 1.0
        pix = QPixmap(int(size * ratio), int(size * ratio))
        pix.setDevicePixelRatio(ratio)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(color, max(1.2, size / 10))
        painter.setPen(pen)
        center = QPointF(size / 2, size / 2)
        radius = size / 2 - pen.widthF()
        painter.drawEllipse(QRectF(center.x() - radius, center.y() - radius, 2 * radius, 2 * radius))
        painter.drawLine(center, QPointF(center.x(), center.y() - radius * 0.65))
        painter.drawLine(center, QPointF(center.x() + radius * 0.5, center.y()))
        painter.end()
        icon = _CLOCKS[key] = QIcon(pix)
    return icon


class _Descending:
    """A sort key compared the other way round (bisect needs ascending keys)."""

    __slots__ = ("key",)

    def __init__(self, key) -> None:
        self.key = key

    def __lt__(self, other: "_Descending") -> bool:
        return other.key < self.key

    def __eq__(self, other) -> bool:
        return self.key == other.key


class PostsModel(QAbstractTableModel):
    """Every row (`all_rows`, sorted) and those the filter keeps (`rows`, shown)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list = []
        self._rows: list = []
        self._paths: dict[str, object] = {}  # path -> row, of every row
        self._column, self._order = DATE, Qt.SortOrder.DescendingOrder
        self._words: list[str] = []
        self._state: str | None = None
        self._headers = (self.tr("Title"), self.tr("Date"), self.tr("State"), self.tr("Categories"),
                         self.tr("Tags"), self.tr("Problems"), self.tr("Git"))
        #: The site's git state per path (changed posts only) and each state's
        #: word; None when the site is not in a repository.
        self._git: dict[str, str] | None = None
        self._git_words: dict[str, str] = {}
        self._states = {"draft": self.tr("draft"), "published": self.tr("published"),
                        "scheduled": self.tr("scheduled")}
        self._state_tips = {"draft": self.tr("Draft: not published"), "published": self.tr("Published"),
                            "scheduled": self.tr("Scheduled: published on its date")}

    # -- Qt's model interface ------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            row = self._rows[index.row()]
            column = index.column()
            if column == TITLE:
                return row.title
            if column == DATE:
                return f"{row.date:%Y-%m-%d}" if row.date is not None else ""
            if column == STATE:
                return self._states[row.state]
            if column == CATEGORIES:
                return ", ".join(row.categories)
            if column == TAGS:
                return ", ".join(row.tags)
            if column == GIT:
                state = self._git.get(row.path) if self._git else None
                return self._git_words.get(state, state or "")
            return str(row.problems) if row.problems else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self._rows[index.row()]
            # The state is named here too: the State column is hidden in a narrow pane.
            state = self._state_tips[row.state]
            git = self._git.get(row.path) if self._git else None
            if git:
                state = f"{state} · {self._git_words.get(git, git)}"
            return f"{state}\n{row.path}" if index.column() != TITLE else f"{row.title}\n{state}\n{row.path}"
        # Drafts and scheduled posts look unlike published ones in every cell
        # (the State column may be hidden): drafts muted and in italics,
        # scheduled posts muted with a clock beside the title.
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._rows[index.row()].state != "published":
                return _muted()
            return None
        if role == Qt.ItemDataRole.FontRole:
            if self._rows[index.row()].state == "draft":
                font = QFont(QGuiApplication.font())
                font.setItalic(True)
                return font
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            if index.column() == TITLE and self._rows[index.row()].state == "scheduled":
                return clock_icon(_muted())
            return None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self._states[self._rows[index.row()].state]
        if role == RowRole:
            return self._rows[index.row()]
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self._column, self._order = column, order
        self.layoutAboutToBeChanged.emit()
        persistent = [(p, self._rows[p.row()].path, p.column()) for p in self.persistentIndexList()
                      if p.isValid() and p.row() < len(self._rows)]
        self._all.sort(key=self._key(), reverse=self._descending())
        self._rows = self._kept(self._all)
        self.changePersistentIndexList(
            [p for p, _, _ in persistent],
            [self.index(self.row_of_path(path), column) for _, path, column in persistent])
        self.layoutChanged.emit()

    # -- what the pane asks --------------------------------------------------------

    @property
    def rows(self) -> list:
        """The rows shown, in display order (read-only)."""
        return self._rows

    @property
    def all_rows(self) -> list:
        """Every row, filtered or not, in display order (read-only)."""
        return self._all

    def row_of_path(self, path: str) -> int:
        """The row showing `path`, or -1 (not a post, or filtered out)."""
        row = self._paths.get(path)
        i = self._shown_at(row) if row is not None else None
        return -1 if i is None else i

    def set_filter(self, text: str, state: str | None = None) -> None:
        """Keep the rows whose text holds every word of `text`, in `state` (None: any)."""
        words = text.lower().split()
        if words == self._words and state == self._state:
            return
        narrower = state == self._state and all(any(w in n for n in words) for w in self._words)
        self._words, self._state = words, state
        # Typing on narrows the rows shown: test only those.
        self._show(self._kept(self._rows if narrower else self._all))

    def clear(self) -> None:
        self.beginResetModel()
        self._all, self._rows, self._paths = [], [], {}
        self.endResetModel()

    def set_rows(self, rows: list) -> None:
        """Show exactly `rows` (a site's full list): unchanged rows stay, a few
        changes are applied row by row, many make the rows again."""
        if len(rows) == len(self._all) and all(self._paths.get(r.path) is r for r in rows):
            return  # the same objects (OpenSite builds a row once per summary)
        new = {r.path: r for r in rows}
        gone = [p for p in self._paths if p not in new]
        changed = [r for r in rows if self._paths.get(r.path) is not r]
        if len(gone) + len(changed) > MAX_ROW_CHANGES:
            self._all = list(rows)
            self._paths = new
            self._all.sort(key=self._key(), reverse=self._descending())
            self._show(self._kept(self._all))
            return
        self.apply(changed, gone)

    def append(self, rows: list) -> None:
        """A batch of a site being indexed: added, put in order, the rows shown made again."""
        rows = [r for r in rows if r.path not in self._paths]
        if not rows:
            return
        self._all.extend(rows)
        self._paths.update((r.path, r) for r in rows)
        self._all.sort(key=self._key(), reverse=self._descending())
        self._show(self._kept(self._all))

    def apply(self, changed: list, gone: list[str]) -> None:
        """Posts changed on disk: each row inserted, removed or updated in place.
        Rows are found by bisection on the sort key (which ends with the path,
        so it is unique): nothing here walks the 10,000 rows of a big site."""
        for path in gone:
            old = self._paths.pop(path, None)
            if old is not None:
                self._drop_from_all(old)
                self._remove_shown(old)
        for row in changed:
            old = self._paths.get(row.path)
            i = self._shown_at(old) if old is not None else None
            self._paths[row.path] = row
            if old is not None:
                self._drop_from_all(old)
            self._all.insert(bisect_left(self._all, self._sort_key(row), key=self._sort_key), row)
            keep = self._keeps(row)
            if i is not None and keep and self._fits_at(row, i):
                self._rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))
                continue
            if i is not None:
                self._remove_shown(old)
            if keep:
                at = bisect_left(self._rows, self._sort_key(row), key=self._sort_key)
                self.beginInsertRows(QModelIndex(), at, at)
                self._rows.insert(at, row)
                self.endInsertRows()

    def set_problems(self, counts: dict[str, int]) -> None:
        """Each post's problem count (path -> count; paths not given keep theirs)."""
        changed = []
        for path, count in counts.items():
            row = self._paths.get(path)
            if row is not None and row.problems != count:
                row.problems = count
                changed.append(row)
        if not changed:
            return
        if self._column == PROBLEMS:
            self.sort(self._column, self._order)  # the order depends on the counts
        else:
            self._cells_changed(changed, PROBLEMS)

    @property
    def git_states(self) -> dict[str, str] | None:
        return self._git

    def set_git_states(self, states: dict[str, str] | None, words: dict[str, str] | None = None) -> None:
        """Each changed post's git state (path -> state); None: not a repository."""
        if words is not None:
            self._git_words = words
        if states == self._git:
            return
        self._git = dict(states) if states is not None else None
        if self._column == GIT:
            self.sort(self._column, self._order)
        elif self._rows:
            self.dataChanged.emit(self.index(0, GIT), self.index(len(self._rows) - 1, GIT))

    # -- inside -----------------------------------------------------------------------

    def _cells_changed(self, rows: list, column: int) -> None:
        """Tell the views one column of these rows changed. A few rows (a post
        checked after a change on disk) are told row by row: a change over
        the whole column makes the view and its proxy go over all 10,000
        rows of a big site (11 ms on the UI thread for one post's count)."""
        if len(rows) > MAX_ROW_CHANGES:
            if self._rows:
                self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))
            return
        for row in rows:
            i = self._shown_at(row)
            if i is not None:
                self.dataChanged.emit(self.index(i, column), self.index(i, column))

    def _keeps(self, row) -> bool:
        if self._state is not None and row.state != self._state:
            return False
        text = row.text
        return all(w in text for w in self._words)

    def _kept(self, rows: list) -> list:
        if not self._words and self._state is None:
            return list(rows)
        words, state = self._words, self._state
        if state is None and len(words) == 1:
            word = words[0]
            return [r for r in rows if word in r.text]
        return [r for r in rows if (state is None or r.state == state) and all(w in r.text for w in words)]

    def _show(self, rows: list) -> None:
        """Show `rows` instead of the rows shown: a reset (the pane keeps its
        current post by path); the view asks only for the rows it draws."""
        if len(rows) == len(self._rows) and all(a is b for a, b in zip(rows, self._rows)):
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def _shown_at(self, row) -> int | None:
        """Where `row` (that very object) is shown, or None."""
        i = bisect_left(self._rows, self._sort_key(row), key=self._sort_key)
        return i if i < len(self._rows) and self._rows[i] is row else None

    def _drop_from_all(self, row) -> None:
        i = bisect_left(self._all, self._sort_key(row), key=self._sort_key)
        if i < len(self._all) and self._all[i] is row:
            del self._all[i]
        else:  # not where its key says (cannot happen while the order holds)
            self._all.remove(row)

    def _remove_shown(self, row) -> None:
        i = self._shown_at(row)
        if i is not None:
            self.beginRemoveRows(QModelIndex(), i, i)
            del self._rows[i]
            self.endRemoveRows()

    def _fits_at(self, row, i: int) -> bool:
        return ((i == 0 or not self._before(row, self._rows[i - 1]))
                and (i + 1 == len(self._rows) or not self._before(self._rows[i + 1], row)))

    def _descending(self) -> bool:
        return self._order == Qt.SortOrder.DescendingOrder

    def _key(self):
        if self._column == GIT:
            states = self._git or {}
            return lambda r: (states.get(r.path, ""), r.date or _EARLIEST, r.path)
        return _KEYS[self._column]

    def _sort_key(self, row):
        key = self._key()(row)
        return _Descending(key) if self._descending() else key

    def _before(self, a, b) -> bool:
        return self._sort_key(a) < self._sort_key(b)
