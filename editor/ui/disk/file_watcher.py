"""Watch open posts on disk with watchdog and report settled changes to the GUI thread.

Why it is built this way:
- The *folder* of each post is watched, not the file. Editors that save by
  writing a temp file and renaming it over the post (vim, VS Code, git
  checkout, sync clients) replace the file's inode; a watch on the file
  would die with the old inode, a watch on the folder sees the rename and
  keeps working without re-arming anything.
- watchdog calls back on its own thread. That thread only filters events to
  the posts we track and emits `_rawEvent`, connected with a *queued*
  connection, so everything else (timers, stat, hashing, our public signals)
  runs on the GUI thread (DESIGN.md).
- Events are debounced per path: a change is reported once the path has
  been quiet for `quiet_ms` (a temp-file-and-rename save is 3-4 events, a
  script writing 100 times a second is 100+), then the file is looked at as
  it is *now*. Deciding from the disk state rather than from the event kinds
  makes every save style look the same: vim's "rename old to post~, write
  new" is a change, not a move.
- Our own saves are not reported: the owner tells us the fingerprint of what
  it wrote (`note_written`), and a settled state whose content equals the last
  known fingerprint is not news. Fingerprints are compared by size and hash
  only (a `touch` is not a change).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from editor.core.disk.change_policy import same_content
from editor.core.disk.storage import Fingerprint, StorageError

#: Quiet period before a path counts as settled.
DEFAULT_QUIET_MS = 100
#: A path that has been busy for a while must stay quiet longer before it
#: counts as settled: the quiet period grows by this fraction of the time
#: since the first event, up to MAX_QUIET_MS. A single save (a few events
#: within milliseconds) keeps the short period; a script writing for a second
#: is not split in two by one scheduling hiccup of 100 ms on a busy machine.
QUIET_GROWTH = 0.5
MAX_QUIET_MS = 500
#: After the quiet period, the file is stat'ed twice this far apart: events
#: still queued in the kernel while this process was descheduled would
#: otherwise reach us only after we had (wrongly) settled.
CONFIRM_MS = 20
#: A path that never goes quiet (a script writing continuously) is still
#: reported at least this often, so the writer is not left with stale text.
DEFAULT_MAX_WAIT_MS = 4000


#: The event kinds that can mean a post's content changed, handed to
#: watchdog so that the others are not even asked of the kernel (inotify's
#: mask): every read of a post is an "opened" and a "closed, no write",
#: and reading a site of 10,000 posts under the watcher sent 20,000 of them
#: through Python (and filled inotify's queue until events were lost).
#: "attrib" (touch, chmod) is left out too: it never changes the bytes.
#: One filter per observer: watches of one folder in one inotify instance
#: share one mask.
FILE_EVENTS = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent, FileClosedEvent]
#: The site also follows folders appearing, going and being renamed.
SITE_EVENTS = FILE_EVENTS + [DirCreatedEvent, DirDeletedEvent, DirMovedEvent]


def _norm(path: str | os.PathLike[str]) -> str:
    return os.path.abspath(os.fspath(path))


def _stat(path: str) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def _fingerprint(path: str) -> Fingerprint | None:
    try:
        return Fingerprint.of_path(path)
    except StorageError:
        return None


class _Handler(FileSystemEventHandler):
    """Runs on watchdog's thread: filter, then hand over through a queued signal."""

    def __init__(self, watcher: "FileWatcher") -> None:
        self._watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("opened", "closed_no_write"):
            return
        src = os.fsdecode(event.src_path)
        dest = os.fsdecode(getattr(event, "dest_path", "") or "")
        tracked = self._watcher._tracked_snapshot  # replaced, never mutated: safe to read here
        if src in tracked or (dest and dest in tracked):
            # Stamped here, on the event's own thread: if the GUI thread is
            # busy (a reload, a render), its timers fire late and in a heap
            # with the queued events; the stamp still tells the true last event.
            now = time.monotonic()
            self._watcher._last_raw[src] = now
            if dest:
                self._watcher._last_raw[dest] = now
            try:
                self._watcher._rawEvent.emit(event.event_type, src, dest)
            except RuntimeError:  # the watcher's Qt object is gone (shutdown)
                pass


