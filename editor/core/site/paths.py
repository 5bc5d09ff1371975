"""Paths of a site's files as plain strings: relative to the site root, and
absolute without a system call when they already are.

String work first: a site has thousands of posts, and `Path.resolve()` costs a
system call per path component.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import Any

__all__ = ["relative_to_root", "abspath", "is_normal_absolute"]


def relative_to_root(path: Any, root: Path) -> str | None:
    """`path` relative to `root` with "/", or None when outside."""
    base = str(root)
    if isinstance(path, str) and path.startswith(base + os.sep) and _normal(path[len(base):]):
        return path[len(base) + 1:].replace(os.sep, "/")  # abspath would change nothing
    absolute = os.path.abspath(path)
    if absolute.startswith(base + os.sep):
        return absolute[len(base) + 1:].replace(os.sep, "/")
    try:
        return PurePosixPath(Path(path).resolve().relative_to(root)).as_posix()
    except (ValueError, OSError):
        return None


def abspath(path: Any) -> str:
    """os.path.abspath(path), without its work for a path that is already absolute and
    normal (a site's thousands of posts, as listed by the site walk)."""
    return path if is_normal_absolute(path) else os.path.abspath(path)


def is_normal_absolute(path: Any) -> bool:
    """Is `path` a string that os.path.abspath (and normpath) would return unchanged?"""
    return isinstance(path, str) and path[:1] == "/" and os.sep == "/" and _normal(path)


def _normal(tail: str) -> bool:
    """Is `tail` ("/a/b.md", after a normalised root) already as os.path.normpath leaves it?"""
    if os.sep != "/":
        return False
    tail += "/"
    return "//" not in tail and "/./" not in tail and "/../" not in tail
