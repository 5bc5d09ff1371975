"""Which Markdown converter a Jekyll site's `markdown:` setting names.

Jekyll converts with kramdown unless `_config.yml` says otherwise:
`markdown: CommonMark` (the jekyll-commonmark plugin) or
`markdown: CommonMarkGhPages` (GitHub Pages' variant of it) convert with
cmark-gfm instead, so kramdown's own syntax (abbreviations, IALs, `{:toc}`)
is not read there. The preview's engine choice and the rule that names what
the preview renders differently both ask here, so they agree.
"""

from __future__ import annotations

from typing import Any, Mapping

KRAMDOWN = "kramdown"
COMMONMARK = "commonmark"
#: GitHub Pages' CommonMark: smart punctuation, footnotes, tables,
#: strikethrough and autolinks on by default.
COMMONMARK_GHPAGES = "commonmarkghpages"


def jekyll_markdown(config: Any) -> str:
    """The site's converter, lowercased without `-`/`_`: `kramdown` (also when
    unset), `commonmark`, `commonmarkghpages`, or another name as written."""
    value = config.get("markdown") if isinstance(config, Mapping) else None
    name = str(value).strip().lower().replace("-", "").replace("_", "") if value else ""
    if name in ("jekyllcommonmark",):
        return COMMONMARK
    if name in ("jekyllcommonmarkghpages",):
        return COMMONMARK_GHPAGES
    return name or KRAMDOWN


def is_commonmark(name: str) -> bool:
    return name in (COMMONMARK, COMMONMARK_GHPAGES)
