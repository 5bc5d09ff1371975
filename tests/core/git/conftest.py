"""Real git repositories in tmp_path: a bare remote and two writers' clones (tests/git_repos.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.git_repos import HAS_GIT, NO_GIT, POST, TEXT, Writers, configure, git, make_writers  # noqa: F401

if not HAS_GIT:
    pytest.skip(NO_GIT, allow_module_level=True)


@pytest.fixture
def writers(tmp_path: Path, monkeypatch) -> Writers:
    return make_writers(tmp_path, monkeypatch)
