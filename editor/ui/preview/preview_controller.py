"""Keeps the preview showing the document: snapshot → render worker → patch.

Owns the RenderController. Start-up (app.py) creates this controller and the
view right after the window's first paint; `attach(view)` loads the page
shell and starts the first full render, which runs in the worker while
Chromium loads the shell. Results that arrive before the shell has loaded
wait and are applied in order (also when `update()` ran before any view was
attached). Every later change is sent as it comes (one job in flight).

This module imports only Qt and the light part of the render core (the page
shell, SiteInfo): the Markdown pipeline is imported by the worker thread, and
requests are built there too, so neither the first paint nor the shell's
load waits for it.

Also carries scroll sync between the editor and the preview, in both
directions, without echo: a scroll we caused on one side is not sent back.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal

from editor.ui.preview.render_worker import RenderController


#: path -> the SiteInfo the render worker found for it (see `_site_at`).
_found_by_worker: dict = {}


def _site_at(path: Path | None):
    """The SiteInfo of the post at `path`, for renders made before the
    window's site owner has given the site (runs in the render worker).
    Remembered, so that the site arriving later, being equal, does not
    force a second render."""
    from editor.core.render import SiteInfo

    if path is None:
        return SiteInfo()
    try:
        from editor.core.site.model import discover

        info = SiteInfo.from_site(discover(path))
    except Exception:  # noqa: BLE001 - render without site facts
        info = SiteInfo()
    _found_by_worker[path] = info
    return info


def _options(theme: str, block_remote: bool = False, site_css=None):
    from editor.core.render import RenderOptions

    return RenderOptions(theme="dark" if theme == "dark" else "light", block_remote=block_remote,
                         site_css=site_css)


def remote_notice() -> str:
    """What the page says at its top while remote content is off."""
    return QCoreApplication.translate(
        "Preview", "Remote images and media are not loaded (View ▸ Load Remote Content).")


def build_request(snapshot, path: Path | None, site, theme: str, block_remote: bool = False):
    """The render request for `snapshot` (runs in the render worker).

    `site` is the SiteInfo to render with; None: find it from `path` (the
    first render, before the window has loaded the site's context)."""
    from editor.core.render import RenderRequest

    return RenderRequest.from_snapshot(snapshot, site if site is not None else _site_at(path),
                                       _options(theme, block_remote))


class PreviewController(QObject):
    #: The page shows the document at a revision; carries the revision.
    #: (Fires after the patch was applied in the page.)
    previewUpdated = Signal(int)

    def __init__(self, session, editor, theme: str = "light", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session, self._editor = session, editor
        self.view = None
        self.renderer = RenderController(self)
        self._site = None  # SiteInfo; None until known (the worker finds it meanwhile)
        self._theme = theme
        #: Remote images, media and frames are not loaded (the page's CSP).
        self.block_remote = False
        #: Style the page with the site's own compiled stylesheet, where it has one.
        self.site_css = False
        #: Bring the block being edited into view after an edit (see `_on_changed`).
        self.follow_caret = True
        self._reveal_pending = False
        self.sync_scroll = True
        self._editor_target: int | None = None  # where the preview last moved the editor
        # Each shell load is a new page generation; results rendered for an
        # older page are dropped. Results that arrive before the shell has
        # loaded wait in `_early` (the first full render of a long post runs
        # while Chromium starts, instead of after it).
        self._page_gen = 0
        self._shell_loads = 0
        self._early: list = []
        self.renderer.rendered.connect(self._apply)
        session.changed.connect(self._on_changed)
        session.documentReplaced.connect(lambda _d: self._reload_if_base_changed())
        editor.topLineChanged.connect(self._editor_scrolled)

    # -- inputs -----------------------------------------------------------------

    def attach(self, view) -> None:
        """Show the preview in `view`: load the page shell, render into it."""
        self.view = view
        view.shellLoaded.connect(self._on_shell_loaded)
        view.topLineChanged.connect(self._preview_scrolled)
        view.patchApplied.connect(self.previewUpdated)
        self.load_shell()

    def set_site(self, site, posts=None) -> None:
        """Render with `site` (an editor.core.site.site.Site, or None) from now on;
        the window's site owner calls this whenever the open post's site is known,
        with its posts (`posts`: the paths in the site's index) when it has them."""
        from editor.core.render import SiteInfo

        info = SiteInfo.from_site(site, posts=posts) if site is not None else SiteInfo()
        if info == self._site:
            return
        # Until now the worker found the site itself: the same one needs no new render.
        same = self._site is None and _found_by_worker.pop(self._session.path, None) == info
        css_before = self._site_css_path()
        self._site = info
        if self.site_css and self._site_css_path() != css_before:
            self.load_shell()  # the stylesheet is in the shell; it renders again too
            return
        if not same:
            self.update()

    def set_theme(self, theme: str) -> None:
        if theme != self._theme:
            self._theme = theme
            if self.view is not None:
                self.view.set_theme(theme)
            self.update()  # code highlighting colours come from the render options

    def set_site_css(self, on: bool) -> None:
        """The site's own stylesheet, or the preview's theme: in the page shell."""
        if bool(on) != self.site_css:
            self.site_css = bool(on)
            self.load_shell()

    def _site_css_path(self):
        if not self.site_css or self._site is None:
            return None
        from editor.core.render.paths import find_site_css

        return find_site_css(self._site)

    def set_block_remote(self, block: bool) -> None:
        """Load remote content or not: the page's CSP says which, so the
        shell is loaded again (and the post rendered into it)."""
        block = bool(block)
        if block != self.block_remote:
            self.block_remote = block
            self.load_shell()

    # -- the cycle --------------------------------------------------------------

    def _base_url(self) -> QUrl:
        path = self._session.path
        folder = path.parent if path is not None else Path.cwd()
        return QUrl.fromLocalFile(str(folder) + "/")

    def load_shell(self) -> None:
        from editor.core.render import page_shell  # the light part of the core

        if self.view is None:
            return
        self._base = self._base_url()
        self._shell_loads += 1
        # The first page's first render may have started before the view
        # existed (fresh, tagged with this generation), running or waiting
        # in `_early`: starting over would render it twice.
        started = self._shell_loads == 1 and (self.renderer.busy or bool(self._early))
        if not started:
            self._page_gen += 1
            self._early = []
            self.renderer.reset()
        # The shell first: Chromium then loads it in its own threads and
        # processes while the worker renders (and imports the pipeline).
        self.view.load_shell(page_shell(_options(self._theme, self.block_remote, self._site_css_path())), self._base)
        if not started:
            self.update()

    def _reload_if_base_changed(self) -> None:
        # Relative image paths resolve against the base URL: a post in another
        # folder needs the shell loaded again (rare: opening a file).
        if self.view is not None and self._base_url() != getattr(self, "_base", None):
            self.load_shell()
        else:
            self.update()

    def _on_shell_loaded(self, ok: bool) -> None:
        if not ok:
            return
        if self.block_remote:
            self.view.set_notice(remote_notice())
        early, self._early = self._early, []
        for revision, result in early:
            self.view.apply_patch(revision, result.patch.to_json())

    def update(self) -> None:
        """Render the current document (cheap to call: at most one job runs;
        the request itself is built in the worker)."""
        document = self._session.document
        if document is None:
            return
        snapshot = document.snapshot()
        job = partial(build_request, snapshot, self._session.path, self._site, self._theme, self.block_remote)
        self.renderer.submit(snapshot.revision, job, self._page_gen)

    def _apply(self, revision: int, result, page_gen) -> None:
        if page_gen != self._page_gen:
            return  # rendered for a page that has since been reloaded
        if self.view is not None and self.view.ready:
            self.view.apply_patch(revision, result.patch.to_json(), self._reveal_line())
        else:
            self._early.append((revision, result))

    def _on_changed(self, change) -> None:
        # An edit of the body: once it is shown, the writer should see it.
        if getattr(change, "part", "body") == "body":
            self._reveal_pending = True
        self.update()

    def _reveal_line(self) -> int | None:
        """The caret's file line, when the patch about to be applied shows
        an edit of the body (once per edit)."""
        if not (self.follow_caret and self._reveal_pending):
            return None
        self._reveal_pending = False
        editor = self._editor
        return editor.textCursor().blockNumber() + editor.first_line

    # -- scroll sync --------------------------------------------------------------

    def _editor_scrolled(self, file_line: int) -> None:
        if not self.sync_scroll or self.view is None:
            return
        if self._editor_target is not None and abs(file_line - self._editor_target) <= 2:
            return  # the editor arriving where the preview sent it: don't echo it back
        self._editor_target = None
        self.view.scroll_to_line(file_line)

    def _preview_scrolled(self, file_line: int) -> None:
        if not self.sync_scroll or file_line <= 0:
            return
        self._editor_target = file_line
        self._editor.scroll_to_line(file_line)
