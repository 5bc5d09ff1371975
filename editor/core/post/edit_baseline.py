"""Front-matter edits decided against the file, not the keystroke.

The form sets a value on every keystroke, and each handler writes a new value
in the style of the text it replaces. Left alone, the style would drift with
the values passed through on the way: typing ` (updated)` after a plain title
goes through `Title ` (a trailing space must be quoted), and every later
keystroke would keep those quotes. So an edit is made twice over:

1. on the *baseline* (the front matter as it is in the file: as read, as last
   saved, or as last written by hand in Raw mode), where the entry still has
   the style the writer chose; the edited entry's lines are taken from there
   and put in place of the entry's lines in the current text (`transplant`);
2. only if that cannot be done (the entry cannot be located, or the result
   does not read back right) the current text is edited as it is.

Either way the whole front matter is read again afterwards, and every key
other than the edited one must read as before (`check_others`), or the edit
is refused: an edit never changes what the writer did not touch.
"""

from __future__ import annotations

import copy
import re
from typing import Any, Callable

from editor.core.post.errors import EditRefused, FrontMatterError, KeyPathError
from editor.core.post.values import first_difference, same_value

_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_EDIT_ERRORS = (ValueError, KeyPathError, FrontMatterError, TypeError)


def call_set(handler: Any, path: tuple, value: Any, share: str | None) -> bool:
    """`handler.set`, passing `share` only when there is one to pass."""
    if share is None:
        return handler.set(path, value)
    return handler.set(path, value, share=share)


def call_unset(handler: Any, path: tuple, share: str | None) -> bool:
    if share is None:
        return handler.unset(path)
    return handler.unset(path, share=share)


# ---------------------------------------------------------------- locating entries

def _lines(text: str) -> list[str]:
    """Lines with their endings (only CR and LF end a line)."""
    return _LINES.findall(text)


def entry_range(handler: Any, path: tuple, blanks: bool = True) -> tuple[int, int] | None:
    """Character range of the entry at `path` in `handler.text`: from the start
    of its first line to the end of its last line (without that line's break),
    with the blank lines after it if `blanks` (a kept `|+` block scalar's
    trailing lines are part of its value). None when it cannot be located."""
    exact = getattr(handler, "entry_range", None)  # JSON: members share lines
    if exact is not None:
        return exact(path)
    try:
        span = handler.key_span(path)
    except _EDIT_ERRORS:
        return None
    if span is None:
        return None
    lines = _lines(handler.text)
    first, last = span[0] - 1, span[1] - 1
    if not 0 <= first <= last < len(lines):
        return None
    while blanks and last + 1 < len(lines) and not lines[last + 1].strip():
        last += 1
    start = sum(len(line) for line in lines[:first])
    end = start + sum(len(line) for line in lines[first:last + 1])
    end -= len(lines[last]) - len(lines[last].rstrip("\r\n"))
    return start, end


def _splice(text: str, where: tuple[int, int], piece: str) -> str:
    return text[:where[0]] + piece + text[where[1]:]


# ---------------------------------------------------------------- transplant

def transplant(make: Callable[[str], Any], baseline: str, current: Any, path: tuple,
               value: Any, share: str | None) -> tuple[list[str], Any] | None:
    """Candidate texts for `current` with `path` set to `value` in the style the
    baseline gives it, best first, and the edited baseline (what `path` must
    read as). None when the baseline cannot make the edit."""
    try:
        base = make(baseline)
        call_set(base, path, value, share)
    except _EDIT_ERRORS:
        return None
    new_range = entry_range(base, path)
    if new_range is None:
        return None
    piece = base.text[new_range[0]:new_range[1]]
    old_range = entry_range(current, path)
    if old_range is not None:
        return [_splice(current.text, old_range, piece)], base
    if _has(current, path):
        return None  # present but not locatable: nothing to replace safely
    # Absent now: let the current text insert it, then give it the baseline's lines.
    try:
        work = make(current.text)
        call_set(work, path, value, share)
    except _EDIT_ERRORS:
        return None
    added = entry_range(work, path)
    if added is None:
        return None
    placed = _at_baseline_place(make, baseline, current, path, base)
    return placed + [_splice(work.text, added, piece)], base


