"""Commit chosen posts with the repository's own hooks, and read their problems.

`commit(site_root, paths, message)` stages the paths and commits exactly them
(`git commit --only`): other staged files stay staged, out of this commit.
Hooks run as in a terminal (never `--no-verify`); author, committer and
signing come from the user's git configuration. Lines of the hooks' output
in `galley validate`'s format (`path:line:col: severity: message [rule]`)
become `HookDiagnostic`s for the problems panel.

A failing hook leaves the paths staged (as `git add` then `git commit` in a
terminal would) and nothing committed.

After a pull stopped on conflicts, a merge commit takes the whole index (git
refuses a partial one): `commit` then commits everything staged, and
`continue_pull` finishes the merge or the rebase with git's own message.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from editor.core.git.runner import NOT_INSTALLED, GitResult, Repository, run_git

#: A commit's hooks may validate the whole site: allow them time.
COMMIT_TIMEOUT = 300.0

_DIAGNOSTIC = re.compile(
    r"^(?P<path>[^\n:]+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info|note|hint): "
    r"(?P<message>.*?)(?: \[(?P<rule>[\w./-]+)\])?\s*$")


@dataclass(frozen=True)
class HookDiagnostic:
    """One problem a hook reported. `path` is site-relative when the hook's
    path (relative to the repository's top folder, where hooks run) is inside
    the site, else as printed."""

    path: str
    line: int
    column: int
    severity: str
    message: str
    rule: str | None = None


@dataclass(frozen=True)
class CommitResult:
    ok: bool
    code: int
    #: Everything git and the hooks printed, in order of stream (stdout, then stderr).
    output: str
    diagnostics: tuple[HookDiagnostic, ...] = ()
    #: The new commit's id when `ok`.
    commit: str | None = None


def parse_diagnostics(output: str, repo: Repository | None = None) -> tuple[HookDiagnostic, ...]:
    """`path:line:col: severity: message [rule]` lines of `output`."""
    found = []
    for line in output.splitlines():
        match = _DIAGNOSTIC.match(line.strip())
        if not match:
            continue
        path = match.group("path")
        if repo is not None:
            inside = repo.to_site(Path(path).as_posix().removeprefix("./"))
            path = inside if inside is not None else path
        found.append(HookDiagnostic(path, int(match.group("line")), int(match.group("column")),
                                    match.group("severity"), match.group("message"), match.group("rule")))
    return tuple(found)


def commit(site_root: str | os.PathLike, paths: Sequence[str | os.PathLike], message: str,
           repo: Repository | None = None) -> CommitResult:
    """Stage `paths` (site-relative) and commit them with `message`; never raises."""
    repo = repo or Repository.find(site_root)
    if repo is None:
        return CommitResult(False, NOT_INSTALLED, "not a git repository")
    if not message.strip():
        return CommitResult(False, 1, "empty commit message")
    if not paths:
        return CommitResult(False, 1, "no files to commit")
    specs = [repo.to_repo(p) for p in paths]
    # -A: a deleted post's deletion is staged too.
    added = repo.git("add", "-A", "--", *specs)
    if not added.ok:
        return CommitResult(False, added.code, added.output, parse_diagnostics(added.output, repo))
    merging = repo.git("rev-parse", "-q", "--verify", "MERGE_HEAD").ok
    only = [] if merging else ["--only", "--", *specs]
    # The message on stdin: any text, no argument-length or quoting limits.
    done: GitResult = run_git(["commit", "-F", "-", *only], repo.root,
                              input=message.encode("utf-8"), timeout=COMMIT_TIMEOUT)
    commit_id = None
    if done.ok:
        head = repo.git("rev-parse", "HEAD")
        commit_id = head.text.strip() if head.ok else None
    return CommitResult(done.ok, done.code, done.output, parse_diagnostics(done.output, repo), commit_id)


def continue_pull(site_root: str | os.PathLike, repo: Repository | None = None) -> CommitResult:
    """Finish a pull that stopped on conflicts, once every one is resolved (staged).

    A merge is committed with git's prepared message; a rebase continues
    (and may stop again on the next commit's conflicts: read the status).
    """
    repo = repo or Repository.find(site_root)
    if repo is None:
        return CommitResult(False, NOT_INSTALLED, "not a git repository")
    if repo.git("rev-parse", "-q", "--verify", "MERGE_HEAD").ok:
        args = ["commit", "--no-edit"]
    else:
        args = ["rebase", "--continue"]
    # GIT_EDITOR=true: accept the prepared message; there is no terminal to edit in.
    done = run_git(args, repo.root, timeout=COMMIT_TIMEOUT, env={"GIT_EDITOR": "true"})
    head = repo.git("rev-parse", "HEAD") if done.ok else None
    return CommitResult(done.ok, done.code, done.output, parse_diagnostics(done.output, repo),
                        head.text.strip() if head is not None and head.ok else None)
