"""Parsing a YAML front-matter fragment: composed nodes with their text spans,
the values as Jekyll reads them, and the safety limits.

The fragment is composed (not constructed) with PyYAML's C parser, which gives
every node its exact character span; the values are constructed from those
nodes with the safe constructor (GalleyLoader: YAML 1.1, as Jekyll's Psych).

Safety: nothing is constructed except plain data; a `!!python/...` tag is an
error (`unsafe-yaml-tag`); the fragment size, nesting depth and the size of
the value after alias expansion are bounded (an alias bomb is refused in
microseconds, before anything expands it).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from editor.core.post.errors import FrontMatterError
from editor.core.post.yaml_aliases import MERGE_TAG, SharingMap, compose_with_aliases
from editor.core.post.yaml_loader import GalleyLoader

MAX_CHARS = 1_000_000        # a front matter of a megabyte is not front matter
MAX_DEPTH = 64               # nesting levels
MAX_EXPANDED_NODES = 100_000  # nodes once every alias is expanded

_PYTHON_TAG = "tag:yaml.org,2002:python/"
_Loader = GalleyLoader


def _error(message: str, mark: Any = None, rule: str = "yaml-syntax") -> FrontMatterError:
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    return FrontMatterError(message, line, column, rule=rule)


def _estimated_depth(text: str) -> int:
    """A cheap upper bound of the nesting depth, checked before the C parser
    recurses (deep flow brackets could otherwise exhaust its stack)."""
    depth = best = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            best = max(best, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
    indent_levels = max((len(line) - len(line.lstrip(" ")) for line in text.split("\n")), default=0)
    return max(best, indent_levels // 2)


def parse_yaml(text: str) -> tuple[MappingNode | None, dict, list[FrontMatterError]]:
    """Compose and check the fragment; return (root node, values, non-fatal problems)."""
    root, data, issues, _aliases = parse_yaml_sharing(text)
    return root, data, issues


def parse_yaml_sharing(text: str) -> tuple[MappingNode | None, dict, list[FrontMatterError], SharingMap]:
    """parse_yaml plus where the fragment's aliases are (see yaml_aliases)."""
    if len(text) > MAX_CHARS:
        raise _error(f"the front matter is {len(text):,} characters long; "
                     f"the limit is {MAX_CHARS:,}", rule="front-matter-limit")
    if _estimated_depth(text) > MAX_DEPTH * 4:
        raise _error(f"the front matter nests deeper than {MAX_DEPTH} levels",
                     rule="front-matter-limit")
    try:
        root, aliases = compose_with_aliases(text, _Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "invalid YAML"
        raise _error(f"YAML syntax: {what}", mark) from None
    except yaml.YAMLError as exc:
        raise _error(f"YAML syntax: {exc}") from None
    except RecursionError:
        raise _error(f"the front matter nests deeper than {MAX_DEPTH} levels",
                     rule="front-matter-limit") from None
    if root is None:
        return None, {}, [], aliases
    if not isinstance(root, MappingNode):
        raise _error("the front matter must be a list of `key: value` lines, "
                     f"not a {'list' if isinstance(root, SequenceNode) else 'single value'}",
                     root.start_mark)
    merging: list[MappingNode] = []
    issues = _check(root, merging)
    try:
        data = construct(root, merging)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise _error(f"YAML: {exc.problem or exc.context}", mark) from None
    except (TypeError, ValueError, OverflowError, LookupError) as exc:
        # e.g. an unhashable key, a bad date, `!!bool maybe`
        raise _error(f"YAML: {exc}", root.start_mark) from None
    return root, data, issues, aliases


def construct(node: Node, merging: list[MappingNode] | None = None) -> Any:
    """The value of a composed node. PyYAML's constructor flattens merge keys
    (`<<: *base`) into the merging mapping's node list; the nodes are put back
    as written afterwards, so that text spans and alias positions stay true."""
    if merging is None:
        merging = []
        _check(node, merging)
    saved = [(m, list(m.value)) for m in merging]
    try:
        return _Loader("").construct_document(node)
    finally:
        for mapping, pairs in saved:
            mapping.value = pairs


def _check(root: Node, merging: list[MappingNode]) -> list[FrontMatterError]:
    """Refuse unsafe tags and oversized values; report duplicate keys (non-fatal).
    Mappings with a merge key are added to `merging`."""
    sizes: dict[int, int] = {}
    issues: list[FrontMatterError] = []

    def walk(node: Node, depth: int) -> int:
        known = sizes.get(id(node))
        if known is not None:  # an alias: its expansion costs its size again
            return known
        if depth > MAX_DEPTH:
            raise _error(f"the front matter nests deeper than {MAX_DEPTH} levels",
                         node.start_mark, rule="front-matter-limit")
        if node.tag.startswith(_PYTHON_TAG):
            raise _error(f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')} could run "
                         "code and is not allowed in front matter", node.start_mark,
                         rule="unsafe-yaml-tag")
        sizes[id(node)] = 1  # guards against recursive aliases while we descend
        total = 1
        if isinstance(node, SequenceNode):
            for child in node.value:
                total += walk(child, depth + 1)
        elif isinstance(node, MappingNode):
            seen: set[str] = set()
            if any(key.tag == MERGE_TAG for key, _ in node.value):
                merging.append(node)
            for key, value in node.value:
                if isinstance(key, ScalarNode):
                    if key.value in seen and key.value != "<<":
                        issues.append(_error(f"the key `{key.value}` appears twice; "
                                             "the later value wins", key.start_mark,
                                             rule="duplicate-key"))
                    seen.add(key.value)
                total += walk(key, depth + 1) + walk(value, depth + 1)
        if total > MAX_EXPANDED_NODES:
            raise _error("the front matter expands to more than "
                         f"{MAX_EXPANDED_NODES:,} values (aliases repeated too often)",
                         node.start_mark, rule="front-matter-limit")
        sizes[id(node)] = total
        return total

    walk(root, 0)
    return issues


