"""A field widget bound to a real Document, the way the form binds it.

Lighter than the window: one widget from make_field_widget, shown in its own
top-level window, whose edits go into a Document read from a real file, and
which is shown the model's value again after every edit (the form's echo).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from editor.core.post.document import Document, key_path
from editor.core.post.errors import FrontMatterError, KeyPathError
from editor.ui.front_matter.field_widgets import REMOVE, make_field_widget

#: A post shaped like the ones our writers keep: a plain Korean title, a
#: folded excerpt of two lines, a two-paragraph Markdown feature_text, a date
#: with a zone, tags, a number, a nested image map.
KOREAN_JEKYLL = """---
layout: post
title: 서울에서 보낸 하루
excerpt: >
  서울의 봄은 짧지만
  그만큼 아름답다.
feature_text: >
  ## 한강 산책

  한강을 따라 **천천히** 걸었다.
  [지도](https://example.com/map)를 보며.

  두 번째 문단은 여기에 있다.
date: 2021-05-10 10:00:00 +0900
last_modified_at: 2021-05-11
tags: [서울, travel]
rating: 4
category: travel
published: true
image:
  path: /assets/images/seoul.jpg
  alt: 한강 풍경
---

본문은 여기에.
"""

#: The fields of KOREAN_JEKYLL, by type (what the schema would say).
FIELD_TYPES = {
    "title": "string", "excerpt": "text", "feature_text": "markdown", "date": "datetime",
    "last_modified_at": "date", "tags": "list", "rating": "number", "category": "choice",
    "published": "boolean", "image.path": "image", "image.alt": "string",
}
CHOICES = {"category": ("travel", "food", "life")}


def written_text(doc: Document, path: tuple) -> str | None:
    """The value as the file writes it, where the core says (Document.written_text)."""
    reader = getattr(doc, "written_text", None)
    if reader is None:
        return None
    try:
        return reader(path)
    except (KeyPathError, FrontMatterError):
        return None


def apply(doc: Document, path: tuple, value) -> None:
    """What the form does with a widget's edit."""
    if value is REMOVE:
        doc.unset(path)
    else:
        doc.set(path, value)


class Bound:
    """A widget for `key` of the post in `path`, its edits applied to a Document."""

    def __init__(self, path: Path, key: str, ftype: str, echo: bool = True, **kwargs) -> None:
        self.file = path
        self.original = path.read_bytes()
        self.doc = Document.from_bytes(self.original, path=path)
        self.path = key_path(key, self.doc.front_matter)
        self.echo = echo
        self.sent: list = []
        self.refused: list[Exception] = []
        value = self.doc.get(self.path, None)
        self.widget = make_field_widget(key, ftype, value, written=written_text(self.doc, self.path),
                                        **kwargs)
        self.widget.valueEdited.connect(self._edited)
        self.widget.resize(480, self.widget.sizeHint().height())
        self.widget.show()

    def _edited(self, value) -> None:
        self.sent.append(value)
        try:
            apply(self.doc, self.path, value)
        except (ValueError, KeyPathError, FrontMatterError) as exc:  # EditRefused is a ValueError
            self.refused.append(exc)
            self.widget.set_problem(str(exc))
            return
        self.refused.clear()
        if self.echo:
            self.widget.set_value(self.doc.get(self.path, None), written_text(self.doc, self.path))

    def focus(self) -> None:
        self.widget.activateWindow()
        self.widget.setFocus()
        QApplication.processEvents()

    @property
    def bytes(self) -> bytes:
        return self.doc.to_bytes()

    def one_shot(self, value) -> bytes:
        """The bytes of one edit of `value` on the original file."""
        doc = Document.from_bytes(self.original, path=self.file)
        apply(doc, self.path, value)
        return doc.to_bytes()

    def close(self) -> None:
        self.widget.close()
        self.widget.deleteLater()
