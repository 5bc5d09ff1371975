"""Git in the real window: two writers (a bare remote and two clones) through Galley.

Every test runs real git in real repositories (tests/git_repos.py): the
window's owner reads status on its thread, commits through the dialog with
the repository's hooks, pulls and pushes, and resolves a conflict.
"""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtCore import Qt

from editor.core.git import remote
from editor.ui.site.posts_model import GIT
from tests.git_repos import HAS_GIT, NO_GIT, POST, TEXT, git, make_writers

pytestmark = pytest.mark.skipif(not HAS_GIT, reason=NO_GIT)

TIMEOUT = 8000


@pytest.fixture
def writers(tmp_path, monkeypatch):
    return make_writers(tmp_path, monkeypatch)


def open_window(qtbot, settings, path, tmp_path):
    from editor.ui import launch

    w = launch([str(path)], settings=settings, recovery_dir=tmp_path / "recovery")
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: getattr(w, "git", None) is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: w.git.owner.status.is_repo, timeout=30000)
    return w


@pytest.fixture
def alice_window(qtbot, settings, writers, tmp_path):
    w = open_window(qtbot, settings, writers.site(writers.alice) / POST, tmp_path)
    yield w
    close_window(w)


def close_window(w) -> None:
    for dialog in (w.git.commit_dialog, w.git.conflict_dialog, w.git.changes_dialog,
                   getattr(w.git, "message_box", None)):
        if dialog is not None:
            dialog.close()
    w.session.new()  # nothing unsaved: closing must not ask
    w.close()
    if w.services.external_changes is not None:
        w.services.external_changes.watcher.close()
    w.deleteLater()


def bob_changes(writers, old: str, new: str, message: str = "bob's edit") -> None:
    post = writers.site(writers.bob) / POST
    post.write_text(post.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    git(writers.bob, "commit", "-qam", message)
    git(writers.bob, "push", "-q")


def git_state_shown(w, path) -> str:
    model = w.services.posts_list.model
    row = model.row_of_path(os.fspath(path))
    return model.index(row, GIT).data() if row >= 0 else None


def edit_body(w, old: str, new: str) -> None:
    editor = w.body_editor
    text = editor.toPlainText()
    cursor = editor.textCursor()
    at = text.index(old)
    cursor.setPosition(at)
    cursor.setPosition(at + len(old), cursor.MoveMode.KeepAnchor)
    cursor.insertText(new)
    editor.flush()


def commit_through_dialog(qtbot, w, message: str):
    w.git.actions["commit"].trigger()
    qtbot.waitUntil(lambda: w.git.commit_dialog is not None and w.git.commit_dialog.isVisible(), timeout=TIMEOUT)
    dialog = w.git.commit_dialog
    dialog.message.setPlainText(message)
    qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    return dialog


def test_markers_and_branch_follow_saves_commits_and_fetches(qtbot, alice_window, writers):
    w, site = alice_window, writers.site(writers.alice)
    post = site / POST
    qtbot.waitUntil(lambda: w.git.branch.isVisible() and w.git.branch.text() == "main", timeout=TIMEOUT)
    assert all(a.isEnabled() for n, a in w.git.actions.items() if n != "resolve")
    qtbot.waitUntil(lambda: w.services.posts_list.model.row_of_path(os.fspath(post)) >= 0, timeout=TIMEOUT)
    assert git_state_shown(w, post) == ""

    edit_body(w, "둘째 문단", "둘째 문단을 고친")
    assert w.save()
    qtbot.waitUntil(lambda: git_state_shown(w, post) == "modified", timeout=TIMEOUT)

    dialog = commit_through_dialog(qtbot, w, "고친 둘째 문단")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    assert git(writers.alice, "log", "-1", "--format=%s %an").stdout.strip() == "고친 둘째 문단 Alice"
    qtbot.waitUntil(lambda: w.git.branch.text() == "main ↑1", timeout=TIMEOUT)
    assert git_state_shown(w, post) == ""

    # Another writer pushes; a fetch in a terminal changes .git: the window notices.
    bob_changes(writers, "셋째", "세 번째")
    git(writers.alice, "fetch", "-q")
    qtbot.waitUntil(lambda: w.git.branch.text() == "main ↑1 ↓1", timeout=TIMEOUT)


def test_not_a_repository_shows_nothing(qtbot, settings, post, tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    from editor.ui import launch

    w = launch([str(post)], settings=settings, recovery_dir=tmp_path / "recovery")
    try:
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: getattr(w, "git", None) is not None, timeout=TIMEOUT)
        qtbot.waitUntil(lambda: w.git.owner.site is not None and not w.git.owner.busy, timeout=TIMEOUT)
        assert not w.git.owner.status.is_repo
        assert not w.git.branch.isVisible()
        assert not any(a.isEnabled() for a in w.git.actions.values())
        assert w.services.posts_list.model.git_states is None
        assert w.services.posts_list.table.horizontalHeader().isSectionHidden(GIT)
    finally:
        close_window(w)


def test_failing_hook_shows_its_output_and_its_problems(qtbot, alice_window, writers):
    w = alice_window
    hook = writers.alice / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'site/_posts/2024-03-05-hello.md:2:8: error: title is too short [title-length]'\n"
                    "exit 1\n", encoding="utf-8")
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR)
    edit_body(w, "첫 문단", "첫 문단 고침")
    assert w.save()
    dialog = commit_through_dialog(qtbot, w, "will fail")
    qtbot.waitUntil(lambda: dialog.output.isVisible(), timeout=TIMEOUT)
    assert "title is too short" in dialog.output.toPlainText()
    assert dialog.isVisible()
    panel = w.problems_panel
    qtbot.waitUntil(lambda: any("title is too short" in d.message for d in panel.diagnostics), timeout=TIMEOUT)
    problem = next(d for d in panel.diagnostics if "title is too short" in d.message)
    assert (problem.path, problem.line, problem.column, problem.rule) == (POST, 2, 8, "title-length")
    assert git(writers.alice, "log", "--format=%s").stdout.splitlines() == ["first post"]
    dialog.reject()


