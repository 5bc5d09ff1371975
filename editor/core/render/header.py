"""The post's header as the site shows it: cover image, title, date, author,
categories and tags, and the excerpt / feature text rendered as Markdown.

Themes name these fields differently; we read the common spellings
(minimal-mistakes `header.overlay_image`, alembic `feature_image` and
`feature_text`, PaperMod `cover.image`, Zola `extra.image`, ...).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any, Callable, Mapping

_COVER_KEYS = (
    ("image",), ("cover",), ("cover", "image"), ("feature_image",), ("featured_image",),
    ("header", "overlay_image"), ("header", "image"), ("header", "teaser"), ("extra", "image"),
    ("thumbnail",), ("banner",), ("image", "path"), ("image", "feature"), ("image", "url"), ("image", "src"),
)
#: Text fields shown under the title, in this order; Markdown unless the site's
#: schema types them as plain text. Other fields the schema types "markdown"
#: follow them.
TEXT_FIELDS = ("feature_text", "excerpt", "summary", "description")


def _get(fm: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = fm
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def cover_image(fm: Mapping[str, Any]) -> str | None:
    for path in _COVER_KEYS:
        value = _get(fm, path)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _words(value: Any) -> list[str]:
    if isinstance(value, str):
        return [w for w in (value.split(",") if "," in value else value.split()) if w.strip()]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v is not None and str(v).strip()]
    return []


def format_date(value: Any) -> tuple[str, str] | None:
    """(machine datetime, what the reader sees)."""
    if isinstance(value, dt.datetime):
        return value.isoformat(), value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat(), value.isoformat()
    if isinstance(value, str) and value.strip():
        text = value.strip()
        # "2016-08-20T12:15:44+09:00", "2024-03-05 09:30:00 +0900": shown like a parsed date.
        iso = re.sub(r"\s+([+-]\d\d):?(\d\d)$", r"\1:\2", text).replace("Z", "+00:00")
        try:
            parsed = dt.datetime.fromisoformat(iso)
        except ValueError:
            return text, text
        return format_date(parsed if (parsed.hour, parsed.minute, parsed.second) != (0, 0, 0) or "T" in text
                           or ":" in text else parsed.date())
    return None


def render_header(fm: Mapping[str, Any], markdown_to_html: Callable[[str], str], resolve_url: Callable[[str], str],
                  field_types: Mapping[str, str] | None = None) -> str:
    esc = html.escape
    parts: list[str] = []
    cover = cover_image(fm)
    if cover:
        parts.append(f'<figure class="galley-cover"><img src="{esc(resolve_url(cover))}" alt=""></figure>')
    title = fm.get("title")
    if title not in (None, ""):
        parts.append(f'<h1 class="galley-title">{esc(str(title))}</h1>')
    subtitle = fm.get("subtitle")
    if isinstance(subtitle, str) and subtitle:
        parts.append(f'<p class="galley-subtitle">{esc(subtitle)}</p>')
    meta = []
    date = format_date(fm.get("date"))
    if date:
        meta.append(f'<time class="galley-date" datetime="{esc(date[0])}">{esc(date[1])}</time>')
    author = fm.get("author")
    if isinstance(author, Mapping):
        author = author.get("name")
    authors = _words(fm.get("authors")) if not author else [str(author)]
    if authors:
        meta.append(f'<span class="galley-author">{esc(", ".join(authors))}</span>')
    if meta:
        parts.append('<p class="galley-meta">' + ' <span aria-hidden="true">·</span> '.join(meta) + "</p>")
    terms = [("category", c) for c in _words(fm.get("categories")) + _words(fm.get("category"))]
    terms += [("tag", t) for t in _words(fm.get("tags"))]
    if terms:
        items = "".join(f'<li class="galley-{kind}">{esc(text)}</li>' for kind, text in terms)
        parts.append(f'<ul class="galley-terms">{items}</ul>')
    types = field_types or {}
    extra = tuple(k for k, t in types.items() if t == "markdown" and k not in TEXT_FIELDS and k != "title")
    for key in TEXT_FIELDS + extra:
        value = fm.get(key)
        if isinstance(value, str) and value.strip():
            if types.get(key, "markdown") == "markdown":
                inner = markdown_to_html(value)
            else:
                inner = f"<p>{esc(value.strip())}</p>"
            cls = re.sub(r"[^\w-]", "-", key.replace("_", "-"))
            parts.append(f'<div class="galley-{cls}">{inner}</div>')
    return "\n".join(parts)
