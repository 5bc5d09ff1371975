"""Anchors, aliases and merge keys: an edit never changes another key silently.

`author: &me Jane` / `editor: *me` share one value. Without `share=` an edit
of either is refused with a message naming the other; `shared` edits the
anchored definition (every alias follows); `own` gives the edited key its own
value and leaves the others reading the old one, changing as few lines as it can.
"""

from __future__ import annotations

import difflib
import time

import pytest

from editor.core.post.document import Document
from editor.core.post.errors import EditRefused, SharedValueError
from editor.core.post.fm_yaml import YamlFrontMatter
from editor.core.post.values import OWN, SHARED, Sharing

PEOPLE = "title: 글\nauthor: &me Jane\neditor: *me\n"

NESTED = (
    "site: &site\n"
    "  name: 블로그\n"
    "  owner: &owner 김\n"
    "mirror: *site\n"
    "contact: *owner\n"
)

MERGE = (
    "defaults: &base\n"
    "  layout: post\n"
    "  comments: false\n"
    "page:\n"
    "  <<: *base\n"
    "  comments: true\n"
    "other:\n"
    "  <<: *base\n"
)


def diff(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
            if line[:1] in "+-" and not line.startswith(("---", "+++"))]


def reread(fm: YamlFrontMatter) -> dict:
    return YamlFrontMatter(fm.text).data()


# ------------------------------------------------------------------ who shares

def test_sharing_names_the_anchor_and_the_other_keys():
    fm = YamlFrontMatter(PEOPLE)
    assert fm.sharing(("author",)) == Sharing("me", (("editor",),))
    assert fm.sharing(("editor",)) == Sharing("me", (("author",),))
    assert fm.sharing(("title",)) is None
    assert fm.written_text(("editor",)) == "Jane"


def test_sharing_through_nested_anchors_and_merges():
    fm = YamlFrontMatter(NESTED)
    assert fm.sharing(("site", "owner")) == Sharing("site", (("mirror", "owner"),))
    assert fm.sharing(("contact",)) == Sharing("owner", (("site", "owner"),))
    fm = YamlFrontMatter(MERGE)
    assert fm.sharing(("page", "layout")) == Sharing("base", (("defaults", "layout"), ("other", "layout")))
    # page sets comments itself: only `other` reads the merged one
    assert fm.sharing(("defaults", "comments")) == Sharing("base", (("other", "comments"),))
    assert fm.sharing(("page", "comments")) is None
    assert fm.written_text(("page", "layout")) == "post"


def test_an_anchor_no_alias_uses_is_not_shared():
    assert YamlFrontMatter("a: &x 1\nb: 2\n").sharing(("a",)) is None
    # A `*` that is not an alias (Markdown bold) is just text.
    fm = YamlFrontMatter("a: '**굵게**'\nb: 2\n")
    assert fm.sharing(("a",)) is None and fm.set(("a",), "**더 굵게**")


# ------------------------------------------------------------------ refusing, shared, own

@pytest.mark.parametrize("key", ["author", "editor"])
def test_a_shared_value_is_not_edited_without_being_told_how(key):
    fm = YamlFrontMatter(PEOPLE)
    with pytest.raises(SharedValueError) as caught:
        fm.set((key,), "John")
    other = "editor" if key == "author" else "author"
    assert str(caught.value) == (f"`{key}` shares its value with `{other}` (anchor &me): say whether "
                                 f"to change the shared value or give `{key}` its own")
    assert caught.value.sharing == Sharing("me", ((other,),))
    assert fm.text == PEOPLE


@pytest.mark.parametrize("key", ["author", "editor"])
def test_shared_edits_the_definition_and_every_alias_follows(key):
    fm = YamlFrontMatter(PEOPLE)
    assert fm.set((key,), "John", share=SHARED)
    assert diff(PEOPLE, fm.text) == ["-author: &me Jane", "+author: &me John"]
    assert reread(fm) == {"title": "글", "author": "John", "editor": "John"}


def test_own_on_the_alias_replaces_only_the_alias():
    fm = YamlFrontMatter(PEOPLE)
    assert fm.set(("editor",), "John", share=OWN)
    assert diff(PEOPLE, fm.text) == ["-editor: *me", "+editor: John"]


def test_own_on_the_definition_gives_the_aliases_a_copy_of_the_old_value():
    fm = YamlFrontMatter(PEOPLE)
    assert fm.set(("author",), "John", share=OWN)
    assert diff(PEOPLE, fm.text) == ["-author: &me Jane", "-editor: *me", "+author: &me John", "+editor: Jane"]
    assert reread(fm) == {"title": "글", "author": "John", "editor": "Jane"}


