"""The composition root: builds the window's parts and connects them.

Nothing else creates views or workers. Each part takes its model in its
constructor and knows nothing of the others; the wiring below is the only
place that says "when this happens there, do that here".
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDockWidget

from editor.ui.platform.timers import after_pending_events
from editor.ui.editor.body_editor import BodyEditor
from editor.ui.disk.document_session import DocumentSession
from editor.ui.front_matter.front_matter_panel import FrontMatterPanel
from editor.ui.main_window import MainWindow
from editor.ui.site.posts_list import PostsList
from editor.ui.problems.problems_panel import ProblemsPanel, key_of, severity_of
from editor.ui.settings import Settings
from editor.ui.site.site_context import SiteContextLoader
from editor.ui.editor.status_bar import StatusBar
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
        app.setDesktopFileName("galley")
        if ICON is not None:
            app.setWindowIcon(QIcon(str(ICON)))
    return app


def build_window(settings: Settings | None = None, recovery_dir=None) -> MainWindow:
    """The window with what the first paint needs: editor, form, panels.

    The heavy parts (preview engine, renderer, validation, site index, file
    watching) are attached by `attach_services` on the event-loop turn after
    the window is first shown, so start-up paints the editor first. Their
    imports alone cost ~1 s here.
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
    window = MainWindow(session, settings, editor, make_find_bar, form_panel, problems, status)
    window.site_loader = SiteContextLoader(window)  # loads nothing until services attach
    window.preview_controller = None
    window.external_changes = None
    problems.problemActivated.connect(window.go_to_problem)

    # Caret position in the status bar.
    editor.cursorPositionChanged.connect(lambda: status.show_position(
        editor.textCursor().blockNumber() + editor.first_line, editor.textCursor().positionInBlock() + 1))

    # Theme: the palette and every view's colours.
    def apply_theme(theme: str) -> None:
        app = QApplication.instance()
        if theme == "dark":
            app.setPalette(dark_palette())
        elif theme == "light":
            app.setPalette(app.style().standardPalette())
        colors = colors_for(theme)
        editor.set_colors(colors)
        form_panel.raw.set_colors(colors)
        if window.preview_controller is not None:
            window.preview_controller.set_theme(colors.name)

    window.themeChanged.connect(apply_theme)
    apply_theme(settings.get("theme"))

    # `galley SITE_DIR`: a posts list beside the editor, and the newest post open.
    posts = PostsList()
    dock = QDockWidget("Posts", window, objectName="postsDock")
    dock.setWidget(posts)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    dock.hide()
    posts.postChosen.connect(window.open_path)

    def open_site(folder: str) -> None:
        from editor.core.site.site import Site

        summaries = posts.set_site(Site.discover(folder))
        dock.show()
        if summaries:
            window.open_path(summaries[0].path, ask=False)

    window.siteOpened.connect(open_site)
    window.postsListRequested.connect(lambda: dock.setVisible(not dock.isVisible()))
    window.posts_list = posts

    # File watching (issue 6) is cheap to build once its module is loaded; when
    # something (an embedding app, a test) already imported it, install it now
    # so `window.external_changes` exists as soon as the window is shown.
    if "editor.ui.disk.external_changes" in sys.modules:
        _install_external_changes(window, recovery_dir)

    window.attach_services = lambda: attach_services(window, settings, recovery_dir)
    # First the form's fields (~20 ms), painted, then the preview engine: its
    # creation holds the UI thread for 0.1-0.2 s, and connected to firstShown
    # beside the form it kept the new fields off the screen until it was done
    # (seen in screenshots: the form still empty 60 ms after the first paint).
    # The timer fires after the fields' layout and paint events are handled.
    # Then the far lines of a long post are coloured, in slices.
    def after_first_paint() -> None:
        form_panel.form.release()
        after_pending_events(window, then_the_preview)

    def then_the_preview() -> None:
        attach_preview(window, settings, recovery_dir)
        editor.release()

    window.firstShown.connect(after_first_paint)
    return window


