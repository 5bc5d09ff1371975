"""Run `git`: no shell, a fixed environment, a timeout, never an exception.

The environment makes git's output parseable and git itself non-interactive:
`LC_ALL=C` (English messages, which `remote` classifies), `GIT_TERMINAL_PROMPT=0`
(a missing credential fails at once instead of waiting on a terminal nobody
sees), `GIT_LITERAL_PATHSPECS=1` (a path is a file name, never a pattern),
`-c core.quotepath=off` (paths in UTF-8, not octal escapes). The
user's own configuration (identity, signing, credential helpers, hooks,
pull.rebase) is left alone.

A missing `git`, a timeout or a folder that is not in a repository come back
as a `GitResult` with a code the caller can test (`NOT_INSTALLED`,
`TIMED_OUT`, `Repository.find` returning None).
"""

from __future__ import annotations

import os
import re
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from editor.core.processes import kill_tree, tree_options

#: Local commands (status, show, add, commit without slow hooks).
LOCAL_TIMEOUT = 60.0
#: Network commands: pull and push.
REMOTE_TIMEOUT = 600.0

NOT_INSTALLED = 127
TIMED_OUT = -1


def git_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    # GIT_LITERAL_PATHSPECS: a post named "*.md" or "[draft].md" is that file.
    env.update(LC_ALL="C", LANGUAGE="C", GIT_TERMINAL_PROMPT="0", GIT_LITERAL_PATHSPECS="1")
    env.pop("GIT_DIR", None)  # a caller's repository must not replace the site's
    env.pop("GIT_WORK_TREE", None)
    if extra:
        env.update(extra)
    return env


@dataclass(frozen=True)
class GitResult:
    """What one git command did: exit code, stdout (bytes), stderr (text)."""

    code: int
    stdout: bytes = b""
    stderr: str = ""

    @property
    def ok(self) -> bool:
        return self.code == 0

    @property
    def text(self) -> str:
        return self.stdout.decode("utf-8", "replace")

    @property
    def output(self) -> str:
        """stdout and stderr together, as the writer would see them in a terminal."""
        return "\n".join(part for part in (self.text.rstrip("\n"), self.stderr.rstrip("\n")) if part)


def _start(args: Sequence[str], cwd: str | os.PathLike, env: dict[str, str] | None,
           stdin: int | None) -> subprocess.Popen:
    if not os.path.isdir(cwd):
        raise NotADirectoryError(f"not a folder: {os.fspath(cwd)}")
    # Its own process tree: a timeout stops git with what it started (hooks,
    # credential helpers, ssh), and git never reads the terminal Galley may
    # have been started from.
    return subprocess.Popen(["git", "-c", "core.quotepath=off", *args], cwd=os.fspath(cwd),
                            stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=git_env(env), **tree_options())


def run_git(args: Sequence[str], cwd: str | os.PathLike, *, input: bytes | None = None,
            timeout: float = LOCAL_TIMEOUT, env: dict[str, str] | None = None) -> GitResult:
    """`git -c core.quotepath=off <args>` in `cwd`; never raises."""
    try:
        proc = _start(args, cwd, env, subprocess.PIPE if input is not None else subprocess.DEVNULL)
    except FileNotFoundError:
        return GitResult(NOT_INSTALLED, b"", "git is not installed")
    except OSError as exc:  # cwd missing or not a folder
        return GitResult(NOT_INSTALLED, b"", str(exc))
    try:
        out, err = proc.communicate(input, timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_tree(proc)
        proc.communicate()
        return GitResult(TIMED_OUT, b"", f"git {' '.join(args[:1])} timed out after {timeout:.0f} s")
    return GitResult(proc.returncode, out, err.decode("utf-8", "replace"))


# Progress lines end in "\r" while they update and "\n" when done:
# "Receiving objects:  45% (9/20)".
_PROGRESS = re.compile(r"^(?:remote: )?([A-Za-z][A-Za-z ]*?):\s+(\d{1,3})%")


def parse_progress(line: str) -> tuple[str, int] | None:
    """("Receiving objects", 45) from one of git's progress lines, else None."""
    match = _PROGRESS.match(line.strip())
    return (match.group(1), int(match.group(2))) if match else None


def run_git_streaming(args: Sequence[str], cwd: str | os.PathLike, *,
                      on_progress: Callable[[str, int], None] | None = None,
                      timeout: float = REMOTE_TIMEOUT) -> GitResult:
    """Like `run_git`, reporting `--progress` percentages from stderr as they come."""
    try:
        proc = _start(args, cwd, None, subprocess.DEVNULL)
    except FileNotFoundError:
        return GitResult(NOT_INSTALLED, b"", "git is not installed")
    except OSError as exc:
        return GitResult(NOT_INSTALLED, b"", str(exc))
    out_chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: out_chunks.append(proc.stdout.read()), daemon=True)
    reader.start()
    lines: list[str] = []
    pending = b""
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        kill_tree(proc)

    timer = threading.Timer(timeout, kill)
    timer.start()
    try:
        while True:
            chunk = proc.stderr.read1(4096)
            if not chunk:
                break
            pending += chunk
            parts = re.split(rb"[\r\n]", pending)
            pending = parts.pop()
            for raw in parts:
                line = raw.decode("utf-8", "replace")
                progress = parse_progress(line)
                if progress is not None:
                    if on_progress is not None:
                        on_progress(*progress)
                    if not raw.rstrip().endswith(b"done.") and "100%" not in line:
                        continue  # intermediate percentages are not output
                if line.strip():
                    lines.append(line)
        if pending.strip():
            lines.append(pending.decode("utf-8", "replace"))
        code = proc.wait()
    finally:
        timer.cancel()
    reader.join()
    if killed.is_set():
        return GitResult(TIMED_OUT, b"".join(out_chunks), f"git {args[0]} timed out after {timeout:.0f} s")
    return GitResult(code, b"".join(out_chunks), "\n".join(lines))


@dataclass(frozen=True)
class Repository:
    """Where a site sits in its repository."""

    #: The repository's top folder.
    root: Path
    #: The site's folder relative to `root`, "" or ending in "/" (git's --show-prefix).
    prefix: str
    #: The site's root folder.
    site: Path

    @classmethod
    def find(cls, site_root: str | os.PathLike) -> "Repository | None":
        """The repository holding `site_root`, or None (not a repository, no git)."""
        site = Path(site_root)
        if not site.is_dir():
            return None
        result = run_git(["rev-parse", "--show-toplevel", "--show-prefix"], site)
        if not result.ok:
            return None
        lines = result.text.split("\n")
        if len(lines) < 2 or not lines[0]:
            return None  # inside .git, or a bare repository
        return cls(Path(lines[0]), lines[1], site)

    def to_site(self, repo_path: str) -> str | None:
        """A repository-relative path as a site-relative one; None outside the site."""
        if not self.prefix:
            return repo_path
        return repo_path[len(self.prefix):] if repo_path.startswith(self.prefix) else None

    def to_repo(self, site_path: str | os.PathLike) -> str:
        """A site-relative path (or an absolute one inside the site) as a repository-relative one."""
        path = Path(site_path)
        if path.is_absolute():
            path = path.resolve().relative_to(self.site.resolve())
        return self.prefix + path.as_posix()

    def git(self, *args: str, **kwargs) -> GitResult:
        """Run git in the repository's top folder (paths repository-relative)."""
        return run_git(args, self.root, **kwargs)
