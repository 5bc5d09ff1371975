"""External changes in the real window: real files, real watchdog events."""

from __future__ import annotations

import os

import pytest

from editor.core.disk.storage import ConflictError
from tests.ui.test_file_watcher import burst_writer

TIMEOUT = 5000

LONG_BODY = "".join(f"Line {i} of a long post, long enough to scroll.\n" for i in range(300))
LONG_POST = "---\ntitle: Long\ntags: [a]\n---\n" + LONG_BODY


@pytest.fixture
def long_post(post):
    post.write_text(LONG_POST, encoding="utf-8")
    return post


@pytest.fixture
def win(qtbot, settings, long_post, tmp_path):
    from editor.ui import launch

    w = launch([str(long_post)], settings=settings, recovery_dir=tmp_path / "recovery")
    # Not qtbot.addWidget: it closes the window before this teardown runs, and a
    # failed test leaves unsaved text whose "save changes?" prompt would block.
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.services.external_changes is not None, timeout=10000)  # attached after first paint
    yield w
    w.session.new()  # nothing unsaved: closing must not ask
    w.close()
    w.services.external_changes.watcher.close()


def external_write(path, text):
    """Another program writes the post (plain truncate-and-write)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def type_into(qtbot, editor, text):
    editor.setFocus()
    qtbot.keyClicks(editor, text)
    editor.flush()


def test_external_write_while_clean_reloads_in_place_keeping_cursor_and_scroll(qtbot, win, long_post):
    ctl, editor = win.services.external_changes, win.body_editor
    cursor = editor.textCursor()
    cursor.setPosition(1000)
    cursor.setPosition(1010, cursor.MoveMode.KeepAnchor)  # a selection, too
    editor.setTextCursor(cursor)
    editor.verticalScrollBar().setValue(100)

    with qtbot.waitSignal(ctl.reloaded, timeout=TIMEOUT):
        external_write(long_post, LONG_POST + "A paragraph added by another program.\n")

    assert editor.toPlainText().endswith("A paragraph added by another program.\n")
    assert (editor.textCursor().anchor(), editor.textCursor().position()) == (1000, 1010)
    assert editor.verticalScrollBar().value() == 100
    assert not win.session.modified
    assert "Reloaded" in win.statusBar().currentMessage()
    assert not ctl.banner.isVisible()


def test_external_write_while_dirty_shows_banner_and_loses_nothing(qtbot, win, long_post):
    ctl, editor = win.services.external_changes, win.body_editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_into(qtbot, editor, "my unsaved words")
    theirs = LONG_POST.replace("Line 5 ", "Line five ")

    with qtbot.assertNotEmitted(ctl.reloaded, wait=0):
        with qtbot.waitSignal(ctl.conflictShown, timeout=TIMEOUT):
            external_write(long_post, theirs)

    assert ctl.banner.isVisible() and ctl.banner.mode == "changed"
    assert editor.toPlainText().endswith("my unsaved words")
    assert win.session.modified
    assert long_post.read_text(encoding="utf-8") == theirs  # we wrote nothing

    # Keep mine: the banner goes; saving is refused until the overwrite is confirmed.
    qtbot.mouseClick(ctl.banner.keep_button, qtbot_left())
    assert not ctl.banner.isVisible()
    with pytest.raises(ConflictError):
        win.session.save()
    win.session.save(force=True)
    assert long_post.read_text(encoding="utf-8").endswith("my unsaved words")


def test_banner_reload_takes_the_disk_version(qtbot, win, long_post):
    ctl, editor = win.services.external_changes, win.body_editor
    type_into(qtbot, editor, "doomed ")
    with qtbot.waitSignal(ctl.conflictShown, timeout=TIMEOUT):
        external_write(long_post, LONG_POST.replace("Line 0 ", "Line zero "))
    with qtbot.waitSignal(ctl.reloaded, timeout=TIMEOUT):
        qtbot.mouseClick(ctl.banner.reload_button, qtbot_left())
    assert "doomed" not in editor.toPlainText()
    assert editor.toPlainText().startswith("Line zero ")
    assert not win.session.modified


def test_compare_offers_the_merge_when_parts_do_not_overlap(qtbot, win, long_post):
    ctl, editor = win.services.external_changes, win.body_editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_into(qtbot, editor, "body edited here")
    theirs = LONG_POST.replace("title: Long", "title: Retitled by a script")
    with qtbot.waitSignal(ctl.conflictShown, timeout=TIMEOUT):
        external_write(long_post, theirs)

    qtbot.mouseClick(ctl.banner.compare_button, qtbot_left())
    dialog = ctl.diff_dialog
    assert dialog is not None and dialog.merge_button is not None
    assert dialog.table.changed_rows() >= 2  # the title line and my last line
    qtbot.mouseClick(dialog.merge_button, qtbot_left())

    assert win.session.document.get("title") == "Retitled by a script"
    assert editor.toPlainText().endswith("body edited here")
    assert win.session.modified
    win.session.save()  # on top of the disk version: no conflict
    saved = long_post.read_text(encoding="utf-8")
    assert "title: Retitled by a script" in saved and saved.endswith("body edited here")


def test_compare_merges_edits_in_different_paragraphs_line_by_line(qtbot, win, long_post):
    ctl, editor = win.services.external_changes, win.body_editor
    type_into(qtbot, editor, "mine ")  # the first paragraph, here
    theirs = LONG_POST.replace("Line 200 ", "Line two hundred ")  # a later one, on disk
    with qtbot.waitSignal(ctl.conflictShown, timeout=TIMEOUT):
        external_write(long_post, theirs)

    qtbot.mouseClick(ctl.banner.compare_button, qtbot_left())
    dialog = ctl.diff_dialog
    assert dialog.merge_button is not None and dialog.conflicts_table is None
    assert dialog.merge_button.isDefault()
    qtbot.mouseClick(dialog.merge_button, qtbot_left())

    text = editor.toPlainText()
    assert text.startswith("mine Line 0 ") and "Line two hundred of a long post" in text
    assert win.session.modified and not ctl.banner.isVisible()
    win.session.save()  # on top of the disk version: no conflict
    assert long_post.read_text(encoding="utf-8") == theirs.replace("Line 0 ", "mine Line 0 ")


@pytest.mark.parametrize("button,kept", [("mergeMineButton", "mine"), ("mergeDiskButton", "disk")])
def test_compare_shows_a_same_line_conflict_side_by_side_and_loses_nothing(qtbot, win, long_post,
                                                                            button, kept):
    from PySide6.QtWidgets import QLabel, QPushButton

    ctl, editor = win.services.external_changes, win.body_editor
    type_into(qtbot, editor, "mine ")  # Line 0, here
    theirs = (LONG_POST.replace("Line 0 ", "Disk's line 0 ")  # the same line on disk
              .replace("Line 250 ", "Line two fifty ")  # and a line only the disk changed
              .replace("title: Long", "title: Longer"))  # and the front matter
    with qtbot.waitSignal(ctl.conflictShown, timeout=TIMEOUT):
        external_write(long_post, theirs)

    qtbot.mouseClick(ctl.banner.compare_button, qtbot_left())
    dialog = ctl.diff_dialog
    # No clean merge: Enter chooses nothing.
    assert dialog.merge_button is None and dialog.findChild(QPushButton, "cancelButton").isDefault()
    table = dialog.conflicts_table
    assert table is not None and table.isVisible() and table.rowCount() == 1
    assert table.item(0, 1).text() == "mine Line 0 of a long post, long enough to scroll."
    assert table.item(0, 3).text() == "Disk's line 0 of a long post, long enough to scroll."
    assert "1 place" in dialog.findChild(QLabel, "conflictNote").text()
    qtbot.mouseClick(dialog.findChild(QPushButton, button), qtbot_left())

    text = editor.toPlainText()
    first = "mine Line 0 " if kept == "mine" else "Disk's line 0 "
    assert text.startswith(first)
    assert "Line two fifty of a long post" in text  # the disk's other change is kept either way
    assert win.session.document.get("title") == "Longer"
    # Taking the disk's line, the only edit here is gone by choice: the merge is the disk.
    assert win.session.modified == (kept == "mine")
    win.session.save(force=kept != "mine")
    assert long_post.read_text(encoding="utf-8") == theirs.replace("Disk's line 0 ", first)


def test_temp_file_and_rename_is_reloaded(qtbot, win, long_post):
    ctl, editor = win.services.external_changes, win.body_editor
    for n in range(2):  # the watch survives the replace
        tmp = long_post.with_name(f".{long_post.name}.tmp{n}")
        tmp.write_text(LONG_POST + f"saved by vim, round {n}\n", encoding="utf-8")
        with qtbot.waitSignal(ctl.reloaded, timeout=TIMEOUT):
            os.replace(tmp, long_post)
        assert editor.toPlainText().endswith(f"saved by vim, round {n}\n")


def test_delete_keeps_the_buffer_and_save_recreates(qtbot, win, long_post):
    ctl, editor = win.services.external_changes, win.body_editor
    with qtbot.waitSignal(ctl.deletedShown, timeout=TIMEOUT):
        long_post.unlink()
    assert ctl.banner.isVisible() and ctl.banner.mode == "deleted"
    assert editor.toPlainText() == LONG_BODY
    with qtbot.waitSignal(win.session.saved, timeout=TIMEOUT):
        qtbot.mouseClick(ctl.banner.save_button, qtbot_left())
    assert long_post.read_text(encoding="utf-8") == LONG_POST
    assert not ctl.banner.isVisible()


def test_rename_within_folder_is_followed_with_unsaved_edits(qtbot, win, long_post):
    ctl, editor = win.services.external_changes, win.body_editor
    type_into(qtbot, editor, "still mine ")
    new = long_post.with_name("2024-03-06-renamed.md")
    with qtbot.waitSignal(ctl.followedRename, timeout=TIMEOUT) as blocker:
        os.rename(long_post, new)
    assert blocker.args == [str(long_post), str(new)]
    assert win.session.path == new
    assert editor.toPlainText().startswith("still mine ")
    assert win.session.modified
    assert not ctl.banner.isVisible()
    win.session.save()
    assert new.read_text(encoding="utf-8").startswith("---\ntitle: Long")
    assert "still mine Line 0" in new.read_text(encoding="utf-8")


def test_burst_of_100_writes_is_one_reload(qtbot, win, long_post):
    ctl, editor = win.services.external_changes, win.body_editor
    reloads = []
    ctl.reloaded.connect(reloads.append)

    writer = burst_writer(long_post, LONG_POST.replace("{", "{{").replace("}", "}}") + "burst {i}\n")
    qtbot.waitUntil(lambda: writer.poll() is not None and bool(reloads), timeout=TIMEOUT)
    assert writer.returncode == 0
    qtbot.wait(400)  # several quiet periods: no late second reload
    assert len(reloads) == 1
    assert editor.toPlainText().endswith("burst 99\n")


def test_own_save_is_not_an_external_change(qtbot, win, long_post):
    ctl, editor = win.services.external_changes, win.body_editor
    type_into(qtbot, editor, "saved by us ")
    with qtbot.assertNotEmitted(ctl.reloaded, wait=500), qtbot.assertNotEmitted(ctl.conflictShown, wait=0):
        win.session.save()
    assert not ctl.banner.isVisible()


def test_autosave_while_dirty_then_removed_after_save(qtbot, win, long_post):
    ctl, editor = win.services.external_changes, win.body_editor
    ctl.recovery.set_autosave_interval(100)
    with qtbot.waitSignal(ctl.recovery.autosaved, timeout=TIMEOUT):
        type_into(qtbot, editor, "kept for recovery ")
    [entry] = ctl.recovery.store.entries()
    assert entry.post_path == long_post
    assert ctl.recovery.store.read(entry).endswith("---\nkept for recovery " + LONG_BODY)
    assert not (long_post.parent / entry.file.name).exists()  # never next to the post
    win.session.save()
    assert ctl.recovery.store.entries() == []


def test_reload_from_banner_discards_the_recovery_copy(qtbot, win, long_post):
    ctl, editor = win.services.external_changes, win.body_editor
    ctl.recovery.set_autosave_interval(50)
    with qtbot.waitSignal(ctl.recovery.autosaved, timeout=TIMEOUT):
        type_into(qtbot, editor, "x")
    with qtbot.waitSignal(ctl.conflictShown, timeout=TIMEOUT):
        external_write(long_post, LONG_POST + "theirs\n")
    qtbot.mouseClick(ctl.banner.reload_button, qtbot_left())
    assert ctl.recovery.store.entries() == []


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_reload_moves_the_caret_with_its_text_and_can_be_undone(qtbot, win, long_post):
    ctl, editor = win.services.external_changes, win.body_editor
    doc = editor.document()
    line_50 = doc.findBlockByNumber(50).position()
    cursor = editor.textCursor()
    cursor.setPosition(line_50 + 5)
    editor.setTextCursor(cursor)
    inserted = "A new first line from git pull.\n"
    with qtbot.waitSignal(ctl.reloaded, timeout=TIMEOUT):
        external_write(long_post, LONG_POST.replace("---\nLine 0 ", "---\n" + inserted + "Line 0 "))
    # The caret stays on the same text: line 50 is now block 51, same column.
    assert editor.textCursor().blockNumber() == 51
    assert editor.textCursor().positionInBlock() == 5
    assert not win.session.modified
    assert win.session.document.to_bytes() == long_post.read_bytes()
    # The reload is one undo step: Undo brings back the old text (now unsaved).
    editor.undo()
    editor.flush()
    assert editor.toPlainText() == LONG_BODY
    assert win.session.modified


def test_front_matter_change_on_disk_reloads_the_document(qtbot, win, long_post):
    ctl = win.services.external_changes
    with qtbot.waitSignal(ctl.reloaded, timeout=TIMEOUT):
        external_write(long_post, LONG_POST.replace("title: Long", "title: Changed elsewhere\ndraft: true"))
    assert win.session.document.get("title") == "Changed elsewhere"
    assert win.session.document.get("draft") is True
    assert win.body_editor.toPlainText() == LONG_BODY
    assert not win.session.modified


def test_site_index_stays_live(qtbot, win, long_post):
    posts_dir = long_post.parent
    posts, site = win.services.posts_list, win.services.site
    # The open post's site loads once the preview is up; it fills the posts list.
    qtbot.waitUntil(lambda: posts.count() == 1 and site.context.root is not None, timeout=TIMEOUT)

    new = posts_dir / "2024-04-01-new.md"
    new.write_text("---\ntitle: New post\ntags: [brand-new-tag]\n---\nHello\n", encoding="utf-8")
    qtbot.waitUntil(lambda: posts.count() == 2, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "brand-new-tag" in site.context.vocabulary.get("tags", []), timeout=TIMEOUT)

    new.unlink()
    qtbot.waitUntil(lambda: posts.count() == 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "brand-new-tag" not in site.context.vocabulary.get("tags", []), timeout=TIMEOUT)


@pytest.mark.parametrize("choice", ["useDiskButton", "keepMineButton", "cancelButton"])
def test_compare_dialog_choices(qtbot, win, long_post, choice):
    from PySide6.QtWidgets import QPushButton

    ctl, editor = win.services.external_changes, win.body_editor
    type_into(qtbot, editor, "mine ")
    theirs = LONG_POST.replace("Line 0 ", "Line zero ")  # both changed the body: no merge
    with qtbot.waitSignal(ctl.conflictShown, timeout=TIMEOUT):
        external_write(long_post, theirs)
    qtbot.mouseClick(ctl.banner.compare_button, qtbot_left())
    dialog = ctl.diff_dialog
    assert dialog.merge_button is None  # the same line: no clean merge, a choice
    assert dialog.merge_mine_button is not None and dialog.merge_disk_button is not None
    qtbot.mouseClick(dialog.findChild(QPushButton, choice), qtbot_left())
    if choice == "useDiskButton":
        assert editor.toPlainText().startswith("Line zero ") and not win.session.modified
        assert not ctl.banner.isVisible()
    elif choice == "keepMineButton":
        assert editor.toPlainText().startswith("mine Line 0 ") and win.session.modified
        assert not ctl.banner.isVisible()
        with pytest.raises(ConflictError):  # the overwrite still needs confirming
            win.session.save()
    else:  # closed without choosing: nothing changes, the banner stays
        assert editor.toPlainText().startswith("mine Line 0 ") and win.session.modified
        assert ctl.banner.isVisible()


def test_saving_the_open_post_does_not_refill_the_posts_list(qtbot, win, long_post):
    posts, site = win.services.posts_list, win.services.site
    qtbot.waitUntil(lambda: posts.count() == 1 and win.services.site_watcher is not None, timeout=TIMEOUT)
    refilled = []
    posts.model.rowsInserted.connect(lambda *_a: refilled.append(True))
    posts.model.modelReset.connect(lambda: refilled.append(True))
    type_into(qtbot, win.body_editor, "x")
    with qtbot.waitSignal(site.siteChanged, timeout=TIMEOUT):  # the site was re-read after the save
        win.session.save()
    assert win.services.site_watcher.last_changed == {str(long_post)}
    assert refilled == [] and posts.count() == 1
