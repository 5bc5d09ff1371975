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

import threading

from PySide6.QtCore import QObject, Signal


# editor.core.site.site and editor.core.validation are imported when first needed:
# the loader is built before the first paint, their imports cost ~0.4 s.


def _validation_context(**kwargs):
    from editor.core.validation.context import ValidationContext

    return ValidationContext(**kwargs)


@dataclass(frozen=True)
class SiteContext:
    site: object | None  # editor.core.site.site.Site
    #: editor.core.validation.context.ValidationContext: schema, vocabulary, files.
    validation: object = field(default_factory=_validation_context)

    @property
    def root(self) -> Path | None:
        return self.site.root if self.site is not None else None

    @property
    def schema(self):
        return self.validation.schema

    @property
    def vocabulary(self) -> dict[str, list[str]]:
        """taxonomy -> terms in use, most used first (form completion)."""
        return {name: self.validation.terms(name) for name in self.validation.vocabulary}


_DEFAULT: SiteContext | None = None


def default_context() -> SiteContext:
    """The context of a post outside any site (default schema, no vocabulary)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = SiteContext(None)
    return _DEFAULT


def load_context(post_path: Path | None) -> SiteContext:
    """Blocking: discover the site of `post_path`, index it, load its schema."""
    from editor.core.site.site import Site
    from editor.core.validation.context import ValidationContext

    if post_path is None:
        return default_context()
    site = Site.discover(post_path)
    try:
        validation = ValidationContext.build(site)
    except Exception:  # noqa: BLE001 - a broken site (e.g. a wrong galley.toml) still edits
        validation = ValidationContext(root=Path(site.root), generator=site.generator)
    return SiteContext(site, validation)


def _job(loader: "SiteContextLoader", path: Path, token: int) -> None:
    # A plain thread, not a QRunnable: PySide6 6.12.0 loses a reference to
    # None on every QRunnable.run (see qt_compat).
    context = load_context(path)
    try:
        loader._done.emit(token, context)  # queued to the GUI thread
    except RuntimeError:  # the window is gone
        pass


class SiteContextLoader(QObject):
    #: The context for the current post is ready. Carries the SiteContext.
    contextReady = Signal(object)
    _done = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context: SiteContext | None = None
        self._token = 0
        self._cache: dict[Path, SiteContext] = {}
        self._done.connect(self._on_done)

    @property
    def context(self) -> SiteContext:
        """The current context (the default one until a site was loaded)."""
        return self._context if self._context is not None else default_context()

    def load_for(self, post_path: Path | None, blocking: bool = False) -> None:
        from editor.core.site.site import Site

        self._token += 1
        if post_path is None:
            self._apply(default_context())
            return
        root = Site.discover(post_path).root
        if root in self._cache:
            self._apply(self._cache[root])
        elif blocking:
            self._on_done(self._token, load_context(post_path))
        else:
            threading.Thread(target=_job, args=(self, post_path, self._token), daemon=True,
                             name="galley-site-index").start()

    def forget(self, root: Path | str) -> None:
        """Drop the cached context of a site whose posts changed on disk (issue 6:
        the next `load_for` re-indexes, so the vocabulary stays live)."""
        self._cache.pop(Path(root), None)

    def _on_done(self, token: int, context: SiteContext) -> None:
        if context.root is not None:
            self._cache[context.root] = context
        if token == self._token:  # a later request supersedes this one
            self._apply(context)

    def _apply(self, context: SiteContext) -> None:
        self._context = context
        self.contextReady.emit(context)
