"""The open site: one object for what Galley knows about the site being edited.

`OpenSite` holds the `Site` (root, generator, config and its error), the
index of its posts (summaries), and the facts derived from them (schema,
vocabulary, the rest of what validation needs). It is plain Python: the
window's Qt owner (`editor.ui.site.site_owner`) builds and refreshes it off
the UI thread and tells the views; scripts and tests can use it directly.

`discover` is the one place a site is discovered from a post or a folder.

The derived facts come from a `derive(site, summaries)` callable given by
the caller (the window passes the validation context's builder): the site
package does not depend on validation, validation depends on it. A derive
that can bring its facts up to date after a few posts changed, without
reading every summary again, has `update(site, summaries, changed, gone)`
(one such derive per OpenSite: it keeps what the update needs).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Callable

from editor.core.site.site import CONFIG_FILES, SETTINGS_FILE, Site

#: A callback told that an OpenSite was re-read; called with the OpenSite,
#: on the thread that refreshed it.
Subscriber = Callable[["OpenSite"], None]
#: Builds the derived facts from (site, summaries); None when there is no site.
#: May have `update(site, summaries, changed summaries, gone paths)` (above).
Derive = Callable[[Any, list], Any]
#: Told of each batch while a site is indexed: (rows of the batch, posts done, posts in all).
Progress = Callable[[list, int, int], None]
#: Posts per batch after the first (small) one: each batch costs the posts
#: pane a re-sort and a reset on the UI thread, contending with this thread
#: for the GIL; 2,000 posts keep the progress moving on a 10,000-post site.
BATCH = 2000

#: File names at a site's root whose change changes the site itself (its
#: config, hence its post folders and schema), not only its posts.
SITE_FILES = frozenset((SETTINGS_FILE, *CONFIG_FILES))


def discover(path: str | os.PathLike) -> Site:
    """The site around `path` (a post or a folder): the only discovery."""
    return Site.discover(path)


class OpenSite:
    """A site as the editor has it open: its Site, posts index and derived facts.

    `derived` is whatever `derive` returned (the window's: a validation
    context, which has `.schema`, `.vocabulary` and `.terms(name)`).
    An OpenSite without a site (`OpenSite.none(derived)`) stands for a post
    outside any site.
    """

    def __init__(self, site: Site | None, derive: Derive | None = None) -> None:
        self.site = site
        self._derive = derive
        self.summaries: list = []
        #: The posts' paths, in index order (built with the summaries, off the UI thread).
        self.paths: tuple[Path, ...] = ()
        self.derived: Any = None
        self.derive_error: Exception | None = None
        self._retired: Any = None
        # The site files' stamps when the site was read (see `site_files_changed`).
        self._site_files = self._site_files_stamp()
        self._subscribers: list[Subscriber] = []
        # path -> (summary, row): a row is rebuilt only when its summary is new.
        self._rows: dict[Path, tuple[Any, Any]] = {}
        # One refresh at a time: the index cache of a Site is not shared safely.
        self._lock = threading.Lock()

    # -- building ----------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike, derive: Derive | None = None) -> "OpenSite":
        """Blocking: discover the site around `path`, index it, derive its facts."""
        model = cls(discover(path), derive)
        model.load()
        return model

    @classmethod
    def none(cls, derived: Any = None) -> "OpenSite":
        """No site (a post outside any, or nothing open): `derived` as given."""
        model = cls(None)
        model.derived = derived
        return model

    def load(self, progress: Progress | None = None, mp_context: Any = None) -> None:
        """Index the posts and derive the facts (blocking; reads every post's head).
        `progress` is told of each batch of rows as it is read; `mp_context`:
        how to start worker processes that parse a big site's batches (see
        `Site.index_batches`)."""
        with self._lock:
            self._load(progress, mp_context)

    def _load(self, progress: Progress | None = None, mp_context: Any = None) -> None:
        if self.site is None:
            return
        if progress is None:
            summaries = self.site.index()
        else:
            summaries = []
            for batch, done, total in self.site.index_batches(size=BATCH, mp_context=mp_context):
                summaries.extend(batch)
                progress(self._rows_of(batch), done, total)
        self._prune_rows(summaries)
        self._assign(summaries)

    def _assign(self, summaries: list, change: tuple[list, list] | None = None) -> None:
        """The facts of `summaries`; `change`: (changed summaries, gone paths)
        since the facts last derived, for a derive that can update them."""
        derived, error = None, None
        if self._derive is not None:
            update = getattr(self._derive, "update", None)
            try:
                if change is not None and update is not None and self.derive_error is None:
                    derived = update(self.site, summaries, *change)
                else:
                    derived = self._derive(self.site, summaries)
            except Exception as exc:  # noqa: BLE001 - a broken galley.toml must not stop editing
                error = exc
        # The facts replaced stay referenced here until the next change. The
        # views let go of them on the UI thread; were theirs the last
        # reference, freeing a big site's facts (~6 ms for 10,000 posts)
        # would happen there. This way it happens on the thread that derives.
        self._retired = self.derived
        # Assigned together at the end: a reader on another thread sees the old
        # facts or the new ones, never half of each.
        paths = tuple(s.path for s in summaries)
        self.summaries, self.paths, self.derived, self.derive_error = summaries, paths, derived, error

    # -- rows (the posts pane's) ---------------------------------------------------

    @property
    def rows(self) -> list:
        """A `post_rows.PostRow` per post, in index order (read-only; built once per summary)."""
        return self._rows_of(self.summaries)

    def _rows_of(self, summaries: list) -> list:
        from editor.core.site.post_rows import row_of

        rows, cache, out = self._rows, None, []
        for summary in summaries:
            hit = rows.get(summary.path)
            if hit is None or hit[0] is not summary:
                if cache is None:
                    import datetime as dt

                    cache = dt.datetime.now()
                hit = rows[summary.path] = (summary, row_of(summary, cache))
            out.append(hit[1])
        return out

    def _prune_rows(self, summaries: list) -> None:
        if len(self._rows) > len(summaries):
            keep = {s.path for s in summaries}
            self._rows = {p: v for p, v in self._rows.items() if p in keep}

    def update_paths(self, paths, on_delta: Callable[[list, list[str]], None] | None = None
                     ) -> tuple[list, list[str]]:
        """Re-read only these files (paths a watcher reported), not the site:
        returns (rows of posts added or changed, paths of posts gone).
        `on_delta` is told them first; then the facts are derived again and
        the subscribers told. Nothing else is read."""
        if self.site is None:
            return [], []
        with self._lock:
            changed, gone = self.site.update_posts(paths)
            if not changed and not gone:
                return [], []
            for path in gone:
                self._rows.pop(path, None)
            rows, removed = self._rows_of(changed), [os.fspath(p) for p in gone]
            if on_delta is not None:
                on_delta(rows, removed)
            self._assign(list(self.site.indexed), (changed, gone))
        for callback in list(self._subscribers):
            callback(self)
        return rows, removed

    def refresh(self, config_changed: bool = True) -> None:
        """Re-read the site after a change on disk, then tell the subscribers.

        Posts whose files are unchanged are not read again (the Site keeps
        their summaries). `config_changed`: the config may have changed, so
        the Site is discovered again at the same root (its post folders and
        settings may differ); its index cache is kept.
        """
        if self.site is None:
            return
        with self._lock:
            if config_changed:
                self._site_files = self._site_files_stamp()
                fresh = discover(self.site.root)
                if Path(fresh.root) == Path(self.site.root):
                    fresh.keep_index_of(self.site)
                    self.site = fresh
            self._load()
        for callback in list(self._subscribers):
            callback(self)

    def site_files_changed(self) -> bool:
        """Whether a config file at the root (or `galley.toml`) was written,
        added or removed since the site was read (a watcher that starts late
        asks: only a refresh with `config_changed` reads them again)."""
        return self.site is not None and self._site_files_stamp() != self._site_files

    def _site_files_stamp(self) -> tuple:
        if self.site is None:
            return ()
        stamps = []
        for name in sorted(SITE_FILES):
            try:
                st = os.stat(os.path.join(self.site.root, name))
            except OSError:
                continue
            stamps.append((name, st.st_mtime_ns, st.st_size))
        return tuple(stamps)

    # -- subscribers -------------------------------------------------------------

    def subscribe(self, callback: Subscriber) -> None:
        if callback not in self._subscribers:
            self._subscribers.append(callback)

    def unsubscribe(self, callback: Subscriber) -> None:
        if callback in self._subscribers:
            self._subscribers.remove(callback)

    # -- what the views ask --------------------------------------------------------

    @property
    def root(self) -> Path | None:
        return Path(self.site.root) if self.site is not None else None

    @property
    def generator(self) -> str:
        return self.site.generator if self.site is not None else "unknown"

    @property
    def config(self) -> dict:
        return self.site.config if self.site is not None else {}

    @property
    def config_error(self):
        return self.site.config_error if self.site is not None else None

    @property
    def schema(self):
        return getattr(self.derived, "schema", None)

    @property
    def vocabulary(self) -> dict[str, list[str]]:
        """taxonomy -> terms in use, most used first (form completion)."""
        derived = self.derived
        if derived is None or not hasattr(derived, "terms"):
            return {}
        return {name: derived.terms(name) for name in getattr(derived, "vocabulary", {})}

    def contains(self, path: str | os.PathLike) -> bool:
        """Whether `path` lies under this site's root."""
        if self.site is None:
            return False
        root = os.path.abspath(self.site.root)
        return os.path.abspath(path) == root or os.path.abspath(path).startswith(root + os.sep)

    def __repr__(self) -> str:
        return f"OpenSite({self.site!r}, {len(self.summaries)} posts)"
