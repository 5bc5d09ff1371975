"""Whose markup the document-wide parts of a body take: footnotes and TOCs.

Blocks render one by one, so footnote references, the footnotes section and
tables of contents are written by the renderer once the whole document is
known (footnotes.py, toc.py), not by the Markdown engine. Site CSS styles the
generator's own markup for them, so this is the one place that says which
generator's markup that is. It follows the site's generator, not the engine:
a Jekyll site previewed without Ruby (Python-Markdown) still publishes
kramdown's markup.
"""

from __future__ import annotations

#: Jekyll's kramdown: `sup[role=doc-noteref] > a.footnote`, `fnref:<label>:<n>`,
#: `a.reversefootnote`, `ul#markdown-toc` with `markdown-toc-<id>` ids.
KRAMDOWN = "kramdown"
#: Hugo's goldmark: notes numbered in ids (`fn:1`, `fnref1:1`), `a.footnote-ref`,
#: `a.footnote-backref`, an `<hr>` before the list.
GOLDMARK = "goldmark"
#: Sites of no known generator: Python-Markdown's footnotes extension's markup.
PYTHON_MARKDOWN = "python-markdown"


def notes_dialect(generator: str | None) -> str:
    """The footnote and TOC markup for a site of `generator`."""
    if generator == "jekyll":
        return KRAMDOWN
    if generator == "hugo":
        return GOLDMARK
    return PYTHON_MARKDOWN
