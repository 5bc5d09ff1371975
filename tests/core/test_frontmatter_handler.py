"""python-frontmatter with GalleyHandler: an unchanged post dumps as read, an
edited one changes only the edited entries' lines (comments, quoting, order kept)."""

from __future__ import annotations

import datetime as dt
import difflib
import re

import frontmatter
import pytest

from editor.core.post.document import Document, FrontMatterKind
from editor.core.post.frontmatter_handler import GalleyHandler
from tests.corpus import CORPUS, corpus_params

YAML_POST = """\
---
# Shown on the front page
layout: post
title: 'Hello, world'   # quoted on purpose
date: 2024-03-05 10:00:00 +0900
tags: [python, 개발]
image:
  src: /img/a.png
  alt: "A picture"  # for screen readers
draft: no
---

Body text with **Markdown**.
"""


def write(tmp_path, text: str | bytes, name: str = "post.md"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines removed from `before` and added in `after`."""
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(keepends=True), after.splitlines(keepends=True)):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


@pytest.mark.parametrize("with_source", [True, False])
def test_an_unchanged_post_dumps_exactly_as_read(tmp_path, with_source):
    path = write(tmp_path, YAML_POST)
    post = frontmatter.load(path, handler=GalleyHandler(path) if with_source else GalleyHandler())
    assert post["title"] == "Hello, world"
    assert post["date"] == dt.datetime(2024, 3, 5, 10, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    assert post["draft"] is False  # YAML 1.1, as Jekyll reads it
    assert post.content == "Body text with **Markdown**."
    assert frontmatter.dumps(post) == YAML_POST
    assert frontmatter.dumps(post) == YAML_POST  # dumping does not change the post


def test_python_frontmatters_own_handler_loses_what_this_one_keeps(tmp_path):
    path = write(tmp_path, YAML_POST)
    dumped = frontmatter.dumps(frontmatter.load(path))
    assert "# Shown on the front page" not in dumped and dumped != YAML_POST


def test_edits_change_only_their_lines(tmp_path):
    path = write(tmp_path, YAML_POST)
    post = frontmatter.load(path, handler=GalleyHandler(path))
    post["title"] = "Bonjour"
    post["image"]["alt"] = "Another picture"
    del post["layout"]
    post["tags"].append("new")
    post["updated"] = dt.date(2024, 4, 1)
    out = frontmatter.dumps(post)
    removed, added = changed_lines(YAML_POST, out)
    assert removed == ["layout: post\n", "title: 'Hello, world'   # quoted on purpose\n",
                       "tags: [python, 개발]\n", '  alt: "A picture"  # for screen readers\n']
    assert added == ["title: 'Bonjour'   # quoted on purpose\n", "tags: [python, 개발, new]\n",
                     '  alt: "Another picture"  # for screen readers\n', "updated: 2024-04-01\n"]
    assert out.index("updated:") > out.index("draft:")  # a new key comes after the others


def test_a_changed_body_keeps_the_space_around_it(tmp_path):
    path = write(tmp_path, YAML_POST)
    post = frontmatter.load(path, handler=GalleyHandler(path))
    post.content = "New body.\n\nSecond paragraph."
    assert frontmatter.dumps(post) == YAML_POST.replace(
        "Body text with **Markdown**.", "New body.\n\nSecond paragraph.")


def test_crlf_bom_and_no_final_newline_survive_with_the_source(tmp_path):
    raw = "\ufeff+++\r\ntitle = \"Hi\" # comment\r\nweight = 10\r\n+++\r\nLine one\r\nLine two".encode()
    path = write(tmp_path, raw)
    handler = GalleyHandler(path)
    post = frontmatter.load(path, handler=handler)
    assert post["title"] == "Hi" and post["weight"] == 10
    assert handler.to_bytes(post) == raw
    post["weight"] = 20
    post.content = "Line one\nLine 2"
    assert handler.to_bytes(post) == raw.replace(b"weight = 10", b"weight = 20").replace(
        b"Line two", b"Line 2")


def test_without_the_source_python_frontmatters_normalising_is_what_is_kept(tmp_path):
    # python-frontmatter reads CRLF as LF and strips the text before any handler sees it.
    path = write(tmp_path, "---\r\ntitle: a  # c\r\n---\r\nBody\r\n\r\n")
    post = frontmatter.load(path, handler=GalleyHandler())
    assert frontmatter.dumps(post) == "---\ntitle: a  # c\n---\nBody\n"


def test_json_front_matter(tmp_path):
    text = '{\n  "title": "J",\n  "tags": ["a"],\n  "weight": 1\n}\n\nBody\n'
    post = frontmatter.loads(text, handler=GalleyHandler())
    assert frontmatter.dumps(post) == text
    post["weight"] = 2
    assert frontmatter.dumps(post) == text.replace('"weight": 1', '"weight": 2')


def test_a_post_without_front_matter_gains_one_only_when_given_metadata():
    post = frontmatter.loads("Just text.\n", handler=GalleyHandler())
    assert post.metadata == {}
    assert frontmatter.dumps(post) == "Just text.\n"
    post["title"] = "Now titled"
    assert frontmatter.dumps(post) == "---\ntitle: Now titled\n---\nJust text.\n"


def test_a_post_made_in_the_script_is_written_as_yaml():
    post = frontmatter.Post("Hello", title="T", tags=["a", "b"])
    assert frontmatter.dumps(post, handler=GalleyHandler()) == "---\ntitle: T\ntags:\n  - a\n  - b\n---\nHello\n"


def test_broken_front_matter_says_where():
    with pytest.raises(ValueError, match=r":3:1: error: YAML syntax"):
        frontmatter.loads("---\ntitle: [\n---\nBody\n", handler=GalleyHandler())


def test_one_handler_for_two_posts_tells_them_apart_or_says_so():
    handler = GalleyHandler()
    first = frontmatter.loads("---\ntitle: one # 1\n---\nA\n", handler=handler)
    second = frontmatter.loads("---\ntitle: two # 2\n---\nB\n", handler=handler)
    assert frontmatter.dumps(second) == "---\ntitle: two # 2\n---\nB\n"
    assert frontmatter.dumps(first) == "---\ntitle: one # 1\n---\nA\n"
    first.content = second.content = "same"
    first["title"] = second["title"] = "same"
    with pytest.raises(ValueError, match="one GalleyHandler per post"):
        frontmatter.dumps(first)


# ------------------------------------------------------------ the corpus
def _load(row):
    path = CORPUS / row["local_path"]
    raw = path.read_bytes()
    handler = GalleyHandler(path)
    document = Document.from_bytes(raw)
    if document.front_matter_error is not None:
        # Said with the file, line and column, as `galley validate` says it.
        with pytest.raises(ValueError, match=rf"^{re.escape(str(path))}:\d+:\d+: error: "):
            frontmatter.loads(raw, handler=handler)
        pytest.skip("front matter that does not parse (refused with its location)")
    # python-frontmatter decodes with the encoding it is given (UTF-8 by default).
    post = frontmatter.loads(raw, encoding=document.encoding, handler=handler)
    return raw, handler, post


@pytest.mark.parametrize("row", corpus_params())
def test_every_corpus_post_dumps_unchanged(row):
    raw, handler, post = _load(row)
    assert handler.to_bytes(post) == raw
    document = Document.from_bytes(raw)
    bom = "\ufeff" if document.bom else ""
    assert frontmatter.dumps(post) == bom + document.text


@pytest.mark.parametrize("row", corpus_params())
def test_without_the_source_a_plain_corpus_post_dumps_unchanged(row):
    raw, _handler, _post = _load(row)
    text = raw.decode("utf-8", errors="replace")
    if "\r" in text or text.startswith("\ufeff") or text != text.strip() + "\n":
        pytest.skip("python-frontmatter changes its newlines or surrounding space before a handler sees it")
    post = frontmatter.load(CORPUS / row["local_path"], handler=GalleyHandler())
    assert frontmatter.dumps(post) == text


def _scalar_key(document: Document):
    for key, value in document.front_matter.items():
        if isinstance(value, str) and document.key_span(key) is not None:
            return key
    return None


@pytest.mark.parametrize("row", corpus_params())
def test_a_corpus_edit_touches_only_that_fields_lines(row):
    raw, handler, post = _load(row)
    document = Document.from_bytes(raw)
    if document.kind is FrontMatterKind.NONE:
        pytest.skip("no front matter to edit")
    key = _scalar_key(document)
    if key is None:
        pytest.skip("no top-level text value")
    first, last = document.key_span(key)
    post[key] = "Edited by a script"
    out = handler.to_bytes(post).decode(document.encoding)
    before = document.text.splitlines(keepends=True)
    after = out.lstrip("\ufeff").splitlines(keepends=True)
    # Every line outside the key's entry is the same, in the same place.
    assert before[:first - 1] == after[:first - 1]
    tail = len(before) - last
    assert before[len(before) - tail:] == after[len(after) - tail:]
    assert frontmatter.loads(out, handler=GalleyHandler())[key] == "Edited by a script"