def test_nested_anchor_own_copies_every_level_that_shares():
    fm = YamlFrontMatter(NESTED)
    fm.set(("site", "owner"), "이", share=OWN)
    assert reread(fm) == {"site": {"name": "블로그", "owner": "이"},
                          "mirror": {"name": "블로그", "owner": "김"}, "contact": "김"}
    assert "  owner: &owner 이\n" in fm.text


def test_nested_anchor_shared_changes_every_reader():
    fm = YamlFrontMatter(NESTED)
    fm.set(("mirror", "name"), "새 이름", share=SHARED)
    assert diff(NESTED, fm.text) == ["-  name: 블로그", "+  name: 새 이름"]
    assert reread(fm)["site"]["name"] == reread(fm)["mirror"]["name"] == "새 이름"


def test_merge_key_own_sets_the_key_in_the_merging_map():
    fm = YamlFrontMatter(MERGE)
    fm.set(("page", "layout"), "wide", share=OWN)
    assert diff(MERGE, fm.text) == ["+  layout: wide"]
    data = reread(fm)
    assert data["page"]["layout"] == "wide" and data["other"]["layout"] == data["defaults"]["layout"] == "post"


def test_merge_key_shared_edits_the_merged_map():
    fm = YamlFrontMatter(MERGE)
    fm.set(("other", "layout"), "wide", share=SHARED)
    assert diff(MERGE, fm.text) == ["-  layout: post", "+  layout: wide"]
    assert {d["layout"] for d in reread(fm).values()} == {"wide"}


def test_merge_key_own_on_the_definition_copies_it_into_the_mergers():
    fm = YamlFrontMatter(MERGE)
    fm.set(("defaults", "layout"), "wide", share=OWN)
    data = reread(fm)
    assert data["defaults"]["layout"] == "wide"
    assert data["page"] == {"layout": "post", "comments": True}
    assert data["other"] == {"layout": "post", "comments": False}


def test_a_whole_anchored_map_keeps_its_anchor_when_rewritten():
    fm = YamlFrontMatter(MERGE)
    fm.set(("defaults",), {"layout": "wide", "comments": False}, share=SHARED)
    assert fm.text.startswith("defaults: &base\n  layout: wide\n")
    assert reread(fm)["other"]["layout"] == "wide"


# ------------------------------------------------------------------ removing

def test_removing_an_alias_key_touches_no_one():
    fm = YamlFrontMatter(PEOPLE)
    assert fm.unset(("editor",))
    assert diff(PEOPLE, fm.text) == ["-editor: *me"]


def test_removing_the_definition_needs_own_and_copies_first():
    fm = YamlFrontMatter(PEOPLE)
    with pytest.raises(SharedValueError):
        fm.unset(("author",))
    with pytest.raises(EditRefused):
        fm.unset(("author",), share=SHARED)
    assert fm.text == PEOPLE
    assert fm.unset(("author",), share=OWN)
    assert fm.text == "title: 글\neditor: Jane\n"


def test_removing_a_key_inside_a_shared_map():
    fm = YamlFrontMatter(NESTED)
    fm.unset(("mirror", "name"), share=SHARED)
    assert "name" not in reread(fm)["site"] and "name" not in reread(fm)["mirror"]
    fm = YamlFrontMatter(NESTED)
    fm.unset(("mirror", "name"), share=OWN)
    assert reread(fm)["site"]["name"] == "블로그" and "name" not in reread(fm)["mirror"]


def test_edits_after_an_alias_key_land_in_the_right_place():
    # `editor: *me` is the last entry: a new key goes after the alias, not after `&me`'s value.
    fm = YamlFrontMatter(PEOPLE)
    fm.set(("tags",), ["a"])
    assert fm.text == PEOPLE + "tags:\n  - a\n"


# ------------------------------------------------------------------ through the Document

def test_document_set_with_share():
    doc = Document.from_text("---\n" + PEOPLE + "---\n본문\n")
    assert doc.sharing("editor") == Sharing("me", (("author",),))
    with pytest.raises(SharedValueError):
        doc.set("editor", "John")
    doc.set("editor", "John", share=OWN)
    assert doc.text == "---\ntitle: 글\nauthor: &me Jane\neditor: John\n---\n본문\n"


def test_alias_aware_parse_is_only_used_with_aliases():
    # The recording composer runs in Python; it must stay cheap on a typical front matter.
    text = "".join(f"k{i}: &a{i} 값 {i}\nr{i}: *a{i}\n" for i in range(50))
    start = time.perf_counter()
    for _ in range(20):
        YamlFrontMatter(text)
    assert (time.perf_counter() - start) / 20 < 0.05
