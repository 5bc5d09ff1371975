"""Where a YAML fragment shares values: anchors, aliases and merge keys.

PyYAML's composer (the C one too) turns `*me` into the very node `&me`
defined, so a composed tree cannot tell `editor: *me` from `editor: Jane`: an
edit through `editor` would rewrite `author`'s text. `compose_with_aliases`
drives the same C parser with PyYAML's Python composer and records each alias
as it goes: its text span, the node it refers to, and the parent and key (or
index) it sits under. `SharingMap` then answers, for a key path, which anchor
the value is shared through and which other key paths read the same value.

The recording composer is slower than the C one (~150 against ~95 us on a
typical front matter), so it runs only when the fragment has both a `&` and a
`*` (no alias can exist otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from editor.core.post.values import OWN, SHARED, Sharing, same_value
from editor.core.post.yaml_loader import GalleyLoader

MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass(eq=False)
class AliasUse:
    """One `*name` in the text."""

    anchor: str
    target: Node
    parent: Node | None
    index: Any            # the key node (mapping value), an int (sequence item), None (a key)
    start: int            # character span of `*name` in the fragment
    end: int
    path: tuple = ()      # source key path of the alias's position
    merge_into: tuple | None = None  # path of the mapping that merges it (`<<: *base`), if any
    merging: Node | None = None      # that mapping


class _RecordingLoader(Composer, GalleyLoader):  # type: ignore[misc, valid-type]
    """GalleyLoader whose composer records aliases and anchors (see the module docstring)."""

    def __init__(self, stream: str) -> None:
        GalleyLoader.__init__(self, stream)
        Composer.__init__(self)
        self.alias_uses: list[AliasUse] = []
        self.anchor_of: dict[int, str] = {}

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # noqa: D102
        if self.check_event(AliasEvent):
            event = self.peek_event()
            node = Composer.compose_node(self, parent, index)
            self.alias_uses.append(AliasUse(event.anchor, node, parent, index,
                                            event.start_mark.index, event.end_mark.index))
            return node
        anchor = self.peek_event().anchor
        node = Composer.compose_node(self, parent, index)
        if anchor is not None:
            self.anchor_of[id(node)] = anchor
        return node


@dataclass
class SharingMap:
    """Aliases and anchored definitions of one composed fragment, by source position."""

    uses: list[AliasUse] = field(default_factory=list)
    #: (id(parent), id(key node) or item index) -> the alias at that position
    at: dict[tuple, AliasUse] = field(default_factory=dict)
    #: id(key node) -> the alias that is its value
    by_key: dict[int, AliasUse] = field(default_factory=dict)
    #: id(anchored node) -> (anchor, source path of its definition)
    definitions: dict[int, tuple[str, tuple]] = field(default_factory=dict)
    #: id(anchored node) -> the aliases that refer to it
    readers: dict[int, list[AliasUse]] = field(default_factory=dict)
    #: id(anchored key node) -> (anchor, path of the entry the key names)
    key_definitions: dict[int, tuple[str, tuple]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.uses)


def compose_with_aliases(text: str, loader: type = GalleyLoader) -> tuple[Node | None, SharingMap]:
    """Compose `text`; the SharingMap is empty when it has no alias (the fast C path).
    An alias needs an anchor defined before it: without both `&` and `*` there is none
    (Markdown's `**bold**` alone does not cost the slower composer)."""
    if "*" not in text or "&" not in text:
        return yaml.compose(text, Loader=loader), SharingMap()
    recorder = _RecordingLoader(text)
    try:
        root = recorder.get_single_node()
    finally:
        recorder.dispose()
    return root, _sharing_map(root, recorder.alias_uses, recorder.anchor_of)


def _sharing_map(root: Node | None, uses: list[AliasUse], anchor_of: dict[int, str]) -> SharingMap:
    smap = SharingMap(uses=uses)
    as_keys: dict[int, list[AliasUse]] = {}  # aliases used as keys (`*b : value`), by mapping
    for use in uses:
        smap.readers.setdefault(id(use.target), []).append(use)
        if use.index is None:
            as_keys.setdefault(id(use.parent), []).append(use)
            continue
        position = use.index if isinstance(use.index, int) else id(use.index)
        smap.at[(id(use.parent), position)] = use
        if isinstance(use.index, Node):
            smap.by_key[id(use.index)] = use
    if root is None:
        return smap

    # Walk the tree as written: an alias position is a leaf, so every node is
    # visited once, at its definition.
    def walk(node: Node, path: tuple, merging: MappingNode | None, merge_path: tuple | None) -> None:
        if id(node) in anchor_of and id(node) not in smap.definitions:
            smap.definitions[id(node)] = (anchor_of[id(node)], path)
        if isinstance(node, MappingNode):
            for use in as_keys.get(id(node), ()):  # the entry the aliased key names
                use.path = path + (use.target.value if isinstance(use.target, ScalarNode) else None,)
            for key, value in node.value:
                name = key.value if isinstance(key, ScalarNode) else None
                if id(key) in anchor_of and id(key) not in smap.key_definitions:
                    smap.key_definitions[id(key)] = (anchor_of[id(key)], path + (name,))
                is_merge = key.tag == MERGE_TAG
                use = smap.at.get((id(node), id(key)))
                if use is not None:
                    use.path = path + (name,)
                    if is_merge:
                        use.merge_into, use.merging = path, node
                else:
                    walk(value, path + (name,), node if is_merge else None, path if is_merge else None)
        elif isinstance(node, SequenceNode):
            for i, item in enumerate(node.value):
                use = smap.at.get((id(node), i))
                if use is not None:
                    use.path, use.merge_into, use.merging = path + (i,), merge_path, merging
                else:
                    walk(item, path + (i,), None, None)

    walk(root, (), None, None)
    return smap


def _key_matches(key: Node, elem: object) -> bool:
    if not isinstance(key, ScalarNode) or key.tag == MERGE_TAG:
        return False
    if isinstance(elem, str) or key.value == str(elem):
        return key.value == (elem if isinstance(elem, str) else str(elem))
    try:  # a key that is not text: `~:`, `0x10:` are found by the value they read as
        return same_value(GalleyLoader("").construct_document(key), elem)
    except (yaml.YAMLError, TypeError, ValueError, OverflowError, LookupError):
        return False


def merged_sources(mapping: MappingNode) -> list[Node]:
    """The mappings `mapping` merges (`<<: *a`, `<<: [*a, *b]`), first-wins order."""
    found: list[Node] = []
    for key, value in mapping.value:
        if key.tag != MERGE_TAG:
            continue
        if isinstance(value, MappingNode):
            found.append(value)
        elif isinstance(value, SequenceNode):
            found.extend(v for v in value.value if isinstance(v, MappingNode))
    return found


def own_pair(mapping: MappingNode, elem: object) -> tuple[Node, Node] | None:
    match = None
    for key, value in mapping.value:  # the last of duplicates wins, as in Jekyll
        if _key_matches(key, elem):
            match = (key, value)
    return match


def merged_pair(mapping: MappingNode, elem: object) -> tuple[Node, Node, MappingNode] | None:
    """The pair `elem` reads from a merged mapping, with that mapping (own keys first)."""
    for source in merged_sources(mapping):
        pair = own_pair(source, elem)
        if pair is not None:
            return pair[0], pair[1], source
        if isinstance(source, MappingNode):
            deeper = merged_pair(source, elem)
            if deeper is not None:
                return deeper
    return None


@dataclass
class Shared:
    """How a path's value is shared (the answer behind `sharing`)."""

    anchor: str
    others: tuple[tuple, ...]
    definition: tuple          # where the shared value is written, plus the rest of the path
    #: the alias on the path (None when the path reaches the definition itself)
    via: AliasUse | None
    #: the aliases that read the anchored node (for "own": replaced by copies)
    readers: tuple[AliasUse, ...]
    #: the path ends exactly at the alias (removing it affects no one else)
    at_alias: bool = False
    #: the path reads a key from a mapping merged by `<<` (not written there)
    merged: bool = False
    #: the shared value is a key's name, or a value inside the edited one:
    #: it cannot be changed "for all" through this path
    not_here: bool = False

    def sharing(self) -> Sharing:
        return Sharing(self.anchor, self.others)


def find_sharing(root: Node | None, smap: SharingMap, path: tuple) -> Shared | None:
    """The first (outermost) sharing on `path`, or None."""
    if not smap or root is None:
        return None
    node: Node = root
    for i, elem in enumerate(path):
        if i and id(node) in smap.readers:
            return _definition_sharing(node, smap, tuple(path[:i]), tuple(path[i:]))
        rest = tuple(path[i + 1:])
        if isinstance(node, MappingNode):
            pair = own_pair(node, elem)
            if pair is None:
                merged = merged_pair(node, elem)
                if merged is None:
                    return None
                _key, value, source = merged
                return _merge_sharing(source, smap, tuple(path[:i]), tuple(path[i:]))
            use = smap.at.get((id(node), id(pair[0])))
            node = pair[1]
        elif isinstance(node, SequenceNode) and isinstance(elem, int) and -len(node.value) <= elem < len(node.value):
            index = elem % len(node.value)
            use = smap.at.get((id(node), index))
            node = node.value[index]
        else:
            return None
        if use is not None:
            return _alias_sharing(use, smap, tuple(path[:i + 1]), rest)
    if path and id(node) in smap.readers:
        return _definition_sharing(node, smap, tuple(path), ())
    if path and isinstance(node, (MappingNode, SequenceNode)):
        return _inner_sharing(node, smap, tuple(path))
    return None


def _inner_sharing(node: Node, smap: SharingMap, path: tuple) -> Shared | None:
    """An anchor inside the value at `path` that aliases outside it read:
    replacing or removing the value would take their value away."""
    outside: list[AliasUse] = []
    anchor = ""
    stack = [node]
    while stack:
        current = stack.pop()
        if current is not node and id(current) in smap.readers:
            uses = [u for u in smap.readers[id(current)] if u.path[:len(path)] != path]
            if uses and not outside:
                anchor = smap.definitions.get(id(current), ("", ()))[0]
            outside += uses
        if isinstance(current, MappingNode):
            stack += [v for k, v in current.value if (id(current), id(k)) not in smap.at]
        elif isinstance(current, SequenceNode):
            stack += [v for i, v in enumerate(current.value) if (id(current), i) not in smap.at]
    if not outside:
        return None
    others = tuple(dict.fromkeys(u.merge_into if u.merge_into is not None else u.path for u in outside))
    return Shared(anchor, others, path, None, tuple(outside), not_here=True)


def _others(smap: SharingMap, target: Node, rest: tuple, skip: AliasUse | None) -> list[tuple]:
    """Paths (other than through `skip`) that read `rest` inside the anchored `target`."""
    found: list[tuple] = []
    for use in smap.readers.get(id(target), ()):
        if use is skip:
            continue
        if use.merge_into is None:
            found.append(use.path + rest)
        elif not rest:
            found.append(use.merge_into)
        else:  # a merged key is read only where the merging map does not set it itself
            if use.merging is None or own_pair(use.merging, rest[0]) is None:
                found.append(use.merge_into + rest)
    return found


def _definition_sharing(node: Node, smap: SharingMap, head: tuple, rest: tuple) -> Shared | None:
    anchor, where = smap.definitions.get(id(node), ("", head))
    others = _others(smap, node, rest, None)
    if not others:
        return None
    return Shared(anchor, tuple(dict.fromkeys(others)), where + rest, None,
                  tuple(smap.readers[id(node)]))


def _alias_sharing(use: AliasUse, smap: SharingMap, head: tuple, rest: tuple) -> Shared:
    key_anchor = smap.key_definitions.get(id(use.target))
    anchor, where = smap.definitions.get(id(use.target)) or key_anchor or (use.anchor, ())
    others = [where + rest] + _others(smap, use.target, rest, use)
    return Shared(anchor, tuple(dict.fromkeys(others)), where + rest, use,
                  tuple(smap.readers[id(use.target)]), at_alias=not rest,
                  not_here=key_anchor is not None and id(use.target) not in smap.definitions)


def _merge_sharing(source: Node, smap: SharingMap, head: tuple, rest: tuple) -> Shared:
    """`head` merges `source` and reads `rest[0]` from it."""
    anchor, where = smap.definitions.get(id(source), ("", None))
    via = next((u for u in smap.readers.get(id(source), ()) if u.merge_into == head), None)
    if where is None:  # an inline `<<: {a: 1}`: written under this very key
        where = head + ("<<",)
    others = [where + rest] + _others(smap, source, rest, via)
    others = [o for o in others if o != head + rest]
    return Shared(anchor, tuple(dict.fromkeys(others)), where + rest, via,
                  tuple(smap.readers.get(id(source), ())), merged=True)


def check_share(share: str | None) -> None:
    if share not in (None, SHARED, OWN):
        raise ValueError(f"share must be None, {SHARED!r} or {OWN!r}, not {share!r}")
