"""The site's repository for the window: git runs on one worker thread, never on the UI thread.

`GitOwner` follows the open site (`set_site`), reads its status on its worker
thread and says so with `statusChanged(RepoStatus)`; `states` maps each
changed post's absolute path to its state for the posts pane. Every other git
command (diff, commit, pull, push, resolve) goes through `run(fn, ..., done=)`
on the same thread, one at a time, in order: two git commands on one index
would wait on each other's lock anyway, and one thread keeps the order the
writer asked for.

Status is read again after a save (the window calls `refresh`), after every
command run here, when the window gains focus, and when `.git` changes under
the window (a commit or pull in a terminal). For the last, the owner polls the
modification times of `.git`'s few top files (HEAD, index, the branch's ref,
packed-refs, MERGE_HEAD, FETCH_HEAD, the upstream's ref) every two seconds and
on focus: seven `stat` calls,
microseconds on the UI thread. A file-system watch on `.git` was not used: git
rewrites index.lock and objects for every command (status included in other
tools), so a watch would fire storms of events to filter, and inotify watches
are a limited resource the site watcher already uses.

A folder outside any repository gives a status with `is_repo` False: the
window shows no git state and every git action stays disabled.
"""

from __future__ import annotations

import os
import queue
import threading
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from editor.core.git.runner import Repository
from editor.core.git.status import NOT_A_REPOSITORY, RepoStatus, read_status

#: How often `.git`'s top files are looked at (ms).
POLL_MS = 2000


def _site_root_of(post_path: str) -> str | None:
    """The site root of a post in a repository; None outside any (the site owner's answer will do)."""
    if Repository.find(os.path.dirname(post_path) or ".") is None:
        return None
    from editor.core.site.model import discover

    return os.fspath(discover(post_path).root)


