"""Pull and push with the user's configuration, with progress, and say what happened.

`pull` is plain `git pull` (merge or rebase as the user configured
pull.rebase), `push` plain `git push`: the remote, the branch and the
credentials are the user's (credential helpers, ssh agent); Galley never
sees or stores a secret. Both run with `--progress` and report percentages
through `on_progress(phase, percent)` (called on the calling thread: run
them off the UI thread). The result is classified: OK, AUTH (credentials
refused or missing), REJECTED (someone pushed first), CONFLICTS (with the
conflicted paths, site-relative), or OTHER, each with a plain message and
the next step (`messages`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable

from editor.core.git import messages
from editor.core.git.runner import NOT_INSTALLED, TIMED_OUT, GitResult, Repository, run_git_streaming
from editor.core.git.status import read_status
from editor.core.post.texts import Text

OK = "ok"
AUTH = "auth"
REJECTED = "rejected"
CONFLICTS = "conflicts"
OTHER = "other"
NOT_A_REPOSITORY = "not-a-repository"

# What git and the transports print (LC_ALL=C) when credentials fail.
_AUTH_SIGNS = (
    "authentication failed", "could not read username", "could not read password",
    "terminal prompts disabled", "permission denied (publickey", "invalid username or password",
    "the requested url returned error: 403", "the requested url returned error: 401",
    "host key verification failed",
)
_REJECTED_SIGNS = ("[rejected]", "non-fast-forward", "fetch first", "updates were rejected")
_LOCAL_CHANGES_SIGNS = ("would be overwritten by merge", "your local changes to the following files",
                        "cannot pull with rebase: you have unstaged changes",
                        "please commit your changes or stash them")


@dataclass(frozen=True)
class RemoteResult:
    outcome: str
    code: int
    #: git's own output (progress percentages left out).
    output: str
    message: Text
    next_step: Text | None = None
    #: CONFLICTS: the conflicted paths, site-relative.
    conflicts: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.outcome == OK


def _failure(result: GitResult, repo: Repository, *, pulling: bool) -> RemoteResult:
    low = result.output.lower()
    code, out = result.code, result.output
    if code == NOT_INSTALLED:
        return RemoteResult(OTHER, code, out, messages.text("no-git"))
    if code == TIMED_OUT:
        return RemoteResult(OTHER, code, out, messages.text("timed-out"), messages.text("other/next"))
    if pulling:
        status = read_status(repo.site, repo)
        if status.conflicted:
            return RemoteResult(CONFLICTS, code, out, messages.text("conflicts", count=len(status.conflicted)),
                                messages.text("conflicts/next"), tuple(status.conflicted))
    if any(sign in low for sign in _AUTH_SIGNS):
        return RemoteResult(AUTH, code, out, messages.text("auth"), messages.text("auth/next"))
    if not pulling and any(sign in low for sign in _REJECTED_SIGNS):
        return RemoteResult(REJECTED, code, out, messages.text("rejected"), messages.text("rejected/next"))
    if "no upstream" in low or "no tracking information" in low:
        branch = repo.git("branch", "--show-current").text.strip() or "HEAD"
        return RemoteResult(OTHER, code, out, messages.text("no-upstream"),
                            messages.text("no-upstream/next", branch=branch))
    if pulling and any(sign in low for sign in _LOCAL_CHANGES_SIGNS):
        return RemoteResult(OTHER, code, out, messages.text("local-changes"), messages.text("local-changes/next"))
    detail = next((line.strip() for line in out.splitlines()
                   if line.lower().startswith(("fatal:", "error:"))), out.strip().splitlines()[-1:] or [""])
    detail = detail if isinstance(detail, str) else detail[0]
    return RemoteResult(OTHER, code, out, messages.text("other", detail=detail), messages.text("other/next"))


def _run(site_root: str | os.PathLike, args: list[str], pulling: bool,
         on_progress: Callable[[str, int], None] | None, repo: Repository | None) -> RemoteResult:
    repo = repo or Repository.find(site_root)
    if repo is None:
        return RemoteResult(NOT_A_REPOSITORY, NOT_INSTALLED, "", messages.text("not-a-repository"))
    result = run_git_streaming(args, repo.root, on_progress=on_progress)
    if not result.ok:
        return _failure(result, repo, pulling=pulling)
    if pulling:
        upstream = read_status(repo.site, repo).upstream
        message = messages.text("pull/ok", upstream=upstream) if upstream else messages.text("pull/ok/no-upstream")
    else:
        message = messages.text("push/ok")
    return RemoteResult(OK, 0, result.output, message)


def pull(site_root: str | os.PathLike, on_progress: Callable[[str, int], None] | None = None,
         repo: Repository | None = None) -> RemoteResult:
    """`git pull --progress` as the user configured it."""
    return _run(site_root, ["pull", "--progress"], True, on_progress, repo)


def push(site_root: str | os.PathLike, on_progress: Callable[[str, int], None] | None = None,
         repo: Repository | None = None) -> RemoteResult:
    """`git push --progress` as the user configured it."""
    return _run(site_root, ["push", "--progress"], False, on_progress, repo)
