"""Tables of contents: kramdown's `* TOC` + `{:toc}` and Python-Markdown's `[TOC]`.

A TOC lists the whole document's headings, but blocks render one by one, so
the Markdown step writes a marker (`MARKER`, kramdown.py) and the incremental
renderer fills it once every block's final heading ids are known. Headings with
the class `no_toc` (`{: .no_toc}`) are left out, as in kramdown. The markup is
the site generator's (`dialect.notes_dialect`): for Jekyll, kramdown's
`ul#markdown-toc` with `markdown-toc-<id>` link ids, nested as kramdown nests,
each entry the heading's own inline markup (emphasis and code kept, links
unwrapped to their text, footnote references dropped: kramdown's TOC).
"""

from __future__ import annotations

import html
import re

from editor.core.render.dialect import KRAMDOWN, PYTHON_MARKDOWN

MARKER = "\ue000TOC\ue001"
#: What the Markdown step leaves where a TOC goes (a raw HTML block).
PLACEHOLDER_HTML = f'<nav class="galley-toc">{MARKER}</nav>'
#: The same for a `{:toc}` on an ordered list: kramdown then writes `ol#markdown-toc`.
ORDERED_PLACEHOLDER_HTML = f'<nav class="galley-toc galley-toc-ordered">{MARKER}</nav>'


_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
_ID = re.compile(r'\sid="([^"]*)"')
_NOTE_REF = re.compile(r'<sup\b[^>]*\brole="doc-noteref"[^>]*>.*?</sup>', re.S)
_LINK_TAG = re.compile(r"</?a\b[^>]*>")


def toc_headings(inner: str) -> list[tuple[str, str]]:
    """Each heading of a block's final HTML, in order: (its id, its content
    as kramdown's TOC entry shows it)."""
    out = []
    for m in _HEADING.finditer(inner):
        found = _ID.search(m.group(2))
        out.append((found.group(1) if found else "", _LINK_TAG.sub("", _NOTE_REF.sub("", m.group(3))).strip()))
    return out


def toc_html(items: list[tuple[int, str, str]], dialect: str = PYTHON_MARKDOWN) -> str:
    """Nested lists from (level, text, id) in document order; for kramdown
    the text is the entry's HTML (`toc_headings`), else plain text."""
    if dialect == KRAMDOWN:
        return _kramdown_toc(items)
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


def fill(inner: str, toc: str, dialect: str = PYTHON_MARKDOWN) -> str:
    """`inner` with its TOC markers replaced by `toc`. kramdown's list stands
    where the `{:toc}` list stood, without the preview's own wrapper."""
    if dialect == KRAMDOWN:
        if ORDERED_PLACEHOLDER_HTML in inner:
            inner = inner.replace(ORDERED_PLACEHOLDER_HTML, _ordered(toc))
        inner = inner.replace(PLACEHOLDER_HTML, toc)
    return inner.replace(MARKER, toc)


def _ordered(toc: str) -> str:
    # The TOC's own list tags (entries' text holds no list markup).
    return toc.replace("<ul", "<ol").replace("</ul>", "</ol>")


def _kramdown_toc(items: list[tuple[int, str, str]]) -> str:
    # kramdown's Converter::Html#generate_toc_tree: an entry goes under the
    # nearest earlier entry of a lower level (however many levels lower), so
    # a jump from h1 to h3 nests once, not twice.
    root: list = []
    stack: list[tuple[int, list]] = []  # (level, children of that entry)
    for level, text, anchor in items:
        entry = (text, anchor, [])
        while stack and stack[-1][0] >= level:
            stack.pop()
        (stack[-1][1] if stack else root).append(entry)
        stack.append((level, entry[2]))
    return '<ul id="markdown-toc">\n' + _kramdown_entries(root, 1) + "</ul>"


def _kramdown_entries(entries: list, depth: int) -> str:
    pad = "  " * (2 * depth - 1)
    out = []
    for text, anchor, children in entries:
        esc = html.escape(anchor, quote=True)
        link = f'<a href="#{esc}" id="markdown-toc-{esc}">{text}</a>'
        if children:
            out.append(f"{pad}<li>{link}    <ul>\n{_kramdown_entries(children, depth + 1)}{pad}  </ul>\n{pad}</li>\n")
        else:
            out.append(f"{pad}<li>{link}</li>\n")
    return "".join(out)
