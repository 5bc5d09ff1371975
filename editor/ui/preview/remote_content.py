"""View ▸ Load Remote Content: whether the preview loads images, media and
frames from the web, remembered per site.

On by default: the preview should show what readers see. Off, the page's
CSP allows only local files and data (RenderOptions.block_remote) and the
page says so once, at its top. The preference keeps the roots of the sites
where it is off; a post of no site keeps the window's current choice.
"""

from __future__ import annotations

SETTINGS_KEY = "preview/no_remote"
#: The roots of the sites where the writer turned it on (it matters when the
#: default for a site never chosen for, "preview/remote_default", is off).
ALLOWED_KEY = "preview/remote"


class RemoteContent:
    def __init__(self, action, preview, site_owner, settings) -> None:
        self.action, self.preview, self.site_owner, self.settings = action, preview, site_owner, settings
        action.setChecked(not preview.block_remote)
        action.toggled.connect(lambda on: preview.set_block_remote(not on))
        action.triggered.connect(self._remember)  # the writer's choice, not ours below
        site_owner.siteOpened.connect(self._site_opened)
        current = site_owner.current
        if current is not None:
            self._site_opened(current)

    def _root(self, model=None) -> str | None:
        model = model if model is not None else self.site_owner.current
        site = getattr(model, "site", None)
        return str(site.root) if site is not None else None

    def _remember(self, on: bool) -> None:
        root = self._root()
        if root is None:
            return
        roots = [r for r in self.settings.get(SETTINGS_KEY) if r != root]
        self.settings.set(SETTINGS_KEY, roots if on else roots + [root])
        allowed = [r for r in self.settings.get(ALLOWED_KEY) if r != root]
        self.settings.set(ALLOWED_KEY, allowed + [root] if on else allowed)

    def _site_opened(self, model) -> None:
        root = self._root(model)
        if root is not None:
            if root in self.settings.get(SETTINGS_KEY):
                self.action.setChecked(False)
            else:
                self.action.setChecked(root in self.settings.get(ALLOWED_KEY)
                                       or self.settings.get("preview/remote_default"))


def install(window, services, preview) -> RemoteContent | None:
    action = getattr(window.actions, "load_remote", None)
    if action is None:
        return None
    return RemoteContent(action, preview, services.site, services.settings)
