"""Site-wide search and replace over posts' bodies and front-matter values.

Searching reads each file once and parses it (the lossless `Document`) only
when the text holds a match, so a large site costs about one decode and one
regex scan per post. Every match carries the fingerprint of the file as it
was listed: replacing refuses a file whose bytes changed since.

Replacing goes through the lossless path: a body match through the body text,
a front-matter value through `Document.set` (only that entry's lines change),
planned as `bulk_edit.FileEdit`s that `bulk_edit.apply` writes and journals.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from editor.core.disk import storage
from editor.core.post import encoding
from editor.core.post.document import Document
from editor.core.post.errors import DecodeError
from editor.core.site.bulk_edit import FileEdit, Refusal, make_edit

BODY = "body"
FRONT_MATTER = "front_matter"


@dataclass(frozen=True)
class Query:
    pattern: str
    regex: bool = False
    case: bool = False
    body: bool = True
    front_matter: bool = True

    def compile(self) -> re.Pattern:
        """The compiled pattern; ValueError with the column when a regex is bad."""
        if not self.pattern:
            raise ValueError("nothing to search for")
        flags = re.MULTILINE | (0 if self.case else re.IGNORECASE)
        try:
            return re.compile(self.pattern if self.regex else re.escape(self.pattern), flags)
        except re.error as exc:
            column = (exc.pos or 0) + 1
            raise ValueError(f"1:{column}: error: bad regular expression: {exc.msg}") from None


@dataclass(frozen=True)
class Match:
    path: Path
    line: int  # 1-based in the file
    column: int  # 1-based in `line_text`
    length: int
    line_text: str
    part: str  # BODY or FRONT_MATTER
    key: tuple | None  # the front-matter value's key path
    start: int  # offset of the match in the body or in the value
    fingerprint: storage.Fingerprint


def search_file(path: os.PathLike, pattern: re.Pattern, query: Query) -> list[Match]:
    """The matches in one post (empty when it cannot be read)."""
    try:
        data, fingerprint = storage.read_bytes(path)
        text = encoding.decode(data).text
    except (storage.StorageError, DecodeError):
        return []
    if pattern.search(text) is None:
        return []
    try:
        doc = Document.from_bytes(data, path=Path(path))
    except DecodeError:
        return []
    lines = doc.text.splitlines()
    matches: list[Match] = []
    if query.front_matter and doc.front_matter_error is None:
        for key, value in _string_values(doc.front_matter, ()):
            for m in pattern.finditer(value):
                if m.end() == m.start():
                    continue
                line = _value_line(doc, lines, key, m.group(0), query.case)
                line_text = lines[line - 1] if 0 < line <= len(lines) else value
                column = _find(line_text, m.group(0), query.case)
                matches.append(Match(Path(path), line, column + 1 if column >= 0 else 1,
                                     len(m.group(0)), line_text, FRONT_MATTER, key, m.start(),
                                     fingerprint))
    if query.body:
        body = doc.body
        starts = _line_starts(body)
        index = 0
        for m in pattern.finditer(body):
            if m.end() == m.start():
                continue
            while index + 1 < len(starts) and starts[index + 1] <= m.start():
                index += 1
            line_text = body[starts[index]:].split("\n", 1)[0].rstrip("\r")
            matches.append(Match(Path(path), doc.body_line + index, m.start() - starts[index] + 1,
                                 len(m.group(0)), line_text, BODY, None, m.start(), fingerprint))
    return matches


def search(paths: Iterable[os.PathLike], query: Query,
           cancelled: Callable[[], bool] = lambda: False) -> Iterator[list[Match]]:
    """The matches of each post with any, one list per file, in the order given."""
    pattern = query.compile()
    for path in paths:
        if cancelled():
            return
        found = search_file(path, pattern, query)
        if found:
            yield found


def plan_replace(matches: Iterable[Match], query: Query,
                 replacement: str) -> tuple[list[FileEdit], list[Refusal]]:
    """Plan replacing the given matches (those the writer selected).

    A file changed on disk since it was listed is refused; so is a
    front-matter edit the lossless model refuses. In a regex search,
    `replacement` may name groups (`\\1`, `\\g<name>`).
    """
    pattern = query.compile()
    by_path: dict[Path, list[Match]] = {}
    for match in matches:
        by_path.setdefault(Path(match.path), []).append(match)
    edits: list[FileEdit] = []
    refused: list[Refusal] = []
    for path, selected in by_path.items():
        listed = selected[0].fingerprint
        try:
            data, fingerprint = storage.read_bytes(path)
        except storage.StorageError as exc:
            refused.append(Refusal(path, getattr(exc, "message", str(exc))))
            continue
        if not fingerprint.same_content(listed):
            refused.append(Refusal(path, "changed on disk since it was listed; search again"))
            continue
        try:
            doc = Document.from_bytes(data, path=path)
            body_starts = {m.start for m in selected if m.part == BODY}
            if body_starts:
                doc.set_body(_replace_at(pattern, doc.body, body_starts, replacement, query.regex))
            keys: dict[tuple, set[int]] = {}
            for m in selected:
                if m.part == FRONT_MATTER and m.key is not None:
                    keys.setdefault(tuple(m.key), set()).add(m.start)
            for key, starts in keys.items():
                value = doc.get(key, None)
                if isinstance(value, str):
                    doc.set(key, _replace_at(pattern, value, starts, replacement, query.regex))
        except (DecodeError, ValueError, KeyError) as exc:
            refused.append(Refusal(path, str(exc)))
            continue
        edit = make_edit(path, data, listed, doc)
        if edit is not None:
            edits.append(edit)
    return edits, refused


# -- helpers -------------------------------------------------------------------------

def _replace_at(pattern: re.Pattern, text: str, starts: set[int], replacement: str, regex: bool) -> str:
    out: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        if m.start() in starts and m.end() > m.start():
            out.append(text[last:m.start()])
            out.append(m.expand(replacement) if regex else replacement)
            last = m.end()
    out.append(text[last:])
    return "".join(out)


def _string_values(value, key: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _string_values(v, (*key, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _string_values(v, (*key, i))


def _value_line(doc: Document, lines: list[str], key: tuple, found: str, case: bool) -> int:
    """The file line showing `found` inside the entry of `key` (or the entry's first line)."""
    for depth in range(len(key), 0, -1):
        try:
            span = doc.key_span(key[:depth])
        except Exception:  # noqa: BLE001 - a path the handler cannot locate: try its parent
            span = None
        if span is None:
            continue
        first, last = span
        for number in range(first, min(last, len(lines)) + 1):
            if _find(lines[number - 1], found, case) >= 0:
                return number
        return first
    return 1


def _find(line: str, found: str, case: bool) -> int:
    return line.find(found) if case else line.lower().find(found.lower())


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    return starts
