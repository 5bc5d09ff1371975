"""Post content never runs code in the preview.

nh3 (ammonia) with an allow-list: structure, text, tables, media and the
attributes Markdown and our placeholders use (class, id, data-*, pygments
spans, task-list checkboxes). Everything else goes, notably `<script>`,
`<style>`, `on*=` handlers, `<meta>`, `<base>`, `<form>`, `<object>`,
`srcdoc`, and URLs whose scheme is not http(s)/mailto/file (so no
`javascript:`, `vbscript:`, `data:text/html`). `data:` is kept only for images
(`--embed-images`). Inline `style` keeps a short list of harmless properties.
iframes (video embeds) stay, always sandboxed, https only.

With `allow_scripts` the sanitizer is skipped; the page's CSP then lets
scripts run (page.py).
"""

from __future__ import annotations

import re

import nh3

TAGS = frozenset({
    "a", "abbr", "acronym", "address", "article", "aside", "audio", "b", "bdi", "bdo", "big",
    "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "i", "iframe", "img", "input", "ins", "kbd",
    "li", "mark", "nav", "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp",
    "section", "small", "source", "span", "strike", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "video", "wbr",
})
_GLOBAL = {"class", "id", "title", "lang", "dir", "style", "align", "role", "aria-label", "aria-hidden"}
ATTRIBUTES = {
    "*": _GLOBAL,
    "a": {"href", "name", "target"},
    "img": {"src", "alt", "width", "height", "loading", "srcset", "sizes"},
    "source": {"src", "srcset", "type", "media", "sizes"},
    "video": {"src", "poster", "controls", "width", "height", "loop", "muted", "preload"},
    "audio": {"src", "controls", "loop", "muted", "preload"},
    "iframe": {"src", "width", "height", "allowfullscreen", "frameborder", "allow", "loading"},
    "input": {"type", "checked", "disabled"},
    "td": {"colspan", "rowspan", "valign", "width"},
    "th": {"colspan", "rowspan", "valign", "width", "scope"},
    "col": {"span", "width"}, "colgroup": {"span"},
    "ol": {"start", "type", "reversed"}, "li": {"value"},
    "time": {"datetime"}, "details": {"open"},
    "blockquote": {"cite"}, "q": {"cite"}, "del": {"cite", "datetime"}, "ins": {"cite", "datetime"},
    "font": {"color"}, "table": {"border", "cellpadding", "cellspacing", "width"},
}
STYLE_PROPERTIES = frozenset({
    "color", "background-color", "text-align", "vertical-align", "font-weight", "font-style",
    "font-size", "font-family", "text-decoration", "width", "height", "max-width", "min-width",
    "max-height", "margin", "margin-left", "margin-right", "margin-top", "margin-bottom",
    "padding", "padding-left", "padding-right", "padding-top", "padding-bottom", "border",
    "border-collapse", "border-color", "border-width", "border-style", "border-radius",
    "display", "float", "clear", "white-space", "line-height", "list-style-type",
})
_URL_ATTRS = {"href", "src", "srcset", "poster", "cite"}


#: Ids the preview page itself uses (page.html, preview.js, incremental.py):
#: `galley-*` and block ids `b<n>`. Post content never carries one, or a
#: live update could land in the post's element instead of the page's.
_PAGE_ID = re.compile(r"(?i)\s*(?:galley-|b\d+\s*$)")


def _filter(tag: str, attr: str, value: str) -> str | None:
    if attr in ("id", "name") and _PAGE_ID.match(value):
        return "user-content-" + value.strip()
    if attr in _URL_ATTRS:
        low = value.strip().lower()
        if low.startswith("data:"):
            # Only raster/vector images as data: (embedded images), never documents.
            return value if tag in ("img", "source") and low.startswith("data:image/") and not low.startswith("data:image/svg") else None
        if tag == "iframe" and attr == "src" and not low.startswith("https:"):
            return None
    if attr == "style":
        return _clean_style(value)
    if attr == "type" and tag == "input" and value.lower() != "checkbox":
        return None
    if attr == "target" and value not in ("_blank",):
        return None
    return value


def _clean_style(value: str) -> str | None:
    """Keep only allowed properties with plain values: no url(), expression(), escapes."""
    kept = []
    for decl in value.split(";"):
        prop, colon, val = decl.partition(":")
        prop, val = prop.strip().lower(), val.strip()
        if not colon or prop not in STYLE_PROPERTIES:
            continue
        low = val.lower()
        if "\\" in val or "url(" in low or "expression" in low or "javascript" in low or "@import" in low:
            continue
        if "(" in low and not low.startswith(("rgb", "hsl", "calc", "var(")):
            continue
        kept.append(f"{prop}: {val}")
    return "; ".join(kept) or None


def _cleaner() -> "nh3.Cleaner":
    return nh3.Cleaner(
        tags=set(TAGS),
        clean_content_tags={"script", "style", "noscript", "template", "object", "embed", "applet", "frameset"},
        attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        attribute_filter=_filter,
        generic_attribute_prefixes={"data-"},
        url_schemes={"http", "https", "mailto", "file", "data", "tel"},
        set_tag_attribute_values={"iframe": {"sandbox": "allow-same-origin allow-popups"}, "input": {"disabled": ""}},
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


# Built once: building the allow-lists per call costs ~1 ms, the cleaning itself µs.
# nh3's Cleaner is immutable and safe to share between threads.
_CLEANER = _cleaner()


def sanitize(html: str) -> str:
    return _CLEANER.clean(html)
