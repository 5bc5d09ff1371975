"""Local images and links: site paths → `file://` URLs of files under the site.

A post writes `/assets/a.png`, `{{ site.baseurl }}/assets/a.png`,
`https://me.github.io/blog/assets/a.png` (its own site URL) or `img/a.png`;
the preview has no web server, so each is looked up on disk:

- site-absolute paths (baseurl stripped): Jekyll/unknown under the root;
  Hugo under `static/`, `assets/` and `content/`; Zola under `static/` and
  `content/`;
- relative paths: next to the post (Hugo page bundles, Zola colocated
  assets), then as if site-absolute.

Only files that exist and lie inside the site root (or the post's folder when
there is no site) are rewritten; anything else is left as written. With
`embed_images`, images become `data:` URLs instead (standalone export).
"""

from __future__ import annotations

import base64
import html
import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from editor.core.render.model import SiteInfo

_ATTR = re.compile(r"""(\s(?:src|href|poster)\s*=\s*)(?:"([^"]*)"|'([^']*)')""", re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_EMBED_LIMIT = 8 * 1024 * 1024
_STATIC_DIRS = {"hugo": ("static", "assets", "content", ""), "zola": ("static", "content", ""), }


class PathResolver:
    def __init__(self, site: SiteInfo, post_path: Path | None, embed_images: bool = False) -> None:
        self.site = site
        self.post_dir = post_path.parent if post_path is not None else None
        self.root = site.root or self.post_dir
        self.embed_images = embed_images
        own = (site.url.rstrip("/") + "/" + site.baseurl.strip("/")).rstrip("/") if site.url else ""
        self._own_prefixes = tuple(p for p in {own, site.url.rstrip("/")} if p)

    def resolve(self, url: str) -> str:
        if not url or url.startswith(("#", "//")) or self.root is None:
            return url
        original = url
        for prefix in self._own_prefixes:
            if url.startswith(prefix + "/"):
                url = url[len(prefix):]
                break
        if _SCHEME.match(url):
            return url
        parts = urlsplit(url)
        path = unquote(parts.path)
        if not path:
            return original
        found = self._find(path)
        if found is None:
            return original
        if self.embed_images:
            data = self._data_url(found)
            if data:
                return data
        return found.as_uri() + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")

    def _candidates(self, path: str):
        dirs = _STATIC_DIRS.get(self.site.generator, ("",))
        if not path.startswith("/") and self.post_dir is not None:
            yield self.post_dir / path
        rel = path.lstrip("/")
        base = self.site.baseurl.strip("/")
        rels = [rel]
        if base and (rel == base or rel.startswith(base + "/")):
            rels.insert(0, rel[len(base):].lstrip("/"))
        for r in rels:
            for d in dirs:
                yield self.root / d / r if d else self.root / r

    def _find(self, path: str) -> Path | None:
        limits = [p.resolve() for p in (self.root, self.post_dir) if p is not None]
        for cand in self._candidates(path):
            try:
                if not cand.is_file():
                    continue
                real = cand.resolve()
            except (OSError, ValueError):
                continue
            if any(real.is_relative_to(limit) for limit in limits):
                return real
        return None

    def _data_url(self, path: Path) -> str | None:
        mime = mimetypes.guess_type(path.name)[0] or ""
        if not mime.startswith("image/") or mime == "image/svg+xml":
            return None
        from editor.core.disk.storage import read_head

        # A regular file only (a FIFO named `x.png` would block a plain read),
        # and no more than the limit even if it grew since it was listed.
        data = read_head(path, _EMBED_LIMIT + 1)
        if data is None or len(data) > _EMBED_LIMIT:
            return None
        return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")

    def rewrite(self, fragment: str) -> str:
        """Rewrite src/href/poster attribute values in an HTML fragment."""
        if "src" not in fragment and "href" not in fragment and "poster" not in fragment:
            return fragment

        def sub(m: re.Match[str]) -> str:
            raw = m.group(2) if m.group(2) is not None else m.group(3)
            value = html.unescape(raw)
            new = self.resolve(value)
            if new == value:
                return m.group(0)
            return f'{m.group(1)}"{html.escape(new, quote=True)}"'

        return _ATTR.sub(sub, fragment)


#: Where generators leave a site's compiled stylesheet (first match wins).
_SITE_CSS = (
    "_site/assets/css/style.css", "_site/assets/css/main.css", "_site/assets/main.css",
    "_site/css/main.css", "_site/css/style.css", "public/css/style.css", "public/css/main.css",
    "public/main.css", "assets/css/style.css", "assets/css/main.css", "assets/main.css",
    "css/main.css", "css/style.css", "static/css/style.css", "static/css/main.css",
)


def find_site_css(site: SiteInfo) -> Path | None:
    """The site's own compiled CSS, if one of the usual places has it (not Sass)."""
    if site.root is None:
        return None
    for rel in _SITE_CSS:
        path = site.root / rel
        if path.is_file():
            return path
    return None
