"""TomlFrontMatter: lossless edits of `+++` front matter, over the corpus and
generated documents."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
from pathlib import Path

import pytest
import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.post.errors import FrontMatterError, KeyPathError
from editor.core.post.fm_toml import TomlFrontMatter, same_value

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
_FRAGMENT = re.compile(r"\A\ufeff?\+\+\+[ \t]*(?:\r\n|\n|\r)(.*?(?:\r\n|\n|\r))\+\+\+[ \t]*(?:\r\n|\n|\r|\Z)", re.S)


def corpus_posts(kind: str) -> list[str]:
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.is_file():
        return []
    rows = [line.split("\t") for line in manifest.read_text(encoding="utf-8").splitlines()[1:]]
    return [row[0] for row in rows if len(row) > 5 and row[5] == kind]


TOML_POSTS = corpus_posts("toml")


def fragment_of(local: str) -> str:
    if not CORPUS.is_dir():
        pytest.skip("corpus not found at ../shared/corpus (the shared test data of the project)")
    text = (CORPUS / local).read_bytes().decode("utf-8")
    m = _FRAGMENT.match(text)
    assert m, f"{local}: no +++ block"
    return m.group(1)


def changed_lines(old: str, new: str) -> tuple[list[int], list[str]]:
    """(0-based old lines touched -- removed, replaced, or inserted before --, new lines added)."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    touched, added = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            touched += range(i1, i2) if i2 > i1 else [i1 - 1]  # an insert touches the line before it
            added += b[j1:j2]
    return touched, added