def wait_external(qtbot, w):
    qtbot.waitUntil(lambda: w.services.external_changes is not None, timeout=15000)


def pull(qtbot, w):
    w.git.actions["pull"].trigger()
    qtbot.waitUntil(lambda: w.git.last_remote is not None, timeout=TIMEOUT)
    return w.git.last_remote


def test_pull_reloads_a_clean_post_in_place(qtbot, alice_window, writers):
    w = alice_window
    wait_external(qtbot, w)
    bob_changes(writers, "셋째 문단", "셋째 문단, 밥이 고침")
    with qtbot.waitSignal(w.services.external_changes.reloaded, timeout=TIMEOUT):
        result = pull(qtbot, w)
    assert result.outcome == remote.OK
    assert "밥이 고침" in w.body_editor.toPlainText()
    assert not w.session.modified


def test_pull_gives_a_dirty_post_the_banner(qtbot, alice_window, writers):
    w = alice_window
    wait_external(qtbot, w)
    ctl = w.services.external_changes
    edit_body(w, "첫 문단", "첫 문단 (앨리스가 쓰는 중)")
    assert w.session.modified
    bob_changes(writers, "셋째 문단", "셋째 문단, 밥이 고침")
    with qtbot.waitSignal(ctl.conflictShown, timeout=TIMEOUT):
        assert pull(qtbot, w).outcome == remote.OK
    assert ctl.banner.isVisible()
    assert "앨리스가 쓰는 중" in w.body_editor.toPlainText()


def test_rejected_push_says_pull_first(qtbot, alice_window, writers):
    w = alice_window
    bob_changes(writers, "셋째", "세 번째")
    edit_body(w, "첫 문단", "첫 문단 고침")
    assert w.save()
    dialog = commit_through_dialog(qtbot, w, "mine")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    w.git.actions["push"].trigger()
    qtbot.waitUntil(lambda: w.git.last_remote is not None, timeout=TIMEOUT)
    assert w.git.last_remote.outcome == remote.REJECTED
    box = w.git.message_box
    assert box.isVisible() and "Pull, then push again." in box.text()
    box.close()


def test_same_line_conflict_is_resolved_committed_and_pushed(qtbot, alice_window, writers):
    w = alice_window
    wait_external(qtbot, w)
    post = writers.site(writers.alice) / POST
    bob_post = writers.site(writers.bob) / POST
    # Bob changes the tags and a line; Alice the title (the line above the
    # tags: line by line a conflict, key by key none) and the same line.
    bob_post.write_text(TEXT.replace("tags: [a]", "tags: [a, b]"), encoding="utf-8")
    bob_changes(writers, "둘째 문단입니다.", "둘째 문단입니다. 밥의 문장.")
    with qtbot.waitSignal(w.services.external_changes.reloaded, timeout=TIMEOUT):
        post.write_text(TEXT.replace("title: 안녕하세요", "title: 안녕"), encoding="utf-8")
    edit_body(w, "둘째 문단입니다.", "둘째 문단입니다. 앨리스의 문장.")
    assert w.save()
    dialog = commit_through_dialog(qtbot, w, "alice's line")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)

    pull(qtbot, w)
    assert w.git.last_remote.outcome == remote.CONFLICTS
    qtbot.waitUntil(lambda: w.git.conflict_dialog is not None and w.git.conflict_dialog.isVisible(), timeout=TIMEOUT)
    resolve = w.git.conflict_dialog
    view = resolve.view
    assert len(view.places) == 1
    assert not resolve.save_button.isEnabled()  # nothing is chosen for the writer
    view.places[0].choose("both")
    merged = view.merged_text()
    assert "title: 안녕\ntags: [a, b]" in merged  # the front matter merged key by key
    assert "앨리스의 문장" in merged and "밥의 문장" in merged
    qtbot.mouseClick(resolve.save_button, Qt.MouseButton.LeftButton)
    # Saved, staged, then the merge committed (the status bar may say "Reloaded" by then).
    qtbot.waitUntil(lambda: len(git(writers.alice, "log", "-1", "--format=%p").stdout.split()) == 2,
                    timeout=TIMEOUT)
    assert "<<<<<<<" not in (writers.site(writers.alice) / POST).read_text(encoding="utf-8")
    assert git(writers.alice, "status", "--porcelain").stdout == ""

    w.git.last_remote = None
    w.git.actions["push"].trigger()
    qtbot.waitUntil(lambda: w.git.last_remote is not None, timeout=TIMEOUT)
    assert w.git.last_remote.outcome == remote.OK
    git(writers.bob, "pull", "-q")
    assert "앨리스의 문장" in (writers.site(writers.bob) / POST).read_text(encoding="utf-8")
