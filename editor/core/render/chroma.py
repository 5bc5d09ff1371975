"""Hugo's code block markup (Chroma's HTML formatter) made with Pygments.

Chroma is a port of Pygments: its lexers give the same token types and its
styles the same colours, so the markup Hugo writes for a fenced block can be
rebuilt from Pygments' tokens. Hugo's default (`markup.highlight.noClasses:
true`, style monokai) is inline styles:

    <div class="highlight"><pre tabindex="0" style="color:…;background-color:…;…tab-size:4;">
    <code class="language-x" data-lang="x"><span style="display:flex;"><span>… line …
    </span></span></code></pre></div>

with `noClasses: false` the same with `class="chroma"`, `line`/`cl` spans and
Pygments' short class names. As Chroma does, adjacent tokens of one type are
merged and a token's style keeps only what differs from the block's own
(text colour, background), so plain text is left unwrapped.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from pygments.token import STANDARD_TYPES, Token, _TokenType

_FLEX = '<span style="display:flex;"><span>'

#: Chroma's monokai (Hugo's default style): Pygments' own has drifted since
#: Chroma copied it (operators, comments, builtins).
_CHROMA_MONOKAI = {
    Token.Text: "#f8f8f2", Token.Error: "#960050 bg:#1e0010", Token.Comment: "#75715e",
    Token.Keyword: "#66d9ef", Token.Keyword.Namespace: "#f92672", Token.Operator: "#f92672",
    Token.Punctuation: "#f8f8f2", Token.Name: "#f8f8f2", Token.Name.Attribute: "#a6e22e",
    Token.Name.Class: "#a6e22e", Token.Name.Constant: "#66d9ef", Token.Name.Decorator: "#a6e22e",
    Token.Name.Exception: "#a6e22e", Token.Name.Function: "#a6e22e", Token.Name.Other: "#a6e22e",
    Token.Name.Tag: "#f92672", Token.Literal.Number: "#ae81ff", Token.Literal: "#ae81ff",
    Token.Literal.Date: "#e6db74", Token.Literal.String: "#e6db74", Token.Literal.String.Escape: "#ae81ff",
    Token.Generic.Deleted: "#f92672", Token.Generic.Emph: "italic", Token.Generic.Inserted: "#a6e22e",
    Token.Generic.Strong: "bold", Token.Generic.Subheading: "#75715e",
}


def _chroma_entry(ttype: _TokenType) -> dict:
    while ttype not in _CHROMA_MONOKAI and ttype.parent is not None:
        ttype = ttype.parent
    entry = {"color": None, "bgcolor": None, "bold": False, "italic": False, "underline": False}
    for word in _CHROMA_MONOKAI.get(ttype, "").split():
        if word.startswith("bg:"):
            entry["bgcolor"] = word[3:]
        elif word.startswith("#"):
            entry["color"] = word
        else:
            entry[word] = True
    return entry


@lru_cache(maxsize=8)
def _style(name: str):
    from pygments.styles import get_style_by_name  # noqa: PLC0415 - with the lexers, on first use
    from pygments.util import ClassNotFound  # noqa: PLC0415

    try:
        return get_style_by_name(name or "monokai")
    except ClassNotFound:
        return get_style_by_name("monokai")


def _colour(value: str | None) -> str:
    return f"#{value}" if value and not value.startswith("#") else (value or "")


@lru_cache(maxsize=512)
def _css(style_name: str, ttype: _TokenType) -> str:
    if style_name == "monokai":
        base, entry = _chroma_entry(Token.Text), _chroma_entry(ttype)
    else:
        style = _style(style_name)
        base, entry = style.style_for_token(Token.Text), style.style_for_token(ttype)
    out = []
    if entry["color"] and entry["color"] != base["color"]:
        out.append(f"color:{_colour(entry['color'])}")
    if entry["bgcolor"] and entry["bgcolor"] != base["bgcolor"]:
        out.append(f"background-color:{_colour(entry['bgcolor'])}")
    if entry["bold"] and not base["bold"]:
        out.append("font-weight:bold")
    if entry["italic"] and not base["italic"]:
        out.append("font-style:italic")
    if entry["underline"] and not base["underline"]:
        out.append("text-decoration:underline")
    return ";".join(out)


def _class(ttype: _TokenType) -> str:
    while ttype not in STANDARD_TYPES:
        ttype = ttype.parent
    return STANDARD_TYPES[ttype]


def _lines(code: str, lexer) -> list[list[tuple[_TokenType, str]]]:
    """The lexer's tokens, adjacent ones of a type merged, cut into lines
    (each keeping its newline)."""
    merged: list[tuple[_TokenType, str]] = []
    for ttype, value in lexer.get_tokens(code):
        if merged and merged[-1][0] is ttype:
            merged[-1] = (ttype, merged[-1][1] + value)
        else:
            merged.append((ttype, value))
    lines: list[list[tuple[_TokenType, str]]] = [[]]
    for ttype, value in merged:
        parts = value.split("\n")
        for i, part in enumerate(parts):
            if i < len(parts) - 1:
                lines[-1].append((ttype, part + "\n"))
                lines.append([])
            elif part:
                lines[-1].append((ttype, part))
    if not lines[-1]:
        lines.pop()
    return lines


def hugo_block(code: str, lexer, lang: str, style_name: str = "monokai", no_classes: bool = True) -> str:
    """Chroma's `<div class="highlight">` for `code` in language `lang`."""
    attrs = f' class="language-{escape(lang)}" data-lang="{escape(lang)}"'
    out = []
    if no_classes:
        style = _style(style_name)
        base = style.style_for_token(Token.Text)
        pre = (f"color:{_colour(base['color'])};" if base["color"] else "") + (
            f"background-color:{_colour(style.background_color)};" if style.background_color else "")
        out.append(f'<div class="highlight"><pre tabindex="0" style="{pre}'
                   f'-moz-tab-size:4;-o-tab-size:4;tab-size:4;"><code{attrs}>')
        for line in _lines(code, lexer):
            out.append(_FLEX)
            for ttype, value in line:
                css = _css(style_name, ttype)
                text = escape(value, quote=True)
                out.append(f'<span style="{css}">{text}</span>' if css else text)
            out.append("</span></span>")
    else:
        out.append(f'<div class="highlight"><pre tabindex="0" class="chroma"><code{attrs}>')
        for line in _lines(code, lexer):
            out.append('<span class="line"><span class="cl">')
            for ttype, value in line:
                css = _class(ttype)
                text = escape(value, quote=True)
                out.append(f'<span class="{css}">{text}</span>' if css else text)
            out.append("</span></span>")
    out.append("</code></pre></div>\n")
    return "".join(out)
