"""One development server process: started as the head of its own process
tree, its output read on a thread, stopped with the whole tree.

Callbacks run on the reader thread; the window's owner turns them into
queued Qt signals.
"""

from __future__ import annotations

import os
import subprocess
import threading
from typing import Callable

from editor.core.serve.generator import ServerCommand
from editor.core.processes import stop_tree, tree_options
from editor.core.serve.registry import Registry


class ServerProcess:
    def __init__(self, command: ServerCommand, on_line: Callable[[str], None],
                 on_exit: Callable[[int], None], registry: Registry | None = None) -> None:
        self.command = command
        self._on_line, self._on_exit = on_line, on_exit
        self.registry = registry
        self.proc: subprocess.Popen | None = None
        self._stopping = False

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc is not None else None

    def start(self) -> None:
        env = dict(os.environ, **self.command.env)
        # Plain output: no colours to strip where we can avoid them, and
        # Ruby's stdout line-buffered through a pipe.
        env.setdefault("NO_COLOR", "1")
        self.proc = subprocess.Popen(
            list(self.command.argv), cwd=str(self.command.cwd), env=env,
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, **tree_options(),
            bufsize=1, text=True, encoding="utf-8", errors="replace")
        if self.registry is not None:
            self.registry.record(self.proc.pid, self.command.cwd, self.command.argv)
        threading.Thread(target=self._read, name="site-server-output", daemon=True).start()

    def _read(self) -> None:
        proc = self.proc
        assert proc is not None and proc.stdout is not None
        for line in proc.stdout:
            self._on_line(line)
        code = proc.wait()
        if self.registry is not None:
            # The leader is gone; anything it left in its group goes too.
            stop_tree(proc.pid, grace=0.5)
            self.registry.forget(proc.pid)
        if not self._stopping:
            self._on_exit(code)

    def stop(self) -> None:
        """Stop the whole group (waits up to a few seconds)."""
        self._stopping = True
        if self.proc is None:
            return
        if self.proc.poll() is None:
            stop_tree(self.proc.pid)
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        if self.registry is not None:
            self.registry.forget(self.proc.pid)
