"""Fast / Site: which preview the pane shows, and the Site side's wiring.

Fast is the built-in renderer (the preview pane's own view). Site is the
site's own generator: its development server (`SiteServer`) and a page view
(`SitePageView`) put beside the fast view in the same pane. The choice is
remembered per site (the roots in Site mode are a preference). The fast
view stays on screen until the site's page has loaded; what goes wrong
(no generator, missing gems, a server that died) is said in the switch bar,
with the command that fixes it.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from editor.core.serve import texts, urls
from editor.core.serve.output import errors_for
from editor.ui.serve.server_owner import SiteServer

SITE_KEY = "preview/site_mode"


def resolve_url(kind: str, root: Path, path: Path | None, front_matter, config, base: str) -> str:
    """The server's URL for the post: computed from the permalink rules; when
    the server does not know that page, the page found in the output folder."""
    if path is None:
        return base + "/"
    page = urls.post_url(kind, root, path, front_matter, config)
    if _status(base + page) == 404:
        found = urls.find_in_output(urls.output_dir(kind, root, config), path, front_matter)
        if found:
            page = found
    return base + page


def _status(url: str) -> int:
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    try:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
        conn.request("HEAD", parts.path or "/")
        return conn.getresponse().status
    except OSError:
        return 0


class SwitchBar(QWidget):
    """Fast | Site over the preview, with a line for what Site mode has to say."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("previewSwitch")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        self.fast = QToolButton(self, objectName="previewFast", text=self.tr("Fast"), checkable=True, checked=True)
        self.site = QToolButton(self, objectName="previewSite", text=self.tr("Site"), checkable=True)
        self.fast.setAutoExclusive(True)
        self.site.setAutoExclusive(True)
        self.fast.setToolTip(self.tr("The built-in preview, updated as you type"))
        self.site.setToolTip(self.tr("The page as the site's own generator builds it, updated when you save"))
        self.message = QLabel(self, objectName="sitePreviewMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.fast)
        lay.addWidget(self.site)
        lay.addWidget(self.message, 1)
        # One line over the page, however tall the pane is.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)


class SiteMode(QObject):
    #: Site mode turned on (True) or off for the open site.
    modeChanged = Signal(bool)
    #: The build errors about the open post, lines counted in the whole file.
    buildErrorsChanged = Signal(list)
    #: The Site page of the open post is on screen; carries its URL.
    pageShown = Signal(str)

    _resolved_sig = Signal(int, str, bool)

    def _programs(self) -> dict:
        """The generators' paths from the preferences ("": PATH's)."""
        get = self.settings.get
        return {"jekyll": get("serve/jekyll"), "hugo": get("serve/hugo"), "bundle": get("serve/bundle")}

    def __init__(self, session, site_owner, settings, holder: QWidget, fast_view=None, parent=None) -> None:
        super().__init__(parent)
        self.session, self.site_owner, self.settings = session, site_owner, settings
        self.holder, self.fast_view = holder, fast_view
        self.on = False
        self.view = None  # the SitePageView, made the first time Site mode is on
        self.page_url: str | None = None
        self._token = 0
        self.bar = SwitchBar(holder)
        holder.layout().insertWidget(0, self.bar)
        self.server = SiteServer(self._programs, parent=self)
        self._resolved_sig.connect(self._resolved)
        self.bar.site.toggled.connect(self.set_on)
        s = self.server
        s.starting.connect(lambda kind: self._say(self.tr("Starting the {generator} server…").format(
            generator=kind.capitalize())))
        s.ready.connect(lambda _base: self.show_post())
        s.built.connect(lambda _ok: self.show_post(reload=True))
        s.building.connect(lambda: self._say(self.tr("Rebuilding…")))
        s.errorsChanged.connect(self._errors)
        s.unavailable.connect(self._unavailable)
        self._all_errors: list = []
        session.pathChanged.connect(lambda _p: (self.show_post(), self._errors(self._all_errors)))
        session.saved.connect(lambda _p: self.on and not self.server.serving and self.server.retry())
        site_owner.siteOpened.connect(self._site_opened)
        site_owner.siteClosed.connect(self._site_closed)

    # -- the switch ----------------------------------------------------------------

    def _site(self):
        model = self.site_owner.current
        return model.site if model is not None and model.site is not None else None

    def set_on(self, on: bool) -> None:
        """Site mode on or off for the open site (remembered for it)."""
        if on != self.bar.site.isChecked():
            (self.bar.site if on else self.bar.fast).setChecked(True)
            return  # the button's toggle calls back here
        site = self._site()
        if site is not None:
            roots = [r for r in self.settings.get(SITE_KEY) if r != str(site.root)]
            self.settings.set(SITE_KEY, roots + [str(site.root)] if on else roots)
        if on == self.on:
            return
        self.on = on
        self.modeChanged.emit(on)
        if on:
            self._start(site)
        else:
            self._show_fast()
            self._say("")
            self.buildErrorsChanged.emit([])

    def _start(self, site) -> None:
        if site is None or site.generator not in ("jekyll", "hugo"):
            self._unavailable(texts.NO_SITE, {})
            return
        self.server.start(site.generator, site.root)

    def _site_opened(self, model) -> None:
        site = model.site
        wanted = site is not None and str(site.root) in self.settings.get(SITE_KEY)
        if wanted and not self.on:
            self.set_on(True)
        elif not wanted and self.on:
            self.set_on(False)
        elif wanted:
            self._start(site)

    def _site_closed(self) -> None:
        self.server.forget_site()
        self._show_fast()
        self.page_url = None

    def shutdown(self) -> None:
        """The app quits: the server goes, with its whole process group."""
        self.server.stop(wait=True)

    # -- the page ------------------------------------------------------------------

    def show_post(self, reload: bool = False) -> None:
        """Show the open post's page (its URL worked out off the UI thread)."""
        site = self._site()
        if not self.on or site is None or not self.server.serving:
            return
        self._token += 1
        token, base = self._token, self.server.base_url
        path, kind, root, config = self.session.path, site.generator, site.root, dict(site.config)
        front_matter = dict(self.session.document.front_matter) if path is not None else {}
        if path is not None and not Path(path).resolve().is_relative_to(Path(root).resolve()):
            # A post outside the open site (it stays open): it has no page there.
            self._token += 1
            self._unavailable(texts.NO_SITE, {})
            return
        threading.Thread(target=lambda: self._resolved_sig.emit(
            token, resolve_url(kind, root, path, front_matter, config, base), reload), daemon=True).start()

    def _resolved(self, token: int, url: str, reload: bool) -> None:
        if token != self._token or not self.on:
            return
        view = self._view()
        if reload and url == self.page_url:
            view.reload_keeping_scroll()
        else:
            self.page_url = url
            view.show_url(url)

    def _view(self):
        if self.view is None:
            from editor.ui.serve.site_view import SitePageView

            self.view = SitePageView(self.holder)
            self.view.hide()
            self.holder.layout().addWidget(self.view, 1)
            self.view.pageShown.connect(self._page_shown)
        return self.view

    def _page_shown(self, url: str, ok: bool) -> None:
        if not self.on:
            return
        if ok:
            self._say("")
            if self.fast_view is not None:
                self.fast_view.hide()
            self.view.show()
            self.pageShown.emit(url)
        else:
            self._say(self.tr("The server did not give the page {url}").format(url=url))

    def _show_fast(self) -> None:
        if self.view is not None:
            self.view.hide()
        if self.fast_view is not None:
            self.fast_view.show()

    # -- what goes wrong --------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.bar.message.setText(text)

    def _unavailable(self, template: str, params: dict) -> None:
        self._show_fast()
        self._say(QCoreApplication.translate("SitePreview", template).format(**params))

    def _errors(self, errors: list) -> None:
        self._all_errors = list(errors)
        path = self.session.path
        mine = []
        body_line = self.session.document.body_line
        for e in errors_for(errors, path):
            line = e.line + body_line - 1 if e.body_relative else e.line
            mine.append(replace(e, line=line, body_relative=False))
        self.buildErrorsChanged.emit(mine)
        if errors and self.on:
            self._say(self.tr("The site's build failed: {message}").format(message=errors[0].message))
