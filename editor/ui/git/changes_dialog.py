"""Show Changes: each changed post against its last commit, side by side.

A list of the changed posts on the left (the open one chosen first), the
post as committed and as it is now on the right, changed words highlighted
(`diff_html`). The committed text is read and compared on the git owner's
thread; this dialog only paints the rows it gets back.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor.core.git import diff as git_diff
from editor.ui.git import diff_html
from editor.ui.git.state_names import state_name


def compare(site: Path, path: str, repo, now_text: str | None = None):
    """(rows, committed text, text now) of a site-relative post; runs on the git thread."""
    old = git_diff.head_text(site, path, repo) or ""
    if now_text is None:
        try:
            from editor.core.post import encoding

            now_text = encoding.decode((site / path).read_bytes()).text
        except Exception:
            now_text = ""
    return git_diff.diff_rows(old, now_text), old, now_text


class DiffPane(QWidget):
    """The committed version and the version now, in two aligned columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.view = QTextBrowser(self, objectName="diffView")
        self.view.setAccessibleName(self.tr("The last commit (left) and the post now (right)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        self.rows: list = []

    def show_rows(self, name: str, rows: list) -> None:
        self.rows = rows
        self.view.setHtml(diff_html.table(rows))
        n = diff_html.changed_count(rows)
        self.title.setText(self.tr("{name}: last commit (left), now (right), {count} changed line(s)").format(
            name=name, count=n))


class ChangesDialog(QDialog):
    """Every changed post of the site, each against its last commit."""

    def __init__(self, owner, open_path: str | None, open_text: str | None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("gitChangesDialog")
        self.setWindowTitle(self.tr("Changes since the last commit"))
        self.resize(1100, 650)
        self._owner = owner
        self._open_rel = None
        self._open_text = open_text
        site = owner.site
        self.posts = QListWidget(self, objectName="changedPosts")
        self.posts.setAccessibleName(self.tr("Changed posts"))
        self.pane = DiffPane(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.posts)
        split.addWidget(self.pane)
        split.setSizes([250, 850])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        files = owner.status.files
        if open_path and site is not None:
            try:
                self._open_rel = Path(os.path.abspath(open_path)).relative_to(site).as_posix()
            except ValueError:
                self._open_rel = None
        paths = sorted(files)
        if self._open_rel and self._open_rel not in files:
            paths.insert(0, self._open_rel)  # the open post, even unchanged on disk (its buffer may be)
        first = None
        for rel in paths:
            state = files[rel].state if rel in files else ""
            item = QListWidgetItem(f"{rel}  ({state_name(state)})" if state else rel, self.posts)
            item.setData(Qt.ItemDataRole.UserRole, rel)
            if rel == self._open_rel:
                first = item
        self.posts.currentItemChanged.connect(self._show)
        if first is None and self.posts.count():
            first = self.posts.item(0)
        if first is not None:
            self.posts.setCurrentItem(first)

    def _show(self, item, _previous=None) -> None:
        if item is None:
            return
        rel = item.data(Qt.ItemDataRole.UserRole)
        now = self._open_text if rel == self._open_rel else None
        owner = self._owner
        self.pane.title.setText(self.tr("Reading {name}…").format(name=rel))
        owner.run(compare, owner.site, rel, owner.repository, now,
                  done=lambda result, r=rel: self._compared(r, result), refresh=False)

    def _compared(self, rel: str, result) -> None:
        current = self.posts.currentItem()
        if isinstance(result, Exception) or current is None or current.data(Qt.ItemDataRole.UserRole) != rel:
            return
        self.pane.show_rows(rel, result[0])
