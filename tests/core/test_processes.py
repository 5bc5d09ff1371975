"""Child process trees: started as a whole, stopped as a whole.

The POSIX path runs for real (process groups, signals, /proc and `ps`). The
Windows path (taskkill, OpenProcess) cannot run here: only its pure parts,
the Popen options and the taskkill command, are checked.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from editor.core import processes
from editor.core.processes import (CREATE_NEW_PROCESS_GROUP, CREATE_NO_WINDOW, PipeReader, kill_tree, pid_alive,
                                   start_time, stop_tree, taskkill_argv, tree_alive, tree_members,
                                   tree_options)

posix_only = pytest.mark.skipif(os.name != "posix", reason="process groups are POSIX")


def _until(condition, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def _tree(tmp_path, trap: str = "") -> tuple[subprocess.Popen, int, int]:
    """A shell (the child) starting a shell starting `sleep` (the child's grandchild).
    Returns the child and the middle and last pids, read from files they write."""
    mid_file, leaf_file = tmp_path / "mid", tmp_path / "leaf"
    inner = f'sleep 60 & echo $! > "{leaf_file}"; wait'
    script = f'{trap} sh -c \'echo $$ > "{mid_file}"; {inner}\' & wait'
    proc = subprocess.Popen(["sh", "-c", script], **tree_options())
    assert _until(lambda: leaf_file.is_file() and leaf_file.read_text().strip()
                  and mid_file.is_file() and mid_file.read_text().strip())
    return proc, int(mid_file.read_text()), int(leaf_file.read_text())


@posix_only
def test_kill_tree_stops_the_grandchild(tmp_path):
    proc, mid, leaf = _tree(tmp_path)
    assert pid_alive(leaf) and tree_alive(proc.pid)
    assert {proc.pid, mid, leaf} <= set(tree_members(proc.pid))
    kill_tree(proc)
    assert proc.wait(timeout=10) == -9
    assert _until(lambda: not pid_alive(leaf) and not pid_alive(mid)), "the grandchild outlived its tree"
    assert not tree_alive(proc.pid) and tree_members(proc.pid) == []
    kill_tree(proc)  # an already stopped tree is no error


@posix_only
def test_stop_tree_asks_then_forces(tmp_path):
    (tmp_path / "polite").mkdir()
    polite, _mid, leaf = _tree(tmp_path / "polite")
    started = time.monotonic()
    stop_tree(polite.pid, grace=10)
    assert time.monotonic() - started < 5, "SIGTERM was enough; the grace was waited out"
    assert polite.wait(timeout=10) == -15 and not pid_alive(leaf)

    # A tree that ignores SIGTERM (inherited by everything it starts) is killed after the grace.
    (tmp_path / "stubborn").mkdir()
    stubborn, _mid, leaf = _tree(tmp_path / "stubborn", trap="trap '' TERM;")
    stop_tree(stubborn.pid, grace=0.3)
    assert stubborn.wait(timeout=10) == -9
    assert _until(lambda: not pid_alive(leaf))


@posix_only
def test_a_zombie_is_not_alive():
    proc = subprocess.Popen(["true"], **tree_options())
    assert _until(lambda: not pid_alive(proc.pid))
    os.kill(proc.pid, 0)  # still there, unreaped: only its exit status is left
    assert proc.wait(timeout=5) == 0
    assert not pid_alive(proc.pid) and not tree_alive(proc.pid)


@posix_only
def test_start_time_names_one_process():
    mine = start_time(os.getpid())
    assert mine and start_time(os.getpid()) == mine
    proc = subprocess.Popen(["sleep", "60"], **tree_options())
    try:
        assert start_time(proc.pid)
    finally:
        kill_tree(proc)
        proc.wait()
    assert start_time(proc.pid) == ""


@posix_only
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="compares /proc with ps")
def test_ps_fallback_agrees_with_proc(tmp_path):
    # Systems without /proc (macOS, the BSDs) read the group from `ps`.
    proc, mid, leaf = _tree(tmp_path)
    try:
        assert sorted(processes._group_from_ps(proc.pid)) == sorted(processes._group_from_proc(proc.pid))
        assert {proc.pid, mid, leaf} <= set(processes._group_from_ps(proc.pid))
        assert processes._ps(["-o", "lstart=", "-p", str(os.getpid())]).strip()
    finally:
        kill_tree(proc)
        proc.wait()


def test_options_per_platform():
    assert tree_options("posix") == {"start_new_session": True}
    # Windows: its own group (Ctrl+C in Galley's console does not reach it) and
    # no console window of its own beside the windowed app.
    assert tree_options("nt") == {"creationflags": CREATE_NEW_PROCESS_GROUP | CREATE_NO_WINDOW}
    assert CREATE_NEW_PROCESS_GROUP == getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0x200)
    assert CREATE_NO_WINDOW == getattr(subprocess, "CREATE_NO_WINDOW", 0x08000000)


def test_taskkill_command():
    assert taskkill_argv(1234, force=True) == ["taskkill", "/F", "/T", "/PID", "1234"]
    assert taskkill_argv(1234, force=False) == ["taskkill", "/T", "/PID", "1234"]


def test_pipe_reader_waits_with_a_limit():
    # What selectors do for pipes on POSIX only: wait for a child's output, up to a time.
    proc = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdout.write(sys.stdin.readline())"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, **tree_options())
    reader = PipeReader(proc.stdout)
    started = time.monotonic()
    assert reader.read(0.2) is None  # nothing yet: the limit, not a hang
    assert time.monotonic() - started >= 0.2
    proc.stdin.write(b"hello\n")
    proc.stdin.flush()
    assert reader.read(10) == b"hello\n"
    proc.stdin.close()
    assert reader.read(10) == b""  # the child closed its output
    assert reader.read(0) == b""  # and it stays closed
    proc.wait(timeout=10)


@pytest.mark.skipif(processes.WINDOWS, reason="os.nice is POSIX")
def test_background_workers_run_at_a_lower_priority():
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"),
                             initializer=processes.lower_priority) as pool:
        niceness = pool.submit(os.nice, 0).result(timeout=30)
    assert niceness == min(os.nice(0) + 5, 19)
