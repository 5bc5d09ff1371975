"""Small kramdown (GFM input, as Jekyll runs it) behaviours the Python-Markdown
fallback lacks, each a one-line difference writers meet:

- `\\$ \\= \\: \\<` are escapes (kramdown's escapable characters), not text
  with a backslash;
- a backslash at the end of a line is a hard line break;
- task list items are kramdown's: `li.task-list-item` for every item of a
  `ul.task-list`, the box `input.task-list-item-checkbox` with the text right
  after it;
- `## C#` keeps its `#` (only hashes after a space close a heading);
- code spans are `code.language-plaintext.highlighter-rouge`;
- table cells' alignment is `style="text-align: right"` (Python-Markdown
  writes a trailing `;`);
- `$$…$$` is kramdown's math (MathJax's delimiters, the text untouched): a
  paragraph of its own is display math `\\[…\\]`, inside a paragraph it is
  inline `\\(…\\)`;
- abbreviations (`*[HTML]: …`) and `<< >>` as « » come from Python-Markdown's
  `abbr` and `smarty` extensions (markdown_pipeline.py); abbreviations act on
  the whole document, so a body defining one renders as one block.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.extensions.tables import TableProcessor
from markdown.inlinepatterns import InlineProcessor, SubstituteTagInlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX, AtomicString

from editor.core.render.inline import NEEDS
from editor.core.render.markup import CodeRanges

_STASHED = re.compile(STX + r"wzxhzdk:(\d+)" + ETX)
#: kramdown's escapable characters Python-Markdown does not escape.
_MORE_ESCAPES = ("$", "=", ":", "<")


class _Markup(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            tag = el.tag
            if tag in ("th", "td"):
                style = el.get("style")
                if style and style.endswith(";"):
                    el.set("style", style.rstrip(";").rstrip())
            elif tag == "code" and "class" not in el.attrib:
                # Code spans (a block's code is stashed HTML, not in the tree).
                el.set("class", "language-plaintext highlighter-rouge")
            elif tag == "ul" and "task-list" in (el.get("class") or "").split():
                for li in el:
                    if li.tag != "li":
                        continue
                    li.set("class", "task-list-item")
                    self._box(li[0] if len(li) and li[0].tag == "p" else li)

    def _box(self, holder: etree.Element) -> None:
        # pymdownx.tasklist stashes the box as raw HTML at the start of the text.
        m = _STASHED.match(holder.text or "")
        stash = self.md.htmlStash.rawHtmlBlocks
        if m is None or int(m.group(1)) >= len(stash):
            return
        box = str(stash[int(m.group(1))])
        if box.startswith('<input type="checkbox"'):
            stash[int(m.group(1))] = box.replace("<input ", '<input class="task-list-item-checkbox" ', 1).rstrip(" ")
            holder.text = m.group(0) + holder.text[m.end():].lstrip(" ")


#: `## C#`: trailing hashes right after the text are the heading's
#: (kramdown's GFM parser closes a heading only after a space).
_HEADING_HASHES = re.compile(r"^( {0,3}#{1,6}[ \t]+[^\n]*?[^\s#\\])(#+)([ \t]*)$", re.M)


class _HeadingHashes(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "#" not in text or not _HEADING_HASHES.search(text):
            return lines
        code = CodeRanges(text)
        return _HEADING_HASHES.sub(lambda m: m.group(0) if m.start() in code else (
            m.group(1) + "\\#" * len(m.group(2)) + m.group(3)), text).split("\n")


#: kramdown's BLOCK_MATH_START: a block that is `$$…$$` alone, over lines too.
#: Within one block (no blank line): a search that fails ends at the next one.
_BLOCK_MATH = re.compile(r"(?:\A|(?<=\n\n)) {0,3}\$\$((?:[^$\n]|\n(?![ \t]*\n)|\$(?!\$))*?)\$\$[ \t]*(?=\n[ \t]*\n|\n?\Z)")
_MATH_MARK = re.compile("<p>\ue000M(\\d+)\ue001</p>")


class _BlockMath(Preprocessor):
    """Display math out of the way of the Markdown parser: a marker paragraph
    the postprocessor replaces with `\\[…\\]` (kramdown writes it bare, with
    no `<p>`)."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "$$" not in text:
            return lines
        code = CodeRanges(text)
        found: list[str] = self.md.__dict__.setdefault("galley_math", [])

        def mark(m: re.Match[str]) -> str:
            if m.start() in code:
                return m.group(0)
            found.append(m.group(1).strip())
            return f"\ue000M{len(found) - 1}\ue001"
        return _BLOCK_MATH.sub(mark, text).split("\n")


