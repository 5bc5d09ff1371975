"""One normal form for comparing the preview's body HTML with a generator's.

Both sides are parsed (the standard library's HTML parser, entities decoded)
and written back as a canonical token list: attributes sorted, `<br>` and
`<br />` alike, whitespace between block tags ignored, runs of whitespace in
text folded to one space (but never inside `<pre>`, where it is content).

Where the preview differs ON PURPOSE, it is said here and nowhere else:
- the preview wraps each top-level block in `<div class="galley-block">`
  (live updates and scroll sync): the wrappers are dropped;
- local images and links are rewritten to `file:` URLs inside the site so the
  preview can show them: a `file:` URL compares as its last path segment,
  which is what the generator's relative URL names too;
- HTML comments are dropped (the sanitizer removes them; they show nothing);
- the sanitizer adds `rel="noopener noreferrer"` to links (and may add
  `target`): `rel` and `target` added by the preview are ignored.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_VOID = {"br", "hr", "img", "input", "meta", "link", "source", "area", "col", "embed", "wbr", "track", "param"}
_BLOCK = {"address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "figcaption", "figure",
          "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
          "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "body", "html"}
_SPACE = re.compile(r"\s+")
#: Attributes the preview adds on purpose (see the module docstring).
_PREVIEW_ONLY = {"rel", "target"}


#: Boolean attributes: present is what counts (`disabled`, `disabled=""`, `disabled="disabled"`).
_BOOLEAN = {"checked", "disabled", "selected", "hidden", "open", "readonly", "required", "multiple"}


def _attr_value(name: str, value: str) -> str:
    if name in _BOOLEAN:
        return name
    if name in ("src", "href") and value.startswith("file:"):
        return value.rstrip("/").rsplit("/", 1)[-1]
    if name in ("src", "href"):
        return value.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] if value.startswith(("/", ".")) else value
    if name == "class":
        return " ".join(sorted(value.split()))
    return value


class _Canon(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.pre = 0
        self.pre_text: set[int] = set()  # indexes of tokens inside <pre>
        self.wrappers: list[bool] = []  # per open div: is it a preview wrapper

    def _tag(self, tag: str, attrs) -> str:
        kept = sorted((k, _attr_value(k, v or "")) for k, v in attrs if k not in _PREVIEW_ONLY)
        return "<" + tag + "".join(f' {k}="{v}"' for k, v in kept) + ">"

    def handle_starttag(self, tag, attrs):
        if tag == "div":
            wrapper = "galley-block" in (dict(attrs).get("class") or "").split()
            self.wrappers.append(wrapper)
            if wrapper:
                return
        if tag == "pre":
            self.pre += 1
        self.out.append(self._tag(tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.out.append(self._tag(tag, attrs))

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if tag == "div" and self.wrappers and self.wrappers.pop():
            return
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self._text(data if self.pre else _SPACE.sub(" ", data))

    def handle_comment(self, data):
        pass  # on purpose: the sanitizer drops comments (they show nothing)

    def _text(self, data: str) -> None:
        # Adjacent text (around a dropped wrapper or comment) is one text.
        last = len(self.out) - 1
        if self.out and not self.out[-1].startswith("<") and (last in self.pre_text) == bool(self.pre):
            self.out[-1] += data
        else:
            if self.pre:
                self.pre_text.add(len(self.out))
            self.out.append(data)


def normalise(html: str) -> str:
    """The canonical form of an HTML fragment (one token per line, for readable diffs)."""
    parser = _Canon()
    parser.feed(html)
    parser.close()
    tokens = parser.out
    # Whitespace next to a block tag is layout, not content (outside <pre>).
    out: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.startswith("<") or i in parser.pre_text:
            out.append(tok)
            continue
        if _is_block(out[-1] if out else "<p>"):
            tok = tok.lstrip()
        if _is_block(tokens[i + 1] if i + 1 < len(tokens) else "<p>"):
            tok = tok.rstrip()
        tok = _SPACE.sub(" ", tok)
        if tok:
            out.append(tok)
    return "\n".join(out)


def _is_block(tok: str) -> bool:
    m = re.match(r"</?([a-z0-9]+)", tok)
    return bool(m and m.group(1) in _BLOCK)
