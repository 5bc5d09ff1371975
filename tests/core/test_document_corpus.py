"""Issue 2's guarantees (a)-(f), checked on every real post in ../shared/corpus."""

from __future__ import annotations

import datetime as dt
import difflib
import re

import pytest

from editor.core.post.document import Document, FrontMatterKind
from tests.corpus import CORPUS, corpus_params

_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def lines(text: str) -> list[str]:
    return _LINES.findall(text)


def changed_old_lines(old: str, new: str) -> tuple[set[int], set[str]]:
    """1-based old line numbers touched by the edit, and the kinds of edits."""
    sm = difflib.SequenceMatcher(a=lines(old), b=lines(new), autojunk=False)
    touched: set[int] = set()
    kinds: set[str] = set()
    for tag, i1, i2, _j1, _j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        kinds.add(tag)
        touched.update(range(i1 + 1, i2 + 1) if i2 > i1 else {i1})
    return touched, kinds


def assert_only_lines_changed(old: str, new: str, first: int, last: int) -> None:
    """Lines before `first` and after `last` (1-based, inclusive) are untouched."""
    old_l, new_l = lines(old), lines(new)
    prefix, suffix = old_l[: first - 1], old_l[last:]
    assert new_l[: len(prefix)] == prefix, "lines before the edited entry changed"
    assert len(new_l) >= len(prefix) + len(suffix)
    assert new_l[len(new_l) - len(suffix):] == suffix, "lines after the edited entry changed"


def another(value):
    """A different value of the same kind, including Korean text."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 7
    if isinstance(value, float):
        return value + 0.5
    if isinstance(value, dt.datetime):
        return value.replace(year=2001, minute=(value.minute + 5) % 60)
    if isinstance(value, dt.date):
        return value.replace(year=2001)
    if isinstance(value, str):
        return (value.strip() or "x") + " 수정됨"
    if isinstance(value, list):
        return [*value, "새 태그"]
    if isinstance(value, dict):
        return {**value, "galley_extra": "값"}
    return "바뀐 값"


def load(row) -> tuple[Document, bytes]:
    data = (CORPUS / row["local_path"]).read_bytes()
    return Document.from_bytes(data, row["local_path"]), data


@pytest.mark.parametrize("row", corpus_params())
def test_a_unchanged_save_is_byte_identical(row):
    doc, data = load(row)
    assert doc.to_bytes() == data
    if row["front_matter_kind"] != "none" and "malformed" not in row["notes"]:
        assert doc.kind.value == row["front_matter_kind"]


def editable(row):
    doc, data = load(row)
    if doc.kind is FrontMatterKind.NONE or doc.front_matter_error is not None:
        pytest.skip(f"no editable front matter: {doc.front_matter_error or 'none'}")
    return doc, data


@pytest.mark.parametrize("row", corpus_params())
def test_b_e_f_setting_one_key_changes_only_its_lines(row):
    base, data = editable(row)
    for key, value in base.front_matter.items():
        if not isinstance(key, str):
            continue
        doc = Document.from_bytes(data, row["local_path"])
        span = doc.key_span(key)
        new_value = another(value)
        assert doc.set(key, new_value) is True
        assert doc.get(key) == new_value                                  # (f)
        assert doc.body == base.body                                      # (e)
        assert_only_lines_changed(base.text, doc.text, *span)            # (b)
        others = {k: v for k, v in doc.front_matter.items() if k != key}
        assert others == {k: v for k, v in base.front_matter.items() if k != key}
        reread = Document.from_bytes(doc.to_bytes())
        assert reread.get(key) == new_value and reread.body == base.body


@pytest.mark.parametrize("row", corpus_params())
def test_c_adding_a_key_appends_it_in_place(row):
    base, data = editable(row)
    for value in ("한국어 값: 콜론", ["하나", "둘"], {"nested": 1}):
        doc = Document.from_bytes(data)
        doc.set("galley_added", value)
        assert doc.get("galley_added") == value
        _, kinds = changed_old_lines(base.text, doc.text)
        if doc.kind is FrontMatterKind.JSON:
            # A JSON member needs a comma after the one before it: that line changes too.
            assert kinds <= {"insert", "replace"}
        else:
            assert kinds == {"insert"}
        assert doc.body == base.body
        if doc.kind is not FrontMatterKind.TOML:  # TOML: before the first [table]
            assert list(doc.front_matter)[-1] == "galley_added"


@pytest.mark.parametrize("row", corpus_params())
def test_d_removing_a_key_removes_only_its_lines(row):
    base, data = editable(row)
    for key in [k for k in base.front_matter if isinstance(k, str)]:
        doc = Document.from_bytes(data)
        span = doc.key_span(key)
        assert doc.unset(key) is True
        assert key not in doc.front_matter
        old_l, new_l = lines(base.text), lines(doc.text)
        if doc.kind is FrontMatterKind.JSON:  # the comma of a neighbour may go too
            assert_only_lines_changed(base.text, doc.text, span[0] - 1, span[1])
        else:
            assert new_l == old_l[: span[0] - 1] + old_l[span[1]:], (key, span)
        assert doc.body == base.body


@pytest.mark.parametrize("row", corpus_params())
def test_setting_the_same_value_changes_nothing(row):
    doc, data = editable(row)
    for key, value in doc.front_matter.items():
        assert doc.set((key,), value) is False
    assert doc.to_bytes() == data
