"""`galley [PATH]`: open a post or a site folder.

Starts the window when `editor.ui` provides `launch` or `main`; until then
(or where Qt cannot load) it prints a short summary of the post or site, so
`make run` shows something useful. The UI engineer replaces the body of
`run_open` once the window exists.
"""

from __future__ import annotations

import sys
from pathlib import Path


def run_open(argv: list[str]) -> int:
    """Open the window on `argv` (post files or site folders) and run it until closed."""
    missing = [p for p in argv if not Path(p).exists()]
    if missing:
        print(f"{missing[0]}: error: no such file or folder", file=sys.stderr)
        return 1
    entry = _ui_entry()
    if entry is not None:
        return int(entry(argv) or 0)
    paths = argv or ["."]
    return max(_summarise(Path(p)) for p in paths)


def _ui_entry():
    try:
        import editor.ui as ui
    except ImportError:  # no window yet, or no Qt on this machine
        return None
    # `main` runs the event loop; `launch` would return at once with the window.
    return getattr(ui, "main", None)


def _summarise(path: Path) -> int:
    if path.is_dir():
        return _summarise_site(path)
    if not path.exists():
        print(f"{path}: error: no such file or folder", file=sys.stderr)
        return 1
    return _summarise_post(path)


def _summarise_post(path: Path) -> int:
    from editor.core import storage
    from editor.core.errors import PostError

    try:
        doc, _ = storage.load(path)
    except storage.StorageError as exc:
        print(exc, file=sys.stderr)
        return 1
    except PostError as exc:
        print(exc.format(path), file=sys.stderr)
        return 1
    title = doc.front_matter.get("title", "(no title)")
    print(f"{path}: {doc.kind.value} front matter, {doc.encoding}, title: {title}")
    if doc.front_matter_error is not None:
        print(doc.front_matter_error.format(path), file=sys.stderr)
        return 1
    return 0


def _summarise_site(path: Path) -> int:
    try:
        from editor.core.site import Site
    except ImportError:
        posts = sorted(p for p in path.rglob("*") if p.suffix in {".md", ".markdown"})
        print(f"{path}: {len(posts)} Markdown files")
        return 0
    site = Site.discover(path)
    print(f"{site.root}: {site.generator} site, {len(site.post_files())} posts")
    return 0
