"""The composition root: builds the window's parts and connects them.

Nothing else creates views or workers. Each part takes its model in its
constructor and knows nothing of the others; the wiring below is the only
place that says "when this happens there, do that here".

Start-up is one named list of phases (`STARTUP`): what the first paint
needs, what comes right after it, the preview engine, and what waits until
the preview is up (validation, the site, file watching). The services live
in one typed holder (`editor.ui.services.Services`), filled in as the
phases run, and given to what needs them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from editor.ui.disk.document_session import DocumentSession
from editor.ui.editor.body_editor import BodyEditor
from editor.ui.editor.status_bar import StatusBar
from editor.ui.front_matter.front_matter_panel import FrontMatterPanel
from editor.ui.i18n import install_translations
from editor.ui.main_window import MainWindow
from editor.ui.platform.timers import after_pending_events
from editor.ui.problems.messages import shown_message
from editor.ui.problems.problems_panel import ProblemsPanel, key_of, severity_of
from editor.ui.services import Services
from editor.ui.settings import Settings
from editor.ui.site.posts_list import PostsList
from editor.ui.site.site_owner import SiteOwner
from editor.ui.theme import colors_for, dark_palette

# The app's icon: resources/ is `editor/resources` in an installed wheel and
# at the top of a checkout (editor.resources_path finds either, through
# importlib.resources; this is the same lookup without that import before
# the first paint).
_HERE = Path(__file__).resolve().parents[1]
ICON = next((p for p in (_HERE / "resources" / "icons" / "galley.svg",
                         _HERE.parent / "resources" / "icons" / "galley.svg") if p.exists()), None)


def ensure_application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Galley")
        app.setOrganizationName("Galley")
        app.setDesktopFileName("io.github.galley_editor.Galley")  # packaging/<id>.desktop, the metainfo id
        if ICON is not None:
            app.setWindowIcon(QIcon(str(ICON)))
    # Widgets translate their texts when they are made: the catalogues go in
    # before the first one is built, once per application (an app that made
    # several windows, or a test run, keeps the translators it has).
    if not app.property("galleyTranslations"):
        install_translations(app)
        app.setProperty("galleyTranslations", True)
    return app


def build_window(settings: Settings | None = None, recovery_dir=None) -> MainWindow:
    """The window with what the first paint needs: editor, form, panels.

    The heavy parts (preview engine, renderer, validation, site index, file
    watching) come in the later phases of `STARTUP`, after the window is
    first shown, so start-up paints the editor first. Their imports alone
    cost ~1 s here.
    """
    settings = settings or Settings()
    session = DocumentSession()
    editor = BodyEditor(session, held=True)  # a long post's far lines: coloured after start-up

    def make_find_bar():  # on the first Ctrl+F / Ctrl+H (MainWindow.find_bar)
        from editor.ui.editor.find_replace import FindReplaceBar

        return FindReplaceBar(editor)

    # The form's fields wait for the first paint (see below): the window shows
    # the post's text first; parsing the front matter (and importing the YAML
    # library) and making its widgets come one event-loop turn later.
    form_panel = FrontMatterPanel(session, held=True)
    problems = ProblemsPanel()
    status = StatusBar(session)
    services = Services(session=session, settings=settings, site=SiteOwner(), posts_list=PostsList(),
                        recovery_dir=recovery_dir)
    window = MainWindow(services, editor, make_find_bar, form_panel, problems, status)
    services.site.setParent(window)
    startup = Startup(window, services, STARTUP)
    services.finish_startup = startup.finish
    startup.run(BEFORE_FIRST_PAINT)
    return window


# -- start-up -------------------------------------------------------------------------

BEFORE_FIRST_PAINT = "before first paint"
AFTER_FIRST_PAINT = "after first paint"
PREVIEW = "preview"
PREVIEW_UP = "preview up"


@dataclass(frozen=True)
class Phase:
    name: str
    steps: tuple[Callable[["Startup"], None], ...]


class Startup:
    """Runs the phases of start-up in order, each once. Asking for a phase
    runs the earlier ones first (a save before the services are up runs
    them all: `finish`)."""

    def __init__(self, window: MainWindow, services: Services, phases: tuple[Phase, ...]) -> None:
        self.window, self.services, self.phases = window, services, phases
        #: The names of the phases run so far, in order.
        self.done: list[str] = []

    def run(self, name: str) -> None:
        for phase in self.phases:
            if phase.name not in self.done:
                self.done.append(phase.name)
                for step in phase.steps:
                    step(self)
            if phase.name == name:
                return

    def finish(self) -> None:
        self.run(self.phases[-1].name)


def _caret_in_status_bar(startup: Startup) -> None:
    window = startup.window
    editor, status = window.body_editor, window.status
    editor.cursorPositionChanged.connect(lambda: status.show_position(
        editor.textCursor().blockNumber() + editor.first_line, editor.textCursor().positionInBlock() + 1))
    window.problems_panel.problemActivated.connect(window.go_to_problem)


def _theme(startup: Startup) -> None:
    """The palette and every view's colours."""
    window, services = startup.window, startup.services
    editor, form_panel = window.body_editor, window.form_panel

    def apply_theme(theme: str) -> None:
        app = QApplication.instance()
        if theme == "dark":
            app.setPalette(dark_palette())
        elif theme == "light":
            app.setPalette(app.style().standardPalette())
        colors = colors_for(theme)
        editor.set_colors(colors)
        form_panel.raw.set_colors(colors)
        if services.preview is not None:
            services.preview.set_theme(window.preview_theme())

    window.themeChanged.connect(apply_theme)
    apply_theme(services.settings.get("theme"))


