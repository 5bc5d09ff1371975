"""What a paste or a drop on the body editor inserts.

- image files (dropped, or copied in a file manager) and a bitmap on the
  clipboard are copied into the site's images folder (core/site/assets) and
  linked at the caret;
- rich text (HTML from a browser, a blog editor, Google Docs, Word) becomes
  Markdown (core/post/html_markdown), or cleaned HTML in an HTML post;
- anything else is plain text, as Ctrl+Shift+V always gives.

This module is imported before the first paint: the core parts it uses
(BeautifulSoup, markdownify) load at the first paste that needs them.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QObject, Signal
from PySide6.QtGui import QGuiApplication, QImage

#: Posts the Jekyll link style is read from (besides the open one).
STYLE_SAMPLES = 20
_SAMPLE_BYTES = 64 * 1024
_SKIP = re.compile(r"<(script|style|head)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")


class PasteHandler(QObject):
    #: Something for the status bar (a file written, or why nothing was).
    message = Signal(str)

    def __init__(self, editor, session) -> None:
        super().__init__(editor)
        self._editor = editor
        self._session = session
        self._site = None  # the open site's core Site, once it is loaded
        self._samples: list[Path] = []
        self._style: tuple[Path, str] | None = None  # (site root, Jekyll link style)

    @property
    def site(self):
        """The open site's core Site, or None (no site, or not loaded yet)."""
        return self._site

    def set_site(self, model) -> None:
        """The open site (an OpenSite, or None): where images go and how they are linked."""
        self._site = getattr(model, "site", None)
        summaries = getattr(model, "summaries", None) or ()
        self._samples = [s.path for s in list(summaries)[-STYLE_SAMPLES:]]
        self._style = None

    # -- what the editor asks ------------------------------------------------------

    def can_insert(self, mime: QMimeData) -> bool:
        return bool(self._image_files(mime)) or mime.hasImage() or mime.hasHtml()

    def insert(self, mime: QMimeData) -> bool:
        """Insert what `mime` holds at the caret; False: let the editor paste its text."""
        files = self._image_files(mime)
        if files:
            self._insert_images([(Path(f).name, Path(f).read_bytes) for f in files])
            return True
        # Word and LibreOffice put a picture of copied text beside its HTML:
        # text in the HTML means the writer copied text.
        rich = mime.hasHtml() and _has_text(mime.html())
        if mime.hasImage() and not rich:
            image = mime.imageData()
            if isinstance(image, QImage) and not image.isNull():
                from editor.core.site.assets import bitmap_name

                name = bitmap_name(self._session.path, dt.datetime.now())
                self._insert_images([(name, lambda: _png_bytes(image))], alt="")
                return True
        if mime.hasHtml():
            text = self._from_html(mime.html())
            if text:
                self._editor.textCursor().insertText(text)
                return True
        return False

    def paste_plain(self) -> None:
        """Ctrl+Shift+V: the clipboard's text as it is."""
        text = QGuiApplication.clipboard().mimeData().text()
        if text:
            self._editor.textCursor().insertText(text)

    # -- images ----------------------------------------------------------------------

    @staticmethod
    def _image_files(mime: QMimeData) -> list[str]:
        from editor.core.site.assets import IMAGE_SUFFIXES

        if not mime.hasUrls():
            return []
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        return [f for f in files if Path(f).suffix.lower() in IMAGE_SUFFIXES and Path(f).is_file()]

    def _insert_images(self, items, alt: str | None = None) -> None:
        from editor.core.site import assets

        post = self._session.path
        site = self._site
        root = site.root if site is not None and site.generator in ("jekyll", "hugo", "zola") else None
        if root is not None and post is not None and not _inside(Path(post), root):
            root = None  # a post outside the open site: its images go beside it
        if root is None and post is None:
            self.message.emit(self.tr("Save the post first: its images are stored beside it."))
            return
        place = assets.image_place(post, root, site.generator if root is not None else "unknown",
                                   style=self._jekyll_style(root) if root is not None else "plain")
        limit = root if root is not None else Path(post).parent
        html = post is not None and Path(post).suffix.lower() in assets.HTML_SUFFIXES
        links, written = [], []
        for name, read in items:
            try:
                path = assets.write_image(place, name, read(), limit=limit)
            except (OSError, assets.AssetError) as exc:
                self.message.emit(self.tr("Image not added: {0}").format(exc))
                return
            written.append(path)
            links.append(assets.image_markup(assets.alt_text(name) if alt is None else alt,
                                             place.url_for(path.name), html))
        self._editor.textCursor().insertText("\n".join(links))
        self.message.emit(self.tr("Saved %n image(s): {0}", "", len(written)).format(
            ", ".join(str(p) for p in written)))

    def _jekyll_style(self, root: Path) -> str:
        """How this site's posts link their files (read once per site)."""
        if self._site is None or self._site.generator != "jekyll":
            return "plain"
        if self._style is None or self._style[0] != root:
            from editor.core.site.assets import jekyll_link_style

            texts = [self._editor.plain_text()]
            for path in self._samples:
                try:
                    with open(path, "rb") as f:
                        texts.append(f.read(_SAMPLE_BYTES).decode("utf-8", "replace"))
                except OSError:
                    continue
            self._style = (root, jekyll_link_style(texts, self._site.baseurl))
        return self._style[1]

    # -- rich text -------------------------------------------------------------------

    def _from_html(self, html: str) -> str:
        post = self._session.path
        if post is not None and Path(post).suffix.lower() in (".html", ".htm"):
            import nh3

            return nh3.clean(html).strip()
        from editor.core.post.html_markdown import html_to_markdown

        return html_to_markdown(html)


def _has_text(html: str) -> bool:
    """Whether `html` shows any words (a browser's copied image is a lone `<img>`)."""
    body = _SKIP.sub(" ", html)
    return bool(_TAG.sub(" ", body).replace("&nbsp;", " ").strip())


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _inside(path: Path, root: Path) -> bool:
    try:
        return Path(path).resolve().is_relative_to(Path(root).resolve())
    except OSError:
        return False
