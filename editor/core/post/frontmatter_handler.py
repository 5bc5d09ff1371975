"""A python-frontmatter handler that writes a post back as it was read,
changing only the lines of what was edited.

    import frontmatter
    from editor.core.post.frontmatter_handler import GalleyHandler

    post = frontmatter.load(path, handler=GalleyHandler(path))
    post["title"] = "New title"
    text = frontmatter.dumps(post)   # the post keeps its handler

python-frontmatter's own handlers dump the metadata afresh: key order,
comments, quoting and the date's shape are lost. This one keeps the post as
Galley's lossless `Document` (YAML, TOML or JSON front matter) and, on dump,
applies only the differences between the post's metadata and the file's:
a changed key rewrites that entry's lines, a new key is added after the
others, a deleted key's lines go; an unchanged post dumps exactly as read.

What python-frontmatter does before any handler sees the text: it turns
CRLF into LF (`load` also opens the file in text mode, which reads every
newline as LF) and strips the whole text and the body of surrounding
whitespace. A UTF-8 BOM reaches the handler as U+FEFF (Python's "utf-8"
codec keeps it). So:

- `GalleyHandler(path)` (or the file's bytes) reads the file itself: the
  dump is the file's text exactly, its newlines, BOM and final newline
  included, whatever python-frontmatter passed through.
- `GalleyHandler()` works from the text python-frontmatter gives it: LF
  newlines, and one final newline written back where it stripped it.

One handler serves one post; `to_bytes(post)` encodes the dump in the
file's own encoding with its BOM, ready for `Path.write_bytes` (python-
frontmatter's `dump` writes text in the encoding it is given).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from frontmatter.default_handlers import BaseHandler

from editor.core.post.document import Document, FrontMatterKind
from editor.core.post.values import OWN, same_value

_BOM = "\ufeff"


@dataclass
class _Read:
    """One post as this handler read it."""

    document: Document
    # The body as python-frontmatter hands it to the post (stripped).
    content: str
    # The metadata as read, to tell which post a dump is for.
    metadata: dict = field(default_factory=dict)


def _as_python_frontmatter_sees(text: str) -> str:
    return text.replace("\r\n", "\n").strip()


class GalleyHandler(BaseHandler):
    """Lossless YAML, TOML and JSON front matter for python-frontmatter."""

    # BaseHandler requires a pattern; detection and splitting are Galley's own
    # (editor.core.post.split: the one home of the delimiter rules).
    FM_BOUNDARY = re.compile(r"^-{3,}\s*$", re.MULTILINE)

    def __init__(self, source: str | os.PathLike | bytes | None = None) -> None:
        super().__init__()
        self._source: Document | None = None
        if isinstance(source, bytes):
            self._source = Document.from_bytes(source)
        elif source is not None:
            with open(source, "rb") as file:
                self._source = Document.from_bytes(file.read(), path=source)
        self._reads: list[_Read] = []

    # ------------------------------------------------------------ reading
    def detect(self, text: str) -> bool:
        return self._document(text).kind is not FrontMatterKind.NONE

    def split(self, text: str) -> tuple[str, str]:
        document = self._document(text)
        self._reads.append(_Read(document, document.body.strip()))
        return document.front_matter_text, document.body

    def load(self, fm: str, **kwargs: object) -> dict[str, Any]:
        read = self._reads[-1]
        error = read.document.front_matter_error
        if error is not None:
            # A front matter that does not parse: say where, as the CLI does.
            raise ValueError(error.format(read.document.path))
        read.metadata = read.document.front_matter
        return read.document.front_matter

    def _document(self, text: str) -> Document:
        source = self._source
        if source is not None and _as_python_frontmatter_sees(
                _BOM * bool(source.bom) + source.text) == _as_python_frontmatter_sees(text):
            return source
        bom = b""
        if text.startswith(_BOM):
            text, bom = text[1:], _BOM.encode("utf-8")
        # python-frontmatter stripped the file's final newline: put one back.
        return Document.from_text(text.rstrip() + "\n" if text.strip() else text, bom=bom)

    # ------------------------------------------------------------ writing
    def export(self, metadata: dict[str, object], **kwargs: object) -> str:
        """The metadata as YAML front matter text (for a post this handler did not read)."""
        return Document.new(front_matter=metadata).front_matter_text

    def format(self, post: Any, **kwargs: object) -> str:
        read = self._read_for(post)
        document = read.document
        _apply(document, (), document.front_matter, dict(post.metadata))
        if post.content != read.content:
            body = document.body
            lead = body[:len(body) - len(body.lstrip())]
            trail = body[len(body.rstrip()):]
            content = post.content
            if document.newline != "\n":
                content = re.sub(r"\r\n|\n", lambda _m: document.newline, content)
            document.set_body(lead + content + trail)
            read.content = post.content
        return _BOM * bool(document.bom) + document.text

    def to_bytes(self, post: Any) -> bytes:
        """The dump encoded as the file was: its encoding and BOM."""
        self.format(post)
        return self._read_for(post).document.to_bytes()

    def _read_for(self, post: Any) -> _Read:
        reads = self._reads
        if len(reads) == 1:
            return reads[0]
        if not reads:
            kind = FrontMatterKind.YAML if post.metadata else FrontMatterKind.NONE
            document = Document.new(kind, body=post.content + "\n" if post.content else "")
            reads.append(_Read(document, post.content))
            return reads[0]
        same = [r for r in reads if r.content == post.content] or \
            [r for r in reads if r.metadata == post.metadata]
        if len(same) == 1:
            return same[0]
        raise ValueError("this GalleyHandler read several posts and cannot tell which one "
                         "is being written: use one GalleyHandler per post")


def _apply(document: Document, path: tuple, old: Any, new: Any) -> None:
    """Make the document's value at `path` read `new`, touching only what differs."""
    if same_value(old, new):
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [k for k in old if k not in new]:
            document.unset(path + (key,), share=OWN)
        for key, value in new.items():
            if key in old:
                _apply(document, path + (key,), old[key], value)
            else:
                document.set(path + (key,), value, share=OWN)
        return
    if path and isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for index, (before, after) in enumerate(zip(old, new)):
            _apply(document, path + (index,), before, after)
        return
    document.set(path, new, share=OWN)
