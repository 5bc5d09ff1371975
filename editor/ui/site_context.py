"""What the window knows about the site of the open post: schema and vocabulary.

Discovering the site is quick, but indexing its posts (for the inferred
schema and the tag vocabulary) reads every post's head, so it runs on a pool
thread and the result arrives by signal. Until then the form uses the
default schema. Results are cached per site root: opening another post of the
same site does not index it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from editor.core.site import Site
from editor.core.validation.schema import default_schema, load_schema


@dataclass(frozen=True)
class SiteContext:
    site: Site | None
    schema: object
    vocabulary: dict = field(default_factory=dict)  # taxonomy -> [terms], most used first

    @property
    def root(self) -> Path | None:
        return self.site.root if self.site is not None else None


DEFAULT_CONTEXT = SiteContext(None, default_schema(), {})


def load_context(post_path: Path | None) -> SiteContext:
    """Blocking: discover the site of `post_path`, index it, load its schema."""
    if post_path is None:
        return DEFAULT_CONTEXT
    site = Site.discover(post_path)
    try:
        index = site.index()
    except Exception:  # noqa: BLE001 - a broken site still edits, with defaults
        index = None
    try:
        schema = load_schema(site, index)
    except Exception:  # noqa: BLE001 - e.g. a wrong galley.toml: still editable
        schema = default_schema()
    try:
        vocabulary = {name: [t for t, _n in counter.most_common()] for name, counter in site.vocabulary().items()}
    except Exception:  # noqa: BLE001
        vocabulary = {}
    return SiteContext(site, schema, vocabulary)


class _Job(QRunnable):
    def __init__(self, loader: "SiteContextLoader", path: Path, token: int) -> None:
        super().__init__()
        self.loader, self.path, self.token = loader, path, token

    def run(self) -> None:
        context = load_context(self.path)
        self.loader._done.emit(self.token, context)  # queued to the GUI thread


class SiteContextLoader(QObject):
    #: The context for the current post is ready. Carries the SiteContext.
    contextReady = Signal(object)
    _done = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context: SiteContext = DEFAULT_CONTEXT
        self._token = 0
        self._cache: dict[Path, SiteContext] = {}
        self._done.connect(self._on_done)

    def load_for(self, post_path: Path | None, blocking: bool = False) -> None:
        self._token += 1
        if post_path is None:
            self._apply(DEFAULT_CONTEXT)
            return
        root = Site.discover(post_path).root
        if root in self._cache:
            self._apply(self._cache[root])
        elif blocking:
            self._on_done(self._token, load_context(post_path))
        else:
            QThreadPool.globalInstance().start(_Job(self, post_path, self._token))

    def _on_done(self, token: int, context: SiteContext) -> None:
        if context.root is not None:
            self._cache[context.root] = context
        if token == self._token:  # a later request supersedes this one
            self._apply(context)

    def _apply(self, context: SiteContext) -> None:
        self.context = context
        self.contextReady.emit(context)
