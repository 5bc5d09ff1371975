"""`yaml_loader.load_simple`, the fast path for plain front matter, must give exactly
what GalleyLoader gives -- same keys, order, values and types -- or step aside (None).
Proven on every YAML post of the corpus and on generated front matter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from editor.core.post.document import split_post
from editor.core.post.encoding import decode
from editor.core.post.yaml_loader import GalleyLoader, load_simple
from editor.core.validation.fastdoc import _maybe_duplicate_keys

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"


def same(a, b) -> bool:
    """Equal, and of the same types all the way down (True is not 1, a date not a datetime)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(k, l) and same(a[k], b[l]) for k, l in zip(a, b))
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and a != a:
        return b != b  # .nan
    if isinstance(a, dt.datetime):
        return a == b and a.tzinfo == b.tzinfo
    return a == b


def full(text: str):
    data = yaml.load(text, Loader=GalleyLoader)  # noqa: S506 - the safe loader under test
    return {} if data is None else data


def assert_agrees(text: str) -> bool:
    """load_simple agrees with GalleyLoader on `text` (True when it did not step aside)."""
    fast = load_simple(text)
    if fast is None:
        return False
    assert same(fast, full(text)), text  # a YAML error here would be a wrong fast answer
    # FastDocument skips its duplicate-key test when load_simple answers: it must never
    # have sent such a text to the careful path.
    assert not _maybe_duplicate_keys(text), text
    return True


def test_typical_front_matter_takes_the_fast_path_with_the_same_values():
    text = ('layout: post\ntitle: "Hello: world"\ndate: 2021-05-10 10:00:00 +0900\n'
            "day: 2021-05-10\ncategories: [dev, 개발]\ntags:\n  - python\n  - 'it''s'\n"
            "draft: no\ncount: 0x1f\nratio: .5\nempty:\nnone: ~\nurl: http://x.org/a#b\n"
            "# a comment\nnote: a # trailing comment\n")
    assert assert_agrees(text)
    assert load_simple(text)["tags"] == ["python", "it's"]


@pytest.mark.parametrize("text", [
    "title: |\n  block\n",                 # block scalar
    "title: >\n  folded\n",
    "title: a\n  continued\n",             # multi-line plain scalar
    'title: "a\n  b"\n',                   # multi-line quoted
    'title: "esc\\u0041"\n',               # escapes
    "meta:\n  key: value\n",               # nested mapping
    "a: &x 1\nb: *x\n",                     # anchors
    "on: yes\n",                           # a key that is not a string
    "title: a: b\n",                       # not a scalar
    "tags: [a, [b]]\n",                    # nested flow
    "tags: [a,\n  b]\n",                   # multi-line flow
    "a: 1\na: 2\n",                        # duplicate key
    "title: x\r\n",                        # CR
    "title:\tx\n",                         # tab
    "---\ntitle: x\n",                     # a document marker
    "<<: {a: 1}\n",                        # merge key
    "k: " + "x" * 10 + "\n" + "y" * 2000 + ": 1\n",  # an over-long implicit key
])
def test_anything_unusual_is_left_to_pyyaml(text):
    assert load_simple(text) is None


def corpus_fragments() -> list:
    if not CORPUS.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"corpus not found at {CORPUS}"))]
    out = []
    for path in sorted(CORPUS.rglob("*")):
        if not path.is_file() or path.suffix not in (".md", ".markdown", ".html", ".text", ".mmark"):
            continue
        try:
            text = decode(path.read_bytes()).text
        except Exception:  # noqa: BLE001 - not text: nothing to compare
            continue
        parts = split_post(text)
        if parts.kind.value == "yaml":
            out.append(pytest.param(parts.fragment, id=str(path.relative_to(CORPUS))))
    return out


@pytest.mark.parametrize("fragment", corpus_fragments())
def test_every_corpus_front_matter_loads_the_same(fragment):
    try:
        full(fragment)
    except yaml.YAMLError:
        assert load_simple(fragment) is None  # a broken one is never "simple"
        return
    assert_agrees(fragment)


