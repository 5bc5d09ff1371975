"""JSON front matter: a `{...}` object at the top of a post (Hugo; the Pharo site).

The json module parses but forgets where things are, and it silently keeps the
last of two equal keys. So a small scanner walks the object once and records
the span of every key and value (the values themselves are decoded by json's
own `scanstring` / `raw_decode`). Edits are then plain text surgery: `set`
replaces a value's span, a new key is appended before the closing `}` in the
object's own indentation, separator and line ending, `unset` cuts the member
and the comma that belonged to it. Everything else keeps its exact bytes —
including CR-only line endings, which json itself does not count as lines.

JSON has no dates: a date set here is written as its ISO string, and reads
back as that string.
"""

from __future__ import annotations

import copy
import datetime as _dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from editor.core.post.errors import FrontMatterError, KeyPathError
from editor.core.post.values import AsWritten, Sharing, lookup_path, same_value

__all__ = ["JsonFrontMatter", "find_json_front_matter"]

_WS = " \t\r\n"
MAX_DEPTH = 64  # nesting levels, as fm_yaml: deeper is not front matter (and would exhaust the stack)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_DECODER = json.JSONDecoder()
# Characters that matter to a string-aware brace count.
_STRUCTURE = re.compile(r'[{}\[\]"\\]')


def find_json_front_matter(text: str) -> tuple[int, int] | None:
    """Where a JSON front-matter object at the very top of `text` is.

    The rule (Hugo's, made robust against bodies that merely start with a
    brace): the text starts with `{` (after an optional BOM), the first
    non-blank character after it is `"` or `}` (so `{{< shortcode >}}` and
    Liquid's `{% ... %}` are not front matter), the braces balance — counting
    outside strings only — and the closing `}` is followed by nothing but
    spaces or tabs up to the end of its line. Returns `(start, end)` with
    `text[start:end]` the object, or None. The object need not be valid JSON:
    the handler reports what is wrong with it, with a location.
    """
    start = 1 if text.startswith("\ufeff") else 0
    if text[start : start + 1] != "{":
        return None
    rest = text[start + 1 : start + 200].lstrip(_WS)
    if rest[:1] not in ('"', "}"):
        return None
    depth = 0
    in_string = False
    escaped_at = -1
    for m in _STRUCTURE.finditer(text, start):
        ch, pos = m.group(), m.start()
        if in_string:
            if ch == "\\" and pos != escaped_at:
                escaped_at = pos + 1  # the next character is escaped
            elif ch == '"' and pos != escaped_at:
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
            if depth == 0:
                end = pos + 1
                tail = _LINE_BREAK.search(text, end)
                line_rest = text[end : tail.start() if tail else len(text)]
                return (start, end) if not line_rest.strip(" \t") else None
    return None


def line_col(text: str, pos: int) -> tuple[int, int]:
    """1-based line and column of `pos`, counting CR, LF and CRLF as line breaks."""
    line = 1
    last = 0
    for m in _LINE_BREAK.finditer(text, 0, pos):
        line += 1
        last = m.end()
    return line, pos - last + 1


@dataclass
class _Node:
    """A value in the text: its span, and its members (object) or items (array)."""

    start: int
    end: int
    members: list["_Member"] | None = None
    items: list["_Node"] | None = None


@dataclass
class _Member:
    key: str
    key_start: int
    key_end: int
    value: _Node = field(repr=False)


