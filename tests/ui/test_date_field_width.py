"""A whole date-time with its zone is never cut beside its label: in a
narrow form the label goes above the box; narrower still, nothing scrolls
sideways and the box's tooltip has the whole value."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect

from tests.ui.test_form_fields import field, open_post

ISO = "2016-12-03T01:02:26+09:00"


def _form_width(window, qtbot, width: int) -> int:
    """Make the form pane `width` wide (or its narrowest); its width then."""
    sizes = window.panes.sizes()
    window.panes.setSizes([width, sum(sizes) - width - sizes[2], sizes[2]])
    qtbot.waitUntil(lambda: window.form_panel.width() == window.panes.sizes()[0], timeout=5000)
    return window.form_panel.width()


def _label(window, key):
    return window.form_panel.form._labels[(key,)]


def _rect(window, widget) -> QRect:
    """The widget's rectangle in the window's coordinates."""
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _open(window, qtbot, post):
    open_post(window, qtbot, post.parent / "2016-12-03-iso.md",
              f"---\ntitle: ISO\ndate: {ISO}\ncategories: [a]\n---\n본문\n")
    qtbot.waitUntil(lambda: field(window, "date") is not None and field(window, "date").edit.text() == ISO)
    return field(window, "date")


def test_the_whole_date_shows_in_a_narrow_form(window, post, qtbot):
    date = _open(window, qtbot, post)
    form = window.form_panel.form
    # Too narrow for label and whole date side by side, wide enough for the date alone.
    assert _form_width(window, qtbot, 280) == 280
    qtbot.waitUntil(lambda: date.edit.width() >= date.text_width(), timeout=5000)
    assert _rect(window, _label(window, "date")).bottom() <= _rect(window, date).top() + 2  # the label above
    assert date.edit.toolTip() == ""
    assert form.horizontalScrollBar().maximum() == 0
    # The caret at the end is left of the clear button: nothing of the text is hidden.
    date.edit.setCursorPosition(len(ISO))
    assert date.edit.cursorRect().right() <= date.edit.width() - 16


def test_a_wide_form_keeps_the_label_beside_the_date(window, post, qtbot):
    date = _open(window, qtbot, post)
    _form_width(window, qtbot, 520)
    qtbot.waitUntil(lambda: date.edit.width() >= date.text_width(), timeout=5000)
    label, box = _rect(window, _label(window, "date")), _rect(window, date)
    assert abs(label.center().y() - box.center().y()) <= 6
    assert label.right() < box.left()


def test_narrower_than_the_date_it_shows_the_beginning_and_a_tooltip(window, post, qtbot):
    date = _open(window, qtbot, post)
    form = window.form_panel.form
    assert _form_width(window, qtbot, 150) < date.text_width()  # the pane's narrowest
    qtbot.waitUntil(lambda: form.widget().width() <= form.viewport().width(), timeout=5000)
    assert form.horizontalScrollBar().maximum() == 0
    qtbot.waitUntil(lambda: date.edit.toolTip() == ISO, timeout=5000)
    assert date.edit.cursorPosition() == 0
    # Wider again: the whole date fits, the tooltip goes.
    _form_width(window, qtbot, 300)
    qtbot.waitUntil(lambda: date.edit.toolTip() == "", timeout=5000)
