"""Pastes and drops on the body editor, through the real window: image files
and clipboard bitmaps land in the site's images folder with a link at the
caret; HTML becomes Markdown; Ctrl+Shift+V pastes plain text."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

YEAR = f"{dt.date.today():%Y}"


def _png(path, color="red"):
    image = QImage(12, 8, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path), "PNG")
    return path


def _site_loaded(window, qtbot):
    handler = window.body_editor.paste_handler
    qtbot.waitUntil(lambda: handler.site is not None, timeout=15000)
    return handler.site


def _caret_at_end(editor):
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.textCursor().insertText("\n\n")


def _drop(widget, mime):
    pos = QPointF(widget.rect().center())
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop


def test_dropping_a_png_file_copies_it_into_the_site_and_links_it(window, qtbot, post, tmp_path):
    root = post.parent.parent
    site = _site_loaded(window, qtbot)
    assert site.root == root
    source = _png(tmp_path / "My Holiday Photo.PNG")
    editor = window.body_editor
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    drop = _drop(editor.viewport(), mime)
    assert drop.isAccepted()
    target = root / "assets" / "images" / YEAR / "my-holiday-photo.png"
    qtbot.waitUntil(lambda: target.is_file())
    assert target.read_bytes() == source.read_bytes()
    text = editor.toPlainText()
    assert f"![My Holiday Photo](/assets/images/{YEAR}/my-holiday-photo.png)" in text
    assert "file://" not in text
    # The same file again: a second copy under the next free name.
    _drop(editor.viewport(), mime)
    assert (target.parent / "my-holiday-photo-2.png").is_file()
    window.session.flush()
    assert f"(/assets/images/{YEAR}/my-holiday-photo-2.png)" in window.session.document.body


def test_a_pasted_bitmap_is_saved_as_png_named_from_the_post(window, qtbot, post):
    root = post.parent.parent
    # The site's posts link with relative_url: the pasted image does too.
    (root / "_posts" / "2024-01-01-old.md").write_text(
        "---\ntitle: Old\n---\n![x]({{ '/assets/x.png' | relative_url }})\n", encoding="utf-8")
    window.services.site.refresh(root)
    _site_loaded(window, qtbot)
    qtbot.waitUntil(lambda: any(p.name == "2024-01-01-old.md" for p in window.body_editor.paste_handler._samples))
    editor = window.body_editor
    _caret_at_end(editor)
    image = QImage(20, 10, QImage.Format.Format_ARGB32)
    image.fill(QColor("blue"))
    QGuiApplication.clipboard().setImage(image)
    editor.setFocus()
    editor.paste()
    folder = root / "assets" / "images" / YEAR
    qtbot.waitUntil(lambda: folder.is_dir() and any(folder.glob("hello-*.png")))
    [saved] = list(folder.glob("hello-*.png"))
    assert re.fullmatch(r"hello-\d{8}-\d{6}\.png", saved.name)
    assert QImage(str(saved)).size() == image.size()
    assert f"![]({{{{ '/assets/images/{YEAR}/{saved.name}' | relative_url }}}})" in editor.toPlainText()


def test_a_post_outside_any_site_keeps_its_images_beside_it(qtbot, settings, tmp_path):
    from editor.ui import launch

    folder = tmp_path / "notes"
    folder.mkdir()
    post = folder / "note.md"
    post.write_text("# Note\n", encoding="utf-8")
    win = launch([str(post)], settings=settings, recovery_dir=tmp_path / "recovery")
    try:
        qtbot.waitExposed(win)
        source = _png(tmp_path / "pic.png")
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(source))])
        win.body_editor.insertFromMimeData(mime)
        assert (folder / "pic.png").read_bytes() == source.read_bytes()
        assert "![pic](pic.png)" in win.body_editor.toPlainText()
    finally:
        win.session.new()
        win.close()
        win.deleteLater()


def test_pasting_html_gives_markdown(window, qtbot):
    editor = window.body_editor
    _caret_at_end(editor)
    mime = QMimeData()
    mime.setHtml('<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b">'
                 '<h2><span>붙여넣은 제목</span></h2><p><span style="font-weight:700">굵게</span> '
                 '<a href="https://example.org" onclick="x()">링크</a></p><script>alert(1)</script></b>')
    mime.setText("붙여넣은 제목 굵게 링크")
    QGuiApplication.clipboard().setMimeData(mime)
    editor.setFocus()
    editor.paste()
    text = editor.toPlainText()
    assert "## 붙여넣은 제목\n\n**굵게** [링크](https://example.org)" in text
    assert "alert" not in text and "onclick" not in text


def test_ctrl_shift_v_pastes_plain_text(window, qtbot):
    editor = window.body_editor
    _caret_at_end(editor)
    mime = QMimeData()
    mime.setHtml("<p><b>rich</b> text</p>")
    mime.setText("rich text")
    QGuiApplication.clipboard().setMimeData(mime)
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    text = editor.toPlainText()
    assert text.endswith("\n\nrich text")
    assert "**rich**" not in text


def test_text_copied_from_word_with_its_picture_pastes_as_text(window, qtbot, post):
    root = post.parent.parent
    _site_loaded(window, qtbot)
    editor = window.body_editor
    _caret_at_end(editor)
    mime = QMimeData()
    mime.setHtml('<html><head><style>p{}</style></head><body><p class=MsoNormal><b>Report</b> text<o:p></o:p></p></body></html>')
    picture = QImage(30, 10, QImage.Format.Format_RGB32)
    picture.fill(QColor("white"))
    mime.setImageData(picture)
    editor.insertFromMimeData(mime)
    assert editor.toPlainText().endswith("\n\n**Report** text")
    assert not (root / "assets").exists()
