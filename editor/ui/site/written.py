"""What the site tools (tags manager, site search) share after they write posts.

Both show a post by its path under the site's root, and both, having
written files, bring the window up to date: the open post is reloaded when
it was written and has no unsaved edits (the tools refuse a post that has),
and the site re-reads only the written files.
"""

from __future__ import annotations

from pathlib import Path

from editor.core.site.paths import relative_to_root


def shown_path(site, path) -> str:
    """`path` relative to the open site's root, or as given outside it."""
    model = site.current
    if model is None or model.root is None:
        return str(path)
    return relative_to_root(str(path), model.root) or str(path)


def after_writing(session, site, paths) -> None:
    """The open post and the site's index follow files the tools wrote."""
    written = {Path(p).resolve() for p in paths}
    if session.path is not None and not session.modified and Path(session.path).resolve() in written:
        session.reload()
    if site.current is not None and site.current.root is not None:
        site.update(site.current.root, list(paths))
