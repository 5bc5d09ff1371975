"""The Qt owner of one site's development server.

Starting (the stale-server sweep, a free port, the process) runs on a plain
thread, never the UI thread; the server's output comes back as queued
signals. The owner restarts a server that dies after it was serving (a few
times, not forever), and stops it when the site closes or the app quits.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from editor.core.serve import output, texts
from editor.core.serve.generator import Missing, server_command
from editor.core.serve.ports import free_port
from editor.core.serve.process import ServerProcess
from editor.core.serve.registry import Registry

#: Restarts allowed within `RESTART_WINDOW` seconds before the owner gives up.
MAX_RESTARTS, RESTART_WINDOW = 3, 60.0

_swept = threading.Lock()
_swept_once: list[bool] = []


def sweep_orphans(registry: Registry) -> None:
    """Stop the servers a crashed run left behind: once per app, on the
    calling thread (the owner calls it from its start thread)."""
    with _swept:
        if not _swept_once:
            _swept_once.append(True)
            registry.stop_orphans()


def sweep_orphans_soon(registry: Registry | None = None) -> None:
    """`sweep_orphans` on a thread of its own: at start-up, Site mode or not."""
    threading.Thread(target=sweep_orphans, args=(registry or Registry(),), name="site-server-sweep",
                     daemon=True).start()


class SiteServer(QObject):
    #: Starting (carries the generator: "jekyll" or "hugo").
    starting = Signal(str)
    #: Serving: carries the base URL ("http://127.0.0.1:PORT").
    ready = Signal(str)
    #: A rebuild began after a change on disk.
    building = Signal()
    #: A build finished: carries True when it succeeded.
    built = Signal(bool)
    #: One line of the server's output (colours removed).
    logLine = Signal(str)
    #: The build errors of the last build (output.BuildError list).
    errorsChanged = Signal(list)
    #: The server cannot run: carries the English template of the reason
    #: (editor.core.serve.texts) and its parameters ({"command": the fix, ...}).
    unavailable = Signal(str, dict)
    #: The server is stopped (closed site, quit).
    stopped = Signal()

    _line = Signal(int, str)
    _exited = Signal(int, int)
    _started = Signal(int, object)

    def __init__(self, configured=None, registry: Registry | None = None, parent: QObject | None = None) -> None:
        """`configured()` gives the preferred program paths ({"jekyll": path, ...})."""
        super().__init__(parent)
        self._configured = configured or (lambda: {})
        self.registry = registry if registry is not None else Registry()
        self.kind: str | None = None
        self.root: Path | None = None
        self.base_url: str | None = None
        self._process: ServerProcess | None = None
        self._generation = 0
        self._reader: output.OutputReader | None = None
        self._errors: list = []
        self._building = False
        self._was_ready = False
        self._missing_gems = False
        self._restarts: list[float] = []
        #: Processes started by the start thread, by generation, until adopted
        #: on the UI thread (a quit meanwhile still stops them).
        self._spawned: dict[int, ServerProcess] = {}
        self._ports: dict[int, int] = {}
        self._start_thread: threading.Thread | None = None
        #: A start is under way (its thread, until the process is adopted or refused).
        self._launching = False
        #: Threads stopping replaced servers: a quit waits for them.
        self._stoppers: list[threading.Thread] = []
        self._line.connect(self._on_line)
        self._exited.connect(self._on_exit)
        self._started.connect(self._on_started)

    @property
    def pid(self) -> int | None:
        """The server's process (its group's id), None when none runs."""
        return self._process.pid if self._process is not None else None

    @property
    def serving(self) -> bool:
        return self.base_url is not None

    def start(self, kind: str, root: Path) -> None:
        """Serve the site at `root` (nothing to do when it already is)."""
        root = Path(root)
        if self.root == root and self.kind == kind and (self._process is not None or self._launching):
            if self.base_url is not None:
                self.ready.emit(self.base_url)
            return
        self.stop(wait=False)
        self.kind, self.root = kind, root
        self._restarts.clear()
        self._launch()

    def _launch(self) -> None:
        self._generation += 1
        generation, kind, root = self._generation, self.kind, self.root
        configured = dict(self._configured())
        self.base_url, self._errors, self._building = None, [], False
        self._was_ready = self._missing_gems = False
        self._reader = output.OutputReader(kind)
        self._launching = True
        self.starting.emit(kind)

        def work() -> None:
            sweep_orphans(self.registry)
            command = server_command(kind, root, free_port(), configured)
            if isinstance(command, Missing):
                self._started.emit(generation, command)
                return
            self._ports[generation] = command.port
            process = ServerProcess(command, lambda line: self._line.emit(generation, line),
                                    lambda code: self._exited.emit(generation, code), self.registry)
            try:
                process.start()
            except OSError as exc:
                self._started.emit(generation, Missing("{error}", (("error", str(exc)), ("command", ""))))
                return
            self._spawned[generation] = process
            self._started.emit(generation, process)

        self._start_thread = threading.Thread(target=work, name="site-server-start", daemon=True)
        self._start_thread.start()

    def _on_started(self, generation: int, result) -> None:
        if generation == self._generation:
            self._launching = False
        if isinstance(result, Missing):
            if generation == self._generation:
                self.unavailable.emit(result.template, dict(result.params))
            return
        if self._spawned.pop(generation, None) is None:
            return  # stopped meanwhile (stop() stopped it)
        if generation != self._generation:  # replaced meanwhile
            self._stop_later(result)
            return
        self._process = result

    def _on_line(self, generation: int, raw: str) -> None:
        if generation != self._generation or self._reader is None:
            return
        self.logLine.emit(output.plain(raw))
        for event in self._reader.feed(raw):
            if event.kind == output.READY and generation in self._ports:
                self._was_ready = True
                self.base_url = f"http://127.0.0.1:{self._ports[generation]}"
                self.ready.emit(self.base_url)
            elif event.kind == output.BUILDING:
                self._building, self._errors = True, []
                self.building.emit()
            elif event.kind == output.REBUILT:
                # Hugo ends a failed rebuild with its time too: the build's errors stay.
                self._building = False
                self.errorsChanged.emit(list(self._errors))
                self.built.emit(not self._errors)
            elif event.kind == output.ERROR:
                self._errors.append(event.error)
                self.errorsChanged.emit(list(self._errors))
                if self.kind == "jekyll":  # Jekyll's failed rebuild ends at its error
                    self._building = False
                    self.built.emit(False)
            elif event.kind == output.MISSING_GEMS:
                self._missing_gems = True

    def _on_exit(self, generation: int, code: int) -> None:
        if generation != self._generation:
            return
        # It may die before its start was reported: then it is never adopted.
        self._spawned.pop(generation, None)
        self._process, self.base_url, self._launching = None, None, False
        kind = self.kind or ""
        if self._missing_gems:
            self.unavailable.emit(texts.MISSING_GEMS, {"command": "bundle install"})
            return
        now = time.monotonic()
        self._restarts = [t for t in self._restarts if now - t < RESTART_WINDOW]
        if self._was_ready and len(self._restarts) < MAX_RESTARTS:
            self._restarts.append(now)
            self.logLine.emit(f"[galley] the server stopped (exit code {code}); starting it again")
            self._launch()
            return
        # It died before serving (a build error at start, a bad config): say
        # so; the next save or switch tries again.
        self.unavailable.emit(texts.DIED, {"generator": kind.capitalize(), "code": str(code)})

    def retry(self) -> None:
        """Start again after the server died or could not start (e.g. after a save)."""
        if self._process is None and not self._launching and self.kind is not None and self.root is not None:
            self._launch()

    def stop(self, wait: bool = True) -> None:
        """Stop the server (its whole process group). `wait=False` stops it on a thread."""
        self._generation += 1
        if wait and self._start_thread is not None:
            self._start_thread.join(timeout=15)
        processes = [p for p in (self._process, *self._spawned.values()) if p is not None]
        self._process, self.base_url = None, None
        self._spawned.clear()
        self._launching = False
        for process in processes:
            if wait:
                process.stop()
            else:
                self._stop_later(process)
        if wait:
            for thread in self._stoppers:
                thread.join(timeout=10)
            self._stoppers.clear()
        if processes:
            self.stopped.emit()

    def _stop_later(self, process: ServerProcess) -> None:
        thread = threading.Thread(target=process.stop, name="site-server-stop", daemon=True)
        self._stoppers = [t for t in self._stoppers if t.is_alive()] + [thread]
        thread.start()

    def forget_site(self) -> None:
        self.stop(wait=False)
        self.kind = self.root = None