def _posts_list(startup: Startup) -> None:
    """The site's posts beside the editor: filled here, from the open site,
    and nowhere else. `galley SITE_DIR` shows it and opens the newest post."""
    window, services = startup.window, startup.services
    posts, site = services.posts_list, services.site
    dock = QDockWidget(QCoreApplication.translate("MainWindow", "Posts"), window, objectName="postsDock")
    dock.setWidget(posts)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    dock.hide()
    posts.postChosen.connect(window.open_path)
    window.postsListRequested.connect(lambda: dock.setVisible(not dock.isVisible()))

    site.postsIndexed.connect(posts.show_indexed)
    site.postsUpdated.connect(posts.show_updates)
    site.problemsCounted.connect(posts.show_problems)

    def opened(model) -> None:
        # `galley SITE_DIR`: with no post open, the newest one (the rows are in:
        # the worker sends them before it tells the site is open).
        newest = posts.newest()
        if window.session.path is None and newest is not None:
            window.open_path(newest.path, ask=False)

    site.siteOpened.connect(opened)
    site.siteClosed.connect(posts.clear)
    window.session.pathChanged.connect(lambda p: posts.select_path(p) if p else None)

    def open_folder(folder: str) -> None:
        dock.show()
        site.open(folder)

    window.folderOpened.connect(open_folder)
    # The site follows the open post; it loads once the preview is up (`_site`).
    window.session.pathChanged.connect(lambda p: site.follow(p or None))


def _outline(startup: Startup) -> None:
    """View > Outline: the body's headings in a dock, made the first time it is shown."""
    window = startup.window
    action = window.actions.outline
    docks: list[QDockWidget] = []

    def show(visible: bool) -> None:
        if not docks and visible:
            from editor.ui.editor.outline_pane import OutlinePane

            dock = QDockWidget(QCoreApplication.translate("MainWindow", "Outline"), window, objectName="outlineDock")
            dock.setWidget(OutlinePane(window.body_editor, dock))
            window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
            dock.visibilityChanged.connect(lambda on: on or dock.isVisible() or action.setChecked(False))
            docks.append(dock)
        if docks:
            docks[0].setVisible(visible)

    action.toggled.connect(show)


def _paste_into_site(startup: Startup) -> None:
    """Pasted and dropped images go into the open site's folder for them."""
    window, services = startup.window, startup.services
    handler = window.body_editor.paste_handler
    handler.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
    _follow_site(services.site, handler.set_site)
    services.site.siteClosed.connect(lambda: handler.set_site(None))


def _site_tools(startup: Startup) -> None:
    """Site search (a dock) and the tags manager (a dialog), made at first use."""
    window, services = startup.window, startup.services
    made: dict = {}

    def go_to(path: str, line: int, column: int) -> None:
        from types import SimpleNamespace

        same = window.session.path is not None and Path(path).resolve() == window.session.path
        if same or window.open_path(path):
            window.go_to_problem(SimpleNamespace(line=line, column=column, key=None))

    def show(tool: str) -> None:
        if tool == "search":
            if "search" not in made:
                from editor.ui.site.search_pane import SearchPane

                dock = QDockWidget(QCoreApplication.translate("MainWindow", "Search"), window, objectName="searchDock")
                pane = SearchPane(services.site, window.session, dock)
                pane.resultActivated.connect(go_to)
                dock.setWidget(pane)
                window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
                made["search"] = dock
            made["search"].show()
            made["search"].widget().query.setFocus()
            made["search"].widget().query.selectAll()
        elif tool == "tags":
            if "tags" not in made:
                from editor.ui.site.tags_dialog import TagsDialog

                made["tags"] = TagsDialog(services.site, window.session, window)
            made["tags"].refill()
            made["tags"].show()
            made["tags"].raise_()

    window.site_tools = made
    window.siteToolRequested.connect(show)


