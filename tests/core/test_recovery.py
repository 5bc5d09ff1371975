"""RecoveryStore: atomic entries in a folder of their own, found again after a crash."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from collections import namedtuple

from editor.core.disk.recovery import RecoveryStore, entry_name

FP = namedtuple("FP", "size mtime_ns sha256")


def test_write_then_entries_and_read_round_trip(tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    post = tmp_path / "site" / "_posts" / "2024-01-01-hello.md"
    text = "---\ntitle: 안녕\n---\nbody with\r\nmixed newlines\n\n"
    store.write(post, text, encoding="utf-8-sig", bom=b"\xef\xbb\xbf", based_on=FP(3, 7, "abc"))

    [entry] = store.entries()
    assert entry.post_path == post
    assert entry.encoding == "utf-8-sig" and entry.bom == b"\xef\xbb\xbf"
    assert entry.based_on == {"size": 3, "mtime_ns": 7, "sha256": "abc"}
    assert entry.saved_at > 0
    assert store.read(entry) == text
    # Never next to the post: the post's folder does not even exist.
    assert not post.parent.exists()


def test_one_entry_per_post_replaced_by_newer_text(tmp_path):
    store = RecoveryStore(tmp_path)
    post = tmp_path / "a.md"
    store.write(post, "first")
    store.write(post, "second")
    [entry] = store.entries()
    assert store.read(entry) == "second"


def test_posts_with_the_same_name_in_different_folders_do_not_collide(tmp_path):
    store = RecoveryStore(tmp_path / "rec")
    a, b = tmp_path / "x" / "index.md", tmp_path / "y" / "index.md"
    store.write(a, "A")
    store.write(b, "B")
    got = {e.post_path: store.read(e) for e in store.entries()}
    assert got == {a: "A", b: "B"}
    assert entry_name(a) != entry_name(b)


def test_relative_paths_are_stored_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = RecoveryStore(tmp_path / "rec")
    store.write("post.md", "x")
    assert store.entries()[0].post_path == tmp_path / "post.md"
    assert store.has(tmp_path / "post.md")


def test_discard_removes_only_that_post(tmp_path):
    store = RecoveryStore(tmp_path / "rec")
    store.write(tmp_path / "a.md", "A")
    store.write(tmp_path / "b.md", "B")
    assert store.discard(tmp_path / "a.md") is True
    assert store.discard(tmp_path / "a.md") is False
    assert [e.post_path.name for e in store.entries()] == ["b.md"]


def test_missing_folder_has_no_entries(tmp_path):
    assert RecoveryStore(tmp_path / "nowhere").entries() == []


def test_leftover_temp_files_and_foreign_files_are_not_entries(tmp_path):
    store = RecoveryStore(tmp_path)
    store.write(tmp_path / "a.md", "A")
    # What a kill between mkstemp and os.replace leaves behind:
    entry_file = store.entries()[0].file
    (tmp_path / ".tmp-abc.recovery").write_bytes(entry_file.read_bytes())
    (tmp_path / "junk.recovery").write_text("not json\n")
    (tmp_path / "empty.recovery").write_bytes(b"")
    assert [e.post_path.name for e in store.entries()] == ["a.md"]


def test_entries_are_listed_oldest_first(tmp_path):
    store = RecoveryStore(tmp_path)
    store.write(tmp_path / "new.md", "n")
    store.write(tmp_path / "old.md", "o")
    # Age one entry explicitly rather than sleeping between writes.
    old = store.path_for(tmp_path / "old.md")
    header, _, text = old.read_bytes().partition(b"\n")
    meta = json.loads(header)
    meta["saved_at"] = 1000.0
    old.write_bytes(json.dumps(meta).encode() + b"\n" + text)
    assert [e.post_path.name for e in store.entries()] == ["old.md", "new.md"]
    assert store.read(store.entries()[0]) == "o"


def test_write_leaves_no_temp_files(tmp_path):
    store = RecoveryStore(tmp_path)
    for i in range(20):
        store.write(tmp_path / "a.md", f"version {i}")
    assert sorted(os.listdir(tmp_path)) == [entry_name(tmp_path / "a.md")]


def test_set_aside_entry_survives_new_autosaves_and_discard(tmp_path):
    store = RecoveryStore(tmp_path)
    post = tmp_path / "a.md"
    store.write(post, "recovered after the crash")
    [old] = store.entries()
    aside = store.set_aside(old)
    assert store.set_aside(aside) == aside  # idempotent
    store.write(post, "new session's edits")
    texts = sorted(store.read(e) for e in store.entries())
    assert texts == ["new session's edits", "recovered after the crash"]
    store.discard(post)  # the new session saved: only its own copy goes
    assert [store.read(e) for e in store.entries()] == ["recovered after the crash"]
    store.discard_entry(store.entries()[0])
    assert store.entries() == []


# -- owners: a running window's entries are not "left by a crash" ----------------
OWNER_CHILD = textwrap.dedent(
    """
    import sys
    from editor.core.disk.recovery import RecoveryStore

    store = RecoveryStore(sys.argv[1], owned=True)
    store.write(sys.argv[2], "live text of another process")
    print("WRITTEN", flush=True)
    sys.stdin.read()  # lives until killed
    """
)


def test_a_live_owners_entries_are_not_orphaned_in_another_store(tmp_path):
    first = RecoveryStore(tmp_path / "rec", owned=True)
    second = RecoveryStore(tmp_path / "rec", owned=True)  # a second window, same process
    first.write(tmp_path / "a.md", "first's live text")
    assert [e.post_path for e in second.entries()] == [tmp_path / "a.md"]
    assert second.orphaned() == []
    assert first.orphaned() == []


def test_two_owners_on_one_post_keep_their_own_copies(tmp_path):
    first = RecoveryStore(tmp_path / "rec", owned=True)
    second = RecoveryStore(tmp_path / "rec", owned=True)
    post = tmp_path / "a.md"
    first.write(post, "first")
    second.write(post, "second")
    assert sorted(first.read(e) for e in first.entries()) == ["first", "second"]
    second.discard(post)  # the second window saved
    assert [first.read(e) for e in first.entries()] == ["first"]


def test_a_normal_close_leaves_what_it_still_had_as_orphaned(tmp_path):
    first = RecoveryStore(tmp_path / "rec", owned=True)
    first.write(tmp_path / "a.md", "kept")
    first.close()
    first.close()  # twice is fine
    later = RecoveryStore(tmp_path / "rec", owned=True)
    assert [later.read(e) for e in later.orphaned()] == ["kept"]


def test_entries_of_a_killed_process_are_orphaned_and_its_lock_is_tidied(tmp_path):
    folder, post = tmp_path / "rec", tmp_path / "a.md"
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    proc = subprocess.Popen([sys.executable, "-c", OWNER_CHILD, str(folder), str(post)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=root,
                            env=dict(os.environ, PYTHONPATH=root))
    try:
        assert proc.stdout.readline() == b"WRITTEN\n"
        mine = RecoveryStore(folder, owned=True)
        [entry] = mine.entries()
        assert entry.owner.startswith(f"{proc.pid}-")
        assert mine.orphaned() == []  # alive: its text is not ours to offer
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert [mine.read(e) for e in mine.orphaned()] == ["live text of another process"]
    assert list((folder / "owners").iterdir()) == []  # the dead owner's lock file went


def test_entries_without_an_owner_are_orphaned(tmp_path):
    # Written by a version without owners (or a tool): nobody is editing them.
    RecoveryStore(tmp_path / "rec").write(tmp_path / "a.md", "old")
    assert [e.owner for e in RecoveryStore(tmp_path / "rec", owned=True).orphaned()] == [""]
