"""Real git repositories in tmp_path: a bare remote and two writers' clones.

Shared by the core's git tests and the window's (tests/ui/test_git_*.py):
`make_writers(tmp_path)` builds them; each suite wraps it in its own fixture.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

#: Why a suite skips on a machine without git.
NO_GIT = "git is not installed (packaging/system-deps.sh installs it)"
HAS_GIT = shutil.which("git") is not None

POST = "_posts/2024-03-05-hello.md"
TEXT = ("---\ntitle: 안녕하세요\ntags: [a]\n---\n"
        "첫 문단입니다. First paragraph.\n\n"
        "둘째 문단입니다.\n\n"
        "셋째 문단입니다. Third paragraph.\n")


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, check=check, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(cwd), "LC_ALL": "C",
                               "GIT_CONFIG_NOSYSTEM": "1"})


def configure(repo: Path, name: str) -> None:
    # CI has no global identity; each writer is configured in their clone.
    git(repo, "config", "user.name", name)
    git(repo, "config", "user.email", f"{name.lower()}@example.com")
    git(repo, "config", "commit.gpgsign", "false")
    git(repo, "config", "pull.rebase", "false")


@dataclass
class Writers:
    remote: Path
    alice: Path  # a clone; the site is its "site" folder
    bob: Path

    def site(self, who: Path) -> Path:
        return who / "site"


def make_writers(tmp_path: Path, monkeypatch, text: str = TEXT) -> Writers:
    # The code under test runs git with the real environment: give it a home
    # without the machine's global configuration.
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    seed = tmp_path / "seed"
    git(tmp_path, "init", "-q", "-b", "main", str(seed))
    configure(seed, "Seed")
    (seed / "site" / "_posts").mkdir(parents=True)
    (seed / "site" / "_config.yml").write_text("title: Shared\n", encoding="utf-8")
    (seed / "site" / POST).write_text(text, encoding="utf-8")
    (seed / "README").write_text("outside the site\n", encoding="utf-8")
    git(seed, "add", ".")
    git(seed, "commit", "-q", "-m", "first post")
    git(seed, "remote", "add", "origin", str(remote))
    git(seed, "push", "-q", "-u", "origin", "main")
    clones = []
    for name in ("Alice", "Bob"):
        clone = tmp_path / name.lower()
        git(tmp_path, "clone", "-q", str(remote), str(clone))
        configure(clone, name)
        clones.append(clone)
    return Writers(remote, *clones)
