"""Comparing and finding front-matter values: shared by the YAML, TOML and JSON handlers."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from editor.core.post.errors import KeyPathError


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


def first_difference(a: Any, b: Any, path: tuple = ()) -> tuple | None:
    """The path of the first place where `a` and `b` read differently (for a
    message naming the key an edit would change); None when they read the
    same. Maps whose keys differ only in order differ at the map."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in list(a) + [k for k in b if k not in a]:
            if key not in a or key not in b:
                return path + (key,)
            found = first_difference(a[key], b[key], path + (key,))
            if found is not None:
                return found
        return None if list(a) == list(b) else path
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, path + (i,))
            if found is not None:
                return found
        return None
    return None if same_value(a, b) else path


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


# ---------------------------------------------------------------- edit contract
#
# Shared by the handlers (fm_yaml / fm_toml / fm_json), the Document, the CLI
# and the form. See Document.set for how they are used.

class AsWritten(str):
    """A scalar given as the text the writer typed, not as a value.

    `Document.set(key, AsWritten("10:30"))` writes `10:30` in the entry's own
    style (plain stays plain, quoted stays quoted) and the value is whatever
    the format reads that text as (YAML 1.1: the number 630). Used where the
    form shows a value as written (numbers, dates, values the generator reads
    differently from how they look), so editing keeps the text form. When the
    style cannot hold the text as it is (`a: b` cannot be plain), the handler
    writes it as a string, quoted: the smallest change that keeps the text.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"AsWritten({str.__repr__(self)})"


#: `share=` values of Document.set / unset for a value that other keys share
#: (a YAML anchor used by aliases, or a key that is an alias).
SHARED = "shared"  # change the shared value: every key that uses it follows
OWN = "own"        # give this key its own value: the others keep the old one


@dataclass(frozen=True)
class Sharing:
    """Who else reads the value at a path (YAML anchors and aliases)."""

    anchor: str                  # the anchor's name, without `&`
    others: tuple[tuple, ...]    # key paths of the other places that read the same value
