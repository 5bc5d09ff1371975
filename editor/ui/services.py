"""The window's services, in one typed holder.

app.py creates it before the first paint with what exists then (the
session, the site owner, the posts list) and fills in the rest as start-up
reaches them (`editor.ui.app.STARTUP`): the preview controller once the
window has painted, then validation, file watching and recovery. What needs
a service is given this holder (or the service itself), never the window to
search; a field still None means its phase has not run (or, for the
preview, that QtWebEngine is not available).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # the types only: several of these modules load after the first paint
    from editor.ui.disk.document_session import DocumentSession
    from editor.ui.disk.external_changes import ExternalChangesController
    from editor.ui.disk.file_watcher import FileWatcher, SiteWatcher
    from editor.ui.preview.preview_controller import PreviewController
    from editor.ui.problems.validation_worker import ValidationController
    from editor.ui.settings import Settings
    from editor.ui.site.posts_list import PostsList
    from editor.ui.site.site_owner import SiteOwner


@dataclass
class Services:
    session: "DocumentSession"
    settings: "Settings"
    #: The open site (schema, vocabulary, posts), loaded off the UI thread.
    site: "SiteOwner"
    posts_list: "PostsList"
    #: Where unsaved text is kept for crash recovery (None: the user's data folder).
    recovery_dir: object = None
    preview: "PreviewController | None" = None
    validator: "ValidationController | None" = None
    external_changes: "ExternalChangesController | None" = None
    site_watcher: "SiteWatcher | None" = None
    #: Runs every start-up phase not run yet, now (e.g. a save before the
    #: services are up still validates). Set by app.py.
    finish_startup: Callable[[], None] = field(default=lambda: None)

    @property
    def file_watcher(self) -> "FileWatcher | None":
        """The watcher of the open post (part of the external-changes controller)."""
        return self.external_changes.watcher if self.external_changes is not None else None
