"""Site preview in the window: the switch beside the fast preview, the View
menu's action, the server log's dock, build errors in the problems panel,
and the server stopped when the window closes or the app quits.

Installed once the preview and validation are up (a start-up step of
editor.ui.app): nothing here runs before the first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from editor.ui.serve.log_panel import ServerLog
from editor.ui.serve.server_owner import sweep_orphans_soon
from editor.ui.serve.site_mode import SiteMode


def install(window, services) -> SiteMode:
    sweep_orphans_soon()  # a server a crashed run left behind goes, Site mode or not
    mode = SiteMode(window.session, services.site, services.settings, window.preview_holder,
                    window.preview, window)
    action = getattr(window.actions, "site_preview", None)
    if action is not None:
        action.toggled.connect(mode.set_on)
        mode.modeChanged.connect(action.setChecked)

    dock = QDockWidget(QCoreApplication.translate("MainWindow", "Server Log"), window, objectName="serverLogDock")
    log = ServerLog(dock)
    dock.setWidget(log)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    mode.server.logLine.connect(log.add_line)
    # The log comes forward when the server has something to say about a failure.
    mode.server.unavailable.connect(lambda *_a: dock.show())
    mode.server.errorsChanged.connect(lambda errors: errors and dock.show())
    mode.log, mode.log_dock = log, dock

    _build_errors_in_problems(window, services, mode)
    window.closed.connect(mode.shutdown)
    QApplication.instance().aboutToQuit.connect(mode.shutdown)
    if services.site.current is not None:
        mode._site_opened(services.site.current)
    return mode


def _build_errors_in_problems(window, services, mode: SiteMode) -> None:
    """The build's errors beside validation's in the problems panel: a second
    source, added to the last validation result whenever either changes."""
    problems, status = window.problems_panel, window.status
    validation: list = []
    build: list = []

    def show() -> None:
        problems.set_diagnostics(validation + build)
        status.show_problem_counts(*problems.counts())

    def validated(diagnostics) -> None:
        validation[:] = diagnostics
        if build:
            show()  # after validation's own handler, which showed its list alone

    def built(errors) -> None:
        had = bool(build)
        build[:] = errors
        if errors or had:
            show()

    if services.validator is not None:
        services.validator.diagnosticsReady.connect(validated)
        validation[:] = problems.diagnostics
    mode.buildErrorsChanged.connect(built)