def other_value(value):
    """A different value of the same type."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, float):
        return value + 0.5
    if isinstance(value, str):
        return value + " 수정됨"
    if isinstance(value, dt.datetime):
        return value + dt.timedelta(days=1, minutes=5)
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    if isinstance(value, list):
        return value + ["새 항목"]
    return None


def top_level_entries(handler: TomlFrontMatter) -> list[str]:
    """Top-level keys written as `key = value` (not [tables])."""
    data = handler.data()
    tables = set(re.findall(r"^\s*\[+\s*([^\].\s]+)", handler.text, re.M))
    return [k for k in data if k not in tables]


needs_corpus = pytest.mark.skipif(not TOML_POSTS, reason="corpus not found at ../shared/corpus")


# -- the corpus ----------------------------------------------------------------


@needs_corpus
def test_corpus_has_the_toml_posts_we_expect():
    assert len(TOML_POSTS) >= 40


@needs_corpus
@pytest.mark.parametrize("local", TOML_POSTS)
def test_corpus_unchanged_text_is_identical_and_values_match_tomllib(local):
    frag = fragment_of(local)
    handler = TomlFrontMatter(frag)
    assert handler.text == frag
    assert same_value(handler.data(), tomllib.loads(frag))


@needs_corpus
@pytest.mark.parametrize("local", TOML_POSTS)
def test_corpus_set_each_top_level_key_changes_only_its_lines(local):
    frag = fragment_of(local)
    for key in top_level_entries(TomlFrontMatter(frag)):
        handler = TomlFrontMatter(frag)
        old = handler.get((key,))
        new = other_value(old)
        if new is None:
            continue
        first, last = handler.key_span((key,))
        assert handler.set((key,), new) is True
        touched, added = changed_lines(frag, handler.text)
        assert touched and set(touched) <= set(range(first - 1, last)), (key, touched, (first, last))
        # What was written is the key's own line, or lines of its multi-line array.
        assert all(re.match(r"\s*" + re.escape(key) + r"\s*=|\s", line) or line.strip() in ("", "]")
                   for line in added), (key, added)
        assert same_value(handler.get((key,)), new)
        assert same_value(TomlFrontMatter(handler.text).get((key,)), new)
        rest_before = {k: v for k, v in tomllib.loads(frag).items() if k != key}
        rest_after = {k: v for k, v in tomllib.loads(handler.text).items() if k != key}
        assert same_value(rest_after, rest_before)
        # Setting the same value again is a no-op.
        text = handler.text
        assert handler.set((key,), new) is False and handler.text == text


@needs_corpus
@pytest.mark.parametrize("local", TOML_POSTS)
def test_corpus_unset_each_top_level_key_removes_only_its_lines(local):
    frag = fragment_of(local)
    lines = frag.splitlines(keepends=True)
    for key in top_level_entries(TomlFrontMatter(frag)):
        handler = TomlFrontMatter(frag)
        first, last = handler.key_span((key,))
        assert handler.unset((key,)) is True
        assert handler.text == "".join(lines[: first - 1] + lines[last:])
        assert key not in tomllib.loads(handler.text)
        assert handler.unset((key,)) is False


@needs_corpus
@pytest.mark.parametrize("local", TOML_POSTS)
def test_corpus_new_key_lands_after_last_top_level_entry_before_first_table(local):
    frag = fragment_of(local)
    handler = TomlFrontMatter(frag)
    entries = top_level_entries(handler)
    _first, last = handler.key_span((entries[-1],))
    assert handler.set(("galley_note",), "한국어 메모") is True
    new_lines = handler.text.splitlines(keepends=True)
    old_lines = frag.splitlines(keepends=True)
    assert new_lines[last] == 'galley_note = "한국어 메모"' + _ending(old_lines[last - 1])
    assert new_lines[:last] == old_lines[:last]
    assert new_lines[last + 1 :] == old_lines[last:]
    assert tomllib.loads(handler.text)["galley_note"] == "한국어 메모"


def _ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :] or "\n"


@needs_corpus
def test_corpus_extra_table_key_set_and_append():
    posts = [p for p in TOML_POSTS if "[extra]" in fragment_of(p)]
    if not posts:
        pytest.skip("no corpus post with an [extra] table")
    for local in posts:
        frag = fragment_of(local)
        handler = TomlFrontMatter(frag)
        assert handler.set(("extra", "galley"), True)
        touched, added = changed_lines(frag, handler.text)
        assert len(touched) == 1 and len(added) == 1 and added[0].startswith("galley = true")
        assert tomllib.loads(handler.text)["extra"]["galley"] is True
        # The new line sits inside [extra]: after it, the rest is as before.
        assert handler.key_location(("extra", "galley"))[0] > handler.key_location(("extra",))[0]


# -- unit behaviour ---------------------------------------------------------------


def test_set_keeps_spacing_comment_and_literal_quotes():
    h = TomlFrontMatter("title  =  'old' # the title\ndraft = false\n")
    assert h.set(("title",), "new") is True
    assert h.text == "title  =  'new' # the title\ndraft = false\n"
    # A quote cannot go in a literal string: the basic form is used instead.
    assert h.set(("title",), "it's") is True
    assert h.text == "title  =  \"it's\" # the title\ndraft = false\n"
    assert h.get(("title",)) == "it's"


def test_equal_value_is_a_no_op_and_types_are_strict():
    text = "n = 1\nb = true\nd = 2020-01-02T03:04:05+09:00\n"
    h = TomlFrontMatter(text)
    assert h.set(("n",), 1) is False
    assert h.set(("b",), True) is False
    assert h.set(("d",), dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=9)))) is False
    assert h.text == text
    assert h.set(("n",), 1.0) is True and h.get(("n",)) == 1.0 and isinstance(h.get(("n",)), float)
    # Same instant, other offset: not equal for us (the file would change).
    utc = dt.datetime(2020, 1, 1, 18, 4, 5, tzinfo=dt.timezone.utc)
    assert h.set(("d",), utc) is True
    assert h.get(("d",)).utcoffset() == dt.timedelta(0)


def test_crlf_file_keeps_crlf_on_new_and_changed_lines():
    text = 'title = "a"\r\ntags = ["x"]\r\n\r\n[extra]\r\nteam = "t"\r\n'
    h = TomlFrontMatter(text, newline="\r\n")
    h.set(("title",), "b")
    h.set(("author",), "me")
    h.set(("extra", "who"), "w")
    assert h.text == 'title = "b"\r\ntags = ["x"]\r\nauthor = "me"\r\n\r\n[extra]\r\nteam = "t"\r\nwho = "w"\r\n'


def test_mixed_endings_stay_mixed():
    text = 'a = 1\r\nb = 2\nc = 3\r\n'
    h = TomlFrontMatter(text)
    h.set(("b",), 5)
    assert h.text == 'a = 1\r\nb = 5\nc = 3\r\n'


def test_no_final_newline_is_kept():
    h = TomlFrontMatter('a = 1')
    h.set(("b",), "x")
    assert h.text == 'a = 1\nb = "x"'
    h.unset(("b",))
    assert tomllib.loads(h.text) == {"a": 1} and not h.text.endswith("\n")


def test_new_top_level_key_goes_before_the_first_table_without_extra_blank_lines():
    text = 'a = 1\n[extra]\nq = 1\n[extra.sub]\nz = 1\n'
    h = TomlFrontMatter(text)
    h.set(("n",), "z")
    assert h.text == 'a = 1\nn = "z"\n[extra]\nq = 1\n[extra.sub]\nz = 1\n'


def test_multiline_array_stays_multiline_with_its_indent():
    text = 'tags = [\n  "a",\n  "b",\n]\nx = 1\n'
    h = TomlFrontMatter(text)
    h.set(("tags",), ["c", "한글"])
    assert h.text == 'tags = [\n  "c",\n  "한글",\n]\nx = 1\n'


def test_dotted_paths_inline_tables_and_dotted_keys():
    text = 'image = { alt = "x", src = "y" } # pic\nsite.name = "s"\n'
    h = TomlFrontMatter(text)
    h.set(("image", "alt"), "대체 텍스트")
    assert h.text.splitlines()[0] == 'image = { alt = "대체 텍스트", src = "y" } # pic'
    h.set(("site", "name"), "t")
    assert h.text.splitlines()[1] == 'site.name = "t"'
    h.set(("extra", "author"), "me")  # a missing table is created at the end
    assert tomllib.loads(h.text)["extra"] == {"author": "me"}
    assert h.text.startswith(text.replace('"x"', '"대체 텍스트"').replace('"s"', '"t"'))


def test_list_items_by_index():
    h = TomlFrontMatter('tags = ["a", "b"]\n')
    h.set(("tags", 1), "c")
    assert h.text == 'tags = ["a", "c"]\n'
    h.unset(("tags", 0))
    assert tomllib.loads(h.text) == {"tags": ["c"]}
    with pytest.raises(KeyPathError):
        h.get(("tags", 5))


def test_values_are_plain_python_and_copies():
    h = TomlFrontMatter('d = 2016-08-22T22:57:14+09:00\nday = 2020-01-01\nt = [1, 2]\n[x]\ny = 1\n')
    data = h.data()
    assert type(data["x"]) is dict and type(data["t"]) is list and type(data["t"][0]) is int
    assert data["d"].utcoffset() == dt.timedelta(hours=9)
    assert type(data["day"]) is dt.date
    data["t"].append(3)
    assert h.get(("t",)) == [1, 2]


def test_key_span_and_location():
    h = TomlFrontMatter('a = 1\n[extra]\nb = [\n 1,\n 2\n]\n  c = 3\n')
    assert h.key_span(("a",)) == (1, 1)
    assert h.key_span(("extra", "b")) == (3, 6)
    assert h.key_location(("extra", "c")) == (7, 3)
    assert h.key_location(("extra",)) == (2, 2)
    assert h.key_span(("missing",)) is None and h.key_location(("missing",)) is None


@pytest.mark.parametrize(
    "text, rule, line, column",
    [
        ("a = 1\nb = = 2\n", "toml-syntax", 2, 5),
        ("a = 1\na = 2\n", "duplicate-key", 2, 1),
        ('a = "open\n', "toml-syntax", 1, 10),
        ("a = ", "toml-syntax", 1, 5),
        ("[t]\nx = 1\n[t]\n", "duplicate-key", 3, 1),
    ],
)
def test_syntax_errors_have_a_rule_and_a_location(text, rule, line, column):
    with pytest.raises(FrontMatterError) as info:
        TomlFrontMatter(text)
    assert (info.value.rule, info.value.line, info.value.column) == (rule, line, column)


def test_values_toml_cannot_hold_are_refused_without_changing_anything():
    h = TomlFrontMatter("a = 1\n")
    with pytest.raises(ValueError):
        h.set(("a",), None)
    with pytest.raises(ValueError):
        h.set(("b",), object())
    with pytest.raises(KeyPathError):
        h.set(("a", "b"), 1)  # a is not a table
    assert h.text == "a = 1\n"


# -- generated documents ----------------------------------------------------------

_keys = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N")) | st.sampled_from("_-"),
                min_size=1, max_size=8)
_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
_scalars = st.one_of(
    _text,
    st.sampled_from(["한국어 제목", "이모지 🎉", "it's", 'say "hi"', "back\\slash", "탭\t", "줄\n바꿈"]),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), timezones=st.sampled_from(
        [dt.timezone.utc, dt.timezone(dt.timedelta(hours=9)), dt.timezone(dt.timedelta(hours=-5, minutes=-30))]))
    .map(lambda d: d.replace(microsecond=0)),
)
_values = st.one_of(_scalars, st.lists(_scalars, max_size=4))
_tables = st.dictionaries(_keys, _values, min_size=1, max_size=4)


@st.composite
def toml_documents(draw):
    top = draw(st.dictionaries(_keys, _values | st.dictionaries(_keys, _scalars, max_size=3), min_size=1, max_size=6))
    tables = draw(st.dictionaries(_keys.filter(lambda k: k not in top), _tables, max_size=2))
    doc = tomlkit.document()
    for key, value in top.items():
        item = tomlkit.item(value)
        if isinstance(value, dict):  # an inline table, padded or not
            item = tomlkit.inline_table()
            item.update(value)
        if isinstance(value, str) and draw(st.booleans()):
            try:  # a literal string where the value allows it
                item = tomlkit.items.String.from_raw(value, tomlkit.items.StringType.SLL)
            except tomlkit.exceptions.TOMLKitError:
                pass
        if draw(st.booleans()):
            item.comment("주석 comment")
        doc.add(key, item)
    for name, table in tables.items():
        doc.add(name, tomlkit.item(table))
    text = doc.as_string()
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return text.replace("\n", newline), newline, {**top, **tables}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(toml_documents(), st.data())
def test_generated_documents_round_trip_and_set_get_holds(doc, data):
    text, newline, expected = doc
    h = TomlFrontMatter(text, newline=newline)
    assert h.text == text
    assert same_value(h.data(), tomllib.loads(text))
    # Set an existing key (top level or in a table) or a new one.
    paths = [(k,) for k in expected] + [(k, sub) for k, v in expected.items() if isinstance(v, dict) for sub in v]
    path = data.draw(st.sampled_from(paths + [("새_키",)]))
    value = data.draw(_values)
    h.set(path, value)
    assert same_value(h.get(path), value)
    again = TomlFrontMatter(h.text, newline=newline)
    assert same_value(again.get(path), value)
    before = tomllib.loads(text)
    after = tomllib.loads(h.text)
    for tree in (before, after):
        parent = tree
        for part in path[:-1]:
            parent = parent[part]
        parent.pop(path[-1], None)
    assert same_value(after, before)
    # New lines use the document's line ending.
    if newline == "\r\n":
        assert "\n" not in h.text.replace("\r\n", "")


def test_inline_tables_keep_their_padding():
    h = TomlFrontMatter('image = { alt = "x",  src = "y" } # pic\n')
    h.set(("image", "title"), "제목")
    assert h.text == 'image = { alt = "x",  src = "y", title = "제목" } # pic\n'
    h.unset(("image", "alt"))
    assert h.text == 'image = { src = "y", title = "제목" } # pic\n'
    h = TomlFrontMatter('image = {alt = "x"}\n')
    h.set(("image", "size"), {"w": 1})
    assert h.text == 'image = {alt = "x", size = {w = 1}}\n'
    h = TomlFrontMatter('authors = [{ name = "a" }]\n')
    h.set(("authors", 0, "email"), "a@example.org")
    assert h.text == 'authors = [{ name = "a", email = "a@example.org" }]\n'


# -- edits on documents made of the constructs Hugo and Zola posts use -------------------

_LINES = st.sampled_from([
    'a = 1', 'b = "x" # c', "c = 'lit'", 'd = [1, 2]', 'e = [\n  "x",\n  "y",\n]', 'f = { g = 1, h = "i" }',
    'j.k = 2', 'j.l = "m"', '[t]', '[t.u]', '[[p]]', 'q = 2016-08-22T22:57:14+09:00', 'r = """\nmulti\nline"""',
    '# comment', '', '  s = true', '"quoted key" = 1', 'n = {}', 'ar = [{ x = 1 }, {y = 2}]', '[v]', 'w = -1.5',
])
_PATHS = st.sampled_from([
    ("a",), ("b",), ("c",), ("new",), ("t", "new"), ("t", "a"), ("t", "u", "z"), ("f", "g"), ("f", "new"),
    ("j", "k"), ("j", "new"), ("p", 0, "a"), ("p", 0, "new"), ("e", 0), ("d", 1), ("r",), ("quoted key",),
    ("n", "x"), ("ar", 1, "y"), ("ar", 0, "z"), ("v", "a"), ("x", "y", "z"),
])
_NEW_VALUES = st.sampled_from(["새 값", "it's", 'q"uote', 42, 1.5, True, [1, "a"], {"k": "v"}, ["a", "b", "c"],
                               "line\nbreak", dt.date(2024, 2, 29)])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINES, max_size=10), st.sampled_from(["\n", "\r\n"]),
       st.lists(st.tuples(st.booleans(), _PATHS, _NEW_VALUES), min_size=1, max_size=4))
def test_edits_on_valid_documents_never_fail_and_stay_valid(lines, newline, ops):
    text = newline.join(lines).replace("\n", newline).replace("\r\r\n", "\r\n") + newline
    try:
        h = TomlFrontMatter(text, newline)
    except FrontMatterError:
        return  # e.g. a key defined twice: not a document
    for is_set, path, value in ops:
        try:
            if is_set:
                h.set(path, value)
            else:
                h.unset(path)
        except KeyPathError:
            continue  # a path through a list that is not there, or through a value
        data = tomllib.loads(h.text)
        if is_set:
            node = data
            for part in path:
                node = node[part]
            assert same_value(node, value)
        assert same_value(h.data(), data)


@needs_corpus
@pytest.mark.parametrize("local", TOML_POSTS)
@pytest.mark.parametrize("style", ["crlf", "mixed"])
def test_corpus_fragments_with_crlf_and_mixed_endings(local, style):
    """The corpus TOML blocks are LF (their CRLFs are in bodies): try each one
    with CRLF endings and with LF/CRLF alternating."""
    lines = fragment_of(local).splitlines()
    endings = ["\r\n" if style == "crlf" or i % 2 else "\n" for i in range(len(lines))]
    text = "".join(line + end for line, end in zip(lines, endings))
    h = TomlFrontMatter(text, newline="\r\n")
    assert h.text == text
    key = top_level_entries(h)[0]
    first, last = h.key_span((key,))
    h.set((key,), other_value(h.get((key,))))
    new_lines = h.text.splitlines(keepends=True)
    old_lines = text.splitlines(keepends=True)
    assert new_lines[: first - 1] == old_lines[: first - 1]
    assert h.text.endswith("".join(old_lines[last:]))
    # The rewritten line keeps the ending it had.
    assert _ending(new_lines[first - 1]) == endings[first - 1]
    h.set(("galley_new",), 1)
    added = [line for line in h.text.splitlines(keepends=True) if line.startswith("galley_new")]
    assert added and added[0].endswith(("\r\n", "\n"))
    assert tomllib.loads(h.text)["galley_new"] == 1