def _tab_order(startup: Startup) -> None:
    """Tab follows the layout: the form, the body, the preview, then the
    problems under them. The preview's page widget is made with its first
    page, after the panel, so it is put in its place once a page has loaded."""
    window = startup.window

    def place(view) -> None:
        def put(_ok: bool = True) -> None:
            page = view.focusProxy() or view
            QWidget.setTabOrder(window.body_editor, page)
            QWidget.setTabOrder(page, window.problems_panel)

        view.shellLoaded.connect(put)
        put()

    window.previewInstalled.connect(place)


def _hook_first_paint(startup: Startup) -> None:
    window = startup.window
    window.firstShown.connect(lambda: startup.run(AFTER_FIRST_PAINT))


def _release_form(startup: Startup) -> None:
    """The form's fields (~20 ms), painted, then the preview engine: its
    creation holds the UI thread for 0.1-0.2 s, and connected to firstShown
    beside the form it kept the new fields off the screen until it was done
    (seen in screenshots: the form still empty 60 ms after the first paint).
    The timer fires after the fields' layout and paint events are handled."""
    window, services = startup.window, startup.services
    form = window.form_panel.form
    form.release()

    def apply(model) -> None:
        form.set_schema(model.schema, model.vocabulary, model.root)

    _follow_site(services.site, apply)
    after_pending_events(window, lambda: startup.run(PREVIEW))


def _follow_site(site: SiteOwner, apply) -> None:
    """`apply(model)` for every model the site owner gives, and now for the one it has."""
    site.contextReady.connect(apply)
    if site.loaded:
        apply(site.context)


def _preview(startup: Startup) -> None:
    """The preview engine, then the far lines of a long post coloured in
    slices. The rest of the services follow once the preview has drawn (or
    after 2.5 s): their imports would otherwise compete with Chromium's start
    for the UI thread. (The site's index is read on its own thread meanwhile.)"""
    window, services = startup.window, startup.services
    rest = lambda *_a: startup.run(PREVIEW_UP)  # noqa: E731
    controller = _make_preview(window, services)
    window.body_editor.release()
    if controller is None:
        rest()
        return
    # A little after the first patch, so the page's pixels reach the screen
    # (through this thread) before the imports below take it.
    # Once: the first patch, not every patch for the life of the window.
    controller.previewUpdated.connect(lambda *_a: QTimer.singleShot(250, window, rest),
                                      Qt.ConnectionType.SingleShotConnection)
    QTimer.singleShot(2500, window, rest)


def _validation(startup: Startup) -> None:
    window, services = startup.window, startup.services
    from editor.ui.problems.validation_worker import ValidationController

    session, editor, form_panel = window.session, window.body_editor, window.form_panel
    problems, status = window.problems_panel, window.status
    validator = ValidationController(session, window)
    services.validator = validator
    window.closed.connect(validator.shutdown)
    QApplication.instance().aboutToQuit.connect(validator.shutdown)

    # Diagnostics: problems panel, underlines in the editor, marks by the form fields.
    def show_diagnostics(diagnostics):
        problems.set_diagnostics(diagnostics)
        status.show_problem_counts(*problems.counts())
        body_line = session.document.body_line
        editor.set_diagnostics([(d.line - body_line + 1, d.column, severity_of(d))
                                for d in diagnostics if d.line >= body_line])
        # One mark per field: the most severe of its problems.
        rank = {"error": 0, "warning": 1, "info": 2}
        marks = {}
        for d in sorted(diagnostics, key=lambda d: rank.get(severity_of(d), 3), reverse=True):
            if key_of(d):
                marks[key_of(d)] = (severity_of(d), shown_message(d))
        form_panel.form.set_marks(marks)
        # The open post's row counts what the writer sees in the problems panel.
        path = session.path
        services.posts_list.show_live_problems(
            str(path) if path is not None else None,
            sum(1 for d in diagnostics if severity_of(d) in ("error", "warning")))

    validator.diagnosticsReady.connect(show_diagnostics)
    _follow_site(services.site, lambda model: validator.set_context(model.derived))
    validator.run()


def _site_preview(startup: Startup) -> None:
    """Fast / Site: the site's own generator beside the fast preview (its
    server starts only when Site mode is on for the open site)."""
    window, services = startup.window, startup.services
    if services.preview is None:
        return
    from editor.ui.serve import wiring

    window.site_preview = wiring.install(window, services)


def _site(startup: Startup) -> None:
    """The open post's site kept live by a watcher on its post folders."""
    window, services = startup.window, startup.services
    from editor.ui.disk.file_watcher import keep_site_index_live

    site = services.site
    services.site_watcher = keep_site_index_live(site, closed=window.closed, parent=window)


