"""Preview rendering: a post's body and header → safe HTML, block by block.

No Qt here. The window uses `page_shell(options)` once, then feeds
`IncrementalRenderer.render(request).patch` to `window.galley.applyPatch`.
See docs/core-api.md, section "editor.core.render".

Thread rule: a renderer (IncrementalRenderer, and the Markdown instance inside
it) belongs to one thread. `render_html` and `render_page` build a fresh one
per call, so they may be called from any thread.
"""

from .incremental import IncrementalRenderer, render_html
from .model import Block, Patch, RenderOptions, RenderRequest, RenderResult, SiteInfo
from .page import page_shell, render_page

__all__ = [
    "Block", "IncrementalRenderer", "Patch", "RenderOptions", "RenderRequest", "RenderResult",
    "SiteInfo", "page_shell", "render_html", "render_page",
]
