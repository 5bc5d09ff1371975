"""The form's structure: which rows a post gets, updates in place, nested data.

Driven through the real window, the way a person does: clicks, QTest keys,
IME commits for Korean, Tab, wheel events; asserting on the document text and
on the bytes saved.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.conftest import commit_text, type_text

# The shape of the posts the issue names: a plain Korean title, a folded
# excerpt and a two-paragraph Markdown feature_text.
KOREAN_POST = """---
layout: post
title: 서울의 봄 산책
date: 2024-04-02 09:30:00 +0900
excerpt: >
  봄날 서울을 걸으며
  본 것들.
feature_text: >
  첫 문단은 **벚꽃** 이야기입니다.

  둘째 문단은 [한강](https://example.com) 이야기입니다.
tags: [여행, 서울]
---

본문입니다.
"""

# One unrelated post with many keys of its own: none of them belongs on the
# form of the post above.
UNRELATED = """---
title: Settings dump
sleep: 3
when: 2020-01-01
rating: 4.5
mood: calm
hero: /img/h.png
gallery_layout: grid
show_toc: true
series: old
canonical_url: https://example.com/x
lang: en
weight: 7
---
x
"""


def field(window, key):
    return window.form_panel.form.widget_for(key)


def top_keys(window) -> list:
    return [row.path[0] for row in window.form_panel.form._rows.order]


def open_post(window, qtbot, path, text):
    path.write_text(text, encoding="utf-8")
    assert window.open_path(path, ask=False)
    root = path.parent.parent.resolve()
    qtbot.waitUntil(lambda: window.services.site.context.root == root, timeout=10000)
    qtbot.waitUntil(lambda: field(window, "title") is not None)


@pytest.fixture
def korean(window, post, qtbot):
    (post.parent / "2023-01-01-unrelated.md").write_text(UNRELATED, encoding="utf-8")
    # The site was indexed when the window opened, before that post existed: drop
    # the cached index as the file watcher would, without waiting for the watcher.
    window.services.site.forget(post.parent.parent.resolve())
    path = post.parent / "2024-04-02-spring.md"
    open_post(window, qtbot, path, KOREAN_POST)
    qtbot.waitUntil(lambda: "sleep" in window.form_panel.form._add.keys(), timeout=10000)
    return path


def wheel_over(widget: QWidget, steps: int = 3) -> None:
    center = QPointF(widget.rect().center())
    for _ in range(steps):
        for delta in (120, -120):
            event = QWheelEvent(center, QPointF(widget.mapToGlobal(center)), QPoint(0, 0), QPoint(0, delta),
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                Qt.ScrollPhase.NoScrollPhase, False)
            QApplication.sendEvent(widget, event)


def test_a_typical_post_shows_its_own_keys_in_file_order_and_nothing_from_other_posts(window, korean):
    form = window.form_panel.form
    keys = top_keys(window)
    own = ["layout", "title", "date", "excerpt", "feature_text", "tags"]
    assert keys[:6] == own
    assert not set(keys) & {"sleep", "when", "rating", "mood", "hero", "gallery_layout", "show_toc",
                            "series", "canonical_url", "lang", "weight"}
    assert len(keys) <= 8
    # Every row after the post's own is an absent field the schema suggests, dimmed.
    for row in form._rows.order[6:]:
        assert not row.present and not row.label.isEnabled()
    # The two-paragraph Markdown value gets a multi-line box, not a one-line one.
    assert type(field(window, "feature_text")).__name__ == "TextField"
    # Every other key known on the site is one "Add field…" away.
    assert {"sleep", "when", "rating"} <= set(form._add.keys())
    assert "title" not in form._add.keys()


def test_add_field_completion_shows_each_keys_type_and_how_many_posts_use_it(window, korean, qtbot):
    form = window.form_panel.form
    texts = [form._add.model.item(i).text() for i in range(form._add.model.rowCount())]
    sleep = next(t for t in texts if t.startswith("sleep "))
    assert sleep == "sleep — number · 1 post"


def test_an_added_number_shows_empty_and_nothing_is_written_until_a_value(window, korean, qtbot):
    form = window.form_panel.form
    before = window.session.document.text
    qtbot.mouseClick(form._add.button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form._add.edit, "sleep")
    qtbot.keyClick(form._add.edit, Qt.Key.Key_Return)
    sleep = field(window, "sleep")
    assert sleep is not None and sleep.focusProxy().hasFocus()
    assert sleep.edit.text() == ""  # absent: empty, never 0
    qtbot.keyClick(sleep.edit, Qt.Key.Key_Tab)
    assert window.session.document.text == before
    sleep.edit.setFocus()
    qtbot.keyClicks(sleep.edit, "5")
    assert window.session.document.get("sleep") == 5
    assert window.session.document.text.endswith("tags: [여행, 서울]\nsleep: 5\n---\n\n본문입니다.\n")


def test_typing_into_an_added_field_then_deleting_it_leaves_the_file_as_it_was(window, korean, qtbot):
    form = window.form_panel.form
    doc = window.session.document
    before = doc.text
    qtbot.mouseClick(form._add.button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form._add.edit, "subtitle")
    qtbot.keyClick(form._add.edit, Qt.Key.Key_Return)
    subtitle = field(window, "subtitle")
    type_text(qtbot, subtitle.edit, "부제 a")
    assert doc.get("subtitle") == "부제 a"
    for _ in range(4):
        qtbot.keyClick(subtitle.edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(subtitle.edit, Qt.Key.Key_Tab)
    assert doc.text == before
    assert field(window, "subtitle") is not None  # the row stays, to be filled again


def test_viewing_tabbing_through_and_scrolling_the_form_never_writes(window, korean, qtbot):
    form = window.form_panel.form
    doc = window.session.document
    # One box of every kind: number, date, boolean, choice, list, object, list of maps.
    (korean.parent.parent / "galley.toml").write_text(
        '[fields.title]\ntype = "string"\n[fields.status]\ntype = "choice"\nchoices = ["draft", "done"]\n',
        encoding="utf-8")
    path = korean.parent / "2024-04-03-kinds.md"
    open_post(window, qtbot, path, "---\ntitle: 모든 종류\nsleep: 3\nrating: 4.5\nwhen: 2020-01-01\n"
                                   "show_toc: true\nstatus: draft\ntags: [a, b]\n"
                                   "image:\n  src: /a.png\n  alt: 그림\n"
                                   "authors:\n  - name: 김\n  - name: 이\n---\n본문\n")
    qtbot.waitUntil(lambda: type(field(window, "status")).__name__ == "ChoiceField", timeout=10000)
    revision, text = doc.revision, doc.text
    boxes = [w for w in form.widget().findChildren(QWidget) if w.isVisible()]
    for w in boxes:  # the wheel over every box, none focused
        wheel_over(w)
    wheel_over(form.viewport())
    assert doc.revision == revision and doc.text == text
    # Tab through every field (and wheel over each while it has focus is the
    # widgets' business: here only focus moves).
    first = field(window, "title").focusProxy()
    first.setFocus()
    seen = []
    while form.isAncestorOf(QApplication.focusWidget()) and len(seen) < 60:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert doc.revision == revision and doc.text == text
    assert not window.session.modified
    # Tab order follows the rows as shown: every field is reached in form order.
    order = [field(window, k).focusProxy() for k in
             ("sleep", "rating", "when", "show_toc", "status", "tags", "image.src", "image.alt",
              "authors.0.name", "authors.1.name")]
    reached = [seen.index(w) for w in order]
    assert reached == sorted(reached)


def test_the_schema_arriving_while_typing_keeps_focus_caret_selection_and_every_character(
        window, post, qtbot, tmp_path):
    """A new site: its index runs on a thread and its context arrives by a
    queued signal, so typing before the event loop runs again is typing
    while the schema is still loading."""
    site = tmp_path / "other-site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Other\n", encoding="utf-8")
    (site / "galley.toml").write_text(
        '[fields.title]\ntype = "string"\nrequired = true\n'
        '[fields.subtitle]\ntype = "string"\nrequired = true\ndescription = "한 줄 부제"\n', encoding="utf-8")
    path = site / "_posts" / "2024-05-01-loading.md"
    path.write_text("---\ntitle: 봄\nlayout: post\n---\n본문\n", encoding="utf-8")
    form = window.form_panel.form
    assert window.open_path(path, ask=False)
    loader = window.services.site
    assert loader.context.root != site.resolve()  # still loading
    title = field(window, "title")
    edit = title.edit
    edit.setFocus()
    edit.end(False)
    type_text(qtbot, edit, " 산책")
    qtbot.keyClick(edit, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert loader.context.root != site.resolve()  # all of that happened before the schema
    caret, selection = edit.cursorPosition(), (edit.selectionStart(), edit.selectedText())
    with qtbot.waitSignal(form.rebuilt, timeout=10000):  # the schema adds the `subtitle` row
        pass
    assert loader.context.root == site.resolve()
    assert field(window, "subtitle") is not None
    assert field(window, "title") is title and title.edit is edit and edit.hasFocus()
    assert edit.cursorPosition() == caret and (edit.selectionStart(), edit.selectedText()) == selection
    commit_text(edit, "길")  # replaces the selected "산책"
    qtbot.keyClicks(edit, "!")
    assert window.session.document.text == "---\ntitle: 봄 길!\nlayout: post\n---\n본문\n"


def test_a_raw_edit_updates_the_form_in_place(window, korean, qtbot):
    form = window.form_panel.form
    title, tags = field(window, "title"), field(window, "tags")
    doc = window.session.document
    doc.set_front_matter_text(doc.front_matter_text.replace("layout: post\n", "") + "subtitle: 새 부제\n")
    assert "layout" not in top_keys(window) and top_keys(window)[5] == "subtitle"
    assert field(window, "title") is title and field(window, "tags") is tags
    assert field(window, "subtitle").edit.text() == "새 부제"
    assert form.findChild(QWidget, "field:layout") is None or not form.findChild(QWidget, "field:layout").isVisible()


def test_a_list_of_maps_edits_adds_and_removes_items(window, post, qtbot):
    path = post.parent / "2024-04-04-authors.md"
    open_post(window, qtbot, path, "---\ntitle: 여럿이 쓴 글\nauthors:\n  - name: 김\n    url: https://a.kr\n"
                                   "  - name: 이\n---\n본문\n")
    doc = window.session.document
    form = window.form_panel.form
    name = field(window, "authors.1.name")
    name.edit.setFocus()
    name.edit.end(False)
    commit_text(name.edit, "철수")
    assert doc.get(("authors", 1, "name")) == "이철수"
    assert "  - name: 이철수\n" in doc.text
    before = doc.text
    group = form.findChild(QWidget, "field:authors")
    qtbot.mouseClick(group.findChild(QWidget, "addItemButton"), Qt.MouseButton.LeftButton)
    new_name = field(window, "authors.2.name")
    assert new_name is not None and field(window, "authors.2.url") is not None
    assert new_name.edit.hasFocus() and doc.text == before  # nothing written yet
    commit_text(new_name.edit, "박")
    assert doc.get("authors")[2] == {"name": "박"}
    assert field(window, "authors.2.name") is new_name  # the same box, now a real item
    qtbot.keyClicks(field(window, "authors.2.url").edit, "https://c.kr")
    assert doc.get("authors")[2] == {"name": "박", "url": "https://c.kr"}
    first = form.findChild(QWidget, "item:authors.0")
    before_removal = doc.text
    qtbot.mouseClick(first.findChild(QWidget, "removeItemButton"), Qt.MouseButton.LeftButton)
    assert [a["name"] for a in doc.get("authors")] == ["이철수", "박"]
    # Only the removed item's lines go: the others keep their text.
    assert doc.text == before_removal.replace("  - name: 김\n    url: https://a.kr\n", "")
    assert field(window, "authors.0.name").edit.text() == "이철수"
    assert field(window, "authors.2.name") is None


def test_a_nested_map_shows_absent_schema_subfields_dimmed_and_writing_one_creates_it(window, post, qtbot):
    (post.parent.parent / "galley.toml").write_text(
        '[fields.title]\ntype = "string"\n[fields.image]\ntype = "object"\nrequired = true\n'
        '[fields.image.fields.src]\ntype = "string"\n[fields.image.fields.alt]\ntype = "string"\n'
        'description = "What the image shows"\n', encoding="utf-8")
    path = post.parent / "2024-04-05-image.md"
    open_post(window, qtbot, path, "---\ntitle: 그림 없음\n---\n본문\n")
    qtbot.waitUntil(lambda: field(window, "image.alt") is not None, timeout=10000)
    alt = field(window, "image.alt")
    assert not window.form_panel.form._labels[("image", "alt")].isEnabled()
    alt.edit.setFocus()
    commit_text(alt.edit, "강아지")
    assert window.session.document.text == "---\ntitle: 그림 없음\nimage:\n  alt: 강아지\n---\n본문\n"
    assert field(window, "image.alt") is alt and alt.edit.hasFocus()
    assert window.form_panel.form._labels[("image", "alt")].isEnabled()


def test_a_row_whose_kind_changes_under_focus_is_replaced_once_focus_leaves(window, korean, qtbot):
    """The site's schema changes while the writer types in a field (its
    galley.toml now says `title` is multi-line text): the box stays until
    focus leaves it. The schema comes the app's own way, from the site's files
    (a schema set by hand could be overtaken by the live index at any time)."""
    root = korean.parent.parent.resolve()
    title = field(window, "title")
    title.edit.setFocus()
    title.edit.end(False)
    qtbot.keyClicks(title.edit, " x")
    caret = title.edit.cursorPosition()
    (root / "galley.toml").write_text('[fields.title]\ntype = "text"\n', encoding="utf-8")
    window.services.site.refresh(root)
    qtbot.waitUntil(lambda: getattr(window.services.site.context.schema.field("title"), "type", "") == "text",
                    timeout=10000)  # (the form applies it in the same call: contextReady)
    assert field(window, "title") is title and title.edit.hasFocus() and title.edit.cursorPosition() == caret
    window.body_editor.setFocus()
    qtbot.waitUntil(lambda: type(field(window, "title")).__name__ == "TextField")
    assert field(window, "title").edit.toPlainText() == "서울의 봄 산책 x"


def test_the_sites_tags_reach_a_focused_tags_box_without_replacing_it(window, post, qtbot, tmp_path):
    """The vocabulary comes with the site's index, after the first rows: the box
    the writer is typing in gets it in place, caret and text kept."""
    site = tmp_path / "tagged-site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Tags\n", encoding="utf-8")
    (site / "_posts" / "2024-01-01-old.md").write_text(
        "---\ntitle: 옛 글\ntags: [쿠버네티스, kubernetes]\n---\n본문\n", encoding="utf-8")
    path = site / "_posts" / "2024-05-01-new.md"
    path.write_text("---\ntitle: 새 글\ntags: [python]\n---\n본문\n", encoding="utf-8")
    assert window.open_path(path, ask=False)
    assert window.services.site.context.root != site.resolve()  # the index is still on its thread
    tags = field(window, "tags")
    tags.edit.setFocus()
    tags.edit.end(False)
    qtbot.keyClicks(tags.edit, ", ku")
    caret = tags.edit.cursorPosition()
    qtbot.waitUntil(lambda: window.services.site.context.root == site.resolve(), timeout=10000)
    qtbot.waitUntil(lambda: "kubernetes" in tags._completer.model().stringList())
    assert field(window, "tags") is tags and tags.edit.hasFocus() and tags.edit.cursorPosition() == caret
    assert "쿠버네티스" in tags._completer.model().stringList()
    qtbot.keyClicks(tags.edit, "be")
    assert window.session.document.get("tags") == ["python", "kube"]
