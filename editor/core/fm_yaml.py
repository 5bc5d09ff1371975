"""Lossless editing of YAML front matter.

The fragment is composed (not constructed) with PyYAML's C parser, which gives
every node its exact character span. Reading a value constructs it with the
safe constructor; changing a value rewrites only that value's text (or only its
entry's lines), copying every other character from the source. Why not
ruamel.yaml's round-trip dump: measured on the corpus it re-spaces aligned
values, flow maps and trailing spaces in about a quarter of the posts
(../shared/DESIGN.md), and it is ~30x slower to parse.

Values follow YAML 1.1 as PyYAML's safe loader reads it, which is also what
Jekyll (Psych) reads: `published: no` is false, `10:00` is 600.

Safety: nothing is constructed except plain data; a `!!python/...` tag is an
error (`unsafe-yaml-tag`); the fragment size, nesting depth and the size of
the value after alias expansion are bounded (an alias bomb is refused in
microseconds, before anything expands it).
"""

from __future__ import annotations

import bisect
import copy
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from editor.core.errors import FrontMatterError, KeyPathError
from editor.core.yaml_loader import GalleyLoader
from editor.core.yaml_emit import (
    Style,
    emit_entry,
    emit_flow,
    emit_key,
    emit_scalar,
    is_scalar,
    same_value,
)

MAX_CHARS = 1_000_000        # a front matter of a megabyte is not front matter
MAX_DEPTH = 64               # nesting levels
MAX_EXPANDED_NODES = 100_000  # nodes once every alias is expanded

_PYTHON_TAG = "tag:yaml.org,2002:python/"
_NODE_PROPS = re.compile(r"(?:[&!][^\s]*\s+)+")  # anchor / tag before a value
_Loader = GalleyLoader


def _error(message: str, mark: Any = None, rule: str = "yaml-syntax") -> FrontMatterError:
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    return FrontMatterError(message, line, column, rule=rule)


