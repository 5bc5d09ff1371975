"""A post's file in its site: its state, publishing, unpublishing, renaming.

Jekyll says "draft" by the folder: publishing moves `_drafts/slug.md` to
`_posts/YYYY-MM-DD-slug.md` and writes the same day into `date`; unpublishing
moves it back (the date stays in `date`). Hugo and Zola say it by the
`draft` flag, and the file stays where it is; Zola builds a future-dated
post at once, so it is never "scheduled" there. Values change through the
lossless Document, so only their lines change. A file is moved with a rename that refuses to
replace another file. Moving to the trash is the window's (it needs Qt).
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from pathlib import Path

from editor.core.disk import storage
from editor.core.site.dates import parse_date
from editor.core.site.new_post import glob_escape, now_in, site_timezone, slugify
from editor.core.site.site import Site

__all__ = ["PostFileError", "DRAFT", "PUBLISHED", "SCHEDULED", "state_of", "is_draft", "draft_moves",
           "publish", "unpublish", "rename_from_title"]

DRAFT, PUBLISHED, SCHEDULED = "draft", "published", "scheduled"
_DATE_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})-")


class PostFileError(Exception):
    """A move the files do not allow (the name is taken, the post is not a draft...)."""

    def __init__(self, path: str | os.PathLike, message: str) -> None:
        super().__init__(f"{path}: error: {message}")
        self.path = Path(path)
        self.message = message


# -- state ---------------------------------------------------------------------------


def _in_drafts(path: Path) -> bool:
    return "_drafts" in path.parts


def is_draft(path: str | os.PathLike, front_matter: dict, generator: str) -> bool:
    if generator == "jekyll":
        return _in_drafts(Path(path)) or front_matter.get("published") is False
    return front_matter.get("draft") is True or str(front_matter.get("draft")).lower() == "true"


def draft_moves(path: str | os.PathLike, front_matter: dict, generator: str) -> tuple[bool, bool]:
    """(publish applies, unpublish applies) to the post as it is: Jekyll's by
    its folder (only `_drafts` and `_posts` move), the others' by `draft`."""
    path = Path(path)
    if generator == "jekyll":
        return _in_drafts(path), "_posts" in path.parts and not _in_drafts(path)
    draft = is_draft(path, front_matter, generator)
    return draft, not draft


def state_of(summary, now: _dt.datetime, site: Site | None) -> str:
    """DRAFT, SCHEDULED (dated after `now`) or PUBLISHED, for a post summary
    (anything with `.path` and `.front_matter`). A date without a time or zone
    is read in the site's zone, as the generators do."""
    fm = summary.front_matter if isinstance(summary.front_matter, dict) else {}
    generator = site.generator if site is not None else "unknown"
    if is_draft(summary.path, fm, generator):
        return DRAFT
    date = parse_date(fm.get("date"))
    if date is None and generator == "jekyll":
        match = _DATE_PREFIX.match(Path(summary.path).name)
        date = parse_date(match.group(1)) if match else None
    if date is None or generator == "zola":
        return PUBLISHED
    if not isinstance(date, _dt.datetime):
        date = _dt.datetime(date.year, date.month, date.day)
    if date.tzinfo is None:
        zone = site_timezone(site)
        date = date.replace(tzinfo=zone) if zone is not None else date.astimezone()
    if now.tzinfo is None:
        now = now.astimezone()
    return SCHEDULED if date > now else PUBLISHED


# -- moves --------------------------------------------------------------------------


def _move(old: Path, new: Path) -> None:
    """Rename `old` to `new`, never over an existing file."""
    if new.exists():
        raise PostFileError(new, "a file of that name already exists")
    new.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(old, new)  # fails when `new` appeared meanwhile, unlike a rename
        os.unlink(old)
    except OSError:
        if new.exists():
            raise PostFileError(new, "a file of that name already exists") from None
        try:
            os.rename(old, new)  # a file system without hard links
        except OSError as exc:
            raise PostFileError(old, f"cannot move to {new}: {exc.strerror or exc}") from None


