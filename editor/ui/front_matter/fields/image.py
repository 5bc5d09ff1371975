"""An image path with a thumbnail, and a picker that writes a site-relative path."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from editor.ui.front_matter.fields.base import FieldWidget, show_text


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
        self.thumb.setFixedHeight(72)
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
        if not text or "://" in text or self._root is None:
            return None
        path = (self._root / text.lstrip("/")).resolve()
        return path if path.is_file() else None

    def _update_thumb(self, text):
        path = self.local_file(text)
        pix = QPixmap(str(path)) if path else QPixmap()
        if pix.isNull():
            self.thumb.setPixmap(QPixmap())  # (clears the text too: set it after)
            self.thumb.setText("" if not text or "://" in text else self.tr("image not found"))
        else:
            self.thumb.setPixmap(pix.scaledToHeight(72, Qt.TransformationMode.SmoothTransformation))

    def _pick(self):
        start = str(self._root or Path.home())
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
