"""Window behaviour: unsaved-changes prompt, remembered layout, focus mode, drop, site folder."""

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from editor.ui import launch
from tests.ui.test_front_matter_and_validation import click_in_modal


def test_close_with_unsaved_changes_asks(window, post, qtbot):
    window.session.document.set("title", "changed")
    seen = []
    click_in_modal(qtbot, "cancelButton", seen)
    assert window.close() is False  # cancelled: the window stays
    assert seen and "2024-03-05-hello.md" in seen[0]
    assert window.isVisible()
    click_in_modal(qtbot, "discardButton", seen)
    assert window.close() is True
    assert b"changed" not in post.read_bytes()


def test_close_can_save(window, post, qtbot):
    window.session.document.set("title", "saved on close")
    click_in_modal(qtbot, "saveButton", [])
    assert window.close() is True
    assert b"title: saved on close" in post.read_bytes() or b'"saved on close"' in post.read_bytes()


def test_layout_and_recent_files_are_remembered(qtbot, settings, post, tmp_path):
    win = launch([str(post)], settings=settings)
    qtbot.waitExposed(win)
    win.resize(701, 503)  # within the offscreen screen (800x600): restoreGeometry clamps
    win.panes.setSizes([200, 500, 400])
    win.actions.show_problems.setChecked(False)
    assert win.close()
    assert settings.recent_files() == [str(post.resolve())]
    assert "panes/problems" in settings.stored_keys()
    assert "editor/wrap" not in settings.stored_keys()  # defaults are not stored

    again = launch([], settings=settings)
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == (701, 503)
    assert again.problems_panel.isHidden()
    sizes = again.panes.sizes()
    assert sizes[0] < sizes[2] < sizes[1]
    recent = [a.data() for a in again.recent_menu.actions() if a.data()]
    assert recent == [str(post.resolve())]
    again.recent_menu.actions()[0].trigger()
    assert again.session.path == post.resolve()
    again.close()


def test_focus_mode_shows_editor_alone(window, qtbot):
    window.actions.focus_mode.trigger()
    assert window.form_panel.isHidden() and window.preview_holder.isHidden()
    assert window.problems_panel.isHidden()
    assert window.body_editor.isVisible()
    window.actions.focus_mode.trigger()
    assert window.form_panel.isVisible() and window.preview_holder.isVisible()


def test_drop_a_file_opens_it(window, tmp_path, qtbot):
    other = tmp_path / "other.md"
    other.write_text("---\ntitle: Other\n---\nbody text\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.session.path == other.resolve()
    assert window.body_editor.toPlainText() == "body text\n"
    assert window.windowTitle().startswith("other.md")


def test_site_folder_opens_newest_post_and_lists_posts(qtbot, settings, post):
    older = post.parent / "2020-01-01-older.md"
    older.write_text("---\ntitle: Older\ndate: 2020-01-01\n---\nold\n", encoding="utf-8")
    site = post.parent.parent
    win = launch([str(site)], settings=settings)
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.session.path == post.resolve(), timeout=10000)  # the site is read off the UI thread
    assert win.services.posts_list.count() == 2
    rows = win.services.posts_list.shown_rows()  # newest first
    assert "한국어 제목" in rows[0].title
    assert (rows[1].title, f"{rows[1].date:%Y-%m-%d}", rows[1].state) == ("Older", "2020-01-01", "published")
    win.services.posts_list.postChosen.emit(str(older))
    assert win.session.path == older.resolve()
    win.close()


def test_posts_list_marks_drafts(qtbot, settings, post):
    drafts = post.parent.parent / "_drafts"
    drafts.mkdir()
    (drafts / "idea.md").write_text("---\ntitle: 아이디어\n---\n메모\n", encoding="utf-8")
    win = launch([str(post.parent.parent)], settings=settings)
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.services.posts_list.count() == 2, timeout=10000)
    posts = win.services.posts_list
    states = {r.title: r.state for r in posts.shown_rows()}
    assert states["아이디어"] == "draft"
    assert [s for t, s in states.items() if t != "아이디어"] == ["published"]
    # The state column says it, translated, beside the title.
    row = next(i for i, r in enumerate(posts.shown_rows()) if r.title == "아이디어")
    assert posts.model.index(row, 2).data() == "draft"
    win.close()


def _click_standard(qtbot, button):
    from PySide6.QtWidgets import QMessageBox


    def poll():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.button(button) is not None:
            box.button(button).click()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_revert_new_and_save_as(window, post, qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    original = post.read_bytes()
    window.session.document.set("title", "unsaved")
    _click_standard(qtbot, QMessageBox.StandardButton.Discard)
    window.revert()
    assert window.session.document.get("title") == "한국어 제목"
    assert not window.isWindowModified()

    copy = tmp_path / "copy.md"
    window.session.document.set("title", "copy")
    assert window._save_to(copy)  # what Save As does after its file dialog
    assert window.session.path == copy.resolve()
    assert window.windowTitle().startswith("copy.md")
    assert post.read_bytes() == original
    assert b"copy" in copy.read_bytes()

    # The copy lies outside any site: once the site has followed it (its folder,
    # of no known generator), New is an empty untitled post (in a site it would
    # ask for a title first).
    qtbot.waitUntil(lambda: window.services.site.current is not None
                    and window.services.site.current.root == tmp_path, timeout=10000)
    window.actions.new.trigger()
    assert window.session.path is None
    assert window.windowTitle().startswith("Untitled")
    assert window.body_editor.toPlainText() == ""
