"""`galley [PATH]`: open a post or a site folder in the window.

Where the window cannot start -- no Qt installed (the base package is the
command line; the window is the `gui` extra), no screen to show it on -- it
says why and what to do, prints a short summary of the post or site instead
(so `galley PATH` over ssh still tells something useful) and exits 2. Qt
itself would abort the process on a missing display, with a core dump.

`galley-gui` (the entry point desktop launchers run) is the `galley` command
too, so it makes the same checks before any Qt code runs.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

#: How to get the window where only the base package is installed.
GUI_EXTRA_HINT = (
    "Qt (PySide6) is not installed: the window is the \"gui\" extra. Install it with\n"
    "  pipx install --force \"galley-editor[gui]\"\n"
    "or, in a virtual environment,\n"
    "  pip install \"galley-editor[gui]\"\n"
    "(`galley validate`, `galley render` and `galley fm` work without it)"
)


def run_open(argv: list[str]) -> int:
    """Open the window on `argv` (post files or site folders) and run it until closed."""
    for path in argv:
        problem = _not_openable(path)
        if problem:
            print(problem, file=sys.stderr)
            return 1
    reason = _why_no_qt() or _why_no_window(os.environ)
    if reason is None:
        from editor import ui

        try:
            return int(ui.main(argv) or 0)
        except ImportError as exc:  # PySide6 missing or broken on this machine
            if not (exc.name or "").startswith(("PySide6", "shiboken6")):
                raise
            reason = f"Qt could not be loaded ({exc})"
    print(f"galley: cannot open the window: {reason}", file=sys.stderr)
    for path in argv:
        _summarise(Path(path))
    return 2


def _not_openable(path: str) -> str | None:
    """Why `path` is neither a post file nor a site folder (`path: error:
    ...`), or None. Checked before the window starts: reading a FIFO would
    block it and /dev/zero would never end."""
    from editor.core.disk.storage import special_kind

    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return f"{path}: error: no such file or folder"
    except OSError as exc:
        return f"{path}: error: cannot read: {(exc.strerror or str(exc)).lower()}"
    if stat.S_ISDIR(mode):
        return None  # a site folder
    kind = special_kind(mode)
    return None if kind is None else f"{path}: error: {kind}, not a regular file"


def _why_no_qt() -> str | None:
    """Why the window's toolkit cannot be imported (None: it is installed).
    Looked up without importing it: `import PySide6` loads shiboken."""
    import importlib.util

    if importlib.util.find_spec("PySide6") is None:
        return GUI_EXTRA_HINT
    return None


def _why_no_window(environ) -> str | None:
    """Why Qt would find no screen here (None: it will find one)."""
    if not sys.platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return "no display (neither DISPLAY nor WAYLAND_DISPLAY is set); run it in a desktop session or under xvfb-run"


def _summarise(path: Path) -> int:
    if path.is_dir():
        return _summarise_site(path)
    if not path.exists():
        print(f"{path}: error: no such file or folder", file=sys.stderr)
        return 1
    return _summarise_post(path)


def _summarise_post(path: Path) -> int:
    from editor.core.disk import storage
    from editor.core.post.errors import PostError

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
    from editor.core.site.site import Site

    site = Site.discover(path)
    print(f"{site.root}: {site.generator} site, {len(site.post_files())} posts")
    return 0
