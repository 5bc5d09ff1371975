"""TOML front matter (Hugo and Zola `+++` blocks), edited without rewriting it.

tomlkit keeps every byte it parsed (it reproduces all 50 TOML front matters of
the corpus, and the same blocks with CRLF or mixed endings), so edits are
made on a tomlkit document and the text is taken back from it. tomlkit alone
is not quite enough for "only the edited entry's lines change", so every edit
goes through three steps:

1. build the new value in the style of the old one (literal `'...'` strings
   stay literal when they can, multi-line arrays stay multi-line, inline
   tables are edited as text so their padding and separators stay);
2. tidy what tomlkit wrote: new lines get the file's own line ending (tomlkit
   always writes `\n`), the blank line tomlkit inserts before a table header
   is dropped, and the fragment keeps (or keeps lacking) its final newline;
3. re-parse and check that the edited path holds exactly the new value and
   every other value is unchanged; if the styled form fails, retry with
   tomlkit's plain form (then with maps inline), and refuse (ValueError)
   rather than save a lie.

Values are read with tomllib, the standard parser, which also holds the text
to TOML where tomlkit is lenient -- the same values the site index reports.

Positions (`key_span`, `key_location`): tomlkit keeps none. A `[table]` is
found by its header line; a `key = value` entry by writing a unique marker in
place of its value and seeing where the text changed.
"""

from __future__ import annotations

import copy
import datetime as _dt
import difflib
import re
import tomllib
from typing import Any

import tomlkit
from tomlkit.exceptions import ParseError, TOMLKitError
from tomlkit.items import AoT, Array, InlineTable, Item, String

from editor.core.post.errors import FrontMatterError, KeyPathError
from editor.core.post.toml_items import (
    inline_padding as _inline_padding,
    inline_text as _inline_text,
    inline_with as _inline_with,
    multiline_array as _multiline_array,
    parse_item as _parse_item,
    styled_string as _styled_string,
)
from editor.core.post.values import AsWritten, Sharing, lookup_path, same_value

__all__ = ["TomlFrontMatter", "same_value", "lookup_path"]

_LINE_END = re.compile(r"\r\n|\n|\r")
# tomllib's messages end in "(at line 3, column 7)"; Python 3.11 has no attributes for it.
_TOMLLIB_POS = re.compile(r"\(at line (\d+), column (\d+)\)")


def _norm_path(path: Any) -> tuple:
    if isinstance(path, str):
        return (path,)
    path = tuple(path)
    if not path:
        raise KeyPathError("empty key path")
    return path


def _parse(text: str) -> tuple[tomlkit.TOMLDocument, dict]:
    """Parse with tomlkit (for editing) and tomllib (for the values); any
    failure becomes a located FrontMatterError."""
    try:
        doc = tomlkit.parse(text)
    except ParseError as exc:
        rule = "duplicate-key" if "already exists" in str(exc) else "toml-syntax"
        # tomlkit's column is 0-based, ours are 1-based.
        message = str(exc).split(" at line ")[0]
        line, col = exc.line, exc.col + 1
        if "\\x00" in message or "\x00" in message or "end of file" in message.lower():
            # tomlkit reports the end of the text as a NUL character.
            message = "unexpected end of the front matter"
            lines = _LINE_END.split(text)
            line, col = len(lines), len(lines[-1]) + 1
        raise FrontMatterError(f"TOML syntax: {message}", line, col, rule=rule) from None
    except (TOMLKitError, ValueError, TypeError, RecursionError) as exc:
        # tomlkit raises a few plain errors (e.g. a key defined twice across tables).
        rule = "duplicate-key" if "already exists" in str(exc) else "toml-syntax"
        raise FrontMatterError(f"TOML syntax: {exc}", 1, 1, rule=rule) from None
    # tomlkit is lenient in places where TOML (and so Hugo/Zola, and our index,
    # which uses tomllib) is not: hold the text to the standard parser too. Its
    # values are the ones we report: tomlkit keeps the CRLF inside a multi-line
    # string where tomllib (and the index) read LF.
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = _TOMLLIB_POS.search(str(exc))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
        message = _TOMLLIB_POS.sub("", str(exc)).strip()
        raise FrontMatterError(f"TOML syntax: {message}", line, col, rule="toml-syntax") from None
    return doc, data