def attach_preview(window: MainWindow, settings: Settings, recovery_dir=None) -> None:
    """Stage 1, after the first paint: the preview. The other services follow
    once the preview has drawn (or after 2 s): their imports and the site
    index would otherwise compete with Chromium's start for the UI thread."""
    if getattr(window, "_preview_attached", False):
        return
    window._preview_attached = True
    rest = lambda *_a: attach_services(window, settings, recovery_dir)  # noqa: E731

    def on_preview_installed(_view) -> None:
        # A little after the first patch, so the page's pixels reach the screen
        # (through this thread) before the imports below take it.
        # Once: the first patch, not every patch for the life of the window.
        window.preview_controller.previewUpdated.connect(
            lambda *_a: QTimer.singleShot(250, window, rest), Qt.ConnectionType.SingleShotConnection)

    window.previewInstalled.connect(on_preview_installed)
    _wire_preview(window, window.session, window.body_editor, settings)
    QTimer.singleShot(2500, window, rest)


def attach_services(window: MainWindow, settings: Settings, recovery_dir=None) -> None:
    """Preview, validation, site context and file watching (idempotent)."""
    attach_preview(window, settings, recovery_dir)
    if getattr(window, "_services_attached", False):
        return
    window._services_attached = True
    session, editor, form_panel = window.session, window.body_editor, window.form_panel
    problems, status = window.problems_panel, window.status
    app = QApplication.instance()

    from editor.ui.problems.validation_worker import ValidationController

    validator = ValidationController(session, window)
    window.validator = validator
    window.closed.connect(validator.shutdown)
    app.aboutToQuit.connect(validator.shutdown)

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
                marks[key_of(d)] = (severity_of(d), d.message)
        form_panel.form.set_marks(marks)

    validator.diagnosticsReady.connect(show_diagnostics)

    # Site context (schema, vocabulary, files) follows the open file.
    def on_context(context):
        form_panel.form.set_schema(context.schema, context.vocabulary, context.root)
        validator.set_context(context.validation)
        if window.preview_controller is not None:
            window.preview_controller.set_site(context.site)

    window.site_loader.contextReady.connect(on_context)
    session.pathChanged.connect(lambda p: window.site_loader.load_for(Path(p) if p else None))
    window.site_loader.load_for(session.path)
    validator.run()

    # Everything long-lived exists now (modules, caches, the window): move it
    # out of the collector's way, so a full collection while typing does not
    # walk it (measured: >100 ms pauses on a 200 KB post before this).
    QTimer.singleShot(3000, window, _freeze_heap)

    if window.external_changes is None:
        _install_external_changes(window, recovery_dir)
        # `install` hooks `firstShown`, which has usually just fired: fire it
        # once more for these late subscribers (Qt does not call a slot
        # connected during the emission that is running; attach_services
        # itself is idempotent).
        if window._shown_once:
            after_pending_events(window, window.firstShown.emit)


def _freeze_heap() -> None:
    import gc

    gc.collect()
    gc.freeze()


def _install_external_changes(window: MainWindow, recovery_dir) -> None:
    """Files on disk (issue 6): watcher, "Changed on disk" banner, recovery
    copies in `recovery_dir` (default: the user's data folder)."""
    from editor.ui.disk import external_changes

    window.external_changes = external_changes.install(window, recovery_dir)


def _wire_preview(window: MainWindow, session, editor, settings) -> None:
    """The preview is created after the first paint.

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
        window.preview_controller = None
        return
    controller = PreviewController(session, editor, colors_for(settings.get("theme")).name, window)
    window.preview_controller = controller
    window.closed.connect(controller.renderer.shutdown)
    QApplication.instance().aboutToQuit.connect(controller.renderer.shutdown)
    # A render that raised leaves the preview as it was: say why, for a while.
    controller.renderer.failed.connect(
        lambda exc: window.status.showMessage(f"Preview not updated: {type(exc).__name__}: {exc}", 15000))
    view = PreviewView()
    window.install_preview(view)  # `previewInstalled` subscribers find the controller
    controller.attach(view)  # loads the shell, then starts the first render
