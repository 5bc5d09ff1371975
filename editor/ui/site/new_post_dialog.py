"""The New Post dialog: title, date, draft or not, categories and tags.

It asks, and shows where the file will go; `new_post()` says what was chosen
(an editor.core.site.new_post.NewPost). Naming and placing the file is the
core's (`new_post.plan`). Categories and tags are comma-separated, completed
from the terms the open site already uses.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox, QCompleter, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
)

from editor.core.site.new_post import NewPost, now_in, target_path_for


class TermsCompleter(QCompleter):
    """Completes the term being typed in a comma-separated list."""

    def __init__(self, terms: list[str], edit: QLineEdit) -> None:
        super().__init__(terms, edit)
        self._edit = edit
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        edit.setCompleter(self)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index) -> str:  # noqa: N802
        text = self._edit.text()
        head = text.rsplit(",", 1)[0].strip() if "," in text else ""
        term = str(index.data())
        return f"{head}, {term}" if head else term


def terms_of(text: str) -> list[str]:
    seen: list[str] = []
    for term in (t.strip() for t in text.split(",")):
        if term and term not in seen:
            seen.append(term)
    return seen


class NewPostDialog(QDialog):
    def __init__(self, parent, site=None, vocabulary: dict | None = None, current=None,
                 now: _dt.datetime | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newPostDialog")
        self.setWindowTitle(self.tr("New Post"))
        self._site, self._current = site, current
        vocabulary = vocabulary or {}
        self._now = now_in(site, now)
        form = QFormLayout(self)
        welcome = QLabel(self.tr("Welcome! What will you write about today?"), objectName="newPostWelcome")
        form.addRow(welcome)
        self.title_edit = QLineEdit(objectName="newPostTitle")
        self.title_edit.setPlaceholderText(self.tr("The post's title"))
        form.addRow(self.tr("&Title:"), self.title_edit)
        self.date_edit = QDateTimeEdit(objectName="newPostDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        zone = QTimeZone(int(self._now.utcoffset().total_seconds()))
        self.date_edit.setTimeZone(zone)
        self.date_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(self._now.timestamp()), zone))
        form.addRow(self.tr("&Date:"), self.date_edit)
        self.draft_box = QCheckBox(self.tr("Dra&ft (not published yet)"), objectName="newPostDraft")
        self.draft_box.setChecked(True)
        form.addRow(self.draft_box)
        self.categories_edit = QLineEdit(objectName="newPostCategories")
        self.tags_edit = QLineEdit(objectName="newPostTags")
        for edit, name in ((self.categories_edit, "categories"), (self.tags_edit, "tags")):
            edit.setPlaceholderText(self.tr("comma-separated"))
            TermsCompleter(list(vocabulary.get(name, [])), edit)
        form.addRow(self.tr("&Categories:"), self.categories_edit)
        form.addRow(self.tr("T&ags:"), self.tags_edit)
        self.romanize_box = QCheckBox(self.tr("&Romanize Korean in the file name"), objectName="newPostRomanize")
        form.addRow(self.romanize_box)
        self.where = QLabel(objectName="newPostWhere")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("File:"), self.where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for signal in (self.title_edit.textChanged, self.draft_box.toggled, self.romanize_box.toggled,
                       self.date_edit.dateTimeChanged):
            signal.connect(self._show_where)
        self._show_where()
        self.title_edit.setFocus()

    def new_post(self) -> NewPost:
        """What the writer chose."""
        seconds = self.date_edit.dateTime().toSecsSinceEpoch()
        date = _dt.datetime.fromtimestamp(seconds, self._now.tzinfo)
        return NewPost(title=self.title_edit.text().strip(), date=date, draft=self.draft_box.isChecked(),
                       categories=terms_of(self.categories_edit.text()), tags=terms_of(self.tags_edit.text()),
                       romanize=self.romanize_box.isChecked())

    def _show_where(self, *_args) -> None:
        if self._site is None:
            self.where.setText(self.tr("(chosen when you save)"))
            return
        path = target_path_for(self._site, self.new_post(), self._current)
        try:
            shown = path.relative_to(self._site.root).as_posix()
        except ValueError:
            shown = str(path)
        self.where.setText(shown)
