"""Every piece of text the window shows goes through Qt's translation.

A translator that wraps every source text in ⟦…⟧ is installed before the real
window opens; the menus, the form, the problems panel, the find bar, the
status bar and a dialog are then walked, and any text with words outside the
marks is reported. What may stay unmarked is the writer's own content (keys,
values, file names), numbers and the ids of rules.
"""

from __future__ import annotations

import html
import re

import pytest
from PySide6.QtCore import QCoreApplication, QTimer, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QComboBox, QGroupBox, QLabel, QLineEdit, QMenu, QMessageBox,
    QPlainTextEdit, QTableWidget, QTreeWidget, QWidget,
)

OPEN, CLOSE = "⟦", "⟧"

# No title: the required-field problem marks the form's title row too.
POST = """---
subtitle: ""
date: 2024-03-05 10:00:00 +0900
tags: [python, notes]
draft: false
weight: 3
start: 10:00
image: /assets/images/missing.png
editor: &lead Kim
reviewer: *lead
authors:
  - name: Kim
    url: https://example.com
---

Body text with {% if open %} an unbalanced tag and a second word.
"""

#: The post's own words (keys and values): user content, never translated.
USER_CONTENT = {
    "title", "subtitle", "date", "tags", "start", "draft", "weight", "image", "editor", "reviewer", "authors", "name", "url",
    "Translation check", "python", "notes", "Kim", "lead", "https://example.com", "/assets/images/missing.png",
    "2024-03-05-check.md", "2024-03-05", "+0900",
    # Names of formats, not words.
    "YAML", "TOML", "JSON",
}

#: Accessible names that are ids for tools and tests (camelCase), not sentences.
WIDGET_IDS = {"bodyEditor", "problemsPanel", "preview", "rawFrontMatter", "frontMatterForm", "postsList"}

#: Texts allowed to stay unmarked, each a regex on the whole text (none today:
#: a new entry needs a reason the writer would accept).
KNOWN_UNTRANSLATED: list[str] = []


class MarkingTranslator(QTranslator):
    """Answers every lookup with the source text between marks."""

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802
        return f"{OPEN}{source_text}{CLOSE}" if source_text else source_text

    def isEmpty(self):  # noqa: N802
        return False


def unmarked_words(text: str, allowed=frozenset()) -> str:
    """What is left of `text` with the marked parts, allowed content and
    non-words taken out; "" when everything shown was translated."""
    if not text:
        return ""
    rest = html.unescape(re.sub(r"<[^>]+>", " ", text))
    while True:  # innermost marks first: templates nest filled-in marked parts
        stripped = re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", rest)
        if stripped == rest:
            break
        rest = stripped
    for word in sorted(allowed, key=len, reverse=True):
        rest = rest.replace(word, " ")
    rest = rest.replace("&", "")  # mnemonics
    return rest.strip() if re.search(r"[^\W\d_]", rest) else ""


def texts_of(widget: QWidget):
    """(where, text) for every piece of UI text a widget shows."""
    name = f"{type(widget).__name__}#{widget.objectName()}"
    yield name + ".toolTip", widget.toolTip()
    yield name + ".accessibleName", widget.accessibleName()
    yield name + ".accessibleDescription", widget.accessibleDescription()
    yield name + ".whatsThis", widget.whatsThis()
    if widget.isWindow():
        yield name + ".windowTitle", widget.windowTitle().replace("[*]", "")
    if isinstance(widget, QLabel):
        yield name + ".text", widget.text()
    if isinstance(widget, QAbstractButton):
        yield name + ".text", widget.text()
    if isinstance(widget, QLineEdit):
        yield name + ".placeholderText", widget.placeholderText()
    if isinstance(widget, QPlainTextEdit):
        yield name + ".placeholderText", widget.placeholderText()
    if isinstance(widget, QComboBox):
        yield name + ".placeholderText", widget.placeholderText()
    if isinstance(widget, QGroupBox):
        yield name + ".title", widget.title()
    if isinstance(widget, QMenu):
        yield name + ".title", widget.title()
    if isinstance(widget, QMessageBox):
        yield name + ".text", widget.text()
        yield name + ".informativeText", widget.informativeText()
    if isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        for column in range(widget.columnCount()):
            yield f"{name}.header[{column}]", header.text(column)
        for row in range(widget.topLevelItemCount()):
            item = widget.topLevelItem(row)
            for column in range(widget.columnCount()):
                yield f"{name}[{row},{column}].text", item.text(column)
                yield f"{name}[{row},{column}].toolTip", item.toolTip(column)
    if isinstance(widget, QTableWidget):
        for column in range(widget.columnCount()):
            item = widget.horizontalHeaderItem(column)
            yield f"{name}.header[{column}]", item.text() if item is not None else ""
    for action in QWidget.actions(widget):  # (the window keeps its own `actions` namespace)
        yield from texts_of_action(action)


def texts_of_action(action: QAction):
    name = f"QAction#{action.objectName()}"
    yield name + ".text", action.text()
    yield name + ".toolTip", action.toolTip()
    yield name + ".statusTip", action.statusTip()


def untranslated(root: QWidget, allowed=frozenset()) -> list[str]:
    """`where: text` for each text under `root` with words outside the marks."""
    found = []
    widgets = [root, *root.findChildren(QWidget)]
    pieces = [p for w in widgets for p in texts_of(w)]
    pieces += [p for a in root.findChildren(QAction) for p in texts_of_action(a)]
    for where, text in pieces:
        if text in WIDGET_IDS or text.startswith("field:"):
            continue
        if any(re.fullmatch(pattern, text, re.S) for pattern in KNOWN_UNTRANSLATED):
            continue
        if unmarked_words(text, allowed):
            found.append(f"{where}: {text!r}")
    return sorted(set(found))


