"""The post document: front matter + body, kept losslessly.

A post file is held as four pieces of text that always add up to the file:

    opener      `---⏎` / `+++⏎` (with any trailing spaces), or "" for JSON/none
    fragment    the front matter text between the delimiters
    closer      `---⏎`, `...⏎`, `+++⏎`, or the line ending after a JSON object
    body        everything after, verbatim

plus the encoding and byte order mark it was read with (where the pieces
begin and end is decided in `split`, the one home of the delimiter rules).
Only an edit changes a piece, and a front-matter edit changes only the lines
of the edited key (the handlers in fm_yaml / fm_toml / fm_json), so an
unchanged document writes back the exact bytes it was read from.

A front matter that does not parse does not stop the document from opening:
the error is kept in `front_matter_error` (with its line and column in the
file), the raw text stays editable, and the body is still the body.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Callable, Mapping

from editor.core.post import encoding as _encoding
from editor.core.post.errors import FrontMatterError, KeyPathError
# The delimiter rules live in `split`; these names stay importable from here.
from editor.core.post.split import FrontMatterKind, split_post  # noqa: F401
from editor.core.post.split import Parts as _Parts
from editor.core.post.values import SHARED, AsWritten, Sharing, same_value


@dataclass(frozen=True)
class Change:
    """What a listener is told: which part changed, and which keys if known."""

    part: str                 # "front_matter" or "body"
    keys: tuple = ()          # top-level keys touched; () when unknown or all


@dataclass(frozen=True)
class Snapshot:
    """An immutable view of a document for renderers and validators (any thread)."""

    path: str | None
    kind: FrontMatterKind
    front_matter: Mapping[str, Any]
    front_matter_text: str
    front_matter_error: FrontMatterError | None
    front_matter_issues: tuple[FrontMatterError, ...]
    body: str
    body_line: int
    revision: int
    encoding: str


def _newline_counts(text: str) -> dict[str, int]:
    """How many of each line break `text` has (\\r\\n, \\r and \\n, as the splitter
    reads them), by str.count: 0.1 ms on the 205 KB post, whose newlines are
    counted before the window's first paint, against 0.8 ms matching them."""
    if "\r" not in text:  # nearly every post: one pass, not three
        return {"\n": text.count("\n"), "\r\n": 0, "\r": 0}
    crlf = text.count("\r\n")
    return {"\n": text.count("\n") - crlf, "\r\n": crlf, "\r": text.count("\r") - crlf}


def dominant_newline(text: str) -> str:
    """The newline most lines use ("\\n" when there are none; on a tie the
    first of \\n, \\r\\n, \\r)."""
    counts = _newline_counts(text)
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else "\n"


def count_lines(text: str) -> int:
    """Number of line breaks in `text` (\\r\\n, \\r and \\n each one)."""
    return sum(_newline_counts(text).values())


def _handler_class(kind: FrontMatterKind) -> Any:
    if kind is FrontMatterKind.YAML:
        from editor.core.post.fm_yaml import YamlFrontMatter

        return YamlFrontMatter
    if kind is FrontMatterKind.TOML:
        from editor.core.post.fm_toml import TomlFrontMatter

        return TomlFrontMatter
    from editor.core.post.fm_json import JsonFrontMatter

    return JsonFrontMatter


def key_path(key: str | tuple | list, data: Mapping | None = None) -> tuple:
    """`"image.alt"` → `("image", "alt")`; a key that really contains a dot wins.
    With `data`, a part that is a number and falls on a list is its index
    (`"tags.0"` → `("tags", 0)`, `"authors.1.name"`)."""
    if isinstance(key, (tuple, list)):
        return tuple(key)
    if data is not None and key in data:
        return (key,)
    parts = key.split(".")
    if data is None:
        return tuple(parts)
    path: list = []
    node: Any = data
    for part in parts:
        if isinstance(node, list) and part.lstrip("-").isdigit():
            index = int(part)
            path.append(index)
            node = node[index] if -len(node) <= index < len(node) else None
        else:
            path.append(part)
            node = node.get(part) if isinstance(node, Mapping) else None
    return tuple(path)


