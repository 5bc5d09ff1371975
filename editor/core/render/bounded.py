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
import xml.etree.ElementTree as etree

from markdown import util
from markdown.blockprocessors import BlockQuoteProcessor, HashHeaderProcessor, HRProcessor, SetextHeaderProcessor
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.extensions.def_list import DefListProcessor
from markdown.util import AtomicString
from markdown.extensions.tables import TableProcessor

from editor.core.render.suffix_search import SuffixSearch


class _Tables(TableProcessor):
    def test(self, parent, block: str) -> bool:
        end = block.find("\n")
        if "|" not in (block if end < 0 else block[:end]):
            return False
        # The extension's test splits the whole block into rows but reads
        # only the first two (all of them only for a one-column table): on
        # rests peeled one line at a time (`# h|x` x 16,000: 10 s) that was
        # quadratic. Two rows decide; a one-column table is asked in full.
        second = block.find("\n", end + 1) if end >= 0 else -1
        if second < 0:
            return super().test(parent, block)
        if not super().test(parent, block[:second]):
            return False  # more rows can only say no sooner
        if len(self._split_row(block[:end].strip(" "))) > 1:
            return True
        return super().test(parent, block)


class _HashHeaders(HashHeaderProcessor):
    def test(self, parent, block: str) -> bool:
        return bool(self.__dict__.setdefault("_suffix", SuffixSearch(self.RE)).search(block))


class _Rules(HRProcessor):
    def test(self, parent, block: str) -> bool:
        m = self.__dict__.setdefault("_suffix", SuffixSearch(self.SEARCH_RE)).search(block)
        if m:
            self.match = m
        return bool(m)


class _Setext(SetextHeaderProcessor):
    def run(self, parent, blocks: list[str]) -> None:
        # The stock run splits the whole rest into lines and joins them again
        # for every heading it peels (`a\n---` x 13,000: 4.5 s).
        lines = blocks.pop(0).split("\n", 2)
        h = etree.SubElement(parent, "h1" if lines[1].startswith("=") else "h2")
        h.text = lines[0].strip()
        if len(lines) > 2:
            blocks.insert(0, lines[2])


class _Quotes(BlockQuoteProcessor):
    def test(self, parent, block: str) -> bool:
        found = self.__dict__.setdefault("_suffix", SuffixSearch(self.RE)).search(block)
        return bool(found) and not util.nearing_recursion_limit()


class _Abbreviations(AbbrTreeprocessor):
    """Python-Markdown's abbreviations, finding each element's place among its
    siblings by counting, not by looking it up again (`list(parent).index`,
    quadratic on a long run of paragraphs)."""

    def iter_element(self, el, parent=None, index: int = -1) -> None:
        for i in range(len(el) - 1, -1, -1):
            self.iter_element(el[i], el, i)
        text = el.text
        if text and not isinstance(text, AtomicString):
            for m in reversed(list(self.RE.finditer(text))):
                if self.abbrs[m.group(0)]:
                    el.insert(0, self.create_element(self.abbrs[m.group(0)], m.group(0), text[m.end():]))
                    text = text[:m.start()]
            el.text = text
        tail = el.tail
        if parent is not None and tail and not isinstance(tail, AtomicString):
            for m in reversed(list(self.RE.finditer(tail))):
                if self.abbrs[m.group(0)]:
                    parent.insert(index + 1, self.create_element(self.abbrs[m.group(0)], m.group(0), tail[m.end():]))
                    tail = tail[:m.start()]
            el.tail = tail


class _Definitions(DefListProcessor):
    def test(self, parent, block: str) -> bool:
        return bool(self.__dict__.setdefault("_suffix", SuffixSearch(self.RE)).search(block))


class BoundedBlocksExtension(Extension):
    """Load after the tables extension."""

    def extendMarkdown(self, md) -> None:
        from editor.core.render.inline import replace_keeping_order

        def swap(name: str, item):
            if type(item) is TableProcessor:
                return _Tables(md.parser, item.config)
            if type(item) in _LINEAR:
                new = _LINEAR[type(item)](md.parser)
                new.__dict__.update({k: v for k, v in item.__dict__.items() if k not in new.__dict__})
                return new
            return item

        replace_keeping_order(md.parser.blockprocessors, swap)
        if "abbr" in md.treeprocessors and type(md.treeprocessors["abbr"]) is AbbrTreeprocessor:
            old = md.treeprocessors["abbr"]
            replace_keeping_order(md.treeprocessors, lambda name, item: _Abbreviations(md, old.abbrs)
                                  if item is old else item)


#: Processors whose test searched each rest to its end: quadratic on a run
#: of blocks peeled one line at a time (abbreviation definitions, 12,500 of
#: them: 48 s, the quote and definition tests finding nothing each time).
_LINEAR = {HashHeaderProcessor: _HashHeaders, HRProcessor: _Rules, BlockQuoteProcessor: _Quotes,
           DefListProcessor: _Definitions, SetextHeaderProcessor: _Setext}


def too_deep(text: str) -> str:
    """The HTML of a block nested deeper than the parser can follow: its text,
    with a note saying why it is not formatted."""
    return ('<div class="galley-too-deep"><p><em>Nested too deeply to preview; shown as text.</em></p>'
            f"<pre>{html.escape(text)}</pre></div>")