class _Scanner:
    """Records spans over text that json.loads has already accepted, and
    reports duplicate keys (which json.loads accepts) at the second one."""

    def __init__(self, text: str) -> None:
        self.text = text

    def ws(self, pos: int) -> int:
        while pos < len(self.text) and self.text[pos] in _WS:
            pos += 1
        return pos

    def value(self, pos: int, depth: int = 0) -> _Node:
        pos = self.ws(pos)
        ch = self.text[pos]
        if ch in "{[" and depth >= MAX_DEPTH:
            line, col = line_col(self.text, pos)
            raise FrontMatterError(f"JSON nested more than {MAX_DEPTH} levels deep", line, col,
                                   rule="front-matter-limit")
        if ch == "{":
            return self.obj(pos, depth + 1)
        if ch == "[":
            return self.arr(pos, depth + 1)
        _val, end = _DECODER.raw_decode(self.text, pos)
        return _Node(pos, end)

    def obj(self, start: int, depth: int) -> _Node:
        node = _Node(start, start, members=[])
        seen: set[str] = set()
        pos = self.ws(start + 1)
        if self.text[pos] == "}":
            node.end = pos + 1
            return node
        while True:
            pos = self.ws(pos)
            key, key_end = json.decoder.scanstring(self.text, pos + 1)
            if key in seen:
                line, col = line_col(self.text, pos)
                raise FrontMatterError(f"JSON: the key {json.dumps(key, ensure_ascii=False)} appears twice in this object", line, col, rule="duplicate-key")
            seen.add(key)
            key_start = pos
            pos = self.ws(key_end) + 1  # past ':'
            value = self.value(pos, depth)
            node.members.append(_Member(key, key_start, key_end, value))
            pos = self.ws(value.end)
            if self.text[pos] == "}":
                node.end = pos + 1
                return node
            pos += 1  # past ','

    def arr(self, start: int, depth: int) -> _Node:
        node = _Node(start, start, items=[])
        pos = self.ws(start + 1)
        if self.text[pos] == "]":
            node.end = pos + 1
            return node
        while True:
            item = self.value(pos, depth)
            node.items.append(item)
            pos = self.ws(item.end)
            if self.text[pos] == "]":
                node.end = pos + 1
                return node
            pos += 1


def _parse(text: str) -> tuple[dict, _Node]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        line, col = line_col(text, exc.pos)
        raise FrontMatterError(f"JSON syntax: {exc.msg}", line, col, rule="json-syntax") from None
    except RecursionError:
        raise FrontMatterError("JSON nested too deeply", 1, 1, rule="front-matter-limit") from None
    if not isinstance(data, dict):
        line, col = line_col(text, len(text) - len(text.lstrip(_WS)))
        raise FrontMatterError("JSON front matter must be an object: {...}", line, col, rule="json-syntax")
    root = _Scanner(text).value(0)
    return data, root