def _has(handler: Any, path: tuple) -> bool:
    try:
        handler.get(path)
    except _EDIT_ERRORS:
        return False
    return True


def _at_baseline_place(make: Callable[[str], Any], baseline: str, current: Any, path: tuple,
                       edited_base: Any) -> list[str]:
    """`current` with the entry at `path` of `edited_base` put back where the
    baseline has it: after the sibling it followed there (or before the one
    it preceded), with the baseline's separator between them, when that
    separator is only blanks and commas; [] when there is no such place.
    Ranges are taken without the blank lines after them (those stay where
    they are), then with them (a whitespace-only line may be a block
    scalar's content)."""
    try:
        base = make(baseline)
        siblings = base.get(path[:-1]) if len(path) > 1 else base.data()
    except _EDIT_ERRORS:
        return []
    names = [str(k) for k in siblings] if isinstance(siblings, dict) else []
    if str(path[-1]) not in names:
        return []
    at = names.index(str(path[-1]))
    found = []
    for blanks in (False, True):
        new, own = entry_range(edited_base, path, blanks), entry_range(base, path, False)
        if new is None or own is None:
            continue
        piece = edited_base.text[new[0]:new[1]]
        for name in reversed(names[:at]):  # after the nearest sibling before it
            sibling = path[:-1] + (name,)
            there, here = entry_range(base, sibling, False), entry_range(current, sibling, False)
            if there is not None and here is not None:
                gap = baseline[there[1]:own[0]]
                if not gap.strip(" \t\r\n,"):
                    found.append(current.text[:here[1]] + gap + piece + current.text[here[1]:])
                break
        else:
            for name in names[at + 1:]:  # else before the nearest sibling after it
                sibling = path[:-1] + (name,)
                there, here = entry_range(base, sibling, False), entry_range(current, sibling, False)
                if there is not None and here is not None:
                    gap = baseline[own[1]:there[0]]
                    if not gap.strip(" \t\r\n,"):
                        found.append(current.text[:here[0]] + piece + gap + current.text[here[0]:])
                    break
    return found


# ---------------------------------------------------------------- the whole edit

def edited(make: Callable[[str], Any], baseline: str | None, current: Any, path: tuple,
           value: Any, share: str | None, others: tuple = ()) -> Any | None:
    """A new handler holding `current`'s front matter with `path` set to
    `value`, or None when the text would not change. Raises EditRefused
    (another key would read differently, or the value cannot be written),
    SharedValueError, KeyPathError; `current` is never modified."""
    before = current.data()
    if baseline is not None and baseline != current.text:
        found = transplant(make, baseline, current, path, value, share)
        if found is not None:
            texts, base = found
            for text in texts:
                handler = _verified(make, text, path, base, before, others)
                if handler is not None:
                    return None if handler.text == current.text else handler
    work = make(current.text)
    try:
        changed = call_set(work, path, value, share)
    except EditRefused:
        raise
    except ValueError as exc:
        raise EditRefused(str(exc)) from None
    if not changed or work.text == current.text:
        return None
    check_others(before, work.data(), path, others)
    return work


def removed(make: Callable[[str], Any], current: Any, path: tuple, share: str | None,
            others: tuple = ()) -> Any | None:
    """A new handler without `path`, or None when it was not there."""
    before = current.data()
    work = make(current.text)
    try:
        changed = call_unset(work, path, share)
    except EditRefused:
        raise
    except ValueError as exc:
        raise EditRefused(str(exc)) from None
    if not changed:
        return None
    check_others(before, work.data(), path, others, removal=True)
    return work


def _verified(make: Callable[[str], Any], text: str, path: tuple, base: Any, before: dict,
              others: tuple) -> Any | None:
    try:
        handler = make(text)
        if not same_value(handler.get(path), base.get(path)):
            return None
        check_others(before, handler.data(), path, others)
    except (EditRefused, *_EDIT_ERRORS):
        return None
    return handler


# ---------------------------------------------------------------- reading again

def _key_in(mapping: dict, elem: Any) -> Any:
    """The key of `mapping` that path element `elem` names (`"2019"` finds 2019)."""
    if elem in mapping:
        return elem
    for k in mapping:
        if str(k) == str(elem):
            return k
    return _ABSENT