def _estimated_depth(text: str) -> int:
    """A cheap upper bound of the nesting depth, checked before the C parser
    recurses (deep flow brackets could otherwise exhaust its stack)."""
    depth = best = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            best = max(best, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
    indent_levels = max((len(line) - len(line.lstrip(" ")) for line in text.split("\n")), default=0)
    return max(best, indent_levels // 2)


def parse_yaml(text: str) -> tuple[MappingNode | None, dict, list[FrontMatterError]]:
    """Compose and check the fragment; return (root node, values, non-fatal problems)."""
    if len(text) > MAX_CHARS:
        raise _error(f"the front matter is {len(text):,} characters long; "
                     f"the limit is {MAX_CHARS:,}", rule="front-matter-limit")
    if _estimated_depth(text) > MAX_DEPTH * 4:
        raise _error(f"the front matter nests deeper than {MAX_DEPTH} levels",
                     rule="front-matter-limit")
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "invalid YAML"
        raise _error(f"YAML syntax: {what}", mark) from None
    except yaml.YAMLError as exc:
        raise _error(f"YAML syntax: {exc}") from None
    except RecursionError:
        raise _error(f"the front matter nests deeper than {MAX_DEPTH} levels",
                     rule="front-matter-limit") from None
    if root is None:
        return None, {}, []
    if not isinstance(root, MappingNode):
        raise _error("the front matter must be a list of `key: value` lines, "
                     f"not a {'list' if isinstance(root, SequenceNode) else 'single value'}",
                     root.start_mark)
    issues = _check(root)
    try:
        data = _Loader("").construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise _error(f"YAML: {exc.problem or exc.context}", mark) from None
    except (TypeError, ValueError, OverflowError) as exc:  # e.g. an unhashable key, a bad date
        raise _error(f"YAML: {exc}", root.start_mark) from None
    return root, data, issues


def _check(root: Node) -> list[FrontMatterError]:
    """Refuse unsafe tags and oversized values; report duplicate keys (non-fatal)."""
    sizes: dict[int, int] = {}
    issues: list[FrontMatterError] = []

    def walk(node: Node, depth: int) -> int:
        known = sizes.get(id(node))
        if known is not None:  # an alias: its expansion costs its size again
            return known
        if depth > MAX_DEPTH:
            raise _error(f"the front matter nests deeper than {MAX_DEPTH} levels",
                         node.start_mark, rule="front-matter-limit")
        if node.tag.startswith(_PYTHON_TAG):
            raise _error(f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')} could run "
                         "code and is not allowed in front matter", node.start_mark,
                         rule="unsafe-yaml-tag")
        sizes[id(node)] = 1  # guards against recursive aliases while we descend
        total = 1
        if isinstance(node, SequenceNode):
            for child in node.value:
                total += walk(child, depth + 1)
        elif isinstance(node, MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                if isinstance(key, ScalarNode):
                    if key.value in seen and key.value != "<<":
                        issues.append(_error(f"the key `{key.value}` appears twice; "
                                             "the later value wins", key.start_mark,
                                             rule="duplicate-key"))
                    seen.add(key.value)
                total += walk(key, depth + 1) + walk(value, depth + 1)
        if total > MAX_EXPANDED_NODES:
            raise _error("the front matter expands to more than "
                         f"{MAX_EXPANDED_NODES:,} values (aliases repeated too often)",
                         node.start_mark, rule="front-matter-limit")
        sizes[id(node)] = total
        return total

    walk(root, 0)
    return issues


@dataclass
class _Located:
    parent: Node | None       # the mapping or sequence holding the value
    key: ScalarNode | None    # its key node (mappings)
    value: Node | None        # the value node; None when the path ends at a missing key
    missing: tuple            # path elements below `parent` that do not exist yet


def _is_empty(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.value == "" and not node.style \
        and node.start_mark.index == node.end_mark.index


class YamlFrontMatter:
    """A YAML front-matter fragment that can be edited without disturbing the rest."""

    kind = "yaml"

    def __init__(self, text: str, newline: str = "\n") -> None:
        self._newline = newline
        self._load(text)

    # ------------------------------------------------------------ reading
    def _load(self, text: str) -> None:
        root, data, issues = parse_yaml(text)
        self.text = text
        self._root = root
        self._data = data
        self.issues = issues
        self._line_starts: list[int] | None = None
        self._style: Style | None = None

    def data(self) -> dict:
        return copy.deepcopy(self._data)

    def get(self, path: tuple) -> Any:
        node: Any = self._data
        for elem in path:
            if isinstance(node, dict) and elem in node:
                node = node[elem]
            elif isinstance(node, dict) and isinstance(elem, str) and _loose_key(node, elem) is not None:
                node = node[_loose_key(node, elem)]
            elif isinstance(node, list) and isinstance(elem, int) and -len(node) <= elem < len(node):
                node = node[elem]
            else:
                raise KeyPathError(f"no such key: {'.'.join(map(str, path))}")
        return copy.deepcopy(node)

    def key_location(self, path: tuple) -> tuple[int, int] | None:
        loc = self._locate_or_none(path)
        if loc is None or loc.missing or loc.key is None:
            return None
        return loc.key.start_mark.line + 1, loc.key.start_mark.column + 1

    def key_span(self, path: tuple) -> tuple[int, int] | None:
        loc = self._locate_or_none(path)
        if loc is None or loc.missing or loc.key is None or loc.value is None:
            return None
        end = self._pair_end(loc.key, loc.value)
        return loc.key.start_mark.line + 1, self._line_of(max(end - 1, loc.key.start_mark.index)) + 1

    # ------------------------------------------------------------ writing
    def set(self, path: tuple, value: Any) -> bool:
        if not path:
            raise KeyPathError("an empty key")
        try:
            if same_value(self.get(path), value):
                return False
        except KeyPathError:
            pass
        self._commit(self._text_with(path, value), path, value)
        return True

    def unset(self, path: tuple) -> bool:
        loc = self._locate_or_none(path)
        if loc is None or loc.missing or loc.value is None:
            return False
        parent, key = loc.parent, loc.key
        own_line = key is not None and self.text[self._line_start(key.start_mark.index):key.start_mark.index].strip() == ""
        if isinstance(parent, MappingNode) and not parent.flow_style and own_line:
            start = self._line_start(key.start_mark.index)
            end = self._line_end(self._pair_end(key, loc.value), keep_newline=True)
            self._commit(self.text[:start] + self.text[end:], path, _REMOVED)
            return True
        if len(path) == 1:
            raise KeyPathError(f"cannot remove `{path[0]}` from this front matter layout")
        # Inline layouts (`{a: 1, b: 2}`, `- a: 1`): rewrite the parent value only.
        parent_value = self.get(path[:-1])
        if isinstance(parent_value, dict):
            parent_value.pop(_loose_key(parent_value, path[-1]) or path[-1], None)
        else:
            del parent_value[path[-1]]
        self._commit(self._text_with(path[:-1], parent_value), path, _REMOVED)
        return True

    def _commit(self, text: str, path: tuple, expected: Any) -> None:
        """Adopt `text` only if it parses and reads back as intended."""
        before = self.text, self._root, self._data, self.issues, self._line_starts, self._style
        try:
            self._load(text)
            if expected is _REMOVED:
                ok = self._locate_or_none(path) is None or bool(self._locate_or_none(path).missing)
            else:
                ok = same_value(self.get(path), expected)
        except (FrontMatterError, KeyPathError) as exc:
            ok, reason = False, str(exc)
        else:
            reason = "the value did not read back as written"
        if not ok:
            (self.text, self._root, self._data, self.issues, self._line_starts, self._style) = before
            raise ValueError(f"cannot change `{'.'.join(map(str, path))}` safely: {reason}")

    def _text_with(self, path: tuple, value: Any) -> str:
        try:
            loc = self._locate(path)
        except _NeedsWholeValue as empty:
            for elem in reversed(empty.rest):
                value = {elem: value}
            loc = self._locate(empty.present)
        if loc.missing:
            return self._insert(loc, value)
        return self._replace(loc, value)

    def _replace(self, loc: _Located, value: Any) -> str:
        node, key, parent = loc.value, loc.key, loc.parent
        assert node is not None
        text, style = self.text, self.style()
        in_flow = bool(getattr(parent, "flow_style", False))
        start = self._value_start(node)
        if isinstance(node, ScalarNode) and not _is_empty(node) and node.style not in ("|", ">") \
                and is_scalar(value):
            old_quote = node.style if node.style in ('"', "'") else None
            new = emit_scalar(value, style, text[start:node.end_mark.index], old_quote, flow=in_flow)
            return text[:start] + new + text[node.end_mark.index:]
        if in_flow or getattr(node, "flow_style", False):  # stays on its line, in flow style
            spaced = ", " in text[start:node.end_mark.index] or "," not in text[start:node.end_mark.index]
            new = emit_scalar(value, style, flow=True) if is_scalar(value) else emit_flow(value, style, spaced)
            return text[:start] + new + text[node.end_mark.index:]
        if key is None:  # a list item that is itself a collection
            raise KeyPathError("only whole lists can be replaced")
        return self._reemit_entry(key, node, value)

    def _reemit_entry(self, key: ScalarNode, node: Node, value: Any) -> str:
        """Rewrite `key: value` from the key to the end of its last line."""
        text, style = self.text, self.style()
        colon = text.index(":", key.end_mark.index)
        key_text = text[key.start_mark.index:colon].rstrip()
        start_index = self._value_start(node)
        same_line = not _is_empty(node) and "\n" not in text[colon:start_index] and "\r" not in text[colon:start_index]
        sep = text[colon + 1:start_index] if same_line and getattr(node, "style", None) not in ("|", ">") else " "
        comment = ""
        line_end = self._line_end(colon + 1, keep_newline=False)
        rest_of_key_line = text[colon + 1:line_end]
        if not same_line and rest_of_key_line.strip().startswith("#"):
            comment = rest_of_key_line.rstrip()
        if getattr(node, "style", None) in ("|", ">") and isinstance(value, str):
            lines = _block_scalar_lines(key_text, value, node.style, key.start_mark.column + style.map_indent)
            if lines is None:
                lines = emit_entry(key_text, value, style, key.start_mark.column, " ")
        else:
            flow_list = bool(getattr(node, "flow_style", False)) if isinstance(node, SequenceNode) else None
            child = _child_style(style, node, key.start_mark.column)
            lines = emit_entry(key_text, value, child, key.start_mark.column, sep or " ",
                               comment=comment, flow_list=flow_list)
        end = self._line_end(self._pair_end(key, node), keep_newline=False)
        return text[:key.start_mark.index] + self._newline.join(lines) + text[end:]

    def _insert(self, loc: _Located, value: Any) -> str:
        text, style = self.text, self.style()
        for elem in reversed(loc.missing[1:]):
            value = {elem: value}
        name = loc.missing[0]
        parent = loc.parent
        if isinstance(parent, MappingNode) and parent.flow_style:
            close = parent.end_mark.index - 1  # the `}`
            inner = text[parent.start_mark.index + 1:close]
            pad = " " if inner.endswith(" ") else ""
            body = inner.rstrip()
            item = f"{emit_key(name, style, flow=True)}: {emit_flow(value, style)}"
            joined = f"{body}, {item}" if body.strip() else f"{pad}{item}"
            return text[:parent.start_mark.index + 1] + joined + pad + text[close:]
        if isinstance(parent, SequenceNode):
            raise KeyPathError("cannot add an item to a list by index; set the whole list")
        if parent is None or not parent.value:  # empty front matter
            lines = emit_entry(emit_key(name, style), value, style, 0)
            added = self._newline.join(lines) + self._newline
            if not text:
                return added
            return text + ("" if text.endswith(("\n", "\r")) else self._newline) + added
        first_key = parent.value[0][0]
        column = first_key.start_mark.column
        last_key, last_value = parent.value[-1]
        at = self._line_end(self._pair_end(last_key, last_value), keep_newline=False)
        lines = emit_entry(emit_key(name, style), value, style, column)
        return text[:at] + self._newline + " " * column + self._newline.join(lines) + text[at:]

    # ------------------------------------------------------------ locating
    def _locate_or_none(self, path: tuple) -> _Located | None:
        try:
            return self._locate(path)
        except KeyPathError:
            return None

    def _locate(self, path: tuple) -> _Located:
        node: Node | None = self._root
        parent: Node | None = None
        key: ScalarNode | None = None
        for i, elem in enumerate(path):
            if node is None:  # an empty front matter: everything is missing
                return _Located(None, None, None, tuple(path[i:]))
            if i and isinstance(node, ScalarNode) and node.tag.endswith(":null"):
                # `header:` with no value yet; setting `header.x` replaces it.
                raise _NeedsWholeValue(tuple(path[:i]), tuple(path[i:]))
            if isinstance(node, MappingNode):
                match = None
                for k, v in node.value:  # the last of duplicates wins, as in Jekyll
                    if isinstance(k, ScalarNode) and _key_matches(k, elem):
                        match = (k, v)
                if match is None:
                    return _Located(node, None, None, tuple(path[i:]))
                parent, (key, node) = node, match
            elif isinstance(node, SequenceNode) and isinstance(elem, int) and -len(node.value) <= elem < len(node.value):
                parent, key, node = node, None, node.value[elem]
            else:
                raise KeyPathError(f"`{'.'.join(map(str, path[:i]))}` is not a map; "
                                   f"cannot reach `{'.'.join(map(str, path))}`")
        return _Located(parent, key, node, ())

    # ------------------------------------------------------------ text geometry
    def _value_start(self, node: Node) -> int:
        """Where a value's own text starts, after any anchor (`&a`) or tag (`!!str`)."""
        start = node.start_mark.index
        m = _NODE_PROPS.match(self.text, start)
        if m and m.end() <= node.end_mark.index and not (isinstance(node, ScalarNode) and node.style in ('"', "'") and self.text[start] in "'\""):
            return m.end()
        return start

    def _node_end(self, node: Node) -> int:
        if isinstance(node, ScalarNode):
            end = node.end_mark.index
            if node.style in ("|", ">"):
                while end > node.start_mark.index and self.text[end - 1] in " \t\r\n":
                    end -= 1
            return end
        if getattr(node, "flow_style", False) or not node.value:
            return node.end_mark.index
        if isinstance(node, MappingNode):
            return self._pair_end(*node.value[-1])
        last = node.value[-1]
        if _is_empty(last):  # a lone `-`: the item ends at its dash
            return self.text.rfind("-", 0, last.start_mark.index) + 1
        return self._node_end(last)

    def _pair_end(self, key: Node, value: Node) -> int:
        if _is_empty(value):
            return self.text.index(":", key.end_mark.index) + 1
        return self._node_end(value)

    def _line_start(self, index: int) -> int:
        return max(self.text.rfind("\n", 0, index), self.text.rfind("\r", 0, index)) + 1

    def _line_end(self, index: int, keep_newline: bool) -> int:
        """End of the line holding `index - 1`'s content (after its newline if asked)."""
        text = self.text
        n = len(text)
        i = index
        while i < n and text[i] not in "\r\n":
            i += 1
        if keep_newline and i < n:
            i += 2 if text.startswith("\r\n", i) else 1
        return i

    def _line_of(self, index: int) -> int:
        if self._line_starts is None:
            starts = [0]
            for m in re.finditer(r"\r\n|\r|\n", self.text):
                starts.append(m.end())
            self._line_starts = starts
        return bisect.bisect_right(self._line_starts, index) - 1

    # ------------------------------------------------------------ style
    def style(self) -> Style:
        if self._style is None:
            self._style = _detect_style(self._root, self._newline)
        return self._style


class _NeedsWholeValue(KeyPathError):
    def __init__(self, present: tuple, rest: tuple) -> None:
        super().__init__(f"`{'.'.join(map(str, present))}` has no value yet")
        self.present, self.rest = present, rest


_REMOVED = object()


def _loose_key(mapping: dict, elem: str) -> Any:
    """A non-string key written like `elem` (`2019: x` is found by "2019")."""
    for k in mapping:
        if not isinstance(k, str) and str(k) == elem:
            return k
    return None


def _key_matches(key: ScalarNode, elem: object) -> bool:
    return key.value == (elem if isinstance(elem, str) else str(elem))


def _child_style(style: Style, node: Node, column: int) -> Style:
    """Keep the indentation the old value used when rewriting it."""
    if isinstance(node, SequenceNode) and not node.flow_style and node.value:
        offset = node.start_mark.column - column
        if offset in (0, 2, 4) and offset != style.seq_offset:
            return Style(style.quote, style.map_indent, offset, style.flow_lists, style.newline)
    if isinstance(node, MappingNode) and not node.flow_style and node.value:
        indent = node.value[0][0].start_mark.column - column
        if indent > 0 and indent != style.map_indent:
            return Style(style.quote, indent, style.seq_offset, style.flow_lists, style.newline)
    return style


def _block_scalar_lines(key_text: str, value: str, kind: str, column: int) -> list[str] | None:
    """`key: |` / `key: >` lines for a string, or None when the style can't hold it."""
    if not value or value[0] in " \t" or "\r" in value or "\t" in value:
        return None
    body = value.rstrip("\n")
    trailing = len(value) - len(body)
    chomp = "-" if trailing == 0 else ("" if trailing == 1 else "+")
    lines = body.split("\n")
    if kind == ">":
        if any(line.startswith(" ") or line != line.rstrip() for line in lines):
            return None
        # In a folded scalar a single line break reads as a space; a blank line as "\n".
        folded: list[str] = []
        for i, line in enumerate(lines):
            if i:
                folded.append("")
            folded.append(line)
        lines = folded
    pad = " " * column
    out = [f"{key_text}: {kind}{chomp}"] + [pad + line if line else "" for line in lines]
    out += [""] * (trailing - 1 if chomp == "+" else 0)
    try:
        loaded = yaml.load("\n".join(out) + "\n" if chomp != "+" else "\n".join(out) + "\n",
                           Loader=_Loader)
    except yaml.YAMLError:
        return None
    if not isinstance(loaded, dict) or len(loaded) != 1 or list(loaded.values())[0] != value:
        return None
    return out


def _detect_style(root: Node | None, newline: str) -> Style:
    double = single = flow_seq = block_seq = 0
    map_indent = seq_offset = None

    def walk(node: Node, column: int | None) -> None:
        nonlocal double, single, flow_seq, block_seq, map_indent, seq_offset
        if isinstance(node, ScalarNode):
            double += node.style == '"'
            single += node.style == "'"
        elif isinstance(node, SequenceNode):
            if node.flow_style:
                flow_seq += 1
            else:
                block_seq += 1
                if seq_offset is None and column is not None and node.value:
                    seq_offset = node.start_mark.column - column
            for child in node.value:
                walk(child, None)
        elif isinstance(node, MappingNode):
            if column is not None and map_indent is None and not node.flow_style and node.value:
                indent = node.value[0][0].start_mark.column - column
                if indent > 0:
                    map_indent = indent
            for k, v in node.value:
                walk(v, k.start_mark.column)

    if root is not None:
        walk(root, None)
    return Style(
        quote="'" if single > double else '"',
        map_indent=map_indent if map_indent in (2, 3, 4, 8) else 2,
        seq_offset=seq_offset if seq_offset in (0, 2, 4) else 2,
        flow_lists=flow_seq > block_seq,
        newline=newline,
    )
