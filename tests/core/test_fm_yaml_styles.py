"""An edited YAML value keeps its entry's style: block scalars (indicator,
chomping, indentation, folded line breaks and width), quotes, and AsWritten
texts. Golden tests on a post shaped like our Korean writers' posts, plus
properties over generated values."""

from __future__ import annotations

import datetime as dt
import difflib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.core.post.document import Document
from editor.core.post.errors import EditRefused
from editor.core.post.fm_yaml import YamlFrontMatter
from editor.core.post.values import AsWritten

KST = dt.timezone(dt.timedelta(hours=9))

POST = (
    "title: 정적 사이트로 블로그 옮기기\n"
    "date: 2021-05-10 10:00:00 +0900\n"
    "excerpt: >\n"
    "  지킬로 만든 블로그를 옮기면서 겪은 일을\n"
    "  정리했습니다.\n"
    "feature_text: >\n"
    "  첫 문단은 **마크다운**으로 씁니다. 한 줄로 길게 이어지는 문단입니다.\n"
    "\n"
    "  둘째 문단은 짧습니다.\n"
    "tags: [지킬, 블로그]\n"
)


def edited(key, value, text: str = POST) -> tuple[YamlFrontMatter, list[str]]:
    """The handler after the edit, and the diff lines (`-old` / `+new`)."""
    fm = YamlFrontMatter(text)
    assert fm.set((key,), value)
    diff = [line for line in difflib.unified_diff(text.splitlines(), fm.text.splitlines(), n=0, lineterm="")
            if line[:1] in "+-" and not line.startswith(("---", "+++"))]
    reread = YamlFrontMatter(fm.text)
    if not isinstance(value, AsWritten):
        assert reread.get((key,)) == value
    return reread, diff


# ------------------------------------------------------------------ folded `>`

def test_a_word_added_at_the_end_of_a_folded_excerpt_joins_its_line():
    _, diff = edited("excerpt", "지킬로 만든 블로그를 옮기면서 겪은 일을 정리했습니다. 끝\n")
    assert diff == ["-  정리했습니다.", "+  정리했습니다. 끝"]


def test_a_change_in_the_middle_changes_only_its_line():
    _, diff = edited("excerpt", "휴고로 만든 블로그를 옮기면서 겪은 일을 정리했습니다.\n")
    assert diff == ["-  지킬로 만든 블로그를 옮기면서 겪은 일을", "+  휴고로 만든 블로그를 옮기면서 겪은 일을"]


def test_text_longer_than_the_block_is_wrapped_at_its_width_between_words():
    words = "정리했습니다. 그리고 새로 알게 된 것들을 여러 문장으로 덧붙였습니다 아주 길게"
    fm, diff = edited("excerpt", "지킬로 만든 블로그를 옮기면서 겪은 일을 " + words + "\n")
    width = len("지킬로 만든 블로그를 옮기면서 겪은 일을")
    added = [line[1:] for line in diff if line.startswith("+")]
    assert len(added) >= 2 and diff[0] == "-  정리했습니다."
    for line in added:
        assert line.startswith("  ") and len(line) - 2 <= width, line
    assert " ".join(a.strip() for a in added) == words  # broken only at spaces


def test_removing_the_trailing_newline_changes_only_the_chomping():
    _, diff = edited("excerpt", "지킬로 만든 블로그를 옮기면서 겪은 일을 정리했습니다.")
    assert diff == ["-excerpt: >", "+excerpt: >-"]


def test_extra_trailing_newlines_keep_the_block():
    fm, diff = edited("excerpt", "지킬로 만든 블로그를 옮기면서 겪은 일을 정리했습니다.\n\n")
    assert diff[:2] == ["-excerpt: >", "+excerpt: >+"]
    assert fm.get(("tags",)) == ["지킬", "블로그"]


def test_typing_at_the_end_of_a_two_paragraph_markdown_field():
    # The writer types at the end of the last paragraph: no new paragraph, no `>-`.
    _, diff = edited("feature_text", "첫 문단은 **마크다운**으로 씁니다. 한 줄로 길게 이어지는 문단입니다.\n"
                                     "둘째 문단은 짧습니다. 조금 더\n")
    assert diff == ["-  둘째 문단은 짧습니다.", "+  둘째 문단은 짧습니다. 조금 더"]


def test_a_paragraph_written_one_line_is_not_wrapped():
    # Paragraphs of one line each: the writer does not wrap, so neither do we.
    long = "첫 문단은 **마크다운**으로 씁니다. 한 줄로 길게 이어지는 문단입니다. " + "덧붙인 말 " * 20
    _, diff = edited("feature_text", long.rstrip() + "\n둘째 문단은 짧습니다.\n")
    assert len(diff) == 2 and diff[1] == "+  " + long.rstrip()