_ABSENT = object()


def _cut(data: Any, path: tuple) -> bool:
    """Remove `path` from `data` in place; False when it is not there."""
    node = data
    for elem in path[:-1]:
        if isinstance(node, dict):
            key = _key_in(node, elem)
            if key is _ABSENT:
                return False
            node = node[key]
        elif isinstance(node, list) and isinstance(elem, int) and -len(node) <= elem < len(node):
            node = node[elem]
        else:
            return False
    if isinstance(node, dict):
        key = _key_in(node, path[-1])
        if key is _ABSENT:
            return False
        del node[key]
        return True
    if isinstance(node, list) and isinstance(path[-1], int) and -len(node) <= path[-1] < len(node):
        del node[path[-1]]
        return True
    return False


def _present_part(data: Any, path: tuple) -> tuple:
    """`path` cut at its first element absent from `data` (maps created by the edit go too)."""
    node = data
    for i, elem in enumerate(path):
        if isinstance(node, dict) and _key_in(node, elem) is not _ABSENT:
            node = node[_key_in(node, elem)]
        elif isinstance(node, list) and isinstance(elem, int) and -len(node) <= elem < len(node):
            node = node[elem]
        elif isinstance(node, (dict, list)) or not i:
            return path[:i + 1]
        else:  # `header:` with no value (or a scalar): the edit makes it a map
            return path[:i]
    return path


def _lookup(data: Any, path: tuple) -> Any:
    node = data
    for elem in path:
        if isinstance(node, dict) and _key_in(node, elem) is not _ABSENT:
            node = node[_key_in(node, elem)]
        elif isinstance(node, list) and isinstance(elem, int) and -len(node) <= elem < len(node):
            node = node[elem]
        else:
            return _ABSENT
    return node


def check_others(before: dict, after: dict, path: tuple, others: tuple = (),
                 removal: bool = False) -> None:
    """Raise EditRefused unless every key of `after` other than `path` (and the
    `others` that share its value) reads as in `before`. The edited key may
    sit elsewhere among its siblings. A removal may take with it the maps it
    leaves empty (TOML: `[a.b]` alone implies `a`). Removing an item of a
    list moves the items after it up: the list must read as before without
    that item, so the item is cut from `before` only."""
    parent = _lookup(before, path[:-1])
    others = tuple(tuple(p) for p in others)
    if removal and isinstance(path[-1], int) and isinstance(parent, list) and parent:
        item = path[:-1] + (path[-1] % len(parent),)
        old_cuts, new_cuts = (item,) + others, tuple(_moved_up(p, item) for p in others)
    else:
        old_cuts = new_cuts = (_present_part(before, path),) + others
    old, new = copy.deepcopy(before), copy.deepcopy(after)
    # Later items first, so that cutting one does not move the next.
    for cut in sorted(old_cuts, key=_index_order, reverse=True):
        _cut(old, cut)
    for cut in sorted(new_cuts, key=_index_order, reverse=True):
        _cut(new, cut)
    if same_value(old, new):
        return
    if removal:
        pruned = copy.deepcopy(old)
        for k in range(len(path) - 1, 0, -1):
            if _lookup(pruned, path[:k]) != {}:
                break
            _cut(pruned, path[:k])
            if same_value(pruned, new):
                return
    where = first_difference(old, new) or ()
    name = ".".join(map(str, where)) or "the front matter"
    edited_name = ".".join(map(str, path))
    verb = "removing" if removal else "changing"
    raise EditRefused(f"{verb} `{edited_name}` would also change `{name}`; "
                      "nothing was changed (edit it in Raw mode if that is what you want)")


def _index_order(path: tuple) -> tuple:
    """Sort key: paths by their list indices (names compare equal)."""
    return tuple(e if isinstance(e, int) else -1 for e in path)


def _moved_up(other: tuple, removed_item: tuple) -> tuple:
    """Where `other` is once the list item at `removed_item` is gone: an item
    after it in the same list is one place up."""
    depth = len(removed_item) - 1
    if len(other) <= depth or other[:depth] != removed_item[:depth] or not isinstance(other[depth], int):
        return other
    at = other[depth]
    return other[:depth] + (at - 1,) + other[depth + 1:] if at > removed_item[depth] else other

