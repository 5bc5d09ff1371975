"""Site-wide search and replace over real post files."""

from __future__ import annotations

import pytest

from editor.core.site import bulk_edit, search

POST = ("---\ntitle: \"한국어 제목\"   # keep\ndescription: 'About 한국어'\ntags: [한국어, b]\n---\n"
        "첫 줄\n한국어로 쓴 문단, 한국어 again.\nVersion 1.2.3 and v2.0.1\n")
OTHER = "---\ntitle: English\n---\nNothing here.\n"


@pytest.fixture
def posts(tmp_path):
    a = tmp_path / "a.md"
    a.write_bytes(POST.encode())
    b = tmp_path / "b.md"
    b.write_bytes(OTHER.encode())
    return a, b


def found(paths, query):
    return [m for group in search.search(paths, query) for m in group]


def test_korean_text_in_body_and_front_matter(posts):
    matches = found(posts, search.Query("한국어"))
    assert [(m.part, m.line, m.column) for m in matches] == [
        ("front_matter", 2, 9), ("front_matter", 3, 21), ("front_matter", 4, 8),
        ("body", 7, 1), ("body", 7, 12)]
    assert matches[0].key == ("title",) and matches[2].key == ("tags", 0)
    assert matches[3].line_text == "한국어로 쓴 문단, 한국어 again."
    body_only = found(posts, search.Query("한국어", front_matter=False))
    assert [m.part for m in body_only] == ["body", "body"]
    assert found(posts, search.Query("한국어", body=False))[-1].part == "front_matter"


def test_regex_and_case(posts):
    matches = found(posts, search.Query(r"v?(\d+)\.(\d+)\.\d+", regex=True))
    assert [(m.line, m.column, m.length) for m in matches] == [(8, 9, 5), (8, 19, 6)]
    assert found(posts, search.Query("nothing")) and not found(posts, search.Query("nothing", case=True))
    with pytest.raises(ValueError, match="1:2: error"):
        search.Query("a(", regex=True).compile()


def test_replace_selected_body_match_and_front_matter_value(posts):
    a, b = posts
    query = search.Query("한국어")
    matches = found(posts, query)
    chosen = [matches[1], matches[4]]  # the description and the second body match
    edits, refused = search.plan_replace(chosen, query, "Korean")
    assert refused == []
    journal = bulk_edit.apply(edits)
    assert journal.refused == []
    assert a.read_bytes() == POST.replace("'About 한국어'", "'About Korean'").replace(
        "한국어 again", "Korean again").encode()
    assert b.read_bytes() == OTHER.encode()
    bulk_edit.undo(journal)
    assert a.read_bytes() == POST.encode()


def test_regex_replacement_with_groups(posts):
    a, _ = posts
    query = search.Query(r"v?(\d+)\.(\d+)\.\d+", regex=True)
    edits, _ = search.plan_replace(found(posts, query), query, r"\1.\2")
    bulk_edit.apply(edits)
    assert a.read_text().endswith("Version 1.2 and 2.0\n")


def test_a_file_changed_since_listed_is_refused(posts):
    a, _ = posts
    query = search.Query("한국어")
    matches = found(posts, query)
    a.write_bytes(POST.encode() + b"added\n")
    edits, refused = search.plan_replace(matches, query, "x")
    assert edits == [] and [r.path for r in refused] == [a]
    assert a.read_bytes() == POST.encode() + b"added\n"
    # Changed after the plan too: apply refuses it.
    matches = found(posts, query)
    edits, _ = search.plan_replace(matches, query, "x")
    a.write_bytes(POST.encode())
    assert [r.path for r in bulk_edit.apply(edits).refused] == [a]