def test_adding_a_paragraph_adds_a_blank_line_and_the_paragraph():
    _, diff = edited("feature_text", "첫 문단은 **마크다운**으로 씁니다. 한 줄로 길게 이어지는 문단입니다.\n"
                                     "둘째 문단은 짧습니다.\n셋째 문단.\n")
    assert diff == ["+", "+  셋째 문단."]


def test_removing_a_paragraph_removes_only_its_lines():
    _, diff = edited("feature_text", "둘째 문단은 짧습니다.\n")
    assert diff == ["-  첫 문단은 **마크다운**으로 씁니다. 한 줄로 길게 이어지는 문단입니다.", "-"]


def test_more_indented_lines_in_a_folded_block():
    text = "a: >\n  x\n   kept as is\n  y\nb: 1\n"
    _, diff = edited("a", "x\n kept as is\ny z\n", text)
    assert diff == ["-  y", "+  y z"]


# ------------------------------------------------------------------ literal `|`

@pytest.mark.parametrize("text, value, expected", [
    # indentation as the file has it (4 spaces)
    ("a: |\n    첫 줄\n    둘째\nb: 1\n", "첫 줄\n둘째\n셋째\n", ["+    셋째"]),
    # an explicit indentation indicator is kept, with the indentation it gives
    ("a: |2-\n   앞 공백\nb: 1\n", " 앞 공백 더", ["-   앞 공백", "+   앞 공백 더"]),
    # a leading space needs an indicator: the smallest change adds one
    ("a: |\n  x\nb: 1\n", " 앞\n", ["-a: |", "-  x", "+a: |2", "+   앞"]),
    # trailing spaces are content in a literal block: kept, not refused
    ("a: |\n  x\nb: 1\n", "끝 공백  \nx\n", ["+  끝 공백  "]),
    # `+` keeps its trailing lines; fewer of them, fewer lines
    ("a: |+\n  x\n\n\nb: 1\n", "x\n", ["-", "-"]),
    # a header comment stays
    ("a: | # 코드\n  x\nb: 1\n", "y\n", ["-  x", "+  y"]),
    # an anchor on the block stays
    ("a: &t |\n  x\nb: 1\n", "y\n", ["-  x", "+  y"]),
])
def test_literal_blocks_keep_their_layout(text, value, expected):
    _, diff = edited("a", value, text)
    assert diff == expected


def test_nested_and_list_item_blocks():
    _, diff = edited("k", {"a": "one two three\n", "b": 1}, "k:\n  a: >\n    one two\n  b: 1\n")
    fm = YamlFrontMatter("k:\n  a: >\n    one two\n  b: 1\nl:\n- |\n  item\n- x\n")
    fm.set(("k", "a"), "one two three\n")
    fm.set(("l", 0), "item\nmore\n")
    assert fm.text == "k:\n  a: >\n    one two three\n  b: 1\nl:\n- |\n  item\n  more\n- x\n"
    assert diff  # the whole map was rewritten there; the nested edits above were not


def test_a_value_a_block_cannot_hold_becomes_double_quoted():
    fm, diff = edited("excerpt", "캐리지\r\n리턴")
    assert diff[-1] == '+excerpt: "캐리지\\r\\n리턴"'


# ------------------------------------------------------------------ quotes and AsWritten

@pytest.mark.parametrize("text, value, line", [
    ("title: 평범한 제목\n", "평범한 제목 (updated)", "title: 평범한 제목 (updated)"),
    ("title: 평범한 제목\n", "제목: 부제", 'title: "제목: 부제"'),
    ("title: 평범한 제목\n", "제목 #태그", 'title: "제목 #태그"'),
    ("title: '작은따옴표'\n", "it's", "title: 'it''s'"),
    ("title: \"큰따옴표\"\n", "쉬운 값", 'title: "쉬운 값"'),
    ("title: '작은'\n", "줄\n바꿈", 'title: "줄\\n바꿈"'),
])
def test_quotes_stay_unless_the_value_needs_another(text, value, line):
    _, diff = edited("title", value, text)
    assert diff == ["-" + text.rstrip("\n"), "+" + line]


