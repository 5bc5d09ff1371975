"""Child programs stopped as a whole: a program and everything it started.

git runs hooks, credential helpers and ssh; the kramdown helper is Ruby;
`bundle exec jekyll serve` is a Ruby process tree. Stopping only the direct
child would leave the rest running, so each child is started as the head of
its own tree and stopped with it:

- POSIX: a new session (hence a new process group, and no controlling
  terminal: a child never waits on the terminal Galley was started from);
  stopping signals the whole group (SIGTERM, then SIGKILL).
- Windows: `CREATE_NEW_PROCESS_GROUP` (Ctrl+C in Galley's console does not
  reach the child) and `CREATE_NO_WINDOW` (the windowed app starts console
  programs like git without flashing a console); stopping runs
  `taskkill /T` over the tree the child heads. Windows knows a tree by parent
  ids, so it can be stopped only while its head still runs (the POSIX group
  outlives its leader); liveness and start times come from the process
  handle (`OpenProcess`), never from `os.kill(pid, 0)`, which on Windows
  terminates the process.

`PipeReader` waits for a child's output with a time limit, as `selectors`
does for pipes on POSIX only.

`start_time(pid)` with the pid names one process for good (a pid is reused,
the pair is not): a record written by an earlier run is acted on only when
both still match.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

WINDOWS = os.name == "nt"

# subprocess's names for these exist only on Windows.
CREATE_NEW_PROCESS_GROUP = 0x00000200
CREATE_NO_WINDOW = 0x08000000


def lower_priority() -> None:
    """A background worker process's initializer: yield the CPU to the app
    that started it (the window's UI thread keeps its frames on a machine
    with two cores and a site of 10,000 posts being read or checked)."""
    try:
        os.nice(5)
    except (AttributeError, OSError):  # no nice() on Windows; the worker still works
        pass


def tree_options(platform: str = os.name) -> dict:
    """Keyword arguments for `subprocess.Popen` that make the child head its own tree."""
    if platform == "nt":
        return {"creationflags": CREATE_NEW_PROCESS_GROUP | CREATE_NO_WINDOW}
    return {"start_new_session": True}


def taskkill_argv(pid: int, force: bool) -> list[str]:
    """The command that stops the Windows process tree headed by `pid`."""
    return ["taskkill", *(["/F"] if force else []), "/T", "/PID", str(pid)]


def kill_tree(proc: subprocess.Popen | int) -> None:
    """Stop a tree at once (no grace): a timed-out git, a stuck helper."""
    pid = proc if isinstance(proc, int) else proc.pid
    if WINDOWS:
        if not _taskkill(pid, force=True) and not isinstance(proc, int):
            try:
                proc.kill()  # at least the head, when taskkill itself is unavailable
            except OSError:
                pass
        return
    import signal  # noqa: PLC0415 - SIGKILL exists only on POSIX

    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def stop_tree(pid: int, grace: float = 3.0) -> None:
    """Ask a tree to stop, then stop what is left after `grace` seconds."""
    if WINDOWS:
        if not pid_alive(pid):
            return
        _taskkill(pid, force=False)  # a polite close; console programs usually refuse it
        if not _wait_gone(pid, grace):
            _taskkill(pid, force=True)
        return
    import signal  # noqa: PLC0415 - SIGTERM/SIGKILL as POSIX has them

    try:
        os.killpg(pid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        return
    if not _wait_gone(pid, grace):
        try:
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _wait_gone(pid: int, grace: float) -> bool:
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not tree_alive(pid):
            return True
        time.sleep(0.05)
    return not tree_alive(pid)


def tree_alive(pid: int) -> bool:
    """Whether any process of the tree headed by `pid` still runs (zombies do not)."""
    if WINDOWS:
        return pid_alive(pid)
    try:
        os.killpg(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return bool(tree_members(pid))


def tree_members(pid: int) -> list[int]:
    """The running pids of the tree headed by `pid` (POSIX: its process group;
    Windows: the head only)."""
    if WINDOWS:
        return [pid] if pid_alive(pid) else []
    if sys.platform.startswith("linux"):
        return _group_from_proc(pid)
    return _group_from_ps(pid)


def pid_alive(pid: int) -> bool:
    """Whether process `pid` runs (an exited, unreaped one does not)."""
    if WINDOWS:
        return _windows_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    if sys.platform.startswith("linux"):
        state = _proc_stat(pid)
        return state is None or state[0] != "Z"
    row = _ps(["-o", "stat=", "-p", str(pid)])
    return not row.strip().startswith("Z")


def start_time(pid: int) -> str:
    """When process `pid` started, as an opaque text; "" when it cannot be told."""
    if WINDOWS:
        return _windows_start_time(pid)
    if sys.platform.startswith("linux"):
        state = _proc_stat(pid)
        return state[19] if state is not None and len(state) > 19 else ""
    return _ps(["-o", "lstart=", "-p", str(pid)]).strip()


# -- POSIX ---------------------------------------------------------------------------


def _proc_stat(pid: int | str) -> list[str] | None:
    """/proc/<pid>/stat's fields after the command name (state first), or None."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _group_from_proc(pgid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _proc_stat(entry.name)
            if fields is not None and len(fields) > 2 and fields[2] == str(pgid) and fields[0] != "Z":
                out.append(int(entry.name))
    return out


