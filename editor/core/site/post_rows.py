"""One compact row per post for the posts pane: what it shows, sorts and filters on.

Built off the UI thread from an index summary, so the pane never parses
anything. Each row keeps a lowercase haystack (title, tags, categories and
the start of the body, capped at `BODY_CHARS`) so that filtering 10,000
posts is a substring test per row, with no file read per keystroke.
"""

from __future__ import annotations

import datetime as dt
import os
import re

from editor.core.site.dates import parse_date

#: Characters of a post's body kept for filtering: enough for its opening
#: paragraph; a cap keeps the index's memory bounded whatever the posts' size.
BODY_CHARS = 240
#: Bytes of the file read for that (the head the index already read is in the page cache).
HEAD_BYTES = 4096

DRAFT, PUBLISHED, SCHEDULED = "draft", "published", "scheduled"
STATES = (DRAFT, PUBLISHED, SCHEDULED)

#: Jekyll's date in a post's file name (it also reads `2017-2-5-`).
_JEKYLL_DATE = re.compile(r"^\d{2,4}-\d{1,2}-\d{1,2}-")
_FILE_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")
_FENCE = re.compile(r"^(?:---|\+\+\+|\.\.\.)[ \t]*\r?$", re.M)
#: What body_excerpt reads first.
_FIRST_READ = 2048


class PostRow:
    """What the posts pane knows of one post (read-only once built, but for
    `problems`: the pane fills in the count once the site's posts are checked)."""

    __slots__ = ("path", "title", "date", "state", "categories", "tags", "problems", "text")

    def __init__(self, path: str, title: str, date: dt.datetime | None, state: str,
                 categories: tuple[str, ...], tags: tuple[str, ...], problems: int, text: str) -> None:
        self.path = path
        self.title = title
        #: Naive local datetime (for sorting and display), or None when unknown.
        self.date = date
        self.state = state
        self.categories = categories
        self.tags = tags
        self.problems = problems
        #: Lowercase haystack the filter searches.
        self.text = text

    def key(self) -> tuple:
        """Everything shown: two rows with equal keys look the same."""
        return (self.title, self.date, self.state, self.categories, self.tags, self.problems, self.text)

    def matches(self, needle: str, state: str | None = None) -> bool:
        """`needle` is lowercase; an empty one matches every row."""
        return (state is None or self.state == state) and needle in self.text

    def __repr__(self) -> str:
        return f"PostRow({self.path!r}, {self.title!r}, {self.state})"


def _when(value) -> dt.datetime | None:
    """A post's date as a datetime (aware when it names an offset), or None."""
    value = parse_date(value)
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return None


def _later(date: dt.datetime, now: dt.datetime | None) -> bool:
    """Whether `date` is after `now` (naive: this machine's local time); an
    offset in the date counts, so `+0800` is compared as the instant it names."""
    now = now or dt.datetime.now()
    if date.tzinfo is None:
        return date > (now.astimezone().replace(tzinfo=None) if now.tzinfo is not None else now)
    return date > (now if now.tzinfo is not None else now.astimezone())


def _terms(value) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(value.split())
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value if v is not None)
    return ()


def _untitled(name: str, jekyll: bool) -> str:
    """The title of a post without one: Jekyll's, made from the file name's
    slug (`2009-09-05-no-yaml-title.md` is "No Yaml Title"); elsewhere the name."""
    stem = os.path.splitext(name)[0]
    if not jekyll:
        return stem
    slug = _JEKYLL_DATE.sub("", stem, count=1)
    return " ".join(word.capitalize() for word in slug.split("-")) or stem


def body_excerpt(path: str, limit: int = BODY_CHARS) -> str:
    """The start of a post's body (after its front matter), lowercase, spaces folded.

    Reads the first 2 KB (most front matter and the body's start fit), and up
    to HEAD_BYTES only when that is not enough: on a 10,000-post site this
    pass is a third of the index's time."""
    try:
        with open(path, "rb") as f:
            head = f.read(_FIRST_READ)
            if len(head) == _FIRST_READ:
                text = _excerpt_of(head.decode("utf-8", "ignore"), limit)
                if text is not None:
                    return text
                head += f.read(HEAD_BYTES - _FIRST_READ)
    except OSError:
        return ""
    return _excerpt_of(head.decode("utf-8", "ignore"), limit, complete=True) or ""


def _excerpt_of(text: str, limit: int, complete: bool = False) -> str | None:
    """The excerpt of a file's start `text`, or None when more text is needed
    (the front matter's end or enough of the body is not in it)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if text[:3] in ("---", "+++"):
        fence = _FENCE.search(text, 3)
        if fence is None:
            return "" if complete else None
        text = text[fence.end():]
    elif text.startswith("{"):
        return ""  # JSON front matter: the body is after the object; rare, not searched
    if not complete and len(text) < limit * 2:
        return None
    # str.split folds whitespace as the regular expression did, at a third of its cost.
    return " ".join(text[: limit * 2].split()).lower()[:limit]


def row_of(summary, now: dt.datetime | None = None, body: bool = True) -> PostRow:
    """The row of an index summary (`editor.core.site.post_index.PostSummary`)."""
    path = os.fspath(summary.path)
    fm = summary.front_matter or {}
    name = os.path.basename(path)
    title = fm.get("title")
    parts = path.split(os.sep)
    title = str(title) if title not in (None, "") else _untitled(name, "_posts" in parts or "_drafts" in parts)
    when = _when(fm.get("date"))
    # Shown as written (`21:46 -0600` is 21:46 on the file's day, as its file
    # name says), not moved into this machine's zone; the state compares instants.
    date = when.replace(tzinfo=None) if when is not None else None
    if date is None:
        m = _FILE_DATE.match(name)
        if m:
            try:
                date = dt.datetime(*map(int, m.groups()))
            except ValueError:
                date = None
    if "_drafts" in parts or fm.get("draft") is True or fm.get("published") is False:
        state = DRAFT
    elif date is not None and _later(when or date, now):
        state = SCHEDULED
    else:
        state = PUBLISHED
    categories = _terms(fm.get("categories")) + _terms(fm.get("category"))
    tags = _terms(fm.get("tags"))
    problems = 1 if summary.error is not None else 0
    haystack = " ".join((title, *categories, *tags)).lower()
    if body:
        haystack += "\n" + body_excerpt(path)
    return PostRow(path, title, date, state, categories, tags, problems, haystack)
