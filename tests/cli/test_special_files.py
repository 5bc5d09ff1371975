"""Every command given a FIFO, a device, a socket or a folder where a post is expected.

Each case runs the real `python -m editor ...` in its own process, with a
timeout (a command that opens a FIFO would wait for a writer for ever) and a
cap on its address space (one that reads /dev/zero would eat the machine's
memory): a regression fails the test instead of hanging or swapping it.
"""

from __future__ import annotations

import os
import resource
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 60  # seconds; these commands answer in well under one

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and devices as on POSIX")

COMMANDS = {
    "render": lambda p: ["render", p],
    "validate": lambda p: ["validate", p],
    "fm get": lambda p: ["fm", "get", p, "title"],
    "fm set": lambda p: ["fm", "set", p, "title", "새 제목"],
    "fm unset": lambda p: ["fm", "unset", p, "title"],
    "open": lambda p: [p],  # `galley PATH`: the window
}
#: Where a folder is a valid argument (a site to scan or to open).
FOLDER_WELCOME = {"validate", "open"}


def _block_device() -> str | None:
    for candidate in ("/dev/loop0", "/dev/sda", "/dev/vda", "/dev/nvme0n1", "/dev/ram0"):
        try:
            if stat.S_ISBLK(os.stat(candidate).st_mode):
                return candidate
        except OSError:
            continue
    return None


@pytest.fixture(scope="module")
def specials():
    """{kind: (path, words in the message)}; short paths, as a socket's must be."""
    folder = tempfile.mkdtemp(prefix="gs.", dir="/tmp")
    fifo = os.path.join(folder, "pipe.md")
    os.mkfifo(fifo)
    sock_path = os.path.join(folder, "s.md")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(sock_path)
    found = {
        "fifo": (fifo, "a FIFO (named pipe)"),
        "/dev/zero": ("/dev/zero", "a character device"),
        "socket": (sock_path, "a socket"),
        "folder": (folder, "a folder"),
    }
    block = _block_device()
    if block:
        found["block device"] = (block, "a block device")
    yield found
    sock.close()
    shutil.rmtree(folder)


def _limit_memory() -> None:  # in the child, before it runs
    cap = 2 * 2**30
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def galley(args: list[str]) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "editor", *args], capture_output=True,
                          text=True, timeout=TIMEOUT, env=env, cwd=REPO,
                          preexec_fn=_limit_memory)


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "socket", "folder", "block device"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_special_file_is_refused_by_name(specials, command, kind):
    if kind not in specials:
        pytest.skip(f"no {kind} on this machine")
    if kind == "folder" and command in FOLDER_WELCOME:
        pytest.skip("a folder is a site here")
    path, words = specials[kind]
    result = galley(COMMANDS[command](path))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"{path}: error: {words}, not a regular file" in result.stderr.splitlines()
    assert result.stdout == ""


def test_a_link_to_a_device_is_refused_as_the_device(tmp_path):
    link = tmp_path / "post.md"
    link.symlink_to("/dev/zero")
    result = galley(["render", str(link)])
    assert result.returncode == 1
    assert result.stderr == f"{link}: error: a character device, not a regular file\n"


def test_a_missing_file_is_still_called_missing(tmp_path):
    missing = str(tmp_path / "없는.md")
    for command, build in COMMANDS.items():
        result = galley(build(missing))
        assert result.returncode != 0, command
        assert "Traceback" not in result.stderr, command
        assert f"{missing}: error: no such file" in result.stderr, command
