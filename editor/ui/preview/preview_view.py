"""The live preview: a QWebEngineView that loads the page shell once and is patched.

`load_shell(html, base)` loads `render.page_shell(options)` (with a base URL
so local images resolve); after that, every render result arrives as a patch
and is applied with `galley.applyPatch(...)` in the page, so typing never
reloads the page or loses its scroll position.

Safety: navigation away from the shell is refused; clicked links open in the
system browser (ghostwriter's SandboxedWebPage::acceptNavigationRequest).
Scripts in the post are removed by the renderer's sanitizer and blocked by the
page's CSP; our own code runs through runJavaScript, which CSP doesn't govern.

Scroll sync goes through the blocks' `data-line-start/-end` attributes and the
page script's `galley.scrollToLine` / `galley.scrollReport` (the top line, and whether it
is where our own scrollToLine holds the view).
"""

from __future__ import annotations

import json

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView

class PreviewPage(QWebEnginePage):
    #: A link in the preview was clicked; carries the QUrl (already opened in
    #: the system browser).
    linkClicked = Signal(QUrl)

    def acceptNavigationRequest(self, url: QUrl, nav_type, is_main_frame: bool) -> bool:  # noqa: N802
        if nav_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            if url.scheme() in ("http", "https", "mailto"):
                QDesktopServices.openUrl(url)
            self.linkClicked.emit(url)
            return False
        if not is_main_frame:
            return True  # iframes (e.g. an embedded video) may load; the page stays
        # The only main-frame load we allow is our own setHtml of the shell.
        return nav_type == QWebEnginePage.NavigationType.NavigationTypeTyped or url.scheme() == "data"

    def createWindow(self, _type):  # noqa: N802 - target=_blank / window.open: never a new window
        return None


class PreviewView(QWebEngineView):
    #: Quiet time after the last patch before the page's garbage is collected.
    GC_AFTER_MS = 2000
    #: After the writer scrolls the page themselves, edits do not bring the
    #: caret's block into view for this long (the writer is looking elsewhere).
    REVEAL_HOLD_MS = 2000

    #: The shell finished loading and the first patch can be applied.
    #: Carries True on success.
    shellLoaded = Signal(bool)
    #: A patch was applied in the page; carries the revision it showed.
    patchApplied = Signal(int)
    #: The page's garbage was collected after a pause; carries False when the
    #: engine does not expose `gc` (the user's own --js-flags).
    garbageCollected = Signal(bool)
    #: The preview was scrolled by the writer; carries the file line now at
    #: the top (0 when unknown).
    topLineChanged = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAccessibleName(self.tr("Preview"))
        self.setAccessibleDescription(self.tr("The post as the site will show it"))
        self._page = PreviewPage(self)
        self.setPage(self._page)
        s = self._page.settings()
        s.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        s.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, True)
        s.setAttribute(QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, False)
        s.setAttribute(QWebEngineSettings.WebAttribute.JavascriptCanAccessClipboard, False)
        self.ready = False
        self.shown_revision = -1
        self._target_line: int | None = None  # where our own scroll_to_line went
        # Old patches leave garbage (DOM nodes, V8 strings) that Chromium only
        # collects under pressure: the renderer grew ~50 MB in a few minutes of
        # typing into a 205 KB post and kept it. Collect once the writer pauses
        # (engine_env exposes `gc`; without it this does nothing).
        self._gc_timer = QTimer(self)
        self._gc_timer.setSingleShot(True)
        self._gc_timer.setInterval(self.GC_AFTER_MS)
        self._gc_timer.timeout.connect(self.collect_garbage)
        self.loadFinished.connect(self._on_loaded)
        self._page.scrollPositionChanged.connect(self._on_scrolled)

    def load_shell(self, html: str, base: QUrl) -> None:
        self.ready = False
        self.setHtml(html, base)

    def _on_loaded(self, ok: bool) -> None:
        self.ready = ok
        # Tab reaches the page through the widget QtWebEngine renders into
        # (the view's focus proxy, made with the first page): it is what a
        # screen reader names when the preview has the focus.
        inner = self.focusProxy()
        if inner is not None and not inner.accessibleName():
            inner.setAccessibleName(self.accessibleName())
            inner.setAccessibleDescription(self.accessibleDescription())
        if ok:
            # Each block lays out on its own: a keystroke re-lays out one
            # block, not a 200 KB page (measured: the page layout, not the
            # render, dominated keystroke→preview on long posts). And a block
            # away from the view is not laid out or painted at all until it
            # comes near (content-visibility; its height is estimated until
            # then, and remembered after). Measured on the 205 KB post: the
            # first patch's layout and paint 320-400 → 85-92 ms; the renderer
            # keeps less (PSS −15 to −35 MB, noisy).
            self._page.runJavaScript(
                "document.styleSheets.length && document.styleSheets[0].insertRule("
                "'#galley-body > .galley-block { contain: layout style; "
                "content-visibility: auto; contain-intrinsic-size: auto 160px; }', 0)", 0)
        self.shellLoaded.emit(ok)

    def apply_patch(self, revision: int, patch_json: str, reveal_line: int | None = None) -> None:
        """Apply a render patch (Patch.to_json()) in the page; then, given
        `reveal_line` (a file line: where the writer is typing), bring its
        place into view if it is outside it (`galley.reveal`)."""
        if not self.ready:
            return
        reveal = "" if reveal_line is None else f"galley.reveal({int(reveal_line)}, {int(self.REVEAL_HOLD_MS)}); "
        self._page.runJavaScript(f"galley.applyPatch({patch_json}); {reveal}{revision}", 0,
                                 lambda _r, rev=revision: self._applied(rev))

    def set_notice(self, text: str) -> None:
        """A line at the top of the page ("" for none); the shell forgets it
        when reloaded."""
        if self.ready:
            self._page.runJavaScript(f"galley.setNotice({json.dumps(text)})", 0)

    def _applied(self, revision: int) -> None:
        self.shown_revision = revision
        self._gc_timer.start()  # restarted by every patch: runs once typing pauses
        self.patchApplied.emit(revision)

    def collect_garbage(self) -> None:
        """A full collection in the page, if the engine exposes `gc`."""
        if self.ready:
            self._page.runJavaScript("typeof gc === 'function' && (gc(), true)", 0,
                                     lambda r: self.garbageCollected.emit(r is True))

    def scroll_to_line(self, line: int) -> None:
        if self.ready:
            self._target_line = int(line)
            self._page.runJavaScript(f"galley.scrollToLine({int(line)})", 0)

    def _on_scrolled(self, _pos) -> None:
        self._page.runJavaScript("galley.scrollReport()", 0, self._report_top_line)

    def _report_top_line(self, report) -> None:
        try:
            line, ours = json.loads(report)
            line = int(line or 0)
        except (TypeError, ValueError):  # not our page's answer (it is being replaced)
            return
        # Where our own scroll_to_line holds the view (the page says so: see
        # scrollReport), or a scroll ending where it aimed, is its echo: the
        # editor is already there, and answering would make them fight.
        if ours or (self._target_line is not None and abs(line - self._target_line) <= 2):
            return
        self._target_line = None
        self.topLineChanged.emit(line)

    def run_js(self, source: str, callback=None) -> None:
        if callback is None:
            self._page.runJavaScript(source, 0)
        else:
            self._page.runJavaScript(source, 0, callback)

    def set_theme(self, theme: str) -> None:
        """Switch light/dark without a reload when the page supports it."""
        self.run_js(f"window.galley && galley.setTheme && galley.setTheme({json.dumps(theme)})")