@pytest.mark.parametrize("text, written, line, reads", [
    ("t: 9:00\n", "10:30", "t: 10:30", 630),            # plain stays plain; YAML 1.1 reads 630
    ("v: 1.1\n", "1.10", "v: 1.10", 1.1),
    ("z: 1\n", "012345", "z: 012345", 5349),
    ("t: '9:00'\n", "10:30", "t: '10:30'", "10:30"),      # quoted stays quoted: a string
    ("t: \"9:00\"\n", "10:30", 't: "10:30"', "10:30"),
    ("t: x\n", "a: b", 't: "a: b"', "a: b"),              # cannot be plain: a quoted string
    ("t: x\n", "a #b", 't: "a #b"', "a #b"),
    ("t: x\n", "&a b", 't: "&a b"', "&a b"),
    ("t: x\n", "2024-13-45", 't: "2024-13-45"', "2024-13-45"),
    ("d: 2020-01-01\n", "2021-05-10 10:00:00 +0900", "d: 2021-05-10 10:00:00 +0900",
     dt.datetime(2021, 5, 10, 10, tzinfo=KST)),
    ("m: {a: 1}\n", "1.10", "m: {a: 1.10}", 1.1),
    ("m: {a: 1}\n", "x, y", 'm: {a: "x, y"}', "x, y"),
])
def test_as_written_keeps_the_text_in_the_entry_style(text, written, line, reads):
    key = text.split(":")[0]
    path = (key, "a") if text.startswith("m:") else (key,)
    fm = YamlFrontMatter(text)
    assert fm.set(path, AsWritten(written))
    assert fm.text == line + "\n"
    assert YamlFrontMatter(fm.text).get(path) == reads
    assert fm.written_text(path) == written
    assert not fm.set(path, AsWritten(written))  # the same text: nothing to write


def test_as_written_for_a_new_key():
    fm = YamlFrontMatter("a: 1\n")
    fm.set(("when",), AsWritten("10:00"))
    fm.set(("what",), AsWritten("a: b"))
    assert fm.text == 'a: 1\nwhen: 10:00\nwhat: "a: b"\n'


def test_written_text():
    fm = YamlFrontMatter("a: 10:00\nb: '012'\nc: >\n  x\n  y\nd: [1]\ne: &x 1.10\nf: *x\n"
                         "g: 2021-05-10 10:00:00 +0900\nh: ~\n")
    assert [fm.written_text((k,)) for k in "abcdefghi"] == [
        "10:00", "012", "x y\n", None, "1.10", "1.10", "2021-05-10 10:00:00 +0900", "~", None]


def test_an_edit_that_would_change_another_key_is_refused():
    # `b` reads `a`'s value: without being told how, the edit is not made.
    fm = YamlFrontMatter("a: &x 1\nb: *x\n")
    with pytest.raises(EditRefused):
        fm.set(("a",), 2)
    assert fm.text == "a: &x 1\nb: *x\n"


# ------------------------------------------------------------------ properties

_TEXT = st.text(alphabet=st.sampled_from(list("ab 가나\n\t#:-'\"") + [" "] * 3), max_size=40)
_WORDS = st.lists(st.sampled_from(["지킬", "블로그", "word", "a", "긴낱말입니다", "x"]), min_size=1, max_size=12)


@pytest.mark.parametrize("header", [">", ">-", ">+", "|", "|-", "|+", "|2", ">4-"])
@given(value=_TEXT)
def test_any_text_into_a_block_reads_back_and_leaves_the_rest(header, value):
    indent = "    " if "4" in header else "  "
    text = f"before: 1\nbody: {header}\n{indent}old line\n{indent}second\nafter: [x]\n"
    fm = YamlFrontMatter(text)
    try:
        fm.set(("body",), value)
    except EditRefused:
        pytest.fail("a string must always be writable")
    assert YamlFrontMatter(fm.text).get(("body",)) == value
    assert fm.text.startswith("before: 1\nbody: ") and fm.text.endswith("after: [x]\n")


@given(paragraphs=st.lists(_WORDS, min_size=1, max_size=3), chomp=st.sampled_from(["\n", ""]))
def test_plain_prose_stays_folded_and_within_the_width(paragraphs, chomp):
    text = "excerpt: >\n  지킬로 만든 블로그를 옮기면서\n  정리했습니다.\nnext: 1\n"
    value = "\n".join(" ".join(words) for words in paragraphs) + chomp
    fm = YamlFrontMatter(text)
    fm.set(("excerpt",), value)
    header = fm.text.split("\n")[0]
    assert header == ("excerpt: >" if chomp else "excerpt: >-")
    width = len("지킬로 만든 블로그를 옮기면서")
    for line in fm.text.split("\n")[1:-2]:
        assert line == "" or line.startswith("  ")
        assert len(line) - 2 <= width or " " not in line.strip(), line
    assert Document.from_text("---\n" + fm.text + "---\n").get("excerpt") == value


# ------------------------------------------------------------------ list items

def test_removing_a_list_item_removes_only_its_lines():
    text = "tags:\n- 지킬  # 첫째\n- 블로그\nm:\n  - {k: 1}\n  - k: 2\n    j: 3\n  - |\n    글\nx: [1, 2]\n"
    fm = YamlFrontMatter(text)
    assert fm.unset(("tags", 0))
    assert fm.unset(("m", 1))
    assert fm.unset(("x", 0))
    assert fm.text == "tags:\n- 블로그\nm:\n  - {k: 1}\n  - |\n    글\nx: [2]\n"
    assert fm.unset(("tags", 0))  # the last item: an empty list, not a null
    assert YamlFrontMatter(fm.text).get(("tags",)) == []
