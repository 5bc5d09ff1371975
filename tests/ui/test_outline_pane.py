"""View > Outline in the real window: the body's headings, a click jumps to
one, the caret's section is selected as it moves, and edits show after a pause."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from tests.ui.conftest import type_text

BODY = ("# 하나\n\ntext\n\n```\n# not a heading\n```\n\n둘\n--\n\n<h3>셋</h3>\n\n"
        + "paragraph\n\n" * 60 + "## 넷\n\nend\n")


def _outline(window, qtbot):
    window.actions.outline.setChecked(True)
    dock = window.findChild(QDockWidget, "outlineDock")
    qtbot.waitUntil(lambda: dock is not None and dock.isVisible())
    return dock, dock.widget()


def _rows(pane):
    return [pane.item(i).text().strip() for i in range(pane.count())]


def _set_body(window, text):
    window.body_editor.setPlainText(text)


def test_the_outline_is_hidden_until_asked_for_and_lists_the_headings(window, qtbot):
    assert window.findChild(QDockWidget, "outlineDock") is None
    assert not window.actions.outline.isChecked()
    _set_body(window, BODY)
    dock, pane = _outline(window, qtbot)
    assert _rows(pane) == ["하나", "둘", "셋", "넷"]
    window.actions.outline.setChecked(False)
    qtbot.waitUntil(lambda: not dock.isVisible())


def test_a_click_jumps_and_the_caret_selects_its_section(window, qtbot):
    _set_body(window, BODY)
    _, pane = _outline(window, qtbot)
    editor = window.body_editor
    item = pane.item(3)
    rect = pane.visualItemRect(item)
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.textCursor().block().text() == "## 넷"
    assert pane.currentRow() == 3
    # The caret moves up into the second section: its heading is selected.
    editor.go_to_line(editor.first_line + 9)
    assert editor.textCursor().block().text() == "--"
    assert pane.currentRow() == 1
    editor.go_to_line(editor.first_line)
    assert pane.currentRow() == 0


def test_edits_show_after_typing_pauses_not_per_key(window, qtbot):
    _set_body(window, BODY)
    _, pane = _outline(window, qtbot)
    editor = window.body_editor
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.setFocus()
    type_text(qtbot, editor, "\n## 다섯")
    assert _rows(pane) == ["하나", "둘", "셋", "넷"]  # not yet: typing has not paused
    qtbot.waitUntil(lambda: _rows(pane)[-1:] == ["다섯"], timeout=3000)


def test_a_long_post_outline_refresh_is_a_few_milliseconds(window, qtbot):
    section = "## 섹션\n\n" + "정적 사이트 생성기로 블로그를 운영합니다. " * 20 + "\n\n```python\n# c\n```\n\n"
    _set_body(window, section * 400)  # ~250 KB, 400 headings
    _, pane = _outline(window, qtbot)
    assert pane.count() == 400
    pane.refresh()
    editor = window.body_editor
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText("x")  # the headings are the same: read, not rebuilt
    started = time.perf_counter()
    pane.refresh()
    same = time.perf_counter() - started
    cursor.insertText("\n\n# 끝\n")  # one more heading: the list is rebuilt
    started = time.perf_counter()
    pane.refresh()
    rebuilt = time.perf_counter() - started
    assert pane.count() == 401
    # Measured ~2 ms and ~4 ms; bounded loosely for a loaded machine.
    assert same < 0.1 and rebuilt < 0.2


def test_closing_the_dock_unchecks_view_outline(window, qtbot):
    dock, _ = _outline(window, qtbot)
    dock.close()
    qtbot.waitUntil(lambda: not window.actions.outline.isChecked())
    window.actions.outline.setChecked(True)
    qtbot.waitUntil(dock.isVisible)
