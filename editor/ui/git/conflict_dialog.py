"""A conflicted post after a pull: its versions merged, the rest chosen, then resolved.

The three versions are read (`editor.core.git.conflicts.read_stages`) and
merged (`merge_stages`: front matter per key, body by line) on the git
owner's thread; the places both writers changed are shown in the conflict
view. *Save & mark resolved* writes the merged post in the encoding, byte
order mark and line endings the post had (the merge keeps each line's own
ending) and stages it, which is what marks it resolved for git.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from editor.core.disk import storage
from editor.core.git import conflicts
from editor.core.git.runner import GitResult
from editor.ui.git.conflict_view import ConflictView


def load(site: Path, rel: str, repo):
    """(Stages, ThreeWay) of a conflicted post; runs on the git thread."""
    stages = conflicts.read_stages(site, rel, repo)
    if stages is None:
        return None
    return stages, conflicts.merge_stages(stages)


def resolve_keeping_encoding(site: Path, rel: str, text: str, repo) -> GitResult:
    """Write `text` as the post in the encoding (and BOM) the file has, then `git add` it."""
    from editor.core.post import encoding

    target = site / rel
    codec, bom = "utf-8", b""
    try:
        decoded = encoding.decode(target.read_bytes())
        codec, bom = decoded.encoding, decoded.bom
    except Exception:  # missing (deleted on one side) or undecodable: UTF-8
        pass
    try:
        data = encoding.encode(text, codec, bom)
    except encoding.EncodeError:
        data = text.encode("utf-8")  # a character the old encoding cannot hold
    try:
        storage.save_bytes(target, data, None, force=True)
    except storage.StorageError as exc:
        return GitResult(1, b"", str(exc))
    return repo.git("add", "--", repo.to_repo(rel))


class ConflictDialog(QDialog):
    """Resolve one conflicted post; `accepted` once it is saved and staged."""

    def __init__(self, owner, rel: str, loaded, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("gitConflictDialog")
        self.setWindowTitle(self.tr("Resolve conflicts in {name}").format(name=rel))
        self.resize(1000, 720)
        self._owner, self.rel = owner, rel
        stages, merge = loaded
        self.stages, self.merge = stages, merge
        layout = QVBoxLayout(self)
        self.view = ConflictView(merge, self.tr("Yours"), self.tr("Theirs"), self)
        layout.addWidget(self.view, 1)
        self.error = QLabel(self, objectName="resolveError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("Save && Mark Resolved"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveResolved")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.view.choicesChanged.connect(self.save_button.setEnabled)
        self.save_button.setEnabled(self.view.merged_text() is not None)

    def save(self) -> None:
        text = self.view.merged_text()
        if text is None:
            return
        self.save_button.setEnabled(False)
        owner = self._owner
        owner.run(resolve_keeping_encoding, owner.site, self.rel, text, owner.repository, done=self._saved)

    def _saved(self, result) -> None:
        if isinstance(result, GitResult) and result.ok:
            self.accept()
            return
        self.error.setText(self.tr("Could not mark it resolved: {detail}").format(
            detail=result.output if isinstance(result, GitResult) else result))
        self.error.show()
        self.save_button.setEnabled(True)
