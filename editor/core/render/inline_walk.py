"""Python-Markdown's inline tree walk with ancestor lists that cost O(1) to copy.

The inline step remembers, for each element still to visit, the tag names
of its ancestors (a pattern such as a link is not applied inside an `a`),
and Python-Markdown keeps them as a list copied for every element: deep
nesting (`*` x 50,000, then `x`, then `*` x 50,000: 25,000 nested `em` and
`strong`) copied 25,000-long lists 25,000 times. `AncestorPath` is a
persistent list (each copy shares its parent's cells) that answers `tag in
path` from a set kept per cell. `walk` is Python-Markdown's
`InlineProcessor.run` using it (and a deque for its queue), same visits in the
same order.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections import deque
from typing import Iterator

from markdown import util

_EMPTY: frozenset[str] = frozenset()


class AncestorPath:
    """The list protocol Python-Markdown uses on `InlineProcessor.ancestors`
    (append, pop, `in`, `[:]`, iteration, extend), persistent underneath."""

    __slots__ = ("_cell",)

    def __init__(self, tags: list[str] | None = None) -> None:
        # A cell: (tag, parent cell, tags on the path up to and with it).
        self._cell: tuple[str, tuple | None, frozenset[str]] | None = None
        for tag in tags or ():
            self.append(tag)

    def append(self, tag: str) -> None:
        cell = self._cell
        seen = cell[2] if cell is not None else _EMPTY
        self._cell = (tag, cell, seen if tag in seen else seen | {tag})

    def extend(self, tags) -> None:
        for tag in tags:
            self.append(tag)

    def pop(self) -> str:
        if self._cell is None:
            raise IndexError("pop from empty path")
        tag, self._cell = self._cell[0], self._cell[1]
        return tag

    def __contains__(self, tag: object) -> bool:
        return self._cell is not None and tag in self._cell[2]

    def __getitem__(self, index):
        if isinstance(index, slice) and index == slice(None):
            copy = AncestorPath()
            copy._cell = self._cell
            return copy
        return list(self)[index]

    def __iter__(self) -> Iterator[str]:
        tags = []
        cell = self._cell
        while cell is not None:
            tags.append(cell[0])
            cell = cell[1]
        return iter(reversed(tags))

    def __len__(self) -> int:
        n, cell = 0, self._cell
        while cell is not None:
            n, cell = n + 1, cell[1]
        return n

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, (list, AncestorPath)) else NotImplemented

    def __repr__(self) -> str:
        return f"AncestorPath({list(self)!r})"


def walk(processor, tree, ancestors: list[str] | None = None):
    """`markdown.treeprocessors.InlineProcessor.run`, for `processor` (an
    InlineProcessor), with `AncestorPath` for its ancestor lists."""
    handle = processor._InlineProcessor__handleInline
    placeholders = processor._InlineProcessor__processPlaceholders
    processor.stashed_nodes = {}
    tree_parents = AncestorPath(list(ancestors or []))
    processor.parent_map = {c: p for p in tree.iter() for c in p}
    processor._InlineProcessor__build_ancestors(tree, tree_parents)
    stack = deque([(tree, tree_parents)])
    parent_map = processor.parent_map
    while stack:
        current, parents = stack.popleft()
        processor.ancestors = parents
        if current is not tree:
            processor.ancestors.append(current.tag.lower())
        insert_queue = []
        # By index (as iterating the live element does, new children
        # included): looking each child up again (`list(current).index`) made
        # a run of 25,000 headings with tails quadratic.
        index = -1
        while index + 1 < len(current):
            index += 1
            child = current[index]
            if child.text and not isinstance(child.text, util.AtomicString):
                processor.ancestors.append(child.tag.lower())
                text = child.text
                child.text = None
                lst = placeholders(handle(text), child)
                for item in lst:
                    parent_map[item[0]] = child
                stack.extend(lst)
                insert_queue.append((child, lst))
                processor.ancestors.pop()
            if child.tail:
                tail = handle(child.tail)
                dummy = etree.Element("d")
                child.tail = None
                tail_result = placeholders(tail, dummy, False)
                if dummy.tail:
                    child.tail = dummy.tail
                pos = index + 1
                tail_result.reverse()
                for new_child in tail_result:
                    parent_map[new_child[0]] = current
                    current.insert(pos, new_child[0])
            if len(child):
                parent_map[child] = current
                stack.append((child, processor.ancestors[:]))
        for element, lst in insert_queue:
            for i, obj in enumerate(lst):
                element.insert(i, obj[0])
    return tree
