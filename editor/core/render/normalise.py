"""HTML normalised for comparing two renderers' output of the same Markdown.

Two HTML texts that normalise equal show the same document. The differences
allowed, all in this one place:

- whitespace between tags and at the edges of a block element's content
  (layout only: a browser shows the same), and runs of whitespace in text
  outside `<pre>` (one space);
- attribute order, quoting, `<br />` against `<br>`, and an empty value
  against none (`disabled=""` is `disabled`);
- a character written as itself or as a reference (`&ldquo;`, `&#8220;`,
  `“`; `&quot;` outside attributes);
- `rel` on links: the preview adds `rel="noopener noreferrer"` to every
  link on purpose (a clicked link must not reach back into the window);
- HTML comments are dropped with `comments=False` (the preview's sanitizer
  removes them, e.g. goldmark's `<!-- raw HTML omitted -->`).

With `preview=True`, what the preview's whole body differs in on purpose from
a generator's page (the golden files' comparison) is taken out as well:
- both sides are first read as a browser reads them (HTML5 tree building, by
  html5ever, keeping every element, attribute and comment): the preview's
  sanitizer gives the tree a browser builds, and a generator's page is shown
  through that same tree, so markup the browser repairs compares repaired
  (a `<p>` inside a `<p>` closes the first; `<![CDATA[…>` outside SVG is a
  comment);
- the `<div class="galley-block">` wrappers around each top-level block
  (live updates and scroll sync) are dropped;
- local images and links are `file:` URLs inside the site in the preview, and
  relative or site-absolute URLs in the generator's page: both compare as
  their last path segment;
- `target` on links (the sanitizer may add it), boolean attributes by
  presence (`disabled="disabled"` is `disabled`), class names in any order.

Everything else counts: element names, nesting, attribute values, text.
"""

from __future__ import annotations

import html
import re
import string
from html.parser import HTMLParser

import nh3

_BLOCK = frozenset((
    "address article aside blockquote body details dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 head header hr html li main nav ol p pre section summary table tbody td tfoot th "
    "thead tr ul").split())
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_IGNORED_ATTRIBUTES = frozenset({"rel"})
_PREVIEW_IGNORED_ATTRIBUTES = frozenset({"rel", "target"})
_BOOLEAN = frozenset("checked disabled selected hidden open readonly required multiple".split())


def _preview_value(name: str, value: str) -> str:
    if name in _BOOLEAN:
        return ""
    if name in ("src", "href") and (value.startswith(("file:", "/", ".")) and not value.startswith("//")):
        return value.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    if name == "class":
        return " ".join(sorted(value.split()))
    return value


class _Normaliser(HTMLParser):
    def __init__(self, comments: bool, preview: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.comments = comments
        self.preview = preview
        self.ignored = _PREVIEW_IGNORED_ATTRIBUTES if preview else _IGNORED_ATTRIBUTES
        self.out: list[str] = []
        self.pre = 0
        self.wrappers: list[bool] = []  # per open div (preview): is it a block wrapper

    def handle_starttag(self, tag, attrs) -> None:
        if self.preview and tag == "div":
            wrapper = "galley-block" in (dict(attrs).get("class") or "").split()
            self.wrappers.append(wrapper)
            if wrapper:
                self._strip_last()
                return
        self._tag(tag, attrs)
        if tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag, attrs) -> None:
        self._tag(tag, attrs)
        if tag not in _VOID:
            self.out.append(f"</{tag}>")

    def _tag(self, tag: str, attrs) -> None:
        if tag in _BLOCK:
            self._strip_last()
        parts = [tag]
        for name, value in sorted(attrs, key=lambda a: a[0]):
            if name in self.ignored:
                continue
            if self.preview:
                value = _preview_value(name, value or "")
            parts.append(name if not value else f'{name}="{html.escape(value, quote=True)}"')
        self.out.append("<" + " ".join(parts) + ">")

    def handle_endtag(self, tag) -> None:
        if self.preview and tag == "div" and self.wrappers and self.wrappers.pop():
            self._strip_last()
            return
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _BLOCK:
            self._strip_last()
        self.out.append(f"</{tag}>")

    def handle_data(self, data) -> None:
        if not self.pre:
            data = re.sub(r"\s+", " ", data)
            if self.out and self.out[-1].startswith("<") and _block_tag(self.out[-1]):
                data = data.lstrip()
        if not data:
            return
        data = html.escape(data, quote=False)
        if self.out and not self.out[-1].startswith("<"):
            # Text either side of a dropped comment or wrapper is one text.
            data = self.out.pop() + data
            if not self.pre:
                data = re.sub(r"\s+", " ", data)
        self.out.append(data)

    def handle_comment(self, data) -> None:
        if self.comments:
            self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data) -> None:
        self.out.append(f"<![{data}]>")

    def _strip_last(self) -> None:
        if self.out and not self.out[-1].startswith("<") and not self.pre:
            self.out[-1] = self.out[-1].rstrip()
            if not self.out[-1]:
                self.out.pop()


def _block_tag(tag_text: str) -> bool:
    m = re.match(r"</?([a-z0-9]+)", tag_text)
    return bool(m) and m.group(1) in _BLOCK


_TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
#: Elements the tree builder adds where the text omits them.
_IMPLIED = frozenset({"tbody", "colgroup", "tr"})


def as_browser_reads(text: str) -> str:
    """`text` parsed as a browser parses HTML and written back out, with
    every element, attribute, URL and comment it holds (nothing is cleaned:
    the allow-lists are whatever `text` uses)."""
    cleaner = nh3.Cleaner(
        tags={m.lower() for m in _TAG_NAME.findall(text)} | _IMPLIED, clean_content_tags=set(), attributes={},
        generic_attribute_prefixes=set(string.ascii_lowercase + "_:"),
        url_schemes={m.lower() for m in _SCHEME.findall(text)}, strip_comments=False, link_rel=None)
    return cleaner.clean(text)


def normalise_html(text: str, comments: bool = True, preview: bool = False) -> str:
    """`text` with the allowed differences (module docstring) taken out;
    `preview`: also the preview page's own (its block wrappers, local URLs)."""
    if preview:
        text = as_browser_reads(text)
    parser = _Normaliser(comments, preview)
    parser.feed(text)
    parser.close()
    return "".join(parser.out).strip()
