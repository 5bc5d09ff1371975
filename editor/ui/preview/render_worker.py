"""Rendering off the UI thread: snapshot → worker → patch → apply.

One QThread owns one IncrementalRenderer for its whole life (a renderer and
its Markdown instance must never be shared between threads; see
editor.core.render.incremental). The controller on the GUI thread keeps at most
one job in flight: a change that arrives while the worker is busy only marks
the state dirty, and the newest snapshot is sent when the worker is done
(ghostwriter's HtmlPreview::updatePreview scheme). No time debounce: the
in-flight rule already coalesces a burst of keystrokes, and the first key of a
burst is rendered at once, which is what keeps keystroke→preview latency low.

This module imports only Qt: the render core's Markdown pipeline is imported
by the worker thread, on its first job, so the GUI thread never waits for it
(app.py has Chromium load the page shell meanwhile). A job's request may be a
callable, built in the worker too.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Union

from PySide6.QtCore import QObject, QThread, Signal, Slot

from editor.ui.platform.qt_compat import stop_at_exit

if TYPE_CHECKING:
    from editor.core.render import IncrementalRenderer, RenderRequest

#: What `submit` takes: a request, or a function that makes one in the worker.
Job = Union["RenderRequest", Callable[[], "RenderRequest"]]


@dataclass(frozen=True)
class EngineInfo:
    """Which Markdown engine rendered the preview, for the status bar."""

    #: The engine's short name ("kramdown", "markdown-it", "python-markdown").
    name: str
    #: The site's generator ("jekyll", "hugo", "zola", "unknown").
    generator: str
    #: Whether the HTML is the generator's own dialect; if not, `reason` says why.
    exact: bool
    reason: str = ""


def _engine_info(renderer, request) -> EngineInfo | None:
    # The renderer builds its engine on its first render for a site.
    engine = renderer.engine
    if engine is None:
        return None
    # The reason stays a core `Text` (if it is one): the status bar shows it translated.
    return EngineInfo(engine.name, str(request.site.generator or "unknown"), engine.exact, engine.reason or "")


class _Worker(QObject):
    """Lives in the render thread; everything here runs there."""

    finished = Signal(int, object, float, object)  # revision, RenderResult, seconds, EngineInfo

    def __init__(self) -> None:
        super().__init__()
        self._renderer: IncrementalRenderer | None = None

    @Slot(int, object, bool)
    def render(self, revision: int, job: Job, fresh: bool) -> None:
        start = time.perf_counter()
        engine = None
        try:
            # Imported here, in this thread: the GUI thread stays free (a cold
            # import is ~0.2 s of Markdown, Pygments and nh3).
            from editor.core.render import IncrementalRenderer

            request = job() if callable(job) else job
            if fresh or self._renderer is None:
                # A new page was loaded: the renderer must resend every block.
                self._renderer = IncrementalRenderer(request.site, request.options)
            result = self._renderer.render(request)
            engine = _engine_info(self._renderer, request)
        except Exception as exc:  # noqa: BLE001 - a render bug must not kill the preview
            result = exc
            self._renderer = None
        self.finished.emit(revision, result, time.perf_counter() - start, engine)


class RenderController(QObject):
    #: A render finished and its patch should be applied. Carries
    #: (revision rendered, RenderResult, tag given to submit). GUI thread.
    rendered = Signal(int, object, object)
    #: A render raised; carries the exception (shown in the status bar).
    failed = Signal(object)
    #: The engine rendering the preview changed (the first render, another
    #: site, kramdown lost); carries an `EngineInfo`.
    engineChanged = Signal(object)
    _request = Signal(int, object, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("galley-render")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.render)
        self._worker.finished.connect(self._on_finished)
        self._thread.start()
        stop_at_exit(self._thread)
        self._busy = False
        self._pending: tuple[int, Job, object] | None = None
        self._fresh = True
        #: Seconds the last render took in the worker (for the bench / status).
        self.last_seconds = 0.0
        #: The engine of the last render (None before the first).
        self.engine: EngineInfo | None = None

    def submit(self, revision: int, request: Job, tag: object = None) -> None:
        """Render `request` (made from an immutable snapshot) as soon as possible.

        `request` may be a function returning the request, called in the
        worker. `tag` comes back with the result (the preview passes its page
        generation, to drop results meant for a page that was reloaded)."""
        if self._busy:
            self._pending = (revision, request, tag)  # replaces any older pending one
            return
        self._send(revision, request, tag)

    def reset(self) -> None:
        """The page was (re)loaded: the next render starts from scratch."""
        self._fresh = True

    def _send(self, revision: int, request: Job, tag: object = None) -> None:
        self._busy = True
        self._tag = tag
        fresh, self._fresh = self._fresh, False
        self._request.emit(revision, request, fresh)

    def _on_finished(self, revision: int, result, seconds: float, engine=None) -> None:
        self._busy = False
        self.last_seconds = seconds
        if engine is not None and engine != self.engine:
            self.engine = engine
            self.engineChanged.emit(engine)
        if isinstance(result, Exception):
            self._fresh = True
            self.failed.emit(result)
        else:
            self.rendered.emit(revision, result, self._tag)
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._send(*pending)

    @property
    def busy(self) -> bool:
        return self._busy

    def shutdown(self) -> None:
        self._thread.quit()
        self._thread.wait(5000)
