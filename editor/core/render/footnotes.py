"""Footnotes numbered in reference order, as kramdown does, across blocks.

Python-Markdown's own footnotes extension numbers per conversion; we render
block by block, so numbering is a document-wide step. While a block renders,
this extension records the definitions it finds (`[^label]: text`, with
indented continuation blocks) and writes each reference as a placeholder
`<sup class="galley-fnref">\\ue000F<n>\\ue001</sup>` (n = index in the block's
`refs`). `FootnoteIndex` then numbers labels by first reference over the whole
document, `fill_refs` writes the final markup, and the incremental renderer
emits one `footnotes` block at the end (unreferenced definitions are left out,
like kramdown).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

_DEF = re.compile(r"^[ ]{0,3}\[\^([^\]\s][^\]]*)\]:[ ]*(.*)$", re.M)
_REF = r"\[\^([^\]\s][^\]]*)\]"
# Any attributes: attr_list may add some (`[^1]{% raw %}` reads as an attribute list).
PLACEHOLDER = re.compile('<sup\\b[^>]*>\ue000F(\\d+)\ue001</sup>')


class _Definitions(BlockProcessor):
    def __init__(self, parser, ext: "FootnotesExtension") -> None:
        super().__init__(parser)
        self.ext = ext

    def test(self, parent, block: str) -> bool:
        return "[^" in block and bool(_DEF.search(block))

    def run(self, parent, blocks: list[str]) -> bool:
        block = blocks.pop(0)
        m = _DEF.search(block)
        before = block[: m.start()].rstrip("\n")
        if before.strip():
            blocks.insert(0, block[m.start():])
            blocks.insert(0, before)
            return True
        # A run of definitions in one block is read here in one pass, by
        # position: handing the rest back as a new block re-tested every
        # block processor on it, quadratic in the number of definitions.
        nxt = _DEF.search(block, m.end())
        while nxt:
            self.ext.defs.append((m.group(1).strip(), m.group(2) + block[m.end():nxt.start()].rstrip("\n")))
            m = nxt
            nxt = _DEF.search(block, m.end())
        rest = block[m.end():]
        parts = [m.group(2) + rest.rstrip("\n")]
        while blocks and blocks[0].startswith(("    ", "\t")):
            parts.append(self.detab(blocks.pop(0))[0])
        self.ext.defs.append((m.group(1).strip(), "\n\n".join(parts)))
        return True


class _Reference(InlineProcessor):
    def __init__(self, pattern: str, ext: "FootnotesExtension") -> None:
        super().__init__(pattern)
        self.ext = ext

    def handleMatch(self, m, data):
        self.ext.refs.append(m.group(1).strip())
        el = etree.Element("sup", {"class": "galley-fnref"})
        el.text = f"\ue000F{len(self.ext.refs) - 1}\ue001"
        return el, m.start(0), m.end(0)


class FootnotesExtension(Extension):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.reset()

    def extendMarkdown(self, md) -> None:
        md.registerExtension(self)
        md.parser.blockprocessors.register(_Definitions(md.parser, self), "galley_footnote_defs", 17)
        # Before links (160) so `[^1]` is never read as a link; after code (190).
        md.inlinePatterns.register(_Reference(_REF, self), "galley_footnote_ref", 175)

    def reset(self) -> None:
        self.defs: list[tuple[str, str]] = []
        self.refs: list[str] = []


class FootnoteIndex:
    """Document-wide numbering: feed blocks in order, then fill each block."""

    def __init__(self, defined: set[str]) -> None:
        self.defined = defined
        self.numbers: dict[str, int] = {}
        self.seen: dict[str, int] = {}

    def context(self, refs: tuple[str, ...]) -> tuple:
        """Number the block's references (in order); return what fills them."""
        ctx = []
        for label in refs:
            if label in self.defined:
                number = self.numbers.setdefault(label, len(self.numbers) + 1)
                self.seen[label] = self.seen.get(label, 0) + 1
                ctx.append((number, self.seen[label]))
            else:
                ctx.append(None)
        return tuple(ctx)

    @staticmethod
    def fill(html_text: str, refs: tuple[str, ...], ctx: tuple) -> str:
        def sub(m: re.Match[str]) -> str:
            i = int(m.group(1))
            if i >= len(refs):  # not one of ours (a post can type the marker)
                return ""
            label = refs[i]
            esc = html.escape(label, quote=True)
            if ctx[i] is None:  # no definition: the text stays, as in Markdown
                return html.escape(f"[^{label}]")
            number, nth = ctx[i]
            ref_id = f"fnref:{esc}" if nth == 1 else f"fnref{nth}:{esc}"
            return (f'<sup id="{ref_id}"><a class="footnote-ref" href="#fn:{esc}" '
                    f'role="doc-noteref">{number}</a></sup>')

        return PLACEHOLDER.sub(sub, html_text)

    def ordered(self) -> list[str]:
        return sorted(self.numbers, key=self.numbers.__getitem__)


def in_document_order(html_text: str, refs: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """Re-index reference placeholders in the order they appear in the HTML.

    Python-Markdown runs inline patterns over its tree with a stack, so a
    reference inside a nested list item can be seen after one in a later
    paragraph; numbering must follow the text, not that order.
    """
    order: list[int] = []

    def sub(m: re.Match[str]) -> str:
        if int(m.group(1)) >= len(refs):
            return ""
        order.append(int(m.group(1)))
        return f'<sup class="galley-fnref">\ue000F{len(order) - 1}\ue001</sup>'

    out = PLACEHOLDER.sub(sub, html_text)
    return out, tuple(refs[i] for i in order)


def footnotes_section(items: list[tuple[str, str]]) -> str:
    """`items`: (label, rendered definition HTML) in number order."""
    lis = []
    for label, body in items:
        esc = html.escape(label, quote=True)
        back = f'<a class="footnote-backref" href="#fnref:{esc}" role="doc-backlink">&#8617;</a>'
        body = body.strip()
        if body.endswith("</p>"):
            body = body[:-4] + "&#160;" + back + "</p>"
        else:
            body += back
        lis.append(f'<li id="fn:{esc}" role="doc-endnote">{body}</li>')
    return '<div class="footnotes" role="doc-endnotes">\n<hr>\n<ol>\n' + "\n".join(lis) + "\n</ol>\n</div>"
