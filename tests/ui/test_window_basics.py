from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from tests.ui.conftest import type_text


def test_launch_opens_post(window, post):
    editor = window.findChild(QPlainTextEdit, "bodyEditor")
    assert editor is not None and editor.accessibleName() == "Post text"
    assert "안녕하세요" in editor.toPlainText()
    assert window.windowTitle().startswith("2024-03-05-hello.md")
    assert not window.isWindowModified()
    assert window.findChild(object, "frontMatterForm") is not None
    assert window.findChild(object, "problemsPanel") is not None


def test_typing_marks_unsaved_and_save_shortcut_writes_only_the_edit(window, post, qtbot):
    before = post.read_bytes()
    editor = window.body_editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    type_text(qtbot, editor, "추가 sentence")
    qtbot.waitUntil(lambda: window.isWindowModified())
    assert "*" in window.windowTitle() or window.isWindowModified()
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isWindowModified())
    after = post.read_bytes()
    assert after == before + "추가 sentence".encode("utf-8")
