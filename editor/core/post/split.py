"""Where a post's front matter is: the delimiter rules, written once.

Every reader of posts finds the front matter here: the document (which keeps
the pieces losslessly), the site index (which reads only the head of each file,
as bytes), and the bulk validator's fast document. The rules:

- YAML opens with `---`, TOML with `+++`, on the first line, trailing spaces
  or tabs allowed, then a line break (`\\r\\n`, `\\r` or `\\n`).
- It closes at the first line that is the same delimiter (YAML also `...`),
  trailing blanks allowed, ended by a line break or the end of the file. The
  line break before the closer belongs to the front matter, as in Jekyll's
  own pattern: a block scalar on the last line (`text: |`) keeps its final
  line break.
- JSON is an object at the very top (`fm_json.find_json_front_matter`), its
  closer the rest of the `}` line: blanks and one line break.
- An opener with no closer is not front matter: the whole text is the body
  and the error says so (`front-matter-unclosed`).
- A byte order mark is the encoding's, not the text's: `split_post` is given
  decoded text without it; the head and `split_front_matter` drop one.
- Anything else (including Hexo's `;;;`, which Galley does not read) means
  the post has no front matter.
"""

from __future__ import annotations

import enum
import functools
import re
from dataclasses import dataclass

from editor.core.post.errors import FrontMatterError

__all__ = ["FrontMatterKind", "Parts", "split_post", "split_front_matter", "split_head", "MORE", "SLOW"]

_NEWLINE = re.compile(r"\r\n|\r|\n")
_KINDS = {"---": "yaml", "+++": "toml"}
# Written once as text, compiled for text (the document) and for bytes (the
# head of a file in the index): the same rule, never two copies of it.
_OPEN = r"(---|\+\+\+)[ \t]*(\r\n|\r|\n)"
# A closing delimiter is a line of its own: after a line break, then `---`
# (or YAML's `...`) / `+++`, then trailing blanks and a line break or the end.
# Group 1 is the closer. The search starts at the opener's own line break, so
# an empty block closes at once; matching the line break (not looking behind
# for it) lets the regex engine skip ahead to line breaks: ~2.5x faster.
_CLOSE = {
    "yaml": r"(?:\r\n|\r|\n)((?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z))",
    "toml": r"(?:\r\n|\r|\n)(\+\+\+[ \t]*(?:\r\n|\r|\n|\Z))",
}
_OPENER = re.compile(_OPEN)
_CLOSERS = {kind: re.compile(p) for kind, p in _CLOSE.items()}
_BOM_B = b"\xef\xbb\xbf"


@functools.cache
def _bytes_patterns():
    """The same patterns for bytes (the index's heads), compiled at first use:
    the window opens its first post before it reads any site."""
    return (re.compile(_OPEN.encode()),
            {kind: re.compile(p.encode()) for kind, p in _CLOSE.items()},
            re.compile(rb"-{0,3}|\+{0,3}|(?:---|\+\+\+)[ \t]*"))  # a head too short to tell


class FrontMatterKind(str, enum.Enum):
    YAML = "yaml"
    TOML = "toml"
    JSON = "json"
    NONE = "none"


@dataclass(frozen=True)
class Parts:
    """A post's text in four pieces that add up to it (see `document`)."""

    kind: FrontMatterKind
    opener: str
    fragment: str
    closer: str
    body: str
    error: FrontMatterError | None = None


def _unclosed(delimiter: str) -> FrontMatterError:
    return FrontMatterError(
        f"the front matter opened with `{delimiter}` on line 1 is never closed; "
        f"add a `{delimiter}` line after it", 1, 1, rule="front-matter-unclosed")


def split_post(text: str) -> Parts:
    """Find the front matter at the top of `text` (decoded, without its byte
    order mark); never fails: an unclosed block comes back as an error."""
    m = _OPENER.match(text)
    if m:
        kind = _KINDS[m.group(1)]
        close = _CLOSERS[kind].search(text, m.start(2))
        if close is None:
            return Parts(FrontMatterKind.NONE, "", "", "", text, _unclosed(m.group(1)))
        start, end = close.span(1)
        return Parts(FrontMatterKind(kind), text[:m.end()], text[m.end():start], text[start:end], text[end:])
    if text.startswith("{"):
        from editor.core.post.fm_json import find_json_front_matter

        span = find_json_front_matter(text)
        if span is not None:
            end = span[1]
            after = _NEWLINE.match(text, end + len(text[end:]) - len(text[end:].lstrip(" \t")))
            close_end = after.end() if after else len(text)
            return Parts(FrontMatterKind.JSON, "", text[:end], text[end:close_end], text[close_end:])
    return Parts(FrontMatterKind.NONE, "", "", "", text)


def split_front_matter(text: str, *, bom: bool = True) -> tuple[str, str, int] | None:
    """(kind, front matter text, file line where it starts), or None if the
    text has no front matter. Drops one leading byte order mark unless `bom`
    is False (text that `encoding.decode` made has had its own removed, and a
    second one is text). Raises FrontMatterError for an unclosed block."""
    parts = split_post(text[1:] if bom and text.startswith("\ufeff") else text)
    if parts.error is not None:
        raise parts.error
    if parts.kind is FrontMatterKind.NONE:
        return None
    return parts.kind.value, parts.fragment, 2 if parts.opener else 1


class _Need:
    def __init__(self, name: str) -> None:
        self._name = name

    def __repr__(self) -> str:
        return self._name


#: `split_head`: the head is too short to tell; give it more of the file.
MORE = _Need("MORE")
#: `split_head`: not plain UTF-8; decode the whole file the careful way.
SLOW = _Need("SLOW")


def split_head(data: bytes, complete: bool) -> tuple[str, str, int] | None | _Need:
    """`split_front_matter` on the first bytes of a UTF-8 file, decoding only
    the front matter (bodies are most of the bytes, and an index needs none of
    them). `complete` says whether `data` is the whole file. Returns a split,
    None, MORE (the answer may lie past `data`) or SLOW; raises
    FrontMatterError for a block that is unclosed in the whole file."""
    if data.startswith(_BOM_B):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        return SLOW  # UTF-16/32 or binary: encoding.decode knows
    opener, closers, opener_cut = _bytes_patterns()
    m = opener.match(data)
    if m:
        kind = _KINDS[m.group(1).decode()]
        close = closers[kind].search(data, m.start(2))
        # A closer that ends where the head ends may be the start of a longer
        # line (`---x`, `....`) in the file: only the rest can tell.
        if close is None or (not complete and close.end() == len(data)):
            if complete:
                raise _unclosed(m.group(1).decode())
            return MORE
        try:
            return kind, data[m.end():close.start(1)].decode("utf-8"), 2
        except UnicodeDecodeError:
            return SLOW
    if data.startswith(b"{"):
        if not complete:  # never decode half a character, nor judge half a line
            cut = max(data.rfind(b"\n"), data.rfind(b"\r"))
            if cut < 0:
                return MORE
            data = data[: cut + 1]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return SLOW
        found = split_front_matter(text)
        return MORE if found is None and not complete else found
    return MORE if not complete and opener_cut.fullmatch(data) else None
