"""The mouse wheel over the form scrolls it; it changes a box only while that box has focus.

Real wheel events, delivered as the window system delivers them
(QTest.wheelEvent: to whatever is under the pointer, passed on to the
parents while ignored), over every kind of box in a scrolling form.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QVBoxLayout, QWidget

from editor.ui.front_matter.field_widgets import make_field_widget
from tests.ui.field_harness import CHOICES, FIELD_TYPES, KOREAN_JEKYLL, Bound

# Every kind of box, the ones that step with the wheel marked.
KINDS = {
    "title": False, "feature_text": False, "rating": True, "date": True, "last_modified_at": True,
    "tags": False, "category": True, "published": False, "image.path": False,
}
ABSENT = {"sleep": "number", "when": "datetime", "mood": "choice"}


@pytest.fixture
def form(qtbot, tmp_path):
    """A scrolling column of bound field widgets, shorter than its content."""
    path = tmp_path / "2021-05-10-seoul.md"
    path.write_bytes(KOREAN_JEKYLL.encode("utf-8"))
    area = QScrollArea()
    area.setWidgetResizable(True)
    page = QWidget()
    column = QVBoxLayout(page)
    bound = {}
    for key in list(KINDS) + list(ABSENT):
        ftype = FIELD_TYPES.get(key) or ABSENT[key]
        choices = CHOICES.get(key) or (("calm", "busy") if key == "mood" else ())
        b = Bound(path, key, ftype, choices=choices)
        b.widget.setParent(None)
        column.addWidget(b.widget)
        column.addSpacing(40)
        bound[key] = b
    area.setWidget(page)
    area.resize(420, 260)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    area.activateWindow()
    qtbot.waitUntil(lambda: area.isActiveWindow())
    if QApplication.focusWidget() is not None:  # activation focuses the first box
        QApplication.focusWidget().clearFocus()
    return area, bound


def box_of(b):
    """The box the wheel is over: the widget's focus proxy (its input)."""
    return b.widget.focusProxy()


def roll(area, widget, notches: int) -> None:
    """Roll the wheel with the pointer over the middle of `widget`."""
    area.ensureWidgetVisible(widget, 0, 0)
    QApplication.processEvents()
    centre = widget.mapTo(area, QPoint(widget.width() // 2, widget.height() // 2))
    QTest.wheelEvent(area.windowHandle(), QPointF(centre), QPoint(0, 120 * notches))
    QApplication.processEvents()


def shown(b) -> str:
    box = box_of(b)
    if hasattr(box, "currentText"):
        return f"{box.currentIndex()}:{box.currentText()}"
    if hasattr(box, "isChecked"):
        return str(box.isChecked())
    return box.toPlainText() if hasattr(box, "toPlainText") else box.text()


@pytest.mark.parametrize("key", list(KINDS) + list(ABSENT))
def test_the_wheel_over_an_unfocused_box_scrolls_the_form_and_writes_nothing(form, key):
    area, bound = form
    b = bound[key]
    bar = area.verticalScrollBar()
    assert bar.maximum() > 200  # the column is much taller than the view
    for direction in (-1, 1, -1):
        roll(area, box_of(b), 0)  # bring it into view first
        before_scroll, before = bar.value(), shown(b)
        roll(area, box_of(b), direction)
        assert shown(b) == before
        assert bar.value() != before_scroll or bar.value() in (0, bar.maximum())
        assert b.sent == [] and b.bytes == b.original
    assert QApplication.focusWidget() is None  # the wheel gave no box focus


def test_some_rolls_scroll_every_kind_of_box_away(form):
    """Not only 'did not change': the form really moved under each box."""
    area, bound = form
    bar = area.verticalScrollBar()
    for key, b in bound.items():
        bar.setValue(bar.maximum() // 2)
        QApplication.processEvents()
        if not area.viewport().rect().contains(box_of(b).mapTo(area.viewport(), QPoint(2, 2))):
            area.ensureWidgetVisible(box_of(b), 0, 0)
        start = bar.value()
        centre = box_of(b).mapTo(area, QPoint(box_of(b).width() // 2, 4))
        QTest.wheelEvent(area.windowHandle(), QPointF(centre), QPoint(0, -120))
        QApplication.processEvents()
        assert bar.value() > start or start == bar.maximum(), key


@pytest.mark.parametrize("key", [k for k, steps in KINDS.items() if steps] + list(ABSENT))
def test_the_wheel_changes_a_box_that_has_focus(form, qtbot, key):
    area, bound = form
    b = bound[key]
    box = box_of(b)
    area.ensureWidgetVisible(box, 0, 0)
    if hasattr(box, "currentText"):  # (a click would open the combo's list) Tab to it
        box.setFocus(Qt.FocusReason.TabFocusReason)
    else:
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(4, box.height() // 2))
    qtbot.waitUntil(box.hasFocus)
    bar = area.verticalScrollBar()
    start, before = bar.value(), shown(b)
    roll(area, box, -1)
    assert shown(b) != before
    assert b.sent and b.bytes != b.original
    assert bar.value() == start  # the box took the event; the form stayed


@pytest.mark.parametrize("key", ["title", "tags", "feature_text"])
def test_the_wheel_over_a_focused_text_box_changes_no_text(form, qtbot, key):
    area, bound = form
    b = bound[key]
    box = box_of(b)
    area.ensureWidgetVisible(box, 0, 0)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    before = shown(b)
    roll(area, box, -1)
    assert shown(b) == before and b.sent == []


def test_tabbing_through_every_box_writes_nothing(form, qtbot):
    area, bound = form
    first = box_of(bound["title"])
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    seen = set()
    for _ in range(30):
        widget = QApplication.focusWidget()
        seen.add(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert {box_of(b) for b in bound.values()} <= seen
    for b in bound.values():
        assert b.sent == [] and b.bytes == b.original


def test_number_date_and_choice_boxes_take_focus_only_from_click_or_tab():
    for ftype, kwargs in (("number", {}), ("datetime", {}), ("choice", {"choices": ("a", "b")})):
        widget = make_field_widget("k", ftype, None, **kwargs)
        assert widget.focusProxy().focusPolicy() == Qt.FocusPolicy.StrongFocus
        widget.deleteLater()
