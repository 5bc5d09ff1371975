"""Typing a value key by key writes the same bytes as setting it once.

The style of an edited value is decided against the file, never against the
values passed through on the way: a writer who types ` (updated)` after a
plain title goes through `… ` (which must be quoted), `… (`, … and must end
with the file one `Document.set(key, final)` on the original gives. Here real
widgets are typed into (QTest key clicks for ASCII, spaces, `:`, `#`, quotes
and Backspace; Korean through input-method preedit steps and commits; Up and
Down; Return in multi-line boxes), every edit they send goes into a Document
read from a real file and is echoed back the way the form does, and `final`
is the last value the widget sent.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.core.post.document import Document
from tests.corpus import CORPUS, corpus_rows
from tests.ui.conftest import commit_text
from tests.ui.field_harness import CHOICES, FIELD_TYPES, KOREAN_JEKYLL, Bound

K = Qt.Key
ASCII = " abcXY:#'\"-.,019"
WORDS = ("서울", "한강", "밤", "끝", "가나다", "봄비")

_keys = st.tuples(st.just("keys"), st.text(ASCII, min_size=1, max_size=4))
_ime = st.tuples(st.just("ime"), st.sampled_from(WORDS))
_back = st.tuples(st.just("back"), st.integers(1, 3))
_clear = st.tuples(st.just("clear"))
_enter = st.tuples(st.just("key"), st.just(K.Key_Return))
_step = st.tuples(st.just("key"), st.sampled_from([K.Key_Up, K.Key_Down]))
_move = st.tuples(st.just("key"), st.sampled_from([K.Key_Left, K.Key_Right, K.Key_Home, K.Key_End]))

TEXT_OPS = st.one_of(_keys, _keys, _ime, _back, _clear, _move)
OPS = {
    "string": TEXT_OPS,
    "image": TEXT_OPS,
    "text": st.one_of(_keys, _ime, _back, _enter, _clear, _move, _step),
    "markdown": st.one_of(_keys, _ime, _back, _enter, _clear, _move,
                          st.tuples(st.just("keys"), st.sampled_from(["**", "[a](b)", "# ", "`x`"]))),
    "list": st.one_of(_keys, _ime, _back, _move, st.tuples(st.just("keys"), st.sampled_from([", ", ",", ", qt"]))),
    "number": st.one_of(st.tuples(st.just("keys"), st.text("0123456789.-", min_size=1, max_size=3)),
                        _back, _step, _clear),
    "date": st.one_of(st.tuples(st.just("keys"), st.text("0123456789-: +", min_size=1, max_size=4)),
                      st.tuples(st.just("keys"), st.sampled_from(["2024-03-05", " 11:30:00", " +0900", "T"])),
                      _back, _step, _step, _move, _clear),
    "choice": st.one_of(_step, st.tuples(st.just("key"), st.sampled_from([K.Key_Home, K.Key_End]))),
    "boolean": st.tuples(st.just("key"), st.just(K.Key_Space)),
}
OPS["datetime"] = OPS["date"]



def _examples(base: int) -> int:
    """`base` examples (this file runs well under a minute under the ci
    profile); the explore profile's larger count when it asks for more."""
    return max(base, settings.default.max_examples) if settings.default.max_examples > 100 else base


