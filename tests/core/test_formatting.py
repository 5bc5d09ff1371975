"""Format menu commands on plain text (editor.core.post.formatting)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.core.post import formatting as f


def run(command, marked):
    """`marked` shows the selection as ⟦ and ⟧ (or the caret as |); returns the
    result marked the same way."""
    if "|" in marked:
        start = end = marked.index("|")
        text = marked.replace("|", "")
    else:
        start = marked.index("⟦")
        end = marked.index("⟧") - 1
        text = marked.replace("⟦", "").replace("⟧", "")
    r = f.apply(command, text, start, end)
    if r.start == r.end:
        return r.text[:r.start] + "|" + r.text[r.start:]
    return r.text[:r.start] + "⟦" + r.text[r.start:r.end] + "⟧" + r.text[r.end:]


@pytest.mark.parametrize("command, before, after", [
    (f.BOLD, "hello ⟦world⟧", "hello **⟦world⟧**"),
    (f.BOLD, "hello **⟦world⟧**", "hello ⟦world⟧"),
    (f.BOLD, "hello ⟦**world**⟧", "hello ⟦world⟧"),
    (f.BOLD, "⟦한국어 ⟧문장", "**⟦한국어⟧** 문장"),
    (f.BOLD, "ab|c", "ab**|**c"),
    (f.BOLD, "ab**|**c", "ab|c"),
    (f.ITALIC, "a ⟦b⟧ c", "a *⟦b⟧* c"),
    (f.ITALIC, "a *⟦b⟧* c", "a ⟦b⟧ c"),
    (f.ITALIC, "**⟦x⟧**", "***⟦x⟧***"),
    (f.BOLD, "***⟦x⟧***", "*⟦x⟧*"),
    (f.ITALIC, "***⟦x⟧***", "**⟦x⟧**"),
    (f.BOLD, "*⟦x⟧*", "***⟦x⟧***"),
    (f.CODE, "run ⟦make test⟧ now", "run `⟦make test⟧` now"),
    (f.CODE, "run `⟦make test⟧` now", "run ⟦make test⟧ now"),
    (f.CODE, "⟦a `b` c⟧", "`` ⟦a `b` c⟧ ``"),
    (f.CODE, "x|y", "x`|`y"),
    (f.CODE, "x`|`y", "x|y"),
    (f.LINK, "see ⟦문서⟧ here", "see [문서](|) here"),
    (f.LINK, "⟦https://example.org⟧", "[|](https://example.org)"),
    (f.LINK, "⟦[a](b)⟧", "⟦a⟧"),
    (f.LINK, "|", "[](|)"),
    (f.IMAGE, "⟦사진⟧", "![사진](|)"),
    (f.IMAGE, "⟦![a](b.png)⟧", "⟦a⟧"),
])
def test_inline(command, before, after):
    assert run(command, before) == after


@pytest.mark.parametrize("command, before, after", [
    (f.H1, "제|목", "# 제|목"),
    (f.H2, "## 제|목", "제|목"),
    (f.H2, "# 제|목", "## 제|목"),
    (f.H3, "|", "### |"),
    (f.H2, "⟦a\n\nb⟧", "⟦## a\n\n## b⟧"),
    (f.H2, "⟦## a\n\n## b⟧", "⟦a\n\nb⟧"),
    (f.BULLETS, "⟦one\ntwo⟧", "⟦- one\n- two⟧"),
    (f.BULLETS, "⟦- one\n- two⟧", "⟦one\ntwo⟧"),
    (f.BULLETS, "⟦1. one\n2. two⟧", "⟦- one\n- two⟧"),
    (f.BULLETS, "⟦  nested⟧", "⟦  - nested⟧"),
    (f.NUMBERS, "⟦하나\n둘\n셋⟧", "⟦1. 하나\n2. 둘\n3. 셋⟧"),
    (f.NUMBERS, "⟦1. 하나\n2. 둘⟧", "⟦하나\n둘⟧"),
    (f.NUMBERS, "⟦- a\n- b⟧", "⟦1. a\n2. b⟧"),
    (f.BULLETS, "⟦- a\nb⟧", "⟦- a\n- b⟧"),
    (f.QUOTE, "⟦a\n\nb⟧", "⟦> a\n>\n> b⟧"),
    (f.QUOTE, "⟦> a\n>\n> b⟧", "⟦a\n\nb⟧"),
    (f.QUOTE, "말|", "> 말|"),
    (f.CODE, "⟦a = 1\nb = 2⟧", "⟦```\na = 1\nb = 2\n```⟧"),
    (f.CODE, "⟦```\na\n```⟧", "⟦a⟧"),
    (f.CODE, "⟦```py\na\nb\n```⟧", "⟦a\nb⟧"),
    (f.CODE, "⟦```\n````\nx⟧", "⟦`````\n```\n````\nx\n`````⟧"),
    (f.RULE, "para|", "para\n\n---|"),
    (f.RULE, "a|\nb", "a\n\n---|\n\nb"),
    (f.RULE, "a\n|\nb", "a\n\n---|\n\nb"),
    (f.RULE, "a\n\n|\n\nb", "a\n\n---|\n\nb"),
    (f.RULE, "|", "---|"),
])
def test_lines(command, before, after):
    assert run(command, before) == after


def test_only_the_selected_lines_change():
    before = "keep\n⟦a\nb⟧\nkeep too"
    assert run(f.BULLETS, before) == "keep\n⟦- a\n- b⟧\nkeep too"


def test_a_selection_ending_at_a_line_start_leaves_that_line_alone():
    text = "a\nb\nc"
    r = f.apply(f.QUOTE, text, 0, 4)  # "a\nb\n" selected: the caret sits at c's start
    assert r.text == "> a\n> b\nc"


@pytest.mark.parametrize("command", [f.BULLETS, f.NUMBERS, f.QUOTE, f.H2, f.BOLD, f.CODE])
def test_crlf_bodies_keep_their_line_ends(command):
    text = "첫째\r\n둘째\r\n셋째\r\n"
    r = f.apply(command, text, 0, len("첫째\r\n둘째"))
    assert "\n" not in r.text.replace("\r\n", "")
    assert r.text.endswith("셋째\r\n")
    again = f.apply(command, r.text, r.start, r.end)
    assert again.text == text


def test_crlf_rule():
    assert f.apply(f.RULE, "a\r\nb", 0, 0).text == "a\r\n\r\n---\r\n\r\nb"


def test_unknown_command_is_refused():
    with pytest.raises(ValueError):
        f.apply("underline", "x", 0, 1)


def test_out_of_range_or_reversed_selection_is_clamped():
    assert f.apply(f.BOLD, "ab", 5, -1).text == "**ab**"


lines = st.lists(
    st.one_of(st.just(""), st.text(alphabet="ab가나 ", min_size=1, max_size=8).map(str.strip).filter(bool)),
    min_size=1, max_size=5)


@given(lines=lines, crlf=st.booleans(),
       command=st.sampled_from([f.BOLD, f.ITALIC, f.H1, f.H2, f.H3, f.BULLETS, f.NUMBERS, f.CODE]))
def test_twice_is_the_original(lines, crlf, command):
    newline = "\r\n" if crlf else "\n"
    text = newline.join(lines)
    if not text.strip():
        return
    once = f.apply(command, text, 0, len(text))
    twice = f.apply(command, once.text, once.start, once.end)
    assert twice.text == text
