"""The window's owner of the open site: opens, switches and closes it off the UI thread.

Indexing a site reads every post's head, so discovery, indexing and the
derived facts (schema, vocabulary, what validation needs) run on one worker
thread, in the order asked; the results come back by queued signal. Until a
site is in, the views use the no-site model (default schema, no
vocabulary). Opened sites are kept per root: opening another post of the
same site does not index it again; a change on disk (`refresh`) re-reads
only what changed.

Signals, in the order a view needs them:
- `siteOpened(OpenSite)`: a site became the open one (the first, or a
  switch: a post of another site was opened);
- `siteChanged(OpenSite)`: the open site was re-read after a change on disk;
- `contextReady(OpenSite)`: the model for the open post (after either of the
  above, and for a post outside any site): form, validation and preview
  follow it;
- `siteClosed()`: no site is open any more.

For the posts pane, rows built on the worker (`post_rows.PostRow`):
- `postsIndexed(OpenSite, rows, done, total, full)`: a batch while a site is
  indexed (`full` False), or every row once it is read (`full` True);
- `postsUpdated(OpenSite, rows, gone)`: posts changed on disk, re-read one
  by one (`update`), before the facts are derived again;
- `problemsCounted(OpenSite, {path: count})`: errors and warnings of each
  post, for every post once a site is open (checked by worker processes, on
  a thread of its own so that it never delays the index), then for the posts
  changed on disk.

Built before the first paint, it imports nothing heavy until a site is
asked for; posts opened before `start()` wait for it (start-up opens the
site once the preview is up).
"""

from __future__ import annotations

import gc
import os
import threading
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Signal

# editor.core.site and editor.core.validation are imported on the worker
# thread: the owner is built before the first paint; their imports cost ~0.4 s.


def _index_processes():
    """How the index starts its worker processes in this (Qt) process: the
    validation's forkserver, which the problem counter uses as well."""
    from editor.core.validation.processes import process_context

    return process_context()


class _SiteFacts:
    """The window's facts of a site: its validation context (schema,
    vocabulary...), kept current post by post (`SiteFacts`). One per OpenSite.

    Built with the cyclic collector paused, then moved out of its reach. A
    full build allocates for ~0.3 s on a 10,000-post site; each collection it
    set off walked the heap holding the GIL, and with it the UI thread, for 5
    to 30 ms. The facts hold no cycles: the ones they replace are freed by
    their reference count all the same. A post changed on disk is counted
    out and in again (milliseconds), where the whole build held the GIL for
    0.3 s and the UI thread waited for it at each call into Python.
    """

    def __init__(self) -> None:
        self._facts = None

    def __call__(self, site, summaries):
        from editor.core.validation import ValidationContext
        from editor.core.validation.site_facts import SiteFacts

        with _collector_paused():
            try:
                self._facts = SiteFacts(site, summaries)
                return ValidationContext.of(self._facts)
            except Exception:  # noqa: BLE001 - a broken site (e.g. a wrong galley.toml) still edits
                self._facts = None
                return ValidationContext(root=Path(site.root), generator=site.generator)

    def update(self, site, summaries, changed, gone):
        if self._facts is None or self._facts.site is not site:
            return self(site, summaries)
        from editor.core.validation import ValidationContext

        with _collector_paused():
            self._facts.update(changed, gone)
            return ValidationContext.of(self._facts)


@contextmanager
def _collector_paused():
    """The cyclic collector paused (`editor.core.collector`), then what the
    build left moved out of its reach for good."""
    from editor.core.collector import collector_paused

    with collector_paused():
        yield
    if gc.isenabled():
        gc.freeze()


_NONE = None


def no_site():
    """The model of a post outside any site (default schema, no vocabulary)."""
    global _NONE
    if _NONE is None:
        from editor.core.site.model import OpenSite
        from editor.core.validation import ValidationContext

        _NONE = OpenSite.none(ValidationContext())
    return _NONE


