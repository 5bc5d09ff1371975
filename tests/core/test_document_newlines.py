"""Line breaks as the Document counts them: \r\n, \r and \n are one each,
and a post keeps the newline most of its lines use."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from editor.core.post.document import count_lines, dominant_newline

_BREAK = re.compile(r"\r\n|\r|\n")  # the definition, matched


@given(st.text(alphabet=st.sampled_from(list("a가 \r\n\t-")), max_size=60))
def test_breaks_and_the_dominant_newline_are_what_matching_finds(text):
    found = [m.group() for m in _BREAK.finditer(text)]
    assert count_lines(text) == len(found)
    counts = {newline: found.count(newline) for newline in ("\n", "\r\n", "\r")}
    best = max(counts, key=counts.get)  # a tie goes to the first of \n, \r\n, \r
    assert dominant_newline(text) == (best if counts[best] else "\n")


def test_examples():
    assert dominant_newline("---\r\ntitle: 글\r\n---\r\n본문\n") == "\r\n"
    assert dominant_newline("no break") == "\n"
    assert dominant_newline("old mac\rtext\r") == "\r"
    assert count_lines("a\r\n\r\n\rb\n") == 4
