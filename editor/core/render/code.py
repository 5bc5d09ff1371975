"""Highlighted code for `{% highlight %}` and Hugo's `highlight` shortcode.

Same markup as pymdownx.highlight gives fenced code (`<div class="language-x
highlight">`), so the theme styles both alike (see highlight_css.py).
"""

from __future__ import annotations

import html

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.lexers.special import TextLexer
from pygments.util import ClassNotFound


def highlight_code(code: str, lang: str = "", linenos: bool = False, hl_lines: tuple[int, ...] = ()) -> str:
    lang = (lang or "").strip().lower()
    try:
        lexer = get_lexer_by_name(lang, stripnl=False) if lang else TextLexer(stripnl=False)
    except ClassNotFound:
        lexer = TextLexer(stripnl=False)
    code = code.strip("\n") + "\n"
    formatter = HtmlFormatter(
        cssclass="highlight", wrapcode=True, linenos="table" if linenos else False, hl_lines=list(hl_lines)
    )
    body = highlight(code, lexer, formatter)
    cls = f"language-{html.escape(lang or 'plaintext')}"
    return f'<div class="{cls} highlighter-galley">{body.strip()}</div>'
