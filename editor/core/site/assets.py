"""Where a dropped or pasted image goes, under what name, and how a post links to it.

The folder follows the generator's convention unless `galley.toml` names one
(`[images] folder = "assets/img/{year}"`): Jekyll `assets/images/YYYY/`, a Hugo
page bundle its own folder, other Hugo and Zola posts `static/images/YYYY/`,
and a post outside a site the post's own folder. Nothing is ever written
outside the site root (or, without a site, outside the post's folder).

The link must work on the published site, so a Jekyll post links the way the
site's posts already do (`relative_url`, `site.baseurl`, or a plain path).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from editor.core.site.site import SETTINGS_FILE

#: The files we take as images when dropped.
IMAGE_SUFFIXES = frozenset((".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", ".bmp"))
#: Posts whose body is HTML: the image goes in as an `<img>`.
HTML_SUFFIXES = frozenset((".html", ".htm"))

_UNSAFE = re.compile(r"[^\w.-]+")
_DASHES = re.compile(r"-{2,}")
_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
_RELATIVE_URL = re.compile(r"\|\s*relative_url\s*\}\}")
_BASEURL = re.compile(r"\{\{\s*site\.baseurl\s*\}\}")


class AssetError(ValueError):
    """An image cannot be placed (the reason is for the writer)."""


@dataclass(frozen=True)
class ImagePlace:
    """Where images of one post go: `folder` on disk, and how a file in it is
    linked (`url_for`)."""

    folder: Path
    #: The folder's path on the site ("/assets/images/2026"), or "" when the
    #: link is the bare file name (next to the post, a Hugo page bundle).
    site_path: str
    #: Jekyll's link style: "relative_url", "baseurl" or "plain".
    style: str = "plain"

    def url_for(self, name: str) -> str:
        if not self.site_path:
            return name
        path = f"{self.site_path.rstrip('/')}/{name}"
        if self.style == "relative_url":
            return "{{ '" + path + "' | relative_url }}"
        if self.style == "baseurl":
            return "{{ site.baseurl }}" + path
        return path


def safe_name(name: str, fallback: str = "image") -> str:
    """A file name that is safe in a URL and on every file system: lowercase,
    spaces and punctuation become dashes, Unicode letters and digits stay
    (Jekyll and Hugo serve them), the extension is kept in lowercase."""
    name = unicodedata.normalize("NFC", os.path.basename(name.replace("\\", "/")))
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        stem, suffix = name, ""
    stem = _DASHES.sub("-", _UNSAFE.sub("-", stem.lower().replace("_", "-"))).strip("-.")
    suffix = re.sub(r"[^a-z0-9]", "", suffix.lower())
    stem = stem or fallback
    return f"{stem}.{suffix}" if suffix else stem


def unique_path(folder: Path, name: str) -> Path:
    """`folder/name`, or `stem-2.ext`, `stem-3.ext`... if that exists."""
    candidate = folder / name
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    n = 2
    while candidate.exists():
        candidate = folder / (f"{stem}-{n}.{suffix}" if suffix else f"{stem}-{n}")
        n += 1
    return candidate


def post_slug(post_path: Path | None) -> str:
    """The post's slug, for a pasted bitmap's name: the file name without
    Jekyll's date prefix, or a Hugo bundle's folder name."""
    if post_path is None:
        return "image"
    stem = post_path.stem
    if stem in ("index", "_index"):
        stem = post_path.parent.name
    return safe_name(_DATE_PREFIX.sub("", stem)) or "image"


def bitmap_name(post_path: Path | None, now: dt.datetime) -> str:
    """The name of a bitmap pasted from the clipboard: the post's slug and the time."""
    return f"{post_slug(post_path)}-{now:%Y%m%d-%H%M%S}.png"


def configured_folder(site_root: Path) -> str | None:
    """`[images] folder` of the site's galley.toml, if it is set (a broken
    galley.toml is reported by validation; here it just means the convention)."""
    try:
        with open(site_root / SETTINGS_FILE, "rb") as f:
            data = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError):
        return None
    images = data.get("images")
    folder = images.get("folder") if isinstance(images, dict) else None
    return folder if isinstance(folder, str) and folder.strip() else None


def jekyll_link_style(texts, baseurl: str = "") -> str:
    """How the site's posts link their files: "relative_url" or "baseurl",
    whichever `texts` (post bodies) use more; with neither, "relative_url"
    when the site lives under a base path (a plain "/assets" would miss it),
    else "plain"."""
    relative = baseurl_count = 0
    for text in texts:
        relative += len(_RELATIVE_URL.findall(text))
        baseurl_count += len(_BASEURL.findall(text))
    if relative or baseurl_count:
        return "relative_url" if relative >= baseurl_count else "baseurl"
    return "relative_url" if baseurl else "plain"


