"""Writing YAML values as text, in a style chosen to match the file around them.

The lossless front-matter editor (fm_yaml) never re-dumps a whole document: it
writes only the value that changed, and asks this module for its text. Every
piece of text produced here is checked by loading it back, so a value always
reads back as exactly what was set (guarantee (f) of issue 2).

The semantics are YAML 1.1 as read by PyYAML's safe loader, which is also what
Jekyll's Psych reads: `on`, `yes` and `10:00` are not strings there, so a
string with that text is quoted.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass

import yaml

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from editor.core.post.values import AsWritten, same_value
from editor.core.post.yaml_loader import GalleyLoader as _Loader


@dataclass(frozen=True)
class Style:
    """How the file around a value writes things (detected by fm_yaml)."""

    #: Preferred quote for strings that need quoting: '"' or "'".
    quote: str = '"'
    #: Spaces a nested mapping is indented by, relative to its parent key.
    map_indent: int = 2
    #: Columns between a parent key and the `-` of its block sequence (0 or 2).
    seq_offset: int = 2
    #: New lists written as `[a, b]` rather than block `- a` lines.
    flow_lists: bool = False
    newline: str = "\n"


def load_scalar_text(text: str, flow: bool = False) -> object:
    """What `text` reads as when written as a mapping value (or a flow item)."""
    src = f"[{text}]" if flow else f"k: {text}"
    loaded = yaml.load(src, Loader=_Loader)
    return loaded[0] if flow else loaded["k"]


# ---------------------------------------------------------------- scalars

_FLOW_INDICATORS = re.compile(r"[,\[\]{}]")
_DATETIME_SHAPE = re.compile(
    r"^(?P<date>\d{4}-\d{1,2}-\d{1,2})"
    r"(?:(?P<sep>[Tt]|[ \t]+)(?P<time>\d{1,2}:\d{2}(?::\d{2})?)(?P<frac>\.\d+)?"
    r"(?P<tzsep>[ \t]*)(?P<tz>Z|[+-]\d{1,2}(?::?\d{2})?)?)?$"
)


def format_datetime_like(value: dt.date, old_text: str | None) -> str:
    """Write a date or datetime in the same shape as `old_text` (separator, seconds, zone).

    `2021-05-10 10:00:00 +0900` stays in that shape when the writer picks another
    time; a file that writes `2021-05-10T10:00:00Z` keeps `T` and `Z`.
    """
    if not isinstance(value, dt.datetime):
        return value.isoformat()
    m = _DATETIME_SHAPE.match(old_text.strip()) if old_text else None
    sep = m.group("sep") if m and m.group("sep") else " "
    has_seconds = bool(m and m.group("time") and m.group("time").count(":") == 2) or not m or not m.group("time")
    clock = value.strftime("%H:%M:%S" if has_seconds or value.second else "%H:%M")
    if value.microsecond:
        clock += f".{value.microsecond:06d}".rstrip("0")
    text = f"{value.date().isoformat()}{sep}{clock}"
    offset = value.utcoffset()
    if offset is None:
        return text
    tzsep = m.group("tzsep") if m and m.group("tz") else " "
    old_tz = m.group("tz") if m else None
    total = int(offset.total_seconds() // 60)
    if total == 0 and old_tz in ("Z", None) and not (old_tz is None and m and m.group("time")):
        return f"{text}{'' if old_tz == 'Z' else tzsep}Z"
    sign = "+" if total >= 0 else "-"
    hours, minutes = divmod(abs(total), 60)
    colon = ":" if (old_tz is None or ":" in old_tz) else ""
    return f"{text}{tzsep}{sign}{hours:02d}{colon}{minutes:02d}"


def plain_reading(text: str, flow: bool = False) -> tuple[bool, object]:
    """(True, what YAML 1.1 reads) when `text` can stand as it is, as one plain
    scalar, at a mapping value (or a flow item): no comment, indicator, anchor,
    tag or flow syntax changes it. (False, None) otherwise."""
    if not text or text != text.strip() or "\n" in text or "\r" in text:
        return False, None
    if flow and _FLOW_INDICATORS.search(text):
        return False, None
    src = f"[{text}]" if flow else f"k: {text}"
    try:
        root = yaml.compose(src, Loader=_Loader)
        if isinstance(root, SequenceNode) and flow and len(root.value) == 1:
            node = root.value[0]
        elif isinstance(root, MappingNode) and not flow and len(root.value) == 1:
            node = root.value[0][1]
        else:
            return False, None
        if not isinstance(node, ScalarNode) or node.style or node.value != text:
            return False, None
        return True, load_scalar_text(text, flow)
    except (yaml.YAMLError, ValueError, OverflowError, TypeError):
        return False, None


def as_written_value(text: str, plain: bool, flow: bool = False) -> object:
    """What an AsWritten `text` reads as once written: plain when `plain` (the
    entry is plain or new) and the text can be plain, else a quoted string."""
    if plain:
        ok, value = plain_reading(text, flow)
        if ok:
            return value
    return str(text)


def _plain_ok(text: str, value: object, flow: bool) -> bool:
    if not text or text != text.strip() or "\n" in text or "\r" in text:
        return False
    if flow and _FLOW_INDICATORS.search(text):
        return False
    try:
        return same_value(load_scalar_text(text, flow), value)
    except (yaml.YAMLError, ValueError, OverflowError, TypeError):
        # e.g. `2024-13-45` looks like a date to the resolver but is none: quote it.
        return False


def _double(text: str) -> str:
    # JSON string syntax is a subset of YAML's double-quoted style.
    return json.dumps(text, ensure_ascii=False)


def _single(text: str) -> str | None:
    if "\n" in text or "\r" in text or any(ord(c) < 32 and c != "\t" for c in text):
        return None
    return "'" + text.replace("'", "''") + "'"


def emit_scalar(value: object, style: Style, old_text: str | None = None,
                old_quote: str | None = None, flow: bool = False) -> str:
    """Text of one scalar on one line; `old_quote` is the style of the text it replaces.

    old_quote: None for plain, '"' or "'" for quoted. Strings keep the old quoting
    when they can; a plain string that would read as something else is quoted.
    An AsWritten text is written as it is where a plain entry can hold it
    (its value is what YAML reads); otherwise it is the content of a quoted string.
    """
    if isinstance(value, AsWritten):
        if old_quote is None and plain_reading(value, flow)[0]:
            return str(value)
        value = str(value)
    if isinstance(value, bool):
        spelling = old_text.strip() if old_text else "true"
        # Keep the file's word for booleans: on/off, yes/no or true/false.
        family = {"on": ("on", "off"), "off": ("on", "off"), "yes": ("yes", "no"),
                  "no": ("yes", "no")}.get(spelling.lower(), ("true", "false"))
        text = family[0] if value else family[1]
        if spelling[:1].isupper():
            text = text.capitalize() if not spelling.isupper() else text.upper()
        return _checked(text, value, flow)
    if value is None:
        if old_text is not None and old_text.strip() in ("~", "null", "Null", "NULL"):
            return old_text.strip()
        return "null"
    if isinstance(value, int):
        return _checked(str(value), value, flow)
    if isinstance(value, float):
        if math.isnan(value):
            text = ".nan"
        elif math.isinf(value):
            text = ".inf" if value > 0 else "-.inf"
        else:
            text = repr(value)
            if "e" in text and "." not in text.split("e")[0]:
                mantissa, exp = text.split("e")
                text = f"{mantissa}.0e{exp}"  # YAML 1.1 needs a dot in a float
        return _checked(text, value, flow)
    if isinstance(value, (dt.date, dt.datetime)):
        return _checked(format_datetime_like(value, old_text), value, flow)
    if isinstance(value, str):
        if old_quote is None and _plain_ok(value, value, flow):
            return value
        quote = old_quote or style.quote
        if quote == "'":
            single = _single(value)
            if single is not None:
                return _checked(single, value, flow)
        return _checked(_double(value), value, flow)
    raise TypeError(f"cannot write a {type(value).__name__} as a YAML scalar")


def _checked(text: str, value: object, flow: bool) -> str:
    """Return `text` if it reads back as `value`; raise otherwise (never write a wrong value)."""
    try:
        back = load_scalar_text(text, flow)
    except (yaml.YAMLError, ValueError, OverflowError, TypeError):
        back = _UNREADABLE
    if not same_value(back, value):
        if isinstance(value, str):
            return _double(value)
        raise ValueError(f"{value!r} cannot be written so that it reads back the same")
    return text


_UNREADABLE = object()


def is_scalar(value: object) -> bool:
    return value is None or isinstance(value, (str, int, float, bool, dt.date))


# ---------------------------------------------------------------- collections

def emit_flow(value: object, style: Style, spaced: bool = True) -> str:
    """A value on one line in flow style: `[a, b]`, `{k: v}`."""
    comma = ", " if spaced else ","
    if isinstance(value, list):
        return "[" + comma.join(emit_flow(v, style, spaced) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = comma.join(f"{emit_key(k, style, flow=True)}: {emit_flow(v, style, spaced)}"
                           for k, v in value.items())
        return "{" + items + "}"
    return emit_scalar(value, style, flow=True)


def emit_key(key: object, style: Style, flow: bool = False) -> str:
    if isinstance(key, str) and _plain_ok(key, key, flow) and ":" not in key and "#" not in key \
            and not key.startswith(("?", "-", "&", "*", "!", "|", ">", "'", '"', "%", "@", "`")):
        return key
    return emit_scalar(key, style, flow=flow)


def emit_entry(key_text: str, value: object, style: Style, column: int,
               sep: str = " ", old_text: str | None = None, old_quote: str | None = None,
               flow_list: bool | None = None, comment: str = "") -> list[str]:
    """Lines of `key: value` for a block mapping whose keys sit at `column`.

    The first line carries no indentation (the caller keeps what was before the
    key); the following lines are indented absolutely.
    """
    if is_scalar(value):
        return [f"{key_text}:{sep}{emit_scalar(value, style, old_text, old_quote)}{comment}"]
    flow = style.flow_lists if flow_list is None else flow_list
    if not value or (flow and isinstance(value, list) and all(is_scalar(v) for v in value)):
        return [f"{key_text}:{sep}{emit_flow(value, style)}{comment}"]
    child = column + (style.seq_offset if isinstance(value, list) else style.map_indent)
    return [f"{key_text}:{comment}"] + emit_block(value, style, child)


def emit_block(value: object, style: Style, column: int) -> list[str]:
    """Lines of a block collection whose items start at `column` (absolute indentation)."""
    pad = " " * column
    lines: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            entry = emit_entry(emit_key(k, style), v, style, column)
            lines.append(pad + entry[0])
            lines.extend(entry[1:])
        return lines
    assert isinstance(value, list)
    for item in value:
        if is_scalar(item) or not item:
            lines.append(f"{pad}- {emit_flow(item, style) if not is_scalar(item) else emit_scalar(item, style)}")
        elif isinstance(item, dict):
            # `- key: v` with the other keys aligned under the first one.
            inner = emit_block(item, style, column + 2)
            lines.append(f"{pad}- {inner[0][column + 2:]}")
            lines.extend(inner[1:])
        else:
            inner = emit_block(item, style, column + 2)
            lines.append(f"{pad}- {inner[0][column + 2:]}")
            lines.extend(inner[1:])
    return lines


# ---------------------------------------------------------------- the file's style

def detect_style(root: Node | None, newline: str) -> Style:
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


def child_style(style: Style, node: Node, column: int) -> Style:
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
