"""The git views on their own: the conflict view, Show Changes, a resolution that keeps the encoding,
and the changed-on-disk banner's Compare choosing place by place in the same conflict view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from editor.core.disk.merge import three_way
from editor.core.git import diff as git_diff
from editor.ui.git import diff_html
from editor.ui.git.conflict_view import ConflictView
from tests.git_repos import HAS_GIT, NO_GIT, POST, TEXT, git, make_writers

BASE = "---\ntitle: 제목\n---\n첫 줄\n\n가운데 줄\n\n끝 줄\n"
MINE = BASE.replace("첫 줄", "첫 줄 (내 것)").replace("가운데 줄", "가운데 줄 A")
THEIRS = BASE.replace("끝 줄", "끝 줄 (그쪽)").replace("가운데 줄", "가운데 줄 B")


def test_conflict_view_picks_nothing_and_merges_each_choice(qtbot):
    view = ConflictView(three_way(BASE, MINE, THEIRS), "Yours", "Theirs")
    qtbot.addWidget(view)
    assert len(view.places) == 1
    assert view.merged_text() is None  # nothing picked for the writer
    expected = {"mine": "가운데 줄 A\n", "theirs": "가운데 줄 B\n", "both": "가운데 줄 A\n가운데 줄 B\n"}
    for choice, middle in expected.items():
        view.places[0].choose(choice)
        text = view.merged_text()
        # The clean changes of both sides are kept whatever the choice.
        assert text == BASE.replace("첫 줄", "첫 줄 (내 것)").replace("끝 줄", "끝 줄 (그쪽)").replace(
            "가운데 줄\n", middle)
        assert view.preview.toPlainText() == text
    view.places[0].choose("edit")
    assert view.places[0].editor.toPlainText() == "가운데 줄 A\n가운데 줄 B\n"  # starts from both
    view.places[0].editor.setPlainText("가운데 줄 AB\n")
    assert "가운데 줄 AB\n" in view.merged_text() and "가운데 줄 AB" in view.preview.toPlainText()


def test_word_highlights_are_korean_syllables():
    rows = git_diff.diff_rows("둘째 문단입니다.\n", "둘째 문단이었다.\n")
    html = diff_html.table(rows)
    assert diff_html.changed_count(rows) == 1
    # "입니다" -> "이었다": only the changed syllables are marked, not the whole word.
    assert ">입니</span>다." in html and ">이었</span>다." in html
    assert html.count("<span") == 2


@pytest.mark.skipif(not HAS_GIT, reason=NO_GIT)
def test_show_changes_lists_changed_posts_against_the_last_commit(qtbot, tmp_path, monkeypatch):
    from editor.ui.git.changes_dialog import ChangesDialog
    from editor.ui.git.git_owner import GitOwner

    writers = make_writers(tmp_path, monkeypatch)
    site = writers.site(writers.alice)
    (site / POST).write_text(TEXT.replace("둘째 문단", "두 번째 문단"), encoding="utf-8")
    (site / "_posts" / "2024-04-01-new.md").write_text("---\ntitle: 새 글\n---\n본문\n", encoding="utf-8")
    owner = GitOwner()
    owner.set_site(site)
    qtbot.waitUntil(lambda: len(owner.status.files) == 2, timeout=8000)
    dialog = ChangesDialog(owner, str(site / POST), None)
    qtbot.addWidget(dialog)
    assert dialog.posts.count() == 2
    qtbot.waitUntil(lambda: bool(dialog.pane.rows), timeout=8000)
    assert diff_html.changed_count(dialog.pane.rows) == 1
    shown = dialog.pane.view.toPlainText()
    assert "두 번째" in shown and "둘째" in shown
    owner.shutdown()


@pytest.mark.skipif(not HAS_GIT, reason=NO_GIT)
def test_a_resolution_keeps_the_posts_encoding_bom_and_line_endings(qtbot, tmp_path, monkeypatch):
    from editor.core.git import conflicts, remote
    from editor.core.git.runner import Repository
    from editor.ui.git.conflict_dialog import resolve_keeping_encoding

    crlf = TEXT.replace("\n", "\r\n")
    writers = make_writers(tmp_path, monkeypatch)
    # The post in CP949 with CRLF line endings, as an older Windows editor wrote it.
    for who in (writers.alice, writers.bob):
        git(who, "pull", "-q")
    bob_post = writers.site(writers.bob) / POST
    bob_post.write_bytes(crlf.encode("cp949"))
    git(writers.bob, "commit", "-qam", "cp949")
    git(writers.bob, "push", "-q")
    git(writers.alice, "pull", "-q")
    bob_post.write_bytes(crlf.replace("둘째 문단입니다.", "둘째 문단: 밥").encode("cp949"))
    git(writers.bob, "commit", "-qam", "bob")
    git(writers.bob, "push", "-q")
    alice_post = writers.site(writers.alice) / POST
    alice_post.write_bytes(crlf.replace("둘째 문단입니다.", "둘째 문단: 앨리스").encode("cp949"))
    git(writers.alice, "commit", "-qam", "alice")
    site = writers.site(writers.alice)
    assert remote.pull(site).outcome == remote.CONFLICTS
    repo = Repository.find(site)
    merge = conflicts.merge_stages(conflicts.read_stages(site, POST, repo))
    text = merge.text("mine")
    assert resolve_keeping_encoding(site, POST, text, repo).ok
    data = alice_post.read_bytes()
    assert data == crlf.replace("둘째 문단입니다.", "둘째 문단: 앨리스").encode("cp949")
    assert git(writers.alice, "diff", "--name-only", "--diff-filter=U").stdout == ""  # resolved


def test_banner_compare_chooses_place_by_place(qtbot, settings, post, tmp_path):
    from PySide6.QtWidgets import QPushButton

    from editor.ui import launch

    body = "".join(f"Line {i} of the post.\n" for i in range(20))
    post.write_text("---\ntitle: T\n---\n" + body, encoding="utf-8")
    w = launch([str(post)], settings=settings, recovery_dir=tmp_path / "recovery")
    ctl = None
    try:
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: w.services.external_changes is not None, timeout=15000)
        ctl, editor = w.services.external_changes, w.body_editor
        cursor = editor.textCursor()
        cursor.setPosition(0)
        cursor.insertText("mine ")
        editor.flush()
        theirs = post.read_text(encoding="utf-8").replace("Line 0 ", "Disk's line 0 ").replace(
            "Line 15 ", "Line fifteen ")
        with qtbot.waitSignal(ctl.conflictShown, timeout=5000):
            post.write_text(theirs, encoding="utf-8")
        qtbot.mouseClick(ctl.banner.compare_button, Qt.MouseButton.LeftButton)
        dialog = ctl.diff_dialog
        chosen = dialog.findChild(QPushButton, "mergeChosenButton")
        assert dialog.conflict_view is not None and not chosen.isEnabled()
        dialog.conflict_view.places[0].choose("both")
        assert chosen.isEnabled()
        qtbot.mouseClick(chosen, Qt.MouseButton.LeftButton)
        text = editor.toPlainText()
        assert text.startswith("mine Line 0 of the post.\nDisk's line 0 of the post.\n")
        assert "Line fifteen" in text
    finally:
        if ctl is not None and ctl.diff_dialog is not None:
            ctl.diff_dialog.close()
        w.session.new()
        w.close()
        if w.services.external_changes is not None:
            w.services.external_changes.watcher.close()
        w.deleteLater()
