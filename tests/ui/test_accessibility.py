"""Every input of the window has a human-readable accessible name (its own,
or its label's), and Tab goes through the window in the order of its layout.

The focus chain is walked as the keyboard walks it (QWidget.nextInFocusChain
from the first field until it comes back), and each name is the one Qt's
accessibility interface gives a screen reader (QAccessibleInterface.text),
which counts a buddy label and a button's text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QComboBox, QDockWidget, QWidget

from editor.ui.settings import Settings

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "site"
# Many field kinds: text, date, lists, a folded block, an object with an image, a switch.
POST = "_posts/2024-03-15-hello-galley.md"

# What a code id looks like: camelCase, snake_case, `field:title`, `row:…`.
_CODE_ID = re.compile(r"[a-z]+(?:[A-Z][a-z0-9]*)+|[a-z0-9]+(?:_[a-z0-9]+)+|\w+:\S+")


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader says for `widget`: its accessible name, else
    what Qt's accessibility gives (a buddy label's text, a button's text).
    (A combo box's accessible text on Linux is its current value; its name is
    the property, or the label related to it.)"""
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None or isinstance(widget, QComboBox):
        return ""
    return iface.text(QAccessible.Text.Name).strip()


def is_code_id(name: str, widget: QWidget) -> bool:
    return name == widget.objectName() or bool(_CODE_ID.fullmatch(name))


def tab_stop(widget: QWidget, root: QWidget) -> bool:
    return (widget.isVisibleTo(root) and widget.isEnabled() and widget.window() is root
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None)


def focus_chain(root: QWidget, start: QWidget) -> list[QWidget]:
    """The tab stops from `start` round to `start` again (asserting it comes back)."""
    chain, widget = [], start
    for _ in range(5000):
        if tab_stop(widget, root):
            chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start:
            return chain
    raise AssertionError("the focus chain does not come back to where it started")


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__}(objectName={widget.objectName()!r}, name={spoken_name(widget)!r})"


def unnamed(chain: list[QWidget]) -> list[str]:
    return [describe(w) for w in chain if not spoken_name(w) or is_code_id(spoken_name(w), w)]


def top_of(widget: QWidget, root: QWidget) -> int:
    return widget.mapTo(root, widget.rect().topLeft()).y()


@pytest.fixture
def example_window(qtbot, tmp_path):
    from editor.ui import launch

    shutil.copytree(EXAMPLE, tmp_path / "site")
    win = launch([str(tmp_path / "site" / POST)], settings=Settings.at(tmp_path / "settings.ini"),
                 recovery_dir=tmp_path / "recovery")
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: not win.form_panel.form.held)
    qtbot.waitUntil(lambda: win.preview is not None and win.preview.ready, timeout=30000)
    yield win
    win.session.new()
    win.close()
    win.deleteLater()


def first_field(window) -> QWidget:
    return window.findChild(QWidget, "field:layout").focusProxy()


def open_every_pane(window, qtbot) -> None:
    window.show_posts_list()
    window.actions.outline.setChecked(True)
    window.show_site_search()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "searchDock") is not None)
    qtbot.waitUntil(lambda: all(d.isVisible() for d in window.findChildren(QDockWidget)))


def inside(widget: QWidget, name: str) -> bool:
    """Whether `widget` is (in) the child of the window named `name`."""
    while widget is not None:
        if widget.objectName() == name:
            return True
        widget = widget.parentWidget()
    return False


def test_every_tab_stop_of_the_window_has_a_name(example_window, qtbot):
    window = example_window
    open_every_pane(window, qtbot)
    chain = focus_chain(window, first_field(window))
    names = [spoken_name(w) for w in chain]
    # The form's fields by their labels, the panes by what they are.
    for expected in ("Title", "Date", "Tags", "Excerpt", "Image", "Caption", "Toc", "Post text",
                     "Preview", "Problems", "Filter posts", "Posts of the site", "Outline",
                     "Search the site for", "Search results"):
        assert expected in names, (expected, names)
    assert not unnamed([w for w in chain if not inside(w, "findReplace")])