class _BlockMathOut(Postprocessor):
    def run(self, text: str) -> str:
        found = self.md.__dict__.get("galley_math")
        if not found or "\ue000M" not in text:
            return text
        return _MATH_MARK.sub(lambda m: "\\[" + _escape(found[int(m.group(1))]) + "\\]"
                              if int(m.group(1)) < len(found) else m.group(0), text)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_INLINE_MATH = r"(\\)?\$\$((?:[^$]|\$(?!\$))+?)\$\$"
NEEDS[_INLINE_MATH] = ("$$",)  # texts without `$$` skip the pattern


class _InlineMath(InlineProcessor):
    """`$$…$$` in a paragraph. An escaped `\\$$` is a dollar sign, except at
    the paragraph's start, where it makes inline what would be display math."""

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's name
        if m.group(1) and m.start(0) != 0:
            return AtomicString("$"), m.start(0), m.start(0) + 2
        if STX in m.group(2):
            return None, None, None  # a code span took part of it first
        return AtomicString("\\(" + m.group(2).strip() + "\\)"), m.start(0), m.end(0)


_NOT_A_ROW = re.compile(r" {0,3}(?:#|>|(?:[-*_][ \t]*){3,}$)")


class _PipeRows(TableProcessor):
    """kramdown's table without a header: a block whose every line holds a
    cell separator (`a | b | c`) is a table body (Python-Markdown wants a
    separator row)."""

    def test(self, parent, block: str) -> bool:
        # Tried after the tables extension (which took the blocks with a
        # separator row), headings and rules, as kramdown tries its parsers;
        # the scan stops at the first line that is no row, or is a heading,
        # quote or rule of its own (linear when those are peeled one by one).
        end = block.find("\n")
        if "|" not in (block if end < 0 else block[:end]):
            return False
        for line in block.split("\n"):
            if not line.strip() or _NOT_A_ROW.match(line) or not self._cells(line):
                return False
        return True

    def _cells(self, line: str) -> list[str]:
        line = line.strip()
        self.border = (1 if line.startswith("|") else 0) | (2 if self.RE_END_BORDER.search(line) else 0)
        cells = self._split_row(line)
        return cells if self.border or len(cells) > 1 else []

    def run(self, parent, blocks: list[str]) -> None:
        rows = [line.strip() for line in blocks.pop(0).split("\n")]
        width = max(len(self._cells(row)) for row in rows)
        tbody = etree.SubElement(etree.SubElement(parent, "table"), "tbody")
        for row in rows:
            self._cells(row)  # this row's borders
            self._build_row(row, tbody, [None] * width)


class JekyllExtrasExtension(Extension):
    def reset(self) -> None:
        # Display math found in this run (several texts share one run in
        # `MarkdownPipeline.convert_many`: numbered across them).
        if self.md is not None:
            self.md.galley_math = []

    def extendMarkdown(self, md) -> None:
        self.md = md
        md.registerExtension(self)
        md.preprocessors.register(_HeadingHashes(md), "galley_heading_hashes", 5)
        md.preprocessors.register(_BlockMath(md), "galley_block_math", 4)
        md.parser.blockprocessors.register(_PipeRows(md.parser, {"use_align_attribute": False}), "galley_pipe_rows", 45)
        md.postprocessors.register(_BlockMathOut(md), "galley_block_math", 5)
        # After code spans (190: `$$` in code stays code), before escapes
        # (180) and emphasis: math text is taken as it is.
        md.inlinePatterns.register(_InlineMath(_INLINE_MATH, md), "galley_inline_math", 186)
        md.ESCAPED_CHARS = list(md.ESCAPED_CHARS) + [c for c in _MORE_ESCAPES if c not in md.ESCAPED_CHARS]
        # Before the escape pattern (180), which would keep the backslash.
        md.inlinePatterns.register(SubstituteTagInlineProcessor(r"\\\n", "br"), "galley_backslash_break", 185)
        # After the task list's own processor and attr_list; before the
        # heading ids (6) and the serializer.
        md.treeprocessors.register(_Markup(md), "galley_jekyll_markup", 5)
