"""The main window: lays out the panes and routes menu actions to the model.

It builds nothing it does not show and decides nothing about files: opening
and saving go through DocumentSession (core.storage underneath), checking
through the validation controller, rendering through the preview controller.
The composition root (app.py) creates the parts and hands them in.

Layout: the Format toolbar; [front-matter form | body editor | preview] over
the problems panel; the find bar in its own full-width row; the status bar.
The preview pane starts as an empty holder; the QWebEngineView is put in after
the first paint (see app.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from editor.core.disk.storage import ConflictError, StorageError
from editor.core.post.errors import DecodeError
from editor.ui.actions import build_actions, build_format_toolbar, build_menus
from editor.ui.platform.timers import after_pending_events
from editor.ui.problems.problems_panel import key_of, severity_of
from editor.ui.settings import DEFAULTS


def _dialogs():
    """editor.ui.dialogs, loaded at the first question to the writer: its Qt
    dialog classes and their enums cost ~1.5 ms the first paint does not need."""
    from editor.ui import dialogs

    return dialogs


def _post_commands():
    """editor.ui.site.post_commands (New Post, Publish...), loaded at first use."""
    from editor.ui.site import post_commands

    return post_commands


class MainWindow(QMainWindow):
    #: The QWebEngineView was created and put in its pane (after the first
    #: paint). Carries the PreviewView.
    previewInstalled = Signal(object)
    #: The writer asked for the site's posts list. Carries nothing.
    postsListRequested = Signal()
    #: The writer asked for site-wide search (`"search"`) or the tags manager (`"tags"`).
    siteToolRequested = Signal(str)
    #: The theme setting changed; carries "auto", "light" or "dark".
    themeChanged = Signal(str)
    #: Fires once, on the event-loop turn after the window was first shown
    #: (its first paint is queued by then): time to create the slow parts.
    firstShown = Signal()
    #: `galley SITE_DIR`: the writer asked for a site folder. Carries the folder (str).
    folderOpened = Signal(str)
    #: The window accepted a close (changes saved or discarded): workers stop.
    closed = Signal()

    def __init__(self, services, body_editor, find_bar, form_panel, problems_panel,
                 status_bar) -> None:
        """`services` is the window's editor.ui.services.Services (the session,
        settings, the open site...; the rest arrive as start-up reaches them).
        `find_bar` makes the find/replace bar (a callable): it is made the
        first time it is wanted, see the `find_bar` property."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.services = services
        session, settings = services.session, services.settings
        self.session, self.settings = session, settings
        self.body_editor, self.form_panel = body_editor, form_panel
        self._make_find_bar, self._find_bar = find_bar, None
        self.problems_panel = problems_panel
        self.preview = None
        self._focus_mode = False
        self._shown_once = False
        self._first_shown_emitted = False
        self._first_paint_queued = False
        self._saved_visibility: dict[str, bool] = {}
        #: (Document, path) of a new post not saved yet: Save writes that file.
        self.pending_new_post = None

        editor_pane = QWidget(objectName="editorPane")
        lay = QVBoxLayout(editor_pane)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(body_editor)
        #: The editor's pane: the find bar goes under the editor, the
        #: "Changed on disk" banner above it.
        self.editor_pane_layout = lay
        self.preview_holder = QWidget(objectName="previewPane")
        QVBoxLayout(self.preview_holder).setContentsMargins(0, 0, 0, 0)

        self.panes = QSplitter(Qt.Orientation.Horizontal, objectName="panes")
        for w in (form_panel, editor_pane, self.preview_holder):
            self.panes.addWidget(w)
        self.panes.setChildrenCollapsible(False)
        self.panes.setStretchFactor(0, 2)
        self.panes.setStretchFactor(1, 4)
        self.panes.setStretchFactor(2, 4)
        self.vsplit = QSplitter(Qt.Orientation.Vertical, objectName="vsplit")
        self.vsplit.addWidget(self.panes)
        self.vsplit.addWidget(problems_panel)
        self.vsplit.setStretchFactor(0, 5)
        self.vsplit.setStretchFactor(1, 1)
        central = QWidget(objectName="central")
        #: The panes, then the find bar's own row (full width: under one pane
        #: its fields were squeezed into what that pane could spare).
        self.central_layout = QVBoxLayout(central)
        self.central_layout.setContentsMargins(0, 0, 0, 0)
        self.central_layout.setSpacing(0)
        self.central_layout.addWidget(self.vsplit)
        self.setCentralWidget(central)
        self.setStatusBar(status_bar)
        self.status = status_bar
        self.setAcceptDrops(True)

        self.actions = build_actions(self)
        self.recent_menu = build_menus(self, self.actions)
        self.format_toolbar = build_format_toolbar(self, self.actions)
        self._restore_layout()
        session.modifiedChanged.connect(lambda _m: self._update_title())
        session.pathChanged.connect(lambda _p: self._update_title())
        services.site.siteOpened.connect(lambda model: self.settings.set("site/last", str(model.root or "")))
        self._update_title()

    @property
    def find_bar(self):
        """The find/replace bar in its own row under the panes (hidden until
        opened), made the first time it is wanted: its module and Qt classes
        cost ~2.5 ms the first paint does not need."""
        if self._find_bar is None:
            self._find_bar = self._make_find_bar()
            self.central_layout.addWidget(self._find_bar)
        return self._find_bar

    # -- the small document paths (also used by the file-watcher helper) ------------

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        """Open a post; False if the writer cancelled or it could not be read."""
        if ask and not self.maybe_keep_changes():
            return False
        try:
            self.session.open(path)
        except (DecodeError, StorageError) as exc:
            _dialogs().show_error(self, self.tr("Cannot open post"), str(exc))
            return False
        self.settings.add_recent(self.session.path)
        return True

    def open_initial(self, paths: list) -> None:
        """Open what `galley PATH...` named: a post, or a site folder (its newest post)."""
        for path in paths:
            if Path(path).is_dir():
                self.folderOpened.emit(str(Path(path).resolve()))
            else:
                self.open_path(path, ask=False)

    def open_dialog(self) -> None:
        start = self.session.path.parent if self.session.path else None
        path = _dialogs().choose_open_path(self, start)
        if path:
            self.open_path(path)

    def new_document(self) -> None:
        """Ctrl+N: in a site, the New Post dialog; otherwise an untitled post."""
        if self.maybe_keep_changes():
            _post_commands().new_post(self)

    def publish_post(self) -> None:
        _post_commands().publish(self)

    def unpublish_post(self) -> None:
        _post_commands().unpublish(self)

    def rename_post(self) -> None:
        _post_commands().rename_from_title(self)

    def trash_post(self) -> None:
        _post_commands().move_to_trash(self)

    def save(self, force: bool = False) -> bool:
        """Save (validating first); True when the bytes are on disk. `force`
        writes over a file changed or deleted on disk without asking."""
        if self.session.path is None:
            target = _post_commands().new_post_path(self)  # a new post: straight to its file
            return self._save_to(target) if target is not None else self.save_as()
        return self._save_to(None, force)

    def save_as(self) -> bool:
        start = self.session.path or _post_commands().suggested_save_path(self)
        path = _dialogs().choose_save_path(self, start)
        return self._save_to(Path(path)) if path else False

    def _save_to(self, path: Path | None, force: bool = False) -> bool:
        self.session.flush()
        if self.services.validator is None:
            self.services.finish_startup()  # saved before the services were up: check anyway
        if self.services.validator is not None:
            diagnostics = self.services.validator.validate_now()
            if any(severity_of(d) == "error" for d in diagnostics):
                if not _dialogs().confirm_save_with_errors(self, diagnostics):
                    return False
        try:
            self.session.save(path, force=force)
        except ConflictError:
            if not _dialogs().ask_overwrite_conflict(self, self._name()):
                return False
            try:
                self.session.save(path, force=True)
            except StorageError as exc:
                _dialogs().show_error(self, self.tr("Cannot save"), str(exc))
                return False
        except (StorageError, ValueError) as exc:
            _dialogs().show_error(self, self.tr("Cannot save"), str(exc))
            return False
        self.settings.add_recent(self.session.path)
        self.status.showMessage(self.tr("Saved {name}").format(name=self.session.path.name), 3000)
        return True

    def revert(self) -> None:
        if self.session.path is None:
            return
        if self.session.modified and not _dialogs().confirm_revert(self, self._name()):
            return
        try:
            self.session.reload()
        except (DecodeError, StorageError) as exc:
            _dialogs().show_error(self, self.tr("Cannot revert"), str(exc))

    def maybe_keep_changes(self) -> bool:
        """Before replacing the document: True when it is fine to go on."""
        self.session.flush()
        if not self.session.modified:
            return True
        answer = _dialogs().ask_save_changes(self, self._name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    # -- window events -------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(1000, self, self._first_paint_done)  # never painted (minimised)

    def paintEvent(self, event) -> None:  # noqa: N802
        # The first paint of the window: Qt paints every visible widget of it,
        # the editor included, in this same pass, so a zero timer runs once
        # the writer sees text. (Not an event filter on the editor: another
        # filter there can consume the paint, as the UI benchmark's did; not
        # an application-wide one: PySide then wraps every event's receiver,
        # half-destroyed objects included, and crashed the window tests.)
        super().paintEvent(event)
        if not self._first_shown_emitted and not self._first_paint_queued:
            self._first_paint_queued = True
            after_pending_events(self, self._first_paint_done)

    def _first_paint_done(self) -> None:
        if not self._first_shown_emitted:
            self._first_shown_emitted = True
            self.firstShown.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.maybe_keep_changes():
            event.ignore()
            return
        self._save_layout()
        event.accept()
        self.closed.emit()

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    # -- panes ----------------------------------------------------------------------

    def install_preview(self, view) -> None:
        self.preview = view
        self.preview_holder.layout().addWidget(view)
        self.previewInstalled.emit(view)

    def set_form_visible(self, visible: bool) -> None:
        self.form_panel.setVisible(visible)
        self.settings.set("panes/form", visible)

    def set_preview_visible(self, visible: bool) -> None:
        self.preview_holder.setVisible(visible)
        self.settings.set("panes/preview", visible)

    def set_problems_visible(self, visible: bool) -> None:
        self.problems_panel.setVisible(visible)
        self.settings.set("panes/problems", visible)

    def set_focus_mode(self, on: bool) -> None:
        """Focus mode: the editor alone (the other panes come back as they were)."""
        if on == self._focus_mode:
            return
        self._focus_mode = on
        others = {"form": self.form_panel, "preview": self.preview_holder, "problems": self.problems_panel}
        if on:
            self._saved_visibility = {k: not w.isHidden() for k, w in others.items()}
            for w in others.values():
                w.hide()
            self.menuBar().hide()
            self.format_toolbar.hide()
            self.body_editor.setFocus()
        else:
            for k, w in others.items():
                w.setVisible(self._saved_visibility.get(k, True))
            self.menuBar().show()
            self.format_toolbar.setVisible(self.settings.get("view/format_toolbar"))
        self.actions.focus_mode.setChecked(on)

    def set_format_toolbar_visible(self, visible: bool) -> None:
        self.settings.set("view/format_toolbar", visible)
        if not self._focus_mode:
            self.format_toolbar.setVisible(visible)

    def format_body(self, command: str) -> None:
        """A Format menu command on the body's selection (one undo step)."""
        from editor.ui.editor import formatting

        formatting.apply(self.body_editor, command)
        self.body_editor.setFocus()

    # -- help and preferences ------------------------------------------------------

    def show_shortcuts(self) -> None:
        from editor.ui.help import shortcuts

        shortcuts.show(self)

    def show_guide(self) -> None:
        from editor.ui.help import guide

        guide.show(self)

    def show_about(self) -> None:
        from editor.ui.help import about

        about.show(self)

    def show_preferences(self) -> None:
        from editor.ui.preferences import dialog

        dialog.show(self)

    def set_wrap(self, on: bool) -> None:
        self.body_editor.set_wrap(on)
        self.settings.set("editor/wrap", on)

    def set_line_numbers(self, on: bool) -> None:
        self.body_editor.set_line_numbers_visible(on)
        self.settings.set("editor/line_numbers", on)

    def set_theme(self, theme: str) -> None:
        self.settings.set("theme", theme)
        self.actions.themes[theme].setChecked(True)
        self.themeChanged.emit(theme)

    def preview_theme(self) -> str:
        """"light" or "dark": the preview's own preference, else the window's."""
        from editor.ui.theme import colors_for

        chosen = self.settings.get("preview/theme")
        return chosen if chosen in ("light", "dark") else colors_for(self.settings.get("theme")).name

    def set_preview_theme(self, theme: str) -> None:
        self.settings.set("preview/theme", theme)
        if self.services.preview is not None:
            self.services.preview.set_theme(self.preview_theme())

    def set_preview_site_css(self, on: bool) -> None:
        self.settings.set("preview/site_css", on)
        if self.services.preview is not None:
            self.services.preview.set_site_css(on)

    def set_autosave_interval(self, ms: int) -> None:
        self.settings.set("recovery/interval_ms", ms)
        if self.services.external_changes is not None:
            self.services.external_changes.recovery.set_autosave_interval(ms)

    def apply_editor_font(self) -> None:
        """The body editor's font from the preferences (family, size)."""
        from PySide6.QtGui import QFont, QFontDatabase

        family = self.settings.get("editor/font")
        font = QFont(family) if family else QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(self.settings.get("editor/font_size"))
        self.body_editor.setFont(font)
        self.body_editor.setTabStopDistance(4 * self.body_editor.fontMetrics().horizontalAdvance(" "))

    def go_to_problem(self, diagnostic) -> None:
        """Jump to a problem: its form field, the raw front matter, or the body line."""
        key = key_of(diagnostic)
        line, column = getattr(diagnostic, "line", 1) or 1, getattr(diagnostic, "column", 1) or 1
        body_line = self.session.document.body_line
        if line >= body_line:
            self.body_editor.go_to_line(line, column)
            return
        self.set_form_visible(True)
        self.actions.show_form.setChecked(True)
        widget = self.form_panel.form.widget_for(key) if key else None
        if widget is not None and not self.form_panel.is_raw():
            self.form_panel.form.ensureWidgetVisible(widget)
            widget.setFocus()
            return
        self.form_panel.set_raw(True)
        self.form_panel.raw.go_to_file_line(line, column)

    def show_posts_list(self) -> None:
        self.postsListRequested.emit()

    def show_site_search(self) -> None:
        self.siteToolRequested.emit("search")

    def show_tags_manager(self) -> None:
        self.siteToolRequested.emit("tags")

    # -- layout memory -------------------------------------------------------------

    def _restore_layout(self) -> None:
        s = self.settings
        if s.get("window/geometry"):
            self.restoreGeometry(s.geometry())
        else:
            self.resize(1300, 820)
        if len(s.get("panes/sizes")) == 3:
            self.panes.setSizes(s.get("panes/sizes"))
        else:
            self.panes.setSizes([300, 500, 500])
        if len(s.get("panes/vsizes")) == 2:
            self.vsplit.setSizes(s.get("panes/vsizes"))
        else:
            self.vsplit.setSizes([700, 110])
        self.form_panel.setVisible(s.get("panes/form"))
        self.preview_holder.setVisible(s.get("panes/preview"))
        self.problems_panel.setVisible(s.get("panes/problems"))
        self.format_toolbar.setVisible(s.get("view/format_toolbar"))
        if s.get("editor/font") or s.get("editor/font_size") != DEFAULTS["editor/font_size"]:
            self.apply_editor_font()  # the editor starts in the default font
        self.body_editor.set_wrap(s.get("editor/wrap"))
        self.body_editor.set_line_numbers_visible(s.get("editor/line_numbers"))

    def _save_layout(self) -> None:
        if self._focus_mode:
            self.set_focus_mode(False)
        s = self.settings
        s.set_geometry(self.saveGeometry())
        if all(self.panes.sizes()):
            s.set("panes/sizes", self.panes.sizes())
        if all(self.vsplit.sizes()):
            s.set("panes/vsizes", self.vsplit.sizes())
        s.sync()

    def _name(self) -> str:
        return self.session.path.name if self.session.path else self.tr("Untitled")

    def _update_title(self) -> None:
        self.setWindowModified(self.session.modified)
        if self.session.path:
            title = self.tr("{name}[*] — {folder} — Galley").format(
                name=self._name(), folder=self.session.path.parent)
        else:
            title = self.tr("{name}[*] — Galley").format(name=self._name())
        self.setWindowTitle(title)
