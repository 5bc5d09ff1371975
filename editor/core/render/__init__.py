"""Preview rendering: a post's body and header → safe HTML, block by block.

No Qt here. The window uses `page_shell(options)` once, then feeds
`IncrementalRenderer.render(request).patch` to `window.galley.applyPatch`.
See docs/core-api.md, section "editor.core.render".

Thread rule: a renderer (IncrementalRenderer, and the Markdown instance inside
it) belongs to one thread. `render_html` and `render_page` build a fresh one
per call, so they may be called from any thread.

Importing this package is cheap: each name below is imported from its module
on first use (PEP 562). The window builds the page shell (`page_shell`, with
`SiteInfo` and `RenderOptions`) on its UI thread while the render worker
imports the Markdown pipeline on its own; the package must not drag the
pipeline into the first.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

_HOMES = {
    "IncrementalRenderer": ".incremental", "render_html": ".incremental",
    "Block": ".model", "Patch": ".model", "RenderOptions": ".model", "RenderRequest": ".model",
    "RenderResult": ".model", "SiteInfo": ".model",
    "page_shell": ".page", "render_page": ".page",
}

__all__ = sorted(_HOMES)

if TYPE_CHECKING:
    from editor.core.render.incremental import IncrementalRenderer, render_html
    from editor.core.render.model import Block, Patch, RenderOptions, RenderRequest, RenderResult, SiteInfo
    from editor.core.render.page import page_shell, render_page


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value  # next time, a plain module attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))