@pytest.fixture
def marking(qapp):
    translator = MarkingTranslator()
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


@pytest.fixture
def marked_window(marking, qtbot, settings, tmp_path):
    from editor.ui import launch

    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Test site\n", encoding="utf-8")
    path = site / "_posts" / "2024-03-05-check.md"
    path.write_text(POST, encoding="utf-8")
    settings.add_recent(str(path))  # Open Recent shows an entry
    win = launch([str(path)], settings=settings, recovery_dir=tmp_path / "recovery")
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: not win.form_panel.form.held)
    yield win
    win.session.flush()
    win.session.new()
    win.close()
    win.deleteLater()


def test_the_marking_catches_an_untranslated_text(marking, qtbot):
    """The check itself: a plain English text is reported, a translated one is not."""
    root = QWidget()
    qtbot.addWidget(root)
    QLabel("Plain English", root, objectName="plain")
    QLabel(QCoreApplication.translate("Test", "Through translation"), root, objectName="marked")
    QLabel(QCoreApplication.translate("Test", "{n} posts").format(n=12), root)
    QLabel("Kim", root)
    found = untranslated(root, allowed={"Kim"})
    assert found == ["QLabel#plain.text: 'Plain English'"]
    assert unmarked_words(f"<b>{OPEN}Saved {OPEN}3 files{CLOSE}{CLOSE}</b> · 42") == ""
    assert unmarked_words(f"{OPEN}Line {{line}}{CLOSE} and more") == "and more"


def test_every_visible_text_of_the_window_is_translated(marked_window, qtbot):
    win = marked_window
    allowed = set(USER_CONTENT) | {win.session.path and str(win.session.path)}
    # The keys as the form names their fields for screen readers ("Title").
    allowed |= {word[:1].upper() + word[1:] for word in USER_CONTENT}
    # The menus: Open Recent is refilled when it opens.
    for menu in win.menuBar().findChildren(QMenu):
        menu.aboutToShow.emit()
    # The panes and the find bar, with a search that counts matches.
    win.actions.show_problems.setChecked(True)
    win.actions.show_form.setChecked(True)
    win.find_bar.open_bar(True)
    win.find_bar.find_edit.setText("word")
    win.find_bar.find()
    # The problems panel: the unbalanced Liquid tag in the body is a diagnostic.
    problems = win.problems_panel
    qtbot.waitUntil(lambda: problems.topLevelItemCount() > 0, timeout=10000)
    allowed |= {str(d.rule) for d in problems.diagnostics}
    win.status.update_counts()
    win.status.show_position(3, 7)

    # The amber line under `start: 10:00`, which YAML 1.1 reads as a number.
    hints = [label.text() for label in win.findChildren(QLabel, "readingHintText")]
    assert any("600" in text for text in hints), hints

    found = untranslated(win, frozenset(allowed))
    assert found == [], "\n".join(found)


def test_a_dialog_shows_only_translated_text(marked_window, qtbot):
    from editor.ui import dialogs

    win = marked_window
    problems = win.problems_panel
    qtbot.waitUntil(lambda: problems.topLevelItemCount() > 0, timeout=10000)
    found: list[list[str]] = []

    def inspect():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, inspect)
            return
        found.append(untranslated(box, frozenset(USER_CONTENT)))
        box.reject()

    QTimer.singleShot(0, inspect)
    errors = [d for d in problems.diagnostics if str(getattr(d.severity, "value", d.severity)) == "error"]
    dialogs.confirm_save_with_errors(win, errors or problems.diagnostics)
    assert found == [[]]


def test_the_change_banner_and_the_compare_dialog_show_only_translated_text(marking, qtbot):
    from editor.core.disk.merge import merge
    from editor.ui.disk.change_banner import ChangeBanner
    from editor.ui.disk.diff_view import DiffDialog

    banner = ChangeBanner()
    qtbot.addWidget(banner)
    banner.show_changed("2024-03-05-check.md")
    assert untranslated(banner, frozenset(USER_CONTENT)) == []
    banner.show_deleted("2024-03-05-check.md")
    assert untranslated(banner, frozenset(USER_CONTENT)) == []
    base, mine, disk = ("---\ntitle: a\n---\nbody\n", "---\ntitle: b\n---\nbody\n",
                        "---\ntitle: a\n---\nnew body\n")
    merged = merge(base, mine, disk)
    assert merged is not None  # the dialog offers the merge, with its note
    dialog = DiffDialog("2024-03-05-check.md", mine, disk, merged)
    qtbot.addWidget(dialog)
    found = untranslated(dialog, frozenset(USER_CONTENT))
    assert found == [], "\n".join(found)


def test_the_window_title_and_the_note_after_a_save_are_translated(marked_window, qtbot):
    win = marked_window
    title = win.windowTitle().replace("[*]", "")
    assert title.startswith(OPEN) and title.endswith(CLOSE), title
    allowed = frozenset(USER_CONTENT | {str(win.session.path.parent)})
    assert unmarked_words(title, allowed) == ""
    win.body_editor.appendPlainText("One more line.")

    def save_anyway():  # the post has errors: the window asks first
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, save_anyway)
            return
        box.findChild(QAbstractButton, "saveAnywayButton").click()

    QTimer.singleShot(0, save_anyway)
    assert win.save()
    message = win.statusBar().currentMessage()
    assert "2024-03-05-check.md" in message
    assert message.startswith(OPEN) and unmarked_words(message, allowed) == "", message