_UNSET = object()


@dataclass
class _Pending:
    timer: QTimer
    first_event: float
    moved_to: str = ""
    #: (mtime_ns, size, inode) seen when the quiet period first ran out
    #: (None: the file is missing; _UNSET: not looked yet).
    confirm_stat: object = None

    def __post_init__(self) -> None:
        self.confirm_stat = _UNSET


class FileWatcher(QObject):
    """Reports external changes to tracked posts, settled and on the GUI thread."""

    #: A tracked post's content changed on disk (not by us). Carries its path
    #: (absolute str). Fired once per settled burst, on the GUI thread.
    fileChanged = Signal(str)
    #: A tracked post no longer exists (deleted, or moved out of its folder).
    #: Carries its path. Fired once until the file comes back.
    fileDeleted = Signal(str)
    #: A tracked post was renamed/moved and the new name exists while the old
    #: one does not. Carries (old path, new path); tracking follows the post.
    fileMoved = Signal(str, str)

    # Internal: watchdog thread -> GUI thread. (event_type, src, dest)
    _rawEvent = Signal(str, str, str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        quiet_ms: int = DEFAULT_QUIET_MS,
        max_wait_ms: int = DEFAULT_MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self.quiet_ms = quiet_ms
        self.max_wait_ms = max_wait_ms
        self._known: dict[str, Fingerprint | None] = {}  # path -> last fingerprint we accept as "ours"
        self._tracked_snapshot: frozenset[str] = frozenset()
        self._watches: dict[str, object] = {}  # folder -> watchdog ObservedWatch
        self._pending: dict[str, _Pending] = {}
        self._last_raw: dict[str, float] = {}  # path -> monotonic time of its last event (any thread)
        self._closed = False
        self._observer = Observer()
        self._observer.daemon = True
        self._observer.start()
        self._rawEvent.connect(self._on_raw_event, Qt.ConnectionType.QueuedConnection)

    # -- public API ------------------------------------------------------------

    def watch(self, path: str | os.PathLike[str], fingerprint: Fingerprint | None = None) -> None:
        """Track a post. `fingerprint` is the version the buffer holds (None: read it now)."""
        p = _norm(path)
        self._known[p] = fingerprint if fingerprint is not None else _fingerprint(p)
        self._sync_watches()
        # The post was read some time before this call (at start-up, the
        # watcher comes up after the first paint): a write in between sent
        # its events to nobody. Once the watch is in place every later write
        # sends events, so one look at the disk now closes the gap; a
        # difference goes through the debounce like any event would.
        if fingerprint is not None and not self._on_disk_as(p, fingerprint):
            self._on_raw_event("modified", p, "")

    @staticmethod
    def _on_disk_as(path: str, fingerprint: Fingerprint) -> bool:
        try:
            return same_content(Fingerprint.of_path(path), fingerprint)
        except StorageError:
            return True  # unreadable right now: no news; the next event decides

    def unwatch(self, path: str | os.PathLike[str]) -> None:
        p = _norm(path)
        self._known.pop(p, None)
        pending = self._pending.pop(p, None)
        if pending is not None:
            pending.timer.stop()
            pending.timer.deleteLater()
        self._sync_watches()

    def note_written(self, path: str | os.PathLike[str], fingerprint: Fingerprint | None) -> None:
        """We just wrote (or reloaded) `path`; its events with this content are ours."""
        p = _norm(path)
        if p in self._known:
            self._known[p] = fingerprint

    def watched_paths(self) -> list[str]:
        return sorted(self._known)

    def close(self) -> None:
        """Stop the observer thread. Safe to call twice, and after Qt deleted us."""
        self._closed = True
        if self._observer.is_alive():
            self._observer.stop()
            self._observer.join(timeout=2)
        for pending in self._pending.values():
            try:
                pending.timer.stop()
            except RuntimeError:  # the timer's C++ side is already gone
                pass
        self._pending.clear()

    # -- internals -------------------------------------------------------------

    def _sync_watches(self) -> None:
        self._tracked_snapshot = frozenset(self._known)
        if self._closed:
            return  # after close(): bookkeeping only, the observer is gone
        folders = {os.path.dirname(p) for p in self._known}
        for folder in list(self._watches):
            if folder not in folders:
                try:
                    self._observer.unschedule(self._watches.pop(folder))
                except KeyError:  # the folder was deleted and watchdog dropped the watch
                    pass
        for folder in folders - set(self._watches):
            if os.path.isdir(folder):
                self._watches[folder] = self._observer.schedule(_Handler(self), folder, recursive=False,
                                                               event_filter=FILE_EVENTS)

    def _on_raw_event(self, event_type: str, src: str, dest: str) -> None:
        # The post's own path is the key: a temp file renamed over it is an
        # event *for the post*; a rename of the post away keeps the old key.
        if src in self._known:
            key = src
        elif dest in self._known:
            key = dest
        else:
            return  # untracked meanwhile
        pending = self._pending.get(key)
        if pending is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda k=key: self._settle(k))
            pending = self._pending[key] = _Pending(timer, time.monotonic())
        if event_type == "moved" and key == src:
            pending.moved_to = dest
        pending.confirm_stat = _UNSET
        # Restart the quiet period, but never wait past max_wait in total.
        waited_ms = (time.monotonic() - pending.first_event) * 1000
        pending.timer.start(max(0, min(self._quiet_for(pending, key), int(self.max_wait_ms - waited_ms))))

    def _quiet_for(self, pending: _Pending, path: str) -> int:
        # How long the path has been busy: first to latest event (not "until
        # now", which would make the quiet period chase its own tail).
        busy_ms = max(0.0, self._last_raw.get(path, pending.first_event) - pending.first_event) * 1000
        return int(min(self.quiet_ms + QUIET_GROWTH * busy_ms, max(self.quiet_ms, MAX_QUIET_MS)))

    def _settle(self, path: str) -> None:
        pending = self._pending.get(path)
        if pending is not None:
            quiet_for_ms = (time.monotonic() - self._last_raw.get(path, 0.0)) * 1000
            waited_ms = (time.monotonic() - pending.first_event) * 1000
            if waited_ms < self.max_wait_ms:
                needed = self._quiet_for(pending, path)
                if quiet_for_ms < needed:
                    # Events came in while this thread was busy: not settled yet.
                    pending.timer.start(max(1, int(needed - quiet_for_ms)))
                    return
                now_stat = _stat(path)
                if pending.confirm_stat is _UNSET or pending.confirm_stat != now_stat:
                    pending.confirm_stat = now_stat
                    pending.timer.start(CONFIRM_MS)
                    return
        pending = self._pending.pop(path, None)
        if pending is not None:
            pending.timer.deleteLater()
        if path not in self._known:
            return
        try:
            now = Fingerprint.of_path(path)
        except StorageError:
            return  # exists but unreadable right now: no news to give; the next event decides
        known = self._known[path]
        if now is None:
            moved_to = pending.moved_to if pending else ""
            if moved_to and os.path.exists(moved_to):
                # A rename, seen by the events and confirmed on disk: follow it.
                self._known.pop(path)
                self._known[_norm(moved_to)] = _fingerprint(moved_to)
                self._sync_watches()
                self.fileMoved.emit(path, _norm(moved_to))
            elif known is not None:  # None: already reported, or never existed
                self._known[path] = None
                self.fileDeleted.emit(path)
            return
        if same_content(now, known):
            self._known[path] = now  # touch / our own write: refresh mtime silently
            return
        self._known[path] = now
        self.fileChanged.emit(path)


