"""The window's commands on posts as files: New Post, Publish, Unpublish,
Rename from Title, Move to Trash.

The core decides names and moves (`editor.core.site.new_post`,
`post_files`); this module asks the writer, runs them, and makes the open
post follow its file: the session opens the file where it now is, so its
path changes, the watcher moves with it, and the fingerprint it keeps is of
the moved file (no "changed on disk" banner for our own move).

`window` is the MainWindow (its session, services, status bar, settings and
`open_path`), passed in: this folder does not import the window's module.

After a command, the actions are set to what applies now (`command_states`).
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFile
from PySide6.QtWidgets import QMessageBox

from editor.core.disk.storage import StorageError
from editor.core.post.document import Document
from editor.core.post.errors import DecodeError
from editor.ui.site.command_states import update_actions

translate = QCoreApplication.translate


def _site_of(window, path: Path | None = None):
    """The open site's Site, or the one around `path`, or None."""
    model = window.services.site.current
    if model is not None and model.site is not None and (path is None or model.contains(path)):
        return model.site
    if path is not None:
        from editor.core.site.model import discover

        return discover(path)
    return None


def new_post(window, on_shown=None) -> None:
    """Ctrl+N. In a site: the New Post dialog, then the new post, untitled until
    saved straight to the file the site's convention names. Without a site:
    an empty untitled post (Save As then suggests the last site's folder)."""
    model = window.services.site.current
    # A folder of no known generator has no convention to place a post by.
    if model is None or model.site is None or model.generator == "unknown":
        window.pending_new_post = None
        window.session.new()
        return
    from editor.ui.site.new_post_dialog import NewPostDialog

    current = window.session.path
    dialog = NewPostDialog(window, model.site, model.vocabulary, current)

    def accepted() -> None:
        from editor.core.site.new_post import plan

        path, text = plan(model.site, dialog.new_post(), current)
        doc = Document.from_text(text)
        window.session.replace_document(doc, None, None)
        window.pending_new_post = (doc, path)
        window.status.showMessage(translate("PostCommands", "New post: saving writes {path}").format(
            path=path), 5000)
        window.body_editor.setFocus()

    dialog.accepted.connect(accepted)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    if on_shown is not None:
        on_shown(dialog)


def new_post_path(window) -> Path | None:
    """Where the untitled post goes when saved (None: ask with Save As)."""
    pending = getattr(window, "pending_new_post", None)
    if window.session.path is not None or pending is None or pending[0] is not window.session.document:
        return None
    path = pending[1]
    if path.exists() or (path.name == "index.md" and path.parent.exists() and path.parent.is_file()):
        return None  # taken since: let the writer choose
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def suggested_save_path(window) -> Path | None:
    """Save As of an untitled post: a file named from its title in the last site
    (where a new draft would go), else None (the dialog's default)."""
    root = window.settings.get("site/last")
    if not root or not Path(root).is_dir():
        return None
    from editor.core.site.model import discover
    from editor.core.site.new_post import NewPost, now_in, plan

    site = discover(root)
    title = window.session.document.front_matter.get("title") if window.session.document.front_matter_error is None \
        else None
    post = NewPost(str(title) if title else "", now_in(site), draft=True)
    path, _text = plan(site, post)
    return path


# -- the open post's file -------------------------------------------------------------


def _ready(window) -> Path | None:
    """The open post's path once its text is saved, or None (told why)."""
    path = window.session.path
    if path is None:
        window.status.showMessage(translate("PostCommands", "Save the post first"), 5000)
        return None
    window.session.flush()
    if window.session.modified and not window.save():
        return None
    return window.session.path


def _error(window, title: str, exc: Exception) -> None:
    QMessageBox.warning(window, title, str(exc))


def _run(window, title: str, operation, done: str) -> Path | None:
    from editor.core.site.post_files import PostFileError

    path = _ready(window)
    if path is None:
        return None
    try:
        new = operation(path, _site_of(window, path))
    except (PostFileError, StorageError, DecodeError, OSError) as exc:
        _error(window, title, exc)
        return None
    # The session opens the file where it now is: its path and fingerprint follow.
    if not window.open_path(new, ask=False):
        update_actions(window)
        return None
    update_actions(window)
    window.status.showMessage(done.format(name=new.name), 5000)
    return new


def publish(window, now: _dt.datetime | None = None) -> Path | None:
    from editor.core.site import post_files

    return _run(window, translate("PostCommands", "Cannot publish"),
                lambda path, site: post_files.publish(path, site, now),
                translate("PostCommands", "Published {name}"))


def unpublish(window) -> Path | None:
    from editor.core.site import post_files

    return _run(window, translate("PostCommands", "Cannot unpublish"), post_files.unpublish,
                translate("PostCommands", "{name} is a draft again"))


def rename_from_title(window) -> Path | None:
    from editor.core.site import post_files

    return _run(window, translate("PostCommands", "Cannot rename"), post_files.rename_from_title,
                translate("PostCommands", "Renamed to {name}"))


def move_to_trash(window, confirm: bool = True) -> bool:
    """Move the open post (a page bundle: its folder) to the system trash;
    never a hard delete. Where there is no trash, say so and do nothing."""
    path = window.session.path
    if path is None:
        return False
    target = path.parent if path.stem == "index" and path.parent.name != "content" else path
    if confirm:
        answer = QMessageBox.question(
            window, translate("PostCommands", "Move to Trash"),
            translate("PostCommands", "Move {name} to the Trash?").format(name=target.name))
        if answer != QMessageBox.StandardButton.Yes:
            return False
    if not QFile(str(target)).moveToTrash():
        QMessageBox.warning(window, translate("PostCommands", "Cannot move to Trash"),
                            translate("PostCommands", "{path}: there is no trash here; nothing was deleted.")
                            .format(path=target))
        return False
    window.pending_new_post = None
    window.session.new()  # the post is gone: nothing of it is left to save
    update_actions(window)
    window.status.showMessage(translate("PostCommands", "Moved {name} to the Trash").format(name=target.name), 5000)
    return True
