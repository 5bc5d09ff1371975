"""Running git: progress lines, a missing git, a timeout, paths in and out of the site."""

from __future__ import annotations

import os
import time

from editor.core.git.runner import NOT_INSTALLED, TIMED_OUT, Repository, parse_progress, run_git
from editor.core.processes import pid_alive


def test_progress_lines():
    assert parse_progress("Receiving objects:  45% (9/20)") == ("Receiving objects", 45)
    assert parse_progress("remote: Compressing objects: 100% (3/3), done.") == ("Compressing objects", 100)
    assert parse_progress("Writing objects: 7% (1/14), 1.2 MiB | 3 MiB/s") == ("Writing objects", 7)
    assert parse_progress("To /tmp/remote.git") is None
    assert parse_progress("") is None


def test_missing_git_is_a_result(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    result = run_git(["status"], tmp_path)
    assert result.code == NOT_INSTALLED and not result.ok and "not installed" in result.stderr


def test_timeout_is_a_result(writers, tmp_path):
    # A hook that outlives the timeout: the command is stopped, not waited for,
    # and so is what git started (the hook, and the program the hook started).
    hook = writers.alice / ".git" / "hooks" / "pre-commit"
    pid_file = tmp_path / "hook-child"
    hook.write_text(f'#!/bin/sh\nsleep 30 &\necho $! > "{pid_file}"\nwait\n', encoding="utf-8")
    hook.chmod(0o755)
    result = run_git(["commit", "--allow-empty", "-m", "x"], writers.alice, timeout=2.0)
    assert result.code == TIMED_OUT and "timed out" in result.stderr
    sleeper = int(pid_file.read_text())
    deadline = time.monotonic() + 10
    while pid_alive(sleeper) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not pid_alive(sleeper), "the hook's child outlived the timed-out git"


def test_paths_between_site_and_repository(writers):
    repo = Repository.find(writers.site(writers.alice))
    assert repo.prefix == "site/" and repo.root == writers.alice
    assert repo.to_repo("_posts/a.md") == "site/_posts/a.md"
    assert repo.to_repo(writers.site(writers.alice) / "_posts" / "a.md") == "site/_posts/a.md"
    assert repo.to_site("site/_posts/a.md") == "_posts/a.md"
    assert repo.to_site("README") is None
    assert Repository.find(writers.remote) is None  # a bare repository has no work tree
    assert Repository.find(writers.alice / ".git") is None
    assert os.path.isdir(repo.root)
