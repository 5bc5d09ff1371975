"""The body and the words search engines show: empty posts, title and excerpt length.

Lengths are display widths: a Hangul or Han character takes two columns, as it
takes about twice the room of a Latin letter in a search result.
"""

from __future__ import annotations

import re

from editor.core.validation.rules.registry import INFO, WARNING, check, diagnostic
from editor.core.validation.text import display_width

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_EXCERPT_KEYS = ("excerpt", "description", "summary")
TITLE_BOUNDS = (10, 70)
EXCERPT_BOUNDS = (50, 160)


@check("empty-body", empty_body=WARNING)
def check_empty_body(post, ctx):
    if post.decode_error is not None or post.front_matter_error is not None:
        return
    if post.stem == "_index":
        return  # a Hugo section page lists its pages; it needs no text of its own
    fm = post.front_matter
    if any(k in fm for k in ("redirect_to", "redirect", "external_url")) or \
            fm.get("layout") == "redirect":
        return
    body = post.body
    if not body.isspace() and body and (not post.has("<!--") or _COMMENT.sub("", body).strip()):
        return
    yield diagnostic("empty-body", WARNING, (post.body_line, 1))


def _bounds(ctx, rule: str, default: tuple[int, int]) -> tuple[int, int]:
    return (ctx.config.option(rule, "min", default[0]), ctx.config.option(rule, "max", default[1]))


@check("title-length", title_length=INFO)
def check_title_length(post, ctx):
    title = post.front_matter.get("title") if post.front_matter_error is None else None
    if not isinstance(title, str) or not title.strip():
        return
    low, high = _bounds(ctx, "title-length", TITLE_BOUNDS)
    width = display_width(title.strip())
    if width < low:
        yield diagnostic("title-length/short", INFO, post.where("title"), key="title",
                         width=width, high=high)
    elif width > high:
        yield diagnostic("title-length", INFO, post.where("title"), key="title",
                         width=width, high=high)


@check("excerpt-length", excerpt_length=INFO)
def check_excerpt_length(post, ctx):
    if post.front_matter_error is not None:
        return
    fm = post.front_matter
    key = next((k for k in _EXCERPT_KEYS if isinstance(fm.get(k), str) and fm[k].strip()), None)
    if key is None:
        return
    low, high = _bounds(ctx, "excerpt-length", EXCERPT_BOUNDS)
    width = display_width(" ".join(fm[key].split()))
    if width < low:
        yield diagnostic("excerpt-length/short", INFO, post.where(key), key=key, field=key,
                         width=width, low=low, high=high)
    elif width > high:
        yield diagnostic("excerpt-length", INFO, post.where(key), key=key, field=key,
                         width=width, high=high)
