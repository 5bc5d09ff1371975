"""The image field: a picker and a bounded thumbnail for any value naming an
image, with or without a galley.toml."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QPushButton

from tests.ui.test_form_fields import field, open_post


def _png(path, width, height):
    path.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("green"))
    assert image.save(str(path), "PNG")
    return path


def test_an_image_value_gets_a_picker_and_a_bounded_thumbnail_without_galley_toml(window, post, qtbot, monkeypatch):
    site = post.parent.parent
    assert not (site / "galley.toml").exists()
    _png(site / "assets" / "images" / "big.png", 1600, 400)
    chosen = _png(site / "assets" / "images" / "2026" / "other.png", 40, 40)
    open_post(window, qtbot, post.parent / "2024-03-08-img.md",
              "---\ntitle: T\nimage: /assets/images/big.png\n---\nx\n")
    # The site arrives after the form: the field is remade with its root, and shows the thumbnail.
    qtbot.waitUntil(lambda: type(field(window, "image")).__name__ == "ImageField"
                    and not field(window, "image").thumb.pixmap().isNull(), timeout=10000)
    image = field(window, "image")
    assert image.findChild(QPushButton, "imagePick") is not None
    pix = image.thumb.pixmap()
    assert pix.height() <= 72 and pix.width() <= 160

    # The picker starts in the site (the current image's folder) and writes a site-relative path.
    asked = []

    def pick(parent, caption, folder, filters):
        asked.append(folder)
        return str(chosen), filters

    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    image.findChild(QPushButton, "imagePick").click()
    assert asked == [str(site / "assets" / "images")]
    assert image.edit.text() == "/assets/images/2026/other.png"
    assert window.session.document.get("image") == "/assets/images/2026/other.png"


def test_a_plain_string_stays_a_line_field(window, post, qtbot):
    open_post(window, qtbot, post.parent / "2024-03-09-plain.md", "---\ntitle: T\nsubtitle: not an image\n---\nx\n")
    qtbot.waitUntil(lambda: field(window, "subtitle") is not None, timeout=10000)
    assert type(field(window, "subtitle")).__name__ == "LineField"


def test_an_image_key_gets_a_picker_while_empty():
    from editor.ui.front_matter.fields.image import looks_like_image

    assert looks_like_image(None, "image") and looks_like_image("", "cover")
    assert looks_like_image("https://cdn.example/x.webp?w=3")
    assert not looks_like_image(None, "subtitle") and not looks_like_image("a\nb.png")
    assert not looks_like_image(["a.png"], "image")


def _record_picks(monkeypatch, chosen):
    """The picker's folder, each time it opens; it then picks `chosen`."""
    from PySide6.QtWidgets import QFileDialog

    asked = []

    def pick(parent, caption, folder, filters):
        asked.append(folder)
        return str(chosen), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    return asked


def _image_field(window, qtbot, with_root: bool):
    qtbot.waitUntil(lambda: type(field(window, "image")).__name__ == "ImageField"
                    and (field(window, "image")._root is not None) == with_root, timeout=10000)
    return field(window, "image")


def test_without_a_site_the_picker_opens_in_the_posts_folder_then_the_last_one(window, qtbot, tmp_path,
                                                                               monkeypatch):
    from pathlib import Path

    from editor.ui.front_matter.fields.image import ImageField

    monkeypatch.setattr(ImageField, "last_folder", None)
    notes = tmp_path / "notes"
    notes.mkdir()
    loose = notes / "note.md"
    loose.write_text("---\ntitle: N\nimage:\n---\nx\n", encoding="utf-8")
    chosen = _png(tmp_path / "pictures" / "a.png", 8, 8)
    asked = _record_picks(monkeypatch, chosen)
    assert window.open_path(loose)

    def no_site():
        # The loose post's own model (a folder of no known generator), not the
        # first post's site nor the nothing-yet before either arrives.
        current = window.services.site.current
        return (current is not None and current.site is not None and current.site.generator == "unknown"
                and Path(current.site.root) == notes)

    qtbot.waitUntil(no_site, timeout=10000)
    # A folder of no known generator is the root its images are resolved against
    # (once the form has followed the model: until then it has the first site's).
    qtbot.waitUntil(lambda: getattr(field(window, "image"), "_root", None) == notes, timeout=10000)
    _image_field(window, qtbot, with_root=True).findChild(QPushButton, "imagePick").click()
    assert asked == [str(notes.resolve())]
    assert window.session.document.get("image") == chosen.as_posix()
    # An untitled post has no folder: the picker opens where the last image came from.
    window.session.new(front_matter={"title": "U", "image": ""})
    _image_field(window, qtbot, with_root=False).findChild(QPushButton, "imagePick").click()
    assert asked[1] == str(chosen.parent) and str(Path.home()) not in asked


def test_in_a_site_the_picker_opens_in_its_images_folder(window, post, qtbot, monkeypatch):
    import datetime as dt

    site = post.parent.parent
    chosen = _png(site / "assets" / "images" / "x.png", 8, 8)
    asked = _record_picks(monkeypatch, chosen)
    open_post(window, qtbot, post.parent / "2024-03-10-pic.md", "---\ntitle: T\nimage:\n---\nx\n")
    image = _image_field(window, qtbot, with_root=True)
    pick = image.findChild(QPushButton, "imagePick")
    pick.click()
    # Jekyll's images go to assets/images/<year>/: the nearest folder of it that exists.
    assert asked == [str((site / "assets" / "images").resolve())]
    assert image.edit.text() == "/assets/images/x.png"
    year = site / "assets" / "images" / f"{dt.date.today():%Y}"
    year.mkdir()
    image.edit.setText("")
    pick.click()
    assert asked[1] == str(year.resolve())
