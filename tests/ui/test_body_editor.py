"""The body editor: Korean IME, Markdown commands, list continuation, find/replace, counts."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import commit_text, type_text


def to_end(editor):
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)


def test_korean_ime_preedit_then_commit(window, qtbot):
    editor = window.body_editor
    to_end(editor)
    before = editor.toPlainText()
    # Composing 한: ㅎ → 하 → 한, shown in place but not yet in the text.
    attrs = [QInputMethodEvent.Attribute(QInputMethodEvent.AttributeType.TextFormat, 0, 1, QTextCharFormat())]
    for preedit in ("ㅎ", "하", "한"):
        QApplication.sendEvent(editor, QInputMethodEvent(preedit, attrs))
        assert editor.textCursor().block().layout().preeditAreaText() == preedit
        assert editor.toPlainText() == before
    commit_text(editor, "한")
    commit_text(editor, "글", preedit_steps=("ㄱ", "그"))
    assert editor.toPlainText() == before + "한글"
    assert editor.textCursor().block().layout().preeditAreaText() == ""
    window.session.flush()
    assert window.session.document.body.endswith("한글")


def test_korean_counts_in_status_bar(window, qtbot):
    status = window.status
    # Counted shortly after the post opens (after the first paint), by itself.
    # Korean counts words, as English does: 안녕하세요 한국어로 쓴 첫 문단입니다
    # 목록 하나 목록 둘 = 9, plus "Some English words" = 12.
    qtbot.waitUntil(lambda: status.counts.text() == "12 words · 1 min read", timeout=3000)


def test_list_continuation_and_end(window, qtbot):
    editor = window.body_editor
    editor.setPlainText("- one")
    to_end(editor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "two")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "- one\n- two\n- "
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # an empty item ends the list
    assert editor.toPlainText() == "- one\n- two\n"
    editor.setPlainText("1. first")
    to_end(editor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "1. first\n2. "
    editor.setPlainText("- [x] done")
    to_end(editor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "- [x] done\n- [ ] "


def test_bold_italic_link_shortcuts_and_undo(window, qtbot):
    editor = window.body_editor
    editor.setPlainText("word")
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "**word**"
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "word"
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "*word*"
    editor.setPlainText("site")
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "https://x.org")
    assert editor.toPlainText() == "[site](https://x.org)"
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() != "[site](https://x.org)"


def test_ctrl_f_makes_the_find_bar_when_first_wanted(window, qtbot):
    """The bar is not made before the first paint; the shortcut alone makes
    it, in its own row under the panes, open and ready to type into."""
    from PySide6.QtWidgets import QLineEdit

    editor = window.body_editor
    assert window.findChild(QLineEdit, "findText") is None
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.findChild(QLineEdit, "findText").parentWidget()
    assert bar is window.find_bar and bar.parentWidget() is window.centralWidget()
    assert bar.isVisible() and bar.find_edit.hasFocus()


def test_find_and_replace(window, qtbot):
    editor, bar = window.body_editor, window.find_bar
    editor.setPlainText("Cat cat concat CAT")
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.find_edit.hasFocus()
    bar.find_edit.setText("cat")
    assert bar.count() == 4  # case-insensitive, substring
    bar.whole.setChecked(True)
    assert bar.count() == 3
    bar.case.setChecked(True)
    assert bar.count() == 1
    bar.case.setChecked(False)
    bar.replace_edit.setText("dog")
    assert bar.replace_all() == 3
    assert editor.toPlainText() == "dog dog concat dog"
    editor.undo()  # one undo step for Replace all
    assert editor.toPlainText() == "Cat cat concat CAT"
    bar.whole.setChecked(False)
    bar.regex.setChecked(True)
    bar.find_edit.setText(r"c(a)t")
    bar.replace_edit.setText(r"k\1t")
    bar.case.setChecked(True)
    assert bar.replace_all() == 2
    assert editor.toPlainText() == "Cat kat conkat CAT"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_typing_mixed_text_reaches_document(window, qtbot):
    editor = window.body_editor
    to_end(editor)
    type_text(qtbot, editor, "\n새 문단 new paragraph")
    window.session.flush()
    assert window.session.document.body.endswith("\n\n새 문단 new paragraph")


def test_the_document_gets_exactly_the_editor_text_after_every_kind_of_edit(window, qtbot):
    # The editor hands the Document a text it keeps up to date edit by edit
    # (not toPlainText() each time): it must match toPlainText() always.
    editor = window.body_editor
    session = window.session

    def same():
        session.flush()
        assert session.document.body.replace(session.document.newline or "\n", "\n") == editor.toPlainText()

    to_end(editor)
    type_text(qtbot, editor, "\n- 항목 ab")
    same()
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # list continuation
    type_text(qtbot, editor, "x\u00a0y")  # a no-break space becomes a space, as in toPlainText
    same()
    cursor = editor.textCursor()
    cursor.setPosition(3)
    cursor.setPosition(40, cursor.MoveMode.KeepAnchor)
    cursor.insertText("바뀐\n두 줄")  # a replaced selection across lines
    same()
    editor.undo()
    same()
    editor.redo()
    same()
    commit_text(editor, "한", preedit_steps=("ㅎ", "하"))
    same()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)  # everything removed
    same()
    type_text(qtbot, editor, "new")
    same()
    editor.undo()
    editor.undo()
    same()


def _formats(document):
    """Every block's (start, length, foreground, bold) format ranges."""
    out = []
    block = document.begin()
    while block.isValid():
        out.append([(r.start, r.length, r.format.foreground().color().name(), r.format.fontWeight())
                    for r in block.layout().formats()])
        block = block.next()
    return out


