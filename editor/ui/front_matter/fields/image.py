"""An image path with a thumbnail, and a picker that writes the path the site
serves the image at (editor.core.site.assets.image_value: `static/` served at
the top, a page bundle's resource by its bare name).

The picker opens where the writer's images are: the current image's folder;
in a site, the site's images folder (where a pasted image would go, or the
nearest folder of it that exists); without a site, the post's folder, or for
an untitled post the folder an image was last picked from. Never the home
folder by default: a writer's images are rarely there.

The thumbnail is decoded at its shown size (QImageReader's scaled decode: a
20-megapixel photo costs what its thumbnail does) and only once the field is
on screen, so a form full of image fields opens as fast as one without.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

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


def picker_folder(current: Path | None, post_path: Path | None, site_root: Path | None,
                  generator: str = "unknown", last: Path | None = None) -> Path | None:
    """Where the image picker opens (see the module's text); None when nothing
    is known (an untitled post outside a site, no image picked yet)."""
    if current is not None and current.parent.is_dir():
        return current.parent
    if site_root is not None:
        from editor.core.site.assets import AssetError, image_place

        root = Path(site_root).resolve()
        try:
            folder = image_place(post_path, root, generator).folder.resolve()
        except AssetError:  # an untitled post in a site of no known generator
            folder = root
        while not folder.is_dir() and folder != root and folder.is_relative_to(root):
            folder = folder.parent
        return folder if folder.is_relative_to(root) else root
    if post_path is not None and Path(post_path).parent.is_dir():
        return Path(post_path).parent
    if last is not None and last.is_dir():
        return last
    return None


class ImageField(FieldWidget):
    #: The folder an image was last picked from (any field, this run).
    last_folder: Path | None = None

    def __init__(self, key, site_root: Path | None = None, parent=None, placeholder: str = ""):
        super().__init__(key, parent)
        self._root = site_root
        #: The open post's path (None: untitled), given by the form.
        self.post_path: Callable[[], Path | None] = lambda: None
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
        """The file a value names: a relative name beside the post (a page
        bundle's resource), else under the site root, or Hugo's and Zola's `static/`."""
        if not text or "://" in text or self._root is None:
            return None
        rel = text.split("?", 1)[0].lstrip("/")
        post = self.post_path()
        beside = [Path(post).parent / rel] if post and not text.startswith("/") else []
        for path in (*beside, self._root / rel, self._root / "static" / rel):
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

    def _generator(self) -> str:
        if self._root is None:
            return "unknown"
        from editor.core.site.model import discover

        return discover(self._root).generator

    def start_folder(self) -> Path | None:
        """Where the picker opens now."""
        post = self.post_path()
        generator = self._generator()
        return picker_folder(self.local_file(self.edit.text()), Path(post) if post else None, self._root,
                             generator, ImageField.last_folder)

    def _pick(self):
        folder = self.start_folder()
        start = str(folder) if folder is not None else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose image"), start,
                                              self.tr("Images ({patterns})").format(
                                                  patterns="*.png *.jpg *.jpeg *.gif *.webp *.svg"))
        if not path:
            return
        from editor.core.site.assets import image_value

        chosen = Path(path)
        ImageField.last_folder = chosen.parent
        post = self.post_path()
        text = image_value(chosen, self._root, self._generator(), Path(post) if post else None)
        self.edit.setText(text)
        self._on_edited(text)