def _set_values(path: Path, values: dict, draft: bool | None = None) -> None:
    """Set front-matter values in the file, losslessly, refusing a change made meanwhile.
    `draft`: what the post must be now (a Hugo post published twice is an error, not a new line)."""
    doc, fingerprint = storage.load(path)
    if doc.front_matter_error is not None:
        raise PostFileError(path, f"the front matter cannot be read: {doc.front_matter_error}")
    if draft is not None and is_draft(path, doc.front_matter, "hugo") != draft:
        raise PostFileError(path, "not a draft" if draft else "already a draft")
    for key, value in values.items():
        doc.set(key, value)
    storage.save(path, doc, fingerprint)


def _slug_of(path: Path) -> str:
    return _DATE_PREFIX.sub("", path.stem, count=1)


def publish(path: str | os.PathLike, site: Site, now: _dt.datetime | None = None) -> Path:
    """Publish a draft; returns where the post now is.

    Jekyll: `_drafts/slug.md` -> `_posts/<today>-slug.md`, `date` set to now
    (in the site's zone). Hugo and others: `draft: false`, same file."""
    path = Path(path)
    if site.generator == "jekyll":
        if not _in_drafts(path):
            raise PostFileError(path, "not a draft: it is not in a _drafts folder")
        date = now_in(site, now)
        drafts = next(p for p in path.parents if p.name == "_drafts")
        target = drafts.parent / "_posts" / path.relative_to(drafts).parent / f"{date:%Y-%m-%d}-{path.name}"
        _move(path, target)
        try:
            _set_values(target, {"date": date})
        except BaseException:
            # Half a publish is worse than none: the draft goes back where it was.
            _move(target, path)
            raise
        return target
    _set_values(path, {"draft": False}, draft=True)
    return path


def unpublish(path: str | os.PathLike, site: Site) -> Path:
    """Make a post a draft again; returns where it now is.

    Jekyll: `_posts/YYYY-MM-DD-slug.md` -> `_drafts/slug.md` (the file's bytes
    unchanged). Hugo and others: `draft: true`."""
    path = Path(path)
    if site.generator == "jekyll":
        posts = next((p for p in path.parents if p.name == "_posts"), None)
        if posts is None:
            raise PostFileError(path, "not a published post: it is not in a _posts folder")
        target = posts.parent / "_drafts" / path.relative_to(posts).parent / f"{_slug_of(path)}{path.suffix}"
        _move(path, target)
        return target
    _set_values(path, {"draft": True}, draft=False)
    return path


def rename_from_title(path: str | os.PathLike, site: Site | None, romanize: bool = False) -> Path:
    """Name the file (or its page bundle's folder) after its title, keeping a
    Jekyll date prefix; `-2`, `-3`... when the name is taken. Returns the new path."""
    path = Path(path)
    doc, _fp = storage.load(path)
    title = doc.front_matter.get("title") if doc.front_matter_error is None else None
    if not isinstance(title, str) or not title.strip():
        raise PostFileError(path, "the post has no title to name the file after")
    base = slugify(title, romanize)
    bundle = path.stem in ("index", "_index")
    for n in range(1, 10_000):
        slug = base if n == 1 else f"{base}-{n}"
        if bundle:
            folder = path.parent.with_name(slug)
            if folder == path.parent:
                return path
            if folder.exists():
                continue
            try:
                os.rename(path.parent, folder)
            except OSError as exc:
                raise PostFileError(path.parent, f"cannot rename: {exc.strerror or exc}") from None
            return folder / path.name
        match = _DATE_PREFIX.match(path.name)
        name = f"{match.group(1)}-{slug}{path.suffix}" if match else f"{slug}{path.suffix}"
        target = path.with_name(name)
        if target == path:
            return path
        if target.exists() or (site is not None and site.generator == "jekyll" and _drafts_taken(path, slug)):
            continue
        _move(path, target)
        return target
    raise PostFileError(path, "no free file name")


def _drafts_taken(path: Path, slug: str) -> bool:
    """In Jekyll, a draft and a post of one slug collide once the draft is published."""
    if _in_drafts(path):
        posts = next(p for p in path.parents if p.name == "_drafts").parent / "_posts"
        return any(_slug_of(p) == slug for p in posts.glob(f"*-{glob_escape(slug)}.*"))
    return False
