"""The status bar shows the render core's reason for an approximate preview
in the writer's language (a catalogue's translation of its template)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTranslator, Signal

from editor.core.render.engine import engine_for
from editor.core.render.model import SiteInfo
from editor.ui.editor.status_bar import StatusBar
from editor.ui.preview.render_worker import EngineInfo


class _Session(QObject):
    # What the status bar listens to on the editing session.
    changed = Signal(object)
    documentReplaced = Signal(object)


class _Catalogue(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        if context == "PreviewEngine":
            return "번역: " + source
        return source

    def isEmpty(self) -> bool:
        return False


def test_the_approximate_reason_is_shown_translated(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("GALLEY_KRAMDOWN", "0")
    session = _Session()
    bar = StatusBar(session)
    qtbot.addWidget(bar)
    engine = engine_for(SiteInfo(generator="jekyll"))
    catalogue = _Catalogue()
    QCoreApplication.installTranslator(catalogue)
    try:
        bar.show_engine(EngineInfo(engine.name, "jekyll", engine.exact, engine.reason))
    finally:
        QCoreApplication.removeTranslator(catalogue)
    assert bar.engine.text().endswith("번역: " + str(engine.reason))
    bar.show_engine(EngineInfo(engine.name, "jekyll", engine.exact, engine.reason))
    assert bar.engine.text().endswith(str(engine.reason)) and "번역" not in bar.engine.text()
