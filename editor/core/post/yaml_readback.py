"""Plain front-matter data after an edit: looking paths up, and what it must equal.

After every edit the fragment is read again from scratch, and the whole of it
must equal the data before with only the edited path (and, for a shared edit,
the paths that share it) changed. These helpers work on the constructed data
(dicts, lists, scalars), not on nodes.
"""

from __future__ import annotations

import copy
from typing import Any

import yaml

from editor.core.post.errors import KeyPathError
from editor.core.post.values import same_value
from editor.core.post.yaml_loader import GalleyLoader

#: Marks a path that does not exist (a removed key).
REMOVED = object()


def dotted(path: tuple) -> str:
    return ".".join(map(str, path))


def loose_key(mapping: dict, elem: str) -> Any:
    """A non-string key written like `elem` (`2019: x` is found by "2019")."""
    for k in mapping:
        if not isinstance(k, str) and str(k) == elem:
            return k
    return None


def step(node: Any, elem: Any) -> Any:
    if isinstance(node, dict):
        if elem in node:
            return node[elem]
        if isinstance(elem, str):
            loose = loose_key(node, elem)
            if loose is not None:
                return node[loose]
    elif isinstance(node, list) and isinstance(elem, int) and -len(node) <= elem < len(node):
        return node[elem]
    raise KeyError(elem)


def lookup(data: Any, path: tuple) -> Any:
    node = data
    for elem in path:
        try:
            node = step(node, elem)
        except KeyError:
            raise KeyPathError(f"no such key: {dotted(path)}") from None
    return node


def lookup_or(data: Any, path: tuple, default: Any) -> Any:
    try:
        return lookup(data, path)
    except KeyPathError:
        return default


def put(data: Any, path: tuple, value: Any) -> None:
    """Set (or with REMOVED delete) `path` in plain data; a missing or empty
    value on the way becomes a map (as setting `header.image` on `header:` does)."""
    head, last = path[0], path[1:]
    if isinstance(data, dict):
        key = head if head in data or not isinstance(head, str) else (loose_key(data, head) or head)
        if not last:
            if value is REMOVED:
                data.pop(key, None)
            else:
                data[key] = copy.deepcopy(value)
            return
        if value is not REMOVED and not isinstance(data.get(key), (dict, list)):
            data[key] = {}
        if key in data:
            put(data[key], last, value)
    elif isinstance(data, list) and isinstance(head, int) and -len(data) <= head < len(data):
        if not last:
            if value is REMOVED:
                del data[head]
            else:
                data[head] = copy.deepcopy(value)
        else:
            put(data[head], last, value)


def unshared_copy(value: Any) -> Any:
    """A copy in which no two places hold the same object (an alias is
    constructed as one object read from two keys; the check edits them apart)."""
    if isinstance(value, dict):
        return {k: unshared_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [unshared_copy(v) for v in value]
    return copy.copy(value)



def reads_as(text: str, path: tuple, value: str) -> bool:
    """Whether the fragment `text` reads `value` at `path` (a quick check of one
    candidate; the whole fragment is checked again on commit)."""
    try:
        data = yaml.load(text, Loader=GalleyLoader)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, LookupError):
        return False
    return same_value(lookup_or(data, path, REMOVED), value)