def _group_from_ps(pgid: int) -> list[int]:
    """Where there is no /proc (macOS, the BSDs): `ps`, which both families have."""
    out = []
    for line in _ps(["-A", "-o", "pid=,pgid=,stat="]).splitlines():
        fields = line.split()
        if len(fields) >= 3 and fields[1] == str(pgid) and not fields[2].startswith("Z"):
            out.append(int(fields[0]))
    return out


def _ps(args: list[str]) -> str:
    try:
        done = subprocess.run(["ps", *args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout


# -- Windows ----------------------------------------------------------------------------


def _taskkill(pid: int, force: bool) -> bool:
    """Whether taskkill ran (it reports an already gone tree as a failure: fine)."""
    try:
        subprocess.run(taskkill_argv(pid, force), capture_output=True, timeout=15,
                       creationflags=CREATE_NO_WINDOW if WINDOWS else 0)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return True


_QUERY_LIMITED_INFORMATION = 0x1000
_STILL_ACTIVE = 259
_ACCESS_DENIED = 5


def _open(pid: int):
    import ctypes  # noqa: PLC0415 - Windows only

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = ctypes.c_void_p
    handle = kernel32.OpenProcess(_QUERY_LIMITED_INFORMATION, False, pid)
    return kernel32, handle, ctypes.get_last_error()


def _windows_alive(pid: int) -> bool:
    import ctypes  # noqa: PLC0415 - Windows only

    kernel32, handle, error = _open(pid)
    if not handle:
        return error == _ACCESS_DENIED  # another user's process: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(ctypes.c_void_p(handle), ctypes.byref(code)):
            return True
        return code.value == _STILL_ACTIVE
    finally:
        kernel32.CloseHandle(ctypes.c_void_p(handle))


def _windows_start_time(pid: int) -> str:
    import ctypes  # noqa: PLC0415 - Windows only

    kernel32, handle, _error = _open(pid)
    if not handle:
        return ""
    try:
        created, exited, kernel, user = (ctypes.c_ulonglong() for _ in range(4))
        if not kernel32.GetProcessTimes(ctypes.c_void_p(handle), ctypes.byref(created), ctypes.byref(exited),
                                        ctypes.byref(kernel), ctypes.byref(user)):
            return ""
        return str(created.value)
    finally:
        kernel32.CloseHandle(ctypes.c_void_p(handle))


class PipeReader:
    """A child's output pipe that a reader can wait for with a time limit on
    every platform. On POSIX the wait is `selectors` on the pipe itself; on
    Windows, whose `selectors` take sockets only, a thread reads the pipe.
    (Not a thread everywhere: daemon threads blocked in a read while the
    interpreter shuts down beside Qt's teardown crashed test workers.)"""

    def __init__(self, pipe) -> None:
        self._pipe = pipe
        self._ended = False
        self._chunks: queue.SimpleQueue[bytes] | None = None
        self._selector = None
        if os.name == "nt":
            self._chunks = queue.SimpleQueue()
            # The thread holds the file object itself (not its descriptor number,
            # which could be closed and reused while the thread waits on it).
            threading.Thread(target=self._pump, args=(pipe,), name="child-output", daemon=True).start()
        else:
            import selectors

            self._selector = selectors.DefaultSelector()
            self._selector.register(pipe, selectors.EVENT_READ)

    def _pump(self, pipe) -> None:
        while True:
            try:
                chunk = pipe.read1(1 << 16)  # what is there, as soon as there is some
            except (OSError, ValueError):  # closed under us
                chunk = b""
            self._chunks.put(chunk)
            if not chunk:
                return

    def read(self, timeout: float) -> bytes | None:
        """The next output (b"" once the child closed it), or None after `timeout` seconds."""
        if self._ended:
            return b""
        if self._chunks is not None:
            try:
                chunk = self._chunks.get(timeout=max(timeout, 0.0))
            except queue.Empty:
                return None
        else:
            try:
                if not self._selector.select(max(timeout, 0.0)):
                    return None
                chunk = self._pipe.read1(1 << 16)
            except (OSError, ValueError):  # closed under us
                chunk = b""
        self._ended = not chunk
        if self._ended and self._selector is not None:
            self._selector.close()
        return chunk