class _SiteHandler(FileSystemEventHandler):
    """Runs on watchdog's thread: keep only events about post files."""

    def __init__(self, watcher: "SiteWatcher") -> None:
        self._watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        if event.is_directory and event.event_type not in ("created", "deleted", "moved"):
            return  # a folder "modified" only echoes the file events we already get
        paths = [os.fsdecode(event.src_path)]
        if getattr(event, "dest_path", ""):
            paths.append(os.fsdecode(event.dest_path))
        for p in paths:
            if self._watcher._is_post_path(p, event.is_directory):
                try:
                    self._watcher._rawEvent.emit(p)
                except RuntimeError:  # shutting down
                    pass


class SiteWatcher(QObject):
    """Tells when posts of the open site were added, removed, renamed or changed,
    or when its configuration (galley.toml, _config.yml, hugo.toml...) changed.

    Watches the site's post folders (Jekyll `_posts`, `_drafts`, collections;
    Hugo/Zola `content/`) recursively, and the root itself (not recursively,
    for the config files) -- not the whole root tree, whose `_site/`,
    `public/` or `node_modules/` can hold thousands of folders and churn on
    every `jekyll serve` build. A folder made in the root later that can
    hold posts (a `_drafts` made by Make Draft, a new `content/`) is watched
    from the moment its creation is seen; what was written in it before that
    is read by the re-read its creation causes. Events are coalesced: a
    `git pull` touching fifty posts is one `postsChanged`.
    """

    #: Post files or config files of the watched site changed (settled for
    #: `quiet_ms`). Carries the site root (str). The receiver re-indexes.
    postsChanged = Signal(str)

    _rawEvent = Signal(str)

    def __init__(self, parent: QObject | None = None, *, quiet_ms: int = 400) -> None:
        super().__init__(parent)
        self.root: str | None = None
        #: The paths behind the last `postsChanged` (files or folders).
        self.last_changed: frozenset[str] = frozenset()
        self._changed: set[str] = set()
        self._observer = None
        self._site = None
        self._handler: _SiteHandler | None = None
        #: Recursive watches, by folder (a top folder of the root).
        self._watches: dict[str, object] = {}
        self._extensions: frozenset[str] = frozenset()
        self._skip: frozenset[str] = frozenset()
        self._site_files: frozenset[str] = frozenset()
        self._timer = QTimer(self, singleShot=True, interval=quiet_ms)
        self._timer.timeout.connect(self._settled)
        self._rawEvent.connect(self._on_raw_event, Qt.ConnectionType.QueuedConnection)

    def watch_site(self, site) -> None:
        """Watch `site` (an editor.core.site.site.Site, or None to stop)."""
        root = str(site.root) if site is not None else None
        if root == self.root:
            return
        self.close()
        self.root = root
        if site is None:
            return
        from editor.core.site.model import SITE_FILES
        from editor.core.site.site import POST_EXTENSIONS, SKIP_DIRS

        self._extensions, self._skip, self._site_files = POST_EXTENSIONS, SKIP_DIRS, SITE_FILES
        self._site = site
        self._observer = Observer()
        self._observer.daemon = True
        self._handler = handler = _SiteHandler(self)
        for folder, recursive in _post_folders(site):
            watch = self._observer.schedule(handler, folder, recursive=recursive, event_filter=SITE_EVENTS)
            if recursive:
                self._watches[folder] = watch
        self._observer.start()

    def watched_folders(self) -> list[str]:
        """The folders watched recursively (the root itself is watched too, alone)."""
        return sorted(self._watches)

    def close(self) -> None:
        self._timer.stop()
        if self._observer is not None and self._observer.is_alive():
            self._observer.stop()
            self._observer.join(timeout=2)
        self._observer = None
        self._site = self._handler = None
        self._watches = {}
        self.root = None

    def _follow_folder(self, path: str) -> None:
        """A folder of the root made, moved or removed: watch it from now on
        if it can hold posts; forget the watch of one gone (watchdog drops
        it), so that it is watched again when it comes back."""
        if self._observer is None or self.root is None or os.path.dirname(path) != self.root:
            return
        if not os.path.isdir(path):
            watch = self._watches.pop(path, None)
            if watch is not None:
                try:
                    self._observer.unschedule(watch)
                except (KeyError, OSError):  # already dropped with its folder
                    pass
            return
        if path in self._watches or not _may_hold_posts(self._site, os.path.basename(path)):
            return
        try:
            self._watches[path] = self._observer.schedule(self._handler, path, recursive=True,
                                                          event_filter=SITE_EVENTS)
        except OSError:  # gone again, or no inotify watches left: the re-read still sees it once
            pass

    def _is_post_path(self, path: str, is_directory: bool) -> bool:
        parts = path.split(os.sep)
        if any(p in self._skip for p in parts):
            return False
        name = parts[-1]
        if name.startswith("."):  # temp files of editors and of our own saves
            return False
        return (is_directory or os.path.splitext(name)[1].lower() in self._extensions
                or name in self._site_files)

    def _on_raw_event(self, path: str) -> None:
        if self.root is not None and os.path.dirname(path) == self.root:
            self._follow_folder(path)
        self._changed.add(path)
        self._timer.start()

    def _settled(self) -> None:
        self.last_changed, self._changed = frozenset(self._changed), set()
        if self.root is not None:
            self.postsChanged.emit(self.root)

    def config_changed(self) -> bool:
        """Whether the last `postsChanged` included a site config file."""
        return any(os.path.basename(p) in self._site_files for p in self.last_changed)


