"""The writer's path through the real window, end to end: keys typed one by
one (Korean by input-method commits), the wheel rolled over the whole form,
Ctrl+S, and the bytes on disk. Only the lines of the edited values change,
each in the style the file had (the form's lossless promise)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextCursor, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from tests.ui.conftest import commit_text
from tests.ui.test_form_structure import KOREAN_POST, UNRELATED, field, open_post


def wheel_everywhere(form) -> None:
    """Roll the wheel over every box of the form but the one being typed in
    (a focused number or date box steps on the wheel, as it should), as a
    writer scrolling past does."""
    focused = QApplication.focusWidget()
    for widget in form.widget().findChildren(QWidget):
        if not widget.isVisible() or isinstance(widget, QAbstractScrollArea) or widget is focused:
            continue
        center = QPointF(widget.rect().center())
        for delta in (120, -120, -120):
            QApplication.sendEvent(widget, QWheelEvent(
                center, QPointF(widget.mapToGlobal(center)), QPoint(0, 0), QPoint(0, delta),
                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                False))


def test_typing_into_title_excerpt_and_feature_text_then_saving_changes_only_those_lines(
        window, post, qtbot):
    (post.parent / "2023-01-01-unrelated.md").write_text(UNRELATED, encoding="utf-8")
    window.services.site.forget(post.parent.parent.resolve())
    path = post.parent / "2024-04-02-spring.md"
    open_post(window, qtbot, path, KOREAN_POST)
    form = window.form_panel.form
    qtbot.waitUntil(lambda: "sleep" in form._add.keys(), timeout=10000)  # the site's schema is in
    wheel_everywhere(form)

    # 1. ` (updated)` typed key by key at the end of the plain title: the
    #    in-between `서울의 봄 산책 ` needs quotes; the final value does not.
    title = field(window, "title").edit
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " (updated)")

    # 2. A word added at the end of the folded excerpt, through the input method.
    excerpt = field(window, "excerpt").edit
    excerpt.setFocus()
    excerpt.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(excerpt, Qt.Key.Key_Space)
    commit_text(excerpt, "그리고", preedit_steps=("ㄱ", "그", "그리", "그릴"))

    # 3. Typing at the apparent end of the two-paragraph Markdown value.
    feature = field(window, "feature_text").edit
    feature.setFocus()
    feature.moveCursor(QTextCursor.MoveOperation.End)
    commit_text(feature, " 끝")
    qtbot.keyClicks(feature, "!")

    wheel_everywhere(form)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.session.modified)
    expected = (KOREAN_POST
                .replace("title: 서울의 봄 산책\n", "title: 서울의 봄 산책 (updated)\n")
                .replace("  본 것들.\n", "  본 것들. 그리고\n")
                .replace("이야기입니다.\ntags", "이야기입니다. 끝!\ntags"))
    assert path.read_text(encoding="utf-8") == expected


def test_scrolling_and_tabbing_through_the_form_of_a_post_writes_nothing(window, post, qtbot):
    path = post.parent / "2024-04-02-spring.md"
    open_post(window, qtbot, path, KOREAN_POST)
    form = window.form_panel.form
    wheel_everywhere(form)
    window.form_panel.raw_button.setFocus()
    stops = []
    for _ in range(30):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if not form.isAncestorOf(focused):
            break  # past the form (Tab in the body editor types a tab, as it should)
        stops.append(focused)
        wheel_everywhere(form)
    # Every field once, in the order shown, then out of the form to the body.
    assert focused is window.body_editor
    assert stops[0] is field(window, "layout").edit and stops[1] is field(window, "title").edit
    assert len(stops) == len(set(stops))
    assert not window.session.modified
    assert window.session.document.text == KOREAN_POST
