"""`PostView`: what the rules read of one post, computed once per validation.

It wraps a `Document` (the window's live one, or one read from disk by the
runner) or a `Snapshot`, and caches what several rules need: the front
matter as plain values, the body with code masked, a line map. A Snapshot
has no `key_location`, so a small locator for top-level keys stands in.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath
from typing import Any

from editor.core.validation.text import LineMap, contains, mask_code


class cached_property:  # noqa: N801 - functools' has a lock per access in 3.11: slow here
    """A computed attribute, stored on first use (rules read these thousands of times)."""

    def __init__(self, fn) -> None:
        self.fn = fn
        self.name = fn.__name__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


class PostView:
    def __init__(self, doc: Any, path: str | Path | None = None, root: Path | None = None,
                 decode_error: Any = None) -> None:
        self.doc = doc
        raw_path = path if path is not None else getattr(doc, "path", None)
        self._raw_path = raw_path or None
        self.root = root
        #: A DecodeError when the bytes could not be read as text (doc is None then).
        self.decode_error = decode_error
        #: What one rule computed and another may reuse, for this post only.
        self.cache: dict = {}
        self._has: dict[str, bool] = {}

    # -- what the document says -------------------------------------------------------
    @cached_property
    def kind(self) -> str:
        kind = getattr(self.doc, "kind", "none")
        return getattr(kind, "value", kind) or "none"

    @cached_property
    def front_matter(self) -> dict:
        data = self.doc.front_matter if self.doc is not None else {}
        return dict(data) if data is not None else {}

    @property
    def front_matter_error(self):
        return getattr(self.doc, "front_matter_error", None)

    @property
    def front_matter_issues(self) -> tuple:
        return tuple(getattr(self.doc, "front_matter_issues", ()) or ())

    @property
    def body(self) -> str:
        return getattr(self.doc, "body", "") or ""

    @property
    def body_line(self) -> int:
        return getattr(self.doc, "body_line", 1)

    @property
    def encoding(self) -> str:
        return getattr(self.doc, "encoding", "utf-8") or "utf-8"

    @cached_property
    def body_map(self) -> LineMap:
        return LineMap(self.body, self.body_line)

    @cached_property
    def masked_body(self) -> str:
        return mask_code(self.body, self.has)

    def has(self, marker: str) -> bool:
        """Is `marker` anywhere in the body? Code masking and several rules ask about the
        same few ("{%", "<!--"): one scan of the body each. Masking only blanks
        characters, so a marker (without spaces) the body lacks, its masked body lacks too."""
        found = self._has.get(marker)
        if found is None:
            found = self._has[marker] = contains(self.body, marker)
        return found

    # -- where the file is -----------------------------------------------------------
    @cached_property
    def path(self) -> Path | None:
        # Made on first use: a big run creates 10,000 views, most never asked.
        return Path(self._raw_path) if self._raw_path else None

    @cached_property
    def name(self) -> str | None:
        """`path.name`, without making a Path."""
        return os.path.basename(os.fspath(self._raw_path)) if self._raw_path else None

    @cached_property
    def stem(self) -> str | None:
        """`path.stem` (pathlib's rule: "a.md" -> "a", ".x" and "a." stay whole)."""
        name = self.name
        if name is None:
            return None
        dot = name.rfind(".")
        return name[:dot] if 0 < dot < len(name) - 1 else name

    @cached_property
    def relpath(self) -> str | None:
        """The path relative to the site root, with `/` ("_posts/2021-05-10-x.md")."""
        if self._raw_path is None or self.root is None:
            return None
        # Plain string work first: resolve() costs a system call per path component.
        path, root = os.path.abspath(self._raw_path), str(self.root)
        if path.startswith(root + os.sep):
            return path[len(root) + 1:].replace(os.sep, "/")
        try:
            return PurePosixPath(Path(self.path).resolve().relative_to(self.root)).as_posix()
        except (ValueError, OSError):
            return None

    @cached_property
    def folder_parts(self) -> tuple[str, ...]:
        rel = self.relpath
        if rel is not None:
            return tuple(rel.split("/")[:-1])
        return tuple(self.path.parent.parts) if self.path is not None else ()

    # -- positions -------------------------------------------------------------------
    def key_location(self, key: str | tuple) -> tuple[int, int] | None:
        finder = getattr(self.doc, "key_location", None)
        if finder is not None:
            try:
                return finder(key)
            except Exception:  # a locator problem must not hide the diagnostic itself
                return None
        return self._locate_top_level(key if isinstance(key, str) else str(key[0]))

    def where(self, key: str | tuple | None) -> tuple[int, int]:
        """Line/column of `key` (its top-level key if a nested one is not found), else 1:1."""
        if key is not None:
            loc = self.key_location(key)
            if loc is None and isinstance(key, str) and "." in key:
                loc = self.key_location(key.split(".")[0])
            if loc is None and isinstance(key, tuple) and len(key) > 1:
                loc = self.key_location(key[:1])
            if loc is not None:
                return loc
        return (1, 1)

    def find_in_entry(self, key: str, needle: str) -> tuple[int, int] | None:
        """Where `needle` is written inside the entry of `key` (a tag in a tags list)."""
        spanner = getattr(self.doc, "key_span", None)
        if spanner is None or not needle:
            return None
        try:
            span = spanner(key)
        except Exception:  # a locator problem must not hide the diagnostic itself
            return None
        if span is None:
            return None
        lines = self.file_lines
        for number in range(span[0], min(span[1], len(lines)) + 1):
            line = lines[number - 1]
            for m in re.finditer(re.escape(needle), line):
                before = line[m.start() - 1:m.start()]
                after = line[m.end():m.end() + 1]
                # The whole item, not a part of a longer one ("go" inside "golang").
                if before in ("", " ", "[", ",", "'", '"', "-", "\t") and \
                        after in ("", " ", "]", ",", "'", '"', "#"):
                    return number, m.start() + 1
        return None

    @cached_property
    def file_lines(self) -> list[str]:
        text = getattr(self.doc, "text", None)
        if text is None:
            text = (getattr(self.doc, "front_matter_text", "") or "")
        return re.split(r"\r\n|\r|\n", text)

    def _locate_top_level(self, key: str) -> tuple[int, int] | None:
        text = getattr(self.doc, "front_matter_text", "") or ""
        pattern = re.compile(r'^[ \t]*["\']?' + re.escape(key) + r'["\']?[ \t]*[:=]', re.M)
        m = pattern.search(text)
        if not m:
            return None
        line = text.count("\n", 0, m.start()) + (0 if self.kind == "json" else 2)
        return line + (1 if self.kind == "json" else 0), m.start() - text.rfind("\n", 0, m.start())