def _inside(path: Path, root: Path) -> bool:
    return os.path.realpath(path) == os.path.realpath(root) or \
        os.path.realpath(path).startswith(os.path.realpath(root) + os.sep)


def image_place(post_path: Path | None, site_root: Path | None, generator: str = "unknown",
                today: dt.date | None = None, style: str = "plain") -> ImagePlace:
    """Where the images of the post at `post_path` go (see the module's text).
    Raises AssetError for a post that has neither a file nor a site."""
    today = today or dt.date.today()
    post_path = Path(post_path) if post_path is not None else None
    if site_root is None or generator not in ("jekyll", "hugo", "zola"):
        if post_path is None:
            raise AssetError("Save the post first: its images go next to it.")
        return ImagePlace(post_path.parent, "")
    root = Path(site_root)
    folder = configured_folder(root)
    if folder is not None:
        rel = folder.format(year=f"{today:%Y}", month=f"{today:%m}").strip("/")
        target = root / rel
        if _inside(target, root):
            # Hugo and Zola serve `static/` at the site's top.
            served = rel.removeprefix("static/") if generator in ("hugo", "zola") else rel
            return ImagePlace(target, "/" + served if served != "static" else "/", style)
    if generator == "jekyll":
        rel = f"assets/images/{today:%Y}"
        return ImagePlace(root / rel, "/" + rel, style)
    if generator == "hugo" and post_path is not None and post_path.stem == "index" \
            and _inside(post_path.parent, root):
        return ImagePlace(post_path.parent, "")
    return ImagePlace(root / "static" / "images" / f"{today:%Y}", f"/images/{today:%Y}")


def bundle_folder(post_path: Path | None, generator: str) -> Path | None:
    """The folder of the page bundle (Hugo) or colocated page (Zola) the post
    is the `index.md`/`_index.md` of: its resources are linked relative to it."""
    if post_path is None or generator not in ("hugo", "zola"):
        return None
    post_path = Path(post_path)
    return post_path.parent if post_path.stem in ("index", "_index") else None


def image_value(chosen: Path, site_root: Path | None, generator: str = "unknown",
                post_path: Path | None = None) -> str:
    """What an image field says for the file `chosen`, as the site serves it:
    a resource of the post's page bundle by its path in the bundle (the bare
    file name), a file of Hugo's or Zola's `static/` at the site's top
    ("/images/a.png", not "/static/images/a.png"), another file of the site
    by its path from the root, and a file outside the site by its own path."""
    chosen = Path(os.path.abspath(chosen))
    bundle = bundle_folder(post_path, generator)
    if bundle is not None and _inside(chosen, bundle) and os.path.realpath(chosen) != os.path.realpath(bundle):
        return Path(os.path.relpath(os.path.realpath(chosen), os.path.realpath(bundle))).as_posix()
    if site_root is None or not _inside(chosen, Path(site_root)):
        return chosen.as_posix()
    rel = Path(os.path.relpath(os.path.realpath(chosen), os.path.realpath(site_root))).as_posix()
    if generator in ("hugo", "zola") and rel.startswith("static/"):
        rel = rel.removeprefix("static")
        return rel if rel.startswith("/") else "/" + rel
    return "/" + rel


def write_image(place: ImagePlace, name: str, data: bytes, limit: Path | None = None) -> Path:
    """Write `data` as a new file in `place.folder` under a safe unique `name`;
    returns its path. `limit`: the folder nothing may be written outside of
    (the site root). Never overwrites: a name taken meanwhile gets the next number."""
    folder = place.folder
    if limit is not None and not _inside(folder, limit):
        raise AssetError(f"{folder}: outside the site")
    folder.mkdir(parents=True, exist_ok=True)
    name = safe_name(name)
    while True:
        path = unique_path(folder, name)
        try:
            with open(path, "xb") as f:
                f.write(data)
            return path
        except FileExistsError:
            continue


def image_markup(alt: str, url: str, html: bool) -> str:
    """A Markdown image, or an `<img>` for an HTML post."""
    if html:
        from html import escape

        return f'<img src="{escape(url)}" alt="{escape(alt)}">'
    alt = alt.replace("[", "").replace("]", "")
    return f"![{alt}]({url})"


def alt_text(name: str) -> str:
    """An image's alt text from its file name: the stem, words spaced."""
    stem = Path(name).stem
    return re.sub(r"[-_]+", " ", stem).strip()
