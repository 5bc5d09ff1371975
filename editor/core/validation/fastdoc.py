"""A read-only stand-in for `Document` when validating many files at once.

`Document` composes the YAML node tree so it can edit losslessly and say where
every key is; validating 10,000 posts needs neither for the posts that are
fine. `FastDocument` splits the post exactly as `Document` does (the one
splitter, `editor.core.post.split`) and loads the front matter with the same
loader (`GalleyLoader`, tomllib, json), in about a quarter of the time. Whenever the
outcome could differ -- a parse error, a possible duplicate key, an unusual
size -- `read()` returns a real `Document` instead, and a rule that asks where
a key is gets the answer from a real `Document` made on demand. So bulk and
window validation report the same findings at the same places.
"""

from __future__ import annotations

import json
import re
import tomllib
from functools import cached_property

import yaml

from editor.core.post.document import Document, count_lines
from editor.core.post.split import split_post
from editor.core.post.yaml_loader import GalleyLoader, load_simple

_MAX_FAST = 50_000
_ALIAS = re.compile(r"(^|[\s\[{,:-])\*[^\s,\[\]{}]")
_TOML_TABLE = re.compile(r"^[ \t]*\[", re.M)  # bigger front matter goes the careful way (limits, depth)
_KEY_LINE = re.compile(r"^([ ]*)(-[ ]+)?([^\s#'\"\-?{\[][^:#\n]*?|\"[^\"\n]*\"|'[^'\n]*')[ \t]*:(?:[ \t]|$)",
                       re.M)


_FLAT_KEY = re.compile(r"^([^\s#:][^:\n]*?|\"[^\"\n]*\"|'[^'\n]*')[ \t]*:(?:[ \t]|$)", re.M)


def _maybe_duplicate_keys(text: str) -> bool:
    """True when two keys of one mapping might be the same (then `Document` decides)."""
    if "\n " not in text and "\n-" not in text and "\n\t" not in text \
            and not text.startswith((" ", "-", "\t")):
        keys = [k.strip("\"'") for k in _FLAT_KEY.findall(text)]  # top level only
        return len(keys) != len(set(keys))
    stack: list[tuple[int, set]] = []
    for m in _KEY_LINE.finditer(text):
        indent = len(m.group(1)) + (len(m.group(2)) if m.group(2) else 0)
        new_map = bool(m.group(2))
        while stack and (stack[-1][0] > indent or (new_map and stack[-1][0] >= indent)):
            stack.pop()
        key = m.group(3).strip("\"'")
        if stack and stack[-1][0] == indent:
            if key in stack[-1][1]:
                return True
            stack[-1][1].add(key)
        else:
            stack.append((indent, {key}))
    return False


class FastDocument:
    """What the rules read of a post, loaded the fast way (see the module docstring)."""

    front_matter_error = None
    front_matter_issues = ()

    def __init__(self, text: str, parts, data: dict, path: str | None, encoding: str,
                 bom: bytes) -> None:
        # The whole text is not kept: its parts are (see `text`); a big run holds
        # thousands of posts, and each copy of a body is one more to page in.
        self._head = parts.opener + parts.fragment + parts.closer
        self.path = path
        self.encoding = encoding
        self._bom = bom
        self.kind = parts.kind
        self.front_matter_text = parts.fragment
        self.body = parts.body
        self.body_line = 1 + count_lines(self._head)
        #: File line of the fragment's first line (the opener is one line).
        self.body_line_of_fragment = 1 + count_lines(parts.opener)
        self._data = data

    @property
    def front_matter(self) -> dict:
        return self._data

    @property
    def text(self) -> str:
        """The file's text: split_post's parts put back together are exactly the text."""
        return self._head + self.body

    @classmethod
    def read(cls, text: str, path: str | None = None, encoding: str = "utf-8", bom: bytes = b""):
        """A FastDocument, or a real Document when the fast way could differ."""
        parts = split_post(text)
        data = None
        if parts.error is None and len(parts.fragment) <= _MAX_FAST:
            data = _load(parts.kind.value, parts.fragment)
        if data is None:
            return Document.from_text(text, path=path, encoding=encoding, bom=bom)
        return cls(text, parts, data, path, encoding, bom)

    @cached_property
    def _document(self) -> Document:
        return Document.from_text(self.text, path=self.path, encoding=self.encoding, bom=self._bom)

    def key_location(self, key):
        # A top-level key of YAML/TOML sits at the start of its line: found by a regex,
        # without composing a whole Document just to point at it.
        name = key if isinstance(key, str) and "." not in key else (
            key[0] if isinstance(key, tuple) and len(key) == 1 else None)
        kind = getattr(self.kind, "value", self.kind)
        if name is not None and kind in ("yaml", "toml") and name in self._data:
            text = self.front_matter_text
            if kind == "toml":
                table = _TOML_TABLE.search(text)
                text = text[: table.start()] if table else text
            m = re.search(r'^["\']?' + re.escape(str(name)) + r'["\']?[ \t]*' +
                          (":" if kind == "yaml" else "="), text, re.M)
            if m:
                return self.body_line_of_fragment + text.count("\n", 0, m.start()), 1
        return self._document.key_location(key)

    def key_span(self, key):
        return self._document.key_span(key)


def _load(kind: str, fragment: str) -> dict | None:
    try:
        if kind == "none":
            return {}
        if kind == "yaml":
            if "!" in fragment and re.search(r"(^|\s)!", fragment):
                return None  # tags: let fm_yaml judge them
            if "*" in fragment and _ALIAS.search(fragment):
                # An alias: only the careful path counts its expansion (the limit
                # that keeps an alias bomb from hanging the generator and us).
                return None
            data = load_simple(fragment)  # the common shape, without PyYAML's Python constructor
            if data is not None:
                return data  # it has no duplicate key (load_simple refuses one)
            if _maybe_duplicate_keys(fragment):
                return None
            data = yaml.load(fragment, Loader=GalleyLoader)  # noqa: S506 - a safe loader
            return {} if data is None else (data if isinstance(data, dict) else None)
        if kind == "toml":
            return tomllib.loads(fragment)
        if kind == "json":
            def no_duplicates(pairs):
                keys = [k for k, _ in pairs]
                if len(set(keys)) != len(keys):
                    raise ValueError("duplicate key")
                return dict(pairs)

            data = json.loads(fragment, object_pairs_hook=no_duplicates)
            return data if isinstance(data, dict) else None
    except Exception:  # noqa: BLE001 - any doubt: the careful path reports it exactly
        return None
    return None