def _may_hold_posts(site, name: str) -> bool:
    """Whether a folder `name` made in the site's root can hold posts (by the
    generator's rules; nothing under it is read)."""
    from editor.core.site.site import SKIP_DIRS

    if site is None or name in SKIP_DIRS or name.startswith("."):
        return False
    if site.generator == "jekyll":
        posts, collections = site._jekyll_post_folder_names()  # noqa: SLF001 - the site's own rule
        return name in posts or name in collections or site.jekyll_filter.reads_dir(name, name)
    if site.generator in ("hugo", "zola"):
        folder = os.path.join(os.path.abspath(site.root), name)
        return any(str(r) == folder or str(r).startswith(folder + os.sep) for r in site.content_roots())
    return True


def _post_folders(site) -> list[tuple[str, bool]]:
    """(folder, recursive) pairs covering the site's posts (from the index
    when the site has one: no walk of its files on the UI thread)."""
    root = os.path.abspath(site.root)
    tops = set()
    for name in ("_posts", "_drafts", "content"):
        if os.path.isdir(os.path.join(root, name)):
            tops.add(name)
    posts = [os.fspath(s.path) for s in site.indexed] or site.post_paths()
    for post in posts:
        rel = os.path.relpath(post, root).split(os.sep)
        if len(rel) > 1:
            tops.add(rel[0])
    folders = [(os.path.join(root, t), True) for t in sorted(tops)]
    # The root itself, not recursively: posts lying there (unknown generator)
    # and the config files that decide the schema.
    folders.append((root, False))
    return folders


