"""Rich text from the clipboard (HTML) as clean Markdown.

The conversion itself is markdownify's (BeautifulSoup underneath): it is kept
up to date, MIT-licensed like Galley (html2text is GPL), and its converter is
a class whose per-tag methods we can adjust. What we add is the cleaning the
sources need before it:

- nothing active passes: scripts, styles, frames, forms and comments are
  dropped, `on*` attributes and `javascript:` links removed, and a `<` that
  was text in the page stays text (`&lt;`), never raw HTML in the post;
- Google Docs wraps a copy in `<b style="font-weight:normal" id="docs-internal-guid-…">`
  and marks bold and italic with inline styles on spans;
- Word writes lists as paragraphs (`MsoListParagraph`, a bullet in a
  `mso-list:Ignore` span) and `<o:p>` tags;
- Tistory marks blocks with `data-ke-*` (`data-ke-language` on code), and
  spaces paragraphs with empty `&nbsp;` ones, as Naver's editor does with
  zero-width spaces.
"""

from __future__ import annotations

import re

_DROP = ("script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
         "template", "meta", "link", "head", "title", "form", "input", "button", "select", "textarea",
         "svg", "math", "base")
_BOLD = re.compile(r"font-weight\s*:\s*(bold|[6-9]00)", re.I)
_ITALIC = re.compile(r"font-style\s*:\s*italic", re.I)
_MSO_LIST = re.compile(r"mso-list\s*:\s*ignore", re.I)
_BLANKS = re.compile(r"\n{3,}")
_INVISIBLE = str.maketrans({"\u200b": None, "\ufeff": None, "\u00a0": " "})


def html_to_markdown(html: str) -> str:
    """Markdown for an HTML fragment; "" when it has no text."""
    from bs4 import BeautifulSoup
    from bs4.element import PreformattedString

    soup = BeautifulSoup(html, "html.parser")
    # Comments, declarations and Word's `<![if !supportLists]>` markers.
    for node in soup.find_all(string=lambda s: isinstance(s, PreformattedString)):
        node.extract()
    for tag in soup.find_all(_DROP):
        tag.decompose()
    for tag in soup.find_all(True):
        _disarm(tag)
    _google_docs(soup)
    _word(soup)
    _empty_paragraphs(soup)
    _escape_text(soup)
    converter = _converter()
    text = converter.convert_soup(soup)
    # A `<br>` between blocks (Google Docs puts them there) is a lone "\\": no text to break.
    lines = [line.rstrip() for line in text.translate(_INVISIBLE).split("\n") if line.strip() != "\\"]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def _disarm(tag) -> None:
    """No event handlers, no script URLs, no inline data blobs."""
    for name in list(tag.attrs):
        value = tag.attrs[name]
        if name.lower().startswith("on"):
            del tag.attrs[name]
        elif name.lower() in ("href", "src", "action", "formaction", "xlink:href") and isinstance(value, str):
            scheme = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            if scheme.startswith(("javascript:", "vbscript:", "data:")):
                del tag.attrs[name]


def _google_docs(soup) -> None:
    for wrapper in soup.find_all("b", id=re.compile(r"^docs-internal-guid-")):
        wrapper.unwrap()
    for span in soup.find_all("span", style=True):
        style = span["style"]
        if _ITALIC.search(style):
            span.wrap(soup.new_tag("em"))
        if _BOLD.search(style):
            span.wrap(soup.new_tag("strong"))


def _word(soup) -> None:
    for tag in soup.find_all(re.compile(r"^o:")):
        tag.unwrap()
    items = soup.find_all("p", class_=re.compile(r"^MsoListParagraph"))
    current = None
    for p in items:
        marker = p.find("span", style=_MSO_LIST)
        ordered = bool(marker and re.match(r"\s*\d", marker.get_text()))
        if marker is not None:
            marker.decompose()
        prev = p.find_previous_sibling()
        if current is None or prev is not current or current.name != ("ol" if ordered else "ul"):
            current = soup.new_tag("ol" if ordered else "ul")
            p.insert_before(current)
        p.extract()
        p.name = "li"
        current.append(p)


def _empty_paragraphs(soup) -> None:
    """Tistory and Naver space paragraphs with empty ones: Markdown has blank lines."""
    for p in soup.find_all(["p", "div"]):
        if not p.get_text().translate(_INVISIBLE).strip() and not p.find(["img", "hr", "br", "table"]):
            p.decompose()


def _escape_text(soup) -> None:
    """A `<` in the page's text stays text in the post (outside code, where it is literal)."""
    from bs4 import NavigableString

    for node in soup.find_all(string=True):
        if "<" in node and not node.find_parent(["pre", "code"]) and type(node) is NavigableString:
            node.replace_with(node.replace("<", "&lt;"))


def _converter():
    from markdownify import ATX, MarkdownConverter

    class Converter(MarkdownConverter):
        def convert_img(self, el, text, parent_tags):
            if not el.get("src"):  # a data: blob, dropped by _disarm: keep the words
                return el.get("alt", "")
            return super().convert_img(el, text, parent_tags)

        def convert_figure(self, el, text, parent_tags):
            return self.convert_div(el, text, parent_tags)

        def convert_a(self, el, text, parent_tags):
            if not el.get("href"):
                return text
            return super().convert_a(el, text, parent_tags)

    def language(el):
        code = el.find("code")
        for tag in (el, code):
            if tag is None:
                continue
            if tag.get("data-ke-language"):
                return tag["data-ke-language"]
            for cls in tag.get("class") or ():
                if cls.startswith(("language-", "lang-")):
                    return cls.split("-", 1)[1]
        return None

    return Converter(heading_style=ATX, bullets="-", code_language_callback=language,
                     escape_underscores=False, newline_style="backslash")