def test_most_corpus_front_matter_takes_the_fast_path():
    fragments = [p.values[0] for p in corpus_fragments() if p.values[0] is not None]
    if not fragments:
        pytest.skip("corpus not found")
    fast = sum(load_simple(f) is not None for f in fragments)
    assert fast >= len(fragments) // 3, (fast, len(fragments))


# -- generated front matter ------------------------------------------------------------------

_CHARS = st.sampled_from(list("ab Z09_-.:#'\"[]{},&*!|>%@`?~+=/\\\t\r\x85\u2028é개😀") + [" #", ": "])
_WORDS = st.sampled_from(["yes", "No", "on", "OFF", "true", "null", "~", "", "0", "-1", "+1",
                          "0x1F", "0o17", "017", "1_000", "190:20:30", "1e3", "1.5e+3", ".inf",
                          "-.Inf", ".nan", "3.", "2021-05-10", "2021-5-1",
                          "2021-05-10 10:00:00 +0900", "2021-05-10T10:00:00Z",
                          "2021-05-10 10:00:00.5 -07:00", "2021-13-45", "=", "<<", "a b",
                          "http://x.org/a#b", "C#", "a #b", "x:y", "x: y", "it's", "\"q\""])
_SCALAR_TEXT = st.one_of(_WORDS, st.lists(_CHARS, max_size=8).map("".join),
                         st.tuples(_WORDS, st.lists(_CHARS, max_size=3).map("".join)).map("".join))


def _quoted(draw_text: str, quote: str) -> str:
    return quote + draw_text + quote


_SCALAR = st.one_of(
    _SCALAR_TEXT,
    _SCALAR_TEXT.map(lambda s: _quoted(s, '"')),
    _SCALAR_TEXT.map(lambda s: _quoted(s.replace("'", "''"), "'")),
    _SCALAR_TEXT.map(lambda s: _quoted(s, "'")),
)
_FLOW = st.lists(_SCALAR, max_size=4).map(lambda items: "[" + ", ".join(items) + "]")
_SPACES = st.sampled_from(["", " ", "  "])
_KEYS = st.one_of(st.sampled_from(["title", "date", "tags", "on", "null", "True", "1", "a-b",
                                   "_x", "y", "<<", "=", "key x", "k:"]),
                  st.lists(_CHARS, min_size=1, max_size=5).map("".join))


@st.composite
def _entry(draw) -> str:
    key = draw(_KEYS)
    shape = draw(st.sampled_from(["scalar", "flow", "block", "empty", "comment"]))
    if shape == "scalar":
        return f"{key}:{draw(_SPACES)} {draw(_SCALAR)}{draw(st.sampled_from(['', ' ', ' # c']))}"
    if shape == "flow":
        return f"{key}: {draw(_FLOW)}{draw(_SPACES)}"
    if shape == "block":
        indent = draw(st.sampled_from(["", "  ", "    "]))
        items = draw(st.lists(_SCALAR, min_size=1, max_size=3))
        odd = draw(st.sampled_from(["", "", "  # c", "   - x", "- x", "  more", "-"]))
        return f"{key}:\n" + "\n".join(f"{indent}- {item}" for item in items) + \
            (f"\n{odd}" if odd else "")
    if shape == "empty":
        return f"{key}:"
    return draw(st.sampled_from(["# a comment", "", "  ", "  # indented comment", "---", "..."]))


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_entry(), max_size=6), st.sampled_from(["", "\n"]))
@example(["title: a  b", "tags: [x  y, 'z']"], "\n")
@example(["t: [it's, \"a,b\"]"], "")
def test_generated_front_matter_loads_the_same_or_steps_aside(entries, end):
    text = "\n".join(entries) + end
    try:
        full(text)
    except yaml.YAMLError:
        assert load_simple(text) is None, text
        return
    except (ValueError, OverflowError):  # a constructor refusing a value (a bad date)
        assert load_simple(text) is None, text
        return
    assert_agrees(text)