#: Hypothesis drives Qt widgets in this one process: no deadline (the first
#: widget of a kind loads its modules).
FAST = settings(max_examples=_examples(60), deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def type_into(box, ops) -> None:
    """What a writer does: keys, input-method words, Backspace, caret moves, clearing."""
    for op in ops:
        kind = op[0]
        if kind == "keys":
            QTest.keyClicks(box, op[1])
        elif kind == "ime":
            word = op[1]
            commit_text(box, word, preedit_steps=[word[:i] for i in range(1, len(word) + 1)])
        elif kind == "back":
            for _ in range(op[1]):
                QTest.keyClick(box, K.Key_Backspace)
        elif kind == "key":
            QTest.keyClick(box, op[1])
        elif kind == "clear":
            QTest.keyClick(box, K.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClick(box, K.Key_Delete)


def what_the_box_says(widget, original_tail: str):
    """The value the box shows, as it must have been sent (None: no telling,
    e.g. a number box holding text that is no number)."""
    from editor.core.post.values import AsWritten
    from editor.ui.front_matter.field_widgets import (
        REMOVE, BoolField, ChoiceField, DateField, NumberField, TagsField, TextField,
    )
    from editor.ui.front_matter.fields.readings import reads_as_date, reads_as_number

    if isinstance(widget, BoolField):
        return widget.box.isChecked()
    if isinstance(widget, ChoiceField):
        index = widget.combo.currentIndex()
        return widget._choices[index] if index >= 0 else None
    if isinstance(widget, TagsField):
        value = widget.value_of(widget.edit.text())
        return value if value else None
    if isinstance(widget, TextField):
        text = widget.edit.toPlainText()
        return text + original_tail if text else None
    text = widget.edit.text().strip() if isinstance(widget, (NumberField, DateField)) else widget.edit.text()
    if not text:
        return REMOVE if isinstance(widget, (NumberField, DateField)) else None
    if isinstance(widget, NumberField):
        return AsWritten(text) if reads_as_number(text) else None
    if isinstance(widget, DateField):
        return AsWritten(text) if reads_as_date(text) else None
    return text


def typed_then_checked(bound: Bound, ops) -> None:
    """Type `ops` at the end of the box, leave it, and compare with one edit."""
    box = bound.widget.focusProxy()
    value = bound.doc.get(bound.path, None)
    bound.original_tail = value[len(value.rstrip("\n")):] if isinstance(value, str) else ""
    bound.widget.activateWindow()
    QTest.qWaitForWindowActive(bound.widget)
    box.setFocus(Qt.FocusReason.TabFocusReason)
    if hasattr(box, "moveCursor"):
        box.moveCursor(box.textCursor().MoveOperation.End)
    elif hasattr(box, "end"):
        box.end(False)
    type_into(box, ops)
    RUNS.append(len(bound.sent))
    box.clearFocus()  # leaving the box: an emptied number or date is removed now
    QApplication.processEvents()
    if not bound.sent:
        assert bound.bytes == bound.original, "nothing sent, yet the file changed"
        return
    final = bound.sent[-1]
    says = what_the_box_says(bound.widget, bound.original_tail)
    if says is not None:
        assert str(final) == str(says) and type(final) is type(says), (
            f"the box shows {says!r} but sent {final!r} last")
    if bound.refused:
        # The last edit was refused: the writer is told, on the field.
        assert bound.widget.problem(), f"edit {final!r} refused without a word: {bound.refused[-1]}"
        return
    expected = bound.one_shot(final)
    assert bound.bytes.decode("utf-8") == expected.decode("utf-8"), (
        f"typed {ops!r}; sent {bound.sent!r}")


#: How many edits each example sent: a property over examples that sent
#: nothing would pass without testing anything.
RUNS: list[int] = []


def _close(bound: Bound) -> None:
    bound.close()
    QApplication.sendPostedEvents(None, 52)  # QEvent.DeferredDelete: free the widget now


@pytest.fixture(scope="module")
def korean_post(tmp_path_factory):
    path = tmp_path_factory.mktemp("typing") / "2021-05-10-seoul.md"
    path.write_bytes(KOREAN_JEKYLL.encode("utf-8"))
    return path


FIELDS = list(FIELD_TYPES) + ["sleep:number", "when:datetime", "subtitle:string"]


@pytest.mark.parametrize("field", FIELDS)
def test_typing_key_by_key_equals_one_set_on_the_korean_post(qapp, korean_post, field):
    key, _, ftype = field.partition(":")
    ftype = ftype or FIELD_TYPES[key]

    @FAST
    @given(ops=st.lists(OPS[ftype], min_size=1, max_size=8))
    def check(ops):
        bound = Bound(korean_post, key, ftype, choices=CHOICES.get(key, ()), default=True)
        try:
            typed_then_checked(bound, ops)
        finally:
            _close(bound)

    RUNS.clear()
    check()
    assert sum(1 for n in RUNS if n) >= 5, f"only {RUNS} edits sent"


# -- the string fields of real posts -------------------------------------------------------


def _corpus_string_fields(limit_posts: int = 60) -> list[tuple[str, str]]:
    """(post, key) for the string values of a spread sample of the YAML and TOML posts."""
    rows = [r for r in corpus_rows() if r["front_matter_kind"] in ("yaml", "toml")]
    step = max(1, len(rows) // limit_posts)
    found = []
    for row in rows[::step][:limit_posts]:
        path = CORPUS / row["local_path"]
        try:
            doc = Document.from_bytes(path.read_bytes(), path=path)
            data = doc.front_matter
        except Exception:  # a post we cannot read is another test's business
            continue
        if doc.front_matter_error is not None:
            continue
        for key, value in data.items():
            if isinstance(key, str) and isinstance(value, str):
                found.append((row["local_path"], key))
    return found


CORPUS_FIELDS = _corpus_string_fields()


@pytest.mark.skipif(not CORPUS_FIELDS, reason=f"corpus not found at {CORPUS}")
def test_typing_key_by_key_equals_one_set_on_corpus_string_fields(qapp):
    @settings(max_examples=_examples(200), deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(field=st.sampled_from(CORPUS_FIELDS), data=st.data())
    def check(field, data):
        local, key = field
        path = CORPUS / local
        probe = Document.from_bytes(path.read_bytes(), path=path)
        multiline = "\n" in probe.get((key,))
        ops = data.draw(st.lists(OPS["text" if multiline else "string"], min_size=1, max_size=6))
        bound = Bound(path, key, "string")
        try:
            typed_then_checked(bound, ops)
        finally:
            _close(bound)

    RUNS.clear()
    check()
    assert sum(1 for n in RUNS if n) >= 100, f"only {RUNS} edits sent"
    print(f"{len(RUNS)} examples over {len(CORPUS_FIELDS)} corpus string fields")
