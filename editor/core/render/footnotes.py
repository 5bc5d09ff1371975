"""Footnotes numbered in reference order, as kramdown does, across blocks.

Python-Markdown's own footnotes extension numbers per conversion; we render
block by block, so numbering is a document-wide step. While a block renders,
this extension records the definitions it finds (`[^label]: text`, with
indented continuation blocks) and writes each reference as a placeholder
`<sup class="galley-fnref">\\ue000F<n>\\ue001</sup>` (n = index in the block's
`refs`). `FootnoteIndex` then numbers labels by first reference over the whole
document, `fill` writes the final markup, and the incremental renderer
emits one `footnotes` block at the end (unreferenced definitions are left out,
like kramdown). The markup is the site generator's (`dialect.notes_dialect`).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Mapping

from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

from editor.core.render.dialect import GOLDMARK, KRAMDOWN, PYTHON_MARKDOWN, notes_dialect

_DEF = re.compile(r"^[ ]{0,3}\[\^([^\]\s][^\]]*)\]:[ ]*(.*)$", re.M)
_REF = r"\[\^([^\]\s][^\]]*)\]"
# Any attributes: attr_list may add some (`[^1]{% raw %}` reads as an attribute list).
#: kramdown's document-wide options extension, and the footnote number in it.
_OPTIONS = re.compile(r"^ {0,3}\{::options\b([^}]*)/?\}", re.M)
_FOOTNOTE_NR = re.compile(r"\bfootnote_nr=[\"']?(\d+)")
PLACEHOLDER = re.compile('<sup\\b[^>]*>\ue000F(\\d+)\ue001</sup>')


class _Definitions(BlockProcessor):
    def __init__(self, parser, ext: "FootnotesExtension") -> None:
        super().__init__(parser)
        self.ext = ext

    def test(self, parent, block: str) -> bool:
        # The first definition in this rest is known from the block it was
        # cut from (bounded.py): a run of peeled lines stays linear.
        from editor.core.render.suffix_search import SuffixSearch  # noqa: PLC0415

        search = self.__dict__.setdefault("_suffix", SuffixSearch(_DEF))
        return bool(search.search(block))

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
    """Document-wide numbering: feed blocks in order, then fill each block.

    `dialect` is whose markup `fill` and `section` write; `start` the first
    number (kramdown's `footnote_nr`)."""

    def __init__(self, defined: set[str], dialect: str = PYTHON_MARKDOWN, start: int = 1) -> None:
        self.defined = defined
        self.dialect = dialect
        self.start = start
        self.numbers: dict[str, int] = {}
        self.seen: dict[str, int] = {}

    @classmethod
    def for_site(cls, defined: set[str], site, body: str = "") -> "FootnoteIndex":
        """Numbering and markup as the site's generator writes them: for
        kramdown, numbers from its `footnote_nr` option (the site's
        `kramdown:` settings, or a `{::options footnote_nr="n" /}` in `body`)."""
        dialect = notes_dialect(site.generator)
        if dialect != KRAMDOWN:
            return cls(defined, dialect)
        kramdown = site.config.get("kramdown") if isinstance(site.config, Mapping) else None
        start = kramdown.get("footnote_nr", 1) if isinstance(kramdown, Mapping) else 1
        if "{::options" in body:
            for m in _OPTIONS.finditer(body):
                nr = _FOOTNOTE_NR.search(m.group(1))
                start = nr.group(1) if nr else start
        try:
            start = max(1, int(start))
        except (TypeError, ValueError):
            start = 1
        return cls(defined, dialect, start)

    def context(self, refs: tuple[str, ...]) -> tuple:
        """Number the block's references (in order); return what fills them."""
        ctx = []
        for label in refs:
            if label in self.defined:
                number = self.numbers.setdefault(label, len(self.numbers) + self.start)
                self.seen[label] = self.seen.get(label, 0) + 1
                ctx.append((number, self.seen[label], self.dialect))
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
            if ctx[i] is None:  # no definition: the text stays, as in Markdown
                return html.escape(f"[^{label}]")
            number, nth, dialect = ctx[i]
            return reference_html(dialect, label, number, nth)

        return PLACEHOLDER.sub(sub, html_text)

    def ordered(self) -> list[str]:
        return sorted(self.numbers, key=self.numbers.__getitem__)

    def section(self, items: list[tuple[str, str]]) -> str:
        """The footnotes block: `items` are (label, rendered definition HTML) in number order."""
        return footnotes_section(items, self.dialect, {label: (self.numbers[label], self.seen.get(label, 1))
                                                        for label, _ in items if label in self.numbers},
                                 self.start)


def reference_html(dialect: str, label: str, number: int, nth: int) -> str:
    """The `nth` reference (from 1) to the note `label`, numbered `number`."""
    esc = html.escape(label, quote=True)
    if dialect == KRAMDOWN:
        repeat = f":{nth - 1}" if nth > 1 else ""
        return (f'<sup id="fnref:{esc}{repeat}" role="doc-noteref">'
                f'<a href="#fn:{esc}" class="footnote" rel="footnote">{number}</a></sup>')
    if dialect == GOLDMARK:
        repeat = str(nth - 1) if nth > 1 else ""
        return (f'<sup id="fnref{repeat}:{number}"><a href="#fn:{number}" class="footnote-ref" '
                f'role="doc-noteref">{number}</a></sup>')
    ref_id = f"fnref:{esc}" if nth == 1 else f"fnref{nth}:{esc}"
    return (f'<sup id="{ref_id}"><a class="footnote-ref" href="#fn:{esc}" '
            f'role="doc-noteref">{number}</a></sup>')


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


def footnotes_section(items: list[tuple[str, str]], dialect: str = PYTHON_MARKDOWN,
                      counts: dict[str, tuple[int, int]] | None = None, start: int = 1) -> str:
    """`items`: (label, rendered definition HTML) in number order; `counts`:
    label → (number, how many references), for ids and back links."""
    counts = counts or {}
    lis = []
    for position, (label, body) in enumerate(items):
        esc = html.escape(label, quote=True)
        number, refs = counts.get(label, (position + start, 1))
        if dialect == KRAMDOWN:
            # kramdown: a back link per reference, the later ones numbered;
            # in the last paragraph after a no-break space, else a paragraph of their own.
            back = f'<a href="#fnref:{esc}" class="reversefootnote" role="doc-backlink">&#8617;</a>' + "".join(
                f' <a href="#fnref:{esc}:{n}" class="reversefootnote" role="doc-backlink">&#8617;<sup>{n + 1}</sup></a>'
                for n in range(1, refs))
            body = body.strip()
            body = body[:-4] + "&#160;" + back + "</p>" if body.endswith("</p>") else body + "\n<p>" + back + "</p>"
            lis.append(f'    <li id="fn:{esc}" role="doc-endnote">\n      {body}\n    </li>')
        elif dialect == GOLDMARK:
            back = "".join(f'&#160;<a href="#fnref{n or ""}:{number}" class="footnote-backref" '
                           f'role="doc-backlink">&#x21a9;&#xfe0e;</a>' for n in range(refs))
            body = body.strip()
            body = body[:-4] + back + "</p>" if body.endswith("</p>") else body + back
            lis.append(f'<li id="fn:{number}">\n{body}\n</li>')
        else:
            back = f'<a class="footnote-backref" href="#fnref:{esc}" role="doc-backlink">&#8617;</a>'
            body = body.strip()
            body = body[:-4] + "&#160;" + back + "</p>" if body.endswith("</p>") else body + back
            lis.append(f'<li id="fn:{esc}" role="doc-endnote">{body}</li>')
    if dialect == KRAMDOWN:
        ol = "<ol>" if start == 1 else f'<ol start="{start}">'
        return f'<div class="footnotes" role="doc-endnotes">\n  {ol}\n' + "\n".join(lis) + "\n  </ol>\n</div>"
    return '<div class="footnotes" role="doc-endnotes">\n<hr>\n<ol>\n' + "\n".join(lis) + "\n</ol>\n</div>"
