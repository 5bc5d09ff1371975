"""Post files under a folder: the posts of the site it is in, or, for a folder
no generator claims (a checkout holding several sites), the posts of every site
nested below it plus its loose Markdown files.

Used where a folder is given instead of a post (`galley validate FOLDER`).
"""

from __future__ import annotations

import os
from pathlib import Path

from editor.core.site.site import CONFIG_FILES, SKIP_DIRS, Site

__all__ = ["scan_folder", "nested_site_roots", "NOT_POSTS", "SCAN_DEPTH"]

#: Files that sit among posts in a repository but are not posts.
NOT_POSTS = ("readme", "changelog", "license", "licence", "contributing", "code_of_conduct",
             "security", "authors")
#: Folders below the given one searched for nested site roots.
SCAN_DEPTH = 4


def scan_folder(folder: Path, whole: set[str] | None = None) -> list[str]:
    """Post files under `folder`: its site's posts, and those of sites nested below it.
    The root of each site whose posts are all listed is added to `whole` (so they are
    not listed again to find that out)."""
    folder = Path(folder).absolute()
    site = Site.discover(folder)
    if site.generator != "unknown":
        if site.root == folder and whole is not None:
            whole.add(str(site.root))
        return [p for p in site.post_paths() if _under(p, folder)]
    roots = nested_site_roots(folder)
    files: list[str] = []
    for root in roots:
        nested = Site.discover(root)
        files.extend(nested.post_paths())
        if whole is not None:
            whole.add(str(nested.root))
    for path in site.post_files():  # Markdown files of a folder no generator claims
        if any(_under(path, root) for root in roots):
            continue
        if path.stem.lower() in NOT_POSTS:
            continue
        files.append(str(path))
    return sorted(dict.fromkeys(files))


def nested_site_roots(folder: Path) -> list[Path]:
    """Roots of the sites at most SCAN_DEPTH folders below `folder`, sorted; a
    site's own folders are not searched for more sites."""
    found: list[Path] = []
    stack = [(Path(folder), 0)]
    while stack:
        current, depth = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        names = {e.name for e in entries}
        if any(m in names for m in CONFIG_FILES) or "_posts" in names:
            site = Site.discover(current)
            if site.generator != "unknown" and site.root == current:
                found.append(current)
                continue  # a site's own folders are its business
        if depth >= SCAN_DEPTH:
            continue
        for entry in entries:
            if entry.is_dir() and entry.name not in SKIP_DIRS and not entry.name.startswith("."):
                stack.append((Path(entry.path), depth + 1))
    return sorted(found)


def _under(path: str | Path, folder: Path) -> bool:
    # Strings, not Path.relative_to: a big site has thousands of posts.
    prefix = str(folder).rstrip(os.sep) + os.sep
    path = os.fspath(path)
    if path.startswith(prefix) and "/." not in path and "//" not in path and os.sep == "/":
        return True  # already absolute and normal: abspath would change nothing
    return os.path.abspath(path).startswith(prefix)
