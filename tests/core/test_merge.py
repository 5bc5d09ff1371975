"""Compare/merge data for "Changed on disk": side-by-side rows and the non-overlapping merge."""

from __future__ import annotations

import pytest

from editor.core.disk.merge import BODY, FRONT_MATTER, changed_parts, merge, side_by_side

BASE = "---\ntitle: Hello\ntags: [a]\n---\nFirst paragraph.\n\nSecond paragraph.\n"
DISK_FM = "---\ntitle: Hello\ntags: [a, b]\ndraft: true\n---\nFirst paragraph.\n\nSecond paragraph.\n"
MINE_BODY = "---\ntitle: Hello\ntags: [a]\n---\nFirst paragraph, rewritten.\n\nSecond paragraph.\nThird.\n"
MINE_FM = "---\ntitle: Hello, world\ntags: [a]\n---\nFirst paragraph.\n\nSecond paragraph.\n"
DISK_BODY = "---\ntitle: Hello\ntags: [a]\n---\nFirst paragraph.\n\nSecond paragraph, fixed by a script.\n"


def test_disk_front_matter_and_my_body_merge():
    result = merge(BASE, MINE_BODY, DISK_FM)
    assert result is not None
    assert result.text == (
        "---\ntitle: Hello\ntags: [a, b]\ndraft: true\n---\n"
        "First paragraph, rewritten.\n\nSecond paragraph.\nThird.\n"
    )
    assert (result.front_matter_from, result.body_from) == ("disk", "mine")
    assert "body from your edits" in result.describe()


def test_my_front_matter_and_disk_body_merge():
    result = merge(BASE, MINE_FM, DISK_BODY)
    assert result is not None
    assert result.text == (
        "---\ntitle: Hello, world\ntags: [a]\n---\n"
        "First paragraph.\n\nSecond paragraph, fixed by a script.\n"
    )
    assert (result.front_matter_from, result.body_from) == ("mine", "disk")


@pytest.mark.parametrize(
    "mine,disk",
    [
        (MINE_BODY, DISK_BODY),  # both edited the body
        (MINE_FM, DISK_FM),  # both edited the front matter
        (MINE_BODY.replace("Hello", "Hi"), DISK_FM),  # mine touched both parts
    ],
)
def test_overlapping_changes_do_not_merge(mine, disk):
    assert merge(BASE, mine, disk) is None


def test_different_front_matter_formats_do_not_merge():
    toml = "+++\ntitle = \"Hello\"\n+++\nFirst paragraph.\n\nSecond paragraph.\n"
    assert merge(BASE, MINE_BODY, toml) is None


def test_toml_front_matter_merges_too():
    base = '+++\ntitle = "A"\n+++\nbody\n'
    mine = '+++\ntitle = "A"\n+++\nbody edited\n'
    disk = '+++\ntitle = "B"\n+++\nbody\n'
    assert merge(base, mine, disk).text == '+++\ntitle = "B"\n+++\nbody edited\n'


def test_changed_parts():
    assert changed_parts(BASE, DISK_FM) == {FRONT_MATTER}
    assert changed_parts(BASE, MINE_BODY) == {BODY}
    assert changed_parts(BASE, BASE) == set()


def test_side_by_side_rows():
    rows = side_by_side("a\nb\nc\n", "a\nB\nc\nd\n")
    assert [(r.tag, r.left_no, r.left, r.right_no, r.right) for r in rows] == [
        ("equal", 1, "a", 1, "a"),
        ("replace", 2, "b", 2, "B"),
        ("equal", 3, "c", 3, "c"),
        ("insert", None, "", 4, "d"),
    ]


def test_side_by_side_pads_uneven_replace():
    rows = side_by_side("x\ny\nz\n", "q\n")
    assert [(r.left_no, r.right_no) for r in rows] == [(1, 1), (2, None), (3, None)]
    assert {r.tag for r in rows} == {"replace"}


@pytest.mark.parametrize(
    "old,new",
    [("abc", "abc"), ("", "x"), ("x", ""), ("hello world", "hello brave world"),
     ("aaa", "aa"), ("line\nline\n", "line\nnew\nline\n"), ("한국어 글", "한국어 새 글"), ("ab😀cd", "ab😀xcd")],
)
def test_changed_span_rebuilds_new_from_old(old, new):
    from editor.core.disk.merge import changed_span

    start, old_end, new_end = changed_span(old, new)
    assert old[:start] + new[start:new_end] + old[old_end:] == new
    assert start <= old_end and start <= new_end
    # Minimal: the kept prefix and suffix cannot grow.
    if old != new:
        assert old[:start + 1] != new[:start + 1] or start == min(len(old), len(new))
