"""An image path with a thumbnail, and a picker that writes a site-relative path.

The thumbnail is decoded at its shown size (QImageReader's scaled decode: a
20-megapixel photo costs what its thumbnail does) and only once the field is
on screen, so a form full of image fields opens as fast as one without.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from editor.ui.front_matter.fields.base import FieldWidget, show_text


#: The files a string value is taken as an image path for (the field gets a picker).
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", ".bmp")
#: The thumbnail's bounds, in pixels.
THUMB_HEIGHT, THUMB_MAX_WIDTH = 72, 160


#: Keys themes use for a post's image: an image field even while empty.
IMAGE_KEYS = frozenset(("image", "cover", "thumbnail", "featured_image", "feature_image", "og_image",
                        "header_image", "banner", "teaser", "hero"))


def looks_like_image(value, key: str = "") -> bool:
    """A one-line string naming an image file, or an image key (`image`,
    `cover`, ...) with no value or a one-line one: an image field, whatever
    the schema says (a site without galley.toml types these as strings)."""
    if value is not None and not isinstance(value, str) or isinstance(value, str) and "\n" in value:
        return False
    if str(key).rsplit(".", 1)[-1].lower() in IMAGE_KEYS:
        return True
    return value is not None and value.split("?", 1)[0].lower().endswith(IMAGE_SUFFIXES)


class ImageField(FieldWidget):
    def __init__(self, key, site_root: Path | None = None, parent=None, placeholder: str = ""):
        super().__init__(key, parent)
        self._root = site_root
        box = QVBoxLayout()
        row = QHBoxLayout()
        self.edit = QLineEdit(placeholderText=placeholder or self.tr("/assets/images/…"))
        pick = QPushButton("…", toolTip=self.tr("Choose an image in the site"), objectName="imagePick",
                           accessibleName=self.tr("Choose image"))
        pick.setFixedWidth(28)
        pick.clicked.connect(self._pick)
        row.addWidget(self.edit)
        row.addWidget(pick)
        self.thumb = QLabel(objectName="thumbnail")
        self.thumb.setFixedHeight(THUMB_HEIGHT)
        self.thumb.setMaximumWidth(THUMB_MAX_WIDTH)
        self._thumb_for: str | None = None  # the text whose thumbnail waits for the field to show
        box.addLayout(row)
        box.addWidget(self.thumb)
        self._layout.addLayout(box)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._on_edited)

    def _on_edited(self, text):
        self._update_thumb(text)
        if not text:
            self._emit_emptied("")
        else:
            self._emit(text)

    def _show(self, value, written):
        text = "" if value is None else str(value)
        changed = show_text(self.edit, text)
        if changed:
            self._update_thumb(text)
        return changed

    def local_file(self, text: str) -> Path | None:
        """The file a value names: under the site root, or Hugo's and Zola's `static/`."""
        if not text or "://" in text or self._root is None:
            return None
        rel = text.split("?", 1)[0].lstrip("/")
        for path in (self._root / rel, self._root / "static" / rel):
            path = path.resolve()
            if path.is_file() and path.is_relative_to(self._root.resolve()):
                return path
        return None

    def _update_thumb(self, text):
        if self.isVisible():
            self._load_thumb(text)
        else:
            self._thumb_for = text

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._thumb_for is not None:
            text, self._thumb_for = self._thumb_for, None
            self._load_thumb(text)

    def _load_thumb(self, text):
        path = self.local_file(text)
        pix = QPixmap()
        if path is not None:
            reader = QImageReader(str(path))
            size = reader.size()
            if size.isValid() and size.height() > 0:
                size = size.scaled(QSize(THUMB_MAX_WIDTH, THUMB_HEIGHT), Qt.AspectRatioMode.KeepAspectRatio)
                reader.setScaledSize(size)
            pix = QPixmap.fromImage(reader.read())
        if pix.isNull():
            self.thumb.setPixmap(QPixmap())  # (clears the text too: set it after)
            self.thumb.setText("" if not text or "://" in text else self.tr("image not found"))
        else:
            self.thumb.setPixmap(pix)

    def _pick(self):
        current = self.local_file(self.edit.text())
        start = str(current.parent if current else self._root or Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose image"), start,
                                              self.tr("Images ({patterns})").format(
                                                  patterns="*.png *.jpg *.jpeg *.gif *.webp *.svg"))
        if not path:
            return
        chosen = Path(path)
        if self._root is not None and chosen.is_relative_to(self._root):
            text = "/" + chosen.relative_to(self._root).as_posix()
        else:
            text = chosen.as_posix()
        self.edit.setText(text)
        self._on_edited(text)
