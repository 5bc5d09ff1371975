"""Comparing and finding front-matter values: shared by the YAML, TOML and JSON handlers."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from editor.core.errors import KeyPathError


def same_value(a: Any, b: Any) -> bool:
    """Equal *and* of the same kind: `True` is not `1`, `1` is not `1.0`,
    a date is not a datetime, and 10:00+09:00 is not 01:00Z (Python calls
    those equal, but writing one over the other changes the file)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    if isinstance(a, (_dt.datetime, _dt.time)):
        return a == b and a.utcoffset() == b.utcoffset()
    if isinstance(a, float) and a != a:  # NaN
        return b != b
    return a == b


def lookup_path(data: Any, path: tuple) -> Any:
    """The value at `path` in plain data (ints index lists); KeyPathError if absent."""
    node = data
    for part in path:
        try:
            if isinstance(node, dict) and isinstance(part, str):
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and not isinstance(part, bool):
                node = node[part]
            else:
                raise KeyError(part)
        except (KeyError, IndexError):
            raise KeyPathError(f"no key {'.'.join(map(str, path))!r}") from None
    return node
