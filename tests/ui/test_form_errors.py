"""No edit is dropped without a word: a front matter that does not parse, refused
edits, shared values (anchors and aliases)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from editor.core.post.values import OWN, SHARED
from tests.ui.conftest import commit_text, type_text

SHARED_POST = "---\ntitle: 같이 쓴 글\nauthor: &me 제인\neditor: *me\n---\n본문\n"


def field(window, key):
    return window.form_panel.form.widget_for(key)


def open_post(window, qtbot, path, text):
    path.write_text(text, encoding="utf-8")
    assert window.open_path(path, ask=False)
    qtbot.waitUntil(lambda: field(window, "title") is not None)


def break_in_raw(window, qtbot, line_text: str) -> None:
    window.actions.raw.trigger()
    raw = window.form_panel.raw
    raw.setFocus()
    raw.moveCursor(raw.textCursor().MoveOperation.End)
    type_text(qtbot, raw, line_text)
    window.session.flush()
    window.actions.raw.trigger()  # back to the form


def test_a_broken_front_matter_makes_the_form_read_only_and_says_where(window, post, qtbot):
    form = window.form_panel.form
    title = field(window, "title")
    break_in_raw(window, qtbot, "broken: [unclosed\n")
    doc = window.session.document
    assert doc.front_matter_error is not None
    error = form.findChild(QWidget, "frontMatterError")
    assert error.isVisible() and f"line {doc.front_matter_error.line}" in error.text()
    # The rows stay as they were (same widgets), read-only: typing changes nothing.
    assert field(window, "title") is title and title.is_read_only()
    assert all(w.is_read_only() for w in form._widgets.values())
    revision = doc.revision
    title.edit.setFocus()
    qtbot.keyClicks(title.edit, "x")
    commit_text(title.edit, "가")
    assert doc.revision == revision and 'title: "한국어 제목"\n' in doc.text
    # "Edit in Raw at line N" opens Raw mode with the caret on that line.
    button = form.findChild(QPushButton, "editInRawButton")
    line = doc.front_matter_error.line
    assert button.text() == f"Edit in Raw at line {line}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    raw = window.form_panel.raw
    assert window.form_panel.is_raw() and raw.hasFocus()
    assert raw.textCursor().blockNumber() + 2 == line  # the fragment starts on file line 2
    # (YAML notices the missing `]` where the next line starts.)
    assert "broken: [unclosed" in (raw.textCursor().block().text(), raw.textCursor().block().previous().text())
    # Fixed in Raw: the form is editable again, in place.
    cursor = raw.textCursor()
    found = raw.document().find("broken: [unclosed")
    cursor.setPosition(found.position())
    raw.setTextCursor(cursor)
    qtbot.keyClicks(raw, "]")
    window.session.flush()
    assert doc.front_matter_error is None
    window.actions.raw.trigger()
    assert not error.isVisible() and not title.is_read_only() and field(window, "title") is title
    assert field(window, "broken") is not None


def test_an_edit_that_arrives_while_it_does_not_parse_is_not_dropped_silently(window, post, qtbot):
    title = field(window, "title")
    break_in_raw(window, qtbot, "broken: [unclosed\n")
    text = window.session.document.text
    # A value sent late (the widget is read-only now, but any sender counts):
    # nothing escapes the Qt slot, nothing changes, and the field says why.
    title.valueEdited.emit("새 제목")
    assert window.session.document.text == text
    assert "does not parse" in title.problem()


def test_a_refused_edit_shows_its_message_on_the_field(window, post, qtbot):
    # A top-level flow map: a key cannot be removed without rewriting the others.
    path = post.parent / "2024-03-11-flow.md"
    open_post(window, qtbot, path, "---\n{title: 흐름, count: 3}\n---\n본문\n")
    count = field(window, "count")
    text = window.session.document.text
    from editor.ui.front_matter.field_widgets import REMOVE

    count.valueEdited.emit(REMOVE)  # what the number box's clear button sends
    assert window.session.document.text == text
    assert count.problem() and count.problem().startswith("Not changed:")
    # The next good edit clears the message.
    count.edit.setFocus()
    qtbot.keyClick(count.edit, Qt.Key.Key_End)
    qtbot.keyClicks(count.edit, "4")
    assert window.session.document.get("count") == 34
    assert count.problem() is None


def test_a_shared_value_says_so_and_the_first_edit_asks_once(window, post, qtbot):
    form = window.form_panel.form
    asked = []

    def answer(_parent, key, sharing):
        asked.append((key, sharing.anchor, sharing.others))
        return OWN

    form.ask_shared = answer
    path = post.parent / "2024-03-12-shared.md"
    open_post(window, qtbot, path, SHARED_POST)
    editor = field(window, "editor")
    note = editor.parentWidget().findChild(QWidget, "sharedNote")
    assert note.isVisible() and note.text() == "Shared with “author” (anchor &me)"
    editor.edit.setFocus()
    editor.edit.end(False)
    commit_text(editor.edit, "와 존")
    qtbot.keyClicks(editor.edit, "!")
    assert asked == [("editor", "me", (("author",),))]  # asked once, remembered
    doc = window.session.document
    assert doc.get("author") == "제인" and doc.get("editor") == "제인와 존!"
    assert "author: &me 제인\n" in doc.text


def test_a_shared_value_changed_for_all_and_a_cancelled_one(window, post, qtbot):
    form = window.form_panel.form
    answers = [None, SHARED]
    form.ask_shared = lambda _p, _k, _s: answers.pop(0)
    path = post.parent / "2024-03-13-shared.md"
    open_post(window, qtbot, path, SHARED_POST)
    doc = window.session.document
    editor = field(window, "editor")
    editor.edit.setFocus()
    editor.edit.end(False)
    before = doc.text
    commit_text(editor.edit, "X")  # cancelled: nothing changes, and the field says so
    assert doc.text == before and "shared" in editor.problem()
    assert editor.edit.text() == "제인"
    editor.edit.end(False)
    commit_text(editor.edit, "Y")  # asked again; this time: change the shared value
    assert doc.get("author") == doc.get("editor") == "제인Y"
    assert editor.problem() is None


def test_the_real_shared_value_dialog(window, post, qtbot):

    path = post.parent / "2024-03-14-shared.md"
    open_post(window, qtbot, path, SHARED_POST)
    author = field(window, "author")
    seen = []

    def click_own():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click_own)
            return
        seen.append(box.text())
        box.findChild(QPushButton, "ownValueButton").click()

    QTimer.singleShot(0, click_own)
    author.edit.setFocus()
    author.edit.end(False)
    qtbot.keyClicks(author.edit, "s")
    assert seen and "“author”" in seen[0] and "“editor”" in seen[0]
    doc = window.session.document
    assert doc.get("author") == "제인s" and doc.get("editor") == "제인"