class Document:
    """A post file being edited. Change it only through its methods."""

    def __init__(self, parts: _Parts, *, encoding: str = "utf-8", bom: bytes = b"",
                 path: str | None = None, newline: str | None = None) -> None:
        self.path = path
        self.encoding = encoding
        self.bom = bom
        whole = parts.opener + parts.fragment + parts.closer + parts.body
        self.newline = newline or dominant_newline(whole)
        self.kind = parts.kind
        self._opener, self._closer, self._body = parts.opener, parts.closer, parts.body
        self._split_error = parts.error
        self._listeners: list[Callable[[Change], None]] = []
        self.revision = 0
        self._set_fragment(parts.fragment)
        # The front matter "as in the file": the style every edit is decided
        # against (see edit_baseline), so a value's text never depends on the
        # values the form passed through on the way to it.
        self._baseline = parts.fragment

    # ------------------------------------------------------------ construction
    @classmethod
    def from_bytes(cls, data: bytes, path: object | None = None) -> "Document":
        """Read a post; raises DecodeError (with the path) for binary or undecodable data."""
        try:
            decoded = _encoding.decode(data)
        except Exception as exc:
            if hasattr(exc, "with_path") and path is not None:
                exc.with_path(path)
            raise
        return cls.from_text(decoded.text, path=path, encoding=decoded.encoding, bom=decoded.bom)

    @classmethod
    def from_text(cls, text: str, path: object | None = None, encoding: str = "utf-8",
                  bom: bytes = b"") -> "Document":
        return cls(split_post(text), encoding=encoding, bom=bom,
                   path=str(path) if path is not None else None)

    @classmethod
    def new(cls, kind: FrontMatterKind = FrontMatterKind.YAML, front_matter: Mapping | None = None,
            body: str = "", path: object | None = None, newline: str = "\n") -> "Document":
        kind = FrontMatterKind(kind)
        delim = {"yaml": "---", "toml": "+++"}.get(kind.value)
        if delim:
            parts = _Parts(kind, delim + newline, "", delim + newline, body)
        elif kind is FrontMatterKind.JSON:
            parts = _Parts(kind, "", "{" + newline + "}", newline, body)
        else:
            parts = _Parts(kind, "", "", "", body)
        doc = cls(parts, path=str(path) if path is not None else None, newline=newline)
        for key, value in (front_matter or {}).items():
            doc.set((key,), value)
            doc.rebase()
        doc.revision = 0
        return doc

    # ------------------------------------------------------------ whole text
    @property
    def text(self) -> str:
        return self._opener + self.front_matter_text + self._closer + self._body

    def to_bytes(self) -> bytes:
        return _encoding.encode(self.text, self.encoding, self.bom)

    # ------------------------------------------------------------ front matter
    def _set_fragment(self, fragment: str) -> None:
        # Parsed on first use, not here: opening a post to show its body (the
        # window's first paint) needs only where the front matter ends, and
        # the YAML library's import alone is ~10 ms of start-up.
        self._raw_fragment = fragment
        self._parsed = False

    def _parse(self) -> None:
        handler, error = None, self._split_error
        if self.kind is not FrontMatterKind.NONE:
            try:
                handler = _handler_class(self.kind)(self._raw_fragment, self.newline)
            except FrontMatterError as exc:
                exc.line += self._fragment_line() - 1
                exc.path = self.path
                error = exc
        # Flagged last: a reader on another thread never sees "parsed" without
        # the results (two first readers at once just parse twice, alike).
        self._handler_obj, self._fm_error_obj = handler, error
        self._parsed = True

    @property
    def _handler(self) -> Any:
        """The kind's lossless model of the fragment, or None (none / does not parse)."""
        if not self._parsed:
            self._parse()
        return self._handler_obj

    @property
    def _fm_error(self) -> FrontMatterError | None:
        if not self._parsed:
            self._parse()
        return self._fm_error_obj

    def _fragment_line(self) -> int:
        """File line on which the fragment starts (1-based)."""
        return 1 + count_lines(self._opener)

    @property
    def front_matter_text(self) -> str:
        if not self._parsed:  # the handlers keep the text they were given until an edit
            return self._raw_fragment
        return self._handler.text if self._handler is not None else self._raw_fragment

    @property
    def front_matter_error(self) -> FrontMatterError | None:
        return self._fm_error

    @property
    def front_matter_issues(self) -> tuple[FrontMatterError, ...]:
        """Problems that don't stop editing (duplicate keys), located in the file."""
        found = getattr(self._handler, "issues", ()) or ()
        offset = self._fragment_line() - 1
        return tuple(FrontMatterError(i.message, i.line + offset, i.column, self.path, i.rule)
                     for i in found)

    @property
    def front_matter(self) -> dict:
        return self._handler.data() if self._handler is not None else {}

    def set_front_matter_text(self, text: str) -> None:
        """Replace the raw front matter (the "Raw" editor); may set front_matter_error."""
        if text == self.front_matter_text:
            return
        if self.kind is FrontMatterKind.NONE:
            raise ValueError("this post has no front matter; add one with add_front_matter()")
        self._split_error = None
        self._set_fragment(text)
        self._baseline = text  # the writer's own text is the style now
        self._changed(Change("front_matter"))

    def rebase(self) -> None:
        """The current text is now the file's (it was saved, or the file was
        found to hold it): later edits keep the style it has."""
        self._baseline = self.front_matter_text

    def add_front_matter(self, kind: FrontMatterKind = FrontMatterKind.YAML) -> None:
        """Give a post without front matter an empty one of `kind`."""
        if self.kind is not FrontMatterKind.NONE:
            return
        delim = {"yaml": "---", "toml": "+++"}[FrontMatterKind(kind).value]
        self.kind = FrontMatterKind(kind)
        self._opener = self._closer = delim + self.newline
        self._split_error = None
        self._set_fragment("")
        self._baseline = ""
        self._changed(Change("front_matter"))

    def _editable(self) -> Any:
        if self._handler is None:
            if self._fm_error is not None:
                raise self._fm_error
            raise KeyPathError("this post has no front matter")
        return self._handler

    def get(self, key: str | tuple, default: Any = KeyPathError) -> Any:
        try:
            return self._editable().get(self._path(key))
        except (KeyPathError, FrontMatterError):
            if default is KeyPathError:
                raise
            return default

    def _path(self, key: str | tuple) -> tuple:
        # Only a dotted string needs the data: a top-level key may contain a dot.
        if isinstance(key, str) and "." in key:
            return key_path(key, self.front_matter)
        return key_path(key)

    def set(self, key: str | tuple, value: Any, share: str | None = None) -> bool:
        """Set a front-matter value; only that entry's lines change. False if already equal.

        The entry's text depends only on how the entry is written in the file
        (the baseline, see `rebase`) and on `value`, never on values set in
        between. An AsWritten value is the text the writer typed, written in
        the entry's style. After the edit the whole front matter is read again:
        if any other key would read differently (shared YAML values: unless
        `share` is SHARED) the edit is refused with EditRefused and nothing
        changes. A value shared with other keys needs `share` (SHARED or OWN),
        else SharedValueError. Also raises KeyPathError, FrontMatterError.
        """
        if self.kind is FrontMatterKind.NONE and self._split_error is None:
            self.add_front_matter(FrontMatterKind.YAML)
        path = self._path(key)
        handler = self._editable()
        value = _plain(value)
        if not isinstance(value, AsWritten):
            try:
                if same_value(handler.get(path), value):
                    return False
            except KeyPathError:
                pass
        from editor.core.post import edit_baseline

        new = edit_baseline.edited(self._make_handler, self._baseline, handler, path, value,
                                   share, self._shared_others(handler, path, share))
        return self._adopt(new, path)

    def unset(self, key: str | tuple, share: str | None = None) -> bool:
        """Remove a key; False if it was not there. Refused (EditRefused, nothing
        changes) when another key would read differently afterwards."""
        if self._handler is None:
            return False
        path = self._path(key)
        handler = self._editable()
        from editor.core.post import edit_baseline

        new = edit_baseline.removed(self._make_handler, handler, path, share,
                                    self._shared_others(handler, path, share))
        return self._adopt(new, path)

    def written_text(self, key: str | tuple) -> str | None:
        """A scalar as the writer sees it written: a plain/bare value's exact
        source text (`10:00`, `1.10`, `2021-05-10 10:00:00 +0900`), a quoted or
        block string's value; None for collections and absent keys."""
        if self._handler is None:
            return None
        try:
            return self._handler.written_text(self._path(key))
        except KeyPathError:
            return None

    def sharing(self, key: str | tuple) -> Sharing | None:
        """Who else reads the value at `key` (YAML anchors and aliases), or None."""
        if self._handler is None:
            return None
        try:
            return self._handler.sharing(self._path(key))
        except KeyPathError:
            return None

    def _make_handler(self, text: str) -> Any:
        return _handler_class(self.kind)(text, self.newline)

    def _shared_others(self, handler: Any, path: tuple, share: str | None) -> tuple:
        """Paths that an edit with share=SHARED changes on purpose."""
        if share != SHARED:
            return ()
        found = handler.sharing(path)
        return found.others if found is not None else ()

    def _adopt(self, handler: Any, path: tuple) -> bool:
        if handler is None:
            return False
        self._handler_obj = handler
        self._changed(Change("front_matter", (path[0],)))
        return True

    def key_location(self, key: str | tuple) -> tuple[int, int] | None:
        if self._handler is None:
            return None
        loc = self._handler.key_location(self._path(key))
        if loc is None:
            return None
        return loc[0] + self._fragment_line() - 1, loc[1]

    def key_span(self, key: str | tuple) -> tuple[int, int] | None:
        if self._handler is None:
            return None
        span = self._handler.key_span(self._path(key))
        if span is None:
            return None
        offset = self._fragment_line() - 1
        return span[0] + offset, span[1] + offset

    # ------------------------------------------------------------ body
    @property
    def body(self) -> str:
        return self._body

    @property
    def body_line(self) -> int:
        return 1 + count_lines(self._opener + self.front_matter_text + self._closer)

    def set_body(self, text: str) -> None:
        if text == self._body:
            return
        self._body = text
        self._changed(Change("body"))

    # ------------------------------------------------------------ listeners
    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        """Call `callback(change)` after every change; returns the unsubscribe function."""
        self._listeners.append(callback)

        def unsubscribe() -> None:
            if callback in self._listeners:
                self._listeners.remove(callback)

        return unsubscribe

    def _changed(self, change: Change) -> None:
        self.revision += 1
        for listener in list(self._listeners):
            listener(change)

    def snapshot(self) -> Snapshot:
        return Snapshot(
            path=self.path,
            kind=self.kind,
            front_matter=MappingProxyType(self.front_matter),
            front_matter_text=self.front_matter_text,
            front_matter_error=self.front_matter_error,
            front_matter_issues=self.front_matter_issues,
            body=self._body,
            body_line=self.body_line,
            revision=self.revision,
            encoding=self.encoding,
        )


def _plain(value: Any) -> Any:
    """Tuples become lists; mappings become dicts (what the handlers write)."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, str):  # immutable; keeps AsWritten as it is
        return value
    return copy.copy(value)
