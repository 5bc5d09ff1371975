"""The Site page: the development server's page for the open post.

A QWebEngineView of its own beside the fast preview. It loads only pages of
the local server (links elsewhere open in the system browser) and reloads
after each rebuild, putting the scroll position back.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView


class SitePage(QWebEnginePage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.origin = ""

    def acceptNavigationRequest(self, url: QUrl, nav_type, is_main_frame: bool) -> bool:  # noqa: N802
        if not is_main_frame or url.toString().startswith(self.origin + "/") and self.origin:
            return True
        if nav_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked and url.scheme() in (
                "http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        return False

    def createWindow(self, _type):  # noqa: N802 - never a new window
        return None


class SitePageView(QWebEngineView):
    #: A page finished loading: carries the URL and whether it loaded.
    pageShown = Signal(str, bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sitePreview")
        self.setPage(SitePage(self))
        self._scroll: tuple[float, float] | None = None
        #: Counts the pages asked for: a reload asked before the last one is stale.
        self._asked = 0
        self.loadFinished.connect(self._loaded)

    def show_url(self, url: str) -> None:
        """Load `url` (a page of the server whose origin is the page's)."""
        q = QUrl(url)
        self.page().origin = f"{q.scheme()}://{q.host()}:{q.port()}"
        self._scroll = None
        self._asked += 1
        self.load(q)

    def reload_keeping_scroll(self) -> None:
        """Reload the page (rebuilt on disk or in memory) and scroll back to where it was."""
        asked = self._asked

        def reload_at(pos) -> None:
            # The scroll position comes back later: if another page was asked
            # for meanwhile (the server came back on a new port), this reload
            # would cut that load short, and the old page may be gone.
            if asked != self._asked:
                return
            self._scroll = tuple(pos) if isinstance(pos, list) and len(pos) == 2 else None
            self.page().triggerAction(QWebEnginePage.WebAction.ReloadAndBypassCache)

        self.page().runJavaScript("[window.scrollX, window.scrollY]", 0, reload_at)

    def _loaded(self, ok: bool) -> None:
        if ok and self._scroll is not None:
            x, y = self._scroll
            self.page().runJavaScript(f"window.scrollTo({float(x)}, {float(y)})", 0)
        self._scroll = None
        self.pageShown.emit(self.url().toString(), ok)
