"""Which rows the front-matter form shows, in which order, with which type.

Plain Python (no widgets): the form turns this plan into rows and updates
them in place. The post's own keys come first, in file order; then the
fields the schema suggests for this kind of post (required or recommended)
that the post lacks, dimmed; then keys the writer chose with "Add field…"
that have no value yet. Nothing else: every other key known on the site is
offered by "Add field…", not listed.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field as _field
from typing import Any

# The kind of row a value gets.
SCALAR, OBJECT, LIST = "scalar", "object", "list"

_DATE_TEXT = re.compile(r"\s*\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?\s*$")
# Signs that a multi-line value is Markdown (a paragraph break, emphasis,
# links, headings, list items): such a value gets Markdown highlighting.
_MARKDOWN_SIGNS = re.compile(r"\n\s*\n|\*\*|__|\[[^\]]*\]\([^)]*\)|^#{1,6} |^\s*[-*+] |^\s*\d+\. |`", re.M)


@dataclass
class RowSpec:
    path: tuple
    kind: str                      # SCALAR, OBJECT or LIST
    ftype: str = "string"          # the field type (editor.core.site.schema.FIELD_TYPES)
    field: Any = None              # the schema's Field, when it knows the key
    present: bool = True           # the post has this key
    value: Any = None
    #: Why an absent row is shown: "suggested" (the schema) or "added" (the writer).
    reason: str = ""
    children: list["RowSpec"] = _field(default_factory=list)   # OBJECT: its rows
    items: list["ItemSpec"] = _field(default_factory=list)     # LIST: its items

    @property
    def key(self) -> str:
        return ".".join(map(str, self.path))

    @property
    def description(self) -> str:
        return getattr(self.field, "description", "") or ""

    def widget_kind(self) -> tuple:
        """What decides the widget class: a row whose kind changes needs a new widget."""
        v = self.value
        return (self.kind, self.ftype, isinstance(v, float), isinstance(v, _dt.datetime),
                tuple(getattr(self.field, "choices", ()) or ()))


@dataclass
class ItemSpec:
    """One item of a list that holds maps (or other collections)."""

    path: tuple                    # the item's path, e.g. ("authors", 0)
    rows: list[RowSpec]
    pending: bool = False          # added by the writer, not in the file until a value is entered


def plan_rows(data: dict, schema, relpath: str | None, added: tuple = (),
              pending_items: dict | None = None) -> list[RowSpec]:
    """The rows of the form for front matter `data` (plain dict).

    `added`: key paths the writer chose with "Add field…" (or that the file
    had and no longer has): shown, absent, until they have a value.
    `pending_items`: {list path: keys} for a list with an "Add item" not written yet.
    """
    ctx = _Context(schema, pending_items or {}, tuple(tuple(p) for p in added))
    rows = [_row((key,), value, _schema_field(schema, (key,)), True, ctx) for key, value in data.items()]
    shown = set(data)
    for f in suggested(schema, relpath, tuple(data)):
        if f.name not in shown:
            shown.add(f.name)
            rows.append(_absent((f.name,), f, "suggested", ctx))
    for path in ctx.added:
        if len(path) == 1 and path[0] not in shown:
            shown.add(path[0])
            rows.append(_absent(path, _schema_field(schema, path), "added", ctx))
    return rows


@dataclass
class _Context:
    schema: Any
    pending_items: dict
    added: tuple


def suggested(schema, relpath: str | None, present: tuple) -> list:
    """Fields the schema requires or recommends for this kind of post that it lacks."""
    if schema is None:
        return []
    from editor.core.site.schema import suggested_fields

    return list(suggested_fields(schema, relpath, present))


def site_keys(schema) -> list[tuple[str, str, int]]:
    """(key, type, how many posts use it) for every key known on the site, most used first."""
    fields = list(getattr(schema, "fields", ()) or ())
    entries = [(f.name, f.type, f.uses) for f in fields]
    order = {name: i for i, (name, _t, _u) in enumerate(entries)}
    return sorted(entries, key=lambda e: (-e[2], order[e[0]]))


def _schema_field(schema, path: tuple):
    if schema is None or any(not isinstance(p, str) for p in path):
        return None
    return schema.field_at(path)


def _row(path: tuple, value: Any, f, present: bool, ctx: _Context) -> RowSpec:
    if isinstance(value, dict) or (value is None and getattr(f, "type", None) == "object"):
        mapping = value or {}
        children = [_row(path + (k,), v, _sub(f, k), True, ctx) for k, v in mapping.items()]
        _absent_children(path, mapping, children, getattr(f, "fields", ()) or (), ctx)
        return RowSpec(path, OBJECT, "object", f, present, value, children=children)
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        keys = item_keys(value)
        items = [_item(path + (i,), v, ctx, keys) for i, v in enumerate(value)]
        if path in ctx.pending_items:  # "Add item": fields like the other items', no value yet
            new = path + (len(value),)
            rows = [_absent(new + (k,), None, "added", ctx) for k in ctx.pending_items[path]]
            _absent_children(new, {}, rows, (), ctx)
            items.append(ItemSpec(new, rows, pending=True))
        return RowSpec(path, LIST, "list", f, present, value, items=items)
    return RowSpec(path, SCALAR, field_type(f, value, path), f, present, value)


def _absent_children(path: tuple, mapping: dict, children: list, subfields, ctx: _Context) -> None:
    """The absent sub-fields of a map: the schema's, then those the writer added."""
    shown = set(mapping) | {c.path[-1] for c in children}
    for sub in subfields:
        if sub.name not in shown:
            shown.add(sub.name)
            children.append(_absent(path + (sub.name,), sub, "suggested", ctx))
    for added in ctx.added:
        if len(added) == len(path) + 1 and added[:-1] == path and added[-1] not in shown:
            shown.add(added[-1])
            children.append(_absent(added, None, "added", ctx))


