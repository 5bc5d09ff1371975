"""The public URL a generator gives a post: for `{% post_url %}`, `{% link %}`,
`page.url` and Hugo's `ref`/`relref`.

Jekyll: the `permalink` front-matter key, else the site's `permalink` setting:
a style name (`date` — the default, `pretty`, `ordinal`, `none`) or a pattern
with `:categories`, `:year`, `:month`, `:day`, `:title`, `:output_ext`...
Since Jekyll 4 `post_url` and `link` include `baseurl`.
Hugo/Zola: `/<section>/<slug>/` from the path under `content/` (bundles use the
folder name); `url`/`slug` front-matter keys win.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import quote

_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_DATED_NAME = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$")
_MD_EXT = {".md", ".markdown", ".mkd", ".mkdn", ".mdown", ".text", ".txt", ".html", ".htm"}


def join_url(*parts: str) -> str:
    """Join URL parts with exactly one slash between them."""
    out = ""
    for part in parts:
        if not part:
            continue
        if not out:
            out = part
        else:
            out = out.rstrip("/") + "/" + part.lstrip("/")
    return out


def as_date(value: Any) -> dt.date | None:
    """A front-matter date (a date, a datetime, or text starting YYYY-MM-DD), or None."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


def _categories(front_matter: Mapping[str, Any], path: Path | None, root: Path | None) -> list[str]:
    cats: list[str] = []
    # Folders above `_posts` are categories too (Jekyll).
    if path is not None and root is not None:
        try:
            rel = path.relative_to(root).parts
        except ValueError:
            rel = ()
        if "_posts" in rel:
            cats += [p for p in rel[: rel.index("_posts")] if not p.startswith("_")]
    for key in ("categories", "category"):
        value = front_matter.get(key)
        if isinstance(value, str):
            cats += value.split() if key == "categories" else [value]
        elif isinstance(value, (list, tuple)):
            cats += [str(v) for v in value if v is not None]
    seen: list[str] = []
    for c in cats:
        if c not in seen:
            seen.append(c)
    return seen


def jekyll_url(path: Path | None, front_matter: Mapping[str, Any], config: Mapping[str, Any], root: Path | None = None) -> str:
    """The URL of a Jekyll post (without baseurl)."""
    stem = path.stem if path else ""
    m = _DATED_NAME.match(stem)
    title_slug = str(front_matter.get("slug") or (m.group(4) if m else stem))
    date = as_date(front_matter.get("date"))
    if date is None and m:
        date = as_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
    date = date or dt.date(1970, 1, 1)
    pattern = str(front_matter.get("permalink") or config.get("permalink") or "date")
    pattern = _STYLES.get(pattern, pattern)
    # Jekyll 4 writes categories lower-cased in URLs (`Pets` -> /pets/), from the
    # front matter and from the folders above `_posts` alike.
    cats = "/".join(quote(c.lower(), safe="") for c in _categories(front_matter, path, root))
    values = {
        "categories": cats,
        "year": f"{date.year:04d}",
        "month": f"{date.month:02d}",
        "i_month": str(date.month),
        "day": f"{date.day:02d}",
        "i_day": str(date.day),
        "short_year": f"{date.year % 100:02d}",
        "y_day": f"{date.timetuple().tm_yday:03d}",
        "week": f"{date.isocalendar()[1]:02d}",
        "short_day": date.strftime("%a"),
        "title": quote(title_slug, safe=""),
        "slug": quote(title_slug.lower(), safe=""),
        "name": quote(stem, safe=""),
        "output_ext": ".html",
    }
    url = re.sub(r":(\w+)", lambda k: values.get(k.group(1), k.group(0)), pattern)
    url = re.sub(r"/{2,}", "/", url)
    return url if url.startswith("/") else "/" + url


def content_url(path: Path, front_matter: Mapping[str, Any], root: Path | None) -> str:
    """Hugo/Zola: the URL of a content file."""
    if front_matter.get("url"):
        return str(front_matter["url"])
    try:
        rel = path.relative_to(root / "content") if root else Path(path.name)
    except ValueError:
        rel = Path(path.name)
    parts = list(rel.parts)
    if parts and Path(parts[-1]).stem in ("index", "_index"):
        parts = parts[:-1]
    elif parts:
        parts[-1] = str(front_matter.get("slug") or Path(parts[-1]).stem)
    return "/" + "/".join(quote(p, safe="") for p in parts) + ("/" if parts else "")


@lru_cache(maxsize=512)
def _front_matter_of(path: Path, mtime_ns: int) -> dict:
    """Another post's front matter, for its URL (the site index's fast reader)."""
    from editor.core.site.site import summarize  # noqa: PLC0415 - keeps render free of a hard dependency

    try:
        data = summarize(path).front_matter
    except Exception:  # noqa: BLE001 - a broken neighbour must not break this preview
        return {}
    return data if isinstance(data, dict) else {}


def front_matter_of(path: Path) -> dict:
    try:
        return _front_matter_of(path, path.stat().st_mtime_ns)
    except OSError:
        return {}


def find_post(name: str, post_files: tuple[Path, ...]) -> Path | None:
    """Jekyll `post_url` argument (`2010-07-21-name` or `dir/2010-07-21-name`) → file."""
    name = name.strip().strip("\"'")
    target = name.rsplit("/", 1)[-1]
    for path in post_files:
        if path.stem == target and (("/" not in name) or path.as_posix().endswith(name + path.suffix) or name.split("/")[0] in path.parts):
            return path
    return None


def is_page_file(path: Path) -> bool:
    return path.suffix.lower() in _MD_EXT