def _without(data: dict, path: tuple) -> dict:
    """A deep copy of `data` with `path` removed (if present)."""
    data = copy.deepcopy(data)
    try:
        parent = lookup_path(data, path[:-1])
        del parent[path[-1]]
    except (KeyPathError, KeyError, IndexError, TypeError):
        pass
    return data


def _check_value(value: Any) -> Any:
    """Plain Python that TOML can hold (TOML has no null)."""
    if value is None:
        raise ValueError("TOML has no null value; unset the key instead")
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, list):
        return [_check_value(v) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise ValueError("TOML table keys must be strings")
        return {k: _check_value(v) for k, v in value.items()}
    if isinstance(value, (str, bool, int, float, _dt.date, _dt.time)):
        return value
    raise ValueError(f"TOML cannot hold a {type(value).__name__}")


_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _lines(text: str) -> list[str]:
    """Lines with their endings; unlike str.splitlines, only CR/LF end a line
    (TOML strings may hold U+2028 and friends)."""
    return _LINES.findall(text)


def _line_ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :]


def _changed_regions(old: str, new: str) -> tuple[list[str], list[str], list]:
    """Lines of both texts and the opcodes of the lines that differ."""
    a, b = _lines(old), _lines(new)
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return a, b, [op for op in ops if op[0] != "equal"]


