"""Removing or setting one item of a list: the items after a removed one move
up, and the read-back check compares the list as before without that item."""

from __future__ import annotations

import pytest

from editor.core.post import edit_baseline
from editor.core.post.document import Document
from editor.core.post.errors import EditRefused, SharedValueError
from editor.core.post.values import OWN

POSTS = {
    "yaml block": ("---\ntitle: t\ntags:\n  - a\n  - b\n  - c\nx: 1\n---\nbody\n",
                   {0: "---\ntitle: t\ntags:\n  - b\n  - c\nx: 1\n---\nbody\n",
                    1: "---\ntitle: t\ntags:\n  - a\n  - c\nx: 1\n---\nbody\n",
                    2: "---\ntitle: t\ntags:\n  - a\n  - b\nx: 1\n---\nbody\n"}),
    "yaml flow": ("---\ntitle: t\ntags: [a, b, c]\nx: 1\n---\nbody\n",
                  {0: "---\ntitle: t\ntags: [b, c]\nx: 1\n---\nbody\n",
                   1: "---\ntitle: t\ntags: [a, c]\nx: 1\n---\nbody\n",
                   2: "---\ntitle: t\ntags: [a, b]\nx: 1\n---\nbody\n"}),
    "toml array": ('+++\ntitle = "t"\ntags = ["a", "b", "c"]\nx = 1\n+++\nbody\n',
                   {0: '+++\ntitle = "t"\ntags = ["b", "c"]\nx = 1\n+++\nbody\n',
                    1: '+++\ntitle = "t"\ntags = ["a", "c"]\nx = 1\n+++\nbody\n',
                    2: '+++\ntitle = "t"\ntags = ["a", "b"]\nx = 1\n+++\nbody\n'}),
    "json array": ('{\n  "title": "t",\n  "tags": ["a", "b", "c"],\n  "x": 1\n}\nbody\n',
                   {0: '{\n  "title": "t",\n  "tags": ["b", "c"],\n  "x": 1\n}\nbody\n',
                    1: '{\n  "title": "t",\n  "tags": ["a", "c"],\n  "x": 1\n}\nbody\n',
                    2: '{\n  "title": "t",\n  "tags": ["a", "b"],\n  "x": 1\n}\nbody\n'}),
}


@pytest.mark.parametrize("kind", POSTS)
@pytest.mark.parametrize("index", [0, 1, 2])
def test_unset_one_item_removes_only_that_item(kind, index):
    text, expected = POSTS[kind]
    doc = Document.from_bytes(text.encode())
    assert doc.unset(("tags", index)) is True
    assert doc.text == expected[index]
    assert doc.get("tags") == [t for i, t in enumerate("abc") if i != index]
    assert doc.get("x") == 1 and doc.get("title") == "t"


@pytest.mark.parametrize("kind", POSTS)
def test_unset_the_last_item_by_a_negative_index(kind):
    text, expected = POSTS[kind]
    doc = Document.from_bytes(text.encode())
    assert doc.unset(("tags", -1)) is True
    assert doc.text == expected[2]
    assert doc.unset(("tags", 0)) is True
    assert doc.get("tags") == ["b"]


@pytest.mark.parametrize("kind", POSTS)
def test_unset_an_item_past_the_end_changes_nothing(kind):
    text, _ = POSTS[kind]
    doc = Document.from_bytes(text.encode())
    assert doc.unset(("tags", 3)) is False
    assert doc.text == text


@pytest.mark.parametrize("kind", POSTS)
def test_set_one_item_changes_only_that_item(kind):
    text, _ = POSTS[kind]
    doc = Document.from_bytes(text.encode())
    assert doc.set(("tags", 1), "z") is True
    assert doc.get("tags") == ["a", "z", "c"] and doc.get("x") == 1
    assert doc.text == text.replace("b", "z", 1)  # the first b is the item's


def test_unset_an_item_of_a_nested_block_list():
    doc = Document.from_bytes(b"---\nimage:\n  tags:\n    - a\n    - b\n  alt: x\n---\n")
    assert doc.unset(("image", "tags", 0)) is True
    assert doc.text == "---\nimage:\n  tags:\n    - b\n  alt: x\n---\n"


def test_unset_an_item_that_an_alias_in_the_same_list_reads_keeps_the_others():
    doc = Document.from_bytes(b"---\ntags: [&t a, *t, c]\n---\n")
    with pytest.raises(SharedValueError):
        doc.unset(("tags", 0))
    assert doc.unset(("tags", 0), share=OWN) is True
    assert doc.get("tags") == ["a", "c"]


def test_the_check_wants_the_list_without_exactly_that_item():
    before = {"tags": ["a", "b", "c"], "x": 1}
    edit_baseline.check_others(before, {"tags": ["b", "c"], "x": 1}, ("tags", 0), removal=True)
    edit_baseline.check_others(before, {"tags": ["a", "b"], "x": 1}, ("tags", -1), removal=True)
    with pytest.raises(EditRefused, match="removing `tags.0` would also change `tags.0`"):
        edit_baseline.check_others(before, {"tags": ["a", "c"], "x": 1}, ("tags", 0), removal=True)
    with pytest.raises(EditRefused, match="would also change `x`"):
        edit_baseline.check_others(before, {"tags": ["b", "c"], "x": 2}, ("tags", 0), removal=True)
    with pytest.raises(EditRefused, match="would also change `tags`"):
        edit_baseline.check_others(before, {"x": 1}, ("tags", 0), removal=True)


def test_the_check_follows_shared_items_that_move_up():
    before = {"tags": ["x", "a", "b", "a"]}
    # Removing item 1 (own value) with item 3 sharing it: item 3 is item 2 afterwards.
    edit_baseline.check_others(before, {"tags": ["x", "b", "a"]}, ("tags", 1), (("tags", 3),),
                               removal=True)
    with pytest.raises(EditRefused):
        edit_baseline.check_others(before, {"tags": ["x", "c", "a"]}, ("tags", 1), (("tags", 3),),
                                   removal=True)


def test_a_refusal_names_the_item_as_it_was_asked_for():
    with pytest.raises(EditRefused, match="removing `tags.-1` would also change `x`"):
        edit_baseline.check_others({"tags": ["a", "b"], "x": 1}, {"tags": ["a"], "x": 2},
                                   ("tags", -1), removal=True)


def test_a_dotted_key_reaches_list_items_by_number():
    from editor.core.post.document import Document, key_path

    doc = Document.from_text("---\ntags: [a, b]\n'2019': {x: 1}\nv.1: dotted\n---\n")
    assert doc.get("tags.1") == "b"
    assert key_path("tags.1", doc.front_matter) == ("tags", 1)
    assert key_path("2019.x", doc.front_matter) == ("2019", "x")  # a map's key stays a key
    assert doc.get("v.1") == "dotted"  # a key with a dot in it wins
