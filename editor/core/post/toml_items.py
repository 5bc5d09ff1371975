"""TOML values as tomlkit items, written in the style of the text they replace.

Used by fm_toml: a literal `'...'` string stays literal when it can, a
multi-line array keeps one element per line with its indentation, inline
tables keep the padding inside their braces and their separators.
"""

from __future__ import annotations

import re
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import InlineTable, Item, String, StringType


def styled_string(old: String, value: str) -> Item | None:
    """The new string in the old one's quoting, where the value allows it."""
    kind = old.type
    if kind in (StringType.MLB, StringType.MLL) and "\n" not in value:
        kind = StringType.SLB if kind is StringType.MLB else StringType.SLL
    if kind in (StringType.MLB, StringType.MLL):
        # Multi-line strings would carry the file's line endings into the value;
        # keep it simple and explicit.
        return None
    if kind is StringType.SLB:
        return None  # tomlkit's default is the basic "..." form already
    try:
        return String.from_raw(value, kind)
    except TOMLKitError:
        return None  # e.g. a quote inside a literal string: basic form it is


def parse_item(text: str) -> Item:
    return tomlkit.parse("x = " + text + "\n")["x"]


def inline_text(value: Any, pad: bool) -> str:
    """TOML text of a value with every map written inline (`{ a = 1 }`)."""
    if isinstance(value, dict):
        inner = ", ".join(f"{tomlkit.key(k).as_string()} = {inline_text(v, pad)}" for k, v in value.items())
        return ("{ " + inner + " }" if pad else "{" + inner + "}") if inner else "{}"
    if isinstance(value, list):
        return "[" + ", ".join(inline_text(v, pad) for v in value) + "]"
    return tomlkit.item(value).as_string()


def inline_padding(before: str, after: str) -> Item | None:
    """The edited inline table `after`, padded inside its braces like `before`."""
    lead = re.match(r"\{[ \t]*", before)
    trail = re.search(r"[ \t]*\}$", before.rstrip())
    inner = after.strip()
    if not (lead and trail and inner.startswith("{") and inner.endswith("}")):
        return None
    inner = inner[1:-1].strip()
    text = lead.group() + inner + trail.group() if inner else "{}"
    try:
        item = parse_item(text)
    except TOMLKitError:
        return None
    return item if isinstance(item, InlineTable) else None


def inline_with(before: str, key: str, item: Item) -> Item | None:
    """The inline table `before` with `key = item` added before its closing brace."""
    raw = before.rstrip()
    trail = re.search(r"[ \t]*\}$", raw)
    if not trail:
        return None
    body = raw[: trail.start()]
    entry = f"{tomlkit.key(key).as_string()} = {item.as_string()}"
    if body.rstrip() == "{":
        text = body + entry + trail.group()
    else:
        # ", " unless the table is visibly written without the space.
        sep = "," if (re.search(r",[^ \t]", raw) and ", " not in raw) else ", "
        text = body + sep + entry + trail.group()
    try:
        new = parse_item(text)
    except TOMLKitError:
        return None
    return new if isinstance(new, InlineTable) else None


def multiline_array(raw: str, value: list) -> Item | None:
    """A list written one element per line, with the old array's indentation."""
    m = re.search(r"[\r\n]+([ \t]*)\S", raw)
    indent = m.group(1) if m else "    "
    body = raw.rstrip()[:-1].rstrip()  # without the closing ]
    trailing_comma = body.endswith(",")
    items = [tomlkit.item(v).as_string() for v in value]
    if not items:
        text = "[]"
    else:
        sep = ",\n"
        text = "[\n" + sep.join(indent + s for s in items) + ("," if trailing_comma else "") + "\n]"
    try:
        return tomlkit.parse("x = " + text + "\n")["x"]
    except TOMLKitError:
        return None