def _open_site(startup: Startup) -> None:
    """The open post's site (its index, schema and vocabulary, read on the site
    owner's thread) starts loading as soon as Chromium is on its way: its rows
    reach the posts pane while the preview starts, and the preview gets the
    site's facts when they are in. Waiting for the preview to be up put the
    first rows a second after start-up on any site."""
    services = startup.services
    site = services.site
    if services.preview is not None:
        preview = services.preview
        given: list = [object(), ()]

        def render_with(model) -> None:
            # The preview's site facts list every post (`post_url`, `ref`):
            # taken from the index, which the site owner keeps up to date, so
            # a post added or removed on disk is known without walking the
            # folders on this thread (~90 ms on 10,000 posts). The tuple is
            # made with the index, off this thread, and compares fast:
            # unchanged posts keep their very Path objects.
            posts = model.paths
            if model.site is not given[0] or posts != given[1] or model.site is None:
                given[0], given[1] = model.site, posts
                preview.set_site(model.site, posts)

        _follow_site(site, render_with)
    startup.window.closed.connect(site.shutdown)
    site.start()  # the post opened so far, if any


def _git(startup: Startup) -> None:
    """The site's git repository (status, Git menu), read on its own thread:
    made after the first paint, so no git process runs before it."""
    from editor.ui.git import git_commands

    startup.window.git = git_commands.install(startup.window, startup.services)


def _external_changes(startup: Startup) -> None:
    """Files on disk: the watcher, the "Changed on disk" banner, recovery
    copies in `services.recovery_dir` (default: the user's data folder), and
    the offer of what a crash left."""
    window, services = startup.window, startup.services
    from editor.ui.disk import external_changes

    controller = external_changes.install(
        window.session, window.body_editor, window.editor_pane_layout,
        recovery_dir=services.recovery_dir,
        notify=lambda text: window.statusBar().showMessage(text, 5000),
        open_path=lambda path: window.open_path(path),
        confirm_replace=window.maybe_keep_changes,
        save=lambda: window.save(force=True),
        closed=window.closed, parent=window)
    services.external_changes = controller
    controller.recovery.set_autosave_interval(services.settings.get("recovery/interval_ms"))
    controller.recovery.offer(window)


def _freeze_heap_later(startup: Startup) -> None:
    window = startup.window
    # Everything long-lived exists now (modules, caches, the window): move it
    # out of the collector's way, so a full collection while typing does not
    # walk it (measured: >100 ms pauses on a 200 KB post before this).
    QTimer.singleShot(3000, window, _freeze_heap)


def _freeze_heap() -> None:
    import gc

    gc.collect()
    gc.freeze()


def _make_preview(window: MainWindow, services: Services):
    """The preview is created after the first paint; None without QtWebEngine.

    Two slow things happen here and they don't need each other until the
    first patch: Chromium starting (its processes, the page shell) and the
    post's first full render (cold imports and compiled patterns, then the
    post). Chromium goes first: the page shell needs only the light part of
    the render core (editor.core.render is lazy), and once it is loading,
    Chromium works in its own threads and processes. The render worker then
    imports the Markdown pipeline and renders on its own thread; its first
    patch waits in the controller until the shell has loaded. The event loop
    runs meanwhile (the writer may already be typing).
    """
    from editor.ui.preview.preview_controller import PreviewController

    try:
        from editor.ui.preview.preview_view import PreviewView
    except ImportError:  # QtWebEngine is not available: no preview pane
        return None
    controller = PreviewController(window.session, window.body_editor, window.preview_theme(), window)
    controller.set_site_css(services.settings.get("preview/site_css"))
    services.preview = controller
    window.closed.connect(controller.renderer.shutdown)
    QApplication.instance().aboutToQuit.connect(controller.renderer.shutdown)
    # A render that raised leaves the preview as it was: say why, for a while.
    controller.renderer.failed.connect(lambda exc: window.status.showMessage(
        QCoreApplication.translate("MainWindow", "Preview not updated: {0}: {1}").format(
            type(exc).__name__, exc), 15000))
    controller.renderer.engineChanged.connect(window.status.show_engine)
    view = PreviewView()
    window.install_preview(view)  # `previewInstalled` subscribers find the controller
    from editor.ui.preview import remote_content

    window.remote_content = remote_content.install(window, services, controller)
    controller.attach(view)  # loads the shell, then starts the first render
    return controller


#: Start-up, in order. Each phase runs once; a later one is asked for by the
#: one before it (the first paint, the form's paint, the preview's first patch).
STARTUP: tuple[Phase, ...] = (
    Phase(BEFORE_FIRST_PAINT, (_caret_in_status_bar, _theme, _posts_list, _outline, _paste_into_site,
                               _site_tools, _tab_order, _hook_first_paint)),
    Phase(AFTER_FIRST_PAINT, (_release_form,)),
    Phase(PREVIEW, (_preview, _open_site, _git)),
    Phase(PREVIEW_UP, (_validation, _site_preview, _site, _external_changes, _freeze_heap_later)),
)
