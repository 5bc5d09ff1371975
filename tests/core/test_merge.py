"""Compare/merge data for "Changed on disk": side-by-side rows and the non-overlapping merge."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# -- line-level three-way merge ---------------------------------------------------

from editor.core.disk.merge import three_way  # noqa: E402

POST3 = ("---\ntitle: 안녕\ntags: [a]\ndate: 2024-03-05\n---\n"
         "첫 문단.\n\n둘째 문단.\n\n셋째 문단.\n")


def test_edits_in_different_paragraphs_merge_cleanly():
    mine = POST3.replace("첫 문단.", "첫 문단을 고쳤다.")
    disk = POST3.replace("셋째 문단.", "셋째 문단을 고쳤다.")
    result = three_way(POST3, mine, disk)
    assert result.clean
    assert result.text() == POST3.replace("첫 문단.", "첫 문단을 고쳤다.").replace("셋째 문단.", "셋째 문단을 고쳤다.")
    # The old merge could not: both changed the body.
    assert merge(POST3, mine, disk) is None


def test_same_line_is_a_conflict_with_three_versions_never_resolved():
    mine = POST3.replace("둘째 문단.", "둘째: 내 것.")
    disk = POST3.replace("둘째 문단.", "둘째: 디스크.").replace("첫 문단.", "첫 문단!")
    result = three_way(POST3, mine, disk)
    assert not result.clean
    [conflict] = result.conflicts
    assert (conflict.base, conflict.mine, conflict.theirs, conflict.part) == (
        "둘째 문단.\n", "둘째: 내 것.\n", "둘째: 디스크.\n", BODY)
    with pytest.raises(ValueError):
        result.text()
    with pytest.raises(ValueError):
        result.text(["mine", "theirs"])
    # The clean change of the other side is kept whatever the choice.
    assert result.text("mine") == disk.replace("둘째: 디스크.", "둘째: 내 것.")
    assert result.text(["theirs"]) == disk
    assert result.text("base") == disk.replace("둘째: 디스크.", "둘째 문단.")


def test_front_matter_merged_per_key():
    mine = POST3.replace("title: 안녕", "title: 안녕하세요")
    disk = POST3.replace("tags: [a]", "tags: [a, b]").replace("date: 2024-03-05\n", "")
    result = three_way(POST3, mine, disk)
    assert result.clean and result.keys_from_theirs == ("tags", "date")
    assert result.text() == ("---\ntitle: 안녕하세요\ntags: [a, b]\n---\n"
                             "첫 문단.\n\n둘째 문단.\n\n셋째 문단.\n")


def test_front_matter_per_key_when_lines_collide():
    # Adjacent lines: a line merge conflicts, the keys do not.
    base = "---\na: 1\nb: 2\n---\nbody\n"
    mine = "---\na: 10\nb: 2\n---\nbody\n"
    disk = "---\na: 1\nb: 20\n---\nbody\n"
    result = three_way(base, mine, disk)
    assert result.clean, result.regions
    assert result.text() == "---\na: 10\nb: 20\n---\nbody\n"


def test_same_key_changed_both_ways_is_a_conflict():
    mine = POST3.replace("title: 안녕", "title: 내 제목")
    disk = POST3.replace("title: 안녕", "title: 디스크 제목")
    result = three_way(POST3, mine, disk)
    assert result.conflicting_keys == ("title",)
    [conflict] = result.conflicts
    assert conflict.part == FRONT_MATTER and conflict.mine == "title: 내 제목\n"
    assert result.text("theirs") == disk


def test_same_change_on_both_sides_is_clean():
    both = POST3.replace("둘째 문단.", "같은 수정.").replace("tags: [a]", "tags: [z]")
    assert three_way(POST3, both, both).text() == both


def test_unparseable_or_different_kinds_merge_as_lines():
    toml = '+++\ntitle = "A"\n+++\n첫 문단.\n'
    result = three_way(POST3, POST3.replace("셋째", "3"), toml)
    # Merged as lines of the whole text: the head only the disk changed is
    # taken, the paragraph one side rewrote and the other deleted is a choice.
    assert not result.clean
    assert result.text("theirs") == toml
    assert result.text("mine") == toml + "\n둘째 문단.\n\n3 문단.\n"
    broken = "---\ntitle: [unclosed\n---\nbody\n\nend\n"
    result = three_way(broken, broken.replace("body", "body mine"), broken + "more\n")
    assert result.clean and result.text() == "---\ntitle: [unclosed\n---\nbody mine\n\nend\nmore\n"


def test_crlf_lines_survive_the_merge():
    base = "---\r\ntitle: A\r\n---\r\none\r\n\r\ntwo\r\n\r\nthree\r\n"
    result = three_way(base, base.replace("one", "ONE"), base.replace("three", "THREE"))
    assert result.text() == base.replace("one", "ONE").replace("three", "THREE")


# Checked against git's own merge: where `git merge-file` merges cleanly, so
# does this merge, to the same text.
_git_missing = shutil.which("git") is None


@st.composite
def _edited(draw, base: list[str], tag: str):
    lines = list(base)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines)))
        what = draw(st.sampled_from(["replace", "insert", "delete"]))
        if what == "insert" or at == len(lines):
            lines.insert(at, f"{tag} 새 줄 {at}\n")
        elif what == "replace":
            lines[at] = f"{tag} 고친 줄 {at}\n"
        else:
            del lines[at]
    return lines


@pytest.mark.skipif(_git_missing, reason="git is not installed (packaging/system-deps.sh installs it)")
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_agrees_with_git_merge_file(data, tmp_path_factory):
    base = [f"문단 {i}. Paragraph {i}.\n" for i in range(12)]
    mine, theirs = data.draw(_edited(base, "mine")), data.draw(_edited(base, "theirs"))
    folder = tmp_path_factory.mktemp("merge")
    for name, lines in (("mine", mine), ("base", base), ("theirs", theirs)):
        (folder / name).write_text("".join(lines), encoding="utf-8")
    git = subprocess.run(["git", "merge-file", "-p", "mine", "base", "theirs"], cwd=folder,
                         capture_output=True)
    ours = three_way("".join(base), "".join(mine), "".join(theirs))
    if git.returncode == 0:
        assert ours.clean, (mine, theirs)
        assert ours.text() == git.stdout.decode("utf-8")
    if ours.clean:
        # Nothing either side changed is lost.
        merged = ours.text()
        for lines in (mine, theirs):
            assert all(line in merged for line in lines if line not in base)


def test_a_refused_key_edit_is_a_choice_not_an_error():
    # Mine moved a line so the line merge conflicts; theirs changed a value that
    # an alias shares, which a key edit refuses: the head becomes a choice.
    base = "---\na: &x 1\nb: *x\nc: 3\n---\nbody\n"
    mine = "---\nc: 3\na: &x 1\nb: *x\n---\nbody\n"
    disk = "---\na: &x 2\nb: *x\nc: 3\n---\nbody\n"
    result = three_way(base, mine, disk)
    assert result.conflicting_keys == ("a", "b") and len(result.conflicts) == 1
    assert result.text("theirs").startswith("---\na: &x 2")
    assert result.text("mine").startswith("---\nc: 3")
