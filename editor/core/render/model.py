"""Plain values the renderer takes and gives back.

The renderer has no dependency on the document model or on `editor.core.site.site`:
the window (or the CLI) captures a `RenderRequest` snapshot on its own thread
and hands it to a worker. Everything here is immutable so a request can cross
threads safely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, Mapping

Generator = Literal["jekyll", "hugo", "zola", "unknown"]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class SiteInfo:
    """What the renderer needs to know about the site a post belongs to."""

    root: Path | None = None
    generator: str = "unknown"
    config: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    baseurl: str = ""
    url: str = ""
    post_files: tuple[Path, ...] = ()
    #: Front-matter field → type from the site's schema (`editor.core.validation`):
    #: header fields typed "markdown" render as Markdown, "string"/"text" as text.
    #: Empty: excerpt, feature_text, summary and description render as Markdown.
    field_types: Mapping[str, str] = field(default_factory=lambda: _EMPTY)

    @classmethod
    def from_site(cls, site: Any, schema: Any = None, posts: Any = None) -> "SiteInfo":
        """Adapt an `editor.core.site.site.Site` (duck-typed, see docs/core-api.md),
        optionally with its `Schema` (anything with `.fields` of `.name`/`.type`).
        `posts`: the site's post files when the caller has them (an open site's
        index); else the site's folders are walked for them."""
        if posts is None:
            posts = site.post_files() if callable(getattr(site, "post_files", None)) else ()
        types = {f.name: f.type for f in getattr(schema, "fields", ()) or ()}
        return cls(
            root=Path(site.root) if getattr(site, "root", None) else None,
            generator=str(getattr(site, "generator", "unknown") or "unknown"),
            config=MappingProxyType(dict(getattr(site, "config", None) or {})),
            baseurl=str(getattr(site, "baseurl", "") or ""),
            url=str(getattr(site, "url", "") or ""),
            post_files=posts if isinstance(posts, tuple) and all(isinstance(p, Path) for p in posts)
            else tuple(p if isinstance(p, Path) else Path(p) for p in posts),
            field_types=MappingProxyType(types),
        )

    @classmethod
    def discover(cls, path: Path) -> "SiteInfo":
        """`Site.discover(path)` adapted; imported lazily so render has no hard dependency."""
        from editor.core.site.site import Site  # noqa: PLC0415 - optional collaborator

        return cls.from_site(Site.discover(path))


@dataclass(frozen=True)
class RenderOptions:
    theme: Literal["light", "dark"] = "light"
    #: Let the post's own scripts run (sanitizer off, CSP relaxed). Off by default.
    allow_scripts: bool = False
    #: Block remote images/frames through the CSP (local files still load).
    block_remote: bool = False
    #: Use this compiled stylesheet of the site instead of our preview theme.
    site_css: Path | None = None
    #: Inline local images as data: URLs (standalone export).
    embed_images: bool = False


@dataclass(frozen=True)
class RenderRequest:
    body: str
    front_matter: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    #: 1-based file line on which the body starts (for data-line-* attributes).
    body_line: int = 1
    post_path: Path | None = None
    site: SiteInfo = SiteInfo()
    options: RenderOptions = RenderOptions()

    @classmethod
    def from_snapshot(cls, snapshot: Any, site: SiteInfo, options: RenderOptions | None = None) -> "RenderRequest":
        """Build from an `editor.core.post.document.Snapshot`."""
        return cls(
            body=snapshot.body,
            front_matter=snapshot.front_matter,
            body_line=snapshot.body_line,
            post_path=Path(snapshot.path) if snapshot.path else None,
            site=site,
            options=options or RenderOptions(),
        )


@dataclass(frozen=True)
class Block:
    """One top-level block of the body as it appears in the preview."""

    id: str
    html: str
    #: 1-based file lines (inclusive) the block came from.
    start_line: int
    end_line: int


@dataclass(frozen=True)
class Patch:
    """What changed since the previous render of the same renderer.

    `changed` holds new or re-rendered blocks (the outer wrapper HTML, ready to
    replace or insert), `removed` the ids to drop, `order` every id in document
    order. `header_html` is None when the header did not change.
    """

    changed: Mapping[str, str]
    removed: tuple[str, ...]
    order: tuple[str, ...]
    header_html: str | None
    #: New `(start_line, end_line)` of blocks whose content did not change but
    #: whose lines moved (an edit above added or removed lines).
    lines: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    #: False when `order` is what the previous patch of the same renderer
    #: sent (no block added, removed or moved): the page then keeps its order.
    order_changed: bool = True

    def to_json(self) -> str:
        """The patch as the page script reads it. `order` is null when it did
        not change: a keystroke in a 200 KB post otherwise ships (and makes the
        page walk) the ids of all ~1,000 blocks, ~9 KB, to change one."""
        import json

        return json.dumps(
            {"changed": dict(self.changed), "removed": list(self.removed),
             "order": list(self.order) if self.order_changed else None, "header_html": self.header_html,
             "lines": {k: list(v) for k, v in self.lines.items()}},
            ensure_ascii=False,
        )


@dataclass(frozen=True)
class RenderResult:
    header_html: str
    blocks: tuple[Block, ...]
    patch: Patch
    #: All blocks' wrappers concatenated: what `render_html` returns.
    full_html: str
