"""Lossless editing of YAML front matter.

The fragment is composed (not constructed) with PyYAML's C parser, which gives
every node its exact character span (yaml_parse). Reading a value constructs
it with the safe constructor; changing a value rewrites only that value's text
(or only its entry's lines), copying every other character from the source.
Why not ruamel.yaml's round-trip dump: measured on the corpus it re-spaces
aligned values, flow maps and trailing spaces in about a quarter of the posts
(../shared/DESIGN.md), and it is ~30x slower to parse.

Values follow YAML 1.1 as PyYAML's safe loader reads it, which is also what
Jekyll (Psych) reads: `published: no` is false, `10:00` is 600.

The text written for a value depends only on the entry as it is in the
fragment and the new value: plain stays plain, a quote stays the same quote,
a block scalar keeps its indicator, chomping, indentation and line breaks
(yaml_blocks), whenever the new value can be written that way; otherwise the
smallest change that can. A value shared through an anchor is edited only
when the caller says how (`share=`, yaml_aliases). Every edit is kept only if
the whole fragment reads back as before except the edited key (and, for a
shared edit, the keys that share it).
"""

from __future__ import annotations

import bisect
import copy
import re
from dataclasses import dataclass
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from editor.core.post.errors import EditRefused, FrontMatterError, KeyPathError, SharedValueError
from editor.core.post.values import SHARED, AsWritten, Sharing, first_difference
from editor.core.post.yaml_aliases import Shared, SharingMap, check_share, find_sharing, merged_pair, own_pair
from editor.core.post.yaml_emit import (
    Style,
    as_written_value,
    child_style,
    detect_style,
    emit_entry,
    emit_flow,
    emit_key,
    emit_scalar,
    is_scalar,
    same_value,
)
from editor.core.post.yaml_readback import (
    REMOVED,
    dotted,
    lookup,
    lookup_or,
    loose_key,
    put,
    reads_as,
    unshared_copy,
)
from editor.core.post.yaml_parse import (  # noqa: F401  (re-exported: the limits and the parser)
    MAX_CHARS,
    MAX_DEPTH,
    MAX_EXPANDED_NODES,
    construct,
    parse_yaml,
    parse_yaml_sharing,
)

