"""Form edits go through the lossless model; raw mode; problems block a save."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from tests.ui.conftest import commit_text, type_text


def click_in_modal(qtbot, button_name, seen):
    """When a modal dialog opens, record its text and click the named button."""

    def check():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text() + "\n" + box.informativeText())
            box.findChild(QPushButton, button_name).click()
            return True
        return False


    def poll():
        if not check():
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def field(window, key):
    return window.findChild(object, f"field:{key}")


def test_title_field_edit_changes_only_the_title_line(window, post, qtbot):
    before = post.read_text(encoding="utf-8").splitlines(keepends=True)
    title = field(window, "title")
    assert title is not None and title.accessibleName() == "Title"
    assert title.edit.text() == "한국어 제목"
    title.edit.selectAll()
    commit_text(title.edit, "새 제목")  # IME commit replaces the selection
    assert window.session.document.get("title") == "새 제목"
    assert window.isWindowModified()
    window.setFocus()
    qtbot.keyClick(window.body_editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isWindowModified())
    after = post.read_text(encoding="utf-8").splitlines(keepends=True)
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after)
    assert changed == [('title: "한국어 제목"\n', 'title: "새 제목"\n')] or \
        changed == [('title: "한국어 제목"\n', "title: 새 제목\n")]


def test_raw_mode_broken_yaml_shows_problem_and_blocks_save(window, post, qtbot):
    before = post.read_bytes()
    panel = window.form_panel
    window.actions.raw.trigger()
    assert panel.is_raw()
    raw = panel.raw
    raw.setFocus()
    cursor = raw.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    raw.setTextCursor(cursor)
    type_text(qtbot, raw, "broken: [unclosed\n")
    window.session.flush()
    assert window.session.document.front_matter_error is not None
    problems = window.problems_panel
    qtbot.waitUntil(lambda: any(d.rule == "yaml-syntax" for d in problems.diagnostics), timeout=3000)
    assert problems.topLevelItemCount() >= 1

    seen = []
    click_in_modal(qtbot, "cancelButton", seen)
    assert window.save() is False
    assert seen and "error" in seen[0]
    assert post.read_bytes() == before

    # "Save anyway" writes it.
    click_in_modal(qtbot, "saveAnywayButton", seen)
    assert window.save() is True
    assert b"broken: [unclosed" in post.read_bytes()


def test_form_and_raw_stay_in_sync(window, qtbot):
    window.actions.raw.trigger()
    raw = window.form_panel.raw
    field(window, "title")  # built
    window.session.document.set("title", "From the model")
    qtbot.waitUntil(lambda: 'title: "From the model"' in raw.toPlainText() or
                    "title: From the model" in raw.toPlainText())
    window.actions.raw.trigger()  # back to the form
    assert field(window, "title").edit.text() == "From the model"


def test_clicking_a_problem_jumps_to_its_line(window, qtbot):
    editor = window.body_editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "{% if x %} never closed")
    window.session.flush()
    problems = window.problems_panel
    qtbot.waitUntil(lambda: any(d.rule == "liquid-unbalanced" for d in problems.diagnostics), timeout=3000)
    row = next(i for i, d in enumerate(problems.diagnostics) if d.rule == "liquid-unbalanced")
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    item = problems.topLevelItem(row)
    problems.itemClicked.emit(item, 0)
    diagnostic = problems.diagnostics[row]
    assert editor.textCursor().blockNumber() + editor.first_line == diagnostic.line


def test_problems_mark_form_fields_and_underline_the_body(window, post, qtbot):
    from PySide6.QtGui import QTextCharFormat

    qtbot.waitUntil(lambda: window.services.site.context.root is not None, timeout=5000)  # the schema
    doc = window.session.document
    doc.unset("title")  # required: a problem on the field
    editor = window.body_editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "{% if x %} open")
    window.session.flush()
    problems = window.problems_panel
    qtbot.waitUntil(lambda: {"required-field", "liquid-unbalanced"} <= {d.rule for d in problems.diagnostics},
                    timeout=5000)
    form = window.form_panel.form
    label = form._labels[("title",)]
    worst = min((d for d in problems.diagnostics if d.key == "title"),
                key=lambda d: ["error", "warning", "info"].index(d.severity))
    from editor.ui.problems.severity import field_mark

    assert label.text() == f"title * {field_mark(worst.severity)}"
    assert label.toolTip() == worst.message
    underlined = [s for s in editor.extraSelections()
                  if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline]
    liquid = next(d for d in problems.diagnostics if d.rule == "liquid-unbalanced")
    assert any(s.cursor.blockNumber() + editor.first_line == liquid.line for s in underlined)
    errors, _warnings = problems.counts()
    assert window.status.problems.text().startswith(f"{errors} error")
    icons = {problems.topLevelItem(i).toolTip(0) for i in range(problems.topLevelItemCount())}
    assert icons <= {"error", "warning", "info"} and not problems.topLevelItem(0).icon(0).isNull()
