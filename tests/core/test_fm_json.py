"""JsonFrontMatter and find_json_front_matter: JSON objects at the top of a post."""

from __future__ import annotations

import datetime as dt
import difflib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.post.errors import FrontMatterError, KeyPathError
from editor.core.post.fm_json import JsonFrontMatter, find_json_front_matter, line_col
from editor.core.post.fm_toml import same_value

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def corpus_posts(kind: str) -> list[str]:
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.is_file():
        return []
    rows = [line.split("\t") for line in manifest.read_text(encoding="utf-8").splitlines()[1:]]
    return [row[0] for row in rows if len(row) > 5 and row[5] == kind]


JSON_POSTS = corpus_posts("json")
OTHER_POSTS = corpus_posts("yaml") + corpus_posts("toml") + corpus_posts("none")
needs_corpus = pytest.mark.skipif(not JSON_POSTS, reason="corpus not found at ../shared/corpus")


def read(local: str) -> str:
    return (CORPUS / local).read_bytes().decode("utf-8").lstrip("\ufeff")


def object_of(local: str) -> str:
    text = read(local)
    span = find_json_front_matter(text)
    assert span is not None, local
    return text[span[0] : span[1]]


def touched_lines(old: str, new: str) -> list[int]:
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    out = []
    for tag, i1, i2, _j1, _j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            out += range(i1, i2) if i2 > i1 else [i1 - 1]
    return out


# -- the corpus ----------------------------------------------------------------


@needs_corpus
def test_corpus_has_the_json_posts():
    assert len(JSON_POSTS) == 10


@needs_corpus
@pytest.mark.parametrize("local", JSON_POSTS)
def test_corpus_object_found_and_unchanged_text_identical(local):
    text = read(local)
    start, end = find_json_front_matter(text)
    assert start == 0 and text[end - 1] == "}"
    obj = text[start:end]
    handler = JsonFrontMatter(obj)
    assert handler.text == obj
    assert handler.data() == json.loads(obj)
    # The body follows on the next line (Hugo's rule).
    assert text[end:end + 1] in ("\n", "\r", "")


@needs_corpus
@pytest.mark.parametrize("local", OTHER_POSTS)
def test_corpus_posts_without_json_are_not_taken_for_json(local):
    assert find_json_front_matter(read(local)) is None


@needs_corpus
@pytest.mark.parametrize("local", JSON_POSTS)
def test_corpus_set_unset_and_append_touch_only_their_lines(local):
    obj = object_of(local)
    keys = list(json.loads(obj))
    for key in keys:
        h = JsonFrontMatter(obj)
        first, last = h.key_span((key,))
        new = h.get((key,)) + " 수정" if isinstance(h.get((key,)), str) else "x"
        assert h.set((key,), new) is True
        assert set(touched_lines(obj, h.text)) <= set(range(first - 1, last))
        assert h.get((key,)) == new and JsonFrontMatter(h.text).get((key,)) == new
        assert {k: v for k, v in json.loads(h.text).items() if k != key} == \
            {k: v for k, v in json.loads(obj).items() if k != key}
        assert h.set((key,), new) is False

        h = JsonFrontMatter(obj)
        assert h.unset((key,)) is True
        expected = {k: v for k, v in json.loads(obj).items() if k != key}
        assert json.loads(h.text) == expected and list(json.loads(h.text)) == list(expected)
        # Its own line goes; at most the line before loses a comma.
        touched = touched_lines(obj, h.text)
        assert set(touched) <= set(range(first - 2, last)), (key, touched)

    h = JsonFrontMatter(obj)
    newline = "\r" if "\r" in obj and "\n" not in obj else ("\r\n" if "\r\n" in obj else "\n")
    assert h.set(("tags",), ["파로", "news"]) is True
    lines = h.text.split(newline)
    old_lines = obj.split(newline)
    # Appended as the last member, on its own line, in the file's line ending and separator.
    assert lines[-1] == "}" and lines[-2].startswith('"tags"') and lines[-2].endswith('["파로", "news"]')
    assert lines[-3] == old_lines[-2] + ","
    assert list(json.loads(h.text)) == keys + ["tags"]


# -- unit behaviour ---------------------------------------------------------------


def test_set_replaces_only_the_value_text():
    text = '{\n  "title" :  "old",\n  "n": 1\n}'
    h = JsonFrontMatter(text)
    assert h.set(("title",), "새 제목 🎉")
    assert h.text == '{\n  "title" :  "새 제목 🎉",\n  "n": 1\n}'
    assert h.set(("n",), 1) is False and h.set(("n",), 1.0) is True
    assert h.text == '{\n  "title" :  "새 제목 🎉",\n  "n": 1.0\n}'


def test_new_key_follows_indent_separator_and_newline():
    h = JsonFrontMatter('{\r\n    "a" : 1\r\n}')
    h.set(("b",), {"x": [1, 2]})
    assert h.text == '{\r\n    "a" : 1,\r\n    "b" : {"x": [1, 2]}\r\n}'
    h.set(("b", "y"), True)
    assert h.text == '{\r\n    "a" : 1,\r\n    "b" : {"x": [1, 2], "y": true}\r\n}'
    h.set(("c", "d"), "nested new")
    assert json.loads(h.text)["c"] == {"d": "nested new"}


def test_single_line_and_empty_objects():
    h = JsonFrontMatter('{"a": 1, "b": 2}')
    h.set(("c",), 3)
    assert h.text == '{"a": 1, "b": 2, "c": 3}'
    h.unset(("b",))
    assert h.text == '{"a": 1, "c": 3}'
    h.unset(("c",))
    assert h.text == '{"a": 1}'
    h.unset(("a",))
    assert h.text == "{}"
    h.set(("z",), None)
    assert h.text == '{"z": null}' and h.get(("z",)) is None


