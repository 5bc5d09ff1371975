"""The window's questions to the writer, as small functions returning answers.

Kept out of the window so IO code never opens a dialog (DESIGN.md) and so each
question has one obvious place. Buttons carry object names so tests can click
them on the real modal dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor.ui.problems.problems_panel import severity_of

POST_FILTER = "Posts (*.md *.markdown *.mdown *.mkd *.html *.txt);;All files (*)"


def ask_save_changes(parent: QWidget, name: str) -> str:
    """"save", "discard" or "cancel" for a document with unsaved changes."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Unsaved changes")
    box.setText(f"Save the changes to “{name}” before closing?")
    box.setInformativeText("Your changes will be lost if you don't save them.")
    save = box.addButton(QMessageBox.StandardButton.Save)
    discard = box.addButton(QMessageBox.StandardButton.Discard)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    save.setObjectName("saveButton")
    discard.setObjectName("discardButton")
    cancel.setObjectName("cancelButton")
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else "cancel"


def confirm_save_with_errors(parent: QWidget, diagnostics: list) -> bool:
    """Errors found before saving: list them; True when the writer picks "Save anyway"."""
    errors = [d for d in diagnostics if severity_of(d) == "error"]
    box = QMessageBox(parent)
    box.setObjectName("saveErrorsDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("This post has errors")
    box.setText(f"{len(errors)} error" + ("s" if len(errors) != 1 else "")
                + " would break this post when the site is built:")
    box.setInformativeText("\n".join(
        f"Line {getattr(d, 'line', '?')}: {getattr(d, 'message', d)}" for d in errors[:12]
    ) + ("\n…" if len(errors) > 12 else ""))
    anyway = box.addButton("Save anyway", QMessageBox.ButtonRole.DestructiveRole)
    anyway.setObjectName("saveAnywayButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("cancelButton")
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is anyway


def ask_overwrite_conflict(parent: QWidget, name: str) -> bool:
    """The file changed on disk since we read it: True to overwrite anyway."""
    answer = QMessageBox.warning(
        parent, "File changed on disk",
        f"“{name}” was changed by another program since you opened it.\n"
        "Overwrite it with your version?",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Save


def confirm_revert(parent: QWidget, name: str) -> bool:
    answer = QMessageBox.question(
        parent, "Revert", f"Discard your changes to “{name}” and reload it from disk?",
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def show_error(parent: QWidget, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.exec()


def choose_open_path(parent: QWidget, start: Path | None) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open post", str(start or Path.home()), POST_FILTER)
    return path or None


def choose_save_path(parent: QWidget, start: Path | None) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Save post as", str(start or Path.home()), POST_FILTER)
    return path or None