class SiteOwner(QObject):
    siteOpened = Signal(object)
    siteChanged = Signal(object)
    contextReady = Signal(object)
    siteClosed = Signal()
    postsIndexed = Signal(object, list, int, int, bool)
    postsUpdated = Signal(object, list, list)
    problemsCounted = Signal(object, dict)
    # worker -> UI thread: (token, OpenSite, kind) with kind "open" or "refresh"
    _done = Signal(int, object, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current = None  # the OpenSite of the open post (None: no site)
        self._context = None  # the model last given by contextReady
        self._started = False
        self._pending: str | None = None  # a post asked for before start()
        # Counts the requests that change which site is open (open, close): the
        # result of an older one is dropped. A re-read (refresh, update, catch
        # up) carries the count it was asked under and supersedes nothing.
        self._token = 0
        self._sites: dict[str, object] = {}  # root -> OpenSite; read and written by the worker only
        self._stale: set[str] = set()  # roots to re-read at their next open (worker only)
        self._jobs = None  # a queue.SimpleQueue of jobs for the worker, made at the first one
        self._counts = None  # the same for the problem counter
        self._done.connect(self._on_done)

    # -- what the window asks ------------------------------------------------------

    @property
    def current(self):
        """The open site's OpenSite, or None when no site is open."""
        return self._current

    @property
    def context(self):
        """The model for the open post (the no-site one until a site is in)."""
        return self._context if self._context is not None else no_site()

    @property
    def loaded(self) -> bool:
        """Whether a model was given yet (a site, or the no-site one)."""
        return self._context is not None

    @property
    def started(self) -> bool:
        return self._started

    def start(self) -> None:
        """Let sites load (start-up calls this once the preview is up)."""
        if self._started:
            return
        self._started = True
        if self._pending is not None:
            path, self._pending = self._pending, None
            self.open(path)

    def follow(self, post_path: str | os.PathLike | None) -> None:
        """The open post changed: open its site (or close when nothing is open).
        Before `start()`, only the last post asked for is remembered."""
        if not self._started:
            self._pending = os.fspath(post_path) if post_path else None
            return
        if post_path:
            self.open(post_path)
        else:
            self.close()

    def open(self, path: str | os.PathLike) -> None:
        """Open the site around `path` (a post or a site folder), off the UI thread.
        A site other than the open one is a switch."""
        self._started = True
        self._token += 1
        self._submit(("open", os.path.abspath(os.fspath(path)), self._token))

    def refresh(self, root: str | os.PathLike | None = None, config_changed: bool = True) -> None:
        """Re-read a site after a change on disk (default: the open one)."""
        if root is None:
            if self._current is None:
                return
            root = self._current.root
        self._submit(("refresh", os.path.abspath(os.fspath(root)), self._token, config_changed))

    def update(self, root: str | os.PathLike, paths) -> None:
        """Posts of `root` changed on disk: re-read only these files."""
        self._submit(("update", os.path.abspath(os.fspath(root)), self._token, [os.fspath(p) for p in paths]))

    def catch_up(self, root: str | os.PathLike | None = None) -> None:
        """Re-read the posts of `root` (default: the open site) changed since it
        was indexed: a watcher that starts watching after the index was read
        calls this, so a post written in between is not missed. Only changed
        files are read (each post's stamp is compared); nothing is derived
        again when none changed."""
        if root is None:
            if self._current is None:
                return
            root = self._current.root
        self._submit(("catch up", os.path.abspath(os.fspath(root)), self._token))

    def forget(self, root: str | os.PathLike) -> None:
        """The next open of a post of `root` re-reads that site first."""
        self._submit(("forget", os.path.abspath(os.fspath(root))))

    def close(self) -> None:
        """No site open: the views go back to the no-site model."""
        self._token += 1
        was_open, self._current = self._current is not None, None
        self._context = no_site()
        if was_open:
            self.siteClosed.emit()
        self.contextReady.emit(self._context)

    def open_now(self, path: str | os.PathLike) -> None:
        """Blocking `open` (scripts and tests that need the site at once)."""
        from editor.core.site.model import OpenSite

        self._token += 1
        model = OpenSite.open(path, _SiteFacts())
        self.postsIndexed.emit(model, model.rows, len(model.summaries), len(model.summaries), True)
        self._on_done(self._token, model, "open")

    def shutdown(self) -> None:
        for jobs in (self._jobs, self._counts):
            if jobs is not None:
                jobs.put(None)
        self._jobs = self._counts = None

    # -- the worker ------------------------------------------------------------------

    def _submit(self, job) -> None:
        if self._jobs is None:
            # One plain thread and a queue: jobs run in the order asked, and the
            # site is first asked for after the first paint (hence the late import).
            import queue

            self._jobs = queue.SimpleQueue()
            threading.Thread(target=self._work, args=(self._jobs,), daemon=True,
                             name="galley-site-index").start()
        self._jobs.put(job)

    def _work(self, jobs) -> None:
        from editor.core.site.model import OpenSite, discover

        while True:
            job = jobs.get()
            if job is None:
                return
            kind, path = job[0], job[1]
            try:
                if kind == "forget":
                    self._stale.add(path)
                    continue
                if kind in ("refresh", "update", "catch up"):
                    model = self._sites.get(path)
                    if model is None:
                        continue
                    if kind == "catch up" and model.site_files_changed():
                        kind, job = "refresh", (*job, True)  # its config too: read the site again
                    if kind == "catch up":
                        paths = [*model.site.post_paths(), *(os.fspath(s.path) for s in model.summaries)]
                        rows, gone = model.update_paths(
                            paths, lambda rows, gone, m=model: self.postsUpdated.emit(m, rows, gone))
                        if not rows and not gone:
                            continue
                        self._count(model, [r.path for r in rows])
                    elif kind == "update":
                        rows, _gone = model.update_paths(
                            job[3], lambda rows, gone, m=model: self.postsUpdated.emit(m, rows, gone))
                        self._count(model, [r.path for r in rows])
                    else:
                        model.refresh(config_changed=job[3])
                        self.postsIndexed.emit(model, model.rows, len(model.summaries), len(model.summaries), True)
                        self._count(model, None)  # the config (the schema) may count differently
                    self._stale.discard(path)
                    self._done.emit(job[2], model, "refresh")
                    continue
                site = discover(path)
                root = os.path.abspath(site.root)
                model = self._sites.get(root)
                if model is None:
                    model = OpenSite(site, _SiteFacts())
                    model.load(lambda rows, done, total, m=model: self.postsIndexed.emit(m, rows, done, total, False),
                               mp_context=_index_processes())
                    self._sites[root] = model
                    self._count(model, None)
                elif root in self._stale:
                    model.refresh()
                self._stale.discard(root)
                self.postsIndexed.emit(model, model.rows, len(model.summaries), len(model.summaries), True)
                self._done.emit(job[2], model, "open")
            except RuntimeError:  # the owner's Qt object is gone (the window closed)
                return
            except Exception:  # noqa: BLE001 - an unreadable site leaves the no-site model
                continue

    # -- the problem counter -----------------------------------------------------------

    def _count(self, model, paths: list[str] | None) -> None:
        """Count the problems of `paths` of `model` (None: every post), on the counter's thread."""
        if paths is not None and not paths:
            return
        if self._counts is None:
            import queue

            self._counts = queue.SimpleQueue()
            threading.Thread(target=self._count_work, args=(self._counts,), daemon=True,
                             name="galley-site-problems").start()
        self._counts.put((model, paths))

    def _count_work(self, jobs) -> None:
        from editor.core.validation.counts import counts_in_a_process, problem_counts
        from editor.core.validation.runner import POOL_THRESHOLD

        while True:
            job = jobs.get()
            if job is None:
                return
            model, paths = job
            try:
                files = paths if paths is not None else [os.fspath(s.path) for s in model.summaries]
                if paths is None and len(files) >= POOL_THRESHOLD:
                    # The whole site: one worker process (the other core stays
                    # with the window), which sends back only the counts.
                    counts = counts_in_a_process(os.fspath(model.site.root), files)
                else:  # a few files: here, with the site's facts
                    counts = problem_counts(model.site, files, model.derived)
                self.problemsCounted.emit(model, counts)
            except RuntimeError:  # the owner's Qt object is gone (the window closed)
                return
            except Exception:  # noqa: BLE001 - no counts is better than no window
                continue

    def _on_done(self, token: int, model, kind: str) -> None:
        if kind == "refresh":
            if self._current is model:
                self.siteChanged.emit(model)
                if token == self._token:
                    self._context = model
                    self.contextReady.emit(model)
            return
        if token != self._token:
            return  # a later request supersedes this one
        previous, self._current = self._current, model
        if previous is not model:
            self.siteOpened.emit(model)
        self._context = model
        self.contextReady.emit(model)
