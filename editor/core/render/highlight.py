"""Code highlighting (pymdownx.highlight + Pygments) without per-fence setup.

pymdownx builds a Pygments `HtmlFormatter` and looks the lexer up by name for
every fence. Two parts of that are work whose result never reaches the HTML:

- the formatter's stylesheet (`_create_stylesheet`, ~0.3 ms a fence): we
  write CSS classes (`noclasses` off) and ship the colours ourselves
  (highlight_css.py), and with classes Pygments reads its style only for
  inline `style=` attributes. `ClassesOnly` is a style with no rules, so
  building it costs nothing; the markup (class names, spans, line numbers,
  highlighted lines) does not depend on the style.
- the lexer lookup (`get_lexer_by_name` walks Pygments' lexer table, ~0.1 ms):
  `HighlightExtension` remembers the lexer per (language, inline, stripnl)
  for its own Markdown instance (so for one thread, like the rest of a
  pipeline). Lexers keep no state between texts; Sphinx shares them the
  same way.

Both are equivalence-tested against stock pymdownx output (tests/core/render).
"""

from __future__ import annotations

from typing import Any

from pygments.style import Style, StyleMeta
from pymdownx import highlight as _pymdownx_highlight


class _NoRules(StyleMeta):
    def __iter__(cls):
        return iter(())


class ClassesOnly(Style, metaclass=_NoRules):
    """A Pygments style with no rules, for formatters that write CSS classes."""


class HighlightExtension(_pymdownx_highlight.HighlightExtension):
    """pymdownx.highlight, with the lexer of each language looked up once."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        lexers: dict[tuple, tuple] = {}

        class Highlight(_pymdownx_highlight.Highlight):
            def get_lexer(self, src, language, inline, stripnl):
                if self.guess_lang:  # the lexer would depend on the text
                    return super().get_lexer(src, language, inline, stripnl)
                key = (language, inline, stripnl)
                hit = lexers.get(key)
                if hit is None:
                    hit = lexers[key] = super().get_lexer(src, language, inline, stripnl)
                return hit

        self._highlighter = Highlight
        #: (language, inline, stripnl) → (lexer, name): for tests.
        self.lexers = lexers

    def get_pymdownx_highlighter(self):
        return self._highlighter