class GitOwner(QObject):
    #: The site's repository state was read. Carries a RepoStatus.
    statusChanged = Signal(object)
    #: A job began (True) or the last one ended (False): the window shows it is busy.
    busyChanged = Signal(bool)
    #: A pull or push said how far it is. Carries (phase, percent).
    progress = Signal(str, int)
    _done = Signal(object, object)

    def __init__(self, parent: QObject | None = None, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._site: Path | None = None
        self._repo: Repository | None = None
        self._git_dir: Path | None = None
        self._stamps: tuple = ()
        self._status: RepoStatus = NOT_A_REPOSITORY
        self._states: dict[str, str] = {}
        self._status_pending = False
        self._generation = 0  # a status read for an earlier site is dropped
        self._jobs: queue.Queue = queue.Queue()
        self._pending = 0
        self._thread = threading.Thread(target=self._work, name="git", daemon=True)
        self._thread.start()
        self._done.connect(self._finish)
        self._poll = QTimer(self, interval=poll_ms)
        self._poll.timeout.connect(self.check_git_dir)
        # The worker ends with its owner (a window closed and deleted): a job
        # finishing later would emit on a deleted object.
        self.destroyed.connect(self._jobs.put)

    # -- what the window asks ------------------------------------------------------

    @property
    def site(self) -> Path | None:
        return self._site

    @property
    def repository(self) -> Repository | None:
        return self._repo

    @property
    def status(self) -> RepoStatus:
        return self._status

    @property
    def states(self) -> dict[str, str]:
        """Absolute path (as the posts pane spells it) -> state, changed posts only."""
        return self._states

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def set_site(self, root: str | os.PathLike | None) -> None:
        """Follow the site at `root` (None: no site): its repository is looked for on the worker."""
        site = Path(os.path.abspath(os.fspath(root))) if root else None
        if site == self._site:
            return
        self._site, self._repo, self._git_dir, self._stamps = site, None, None, ()
        self._generation += 1
        self._poll.stop()
        self._publish(NOT_A_REPOSITORY)
        if site is not None:
            generation = self._generation
            self.run(self._find, site, done=lambda found: self._found(generation, found), refresh=False)

    def follow(self, post_path: str | os.PathLike | None) -> None:
        """Follow the site of the post at `post_path`, found on the worker (a
        `_config.yml` or `config.toml` above it): the git state reaches the
        window without waiting for the site's index to be read."""
        if post_path:
            self.run(_site_root_of, os.fspath(post_path), done=self._root_found, refresh=False)

    def _root_found(self, root) -> None:
        if isinstance(root, str):
            self.set_site(root)

    def refresh(self) -> None:
        """Read the status again (at most one read waits at a time)."""
        if self._repo is None or self._status_pending:
            return
        self._status_pending = True
        generation, site, repo = self._generation, self._site, self._repo
        self.run(read_status, site, repo, done=lambda status: self._read(generation, status), refresh=False)

    def run(self, fn: Callable, *args, done: Callable[[object], None] | None = None,
            refresh: bool = True, **kwargs) -> None:
        """`fn(*args, **kwargs)` on the worker; `done(result)` on the UI thread, then
        (with `refresh`) the status is read again."""
        self._pending += 1
        if self._pending == 1:
            self.busyChanged.emit(True)
        self._jobs.put((fn, args, kwargs, done, refresh))

    def report_progress(self, phase: str, percent: int) -> None:
        """For `remote.pull`/`push`'s on_progress: called on the worker, shown on the UI thread."""
        self.progress.emit(phase, percent)

    def check_git_dir(self) -> None:
        """Read the status again if `.git`'s top files changed since the last read."""
        if self._git_dir is not None and not self._status_pending and self._stamp() != self._stamps:
            self.refresh()

    def watch_focus(self, window) -> None:
        """Read the status when `window` gains focus (a terminal may have committed)."""
        window.installEventFilter(self)

    def shutdown(self) -> None:
        self._poll.stop()
        self._jobs.put(None)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.WindowActivate:
            self.check_git_dir()
        return False

    # -- inside -------------------------------------------------------------------

    @staticmethod
    def _find(site: Path):
        repo = Repository.find(site)
        if repo is None:
            return None
        out = repo.git("rev-parse", "--absolute-git-dir")
        git_dir = Path(out.text.strip()) if out.ok and out.text.strip() else None
        return repo, git_dir, read_status(site, repo)

    def _found(self, generation: int, found) -> None:
        if generation != self._generation or found is None:
            return
        self._repo, self._git_dir, status = found
        self._stamps = self._stamp()
        self._publish(status)
        self._poll.start()

    def _read(self, generation: int, status: RepoStatus) -> None:
        self._status_pending = False
        if generation == self._generation:
            self._publish(status)

    def _stamp(self) -> tuple:
        git_dir = self._git_dir
        if git_dir is None:
            return ()
        branch, upstream = self._status.branch, self._status.upstream
        names = ["HEAD", "index", "packed-refs", "MERGE_HEAD", "FETCH_HEAD"]
        if branch:
            names.append(f"refs/heads/{branch}")
        if upstream:  # "origin/main": a fetch moves it (the behind count)
            names.append(f"refs/remotes/{upstream}")
        stamps = []
        for name in names:
            try:
                st = os.stat(git_dir / name)
                stamps.append((st.st_mtime_ns, st.st_size))
            except OSError:
                stamps.append(None)
        return tuple(stamps)

    def _publish(self, status: RepoStatus) -> None:
        self._status = status
        if self._site is not None and status.is_repo:
            base = os.fspath(self._site)
            self._states = {os.path.join(base, *path.split("/")): entry.state
                            for path, entry in status.files.items()}
        else:
            self._states = {}
        if status.is_repo:
            self._stamps = self._stamp()
        self.statusChanged.emit(status)

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if not isinstance(job, tuple):  # None: shutdown; the owner's destroyed() passes itself
                return
            fn, args, kwargs, done, refresh = job
            try:
                result = fn(*args, **kwargs)
            except Exception as exc:  # a bug in a job must not stop the thread
                result = exc
            try:
                self._done.emit(job, result)
            except RuntimeError:  # the owner is gone (window closed)
                return

    def _finish(self, job, result) -> None:
        _fn, _args, _kwargs, done, refresh = job
        self._pending -= 1
        try:
            if done is not None:
                done(result)
        finally:
            if refresh:
                self.refresh()
            if self._pending == 0:
                self.busyChanged.emit(False)
