"""Edits over the YAML test suite: every key of every case usable as front
matter is set, set as written, and removed (also giving it its own value
where it shares one). Each edit is either refused with a message or leaves
every other key reading as before, checked by reading the new text from
scratch, independently of the handler's own check.

The suite is read where it lies (../shared/suites/yaml-test-suite); the test
skips when it is absent.
"""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest

from editor.core.post.document import Document
from editor.core.post.errors import EditRefused, FrontMatterError, KeyPathError, SharedValueError
from editor.core.post.fm_yaml import YamlFrontMatter
from editor.core.post.values import OWN, AsWritten, same_value

SUITE = Path(__file__).resolve().parents[2].parent / "shared" / "suites" / "yaml-test-suite"
#: A line a post would take for the end of its front matter (or a YAML directive).
_NOT_FRONT_MATTER = re.compile(r"^(?:---|\.\.\.|%)", re.M)
REFUSALS = (EditRefused, SharedValueError, KeyPathError, ValueError, FrontMatterError)
VALUE = "galley edit"
_REMOVED = object()


def _cases() -> list[Path]:
    if not SUITE.is_dir():
        return []
    found = []
    for in_yaml in sorted(SUITE.glob("**/in.yaml")):
        if not (in_yaml.parent / "error").exists():
            found.append(in_yaml)
    return found


def _front_matter(in_yaml: Path) -> tuple[str, dict] | None:
    """The case's text and data when it can stand as a post's front matter."""
    try:
        text = in_yaml.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None
    if _NOT_FRONT_MATTER.search(text) or "\t" in text.split("\n", 1)[0][:1]:
        return None
    if text and not text.endswith("\n"):
        text += "\n"
    try:
        data = YamlFrontMatter(text).data()
    except FrontMatterError:
        return None
    if not data:
        return None
    doc = Document.from_text("---\n" + text + "---\n본문\n")
    if doc.front_matter_error is not None or doc.front_matter_text != text:
        return None
    return text, data


def _operations(key: object) -> list[tuple[str, object, str | None]]:
    return [("set", VALUE, None), ("set", AsWritten(VALUE), None), ("unset", None, None),
            ("set", VALUE, OWN), ("unset", None, OWN)]


def _lookup(data: dict, key: object) -> object:
    return data.get(key, _REMOVED)


def test_every_edit_over_the_yaml_suite_is_refused_or_exact():
    cases = _cases()
    if not cases:
        pytest.skip(f"the YAML test suite is not at {SUITE}")
    counts: collections.Counter = collections.Counter()
    failures: list[str] = []
    for in_yaml in cases:
        usable = _front_matter(in_yaml)
        counts["cases"] += 1
        if usable is None:
            continue
        text, data = usable
        counts["usable cases"] += 1
        for key in list(data):
            counts["keys"] += 1
            for action, value, share in _operations(key):
                counts["edits"] += 1
                doc = Document.from_text("---\n" + text + "---\n본문\n")
                where = f"{in_yaml.parent.relative_to(SUITE)} {action} {key!r} {value!r} share={share}"
                try:
                    if action == "set":
                        doc.set((key,), value, share=share)
                    else:
                        doc.unset((key,), share=share)
                except REFUSALS as exc:
                    counts[f"refused ({type(exc).__name__})"] += 1
                    if not str(exc).strip():
                        failures.append(f"{where}: refused without a message")
                    if doc.front_matter_text != text:
                        failures.append(f"{where}: refused but the text changed")
                    continue
                except Exception as exc:  # noqa: BLE001 - the point of the test
                    failures.append(f"{where}: {type(exc).__name__}: {exc}")
                    continue
                try:
                    after = YamlFrontMatter(doc.front_matter_text).data()
                except FrontMatterError as exc:
                    failures.append(f"{where}: the new text does not parse: {exc}")
                    continue
                if action == "set":
                    ok = same_value(_lookup(after, key), VALUE) or (
                        isinstance(value, AsWritten) and _lookup(after, key) is not _REMOVED)
                    if not ok:
                        failures.append(f"{where}: reads {_lookup(after, key)!r}")
                elif _lookup(after, key) is not _REMOVED:
                    failures.append(f"{where}: still there")
                others_before = {k: v for k, v in data.items() if k != key}
                others_after = {k: v for k, v in after.items() if k != key}
                if not same_value(others_before, others_after):
                    failures.append(f"{where}: another key changed:\n{doc.front_matter_text}")
                counts["made"] += 1
    print("\nYAML suite edits:", dict(counts))
    assert counts["usable cases"] > 50
    assert not failures, "\n".join(failures[:20]) + f"\n({len(failures)} failures)"
