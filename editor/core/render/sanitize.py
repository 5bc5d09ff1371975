"""Post content never runs code in the preview.

nh3 (ammonia) with an allow-list of elements: structure, text, tables,
media, and form controls that are inert without scripts and forms (`textarea`,
`button`, `label`...). Everything else goes, notably `<script>`, `<style>`,
`<meta>`, `<base>`, `<form>`, `<object>`, and SVG/MathML (foreign content
parses differently when re-read: the mutation-XSS class of sanitizer bypass).
Elements of no known name (XML names such as `<some:url>`, custom elements,
a typo'd tag) are inert in a browser (HTMLUnknownElement: an inline box, no
behaviour without scripts) and stay, as in the generator's page.

Attributes pass as the generator writes them (kramdown's IALs give any
`key="value"`), except what can run code, load something or take the
window's attention: `on*=` handlers, `srcdoc`, `formaction`, `autofocus`,
`accesskey`, `contenteditable`, a post's own `rel` (the cleaner adds
`noopener noreferrer` to links), and any URL-bearing attribute beyond the
listed ones (`href` on `<a>`, `src` on media...). URLs in `href`/`src`
need a listed scheme (http(s), mailto, file, tel; no `javascript:`,
`vbscript:`, `data:text/html`); `data:` only for images (`--embed-images`).
Inline `style` is kept as written unless a declaration could load something
the page's CSP does not confine: CSP lets `file:` images load, so a `url()`
must be remote (http(s): the CSP blocks it when remote content is off),
`data:` or a fragment; escapes, `image-set()`, `expression` and the like drop
their declaration. iframes (video embeds) stay, always sandboxed, https only.

With `allow_scripts` the sanitizer is skipped; the page's CSP then lets
scripts run (page.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

import nh3

TAGS = frozenset({
    "a", "abbr", "acronym", "address", "article", "aside", "audio", "b", "bdi", "bdo", "big",
    "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "i", "iframe", "img", "input", "ins", "kbd",
    "li", "mark", "nav", "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp",
    "section", "small", "source", "span", "strike", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "video", "wbr",
    # Inert without scripts: no form can submit (none is kept, and the CSP
    # says form-action 'none'), nothing here loads.
    "textarea", "button", "label", "fieldset", "legend", "meter", "progress", "output",
})
#: Every element name HTML, SVG and MathML give meaning to (current and
#: obsolete). A name outside it is an unknown element to a browser.
KNOWN_ELEMENTS = frozenset("""
a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink
blockquote body br button canvas caption center cite code col colgroup data datalist dd del details
dfn dialog dir div dl dt em embed fencedframe fieldset figcaption figure font footer form frame
frameset geolocation h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins isindex
kbd keygen label legend li link listing main map mark marquee math menu menuitem meta meter multicol
nav nextid nobr noembed noframes noscript object ol optgroup option output p param permission picture
plaintext portal pre progress q rb rp rt rtc ruby s samp script search section select selectedcontent
slot small source spacer span strike strong style sub summary sup svg table tbody td template textarea
tfoot th thead time title tr track tt u ul var video wbr xmp
altglyph altglyphdef altglyphitem animate animatecolor animatemotion animatetransform circle clippath
color-profile cursor defs desc discard ellipse feblend fecolormatrix fecomponenttransfer fecomposite
feconvolvematrix fediffuselighting fedisplacementmap fedistantlight fedropshadow feflood fefunca
fefuncb fefuncg fefuncr fegaussianblur feimage femerge femergenode femorphology feoffset fepointlight
fespecularlighting fespotlight fetile feturbulence filter font-face font-face-format font-face-name
font-face-src font-face-uri foreignobject g glyph glyphref hatch hatchpath hkern line lineargradient
marker mask mesh meshgradient meshpatch meshrow metadata missing-glyph mpath path pattern polygon
polyline radialgradient rect set solidcolor stop switch symbol text textpath tref tspan unknown use
view vkern
maction maligngroup malignmark menclose merror mfenced mfrac mglyph mi mlabeledtr mlongdiv
mmultiscripts mn mo mover mpadded mphantom mprescripts mroot mrow ms mscarries mscarry msgroup msline
mspace msqrt msrow mstack mstyle msub msubsup msup mtable mtd mtext mtr munder munderover none
semantics annotation annotation-xml
""".split())
_TAG_NAME = re.compile(r"<([A-Za-z][^\s/>]{0,63})")
_UNKNOWN_NAME = re.compile(r"[a-z][a-z0-9:._-]*")
#: More distinct unknown names than this in one text: they go (each set of
#: names costs a cleaner of its own, ~1 ms, cached).
_MAX_UNKNOWN = 24

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
_URL_ATTRS = {"href", "src", "srcset", "poster", "cite"}
_LINK_REL = "noopener noreferrer"
#: Attributes that are not listed above but reach the filter through the
#: generic prefixes, and must go: they load, navigate, run or grab focus.
_DENIED = frozenset({
    "srcdoc", "formaction", "action", "form", "autofocus", "accesskey", "contenteditable",
    "http-equiv", "ping", "background", "lowsrc", "dynsrc", "data", "codebase", "classid",
    "archive", "longdesc", "manifest", "usemap", "profile", "nonce", "xmlns", "xml:base",
    "xlink:href", "href", "src", "srcset", "poster", "cite", "download", "attributionsrc",
})
_NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_:.-"
#: Any attribute name but `rel`: ammonia knows no wildcard, so prefixes
#: (every first character; around `rel`, every name that is not `rel`).
#: A post's own `rel` would be kept beside the `noopener noreferrer` the
#: cleaner adds, first in the tag, so the one a browser reads.
_ANY_NAME = frozenset(
    [c for c in "abcdefghijklmnopqrstuvwxyz_:" if c != "r"] + ["r" + c for c in _NAME_CHARS if c != "e"]
    + ["re" + c for c in _NAME_CHARS if c != "l"] + ["rel" + c for c in _NAME_CHARS])
#: A CSS `url(` that loads only what the CSP confines: remote (blocked when
#: remote content is off), data, or a fragment of the page.
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)
_CSS_LOADERS = re.compile(r"image-set|image\(|cross-fade|element\(|expression|javascript|vbscript|@import|behavior|binding|src\(", re.I)


#: Ids the preview page itself uses (page.html, preview.js, incremental.py):
#: `galley-*` and block ids `b<n>`. Post content never carries one, or a
#: live update could land in the post's element instead of the page's.
_PAGE_ID = re.compile(r"(?i)\s*(?:galley-|b\d+\s*$)")


def _filter(tag: str, attr: str, value: str) -> str | None:
    if attr.startswith("on") or (attr in _DENIED and attr not in ATTRIBUTES.get(tag, ()) and attr not in _GLOBAL):
        return None
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


def _loads(value: str) -> bool:
    """Whether the CSS declarations in `value` could load what the CSP lets through."""
    if "\\" in value:
        return True  # an escape can spell any function name
    if "(" not in value:
        return False
    if _CSS_LOADERS.search(value):
        return True
    return any(not m.group(2).strip().lower().startswith(("https:", "http:", "data:", "#"))
               for m in _CSS_URL.finditer(value)) or value.lower().count("url(") != len(_CSS_URL.findall(value))


def _clean_style(value: str) -> str | None:
    """`value` as written, less any declaration that could load a local file
    (`url()` other than remote, data or a fragment; escapes; image-set()...)."""
    if not _loads(value):
        return value
    kept = [decl.strip() for decl in value.split(";") if decl.strip() and not _loads(decl)]
    return "; ".join(kept) or None


def _cleaner(unknown: frozenset[str] = frozenset()) -> "nh3.Cleaner":
    return nh3.Cleaner(
        tags=set(TAGS) | unknown,
        clean_content_tags={"script", "style", "noscript", "template", "object", "embed", "applet", "frameset"},
        attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        attribute_filter=_filter,
        generic_attribute_prefixes=set(_ANY_NAME),
        url_schemes={"http", "https", "mailto", "file", "data", "tel"},
        set_tag_attribute_values={"iframe": {"sandbox": "allow-same-origin allow-popups"}, "input": {"disabled": ""}},
        strip_comments=True,
        link_rel=_LINK_REL,
    )


# Built once: building the allow-lists per call costs ~1 ms, the cleaning itself µs.
# nh3's Cleaner is immutable and safe to share between threads.
_CLEANER = _cleaner()


@lru_cache(maxsize=32)
def _cleaner_with(unknown: frozenset[str]) -> "nh3.Cleaner":
    return _cleaner(unknown)


def _unknown_elements(html: str) -> frozenset[str]:
    if "<" not in html:
        return frozenset()
    names = {name.lower() for name in _TAG_NAME.findall(html)}
    return frozenset(n for n in names - KNOWN_ELEMENTS if _UNKNOWN_NAME.fullmatch(n))


def sanitize(html: str) -> str:
    unknown = _unknown_elements(html)
    if not unknown or len(unknown) > _MAX_UNKNOWN:
        return _CLEANER.clean(html)
    return _cleaner_with(unknown).clean(html)
