"""The one YAML loader Galley reads front matter with: safe, fast, and Jekyll's semantics.

PyYAML's C-accelerated safe loader (YAML 1.1, like Jekyll's Psych), plus two
things Psych does and PyYAML does not:

- a time zone written without a colon (`2021-05-10 10:00:00 +0900`, common in
  Jekyll posts) is a timestamp, not a string;
- an unknown local tag (`!foo x`) reads as its plain value instead of failing.

Nothing else is constructed: `!!python/...` tags stay errors (fm_yaml refuses
them before construction with a located message).
"""

from __future__ import annotations

import functools
import re

import yaml
from yaml.nodes import Node, ScalarNode, SequenceNode

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Psych's timestamp shape (ruby/psych scalar_scanner.rb): the colon in the zone is optional.
_PSYCH_TIME = re.compile(
    r"^(?:[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}"
    r"(?:\.[0-9]*)?[ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?)?)$"
)
_ZONE_NO_COLON = re.compile(r"([-+][0-9]{1,2})([0-9]{2})$")


class GalleyLoader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader for front matter (see the module docstring)."""


def _construct_timestamp(loader: yaml.SafeLoader, node: ScalarNode):  # type: ignore[no-untyped-def]
    value = _ZONE_NO_COLON.sub(r"\1:\2", node.value.strip())
    fixed = ScalarNode(node.tag, value, node.start_mark, node.end_mark, node.style)
    return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, fixed)


def _construct_untagged(loader: yaml.SafeLoader, node: Node):  # type: ignore[no-untyped-def]
    if isinstance(node, ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)


GalleyLoader.add_implicit_resolver("tag:yaml.org,2002:timestamp", _PSYCH_TIME, list("0123456789"))
GalleyLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
GalleyLoader.add_constructor(None, _construct_untagged)


def load(text: str):  # type: ignore[no-untyped-def]
    """Load one YAML document with GalleyLoader (for indexing and small values)."""
    return yaml.load(text, Loader=GalleyLoader)


# -- the common case without PyYAML's machinery ---------------------------------------------
#
# Most front matter is a flat list of `key: value` lines: plain or quoted one-line scalars,
# one-line flow lists (`tags: [a, b]`) and block lists of such scalars. For those,
# `load_simple` cuts the scalars out of the lines itself and gives each one the tag and
# value GalleyLoader's own resolver and constructors give it (so `yes`, `~`, `0o17`,
# `2021-05-10 10:00:00 +0900` come out exactly as PyYAML reads them); only the splitting
# into scalars is ours, and it refuses (returns None) at anything it does not recognise
# for certain: then the caller loads the text with GalleyLoader as before. Validating a
# 10,000-post site spends most of its parse time here (PyYAML's constructor is Python).

_STR_TAG = "tag:yaml.org,2002:str"
#: Tags whose constructor is a pure function of the scalar's text.
_SCALAR_TAGS = frozenset({"tag:yaml.org,2002:null", "tag:yaml.org,2002:bool",
                          "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                          "tag:yaml.org,2002:timestamp", _STR_TAG})
#: Anything YAML may read other than as plain text: control characters and the
#: other line breaks (\x85, \u2028, \u2029), tabs, CR, BOM, non-characters.
_UNSAFE_CHAR = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
#: A key: a plain word, short (libyaml refuses implicit keys over 1024 characters).
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,127}):(?: +|$)")
#: Characters a plain scalar may not start with (YAML indicators), and space.
_NOT_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@` ")
_FLOW_ITEM = re.compile(r" *(?:\"([^\"\\]*)\"|'((?:[^']|'')*)'|([^-?:,\[\]{}#&*!|>'\"%@` ][^,\[\]{}#:?]*?)) *(,|\]$)")


@functools.lru_cache(maxsize=4096)  # layouts, tags, keys repeat across posts; values are immutable
def _resolve_plain(text: str):
    """The value GalleyLoader gives the plain scalar `text`; raises LookupError if its
    tag is one whose construction is not a pure function of the text (merge keys...)."""
    resolvers = GalleyLoader.yaml_implicit_resolvers.get(text[:1] if text else "", [])
    for tag, regexp in resolvers:
        if regexp.match(text):
            break
    else:
        return text
    if tag == _STR_TAG:
        return text
    if tag not in _SCALAR_TAGS:
        raise LookupError(tag)
    node = ScalarNode(tag, text)
    return GalleyLoader.yaml_constructors[tag](_CONSTRUCTOR, node)


class _Unsure(Exception):
    """The text is not in the simple shape load_simple knows for certain."""


def _block_scalar(rest: str):
    """The value of a scalar written on one line in block context (after `key: ` or `- `)."""
    if not rest:
        return None
    first = rest[0]
    if first == '"':
        end = rest.find('"', 1)
        if end < 0 or "\\" in rest[:end]:
            raise _Unsure
        _comment_only(rest[end + 1:])
        return rest[1:end]
    if first == "'":
        end = 1
        while True:
            end = rest.find("'", end)
            if end < 0:
                raise _Unsure
            if rest[end + 1:end + 2] == "'":
                end += 2
                continue
            break
        _comment_only(rest[end + 1:])
        return rest[1:end].replace("''", "'")
    if first == "[":
        return _flow_list(rest)
    if first == "#":
        return None  # `key: # a comment`: an empty value
    if first in _NOT_PLAIN_START:
        raise _Unsure
    cut = rest.find(" #")
    text = (rest if cut < 0 else rest[:cut]).rstrip(" ")
    if ": " in text or text.endswith(":"):
        raise _Unsure
    return _resolve_plain(text)


def _comment_only(after: str) -> None:
    after = after.lstrip(" ")
    if after and not after.startswith("#"):
        raise _Unsure


def _flow_list(rest: str) -> list:
    """`[a, "b", 'c']` on one line, of scalars only."""
    text = rest.rstrip(" ")
    if not text.endswith("]"):
        raise _Unsure
    if not text[1:-1].strip(" "):
        return []
    items = []
    pos = 1
    while pos < len(text):
        m = _FLOW_ITEM.match(text, pos)
        if m is None:
            raise _Unsure
        double, single, plain, _sep = m.groups()
        if double is not None:
            items.append(double)
        elif single is not None:
            items.append(single.replace("''", "'"))
        else:
            items.append(_resolve_plain(plain.rstrip(" ")))
        pos = m.end()
    return items


def load_simple(text: str) -> dict | None:
    """The front matter `text` as GalleyLoader loads it, when it is in the simple shape
    described above; None when it is not (then load it with GalleyLoader)."""
    if _UNSAFE_CHAR.search(text):
        return None
    data: dict = {}
    lines = text.split("\n")
    i, n = 0, len(lines)
    try:
        while i < n:
            line = lines[i]
            i += 1
            if not line or line[0] == "#" or not line.strip(" "):
                continue  # blank or a comment at the left edge
            m = _KEY.match(line)
            if m is None:
                return None
            key = m.group(1)
            if key in data or not isinstance(_resolve_plain(key), str):
                return None  # a duplicate, or a key that is not a string (`on:`, `1:`)
            rest = line[m.end():]
            if rest and rest[0] != "#":
                data[key] = _block_scalar(rest)
                continue
            # Nothing on the key's line: a block list may follow, or the value is null.
            items, indent = [], None
            while i < n:
                item = lines[i]
                stripped = item.lstrip(" ")
                if not stripped or stripped[0] == "#":
                    i += 1
                    continue
                if not stripped.startswith("- "):
                    break
                depth = len(item) - len(stripped)
                if indent is None:
                    indent = depth
                elif depth != indent:
                    return None
                value = _block_scalar(stripped[2:].lstrip(" "))
                if isinstance(value, list):
                    return None  # a list inside a list: rare, let PyYAML read it
                items.append(value)
                i += 1
            if indent is None:
                if i < n and lines[i][:1] in (" ", "-"):
                    return None  # something nested or odd follows
                data[key] = None
            else:
                data[key] = items
                if i < n and lines[i][:1] == " ":
                    return None
    except (_Unsure, LookupError, ValueError):
        return None
    return data


_CONSTRUCTOR = GalleyLoader("")
