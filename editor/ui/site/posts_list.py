"""A simple list of the site's posts (until the site-workspace issue): newest first,
double-click or Enter opens one."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

_FILE_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")


def _sort_date(summary) -> dt.datetime:
    """The post's date (front matter, else the file name's, else the file time)."""
    value = (summary.front_matter or {}).get("date")
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    m = _FILE_DATE.match(Path(summary.path).name)
    if m:
        try:
            return dt.datetime(*map(int, m.groups()))
        except ValueError:
            pass
    try:
        return dt.datetime.fromtimestamp(Path(summary.path).stat().st_mtime)
    except OSError:
        return dt.datetime.min


def posts_newest_first(summaries) -> list:
    return sorted(summaries, key=_sort_date, reverse=True)


class PostsList(QListWidget):
    #: The writer chose a post. Carries its path (str).
    postChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("postsList")
        self.setAccessibleName("postsList")
        self.setSpacing(3)  # two lines an item: title, then date and file; apart from the next
        self.itemActivated.connect(lambda item: self.postChosen.emit(item.data(Qt.ItemDataRole.UserRole)))

    def show_site(self, model) -> list:
        """Fill the list from an OpenSite's index; returns the summaries, newest first.

        The item under the cursor stays current. A list that would not change
        (the open post was saved) is left alone: refilling a big site's list
        at every save would stall typing."""
        summaries = posts_newest_first(model.summaries)
        items = [self._item_text(s) for s in summaries]
        if items == [self.item(i).text() for i in range(self.count())]:
            return summaries
        current = self.currentItem().data(Qt.ItemDataRole.UserRole) if self.currentItem() else None
        self.clear()
        for s, text in zip(summaries, items):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(s.path))
            item.setToolTip(str(s.path))
            self.addItem(item)
            if str(s.path) == current:
                self.setCurrentItem(item)
        return summaries

    @staticmethod
    def _item_text(s) -> str:
        front_matter = s.front_matter or {}
        title = front_matter.get("title") or Path(s.path).stem
        # A draft's date is only when it was last saved: say it is a draft.
        # "(draft)", not "Draft ·": under a Korean title, Qt sized an item
        # whose second line starts with a Latin letter a few pixels short
        # of what it then draws, and drew the whole item as "제목…" (seen
        # in a screenshot; a second line starting with "(" or a digit is
        # sized right).
        draft = "_drafts" in Path(s.path).parts or front_matter.get("draft") is True
        date = f"{_sort_date(s):%Y-%m-%d}"
        if draft:
            layout = QCoreApplication.translate("PostsList", "{title}\n(draft) {date} · {file}")
        else:
            layout = QCoreApplication.translate("PostsList", "{title}\n{date} · {file}")
        return layout.format(title=title, date=date, file=Path(s.path).name)
