"""Tables of contents: kramdown's `* TOC` + `{:toc}` and Python-Markdown's `[TOC]`.

A TOC lists the whole document's headings, but blocks render one by one, so
the Markdown step writes a marker (`MARKER`, kramdown.py) and the incremental
renderer fills it once every block's final heading ids are known. Headings with
the class `no_toc` (`{: .no_toc}`) are left out, as in kramdown.
"""

from __future__ import annotations

import html

MARKER = "\ue000TOC\ue001"
#: What the Markdown step leaves where a TOC goes (a raw HTML block).
PLACEHOLDER_HTML = f'<nav class="galley-toc">{MARKER}</nav>'


def toc_html(items: list[tuple[int, str, str]]) -> str:
    """Nested lists from (level, text, id) in document order."""
    if not items:
        return ""
    out: list[str] = []
    base = min(level for level, _, _ in items)
    depth = 0
    for level, text, anchor in items:
        level = level - base + 1
        if depth == 0:
            out.append("<ul>")
            depth = 1
        while depth < level:
            out.append("<ul>")
            depth += 1
        while depth > level:
            out.append("</li></ul>")
            depth -= 1
        if out[-1] not in ("<ul>",):
            out.append("</li>")
        out.append(f'<li><a href="#{html.escape(anchor, quote=True)}">{html.escape(text)}</a>')
    while depth > 0:
        out.append("</li></ul>")
        depth -= 1
    return "".join(out)
