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
there is no site), symlinks resolved first, are rewritten. Nothing else local
loads: the page's base is the post's folder, so a path left as written could
reach outside (`../../x.png`, a symlink out of the site). A `src`, `poster` or
`srcset` that names no such file is dropped, as is a `file:` URL (in any
attribute) outside the site; `//host/x` becomes `https://host/x` (as a site
served over https loads it; against a file base it would be a network share).
A link's `href` to a page that is not a file (another post's URL) stays as
written: it loads nothing, and clicks are the window's. With `embed_images`,
images become `data:` URLs instead (standalone export).
"""

from __future__ import annotations

import base64
import html
import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from editor.core.render.model import SiteInfo

_ATTR = re.compile(r"""(\s(src|href|poster|srcset)\s*=\s*)(?:"([^"]*)"|'([^']*)')""", re.I)
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

    def resolve(self, url: str, load: bool = True) -> str:
        """`url` as the preview page may use it: a local file inside the site
        as a `file:` URL, a remote URL as written, "" for anything local that
        must not load. With `load=False` (a link's target) a local path that
        is no file stays as written."""
        if not url or url.startswith("#") or self.root is None:
            return url  # no disk context (a text alone): nothing local to find or confine
        if url.startswith("//"):
            return "https:" + url
        original = url
        for prefix in self._own_prefixes:
            if url.startswith(prefix + "/"):
                url = url[len(prefix):]
                break
        if url[:5].lower() == "file:":
            found = self._file_url(url)
        elif _SCHEME.match(url):
            return url
        else:
            found = self._local(url)
        if found is None:
            if url is not original:
                return original  # the site's own URL of a file we do not have: the web copy
            if url[:5].lower() == "file:":
                return ""
            return original if not load or self._harmless(url) else ""
        path, parts = found
        if self.embed_images:
            data = self._data_url(path)
            if data:
                return data
        return path.as_uri() + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")

    def _local(self, url: str):
        if self.root is None:
            return None
        parts = urlsplit(url)
        path = unquote(parts.path)
        found = self._find(path) if path else None
        return (found, parts) if found is not None else None

    def _file_url(self, url: str):
        """A `file:` URL written in the post: allowed only inside the site."""
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost") or self.root is None:
            return None
        try:
            real = Path(unquote(parts.path)).resolve()
        except (OSError, ValueError):
            return None
        if not real.is_file() or not any(real.is_relative_to(limit) for limit in self._limits()):
            return None
        return real, parts

    def _harmless(self, url: str) -> bool:
        """A relative path to no file yet that, read from the post's folder
        (the page's base), stays inside the site even through symlinks: left
        as written, it can only ever load a file of the site."""
        path = unquote(urlsplit(url).path)
        if self.post_dir is None or not path or path.startswith("/") or "\\" in path:
            return False
        try:
            real = (self.post_dir / path).resolve()
        except (OSError, ValueError):
            return False
        return any(real.is_relative_to(limit) for limit in self._limits())

    def _limits(self) -> list[Path]:
        return [p.resolve() for p in (self.root, self.post_dir) if p is not None]

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
        limits = self._limits()
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
        """Rewrite (or drop) src/href/poster/srcset values in an HTML fragment."""
        if "src" not in fragment and "href" not in fragment and "poster" not in fragment:
            return fragment

        def sub(m: re.Match[str]) -> str:
            attr = m.group(2).lower()
            raw = m.group(3) if m.group(3) is not None else m.group(4)
            value = html.unescape(raw)
            new = self._srcset(value) if attr == "srcset" else self.resolve(value, load=attr != "href")
            if new == value:
                return m.group(0)
            if not new and value:
                return ""  # nothing the page may load: no attribute at all
            return f'{m.group(1)}"{html.escape(new, quote=True)}"'

        return _ATTR.sub(sub, fragment)

    def _srcset(self, value: str) -> str:
        kept = []
        for candidate in value.split(","):
            url, _, descriptor = candidate.strip().partition(" ")
            new = self.resolve(url) if url else ""
            if new:
                kept.append(f"{new} {descriptor.strip()}".strip())
        return ", ".join(kept)


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
