"""The image field's picker in a Hugo site: a file of `static/` is written as
the site serves it, a page bundle's resource by its bare name (and its
thumbnail is found beside the post)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QPushButton

from tests.ui.test_form_fields import field
from tests.ui.test_image_field import _png


def _hugo(tmp_path):
    root = tmp_path / "hugo"
    (root / "content" / "posts").mkdir(parents=True)
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "t"\n', encoding="utf-8")
    return root


def _pick(window, qtbot, monkeypatch, post, chosen, root):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(chosen), a[-1]))
    assert window.open_path(post)
    # The Hugo site's root, not the site of the post open before (its schema may come first).
    qtbot.waitUntil(lambda: type(field(window, "image")).__name__ == "ImageField"
                    and field(window, "image")._root == root, timeout=10000)
    image = field(window, "image")
    image.findChild(QPushButton, "imagePick").click()
    return image


def test_a_static_file_is_written_as_served(window, qtbot, tmp_path, monkeypatch):
    root = _hugo(tmp_path)
    post = root / "content" / "posts" / "flat.md"
    post.write_text("---\ntitle: Flat\nimage: \"\"\n---\nx\n", encoding="utf-8")
    chosen = _png(root / "static" / "images" / "2024" / "a.png", 20, 10)
    image = _pick(window, qtbot, monkeypatch, post, chosen, root)
    assert image.edit.text() == "/images/2024/a.png"
    assert window.session.document.get("image") == "/images/2024/a.png"
    qtbot.waitUntil(lambda: not image.thumb.pixmap().isNull(), timeout=5000)


def test_a_bundle_resource_is_written_by_its_bare_name(window, qtbot, tmp_path, monkeypatch):
    root = _hugo(tmp_path)
    post = root / "content" / "posts" / "trip" / "index.md"
    post.parent.mkdir()
    post.write_text("---\ntitle: Trip\ncover: \"\"\n---\nx\n", encoding="utf-8")
    chosen = _png(post.parent / "cover.png", 20, 10)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(chosen), a[-1]))
    assert window.open_path(post)
    qtbot.waitUntil(lambda: type(field(window, "cover")).__name__ == "ImageField"
                    and field(window, "cover")._root == root, timeout=10000)
    cover = field(window, "cover")
    cover.findChild(QPushButton, "imagePick").click()
    assert cover.edit.text() == "cover.png"
    assert window.session.document.get("cover") == "cover.png"
    qtbot.waitUntil(lambda: not cover.thumb.pixmap().isNull(), timeout=5000)