def _to_json(value: Any) -> Any:
    """Plain JSON values; dates become ISO strings (JSON has no dates)."""
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, list):
        return [_to_json(v) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise ValueError("JSON object keys must be strings")
        return {k: _to_json(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, bool, int, float)):
        if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
            raise ValueError("JSON cannot hold NaN or infinity")
        return value
    raise ValueError(f"JSON cannot hold a {type(value).__name__}")


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class JsonFrontMatter:
    """Edits a JSON front-matter object; see docs/core-api.md."""

    def __init__(self, text: str, newline: str = "\n") -> None:
        self._newline = newline
        self._commit(text)

    # -- reading -----------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    def data(self) -> dict:
        return copy.deepcopy(self._data)

    def get(self, path: Any) -> Any:
        return copy.deepcopy(lookup_path(self._data, _norm_path(path)))

    def key_span(self, path: Any) -> tuple[int, int] | None:
        found = self._find(_norm_path(path))
        if found is None:
            return None
        start, node = found
        return line_col(self._text, start)[0], line_col(self._text, node.end - 1)[0]

    def key_location(self, path: Any) -> tuple[int, int] | None:
        found = self._find(_norm_path(path))
        return None if found is None else line_col(self._text, found[0])

    def entry_range(self, path: Any) -> tuple[int, int] | None:
        """Characters of the member `"key": value` (or the list item) at `path`:
        members may share a line, and the commas between them are not theirs."""
        found = self._find(_norm_path(path))
        return None if found is None else (found[0], found[1].end)

    def written_text(self, path: Any) -> str | None:
        """A scalar as written: the token for numbers, booleans and null
        (`1.10` stays `1.10`), the value for strings; None for objects, arrays
        and absent keys."""
        try:
            value = lookup_path(self._data, _norm_path(path))
        except KeyPathError:
            return None
        if isinstance(value, (dict, list)):
            return None
        if isinstance(value, str):
            return value
        node = self._node(_norm_path(path))
        return self._text[node.start : node.end]

    def sharing(self, path: Any) -> Sharing | None:
        """JSON has no anchors: no value is shared."""
        return None

    # -- editing -----------------------------------------------------------

    def set(self, path: Any, value: Any, share: str | None = None) -> bool:
        """Set `path`; False if it already holds `value`. An AsWritten value is
        a JSON scalar (number, true, false, null) written as typed, else a
        string (always a string where it replaces one). `share` is accepted
        for the common API: JSON values are never shared."""
        path = _norm_path(path)
        raw = None
        if isinstance(value, AsWritten):
            value, raw = self._as_written(path, str(value))
        value = _to_json(value)
        try:
            old = lookup_path(self._data, path)
        except KeyPathError:
            text = self._added(path, value, raw)
        else:
            if same_value(old, value) and (raw is None or self.written_text(path) == raw):
                return False
            node = self._node(path)
            written = raw if raw is not None else _dump(value)
            text = self._text[: node.start] + written + self._text[node.end :]
        self._check(text, path, value)
        self._commit(text)
        return True

    def _as_written(self, path: tuple, text: str) -> tuple[Any, str | None]:
        try:
            if isinstance(lookup_path(self._data, path), str):
                return text, None
        except KeyPathError:
            pass
        token = text.strip()
        try:
            value = json.loads(token) if token else ""
        except (json.JSONDecodeError, RecursionError):
            return text, None
        if isinstance(value, (str, list, dict)) or (
                isinstance(value, float) and (value != value or value in (float("inf"), float("-inf")))):
            return text, None
        return value, token

    def unset(self, path: Any, share: str | None = None) -> bool:
        path = _norm_path(path)
        try:
            lookup_path(self._data, path)
        except KeyPathError:
            return False
        parent = self._node(path[:-1])
        index = path[-1]
        if parent.members is not None:
            index = next(i for i, m in enumerate(parent.members) if m.key == path[-1])
            spans = [(m.key_start, m.value.end) for m in parent.members]
        else:
            index = index % len(parent.items)
            spans = [(n.start, n.end) for n in parent.items]
        start, end = self._cut(spans, index)
        text = self._text[:start] + self._text[end:]
        self._check(text, path, _MISSING)
        self._commit(text)
        return True

    # -- internals ---------------------------------------------------------

    def _commit(self, text: str) -> None:
        self._data, self._root = _parse(text)
        self._text = text

    def _node(self, path: tuple) -> _Node:
        node = self._root
        for part in path:
            if node.members is not None and isinstance(part, str):
                node = next(m.value for m in node.members if m.key == part)
            elif node.items is not None and isinstance(part, int):
                node = node.items[part]
            else:
                raise KeyPathError(f"no key {'.'.join(map(str, path))!r}")
        return node

    def _find(self, path: tuple) -> tuple[int, _Node] | None:
        """(start of the entry, value node), or None."""
        try:
            lookup_path(self._data, path)
        except KeyPathError:
            return None
        parent = self._node(path[:-1])
        if parent.members is not None:
            member = next(m for m in parent.members if m.key == path[-1])
            return member.key_start, member.value
        node = parent.items[path[-1]]
        return node.start, node

    def _line_start(self, pos: int) -> int:
        return max(self._text.rfind("\n", 0, pos), self._text.rfind("\r", 0, pos)) + 1

    def _starts_line(self, pos: int) -> bool:
        return not self._text[self._line_start(pos) : pos].strip(" \t")

    def _cut(self, spans: list[tuple[int, int]], i: int) -> tuple[int, int]:
        """The text to remove for entry i, with the comma that goes with it,
        and whole lines when entries stand on lines of their own."""
        start, end = spans[i]
        if i + 1 < len(spans):
            nxt = spans[i + 1][0]
            if self._starts_line(start) and self._starts_line(nxt):
                return self._line_start(start), self._line_start(nxt)
            return start, nxt
        if i > 0:
            return spans[i - 1][1], end  # the comma before the last entry
        # The only entry: its whole line(s) if it stands alone on them.
        m = re.compile(r"[ \t]*(?:\r\n|\r|\n)").match(self._text, end)
        if self._starts_line(start) and m:
            return self._line_start(start), m.end()
        return start, end

    def _added(self, path: tuple, value: Any, raw: str | None = None) -> str:
        """The text with a new key: its first missing map is added as a member
        at the end of the deepest existing object."""
        node = self._root
        data: Any = self._data
        for depth, part in enumerate(path):
            if isinstance(data, dict) and isinstance(part, str) and part in data:
                node = next(m.value for m in node.members if m.key == part)
                data = data[part]
                continue
            if not isinstance(data, dict) or not isinstance(part, str):
                raise KeyPathError(f"{'.'.join(map(str, path))}: cannot add there")
            nested: Any = value
            for key in reversed(path[depth + 1 :]):
                if not isinstance(key, str):
                    raise KeyPathError(f"{'.'.join(map(str, path))}: no such list item")
                nested = {key: nested}
            written = raw if raw is not None and depth == len(path) - 1 else _dump(nested)
            return self._append_member(node, part, written)
        raise KeyPathError("unreachable")

    def _append_member(self, obj: _Node, key: str, written: str) -> str:
        """The text with `"key": written` added at the end of `obj`."""
        text = self._text
        close = obj.end - 1  # the closing brace
        if not obj.members:
            # Empty object: write the member inline.
            inner = f"{_dump(key)}: {written}"
            m = _LINE_BREAK.search(text, obj.start + 1, close)
            if m:  # `{` and `}` on lines of their own: the member gets its own line
                return text[: obj.start + 1] + m.group() + inner + text[obj.start + 1 :]
            return text[: obj.start + 1] + inner + text[close:]
        last = obj.members[-1]
        separator = text[last.key_end : last.value.start]  # '": "' or ' : ' ...
        if self._starts_line(last.key_start):
            # One member per line: same indentation, same line ending.
            indent = text[self._line_start(last.key_start) : last.key_start]
            m = _LINE_BREAK.search(text, last.value.end, close + 1)
            newline = m.group() if m else self._newline
            entry = "," + newline + indent + _dump(key) + separator + written
        else:
            between = text[obj.members[-2].value.end : last.key_start] if len(obj.members) > 1 else ", "
            entry = between + _dump(key) + separator + written
        return text[: last.value.end] + entry + text[last.value.end :]

    def _check(self, text: str, path: tuple, value: Any) -> None:
        """Re-parse: the path holds the new value and nothing else moved."""
        data, _root = _parse(text)
        old = copy.deepcopy(self._data)
        if value is _MISSING:
            parent = lookup_path(old, path[:-1])
            del parent[path[-1]]
            ok = same_value(data, old)
        else:
            ok = same_value(lookup_path(data, path), value)
            cut = path
            for k in range(1, len(path)):
                try:
                    lookup_path(old, path[:k])
                except KeyPathError:
                    cut = path[:k]
                    break
            for tree in (data, old):
                try:
                    del lookup_path(tree, cut[:-1])[cut[-1]]
                except (KeyPathError, KeyError, IndexError):
                    pass
            ok = ok and same_value(data, old)
        if not ok:  # a bug in this module, never the writer's fault
            raise ValueError(f"JSON edit of {'.'.join(map(str, path))} did not round-trip")


class _Missing:
    pass


_MISSING: Any = _Missing()


def _norm_path(path: Any) -> tuple:
    if isinstance(path, str):
        return (path,)
    path = tuple(path)
    if not path:
        raise KeyPathError("empty key path")
    return path
