"""Jekyll's `{% highlight %}` markup: Rouge's structure, Pygments' colouring.

Jekyll renders the highlight tag in Liquid, before Markdown, with Rouge:

    <figure class="highlight"><pre><code class="language-x" data-lang="x">…</code></pre></figure>

and with `linenos` Rouge's table (`table.rouge-table`, `td.gutter.gl >
pre.lineno`, `td.code > pre`). Site CSS targets exactly these, so the
preview writes them. The token classes are Pygments' short names, which
Rouge shares; like Rouge, plain text and whitespace are not wrapped in spans.
An unknown language is shown as plain text (Rouge's PlainText), its name kept.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

#: Jekyll's LEADING_OR_TRAILING_LINE_TERMINATORS: only line ends are trimmed,
#: never a line's spaces.
_EDGE_NEWLINES = re.compile(r"\A[\n\r]+|[\n\r]+\Z")


def highlight_html(code: str, lang: str, linenos: bool = False) -> str:
    """What Jekyll 4.3's highlight tag writes for `code` in `lang`."""
    lang = lang.lower()
    code = _EDGE_NEWLINES.sub("", code)
    body = _spans(code, lang)
    if linenos:
        lines = code.count("\n") + 1
        numbers = "".join(f"{n}\n" for n in range(1, lines + 1))
        body = ('<table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">'
                f'{numbers}</pre></td><td class="code"><pre>{body}\n</pre></td></tr></tbody></table>')
    attrs = f'class="language-{html.escape(lang.replace("+", "-"), quote=True)}" data-lang="{html.escape(lang, quote=True)}"'
    return f'<figure class="highlight"><pre><code {attrs}>{body}</code></pre></figure>'


def _spans(code: str, lang: str) -> str:
    lexer = _lexer(lang)
    if lexer is None:
        return html.escape(code, quote=False)
    from pygments.token import STANDARD_TYPES, Text  # noqa: PLC0415 - loaded with the lexer

    # Consecutive tokens of one class are one span (Rouge and Pygments both merge them).
    runs: list[list[str]] = []  # [class, text]; "" for bare text
    for ttype, value in lexer.get_tokens(code):
        if not value:
            continue
        short = ""
        if ttype not in Text:  # Text and Text.Whitespace stay bare, as Rouge writes them
            while ttype not in STANDARD_TYPES:
                ttype = ttype.parent
            short = STANDARD_TYPES[ttype]
            if short == "mf" and value.isdigit():
                short = "mi"  # Rouge never calls digits alone a float (Pygments' JavaScript does)
        if runs and runs[-1][0] == short:
            runs[-1][1] += value
        else:
            runs.append([short, value])
    return "".join(f'<span class="{short}">{html.escape(text, quote=False)}</span>' if short
                   else html.escape(text, quote=False) for short, text in runs)


@lru_cache(maxsize=64)
def _lexer(lang: str):
    from pygments.lexers import get_lexer_by_name  # noqa: PLC0415 - only when a tag is highlighted
    from pygments.util import ClassNotFound  # noqa: PLC0415

    if lang in ("text", "plaintext", "plain"):
        return None
    try:
        return get_lexer_by_name(lang, stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None
