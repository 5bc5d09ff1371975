"""Lossless YAML front matter: our own fixtures for each style the issue names."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from editor.core.post.document import Document
from editor.core.post.errors import FrontMatterError
from editor.core.post.fm_yaml import YamlFrontMatter

KST = dt.timezone(dt.timedelta(hours=9))

POST = (
    "---\n"
    "# 블로그 글 설정\n"
    'title:  "파이썬으로 만드는 블로그"   # 정렬된 값\n'
    "date:   2021-05-10 10:00:00 +0900\n"
    "sleep: 10:00\n"
    "version: 1.10\n"
    "zip: 012345\n"
    "switch: on\n"
    "summary: >-\n"
    "  접힌 요약입니다.\n"
    "  두 번째 줄.\n"
    "code: |\n"
    "  print('안녕')\n"
    "tags: [파이썬, 블로그]\n"
    "categories:\n"
    "- 개발\n"
    "- 일기\n"
    "\n"
    "defaults: &base\n"
    "  layout: post\n"
    "page:\n"
    "  <<: *base\n"
    "  comments: true\n"
    "menu: { main: { weight: 30 } }\n"
    "---\n"
    "본문은 그대로.\n"
)


def doc() -> Document:
    return Document.from_text(POST)


def test_values_read_like_jekyll():
    d = doc()
    assert d.get("title") == "파이썬으로 만드는 블로그"
    assert d.get("date") == dt.datetime(2021, 5, 10, 10, 0, tzinfo=KST)
    assert d.get("sleep") == 600            # YAML 1.1 sexagesimal, as Psych reads it
    assert d.get("switch") is True
    assert d.get("summary") == "접힌 요약입니다. 두 번째 줄."
    assert d.get("page") == {"layout": "post", "comments": True}
    assert d.get("menu.main.weight") == 30


def test_unchanged_round_trip_keeps_every_byte():
    for newline in ("\n", "\r\n", "\r"):
        text = POST.replace("\n", newline)
        raw = b"\xef\xbb\xbf" + text.encode()
        assert Document.from_bytes(raw).to_bytes() == raw


@pytest.mark.parametrize("key,value,expected_line", [
    ("title", "새 제목", 'title:  "새 제목"   # 정렬된 값'),
    ("date", dt.datetime(2022, 1, 2, 3, 4, 5, tzinfo=KST), "date:   2022-01-02 03:04:05 +0900"),
    ("sleep", "10:00", 'sleep: "10:00"'),
    ("version", 1.2, "version: 1.2"),
    ("zip", "012345", 'zip: "012345"'),
    ("switch", False, "switch: off"),
    ("tags", ["하나", "둘"], "tags: [하나, 둘]"),
    ("menu.main.weight", 40, "menu: { main: { weight: 40 } }"),
])
def test_setting_a_value_rewrites_only_its_text_in_its_style(key, value, expected_line):
    d = doc()
    before = d.text.split("\n")
    assert d.set(key, value)
    after = d.text.split("\n")
    assert d.get(key) == value
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after) and len(changed) == 1, changed
    assert changed[0][1] == expected_line


def test_switch_keeps_its_spelling_family():
    # `on` is a boolean in YAML 1.1; writing False must still read back False.
    d = doc()
    d.set("switch", False)
    assert Document.from_text(d.text).get("switch") is False


def test_block_list_keeps_its_indentation_and_neighbours():
    d = doc()
    d.set("categories", ["개발", "여행", "일기"])
    assert "categories:\n- 개발\n- 여행\n- 일기\n\ndefaults: &base\n" in d.text


def test_folded_and_literal_blocks_keep_their_style():
    d = doc()
    d.set("summary", "새 요약")
    d.set("code", "print('hi')\nprint('bye')\n")
    assert "summary: >-\n  새 요약\ncode: |\n  print('hi')\n  print('bye')\ntags:" in d.text
    assert d.get("code") == "print('hi')\nprint('bye')\n"


def test_anchors_and_aliases_survive_edits_elsewhere():
    d = doc()
    d.set("title", "x")
    assert "defaults: &base\n  layout: post\npage:\n  <<: *base\n" in d.text
    assert d.get("page.layout") == "post"


def test_new_keys_follow_the_file_style():
    d = doc()
    d.set("authors", ["김철수", "이영희"])
    d.set("image", {"path": "/img/커버.png", "alt": "표지"})
    tail = d.front_matter_text.split("menu: { main: { weight: 30 } }\n", 1)[1]
    # This file writes block lists with the dash at the key's column.
    assert tail == "authors:\n- 김철수\n- 이영희\nimage:\n  path: /img/커버.png\n  alt: 표지\n"


def test_nested_key_into_an_empty_value():
    d = Document.from_text("---\ntitle: x\nheader:\n---\n")
    d.set("header.image", "/a.png")
    assert d.front_matter_text == "title: x\nheader:\n  image: /a.png\n"


def test_unset_removes_only_the_entry_and_keeps_comments():
    d = doc()
    d.unset("categories")
    d.unset("title")
    assert d.text.startswith("---\n# 블로그 글 설정\ndate:")
    assert "tags: [파이썬, 블로그]\n\ndefaults" in d.text
    d.unset("menu.main.weight")
    assert d.get("menu") == {"main": {}}


def test_empty_front_matter_gets_keys():
    d = Document.from_text("---\n---\n본문\n")
    d.set("title", "제목")
    assert d.text == "---\ntitle: 제목\n---\n본문\n"


def test_post_without_front_matter_gets_one_on_first_set():
    d = Document.from_text("그냥 본문\n")
    d.set("title", "제목")
    assert d.text == "---\ntitle: 제목\n---\n그냥 본문\n"


def test_strings_that_look_like_other_types_are_quoted():
    d = Document.from_text("---\na: x\n---\n")
    for value in ("yes", "null", "2024-01-02", "2024-13-45", "1e3", "#tag", "- item", "a: b", "", " lead", "[x]", "@at", "`tick`"):
        d.set("a", value)
        assert Document.from_text(d.text).get("a") == value, (value, d.text)


# ------------------------------------------------------------------ safety

def test_python_tags_are_refused_with_a_location():
    d = Document.from_text("---\ntitle: ok\nx: !!python/object/apply:os.system ['touch /tmp/pwned']\n---\n")
    err = d.front_matter_error
    assert err is not None and err.rule == "unsafe-yaml-tag"
    assert (err.line, err.column) == (3, 4)
    assert d.front_matter == {}


def test_alias_bomb_is_refused_quickly():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    start = time.monotonic()
    d = Document.from_text("---\n" + "\n".join(lines) + "\n---\n")
    assert time.monotonic() - start < 1.0
    assert d.front_matter_error is not None and d.front_matter_error.rule == "front-matter-limit"


def test_deep_nesting_and_huge_front_matter_are_refused():
    deep = Document.from_text("---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\n")
    assert deep.front_matter_error.rule == "front-matter-limit"
    big = Document.from_text("---\n" + "".join(f"k{i}: {'가' * 100}\n" for i in range(20000)) + "---\n")
    assert big.front_matter_error.rule == "front-matter-limit"


def test_syntax_errors_are_located_in_the_file():
    d = Document.from_text("---\ntitle: ok\ntags: [a, b\ndate: 2020-01-01\n---\nbody\n")
    err = d.front_matter_error
    assert err.rule == "yaml-syntax" and err.line >= 3
    assert d.body == "body\n"
    assert d.to_bytes() == b"---\ntitle: ok\ntags: [a, b\ndate: 2020-01-01\n---\nbody\n"


def test_duplicate_keys_are_reported_not_fatal():
    d = Document.from_text("---\ntitle: a\ntitle: b\n---\n")
    assert d.get("title") == "b"
    (issue,) = d.front_matter_issues
    assert issue.rule == "duplicate-key" and (issue.line, issue.column) == (3, 1)


def test_unclosed_front_matter_keeps_everything_as_body():
    text = "---\ntitle: x\n본문\n"
    d = Document.from_text(text)
    assert d.front_matter_error.rule == "front-matter-unclosed"
    assert d.body == text and d.text == text


def test_raw_front_matter_edit_round_trips():
    d = doc()
    seen = []
    d.subscribe(seen.append)
    d.set_front_matter_text("title: 바뀜\n")
    assert d.get("title") == "바뀜" and seen[-1].part == "front_matter"
    d.set_front_matter_text("title: [broken\n")
    assert d.front_matter_error is not None and d.front_matter_error.line in (2, 3)
    assert d.text.startswith("---\ntitle: [broken\n---\n")


def test_handler_rejects_non_mapping():
    with pytest.raises(FrontMatterError):
        YamlFrontMatter("- a\n- b\n")