class TomlFrontMatter:
    """Edits the text between the `+++` lines; see docs/core-api.md."""

    def __init__(self, text: str, newline: str = "\n") -> None:
        self._newline = newline
        self._doc, self._data = _parse(text)
        self._text = text

    # -- reading -----------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    def data(self) -> dict:
        return copy.deepcopy(self._data)

    def get(self, path: Any) -> Any:
        return copy.deepcopy(lookup_path(self._data, _norm_path(path)))

    def key_span(self, path: Any) -> tuple[int, int] | None:
        """File lines (1-based, in the fragment) of the entry at `path`."""
        path = _norm_path(path)
        try:
            lookup_path(self._data, path)
        except KeyPathError:
            return None
        span = self._table_span(path)
        if span is None:
            span = self._value_span(path)
        return span

    def _value_span(self, path: tuple) -> tuple[int, int] | None:
        """Lines of a `key = value` entry (or a list item): put a unique
        marker in place of the value; the entry starts on the marker's line
        and ends where the old and new texts start to agree again. (A diff
        of a removal would be ambiguous when lines repeat, as `]` does.)"""
        old = self._text
        try:
            doc = tomlkit.parse(old)
            parent: Any = doc
            for part in path[:-1]:
                parent = parent[part]
            parent[path[-1]] = _MARKER
            new = doc.as_string()
        except (TOMLKitError, KeyError, IndexError, TypeError, AttributeError, ValueError):
            return None
        pos = new.find(_MARKER)
        if pos < 0:
            return None
        first = _line_number(new, pos)
        suffix = 0
        limit = min(len(old), len(new) - pos - len(_MARKER))
        while suffix < limit and old[-1 - suffix] == new[-1 - suffix]:
            suffix += 1
        end = len(old) - suffix  # the entry's text ends before this
        last = max(first, _line_number(old, max(end - 1, 0)))
        return first, last

    def _table_span(self, path: tuple) -> tuple[int, int] | None:
        """Lines of a `[table]` (with its sub-tables) or one `[[array]]` table,
        found by their headers."""
        headers = _headers(self._text)
        keys = tuple(p for p in path if isinstance(p, str))
        if len(keys) != len(path) and not (isinstance(path[-1], int) and len(keys) == len(path) - 1):
            return None
        if isinstance(path[-1], int):
            matches = [h for h in headers if h[1] == keys and h[2]]
            count = len(matches)
            if not count:
                return None
            start = matches[path[-1] % count][0]
        else:
            inside = [h for h in headers if h[1][: len(keys)] == keys]
            if not inside:
                return None
            start = inside[0][0]
        lines = _LINE_END.split(self._text)
        if lines and lines[-1] == "":
            lines.pop()
        one_of_array = isinstance(path[-1], int)
        end = len(lines)
        for line_no, key, _aot in headers:
            if line_no <= start:
                continue
            # Sub-tables belong to their table; the next [[array]] entry does not.
            belongs = key[: len(keys)] == keys and (len(key) > len(keys) or not one_of_array)
            if not belongs:
                end = line_no - 1
                break
        while end > start and not lines[end - 1].strip():
            end -= 1  # trailing blank lines separate tables; they are not part of one
        return start, end

    def key_location(self, path: Any) -> tuple[int, int] | None:
        path = _norm_path(path)
        span = self.key_span(path)
        if span is None:
            return None
        line = _lines(self._text)[span[0] - 1].rstrip("\r\n")
        name = str(path[-1])
        if isinstance(path[-1], int):
            return span[0], len(line) - len(line.lstrip()) + 1
        # The key may be bare, quoted, or the last part of a dotted key/header.
        for raw in (name, f'"{name}"', f"'{name}'"):
            m = re.search(r"(?<![\w-])" + re.escape(raw) + r"(?![\w-])", line)
            if m:
                return span[0], m.start() + 1
        return span[0], len(line) - len(line.lstrip()) + 1

    def written_text(self, path: Any) -> str | None:
        """A scalar as written: the token for non-strings (`1.10`,
        `1979-05-27T07:32:00-08:00`), the value for strings; None for tables,
        arrays and absent keys."""
        path = _norm_path(path)
        try:
            value = lookup_path(self._data, path)
        except KeyPathError:
            return None
        if isinstance(value, (dict, list)):
            return None
        if isinstance(value, str):
            return value
        item = self._item_at(path)
        return item.as_string().strip() if isinstance(item, Item) else None

    def sharing(self, path: Any) -> Sharing | None:
        """TOML has no anchors: no value is shared."""
        return None

    def _item_at(self, path: tuple) -> Any:
        node: Any = self._doc
        try:
            for part in path:
                node = node[part]
        except (KeyError, IndexError, TypeError, TOMLKitError):
            return None
        return node

    def _as_written(self, path: tuple, text: str) -> tuple[Any, str | None]:
        """(value, token to write) for text typed by the writer: a TOML scalar
        keeps its token; anything else, or text replacing a string, is a string."""
        if isinstance(self._item_at(path), String):
            return text, None
        token = text.strip()
        if not token or "\n" in token or "\r" in token:
            return text, None
        try:
            value = tomllib.loads(f"k = {token}\n")["k"]
        except (tomllib.TOMLDecodeError, KeyError):
            return text, None
        if isinstance(value, (str, list, dict)):
            return text, None
        return value, token

    # -- editing -----------------------------------------------------------

    def set(self, path: Any, value: Any, share: str | None = None) -> bool:
        """Set `path`; False if it already holds `value`. An AsWritten value is
        read as a TOML scalar (`k = <text>`) and written as typed (`1.10` stays
        `1.10`); text that is no scalar, or replaces a string, is a string.
        `share` is accepted for the common API: TOML values are never shared."""
        path = _norm_path(path)
        raw = None
        if isinstance(value, AsWritten):
            value, raw = self._as_written(path, str(value))
        value = _check_value(value)
        try:
            old = lookup_path(self._data, path)
        except KeyPathError:
            old = _MISSING
            self._check_parent(path)
        if old is not _MISSING and same_value(old, value) and (
                raw is None or self.written_text(path) == raw):
            return False
        # The old value's style first, then tomlkit's plain form, then maps
        # written inline (a map under dotted keys cannot become a [table]).
        for styled, inline in ((True, False), (False, False), (False, True)):
            try:
                text = self._tidy(self._edited(path, value, styled=styled, inline=inline, raw=raw))
            except (TOMLKitError, ValueError, TypeError, KeyError, IndexError, AttributeError):
                continue  # tomlkit could not make this form; try the next
            parsed = self._verified(text, path, value)
            if parsed is not None:
                self._doc, self._data, self._text = *parsed, text
                return True
        raise ValueError(f"cannot write {value!r} at {'.'.join(map(str, path))} as TOML")

    def unset(self, path: Any, share: str | None = None) -> bool:
        path = _norm_path(path)
        try:
            lookup_path(self._data, path)
        except KeyPathError:
            return False
        try:
            text = self._tidy(self._edited(path, None, remove=True))
        except (TOMLKitError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            text = self._text
        parsed = self._verified(text, path, _MISSING) if text != self._text else None
        if parsed is None:
            raise ValueError(f"cannot remove {'.'.join(map(str, path))} from this TOML")
        self._doc, self._data, self._text = *parsed, text
        return True

    # -- internals ---------------------------------------------------------

    def _check_parent(self, path: tuple) -> None:
        """A new key needs a map to go into (missing maps are created)."""
        node = self._data
        for i, part in enumerate(path[:-1]):
            if isinstance(node, dict) and isinstance(part, str):
                if part not in node:
                    # Maps are created on the way; list items cannot be.
                    if not all(isinstance(p, str) for p in path[i:]):
                        raise KeyPathError(f"{'.'.join(map(str, path))}: no such list")
                    return
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and -len(node) <= part < len(node):
                node = node[part]
            else:
                raise KeyPathError(f"{'.'.join(map(str, path))}: {part!r} is not a table")
        if isinstance(path[-1], int) or not isinstance(node, dict):
            raise KeyPathError(f"{'.'.join(map(str, path))}: cannot add there")

    def _edited(self, path: tuple, value: Any, *, remove: bool = False, styled: bool = True,
                inline: bool = False, raw: str | None = None) -> str:
        """The text after the edit, as tomlkit writes it (not yet tidied)."""
        doc = tomlkit.parse(self._text)  # a fresh copy: a failed try leaves no trace
        grandparent: Any = None
        parent: Any = doc
        parent_key: Any = None
        last = path[-1]
        for i, part in enumerate(path[:-1]):
            if not remove and part not in _keys_of(parent):
                # The rest of the path does not exist yet: add it as one new
                # value here ({"extra": {"author": ...}} becomes an [extra] table).
                for key in reversed(path[i + 1 :]):
                    value = {key: value}
                last, raw = part, None
                break
            grandparent, parent_key = parent, part
            parent = parent[part]
        if isinstance(parent, InlineTable) and grandparent is not None:
            # tomlkit re-pads inline tables (`{   b = 2 }` after a removal,
            # `{ a = 1,b = 2}` after an addition): edit their text ourselves.
            before = parent.as_string()
            if remove:
                del parent[last]
                fixed = _inline_padding(before, parent.as_string())
            elif last in parent:
                parent[last] = self._new_item(parent[last], value, styled, inline=True, raw=raw)
                fixed = _inline_padding(before, parent.as_string())
            else:
                fixed = _inline_with(before, last, self._new_item(None, value, styled, inline=True,
                                                                  raw=raw))
            if fixed is not None:
                grandparent[parent_key] = fixed
                return doc.as_string()
            raise ValueError("cannot edit this inline table")
        if remove:
            del parent[last]
        else:
            old = parent[last] if last in _keys_of(parent) else None
            inline = inline or isinstance(parent, Array)
            parent[last] = self._new_item(old, value, styled, inline=inline, raw=raw)
        return doc.as_string()

    def _new_item(self, old: Any, value: Any, styled: bool, inline: bool = False,
                  raw: str | None = None) -> Item:
        """The new value as a tomlkit item, in the style of `old` where it can
        (or the token `raw` the writer typed)."""
        if raw is not None:
            return _parse_item(raw)
        if isinstance(value, dict) and (inline or isinstance(old, InlineTable)):
            pad = isinstance(old, Item) and bool(re.match(r"\{[ \t]", old.as_string()))
            return _parse_item(_inline_text(value, pad))
        if isinstance(value, list) and any(isinstance(v, dict) for v in value) and (
                inline or isinstance(old, Array)):
            return _parse_item(_inline_text(value, False))
        item = tomlkit.item(value)
        if not styled or old is None:
            return item
        if isinstance(value, str) and isinstance(old, String):
            return _styled_string(old, value) or item
        if isinstance(value, list) and isinstance(old, Array) and not isinstance(old, AoT):
            old_text = old.as_string()
            if "\n" in old_text or "\r" in old_text:
                return _multiline_array(old_text, value) or item
        return item

    def _tidy(self, new: str) -> str:
        """Give tomlkit's new lines the file's line endings, drop the blank
        line it adds before a table header, and keep the final newline as it was."""
        old = self._text
        a, b, ops = _changed_regions(old, new)
        out = b[:]
        drop: set[int] = set()
        for tag, i1, i2, j1, j2 in ops:
            # The ending to use: the replaced line's own, else its neighbour's.
            nl = ""
            for k in (i1, i1 - 1, i2):
                if 0 <= k < len(a) and _line_ending(a[k]):
                    nl = _line_ending(a[k])
                    break
            nl = nl or self._newline
            for j in range(j1, j2):
                line = out[j]
                end = _line_ending(line)
                if end == "\n" and nl != "\n":
                    out[j] = line[:-1] + nl
            if tag == "insert":
                block = range(j1, j2)
                if not any(b[j].lstrip().startswith("[") for j in block):
                    for j in list(block)[::-1]:
                        if b[j].strip():
                            break
                        drop.add(j)
                    for j in block:
                        if b[j].strip():
                            break
                        drop.add(j)
        text = "".join(line for j, line in enumerate(out) if j not in drop)
        old_final = _line_ending(a[-1]) if a else "\n"
        if text and not old_final and _line_ending(_lines(text)[-1]):
            text = text.rstrip("\r\n")
        return text

    def _verified(self, text: str, path: tuple, value: Any) -> tuple | None:
        """Parse the edited text: (document, values) if `path` now holds
        `value` (or is gone, for `_MISSING`) and nothing else changed."""
        try:
            parsed = _parse(text)
        except FrontMatterError:
            return None
        return parsed if self._only_change(parsed[1], path, value) else None

    def _only_change(self, data: dict, path: tuple, value: Any) -> bool:
        if value is _MISSING:
            # Removed, and nothing else: for a list item the rest shifts down.
            expected = _without(self._data, path)
            if same_value(data, expected):
                return True
            # Removing the last sub-table of a table only implied by its header
            # (`[f.g]` alone) removes the implied table too.
            for k in range(len(path) - 1, 0, -1):
                if lookup_path(expected, path[:k]) != {}:
                    break
                expected = _without(expected, path[:k])
                if same_value(data, expected):
                    return True
            return False
        try:
            if not same_value(lookup_path(data, path), value):
                return False
        except KeyPathError:
            return False
        # Everything else must be untouched; maps created on the way to a new
        # key (absent before) are part of the edit.
        cut = path
        for k in range(1, len(path)):
            try:
                lookup_path(self._data, path[:k])
            except KeyPathError:
                cut = path[:k]
                break
        return same_value(_without(data, cut), _without(self._data, cut))


_MARKER = "\u2063galley-key-span\u2063"
_HEADER = re.compile(r"^[ \t]*(\[\[?)[ \t]*(.*?)[ \t]*\]\]?[ \t]*(?:#.*)?$")
_KEY_PART = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)')


def _line_number(text: str, pos: int) -> int:
    return len(_LINE_END.findall(text, 0, pos)) + 1


def _headers(text: str) -> list[tuple[int, tuple, bool]]:
    """(line, key path, is [[array]]) of each table header line."""
    found = []
    for number, line in enumerate(_LINE_END.split(text), 1):
        m = _HEADER.match(line)
        if m:
            parts = tuple(next(g for g in k.groups() if g is not None) for k in _KEY_PART.finditer(m.group(2)))
            found.append((number, parts, m.group(1) == "[["))
    return found


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


_MISSING: Any = _Missing()


def _keys_of(node: Any) -> Any:
    """What `part in ...` should test: keys of a table, indexes of an array."""
    if isinstance(node, (list, Array)):
        return range(-len(node), len(node))
    return node
