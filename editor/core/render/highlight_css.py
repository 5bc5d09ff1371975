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
        out.append(formatter.get_style_defs(f':root[data-theme="{theme}"] .highlight'))
    return "\n".join(out) + "\n"
