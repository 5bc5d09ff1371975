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
