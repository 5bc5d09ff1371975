"""The window's questions to the writer, as small functions returning answers.

Kept out of the window so IO code never opens a dialog (DESIGN.md) and so each
question has one obvious place. Buttons carry object names so tests can click
them on the real modal dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor.ui.i18n import english_plural

from editor.ui.problems.messages import shown_message
from editor.ui.problems.problems_panel import severity_of

translate = QCoreApplication.translate


def post_filter() -> str:
    return translate("Dialogs", "Posts ({patterns});;All files (*)").format(
        patterns="*.md *.markdown *.mdown *.mkd *.html *.txt")


def ask_save_changes(parent: QWidget, name: str) -> str:
    """"save", "discard" or "cancel" for a document with unsaved changes."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Dialogs", "Unsaved changes"))
    box.setText(translate("Dialogs", "Save the changes to “{name}” before closing?").format(name=name))
    box.setInformativeText(translate("Dialogs", "Your changes will be lost if you don't save them."))
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
    box.setWindowTitle(translate("Dialogs", "This post has errors"))
    box.setText(english_plural(translate(
        "Dialogs", "%n error(s) would break this post when the site is built:", None, len(errors)), len(errors)))
    box.setInformativeText("\n".join(
        translate("Dialogs", "Line {line}: {message}").format(line=getattr(d, "line", "?"), message=shown_message(d))
        for d in errors[:12]
    ) + ("\n…" if len(errors) > 12 else ""))
    anyway = box.addButton(translate("Dialogs", "Save anyway"), QMessageBox.ButtonRole.DestructiveRole)
    anyway.setObjectName("saveAnywayButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("cancelButton")
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is anyway


def ask_overwrite_conflict(parent: QWidget, name: str) -> bool:
    """The file changed on disk since we read it: True to overwrite anyway."""
    answer = QMessageBox.warning(
        parent, translate("Dialogs", "File changed on disk"),
        translate("Dialogs", "“{name}” was changed by another program since you opened it.\n"
                             "Overwrite it with your version?").format(name=name),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Save


def confirm_revert(parent: QWidget, name: str) -> bool:
    answer = QMessageBox.question(
        parent, translate("Dialogs", "Revert"),
        translate("Dialogs", "Discard your changes to “{name}” and reload it from disk?").format(name=name),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def show_error(parent: QWidget, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.exec()


def choose_open_path(parent: QWidget, start: Path | None) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, translate("Dialogs", "Open post"), str(start or Path.home()),
                                          post_filter())
    return path or None


def choose_save_path(parent: QWidget, start: Path | None) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, translate("Dialogs", "Save post as"), str(start or Path.home()),
                                          post_filter())
    return path or None
