"""The tags manager and site-wide search in the real window, on real files."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import KOREAN_POST

OTHER = b"---\r\ntitle: Other\r\ntags:\r\n  - python   # lang\r\n  - web\r\n---\r\nMore \xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 text.\r\n"


def _site_ready(qtbot, window, post):
    other = post.parent / "2024-01-01-other.md"
    other.write_bytes(OTHER)
    site = window.services.site
    qtbot.waitUntil(lambda: site.current is not None and site.current.site is not None
                    and any(s.path.name == other.name for s in site.current.summaries), timeout=15000)
    return other


def test_rename_a_tag_preview_apply_and_undo(qtbot, window, post):
    other = _site_ready(qtbot, window, post)
    window.actions.tags.trigger()
    dialog = window.site_tools["tags"]
    qtbot.waitUntil(lambda: dialog.choose("tags", "python"))
    assert [dialog.terms.currentItem().text(i) for i in range(3)] == ["python", "2", "tags"]
    dialog.new_name.setText("py")
    with qtbot.waitSignal(dialog.planned, timeout=15000):
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    rows = sorted(tuple(dialog.changes.topLevelItem(i).text(c) for c in range(3))
                  for i in range(dialog.changes.topLevelItemCount()))
    assert rows == [("_posts/2024-01-01-other.md", "4", "- python   # lang  →  - py   # lang"),
                    ("_posts/2024-03-05-hello.md", "5", "tags: [python, 개발]  →  tags: [py, 개발]")]
    assert post.read_text(encoding="utf-8") == KOREAN_POST  # nothing written by the preview
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert other.read_bytes() == OTHER.replace(b"- python ", b"- py ")
    assert post.read_text(encoding="utf-8") == KOREAN_POST.replace("[python,", "[py,")
    # The open post had no unsaved edits: it shows the file as now written.
    qtbot.waitUntil(lambda: window.session.document.front_matter["tags"] == ["py", "개발"])
    assert dialog.undo_button.isEnabled()
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert other.read_bytes() == OTHER
    assert post.read_text(encoding="utf-8") == KOREAN_POST
    qtbot.waitUntil(lambda: dialog.choose("tags", "python"))  # the terms follow the site


def test_unsaved_open_post_is_refused(qtbot, window, post):
    other = _site_ready(qtbot, window, post)
    window.body_editor.setPlainText(window.body_editor.toPlainText() + "\nunsaved\n")
    qtbot.waitUntil(lambda: window.session.modified)
    window.actions.tags.trigger()
    dialog = window.site_tools["tags"]
    qtbot.waitUntil(lambda: dialog.choose("tags", "python"))
    dialog.new_name.setText("py")
    with qtbot.waitSignal(dialog.planned, timeout=15000):
        dialog.preview()
    assert "unsaved changes" in dialog.status.text() and str(post) in dialog.status.text()
    dialog.apply()
    assert post.read_text(encoding="utf-8") == KOREAN_POST
    assert other.read_bytes() == OTHER.replace(b"- python ", b"- py ")


def test_site_search_lists_replaces_and_opens(qtbot, window, post):
    other = _site_ready(qtbot, window, post)
    window.actions.site_search.trigger()
    assert window.actions.site_search.shortcut().toString() == "Ctrl+Shift+F"
    pane = window.site_tools["search"].widget()
    pane.query.setText("한국어")
    with qtbot.waitSignal(pane.searchFinished, timeout=15000) as finished:
        qtbot.mouseClick(pane.search_button, Qt.MouseButton.LeftButton)
    assert finished.args[0] == 3 and " s" in pane.status.text()
    found = [(m.path.name, m.part, m.line) for m in pane.matches]
    assert sorted(found) == [("2024-01-01-other.md", "body", 7), ("2024-03-05-hello.md", "body", 10),
                             ("2024-03-05-hello.md", "front_matter", 3)]
    # Clicking a match opens its post at that line.
    row = next(i for i in range(pane.results.topLevelItemCount())
               if pane.results.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole).path == other)
    item = pane.results.topLevelItem(row)
    pane.results.itemClicked.emit(item, 0)
    qtbot.waitUntil(lambda: window.session.path == other.resolve())
    assert window.body_editor.textCursor().blockNumber() + window.body_editor.first_line == 7
    # Replace in the selected match only (its file changed since? no: written).
    item.setSelected(True)
    pane.replacement.setText("Korean")
    pane.replace_selected()
    assert other.read_bytes() == OTHER.replace("한국어".encode(), b"Korean")
    assert post.read_text(encoding="utf-8") == KOREAN_POST
    qtbot.waitUntil(lambda: "Korean" in window.body_editor.toPlainText())
    # A file changed on disk since it was listed is refused.
    with qtbot.waitSignal(pane.searchFinished, timeout=15000):
        pane.start()
    post.write_text(KOREAN_POST + "\n한국어 added\n", encoding="utf-8")
    pane.results.selectAll()
    pane.replace_selected()
    assert "changed on disk" in pane.status.text()
    assert post.read_text(encoding="utf-8") == KOREAN_POST + "\n한국어 added\n"


def test_regex_and_front_matter_value_replace(qtbot, window, post):
    _site_ready(qtbot, window, post)
    window.actions.site_search.trigger()
    pane = window.site_tools["search"].widget()
    pane.query.setText(r"한국어\s+(제목)")
    pane.regex.setChecked(True)
    pane.in_body.setChecked(False)
    with qtbot.waitSignal(pane.searchFinished, timeout=15000) as finished:
        pane.start()
    assert finished.args[0] == 1
    pane.results.selectAll()
    pane.replacement.setText(r"새 \1")
    pane.replace_selected()
    assert post.read_text(encoding="utf-8") == KOREAN_POST.replace('"한국어 제목"', '"새 제목"')
    pane.query.setText("(")
    pane.start()
    assert "error: bad regular expression" in pane.status.text()


def test_a_preview_being_read_when_the_site_is_re_read_still_shows(qtbot, window, post):
    """The site is re-read (a post written on disk) while a rename's preview is
    read on its thread: the list of terms is made again with the same term
    chosen, and the preview is made again for the files as they are now
    (it was dropped, and the dialog said "Reading…" for ever)."""
    other = _site_ready(qtbot, window, post)
    window.actions.tags.trigger()
    dialog = window.site_tools["tags"]
    qtbot.waitUntil(lambda: dialog.choose("tags", "python"))
    dialog.new_name.setText("py")
    with qtbot.waitSignal(dialog.planned, timeout=15000):
        dialog.preview()
        dialog.refill()  # what the site owner's siteChanged does while the dialog is open
    assert dialog.terms.currentItem().text(0) == "python"
    assert dialog.changes.topLevelItemCount() == 2 and dialog.apply_button.isEnabled()
    assert "Reading" not in dialog.status.text()
    assert other.read_bytes() == OTHER  # nothing written
