"""An edit's text depends on the file and the final value, never on the way there.

The form calls Document.set on every keystroke; whatever values pass through,
the bytes must equal one set of the final value on the file as read. And
after every edit, every key but the edited one reads as before.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.post import edit_baseline
from editor.core.post.document import Document
from editor.core.post.errors import EditRefused, FrontMatterError, KeyPathError
from editor.core.post.values import AsWritten

# Shaped like the posts our writers keep: a Korean Jekyll post with a plain
# title, a folded two-line excerpt and a two-paragraph Markdown feature_text.
KOREAN_JEKYLL = """---
layout: post
title: 서울의 봄 산책
date: 2021-05-10 10:00:00 +0900
categories: [travel, seoul]
tags:
  - 봄
  - 산책
excerpt: >
  한강을 따라 걷는 봄날의 오후,
  벚꽃이 흩날리는 길.
feature_text: >
  ## 봄의 서울

  벚꽃이 피는 계절에는 **여의도**가 붐빈다.
  이른 아침에 가면 한적하다.


  두 번째 문단은 *남산*의 이야기.
subtitle: '작은 여행: 하루'
quote: "\\"봄\\"이 왔다"
notes: |
  첫 줄
  둘째 줄
rating: 4
comments: true
---
본문은 여기에.
"""

HUGO_TOML = """+++
title = "서울의 봄"
slug = 'seoul-spring'
date = 2021-05-10T10:00:00+09:00
weight = 10
ratio = 1.10
draft = false
tags = ["봄", "산책"]
description = \"\"\"
여러 줄의
설명\"\"\"

