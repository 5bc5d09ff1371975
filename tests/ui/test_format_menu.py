"""The Format menu and toolbar on the real window: keys select, the action
runs, the document and the saved bytes show the result."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolBar, QToolButton

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def go_to_line(editor, line: int) -> None:
    """Caret at the start of the body's `line` (0-based), by keys."""
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_Home, CTRL)
    for _ in range(line):
        QTest.keyClick(editor, Qt.Key.Key_Down)
    QTest.keyClick(editor, Qt.Key.Key_Home)


def select_lines(editor, first: int, count: int) -> None:
    go_to_line(editor, first)
    for _ in range(count - 1):
        QTest.keyClick(editor, Qt.Key.Key_Down, SHIFT)
    QTest.keyClick(editor, Qt.Key.Key_End, SHIFT)


def save(window, qtbot) -> None:
    assert window.save()
    qtbot.waitUntil(lambda: not window.isWindowModified())


def test_bold_a_word_then_unbold_it_and_save(window, post, qtbot):
    editor = window.body_editor
    before = post.read_bytes()
    go_to_line(editor, 3)  # "한국어로 쓴 첫 문단입니다. Some English words."
    for _ in range(3):
        QTest.keyClick(editor, Qt.Key.Key_Right, SHIFT)  # "한국어"
    window.actions.formats["bold"].trigger()
    assert editor.toPlainText().splitlines()[3].startswith("**한국어**로 쓴")
    assert editor.textCursor().selectedText() == "한국어"
    save(window, qtbot)
    assert post.read_bytes() == before.replace("한국어로".encode(), "**한국어**로".encode())
    window.actions.formats["bold"].trigger()
    save(window, qtbot)
    assert post.read_bytes() == before


def test_each_command_is_one_undo_step(window, qtbot):
    editor = window.body_editor
    original = editor.toPlainText()
    select_lines(editor, 5, 2)  # the two list items
    window.actions.formats["numbers"].trigger()
    assert editor.toPlainText().splitlines()[5:7] == ["1. 목록 하나", "2. 목록 둘"]
    editor.undo()
    assert editor.toPlainText() == original


def test_shortcut_in_the_editor_formats_and_in_a_form_field_does_not(window, qtbot):
    editor = window.body_editor
    go_to_line(editor, 1)  # "# 안녕하세요"
    QTest.keyClick(editor, Qt.Key.Key_2, CTRL | Qt.KeyboardModifier.AltModifier)
    assert editor.toPlainText().splitlines()[1] == "## 안녕하세요"
    QTest.keyClick(editor, Qt.Key.Key_2, CTRL | Qt.KeyboardModifier.AltModifier)
    assert editor.toPlainText().splitlines()[1] == "안녕하세요"
    title = window.form_panel.form.widget_for("title")
    title.setFocus()
    text = editor.toPlainText()
    QTest.keyClick(title, Qt.Key.Key_B, CTRL)
    assert editor.toPlainText() == text


def test_list_quote_code_and_rule_on_a_crlf_post(window, tmp_path, qtbot):
    path = tmp_path / "site" / "_posts" / "2024-03-06-crlf.md"
    path.write_bytes("---\r\ntitle: 줄\r\n---\r\n첫째\r\n둘째\r\n끝\r\n".encode())
    assert window.open_path(path, ask=False)
    editor = window.body_editor
    select_lines(editor, 0, 2)
    window.actions.formats["bullets"].trigger()
    window.actions.formats["quote"].trigger()
    go_to_line(editor, 2)
    window.actions.formats["rule"].trigger()
    save(window, qtbot)
    assert path.read_bytes() == "---\r\ntitle: 줄\r\n---\r\n> - 첫째\r\n> - 둘째\r\n끝\r\n\r\n---\r\n".encode()
    select_lines(editor, 0, 2)
    window.actions.formats["quote"].trigger()
    window.actions.formats["code"].trigger()  # several lines: a fenced block
    save(window, qtbot)
    assert path.read_bytes().startswith("---\r\ntitle: 줄\r\n---\r\n```\r\n- 첫째\r\n- 둘째\r\n```\r\n끝".encode())


def test_toolbar_runs_the_commands_and_hides_in_focus_mode(window, settings, qtbot):
    bar = window.findChild(QToolBar, "formatToolbar")
    assert bar.isVisible()
    editor = window.body_editor
    go_to_line(editor, 3)
    QTest.keyClick(editor, Qt.Key.Key_End, SHIFT)
    button = bar.widgetForAction(window.actions.formats["italic"])
    assert isinstance(button, QToolButton) and button.text()  # a text where the icon theme has none
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert editor.toPlainText().splitlines()[3] == "*한국어로 쓴 첫 문단입니다. Some English words.*"
    assert editor.hasFocus()
    window.actions.focus_mode.trigger()
    assert not bar.isVisible()
    window.actions.focus_mode.trigger()
    assert bar.isVisible()


def test_toolbar_toggle_is_remembered(window, settings, qtbot, tmp_path):
    bar = window.findChild(QToolBar, "formatToolbar")
    window.actions.format_toolbar.trigger()
    assert not bar.isVisible() and settings.get("view/format_toolbar") is False
    window.actions.focus_mode.trigger()
    window.actions.focus_mode.trigger()
    assert not bar.isVisible()  # focus mode gives back the writer's choice, not "shown"
    from editor.ui import launch

    second = launch([], settings=settings, recovery_dir=tmp_path / "recovery2")
    qtbot.waitExposed(second)
    try:
        assert not second.format_toolbar.isVisible()
        assert not second.actions.format_toolbar.isChecked()
    finally:
        second.session.new()
        second.close()
        second.deleteLater()


def test_every_format_command_is_in_the_menu_and_the_toolbar(window):
    from PySide6.QtWidgets import QMenu

    from editor.core.post.formatting import COMMANDS

    menu = window.menuBar().findChild(QMenu, "formatMenu")
    bar = window.findChild(QToolBar, "formatToolbar")
    for command in COMMANDS:
        action = window.actions.formats[command]
        assert action in menu.actions() and action in bar.actions()
