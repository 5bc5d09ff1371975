"""The branch and every file's state: `git status --porcelain=v2 -z --branch`.

One git process per read (plus one to find the repository), NUL-separated
records parsed in one pass; paths come back relative to the site's root (a
site may be a subfolder of its repository) and only files inside the site are
listed. A folder that is not a repository, or a machine without git, gives a
`RepoStatus` with `is_repo` False: the caller shows nothing, loses nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.git.runner import Repository

# A file's state, the one word the posts pane shows.
NEW = "new"  # added to the index, not in the last commit
MODIFIED = "modified"  # changed in the working tree since the index
STAGED = "staged"  # changed, and all of the change is in the index
CONFLICTED = "conflicted"  # a merge or rebase stopped on it
UNTRACKED = "untracked"
RENAMED = "renamed"
DELETED = "deleted"


@dataclass(frozen=True)
class FileState:
    """One path's state. `index` and `worktree` are git's X and Y letters."""

    path: str  # relative to the site's root, "/"-separated
    state: str
    index: str = "."
    worktree: str = "."
    #: For RENAMED: the path it had (site-relative, or repository-relative
    #: when it came from outside the site).
    original: str | None = None

    @property
    def staged(self) -> bool:
        """Some of its change is in the index (what a commit would take)."""
        return self.index not in (".", "?", "!")


@dataclass(frozen=True)
class RepoStatus:
    is_repo: bool
    root: Path | None = None  # the repository's top folder
    branch: str | None = None  # None when HEAD is detached (or not a repository)
    head: str | None = None  # the commit id; None before the first commit
    upstream: str | None = None  # "origin/main"; None when the branch tracks nothing
    ahead: int = 0
    behind: int = 0
    files: dict[str, FileState] = field(default_factory=dict)
    #: git's message when status failed in a repository (is_repo stays True).
    error: str = ""

    def state_of(self, path: str | os.PathLike) -> str | None:
        """The state of a site-relative path; None when it is unchanged (or unknown)."""
        entry = self.files.get(Path(path).as_posix())
        return entry.state if entry else None

    @property
    def conflicted(self) -> list[str]:
        return sorted(p for p, f in self.files.items() if f.state == CONFLICTED)


NOT_A_REPOSITORY = RepoStatus(False)


def _state(index: str, worktree: str) -> str:
    if "D" in (index, worktree):
        return DELETED
    if worktree != ".":
        return NEW if index == "A" else MODIFIED
    return NEW if index == "A" else STAGED


def parse_porcelain_v2(data: bytes, repo: Repository) -> RepoStatus:
    """Parse `git status --porcelain=v2 -z --branch` output (see git-status(1))."""
    branch = head = upstream = None
    ahead = behind = 0
    files: dict[str, FileState] = {}
    records = data.decode("utf-8", "surrogateescape").split("\0")
    i = 0
    while i < len(records):
        rec = records[i]
        i += 1
        if not rec:
            continue
        kind = rec[0]
        if kind == "#":
            key, _, value = rec[2:].partition(" ")
            if key == "branch.oid":
                head = None if value == "(initial)" else value
            elif key == "branch.head":
                branch = None if value == "(detached)" else value
            elif key == "branch.upstream":
                upstream = value
            elif key == "branch.ab":
                a, b = value.split()
                ahead, behind = int(a), -int(b)
            continue
        if kind == "1":
            fields = rec.split(" ", 8)
            xy, path, state, original = fields[1], fields[8], None, None
            state = _state(xy[0], xy[1])
        elif kind == "2":
            fields = rec.split(" ", 9)
            xy, path = fields[1], fields[9]
            original = records[i]
            i += 1
            state = RENAMED
            site_original = repo.to_site(original)
            original = site_original if site_original is not None else original
        elif kind == "u":
            fields = rec.split(" ", 10)
            xy, path, state, original = fields[1], fields[10], CONFLICTED, None
        elif kind == "?":
            xy, path, state, original = "??", rec[2:], UNTRACKED, None
        else:  # "!" ignored files: not asked for
            continue
        site_path = repo.to_site(path)
        if site_path is not None:
            files[site_path] = FileState(site_path, state, xy[0], xy[1], original)
    return RepoStatus(True, repo.root, branch, head, upstream, ahead, behind, files)


def read_status(site_root: str | os.PathLike, repo: Repository | None = None) -> RepoStatus:
    """The site's repository state; `NOT_A_REPOSITORY` when there is none.

    Runs git twice (finding the repository, then status) unless `repo` is
    given. Slow on a large repository (see bench/bench_git.py): call it off
    the UI thread.
    """
    repo = repo or Repository.find(site_root)
    if repo is None:
        return NOT_A_REPOSITORY
    # --untracked-files=all: each new post is listed, not just its new folder.
    # GIT_OPTIONAL_LOCKS=0: status must not take the index lock a writer's own
    # git command in a terminal may need at the same moment.
    result = repo.git("status", "--porcelain=v2", "-z", "--branch", "--untracked-files=all",
                      "--", repo.prefix or ".", env={"GIT_OPTIONAL_LOCKS": "0"})
    if not result.ok:
        return RepoStatus(True, repo.root, error=result.stderr.strip())
    return parse_porcelain_v2(result.stdout, repo)
