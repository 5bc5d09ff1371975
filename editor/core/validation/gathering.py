"""What a site's folder and posts say, one file or one post at a time.

The pieces `SiteFacts` (site_facts.py) counts in and out as posts change,
and `folder_facts`, the folder's share gathered apart (the CLI walks the
folder while its workers read the posts).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

#: Folders that hold no source of the site (build output, tools).
_SKIP_DIRS = frozenset({"_site", "public", "node_modules", ".git", ".hg", ".svn", "vendor",
                        ".bundle", ".jekyll-cache", ".sass-cache", "target", "__pycache__",
                        ".venv"})
_DATE_PREFIX = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}-")


def timezone_setting(config: Any) -> str | None:
    if not isinstance(config, dict):
        return None
    for key, value in config.items():
        if str(key).lower() == "timezone" and isinstance(value, str) and value.strip():
            return value.strip()
    return None


@dataclass(frozen=True)
class FolderFacts:
    """What the site's folder says, whatever its posts contain: every file and folder,
    the URL endings their names give, and the post names `{% post_url %}` accepts.
    Apart from the index facts so the CLI can gather it while its workers read posts."""
    files: frozenset[str] = frozenset()
    dirs: frozenset[str] = frozenset()
    #: File and folder names as URL endings, and the URL endings pages other than
    #: the indexed posts set for themselves.
    slugs: frozenset[str] = frozenset()
    post_names: frozenset[str] = frozenset()


def folder_facts(root: Path, indexed: Iterable[str | None]) -> FolderFacts:
    """Walk `root` (resolved) once; `indexed` are the posts' paths relative to it
    (those are not read again as pages)."""
    files, dirs = walk_folder(root)
    slugs = _file_slugs(files, dirs) | page_slugs(root, files, set(indexed))
    return FolderFacts(files, dirs, frozenset(slugs), _post_names(files))


def walk_folder(root: Path) -> tuple[frozenset[str], frozenset[str]]:
    files: list[str] = []
    dirs: list[str] = []
    for folder, subdirs, names in os.walk(root):
        subdirs[:] = [d for d in subdirs if d not in _SKIP_DIRS and not d.startswith(".")]
        rel = os.path.relpath(folder, root)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        dirs.extend(prefix + d for d in subdirs)
        files.extend(prefix + n for n in names)
    return frozenset(files), frozenset(dirs)


_NOT_URL_CHAR = re.compile(r"[^\w\s-]", re.UNICODE)
_URL_GAPS = re.compile(r"[\s_-]+")


def urlize(text: str) -> str:
    """A title as Hugo/Jekyll put it in a URL: lower case, words joined by "-"."""
    text = _NOT_URL_CHAR.sub("", text.lower())
    return _URL_GAPS.sub("-", text).strip("-")


def _last_segment(url: str) -> str:
    url = url.split("?")[0].split("#")[0].rstrip("/")
    last = url.rsplit("/", 1)[-1]
    for ext in (".html", ".htm"):
        if last.endswith(ext):
            last = last[: -len(ext)]
    return last.lower()


def _file_slugs(files: Iterable[str], dirs: Iterable[str]) -> set[str]:
    slugs: set[str] = set()
    for rel in files:  # string work, not PurePosixPath: a site has thousands of files
        slugs.update(file_slugs_of(rel))
    slugs.update(dir_slug(d) for d in dirs)
    slugs.discard("")
    return slugs


def file_slugs_of(rel: str) -> tuple[str, ...]:
    """URL endings a file's name gives: its stem, and without a date prefix."""
    stem = os.path.splitext(rel.rsplit("/", 1)[-1])[0].lower()
    if stem[:1].isdigit():
        undated = _DATE_PREFIX.sub("", stem)
        if undated != stem:
            return (stem, undated)
    return (stem,)


def dir_slug(rel: str) -> str:
    """The URL ending a folder's name gives."""
    return rel.rsplit("/", 1)[-1].lower()


def front_matter_slugs_of(front_matter: Any) -> tuple[str, ...]:
    """URL endings a post sets for itself (slug, permalink, aliases, title)."""
    fm = front_matter if isinstance(front_matter, dict) else {}
    slugs = set()
    for key in ("slug", "permalink", "url", "path"):  # `path`: Zola
        if isinstance(fm.get(key), str):
            slugs.add(_last_segment(fm[key]))
    for key in ("aliases", "redirect_from"):
        value = fm.get(key)
        for item in ([value] if isinstance(value, str) else value or []):
            if isinstance(item, str):
                slugs.add(_last_segment(item))
    if isinstance(fm.get("title"), str):
        slugs.add(urlize(fm["title"]))
    return tuple(slugs)


#: Folders whose files are never pages with a URL of their own.
_NOT_PAGES = ("_layouts/", "_includes/", "_sass/", "_data/", "assets/", "static/", "layouts/",
              "themes/", "archetypes/", "resources/", "node_modules/")
_PAGE_URL = re.compile(r"^(?:permalink|slug|url|redirect_from|aliases)\s*[:=]\s*(.+)$", re.M)
#: At most this many pages are read (their first 4 KB): pages are few, posts are many.
MAX_PAGES = 2000


def page_slugs(root: Path, files: frozenset[str], indexed: set[str | None]) -> set[str]:
    """URL endings of pages that are not posts (a Jekyll `_pages/projects.md` with
    `permalink: /my-work/`): read from the head of each page, so a link to a page
    that renames itself is not reported as broken."""
    slugs: set[str] = set()
    pages = [f for f in files if f.endswith((".md", ".markdown", ".html"))
             and f not in indexed and not f.startswith(_NOT_PAGES)]
    from editor.core.disk.storage import read_head

    for rel in sorted(pages)[:MAX_PAGES]:
        data = read_head(root / rel, 4096)  # regular files only: a FIFO would block
        if data is None:
            continue
        head = data.decode("utf-8", "replace")
        if not head.lstrip("\ufeff").startswith(("---", "+++")):
            continue
        for m in _PAGE_URL.finditer(head):
            for item in re.findall(r"[^\s\[\],\"']+", m.group(1).split(" #", 1)[0]):
                slugs.add(_last_segment(item))
    slugs.discard("")
    return slugs


def _post_names(files: Iterable[str]) -> frozenset[str]:
    names: set[str] = set()
    for rel in files:
        names.update(post_names_of(rel))
    return frozenset(names)


def post_names_of(rel: str) -> tuple[str, ...]:
    """Names `{% post_url %}` accepts for a file: its name without extension,
    and with the sub-folder below `_posts` ("2021-05-10-a", "linux/2021-05-10-a")."""
    parts = rel.split("/")
    if "_posts" not in parts[:-1]:
        return ()
    last = len(parts) - 1 - parts[::-1].index("_posts")
    below = parts[last + 1:]
    stem = os.path.splitext(below[-1])[0]
    return tuple({stem, "/".join(below[:-1] + [stem])})