def test_a_long_post_is_coloured_in_slices_and_ends_coloured_as_a_whole(window, qtbot):
    from PySide6.QtGui import QTextDocument

    from editor.ui.editor.markdown_highlighter import MarkdownHighlighter

    section = ("## 제목 {i}\n\n정적 사이트 **강조** 와 `code` [링크](https://e.com)\n\n"
               "```python\ndef f{i}():\n    return '**not bold**'\n```\n\n{{% highlight ruby %}}\nputs 1\n"
               "{{% endhighlight %}}\n\n- 항목 *기울임*\n\n")
    body = "".join(section.format(i=i) for i in range(120))  # ~2,000 lines
    path = window.session.path
    path.write_text("---\ntitle: 긴 글\n---\n" + body, encoding="utf-8")
    editor = window.body_editor
    assert window.open_path(path, ask=False)
    # Right after loading, lines past the first screenfuls wait for colour...
    assert editor.highlighter.deferred_from == editor.colour_first
    last_heading = editor.document().find("## 제목 119")
    assert last_heading.block().blockNumber() > editor.colour_first
    assert last_heading.block().layout().formats() == []
    # ...and the event loop colours them in slices, until none is left.
    qtbot.waitUntil(lambda: editor.highlighter.deferred_from is None, timeout=10000)

    reference = QTextDocument()
    reference.setPlainText(editor.toPlainText())
    highlighter = MarkdownHighlighter(reference, editor._colors)
    highlighter.rehighlight()
    # Equal line by line, fences included: their state was followed through
    # the stretch that waited, so `**not bold**` inside them stays code.
    assert _formats(editor.document()) == _formats(reference)
    assert last_heading.block().layout().formats() != []


def test_a_post_longer_than_the_screen_waits_for_colour_past_what_it_can_show(window, qtbot):
    """What is coloured before the first paint covers the tallest screen in
    the editor's font (a line takes at least one row), not a fixed count:
    an ordinary post of a few hundred lines is coloured in slices too."""
    from PySide6.QtGui import QGuiApplication

    editor = window.body_editor
    tallest = max(screen.availableGeometry().height() for screen in QGuiApplication.screens())
    assert editor.colour_first * editor.fontMetrics().lineSpacing() >= tallest
    lines = editor.colour_first + 40
    path = window.session.path
    path.write_text("---\ntitle: 글\n---\n" + "".join(f"**{i}** 줄\n" for i in range(lines)),
                    encoding="utf-8")
    assert window.open_path(path, ask=False)
    document = editor.document()
    assert editor.highlighter.deferred_from == editor.colour_first
    assert document.findBlockByNumber(editor.colour_first - 1).layout().formats() != []
    assert document.findBlockByNumber(editor.colour_first).layout().formats() == []
    qtbot.waitUntil(lambda: editor.highlighter.deferred_from is None, timeout=10000)
    assert document.findBlockByNumber(lines - 1).layout().formats() != []

    # A post shorter than that is coloured whole at once.
    path.write_text("---\ntitle: 글\n---\n**짧은** 글\n", encoding="utf-8")
    assert window.open_path(path, ask=False)
    assert editor.highlighter.deferred_from is None


def test_colouring_slices_are_sized_to_a_few_milliseconds():
    from editor.ui.editor.body_editor import SLICE_BUDGET_S, SLICE_MAX_LINES, SLICE_MIN_LINES, next_slice_lines

    # 100 lines in 70 ms (the UI thread waiting for the GIL): a few lines next.
    assert next_slice_lines(100, 0.070) == max(SLICE_MIN_LINES, int(100 * SLICE_BUDGET_S / 0.070))
    assert next_slice_lines(100, 1.0) == SLICE_MIN_LINES
    # Quick slices grow, twofold at most, up to the ceiling.
    assert next_slice_lines(50, 0.0001) == 100
    assert next_slice_lines(300, 0.0) == SLICE_MAX_LINES
    assert next_slice_lines(100, SLICE_BUDGET_S) == 100


def test_lines_deleted_above_the_waiting_part_are_still_coloured(window, qtbot):
    """The boundary between coloured and waiting lines follows the writer's
    edits: deleting lines above it moves waiting lines up, and they must be
    coloured all the same (a boundary kept as a line number left them bare)."""
    from PySide6.QtGui import QTextCursor, QTextDocument

    from editor.ui.editor.markdown_highlighter import MarkdownHighlighter

    section = "## 제목 {i}\n\n**강조** 와 `code`\n\n```python\nx = '**no**'\n```\n\n"
    path = window.session.path
    path.write_text("---\ntitle: 긴 글\n---\n" + "".join(section.format(i=i) for i in range(200)),
                    encoding="utf-8")
    editor = window.body_editor
    assert window.open_path(path, ask=False)
    first = editor.colour_first
    assert editor.highlighter.deferred_from == first
    # Before any slice has run: delete lines near the top (more than a
    # section's 8, so a fence's opening line is among them and states below
    # change too), all above the boundary.
    removed = first // 2
    cursor = QTextCursor(editor.document().findBlockByNumber(5))
    cursor.movePosition(QTextCursor.MoveOperation.Down, QTextCursor.MoveMode.KeepAnchor, removed)
    cursor.removeSelectedText()
    assert editor.highlighter.deferred_from == first - removed
    qtbot.waitUntil(lambda: editor.highlighter.deferred_from is None, timeout=10000)

    reference = QTextDocument()
    reference.setPlainText(editor.toPlainText())
    MarkdownHighlighter(reference, editor._colors).rehighlight()
    assert _formats(editor.document()) == _formats(reference)
