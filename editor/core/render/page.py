"""Whole HTML documents: `render_page` (standalone) and `page_shell` (live).

Both come from resources/preview/page.html with the theme CSS inlined
(preview.css + placeholders.css + pygments colours for both themes, or the
site's own compiled stylesheet) and a Content-Security-Policy meta:

- no scripts at all, unless `allow_scripts`; the live shell runs only our
  preview.js, allowed by a fresh nonce (post HTML never carries it);
- images/media from `file:`, `data:` and the web — only `file:`/`data:`
  with `block_remote`; frames only from https (none with `block_remote`);
- no `<base>`, no form submission, no plugins, no network requests from scripts.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from editor.core.disk.hashing import token_urlsafe

from editor.core.render.highlight_css import highlight_css
from editor.core.render.model import RenderOptions, RenderRequest

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)""", re.I)
_CSS_IMPORT = re.compile(r"""@import\s+(['"])[^'"]*\1\s*;?""", re.I)


@lru_cache(maxsize=8)
def _resource(name: str) -> str:
    # resources/ is installed as the package `editor.resources` (docs/core-api.md).
    from editor.resources_path import read_resource

    return read_resource("preview", name)


def theme_css(options: RenderOptions, root: Path | None = None) -> str:
    if options.site_css is not None:
        css_path = Path(options.site_css)
        css = css_path.read_text(encoding="utf-8", errors="replace")
        return confined_css(css, css_path, options, root) + "\n" + _resource("placeholders.css")
    return _resource("preview.css") + "\n" + _resource("placeholders.css") + "\n" + highlight_css()


def confined_css(css: str, css_path: Path, options: RenderOptions, root: Path | None = None) -> str:
    """A site stylesheet fit to inline in the page's <style>: no `</` can end
    the element (nothing after it could become markup), and url()s load only
    files under `root` (the site) or the stylesheet's own tree (the folder
    above `_site`/`public`, else the folder holding the stylesheet's folder,
    as a theme's css/ sits beside its img/)
    or, unless `block_remote`, the web. Inlined, a relative url() would lose
    its folder: it becomes a file URL."""
    base = css_path.resolve().parent
    own = next((p.parent for p in (base, *base.parents) if p.name in ("_site", "public")), base.parent)
    limits = [own] + ([root.resolve()] if root is not None else [])
    root = limits[-1]

    def url(m: re.Match[str]) -> str:
        value = m.group(2).strip()
        low = value.lower()
        if low.startswith("data:") or low.startswith("#"):
            return m.group(0)
        if low.startswith(("https:", "http:", "//")):
            return m.group(0) if not options.block_remote else "url()"
        if low.startswith("file:"):
            from urllib.parse import unquote, urlsplit

            target = Path(unquote(urlsplit(value).path))
        elif value.startswith("/"):
            target = root / value.lstrip("/")
        else:
            target = base / value.split("?", 1)[0].split("#", 1)[0]
        try:
            real = target.resolve()
        except (OSError, ValueError):
            return "url()"
        if not any(real.is_relative_to(limit) for limit in limits):
            return "url()"
        return f'url("{real.as_uri()}")'

    css = _CSS_IMPORT.sub("", css)
    css = _CSS_URL.sub(url, css)
    # `<` only appears in CSS inside strings and comments; escaped, it is the
    # same character to CSS and never a tag to HTML.
    return css.replace("<", "\\3c ")


def csp(options: RenderOptions, nonce: str | None = None) -> str:
    remote = "" if options.block_remote else " https: http:"
    if options.allow_scripts:
        script = "'unsafe-inline' 'unsafe-eval' file:" + ("" if options.block_remote else " https:")
    elif nonce:
        script = f"'nonce-{nonce}'"
    else:
        script = "'none'"
    return "; ".join([
        "default-src 'none'",
        f"img-src file: data:{remote}",
        f"media-src file: data:{remote}",
        "style-src 'unsafe-inline' file:" + ("" if options.block_remote else " https:"),
        "font-src file: data:" + ("" if options.block_remote else " https:"),
        "frame-src " + ("'none'" if options.block_remote else "https:"),
        f"script-src {script}",
        "connect-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def _fill(template: str, values: Mapping[str, str]) -> str:
    # One pass over the template only: markers inside post content stay as text.
    return re.sub(r"@@([A-Z_]+)@@", lambda m: values[m.group(1)], template)


def _lang(front_matter: Mapping[str, Any], body: str) -> str:
    lang = front_matter.get("lang") or front_matter.get("language")
    if isinstance(lang, str) and re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", lang):
        return lang.replace("_", "-")
    return "ko" if _HANGUL.search(body[:4000]) else ""


def render_page(request: RenderRequest) -> str:
    """A complete standalone document: header + body, CSS inlined, no scripts."""
    from editor.core.render.incremental import IncrementalRenderer  # the pipeline: not needed by page_shell

    result = IncrementalRenderer(request.site, request.options).render(request)
    options = request.options
    title = request.front_matter.get("title") or (request.post_path.name if request.post_path else "Preview")
    return _fill(_resource("page.html"), {
        "LANG": _lang(request.front_matter, request.body),
        "THEME": options.theme,
        "CSP": html.escape(csp(options), quote=True),
        "TITLE": html.escape(str(title)),
        "CSS": theme_css(options, request.site.root),
        "HEADER": result.header_html,
        "BODY_ATTRS": "",
        "BODY": result.full_html,
        "SCRIPT": "",
    })


def page_shell(options: RenderOptions | None = None, lang: str = "") -> str:
    """The page the window loads once; content arrives by `galley.applyPatch`."""
    options = options or RenderOptions()
    nonce = token_urlsafe(18)
    script = f'<script nonce="{nonce}">\n{_resource("preview.js")}\n</script>'
    page = _fill(_resource("page.html"), {
        "LANG": lang,
        "THEME": options.theme,
        "CSP": html.escape(csp(options, nonce), quote=True),
        "TITLE": "Preview",
        "CSS": theme_css(options),
        "HEADER": "",
        "BODY_ATTRS": "",
        "BODY": "",
        "SCRIPT": script,
    })
    if options.allow_scripts:
        page = page.replace("<body>", '<body data-allow-scripts="1">', 1)
    return page
