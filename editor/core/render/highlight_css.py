"""Pygments token colours for both preview themes, scoped by `data-theme`.

Both themes are always in the page, so switching theme is one attribute
change (`window.galley.setTheme`), no CSS reload.
"""

from __future__ import annotations

from functools import lru_cache

from pygments.formatters import HtmlFormatter

STYLES = {"light": "default", "dark": "github-dark"}


@lru_cache(maxsize=4)
def highlight_css(light: str = STYLES["light"], dark: str = STYLES["dark"]) -> str:
    out = []
    for theme, style in (("light", light), ("dark", dark)):
        formatter = HtmlFormatter(style=style)
        out.append(f"/* pygments: {style} ({theme}) */")
        prefix = f':root[data-theme="{theme}"] .highlight'
        # Token rules only: pygments' line-number rules are not scoped by the
        # prefix and would leak one theme into the other; backgrounds and line
        # numbers come from preview.css (the theme's --code-bg, --fg-muted).
        out.extend(formatter.get_token_style_defs(prefix))
    return "\n".join(out) + "\n"