#: Quiet period of the site watcher of the open site (a save's few events
#: come within milliseconds; a `git pull` of many posts still comes as one).
SITE_QUIET_MS = 120


def keep_site_index_live(site_owner, closed=None, parent: QObject | None = None) -> SiteWatcher:
    """Posts added, removed or changed on disk, and config changes, re-read the
    open site (`site_owner`, an editor.ui.site.site_owner.SiteOwner), whose
    subscribers refresh the posts list, the form's schema and vocabulary and
    validation without a restart. The watcher follows the open site; `closed`
    (a signal) stops it."""
    # A short quiet period: a changed post is re-read alone (not the site),
    # so its row can follow within a frame or two of the save settling.
    watcher = SiteWatcher(parent if parent is not None else site_owner, quiet_ms=SITE_QUIET_MS)

    def watch(model) -> None:
        # The site was indexed before this watch began (or, reopened from the
        # owner's cache, while another site was watched): what was written
        # in between is caught up with (only changed files are read).
        before = watcher.root
        watcher.watch_site(model.site)
        if watcher.root is not None and watcher.root != before:
            site_owner.catch_up(model.root)

    site_owner.siteOpened.connect(watch)
    site_owner.siteClosed.connect(lambda: watcher.watch_site(None))
    def changed(root: str) -> None:
        # Post files only: re-read those (the pane's rows follow one by one).
        # A config file or a folder (renamed, removed) re-reads the site,
        # whose unchanged posts come from the index's cache.
        paths = watcher.last_changed
        if watcher.config_changed() or any(os.path.isdir(p) or not os.path.splitext(p)[1] for p in paths):
            site_owner.refresh(root, config_changed=watcher.config_changed())
        else:
            site_owner.update(root, paths)

    watcher.postsChanged.connect(changed)
    if site_owner.current is not None:
        watch(site_owner.current)
    if closed is not None:
        closed.connect(watcher.close)
    return watcher
