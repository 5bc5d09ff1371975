"""Commit…: choose posts, write a message, commit with the repository's hooks.

Every changed post is listed with its state; the open post is checked to
begin with. The commit runs on the git owner's thread (`core.git.commit`:
the repository's hooks run, identity and signing come from the user's git
configuration). What git and the hooks printed is shown in the dialog; a
failing hook's `path:line:col: severity: message` lines also go to the
problems panel (`hookProblems`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
)

from editor.core.git import commit as git_commit
from editor.ui.git.state_names import state_name


@dataclass(frozen=True)
class HookProblem:
    """A hook's diagnostic as the problems panel reads it (the post named in the message)."""

    severity: str
    message: str
    line: int
    column: int
    rule: str
    path: str


def problems_of(diagnostics) -> list[HookProblem]:
    return [HookProblem(d.severity if d.severity in ("error", "warning") else "info",
                        f"{d.path}: {d.message}", d.line, d.column, d.rule or "hook", d.path)
            for d in diagnostics]


class CommitDialog(QDialog):
    #: A commit failed with problems from the hooks. Carries [HookProblem].
    hookProblems = Signal(list)
    #: The commit was made. Carries its id.
    committed = Signal(str)

    def __init__(self, owner, open_rel: str | None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("gitCommitDialog")
        self.setWindowTitle(self.tr("Commit"))
        self.resize(720, 620)
        self._owner = owner
        status = owner.status
        self.posts = QListWidget(self, objectName="commitPosts")
        self.posts.setAccessibleName(self.tr("Posts to commit"))
        for rel in sorted(status.files):
            entry = status.files[rel]
            item = QListWidgetItem(f"{rel}  ({state_name(entry.state)})", self.posts)
            item.setData(Qt.ItemDataRole.UserRole, rel)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if rel == open_rel else Qt.CheckState.Unchecked)
        self.message = QPlainTextEdit(self, objectName="commitMessage")
        self.message.setAccessibleName(self.tr("Commit message"))
        self.message.setPlaceholderText(self.tr("What changed, and why"))
        self.output = QPlainTextEdit(self, readOnly=True, objectName="commitOutput")
        self.output.setAccessibleName(self.tr("Output of git and the hooks"))
        self.output.hide()
        self.note = QLabel(self, objectName="commitNote")
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.commit_button = self.buttons.addButton(self.tr("Commit"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.commit_button.setObjectName("commitButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.commit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Posts to commit:"), self))
        layout.addWidget(self.posts, 2)
        layout.addWidget(QLabel(self.tr("Message:"), self))
        layout.addWidget(self.message, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.output, 2)
        layout.addWidget(self.buttons)
        self.message.textChanged.connect(self._update)
        self.posts.itemChanged.connect(self._update)
        self._update()

    def chosen(self) -> list[str]:
        return [self.posts.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.posts.count())
                if self.posts.item(i).checkState() == Qt.CheckState.Checked]

    def commit(self) -> None:
        paths, message = self.chosen(), self.message.toPlainText()
        if not paths or not message.strip():
            return
        self.commit_button.setEnabled(False)
        self.note.setText(self.tr("Committing (the repository's hooks are running)…"))
        owner = self._owner
        owner.run(git_commit.commit, owner.site, paths, message, owner.repository, done=self._done)

    def _done(self, result) -> None:
        if isinstance(result, Exception):
            self.note.setText(str(result))
            self._update()
            return
        self.output.setPlainText(result.output)
        self.output.setVisible(bool(result.output))
        if result.ok:
            self.note.setText(self.tr("Committed {id}.").format(id=(result.commit or "")[:8]))
            self.committed.emit(result.commit or "")
            self.accept()
            return
        self.note.setText(self.tr("The commit failed: nothing was committed. git's and the hooks' output:"))
        if result.diagnostics:
            self.hookProblems.emit(problems_of(result.diagnostics))
        self._update()

    def _update(self, *_args) -> None:
        self.commit_button.setEnabled(bool(self.chosen()) and bool(self.message.toPlainText().strip()))
