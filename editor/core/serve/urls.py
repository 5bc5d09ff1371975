"""The URL of the open post's page on the development server.

Computed from the site's rules first (the fast preview's `jekyll_url` /
`content_url` for the common case, plus what only matters here: Jekyll's
collections and drafts, Hugo's `permalinks` setting and lower-cased paths),
then, when the server answers 404 for it, found in the generator's output
folder by the post's slug.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import quote

from editor.core.render.urls import as_date, jekyll_url, join_url

_DATED = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$")
_COLLECTION_DEFAULT = "/:collection/:path:output_ext"


def _mapping(value: Any) -> Mapping:
    return value if isinstance(value, Mapping) else {}


def _baseurl(config: Mapping) -> str:
    base = config.get("baseurl") or ""
    return "/" + str(base).strip("/") if str(base).strip("/") else ""


def _collection_of(root: Path, path: Path, config: Mapping) -> str | None:
    """The Jekyll collection (other than posts) `path` belongs to, if any."""
    collections = config.get("collections")
    names = list(collections) if isinstance(collections, (Mapping, list)) else []
    try:
        rel = path.relative_to(root)
    except ValueError:
        return None
    base = Path(str(config.get("collections_dir") or ""))
    for name in names:
        name = str(name)
        if name == "posts":
            continue
        try:
            rel.relative_to(base / f"_{name}")
        except ValueError:
            continue
        return name
    return None


def jekyll_post_url(root: Path, path: Path, front_matter: Mapping[str, Any], config: Mapping[str, Any],
                    now: dt.datetime | None = None) -> str:
    """The page's path (with `baseurl`) Jekyll gives the post at `path`."""
    root, path = Path(root), Path(path)
    front_matter, config = _mapping(front_matter), _mapping(config)
    if front_matter.get("permalink"):
        return join_url(_baseurl(config), str(front_matter["permalink"])) or "/"
    collection = _collection_of(root, path, config)
    if collection is not None:
        meta = _mapping(_mapping(config.get("collections")).get(collection))
        pattern = str(meta.get("permalink") or _COLLECTION_DEFAULT)
        rel = path.relative_to(root / Path(str(config.get("collections_dir") or "")) / f"_{collection}")
        values = {"collection": collection, "path": quote(str(rel.with_suffix("")), safe="/"),
                  "name": quote(path.stem, safe=""), "title": quote(str(front_matter.get("slug") or path.stem), safe=""),
                  "output_ext": ".html"}
        url = re.sub(r":(\w+)", lambda m: values.get(m.group(1), m.group(0)), pattern)
        return join_url(_baseurl(config), re.sub(r"/{2,}", "/", url))
    fm = dict(front_matter)  # render.urls.jekyll_url lower-cases categories as Jekyll 4 does
    if path.is_relative_to(root) and "_drafts" in path.relative_to(root).parts:
        # `--drafts`: a draft is dated by its file's modification time, unless it has a date.
        if not fm.get("date"):
            try:
                fm["date"] = dt.datetime.fromtimestamp(path.stat().st_mtime).date().isoformat()
            except OSError:
                fm["date"] = (now or dt.datetime.now()).date().isoformat()
    return join_url(_baseurl(config), jekyll_url(path, fm, config, root))


def _hugo_section(rel: Path) -> str:
    return rel.parts[0] if len(rel.parts) > 1 else ""


def hugo_post_url(root: Path, path: Path, front_matter: Mapping[str, Any], config: Mapping[str, Any]) -> str:
    """The page's path Hugo gives the content file at `path` (the server's baseURL is the root)."""
    root, path = Path(root), Path(path)
    front_matter, config = _mapping(front_matter), _mapping(config)
    content = root / str(config.get("contentdir") or config.get("contentDir") or "content")
    lower = not (config.get("disablepathtolower") or config.get("disablePathToLower"))
    if front_matter.get("url"):
        url = str(front_matter["url"])
        return url if url.startswith("/") else "/" + url
    try:
        rel = path.relative_to(content)
    except ValueError:
        rel = Path(path.name)
    bundle = path.stem in ("index", "_index")
    slug = str(front_matter.get("slug") or (rel.parent.name if bundle else path.stem))
    section = _hugo_section(rel)
    permalinks = _mapping(config.get("permalinks"))
    pattern = permalinks.get(section) if section else None
    if isinstance(pattern, str):
        date = as_date(front_matter.get("date"))
        values = {"year": f"{date.year:04d}" if date else "", "month": f"{date.month:02d}" if date else "",
                  "day": f"{date.day:02d}" if date else "", "section": section, "sections": section,
                  "slug": slug, "title": _hugo_slugify(str(front_matter.get("title") or slug)),
                  "filename": rel.parent.name if bundle else path.stem, "contentbasename": path.stem}
        url = re.sub(r":(\w+)", lambda m: values.get(m.group(1), m.group(0)), pattern)
        url = re.sub(r"/{2,}", "/", "/" + url.strip("/") + "/")
    else:
        parts = list(rel.parent.parts)
        if not bundle:
            parts.append(slug)
        elif front_matter.get("slug") and parts:
            parts[-1] = slug
        url = "/" + "/".join(quote(p, safe="") for p in parts) + ("/" if parts else "")
    return url.lower() if lower else url


def _hugo_slugify(text: str) -> str:
    return re.sub(r"[^\w\-]+", "-", text.strip().lower()).strip("-")


def post_url(kind: str, root: Path, path: Path, front_matter: Mapping[str, Any], config: Mapping[str, Any]) -> str:
    if kind == "hugo":
        return hugo_post_url(root, path, front_matter, config)
    return jekyll_post_url(root, path, front_matter, config)


def output_dir(kind: str, root: Path, config: Mapping[str, Any]) -> Path | None:
    """Where the server writes the pages (Jekyll's `destination`); None when
    it serves them from memory (Hugo's server)."""
    if kind != "jekyll":
        return None
    dest = _mapping(config).get("destination") or "_site"
    return (Path(root) / str(dest)).resolve()


def find_in_output(folder: Path | None, path: Path, front_matter: Mapping[str, Any]) -> str | None:
    """The page of the post in the output folder, found by its slug: the
    newest `<slug>.html` or `<slug>/index.html`; None when there is none."""
    if folder is None or not folder.is_dir():
        return None
    stem = path.stem
    m = _DATED.match(stem)
    slug = str(_mapping(front_matter).get("slug") or (m.group(4) if m else stem))
    found = [*folder.rglob(f"{slug}.html"), *folder.rglob(f"{slug}/index.html")]
    if not found:
        return None
    best = max(found, key=lambda p: p.stat().st_mtime)
    rel = best.relative_to(folder).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("/index.html") else rel)
