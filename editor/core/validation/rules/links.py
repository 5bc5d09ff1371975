"""Local images and site-relative links that lead to nothing in the site.

Remote URLs are never fetched. Only what can be decided from the site folder
is checked, and a link is taken as good when any page of the site could be
its target (a file, a folder, a post slug, a permalink, a generated list
page): a false "broken link" costs the writer more than a missed one.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from editor.core.validation.rules.registry import WARNING, check, diagnostic
from editor.core.validation.text import contains

_IMAGE_KEYS = ("image", "cover", "thumbnail", "feature_image", "featured_image", "teaser",
               "og_image", "banner", "header.image", "header.teaser", "header.overlay_image",
               "cover.image", "image.path", "image.src")
_IMAGE_KEY_TOPS = tuple((key, key.split(".", 1)[0]) for key in _IMAGE_KEYS)
_IMAGE_LIST_KEYS = ("images", "gallery")

# `[text](url)` and `![alt](src)`: found from their `](` (a literal the regex engine
# skips to quickly), then the `[` before it on the same line tells which it is.
_MD_TARGET = re.compile(r"\]\([ \t]*<?([^)\s>]+)")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_HTML_SRC = re.compile(r"<img\b[^>]*?\ssrc\s*=\s*[\"']([^\"']+)[\"']", re.I)
_A_TAG_START = re.compile(r"<[aA]")
#: Where an `<img` can start: every character `i` matches under re.I (the dotted and
#: dotless Turkish i too). A case-insensitive pattern cannot skip ahead to its "<"
#: the way this one does, so _HTML_SRC runs only from the first such place.
_IMG_TAG_START = re.compile("<[iI\u0130\u0131]")
_HTML_HREF = re.compile(r"<a\b[^>]*?\shref\s*=\s*[\"']([^\"']+)[\"']", re.I)
_FIGURE = re.compile(r"\{\{[<%]\s*figure\b[^}]*?\ssrc\s*=\s*[\"']?([^\"'\s}]+)", re.I)
_POST_URL = re.compile(r"\{%-?\s*post_url\s+([^\s%]+)\s*-?%\}")
_LINK_TAG = re.compile(r"\{%-?\s*link\s+([^\s%]+)\s*-?%\}")
_HUGO_REF = re.compile(r"""\{\{[<%]\s*(?:rel)?ref\s+["']?([^"'\s>%]+)["']?\s*[>%]\}\}""")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# `{{ site.baseurl }}/x`, `{{ site.url }}{{ site.baseurl }}/x`, `{{ "/x" | relative_url }}`
_SITE_VAR = re.compile(r"^(?:\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\})+")
_RELATIVE_URL = re.compile(r"""^\{\{-?\s*["']([^"']+)["']\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}""")
#: First URL segments of pages themes and plugins generate (no source file for them):
#: term pages (/tags/go/), pagination (/page/2/), feeds and sitemaps.
_GENERATED = frozenset({"tags", "tag", "categories", "category", "archive", "archives", "page",
                        "search", "feed.xml", "atom.xml", "rss.xml", "index.xml", "feed",
                        "sitemap.xml", "robots.txt", "404.html", "authors", "author", "series",
                        "year-archive", "index.html"})
#: List pages of a blog (/posts/, /blog/page/2/) -- but not the posts below them.
_LISTS = frozenset({"posts", "post", "blog", "news"})
_FILE_EXT = re.compile(r"\.(png|jpe?g|gif|svg|webp|avif|ico|bmp|pdf|zip|gz|tgz|mp4|mp3|webm|"
                       r"ogg|wav|txt|csv|json|xml|css|js|woff2?|ttf|ppt|pptx|doc|docx|xls|xlsx)$",
                       re.I)


def _site_path(url: str, ctx) -> str | None:
    """The path inside the site a link points to, or None when it is not ours to check."""
    url = url.strip()
    if "{{" in url:
        m = _RELATIVE_URL.match(url)
        if m:
            url = m.group(1)
            if not url.startswith("/"):
                url = "/" + url
        else:
            url = _SITE_VAR.sub("", url)
    if "{{" in url or "{%" in url or not url or url.startswith(("#", "//", "mailto:")):
        return None
    if _SCHEME.match(url):
        return None
    url = url.split("#", 1)[0].split("?", 1)[0]
    if "%" in url:
        url = unquote(url)
    if ctx.baseurl and url.startswith(ctx.baseurl + "/"):
        url = url[len(ctx.baseurl):]
    elif ctx.baseurl and url == ctx.baseurl:
        url = "/"
    return url


_UP_PREFIX = re.compile(r"^(?:\.\./|\./)+")


def _image_found(url: str, post, ctx) -> bool:
    # The answer depends on the site's facts, the URL and (for a relative URL) the
    # post's folder only.
    cache = ctx.memo("image_found")
    key = (url, post.folder_parts)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _look_for_image(url, post, ctx)
    return found


def _look_for_image(url: str, post, ctx) -> bool:
    path = _site_path(url, ctx)
    if path is None or not path:
        return True
    if path.startswith("/") and ctx.generator == "unknown":
        return True  # no generator config: where "/" is on the server cannot be known
    # `/../assets/x.png` and `../assets/x.png` from a post end up at the site root.
    inner = path.lstrip("/")
    if inner.startswith("."):
        inner = _UP_PREFIX.sub("", inner)
    candidates = [inner, "static/" + inner, "content/" + inner, "assets/" + inner]
    if not path.startswith("/"):
        # Relative to the post's own folder (a Hugo/Zola page bundle keeps its images there).
        folder = "/".join(post.folder_parts)
        candidates.append(posixpath.normpath(posixpath.join(folder, path)))
    if any(c in ctx.files for c in candidates):
        return True
    return _theme_static(inner, ctx)


def _theme_static(inner: str, ctx) -> bool:
    """Hugo serves a theme's `static/` too: `themes/NAME/static/`, and for a theme's
    own `exampleSite/`, the theme folder just above it."""
    if ctx.generator != "hugo" or ctx.root is None:
        return False
    themes = {d.split("/")[1] for d in ctx.dirs if d.startswith("themes/") and d.count("/") == 1}
    if any(f"themes/{t}/static/{inner}" in ctx.files for t in themes):
        return True
    return ctx.root.name == "exampleSite" and (ctx.root.parent / "static" / inner).is_file()


def _front_matter_images(post):
    fm = post.front_matter
    for key, top in _IMAGE_KEY_TOPS:
        if top not in fm:
            continue
        value = _lookup(fm, key)
        if isinstance(value, str):
            yield key, value
    for key in _IMAGE_LIST_KEYS:
        value = fm.get(key)
        if value is None:
            continue
        if isinstance(value, list):
            for item in value:
                if isinstance(item, str):
                    yield key, item
                elif isinstance(item, dict):
                    for sub in ("image_path", "url", "src", "image"):
                        if isinstance(item.get(sub), str):
                            yield key, item[sub]


def _lookup(fm: dict, dotted: str):
    value = fm
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


@check("images", site_wide=True, image_missing=WARNING)
def check_images(post, ctx):
    if ctx.root is None or post.decode_error is not None:
        return
    schema_images = ctx.memo("schema_images").get("names")
    if schema_images is None:
        schema_images = ctx.memo("schema_images")["names"] = [
            f.name for f in ctx.schema.fields if f.type == "image" and not f.loose]
    seen = set()
    for key, value in list(_front_matter_images(post)) + [
            (k, post.front_matter.get(k)) for k in schema_images
            if isinstance(post.front_matter.get(k), str)]:
        if (key, value) in seen:
            continue
        seen.add((key, value))
        if not _image_found(value, post, ctx):
            yield diagnostic("image-missing/field", WARNING, post.where(key), key=key,
                             field=key, url=value)
    body = post.masked_body
    found = [(url, offset) for image, url, offset in _md_targets(post) if image]
    # Each pattern only where its opening can be (a full scan each otherwise).
    start = _IMG_TAG_START.search(body) if "<" in body else None
    if start is not None:
        found += [(m.group(1), m.start(1)) for m in _HTML_SRC.finditer(body, start.start())]
    if contains(body, "{{"):
        found += [(m.group(1), m.start(1)) for m in _FIGURE.finditer(body)]
    for url, offset in found:
        if not _image_found(url, post, ctx):
            yield diagnostic("image-missing", WARNING, post.body_map.position(offset), url=url)


def _md_targets(post) -> list:
    """Markdown link and image matches of the masked body, found once per post."""
    cached = post.cache.get("md_targets")
    if cached is None:
        body = post.masked_body
        cached = post.cache["md_targets"] = []
        for m in _MD_TARGET.finditer(body) if "](" in body else ():
            line_start = body.rfind("\n", 0, m.start()) + 1
            opening = body.rfind("[", line_start, m.start())
            if opening < 0:
                continue  # not a link: "](" in prose
            image = opening > 0 and body[opening - 1] == "!"
            cached.append((image, m.group(1), m.start(1)))
    return cached


def _page_found(path: str, ctx) -> bool:
    inner = path.strip("/")
    if not inner:
        return True
    parts = inner.split("/")
    is_file = _FILE_EXT.search(inner) is not None
    if not is_file:
        # Cheap set lookups first: most links name a post by its slug.
        last = re.sub(r"\.(html?|php)$", "", parts[-1].lower())
        first = parts[0].lower()
        if last in ctx.slugs or first in _GENERATED or parts[0] in ctx.schema.taxonomies:
            return True
        if first in _LISTS and (len(parts) == 1 or parts[1] == "page"):
            return True
    if len(parts[0]) == 2 and parts[0].isalpha() and len(parts) > 1:
        # Hugo multilingual sites serve /en/..., /ko/...: try without the language too.
        if _page_found("/".join(parts[1:]), ctx):
            return True
    stem = re.sub(r"\.html?$", "", inner)
    candidates = (inner, inner + "/index.html", inner + "/index.md", "static/" + inner,
                  "content/" + inner, "content/" + inner + ".md",
                  "content/" + inner + "/index.md", "content/" + inner + "/_index.md",
                  stem + ".md", stem + ".markdown", stem + ".html")
    return any(ctx.exists(c) for c in candidates)


@check("links", site_wide=True, broken_link=WARNING)
def check_links(post, ctx):
    if ctx.root is None or post.decode_error is not None:
        return
    if ctx.generator == "unknown":
        return  # site-relative links need the site's root, which no config names here
    body = post.masked_body
    found = [(url, offset) for image, url, offset in _md_targets(post) if not image]
    if post.has("]:") and "]:" in body:
        found += [(m.group(1), m.start(1)) for m in _REF_DEF.finditer(body)]
    if _A_TAG_START.search(body):  # one scan for "<a" or "<A"
        found += [(m.group(1), m.start(1)) for m in _HTML_HREF.finditer(body)]
    known = ctx.memo("link_found")  # depends on the URL and the site's facts only
    for url, offset in found:
        good = known.get(url)
        if good is None:
            path = _zola_or_site_path(url, ctx)
            good = known[url] = path is None or _page_found(path, ctx)
        if good:
            continue
        yield diagnostic("broken-link", WARNING, post.body_map.position(offset), url=url)
    if ctx.generator == "hugo" and "ref" in body:
        yield from _hugo_refs(post, ctx)
    if ctx.generator not in ("jekyll", "unknown"):
        return
    # Liquid runs in code blocks too, so these are searched in the raw body.
    if not post.has("{%"):
        return
    for m in _POST_URL.finditer(post.body):
        name = m.group(1).strip("/")
        name = re.sub(r"\.(md|markdown|html)$", "", name)
        if name not in ctx.post_names and name.rsplit("/", 1)[-1] not in ctx.post_names:
            yield diagnostic("broken-link/post-url", WARNING, post.body_map.position(m.start(1)),
                             target=m.group(1))
    for m in _LINK_TAG.finditer(post.body):
        target = m.group(1)
        if "{{" in target or ctx.exists(target):
            continue
        yield diagnostic("broken-link/link-tag", WARNING, post.body_map.position(m.start(1)),
                         target=target)


def _hugo_refs(post, ctx):
    """`{{< ref "x" >}}` / `relref`: Hugo stops the build when the page does not exist."""
    for m in _HUGO_REF.finditer(post.masked_body):
        target = m.group(1).split("#", 1)[0]
        if not target:
            continue  # "#anchor": this page
        inner = target.strip("/")
        folder = "/".join(post.folder_parts)
        bases = ["content/" + inner, posixpath.normpath(posixpath.join(folder, inner))]
        stem = re.sub(r"\.(md|markdown|html)$", "", inner.rsplit("/", 1)[-1]).lower()
        found = stem in ctx.slugs and "/" not in inner or any(
            ctx.exists(b + ext) for b in bases
            for ext in ("", ".md", ".markdown", ".html", "/index.md", "/_index.md"))
        if not found:
            yield diagnostic("broken-link/hugo-ref", WARNING, post.body_map.position(m.start(1)),
                             target=m.group(1))


def _zola_or_site_path(url: str, ctx) -> str | None:
    if url.startswith("@/"):  # Zola internal link to a content file
        target = url[2:].split("#", 1)[0]
        return "/content/" + target
    path = _site_path(url, ctx)
    if path is None or not path.startswith("/"):
        return None  # relative links depend on the page URL: not checked
    return path