def _item(path: tuple, value: Any, ctx: _Context, keys: list) -> ItemSpec:
    """An item's rows: its keys, then (absent) those the other items have."""
    if isinstance(value, dict):
        rows = [_row(path + (k,), v, None, True, ctx) for k, v in value.items()]
        rows += [_absent(path + (k,), None, "added", ctx) for k in keys if k not in value]
        _absent_children(path, value, rows, (), ctx)
    else:
        rows = [_row(path, value, None, True, ctx)]
    return ItemSpec(path, rows)


def _absent(path: tuple, f, reason: str, ctx: _Context) -> RowSpec:
    spec = _row(path, None, f, False, ctx)
    spec.reason = reason

    def mark(children):
        for child in children:
            child.present = False
            child.reason = child.reason or reason
            mark(child.children)

    mark(spec.children)
    return spec


def _sub(f, name):
    return f.subfield(name) if f is not None else None


def item_keys(value: list) -> list:
    """The keys of a list's map items, in first-seen order (the fields of a new item)."""
    keys: list = []
    for item in value or ():
        if isinstance(item, dict):
            keys.extend(k for k in item if k not in keys)
    return keys


def field_type(f, value: Any, path: tuple = ()) -> str:
    """The field type a row uses: the schema's when the value fits it, else one guessed from the value."""
    declared = getattr(f, "type", None)
    if declared and (value is None or _fits(declared, value)):
        if declared in ("string", "url") and isinstance(value, str) and "\n" in value:
            return _multi_line(value)
        return declared
    return guess_type(value)


def guess_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, _dt.datetime):
        return "datetime"
    if isinstance(value, _dt.date):
        return "date"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, str) and "\n" in value.rstrip("\n"):
        return _multi_line(value)
    if isinstance(value, str) and "\n" in value:  # a one-line block scalar keeps its box
        return "text"
    return "string"


def _multi_line(value: str) -> str:
    return "markdown" if _MARKDOWN_SIGNS.search(value) else "text"


def _fits(ftype: str, value: Any) -> bool:
    if ftype == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if ftype == "boolean":
        return isinstance(value, bool)
    if ftype in ("date", "datetime"):
        return isinstance(value, _dt.date) or (isinstance(value, str) and bool(_DATE_TEXT.match(value)))
    if ftype == "list":
        return isinstance(value, str) or (isinstance(value, list)
                                          and all(not isinstance(v, (dict, list)) for v in value))
    if ftype == "object":
        return isinstance(value, dict)
    if ftype in ("text", "markdown"):
        return isinstance(value, str)
    return not isinstance(value, (dict, list))