[params]
subtitle = '작은 여행'
+++
본문
"""

HUGO_JSON = """{
  "title": "서울의 봄",
  "weight": 10,
  "ratio": 1.10,
  "draft": false,
  "tags": ["봄", "산책"],
  "params": {"subtitle": "작은 여행", "x": 1}
}
본문
"""

# What writers type: spaces, `:`, `#`, quotes, backslashes, Korean, newlines.
_ALPHABET = st.sampled_from(list("ab Z:#'\"\\-,.[]{}&*!|>%@`\n\t봄한강") + ["  ", ": ", " #"])
TEXT = st.lists(_ALPHABET, max_size=12).map("".join)
SCALAR = st.one_of(
    TEXT,
    st.integers(-1000, 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
)
REMOVE = object()
STEP = st.one_of(SCALAR, st.just(REMOVE))


def _outcome(doc: Document, key: str, value) -> object:
    """The text after one set, or the kind of error that refused it."""
    try:
        doc.set(key, value)
    except (EditRefused, KeyPathError, FrontMatterError, ValueError, TypeError) as exc:
        return type(exc).__name__
    return doc.text


def _through(text: str, key: str, steps: list, final) -> object:
    doc = Document.from_text(text)
    for value in steps:
        try:
            if value is REMOVE:
                doc.unset(key)
            else:
                doc.set(key, value)
        except (EditRefused, KeyPathError, FrontMatterError, ValueError, TypeError):
            pass  # refused: the writer is told, the text is as before
    return _outcome(doc, key, final)


def _key_by_key(value: str) -> list[str]:
    return [value[:i] for i in range(len(value))]


# ---------------------------------------------------------------- properties

YAML_KEYS = ["title", "excerpt", "feature_text", "subtitle", "quote", "notes", "rating",
             "date", "comments", "new_key"]
_PROPERTY = settings(max_examples=60, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])


@_PROPERTY
@given(key=st.sampled_from(YAML_KEYS), steps=st.lists(STEP, max_size=5), final=SCALAR)
def test_yaml_text_depends_only_on_the_file_and_the_final_value(key, steps, final):
    assert _through(KOREAN_JEKYLL, key, steps, final) == _outcome(
        Document.from_text(KOREAN_JEKYLL), key, final)


@_PROPERTY
@given(key=st.sampled_from(["title", "excerpt", "feature_text", "subtitle", "notes"]),
       final=TEXT)
def test_yaml_typing_key_by_key_equals_one_set(key, final):
    base = Document.from_text(KOREAN_JEKYLL).get(key)
    target = base + final  # typed at the end of the field, one character at a time
    assert _through(KOREAN_JEKYLL, key, _key_by_key(target), target) == _outcome(
        Document.from_text(KOREAN_JEKYLL), key, target)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key=st.sampled_from(["title", "slug", "weight", "ratio", "draft", "description",
                            "params.subtitle", "new_key"]),
       steps=st.lists(STEP, max_size=3), final=SCALAR)
def test_toml_text_depends_only_on_the_file_and_the_final_value(key, steps, final):
    assert _through(HUGO_TOML, key, steps, final) == _outcome(
        Document.from_text(HUGO_TOML), key, final)


@_PROPERTY
@given(key=st.sampled_from(["title", "weight", "ratio", "draft", "params.subtitle", "new_key"]),
       steps=st.lists(STEP, max_size=5), final=SCALAR)
def test_json_text_depends_only_on_the_file_and_the_final_value(key, steps, final):
    assert _through(HUGO_JSON, key, steps, final) == _outcome(
        Document.from_text(HUGO_JSON), key, final)


# ---------------------------------------------------------------- the cases

def test_a_plain_title_stays_plain_after_typing_a_space_and_more():
    doc = Document.from_text(KOREAN_JEKYLL)
    target = "서울의 봄 산책 (updated)"
    for value in _key_by_key(target)[len("서울의 봄 산책"):] + [target]:
        doc.set("title", value)
    assert "\ntitle: 서울의 봄 산책 (updated)\n" in doc.text
    assert doc.get("title") == target


def test_the_original_value_gives_back_the_original_bytes():
    for text, key, other in ((KOREAN_JEKYLL, "excerpt", "x: y"), (HUGO_TOML, "slug", "it's"),
                             (HUGO_JSON, "ratio", 2)):
        doc = Document.from_text(text)
        original = doc.get(key)
        doc.set(key, other)
        assert doc.text != text
        doc.set(key, original)
        assert doc.text == text


def test_a_removed_key_set_again_returns_to_its_place():
    doc = Document.from_text(KOREAN_JEKYLL)
    doc.unset("excerpt")
    doc.set("excerpt", "다시")
    fm = doc.front_matter
    assert list(fm).index("excerpt") == list(Document.from_text(KOREAN_JEKYLL).front_matter).index("excerpt")
    assert "excerpt: >-\n  다시\n" in doc.text  # still folded, as in the file


def test_other_edits_on_the_way_are_kept():
    doc = Document.from_text(KOREAN_JEKYLL)
    doc.set("rating", 5)
    for value in ("Tit", "Tit ", "Tit :", "Title"):
        doc.set("title", value)
    assert doc.get("rating") == 5 and "\nrating: 5\n" in doc.text
    assert "\ntitle: Title\n" in doc.text


def test_a_save_moves_the_baseline():
    doc = Document.from_text(KOREAN_JEKYLL)
    doc.set("title", "a ")       # a trailing space needs quotes
    doc.rebase()                  # saved: the quoted title is the file's now
    doc.set("title", "a b")
    assert "\ntitle: 'a b'\n" in doc.text or '\ntitle: "a b"\n' in doc.text


def test_a_raw_edit_is_the_writers_own_style():
    doc = Document.from_text(KOREAN_JEKYLL)
    doc.set_front_matter_text(doc.front_matter_text.replace("title: 서울의 봄 산책", "title: '서울'"))
    doc.set("title", "부산")
    assert "\ntitle: '부산'\n" in doc.text


def test_an_edit_that_would_change_another_key_is_refused():
    text = "---\nbase: &b\n  x: 1\nchild:\n  <<: *b\n  y: 2\n---\n"
    doc = Document.from_text(text)
    with pytest.raises(EditRefused):
        doc.set("base.x", 5)
    assert doc.text == text
    assert doc.get("child") == {"x": 1, "y": 2}


# ---------------------------------------------------------------- written text, AsWritten

def test_toml_as_written_keeps_the_token():
    doc = Document.from_text(HUGO_TOML)
    assert doc.written_text("ratio") == "1.10"
    assert doc.written_text("date") == "2021-05-10T10:00:00+09:00"
    assert doc.written_text("title") == "서울의 봄"
    assert doc.written_text("tags") is None and doc.written_text("nope") is None
    assert doc.set("ratio", AsWritten("1.20"))
    assert "\nratio = 1.20\n" in doc.text and doc.get("ratio") == 1.2
    assert not doc.set("ratio", AsWritten("1.20"))
    assert doc.set("ratio", AsWritten("1.2"))  # same number, other text: written as typed
    assert "\nratio = 1.2\n" in doc.text
    doc.set("date", AsWritten("2021-05-11T09:00:00+09:00"))
    assert doc.get("date") == dt.datetime(2021, 5, 11, 9, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    doc.set("weight", AsWritten("ten"))  # not a TOML scalar: a string
    assert doc.get("weight") == "ten" and '\nweight = "ten"\n' in doc.text
    doc.set("slug", AsWritten("12"))  # replaces a string: stays a string, in its quotes
    assert doc.get("slug") == "12" and "\nslug = '12'\n" in doc.text
    doc.set("fresh", AsWritten("1_000"))
    assert doc.get("fresh") == 1000 and doc.written_text("fresh") == "1_000"


def test_json_as_written_keeps_the_token():
    doc = Document.from_text(HUGO_JSON)
    assert doc.written_text("ratio") == "1.10" and doc.written_text("draft") == "false"
    assert doc.written_text("title") == "서울의 봄" and doc.written_text("params") is None
    doc.set("ratio", AsWritten("2.50"))
    assert '"ratio": 2.50,' in doc.text and doc.get("ratio") == 2.5
    doc.set("draft", AsWritten("true"))
    assert doc.get("draft") is True
    doc.set("title", AsWritten("12"))
    assert doc.get("title") == "12"
    doc.set("weight", AsWritten("heavy"))
    assert doc.get("weight") == "heavy"
    doc.set("fresh", AsWritten("1e3"))
    assert doc.get("fresh") == 1000.0 and doc.written_text("fresh") == "1e3"


def test_toml_and_json_values_are_never_shared():
    for text in (HUGO_TOML, HUGO_JSON):
        doc = Document.from_text(text)
        assert doc.sharing("title") is None
        assert doc.set("title", "x", share="own")


# ---------------------------------------------------------------- the re-read check

def test_check_others_allows_the_edited_key_to_move():
    before = {"a": 1, "b": 2, "c": 3}
    edit_baseline.check_others(before, {"a": 1, "c": 3, "b": 5}, ("b",))


def test_check_others_names_the_key_that_changed():
    with pytest.raises(EditRefused, match="`c`"):
        edit_baseline.check_others({"a": 1, "c": 3}, {"a": 2, "c": 4}, ("a",))


def test_check_others_allows_the_shared_keys_when_asked():
    edit_baseline.check_others({"a": 1, "c": 1}, {"a": 2, "c": 2}, ("a",), others=(("c",),))


def test_check_others_on_removal_and_created_maps():
    edit_baseline.check_others({"a": {"b": {"c": 1}}, "d": 1}, {"d": 1}, ("a", "b", "c"),
                               removal=True)
    edit_baseline.check_others({"d": 1}, {"d": 1, "a": {"b": 1}}, ("a", "b"))
    edit_baseline.check_others({"h": None}, {"h": {"x": 1}}, ("h", "x"))
    with pytest.raises(EditRefused, match="`d`"):
        edit_baseline.check_others({"a": 1, "d": 1}, {}, ("a",), removal=True)


# ---------------------------------------------------------------- YAML through the handler

def test_yaml_shared_values_need_a_choice():
    from editor.core.post.errors import SharedValueError
    from editor.core.post.values import OWN, SHARED

    text = "---\nauthor: &me Jane\neditor: *me\ntitle: t\n---\n"
    doc = Document.from_text(text)
    assert doc.sharing("editor") is not None and doc.sharing("title") is None
    with pytest.raises(SharedValueError):
        doc.set("author", "John")
    assert doc.text == text
    own = Document.from_text(text)
    own.set("author", "John", share=OWN)
    assert (own.get("author"), own.get("editor")) == ("John", "Jane")
    shared = Document.from_text(text)
    shared.set("author", "John", share=SHARED)
    assert (shared.get("author"), shared.get("editor")) == ("John", "John")


@_PROPERTY
@given(key=st.sampled_from(["rating", "date", "title", "fresh"]),
       steps=st.lists(st.lists(st.sampled_from(list("0123456789:.-+ Te_x")), max_size=8)
                      .map(lambda c: AsWritten("".join(c))), max_size=4),
       final=st.sampled_from(["10:00", "012345", "1.10", "2021-05-10 10:00:00 +0900", "0x1F",
                              "2021-5-1 9:00", "1_000", "yes", "abc", ""]).map(AsWritten))
def test_yaml_as_written_depends_only_on_the_file_and_the_final_text(key, steps, final):
    assert _through(KOREAN_JEKYLL, key, steps, final) == _outcome(
        Document.from_text(KOREAN_JEKYLL), key, final)


def test_yaml_written_text_through_the_document():
    doc = Document.from_text("---\nt: 10:00\nz: 012345\nf: 1.10\nd: 2021-05-10 10:00:00 +0900\n---\n")
    assert [doc.written_text(k) for k in "tzfd"] == ["10:00", "012345", "1.10",
                                                     "2021-05-10 10:00:00 +0900"]
    assert doc.written_text("nope") is None
    doc.set("t", AsWritten("10:30"))
    assert "\nt: 10:30\n" in doc.text and doc.get("t") == 630


# ---------------------------------------------------------------- over the YAML test suite

from pathlib import Path  # noqa: E402

from editor.core.post.values import OWN, SHARED, same_value  # noqa: E402

SUITE = Path(__file__).resolve().parents[2].parent / "shared" / "suites" / "yaml-test-suite"


def _suite_cases() -> list:
    if not SUITE.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"YAML test suite not found at {SUITE}"))]
    cases = []
    for case in sorted(p for p in SUITE.iterdir() if (p / "in.yaml").is_file()):
        text = (case / "in.yaml").read_text(encoding="utf-8", errors="replace")
        if text.startswith("---\n"):
            text = text[4:]  # a document start of its own: the front matter's `---` is one
        if (case / "error").exists() or any(line.startswith(("---", "...", "%"))
                                            for line in text.splitlines()):
            continue  # not one document that can stand between `---` lines
        cases.append(pytest.param(text, id=case.name))
    return cases


def _others_read_as_before(before: dict, doc: Document, key, allowed: tuple) -> None:
    after = doc.front_matter
    for other in before:
        if (other,) in allowed or other == key:
            continue
        assert other in after and same_value(after[other], before[other]), \
            f"{other!r} changed: {before[other]!r} -> {after.get(other)!r}"


@pytest.mark.parametrize("source", _suite_cases())
def test_an_edit_never_changes_another_key_of_a_suite_case(source):
    text = "---\n" + source + ("" if source.endswith("\n") else "\n") + "---\n"
    doc = Document.from_text(text)
    if doc.front_matter_error is not None or not doc.front_matter:
        pytest.skip("not a front matter of `key: value` lines")
    before = doc.front_matter
    keys = [k for k in before if isinstance(k, str)][:6]
    for key in keys:
        for edit in ("set", "as written", "unset"):
            doc = Document.from_text(text)
            sharing = doc.sharing((key,))
            share = None
            for attempt in (None, OWN, SHARED):
                share = attempt
                try:
                    if edit == "set":
                        doc.set((key,), "galley edit", share=share)
                    elif edit == "as written":
                        doc.set((key,), AsWritten("10:00"), share=share)
                    else:
                        doc.unset((key,), share=share)
                except EditRefused:
                    assert doc.text == text, "a refused edit changed the text"
                    if sharing is None or attempt == SHARED:
                        break
                    continue
                except (KeyPathError, FrontMatterError):
                    assert doc.text == text
                    break
                allowed = sharing.others if sharing is not None and share == SHARED else ()
                _others_read_as_before(before, doc, key, tuple(tuple(p) for p in allowed))
                break
