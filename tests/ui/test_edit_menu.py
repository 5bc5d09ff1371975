"""Edit ▸ Cut, Copy, Paste, Paste as Plain Text, Select All act on the focused
text widget and are enabled as a Qt editor's own menu is."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def test_copy_from_the_body_paste_into_a_form_field(window, qtbot):
    a, editor = window.actions, window.body_editor
    # The site's model in (it gives the form its schema and the fields their marks):
    # this test is about the commands, not about the window still loading.
    qtbot.waitUntil(lambda: window.services.site.loaded, timeout=10000)
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    editor.setTextCursor(cursor)
    assert not a.copy.isEnabled() and not a.cut.isEnabled()  # nothing selected
    QTest.keyClick(editor, Qt.Key.Key_Down)
    QTest.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    assert a.copy.isEnabled() and a.cut.isEnabled()
    a.copy.trigger()
    assert QApplication.clipboard().text() == "# 안녕하세요"
    window.form_panel.form.widget_for("title").setFocus()
    title = window.focusWidget()  # the field's line edit
    assert title.text() == "한국어 제목"
    assert a.paste.isEnabled()
    a.select_all.trigger()
    assert title.selectedText() == title.text()
    a.paste.trigger()
    assert title.text() == "# 안녕하세요"
    a.select_all.trigger()
    assert title.hasFocus() and title.selectedText() == "# 안녕하세요", (window.focusWidget(), title.selectedText())
    # Cut follows the selection (a disabled action does nothing when triggered).
    qtbot.waitUntil(a.cut.isEnabled, timeout=5000)
    a.cut.trigger()
    assert title.text() == "" and QApplication.clipboard().text() == "# 안녕하세요"


def test_paste_is_disabled_without_text_on_the_clipboard(window, qtbot):
    QApplication.clipboard().setMimeData(QMimeData())
    window.body_editor.setFocus()
    window.actions.edit_states.update()
    assert not window.actions.paste.isEnabled()
    QApplication.clipboard().setText("x")
    qtbot.waitUntil(window.actions.paste.isEnabled)


def test_paste_plain_into_the_raw_front_matter(window, qtbot):
    window.actions.raw.trigger()
    raw = window.form_panel.raw
    raw.setFocus()
    assert window.focusWidget() is raw
    cursor = raw.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    raw.setTextCursor(cursor)
    data = QMimeData()
    data.setHtml("<b>bold</b>")
    data.setText("plain: words")
    QApplication.clipboard().setMimeData(data)
    window.actions.paste_plain.trigger()
    assert raw.toPlainText().endswith("plain: words")
    window.actions.select_all.trigger()
    assert raw.textCursor().selectedText().startswith(raw.toPlainText().split("\n")[0])


def test_the_edit_menu_lists_them(window):
    from PySide6.QtWidgets import QMenu

    menu = window.menuBar().findChild(QMenu, "editMenu")
    names = [a.objectName() for a in menu.actions()]
    for name in ("actionCut", "actionCopy", "actionPaste", "actionPastePlain", "actionSelectAll",
                 "actionPreferences"):
        assert name in names


def test_cut_follows_the_selection_in_a_second_window(window, qtbot, settings, post, tmp_path):
    """With two windows open, each window's Edit menu follows its own fields."""
    from editor.ui import launch

    qtbot.waitUntil(lambda: window.services.site.loaded, timeout=10000)
    # A field of the first window has had focus: its Edit states have seen it.
    window.form_panel.form.widget_for("title").setFocus()
    second = launch([str(post)], settings=settings, recovery_dir=tmp_path / "recovery2")
    try:
        qtbot.waitExposed(second)
        qtbot.waitUntil(lambda: not second.form_panel.form.held)
        second.activateWindow()
        second.form_panel.form.widget_for("title").setFocus()
        title = second.focusWidget()
        qtbot.waitUntil(title.hasFocus)
        assert not second.actions.cut.isEnabled()
        QTest.keyClick(title, Qt.Key.Key_Home)
        QTest.keyClick(title, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
        assert title.selectedText() == title.text() != ""
        qtbot.waitUntil(second.actions.cut.isEnabled, timeout=5000)
    finally:
        second.session.new()
        second.close()