def test_no_widget_is_named_by_a_code_id(example_window, qtbot):
    window = example_window
    open_every_pane(window, qtbot)
    window.form_panel.set_raw(True)
    named = [w for w in window.findChildren(QWidget) if w.accessibleName()]
    assert len(named) > 20
    assert [describe(w) for w in named if is_code_id(w.accessibleName(), w)] == []


def test_the_raw_editor_and_the_preview_page_have_names(example_window, qtbot):
    window = example_window
    window.form_panel.set_raw(True)
    qtbot.waitUntil(lambda: window.form_panel.raw.isVisible())
    chain = focus_chain(window, window.body_editor)
    assert window.form_panel.raw in chain
    assert spoken_name(window.form_panel.raw) == "Front matter as text"
    assert spoken_name(window.preview.focusProxy()) == "Preview"
    assert not unnamed([w for w in chain if not inside(w, "findReplace")])


def test_the_find_bar_has_names(example_window, qtbot):
    window = example_window
    window.find_bar.show()
    qtbot.waitUntil(lambda: window.find_bar.isVisible())
    chain = focus_chain(window, first_field(window))
    bar = [w for w in chain if inside(w, "findReplace")]
    assert bar and not unnamed(bar)


def test_tab_follows_the_layout_and_comes_back(example_window, qtbot):
    window = example_window
    open_every_pane(window, qtbot)
    start = first_field(window)
    chain = focus_chain(window, start)  # (raises unless it comes back to the start)
    form = [w for w in chain if inside(w, "frontMatterForm")]
    # The form top to bottom (a row's boxes left to right).
    places = [(top_of(w, window), w.mapTo(window, w.rect().topLeft()).x()) for w in form]
    assert [p[0] for p in places] == sorted(p[0] for p in places), [describe(w) for w in form]
    # Then the body, the preview, the problems under them: one after another.
    order = [chain.index(w) for w in (form[-1], window.body_editor, window.preview.focusProxy(),
                                      window.problems_panel)]
    assert order == sorted(order) and order[-1] - order[0] == 3, [describe(w) for w in chain]
    # Each dock's stops are together: Tab does not leave a pane and come back.
    for dock in window.findChildren(QDockWidget):
        at = [i for i, w in enumerate(chain) if dock.isAncestorOf(w)]
        assert at and at == list(range(at[0], at[0] + len(at))), dock.objectName()
    # And Tab really moves that way.
    start.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    for expected in chain[1:6]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected


# ------------------------------------------------------------ dialogs
def dialog_stops(dialog) -> list[QWidget]:
    dialog.show()
    first = dialog.focusWidget() or next(w for w in dialog.findChildren(QWidget) if tab_stop(w, dialog))
    return focus_chain(dialog, first)


def test_site_dialogs_have_names(example_window, qtbot):
    from editor.ui.site.new_post_dialog import NewPostDialog

    window = example_window
    new_post = NewPostDialog(window)
    qtbot.addWidget(new_post)
    assert not unnamed(dialog_stops(new_post))
    window.show_tags_manager()
    tags = window.site_tools["tags"]
    assert not unnamed(dialog_stops(tags))
    tags.close()


def test_the_compare_dialog_has_names(qtbot):
    from editor.ui.disk.diff_view import DiffDialog

    dialog = DiffDialog("post.md", "mine\n", "disk\n", None)
    qtbot.addWidget(dialog)
    assert not unnamed(dialog_stops(dialog))


def test_the_recovery_dialog_has_names(qtbot, tmp_path):
    from editor.core.disk.recovery import RecoveryStore
    from editor.ui.disk.recovery_dialog import RecoveryDialog

    store = RecoveryStore(tmp_path / "recovery")
    dialog = RecoveryDialog(store, [], None)
    qtbot.addWidget(dialog)
    assert not unnamed(dialog_stops(dialog))


@pytest.mark.parametrize("module, name", [("editor.ui.preferences.dialog", "PreferencesDialog"),
                                          ("editor.ui.help.shortcuts", "ShortcutsDialog")])
def test_the_window_dialogs_have_names(example_window, qtbot, module, name):
    dialog_class = getattr(pytest.importorskip(module), name)
    dialog = dialog_class(example_window)
    assert not unnamed(dialog_stops(dialog))
    dialog.close()