_NODE_PROPS = re.compile(r"(?:[&!][^\s]*\s+)+")  # anchor / tag before a value
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


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
        root, data, issues, aliases = parse_yaml_sharing(text)
        self.text = text
        self._root = root
        self._data = data
        self._aliases: SharingMap = aliases
        self.issues = issues
        self._line_starts: list[int] | None = None
        self._style: Style | None = None

    def _state(self) -> tuple:
        return (self.text, self._root, self._data, self._aliases, self.issues,
                self._line_starts, self._style)

    def _restore(self, state: tuple) -> None:
        (self.text, self._root, self._data, self._aliases, self.issues,
         self._line_starts, self._style) = state

    def data(self) -> dict:
        return copy.deepcopy(self._data)

    def get(self, path: tuple) -> Any:
        return copy.deepcopy(lookup(self._data, path))

    def written_text(self, path: tuple) -> str | None:
        """A scalar as the writer sees it written: a plain scalar's exact text
        (`10:00`, `012345`), a quoted or block scalar's string; None for a
        collection or an absent key. Through an alias: the anchored node's text."""
        loc = self._locate_or_none(tuple(path), through_merges=True)
        if loc is None or loc.missing or not isinstance(loc.value, ScalarNode):
            return None
        return loc.value.value

    def sharing(self, path: tuple) -> Sharing | None:
        """Who else reads the value at `path` (an anchor used by aliases, an
        alias, a key merged with `<<`); None when no one does."""
        shared = self._shared(tuple(path))
        return shared.sharing() if shared is not None else None

    def _shared(self, path: tuple) -> Shared | None:
        if not self._aliases:
            return None
        return find_sharing(self._root, self._aliases, path)

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
    def set(self, path: tuple, value: Any, share: str | None = None) -> bool:
        """Write `value` at `path` in the entry's own style; False if it already
        reads so. An AsWritten value is written as that text (see values.AsWritten)."""
        path = tuple(path)
        if not path:
            raise KeyPathError("an empty key")
        check_share(share)
        if isinstance(value, AsWritten):
            if self.written_text(path) == str(value):
                return False
        else:
            try:
                if same_value(self.get(path), value):
                    return False
            except KeyPathError:
                pass
        before = self._state()
        try:
            edit_path, allowed = self._prepare_shared(path, share, removing=False)
            expected = self._expected(edit_path, value)
            self._commit(self._text_with(edit_path, value), path, expected, before[2], allowed)
        except BaseException:
            self._restore(before)
            raise
        return True

    def unset(self, path: tuple, share: str | None = None) -> bool:
        path = tuple(path)
        check_share(share)
        before = self._state()
        try:
            edit_path, allowed = self._prepare_shared(path, share, removing=True)
            text = self._text_without(edit_path)
            if text is None:
                if lookup_or(self._data, path, REMOVED) is not REMOVED:
                    raise KeyPathError(f"`{dotted(path)}` is read from a place this editor "
                                       "cannot remove it from; edit it in Raw mode")
                self._restore(before)
                return False
            items = lookup_or(before[2], path[:-1], REMOVED) if isinstance(path[-1], int) else None
            if isinstance(items, list):  # the items after it move up: the list is what is checked
                items = unshared_copy(items)
                del items[path[-1]]
                self._commit(text, path[:-1], items, before[2], {path[:-1]} | (allowed - {path}))
            else:
                self._commit(text, path, REMOVED, before[2], allowed)
        except BaseException:
            self._restore(before)
            raise
        return True

    def _text_without(self, path: tuple) -> str | None:
        loc = self._locate_or_none(path)
        if loc is None or loc.missing or loc.value is None:
            return None
        parent, key = loc.parent, loc.key
        own_line = key is not None and self.text[self._line_start(key.start_mark.index):key.start_mark.index].strip() == ""
        if key is not None and not getattr(parent, "flow_style", False):
            self._colon(key)
        if isinstance(parent, MappingNode) and not parent.flow_style and own_line:
            start = self._line_start(key.start_mark.index)
            end = self._line_end(self._pair_end(key, loc.value), keep_newline=True)
            return self.text[:start] + self.text[end:]
        if isinstance(parent, SequenceNode) and not parent.flow_style and len(parent.value) > 1:
            dash = self.text.rfind("-", 0, loc.value.start_mark.index)
            start = self._line_start(dash)
            if dash >= 0 and not self.text[start:dash].strip():  # `- item` on lines of its own
                index = path[-1] % len(parent.value)
                end = self._line_end(self._item_end(parent, index), keep_newline=True)
                return self.text[:start] + self.text[end:]
        if len(path) == 1:
            raise KeyPathError(f"cannot remove `{path[0]}` from this front matter layout")
        # Inline layouts (`{a: 1, b: 2}`, `- a: 1`): rewrite the parent value only.
        parent_value = self.get(path[:-1])
        if isinstance(parent_value, dict):
            parent_value.pop(loose_key(parent_value, path[-1]) or path[-1], None)
        else:
            del parent_value[path[-1]]
        return self._text_with(path[:-1], parent_value)

    def _expected(self, path: tuple, value: Any) -> Any:
        """What `value` will read as once written at `path`."""
        if not isinstance(value, AsWritten):
            return value
        loc = self._locate_or_none(path)
        node = loc.value if loc is not None and not loc.missing else None
        quoted = isinstance(node, ScalarNode) and node.style in ('"', "'", "|", ">")
        flow = loc is not None and bool(getattr(loc.parent, "flow_style", False))
        return as_written_value(value, plain=not quoted, flow=flow)

    def _prepare_shared(self, path: tuple, share: str | None, removing: bool) -> tuple[tuple, set]:
        """For a path whose value others share: the path to edit and the paths
        allowed to read differently afterwards; raises when `share` is not given.
        `own` replaces the aliases involved by copies first (the text changes)."""
        allowed = {path}
        shared = self._shared(path)
        if shared is None or (removing and shared.at_alias):
            return path, allowed
        if share is None:
            others = ", ".join(f"`{dotted(o)}`" for o in shared.others)
            raise SharedValueError(
                f"`{dotted(path)}` shares its value with {others} (anchor &{shared.anchor}): "
                f"say whether to change the shared value or give `{dotted(path)}` its own",
                shared.sharing())
        if share == SHARED:
            if shared.not_here:
                raise EditRefused(f"`{dotted(path)}` holds or reads &{shared.anchor}, which "
                                  f"{', '.join(f'`{dotted(o)}`' for o in shared.others)} also use; "
                                  f"change it where it is written, or give `{dotted(path)}` its own")
            if removing and shared.via is None and not shared.merged and len(shared.definition) == len(path):
                raise EditRefused(f"`{dotted(path)}` is the value {', '.join(f'`{dotted(o)}`' for o in shared.others)} "
                                  f"use (anchor &{shared.anchor}); it cannot be removed for all of them")
            return shared.definition, allowed | {shared.definition, *shared.others}
        for _ in range(64):  # OWN: each round removes at least one alias
            if shared is None:
                break
            if shared.merged:
                if removing:
                    raise EditRefused(f"`{dotted(path)}` comes from a map merged with `<<: *{shared.anchor}`; "
                                      "it can only be removed there (for every key that merges it)")
                break  # a key of its own in the merging map overrides the merged one
            self._materialize([shared.via] if shared.via is not None else list(shared.readers))
            shared = self._shared(path)
        return path, allowed

    def _materialize(self, uses: list) -> None:
        """Replace aliases by a copy of the value they read (`*me` -> `Jane`)."""
        text = self.text
        style = self.style()
        for use in sorted(uses, key=lambda u: u.start, reverse=True):
            value = construct(use.target)
            text = text[:use.start] + emit_flow(value, style) + text[use.end:]
        before = self._data
        try:
            self._load(text)
        except FrontMatterError as exc:
            raise EditRefused(f"cannot give the key its own value: {exc.message}") from None
        if not same_value(self._data, before):
            raise EditRefused("cannot give the key its own value: the copy does not read as the shared one")

    def _commit(self, text: str, path: tuple, expected: Any, before: dict, allowed: set) -> None:
        """Adopt `text` only if it parses, `path` reads as intended, and every
        other key reads as it did (the caller restores the state otherwise)."""
        try:
            self._load(text)
        except FrontMatterError as exc:
            raise EditRefused(f"cannot change `{dotted(path)}` safely: {exc.message}") from None
        if expected is REMOVED:
            ok = lookup_or(self._data, path, REMOVED) is REMOVED
        else:
            ok = same_value(lookup_or(self._data, path, REMOVED), expected)
        if not ok:
            raise EditRefused(f"cannot change `{dotted(path)}` safely: "
                              "the value did not read back as written")
        wanted = unshared_copy(before)
        for other in allowed:
            put(wanted, other, lookup_or(self._data, other, REMOVED))
        if not same_value(wanted, self._data):
            changed = first_difference(wanted, self._data) or path
            raise EditRefused(f"cannot change `{dotted(path)}` safely: "
                              f"`{dotted(changed)}` would read differently")

    def _text_with(self, path: tuple, value: Any) -> str:
        try:
            loc = self._locate(path)
        except _NeedsWholeValue as empty:
            for elem in reversed(empty.rest):
                value = {elem: value}
            loc = self._locate(empty.present)
            path = empty.present
        if loc.missing:
            return self._insert(loc, value)
        return self._replace(loc, value, path)

    def _replace(self, loc: _Located, value: Any, path: tuple) -> str:
        node, key, parent = loc.value, loc.key, loc.parent
        assert node is not None
        text, style = self.text, self.style()
        in_flow = bool(getattr(parent, "flow_style", False))
        start = self._value_start(node)
        if isinstance(node, ScalarNode) and not _is_empty(node) and node.style not in ("|", ">") \
                and is_scalar(value):
            old_quote = node.style if node.style in ('"', "'") else None
            new = emit_scalar(value, style, text[start:node.end_mark.index], old_quote, flow=in_flow)
            return self._in_place(node, start, new, path, value)
        if isinstance(node, ScalarNode) and node.style in ("|", ">") and isinstance(value, str):
            block = self._block_text(loc, str(value), path)
            if block is not None:
                return block
        if in_flow or getattr(node, "flow_style", False):  # stays on its line, in flow style
            spaced = ", " in text[start:node.end_mark.index] or "," not in text[start:node.end_mark.index]
            new = emit_scalar(value, style, flow=True) if is_scalar(value) else emit_flow(value, style, spaced)
            return self._in_place(node, start, new, path, value)
        if key is None:  # a list item that is itself a collection
            raise KeyPathError(f"`{dotted(path)}` is a block inside a list item, which this editor "
                               f"does not rewrite on its own; set the whole `{dotted(path[:-1])}` list")
        return self._reemit_entry(key, node, value, path)

    def _in_place(self, node: Node, start: int, new: str, path: tuple, value: Any) -> str:
        """The fragment with `new` in place of the node's value text; a tag the
        new value does not fit (`!!bool` for a text) goes, an anchor stays."""
        text = self.text
        props = text[node.start_mark.index:start]
        kept = text[:start] + new + text[node.end_mark.index:]
        if "!" not in props or reads_as(kept, path, self._expected(path, value)):
            return kept
        anchor = " ".join(p for p in props.split() if p.startswith("&"))
        return (text[:node.start_mark.index] + (anchor + " " if anchor else "") + new
                + text[node.end_mark.index:])

    def _block_text(self, loc: _Located, value: str, path: tuple) -> str | None:
        """The fragment with a block scalar holding `value` in its own style
        (yaml_blocks), or None when no variant of that style reads back as `value`."""
        node = loc.value
        text, nl = self.text, self._newline
        start = self._value_start(node)
        header_end = self._line_end(start, keep_newline=False)
        # Loaded here: only an edit of a `|` / `>` value needs it (not opening a post).
        from editor.core.post.yaml_blocks import chomp_for, content_lines, parse_header

        header = parse_header(text[start:header_end])
        if header is None:
            return None
        last = self._node_end(node)
        body_start = self._line_end(start, keep_newline=True)
        body_end = self._line_end(last, keep_newline=False) if last > header_end else header_end
        old_raw = _LINE_BREAK.split(text[body_start:body_end]) if body_end > header_end else []
        parent_indent = loc.key.start_mark.column if loc.key is not None else loc.parent.start_mark.column
        filled = [line for line in old_raw if line.strip()]
        if header.digit:
            indent = parent_indent + header.digit
        elif filled:
            indent = len(filled[0]) - len(filled[0].lstrip(" "))
        else:
            indent = parent_indent + self.style().map_indent
        old_lines = [line[indent:] if line.strip() else "" for line in old_raw]
        blank_end = self._blank_run_end(body_end)
        for chomp in chomp_for(value, header.chomp):
            end = blank_end if "+" in (chomp, header.chomp) else body_end
            for reuse in (True, False):
                lines = content_lines(header.kind, value, chomp, old_lines, reuse)
                digit = header.digit
                if not digit and lines and lines[0][:1] in (" ", "\t") and 0 < indent - parent_indent < 10:
                    digit = indent - parent_indent  # a leading space needs an explicit indentation
                body = "".join(nl + (" " * indent + line if line else "") for line in lines)
                candidate = text[:start] + header.text(chomp, digit) + body + text[end:]
                if reads_as(candidate, path, value):
                    return candidate
        return None

    def _blank_run_end(self, index: int) -> int:
        """The end of the blank lines that follow the line ending at `index`."""
        text = self.text
        end = index
        while True:
            nxt = self._line_end(end, keep_newline=True)
            if nxt >= len(text) or nxt == end:
                return end
            line_end = self._line_end(nxt, keep_newline=False)
            if text[nxt:line_end].strip(" \t"):
                return end
            if line_end >= len(text):
                return end
            end = line_end

    def _reemit_entry(self, key: ScalarNode, node: Node, value: Any, path: tuple) -> str:
        """Rewrite `key: value` from the key to the end of its last line (an
        anchor or tag on the old value stays on the new one)."""
        text, style = self.text, self.style()
        colon = self._colon(key)
        key_text = text[key.start_mark.index:colon].rstrip()
        start_index = self._value_start(node)
        props = text[node.start_mark.index:start_index].strip() if start_index > node.start_mark.index else ""
        same_line = not _is_empty(node) and "\n" not in text[colon:start_index] and "\r" not in text[colon:start_index]
        sep = text[colon + 1:node.start_mark.index] if same_line and getattr(node, "style", None) not in ("|", ">") else " "
        comment = ""
        line_end = self._line_end(colon + 1, keep_newline=False)
        rest_of_key_line = text[colon + 1:line_end]
        if not same_line and rest_of_key_line.strip().startswith("#"):
            comment = rest_of_key_line.rstrip()
        flow_list = bool(getattr(node, "flow_style", False)) if isinstance(node, SequenceNode) else None
        child = child_style(style, node, key.start_mark.column)
        lines = emit_entry(key_text, value, child, key.start_mark.column, sep or " ",
                           comment=comment, flow_list=flow_list)
        end = self._line_end(self._pair_end(key, node), keep_newline=False)
        plain = text[:key.start_mark.index] + self._newline.join(lines) + text[end:]
        anchor = " ".join(p for p in props.split() if p.startswith("&"))
        for kept in dict.fromkeys((props, anchor)):  # a tag stays only if the value still fits it
            if not kept:
                return plain
            first = lines[0][len(key_text) + 1:]
            head = f"{key_text}: {kept}" + (first if first.lstrip(" ").startswith("#") or not first.strip()
                                             else " " + first.lstrip(" "))
            candidate = text[:key.start_mark.index] + self._newline.join([head] + lines[1:]) + text[end:]
            if kept == anchor or reads_as(candidate, path, self._expected(path, value)):
                return candidate
        return plain

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
    def _locate_or_none(self, path: tuple, through_merges: bool = False) -> _Located | None:
        try:
            return self._locate(path, through_merges)
        except KeyPathError:
            return None

    def _locate(self, path: tuple, through_merges: bool = False) -> _Located:
        """The nodes at `path` as written. A key a mapping only merges (`<<`) is
        missing there unless `through_merges` (then it is the merged node)."""
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
                match = own_pair(node, elem)
                if match is None and through_merges:
                    merged = merged_pair(node, elem)
                    if merged is not None:
                        match, node = merged[:2], merged[2]
                if match is None:
                    return _Located(node, None, None, tuple(path[i:]))
                parent, (key, node) = node, match
            elif isinstance(node, SequenceNode) and isinstance(elem, int) and -len(node.value) <= elem < len(node.value):
                parent, key, node = node, None, node.value[elem]
            else:
                raise KeyPathError(f"`{dotted(path[:i])}` is not a map; "
                                   f"cannot reach `{dotted(path)}`")
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
        return self._item_end(node, len(node.value) - 1)

    def _item_end(self, seq: SequenceNode, index: int) -> int:
        use = self._aliases.at.get((id(seq), index)) if self._aliases else None
        if use is not None:
            return use.end
        item = seq.value[index]
        if _is_empty(item):
            return self.text.rfind("-", 0, item.start_mark.index) + 1
        return self._node_end(item)

    def _pair_end(self, key: Node, value: Node) -> int:
        use = self._aliases.by_key.get(id(key)) if self._aliases else None
        if use is not None:  # `editor: *me` ends at its alias, not where &me's node does
            return use.end
        if _is_empty(value):
            return self._colon(key) + 1
        return self._node_end(value)

    def _colon(self, key: Node) -> int:
        """The `:` after a key written `key: value` (not an explicit `? key`)."""
        before = self.text[self._line_start(key.start_mark.index):key.start_mark.index]
        colon = self.text.find(":", key.end_mark.index)
        if before.strip().startswith("?") or colon < 0 or self.text[key.end_mark.index:colon].strip():
            raise KeyPathError(f"`{key.value}` is written as an explicit `? key` entry, which "
                               "this editor does not rewrite; edit it in Raw mode")
        return colon

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
            self._style = detect_style(self._root, self._newline)
        return self._style



class _NeedsWholeValue(KeyPathError):
    def __init__(self, present: tuple, rest: tuple) -> None:
        super().__init__(f"`{'.'.join(map(str, present))}` has no value yet")
        self.present, self.rest = present, rest