def test_unset_keeps_commas_right_in_multiline_objects():
    text = '{\n"a": 1,\n"b": 2,\n"c": 3\n}'
    h = JsonFrontMatter(text)
    h.unset(("b",))
    assert h.text == '{\n"a": 1,\n"c": 3\n}'
    h.unset(("c",))
    assert h.text == '{\n"a": 1\n}'
    h.unset(("a",))
    assert h.text == "{\n}"


def test_dates_become_iso_strings():
    h = JsonFrontMatter('{"publishDate": "2017-07-24"}')
    assert h.set(("publishDate",), dt.date(2017, 7, 24)) is False
    h.set(("publishDate",), dt.datetime(2020, 1, 2, 3, 4, tzinfo=dt.timezone(dt.timedelta(hours=9))))
    assert h.get(("publishDate",)) == "2020-01-02T03:04:00+09:00"


def test_list_items():
    h = JsonFrontMatter('{"tags": [\n  "a",\n  "b"\n]}')
    h.set(("tags", 1), "c")
    assert h.text == '{"tags": [\n  "a",\n  "c"\n]}'
    h.unset(("tags", 0))
    assert h.text == '{"tags": [\n  "c"\n]}'
    assert h.key_span(("tags",)) == (1, 3)
    with pytest.raises(KeyPathError):
        h.get(("tags", 3))


def test_key_location_and_span_count_cr_only_lines():
    h = JsonFrontMatter('{\r"title" : "DrGeo",\r"layout" : "blogpost"\r}')
    assert h.key_location(("layout",)) == (3, 1)
    assert h.key_span(("title",)) == (2, 2)
    assert h.key_location(("nope",)) is None


@pytest.mark.parametrize(
    "text, rule, line, column",
    [
        ('{\r"a": 1,\r"a": 2\r}', "duplicate-key", 3, 1),
        ('{\n  "a": {"x": 1, "x": 2}\n}', "duplicate-key", 2, 17),
        ('{\r"a": 1\r"b": 2\r}', "json-syntax", 3, 1),
        ('{\n"a": 1,\n}', "json-syntax", 3, 1),
        ('["not", "an object"]', "json-syntax", 1, 1),
        ('{"a": }', "json-syntax", 1, 7),
    ],
)
def test_errors_have_rule_and_location(text, rule, line, column):
    with pytest.raises(FrontMatterError) as info:
        JsonFrontMatter(text)
    assert (info.value.rule, info.value.line, info.value.column) == (rule, line, column)


@pytest.mark.parametrize(
    "text, expected",
    [
        ('{\n"a": 1\n}\nbody', (0, 10)),
        ('{"a": "}"}\n', (0, 10)),
        ('{"a": "\\"}{"}\r\rbody', (0, 13)),
        ("{}\n", (0, 2)),
        ('{"a": 1}', (0, 8)),
        ('{"a": 1}   \nbody', (0, 8)),
        ('\ufeff{"a": 1}\n', (1, 9)),
        ('{"a": 1, }\n', (0, 10)),  # found, though invalid: the handler reports it
        ('{"a": 1} text on the same line\n', None),
        ("{{< shortcode >}}\n", None),
        ("{% include x.html %}\n", None),
        ('{"a": 1\nnever closed\n', None),
        (" {\"a\": 1}\n", None),
        ("no front matter\n", None),
        ("", None),
    ],
)
def test_find_json_front_matter(text, expected):
    assert find_json_front_matter(text) == expected


def test_line_col_counts_every_line_ending_style():
    text = "a\r\nb\rc\nd"
    assert [line_col(text, text.index(ch)) for ch in "abcd"] == [(1, 1), (2, 1), (3, 1), (4, 1)]


# -- generated documents ----------------------------------------------------------

_scalars = st.one_of(
    st.text(max_size=15),
    st.sampled_from(["한국어", "🎉 emoji", 'quote "x"', "back\\slash", "line\nbreak", "}{]["]),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
)
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8)


@st.composite
def json_documents(draw):
    data = draw(st.dictionaries(st.text(max_size=8), _values, min_size=1, max_size=6))
    indent = draw(st.sampled_from([None, 0, 2, 4]))
    text = json.dumps(data, ensure_ascii=draw(st.booleans()), indent=indent)
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return text.replace("\n", newline), data


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_documents(), st.data())
def test_generated_documents_round_trip_and_set_get_holds(doc, data):
    text, expected = doc
    h = JsonFrontMatter(text)
    assert h.text == text and same_value(h.data(), expected)
    key = data.draw(st.sampled_from(list(expected) + ["새 키"]))
    value = data.draw(_values)
    h.set((key,), value)
    assert same_value(h.get((key,)), value)
    after = json.loads(h.text)
    assert same_value(after[key], value)
    assert same_value({k: v for k, v in after.items() if k != key},
                      {k: v for k, v in expected.items() if k != key})
    assert h.unset((key,)) is True
    assert same_value(json.loads(h.text), {k: v for k, v in expected.items() if k != key})


@pytest.mark.parametrize("depth", [100, 5000])
def test_deep_nesting_is_a_located_limit_error(depth):
    with pytest.raises(FrontMatterError) as info:
        JsonFrontMatter('{"a": ' + "[" * depth + "]" * depth + "}")
    assert info.value.rule in ("front-matter-limit", "json-syntax") and info.value.line == 1
