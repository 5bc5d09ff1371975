"""Cut a Liquid text into tokens the way Jekyll's Liquid (Ruby, 4.x) does, in linear time.

python-liquid's own lexer is one regular expression whose output rule scans to
the end of the text for every `{{` without `}}`: 20,000 of them take a minute.
This one finds each delimiter once: a `{%` token ends at the first `%}`, a
`{{` token at the first `}` (Ruby's `{{.*?}}?`), and a token with no end ends
the scan with Liquid's own "not properly terminated" error. `{% raw %}` and
`{% comment %}` bodies are cut as python-liquid's parser expects them.

The tokens are python-liquid's `Token`s, so its parser and tags work unchanged.
"""

from __future__ import annotations

import re
from typing import Iterator

from liquid.exceptions import LiquidSyntaxError
from liquid.token import (TOKEN_COMMENT, TOKEN_CONTENT, TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_OUTPUT,
                          TOKEN_TAG, Token)

_START = re.compile(r"\{[{%]")
_TAG = re.compile(r"-?\s*(#|\w+)\s*(.*?)\s*(-?)\Z", re.S)
_END_RAW = re.compile(r"\{%-?\s*endraw\s*(-?)%\}")
_COMMENT_TAG = re.compile(r"\{%-?\s*(end)?comment\b[^%]*?(-?)%\}")


def _error(message: str, source: str, index: int, value: str) -> LiquidSyntaxError:
    return LiquidSyntaxError(message, token=Token(TOKEN_EOF, value, index, source))


def tokenize(source: str) -> Iterator[Token]:
    """python-liquid tokens of `source` (see the module docstring)."""
    pos = 0
    n = len(source)
    lstrip = False
    while pos < n:
        m = _START.search(source, pos)
        start = m.start() if m else n
        text = source[pos:start]
        if lstrip:
            text = text.lstrip()
        if m and source.startswith("-", start + 2):
            text = text.rstrip()
        if text:
            yield Token(TOKEN_CONTENT, text, pos, source)
        lstrip = False
        if m is None:
            return
        if source[start + 1] == "{":
            close = source.find("}", start + 2)
            if close < 0 or not source.startswith("}", close + 1):
                shown = source[start:close + 1] if close >= 0 else "{{"
                raise _error(f"Variable '{shown}' was not properly terminated with regexp: /\\}}\\}}/",
                             source, start, shown)
            inner = source[start + 2:close]
            expr = inner[1:] if inner.startswith("-") else inner
            if expr.endswith("-"):
                expr, lstrip = expr[:-1], True
            stripped = expr.strip()
            yield Token(TOKEN_OUTPUT, source[start:close + 2], start, source)
            yield Token(TOKEN_EXPRESSION, stripped, start + 2 + (len(inner) - len(inner.lstrip("-").lstrip())), source)
            pos = close + 2
            continue
        close = source.find("%}", start + 2)
        if close < 0:
            raise _error("Tag '{%' was not properly terminated with regexp: /\\%\\}/", source, start, "{%")
        tm = _TAG.match(source, start + 2, close)
        if tm is None:
            raise _error(f"Tag '{source[start:close + 2]}' was not properly terminated with regexp: /\\%\\}}/",
                         source, start, source[start:close + 2])
        name, expr, lstrip = tm.group(1), tm.group(2), bool(tm.group(3))
        pos = close + 2
        if name == "raw":
            end = _END_RAW.search(source, pos)
            if end is None:
                raise _error("'raw' tag was never closed", source, start, "raw")
            raw = source[pos:end.start()]
            if lstrip:
                raw = raw.lstrip()
            if source.startswith("-", end.start() + 2):
                raw = raw.rstrip()
            if raw:
                yield Token(TOKEN_CONTENT, raw, pos, source)
            lstrip = bool(end.group(1))
            pos = end.end()
            continue
        yield Token(TOKEN_TAG, name, tm.start(1), source)
        if expr:
            yield Token(TOKEN_EXPRESSION, expr, tm.start(2), source)
        if name == "comment":
            pos, lstrip = yield from _comment_body(source, pos, start)


def _comment_body(source: str, pos: int, start: int) -> Iterator[Token]:
    """Skip to the matching `{% endcomment %}` (comments nest); yields the body and the end tag."""
    depth = 1
    body = pos
    for m in _COMMENT_TAG.finditer(source, pos):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            if m.start() > body:
                yield Token(TOKEN_COMMENT, source[body:m.start()], body, source)
            yield Token(TOKEN_TAG, "endcomment", m.start(), source)
            return m.end(), bool(m.group(2))
    raise _error("'comment' tag was never closed", source, start, "comment")
