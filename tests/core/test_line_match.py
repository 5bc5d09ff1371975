"""Line matching for diffs and merges: valid difflib-shaped output, fast on repeated lines."""

from __future__ import annotations

import difflib
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.disk.line_match import matching_blocks, opcodes

_lines = st.lists(st.sampled_from(["", "a", "b", "c", "문단", "## 섹션", "x"]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(a=_lines, b=_lines)
def test_blocks_match_and_opcodes_rebuild_b(a, b):
    blocks = matching_blocks(a, b)
    assert blocks[-1] == (len(a), len(b), 0)
    last_i = last_j = 0
    for i, j, n in blocks:
        assert i >= last_i and j >= last_j and a[i:i + n] == b[j:j + n]
        last_i, last_j = i + n, j + n
    rebuilt = []
    for tag, i1, i2, j1, j2 in opcodes(a, b):
        rebuilt += a[i1:i2] if tag == "equal" else b[j1:j2]
    assert rebuilt == b


def test_same_opcodes_as_difflib_on_unique_lines():
    a = [f"line {i}" for i in range(50)]
    b = a[:10] + ["new"] + a[12:40] + a[41:]
    assert opcodes(a, b) == difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def test_repeated_paragraphs_are_fast():
    # Repeated paragraphs and blank lines: difflib alone took seconds here.
    a = [line for i in range(1500) for line in (f"## 섹션 {i}", "", "같은 문단입니다.", "")]
    b = list(a)
    for k in range(2, len(b), 150):
        b[k] = "고친 문단입니다."
    start = time.perf_counter()
    codes = opcodes(a, b)
    elapsed = time.perf_counter() - start
    assert sum(1 for c in codes if c[0] != "equal") == len(range(2, len(b), 150))
    assert elapsed < 1.0, elapsed  # a generous bound: ~10 ms here; difflib took 2.5 s
