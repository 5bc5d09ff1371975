"""Python-Markdown block parsing kept linear and within the recursion limit.

Python-Markdown's block processors peel one line (a heading, a rule) off a
block and hand the rest back as a new block, so every processor's `test` runs
again on the rest: the tables extension's test splits and strips the whole
rest each time, and 20,000 `# h` lines took 15 s. Here a table is looked for
only when the block's first line has a pipe (without one, the extension's own
test answers no: its header row would have one cell and no border).

Nesting Python-Markdown reads by recursion (lists, quotes, `markdown="1"`
HTML, definition lists) is capped by the callers where they can (lists.py);
`too_deep` is what a block becomes when the parser still runs out of stack.
"""

from __future__ import annotations

import html

from markdown.extensions import Extension
from markdown.extensions.tables import TableProcessor


class _Tables(TableProcessor):
    def test(self, parent, block: str) -> bool:
        end = block.find("\n")
        if "|" not in (block if end < 0 else block[:end]):
            return False
        return super().test(parent, block)


class BoundedBlocksExtension(Extension):
    """Load after the tables extension."""

    def extendMarkdown(self, md) -> None:
        from editor.core.render.inline import replace_keeping_order

        def swap(name: str, item):
            return _Tables(md.parser, item.config) if type(item) is TableProcessor else item

        replace_keeping_order(md.parser.blockprocessors, swap)


def too_deep(text: str) -> str:
    """The HTML of a block nested deeper than the parser can follow: its text,
    with a note saying why it is not formatted."""
    return ('<div class="galley-too-deep"><p><em>Nested too deeply to preview; shown as text.</em></p>'
            f"<pre>{html.escape(text)}</pre></div>")
