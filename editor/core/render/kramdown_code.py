"""Code text as kramdown keeps it, in the Python-Markdown fallback (Jekyll).

kramdown writes a code block's text as typed; Python-Markdown changes it:

- it expands every tab to spaces before parsing. Here only the tabs of a
  line's leading structure (indentation, `>` and list markers, and the
  whitespace after them), which Python-Markdown's block rules read as
  spaces, are expanded (of an indented code block's lines, the first four
  columns); a tab after that (Go and Makefile code, a tab in a table of
  values) is kept, and a fenced block's lines are kept whole;
- it drops the trailing spaces of an indented code block's last line.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import util
from markdown.blockprocessors import CodeBlockProcessor
from markdown.extensions import Extension
from markdown.preprocessors import NormalizeWhitespace

from editor.core.render.kramdown_blocks import fenced

#: A line's leading structure: whitespace, quote markers, list markers and
#: definition colons followed by whitespace.
_PREFIX = re.compile(r"(?:[ \t]|>|(?:[*+:-]|\d{1,9}[.)])(?=[ \t]))*")
_LIST_MARK = re.compile(r"[ ]{0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)")
_SPACE_LINE = re.compile(r"(?<=\n) +\n")


def _columns(prefix: str, width: int, tab_length: int) -> int:
    """How many characters of `prefix` make its first `width` columns."""
    col = 0
    for i, ch in enumerate(prefix):
        if col >= width:
            return i
        col = col + tab_length - col % tab_length if ch == "\t" else col + 1
    return len(prefix)


def expand_leading_tabs(lines: list[str], tab_length: int) -> list[str]:
    out = []
    in_fence = fenced(lines)
    in_list = False
    code = False  # inside an indented code block at the top level
    prev_blank = True
    for i, line in enumerate(lines):
        if not line.strip(" \t"):
            prev_blank = True
            out.append("")  # (a line of spaces is blank, as Python-Markdown makes it)
            continue
        if in_fence[i]:
            out.append(line)
            prev_blank = False
            continue
        lead = len(line) - len(line.lstrip(" \t"))
        if (code or prev_blank) and not in_list and len(line[:lead].expandtabs(tab_length)) >= tab_length:
            # Indented code: its indentation is read, the rest is code text.
            code = True
            cut = _columns(line, tab_length, tab_length)
            out.append(line[:cut].expandtabs(tab_length) + line[cut:])
            prev_blank = False
            continue
        code = False
        if _LIST_MARK.match(line):
            in_list = True
        elif prev_blank and lead == 0:
            in_list = False
        if "\t" in line:
            prefix = _PREFIX.match(line).end()
            line = line[:prefix].expandtabs(tab_length) + line[prefix:]
        out.append(line)
        prev_blank = False
    return out


class _Whitespace(NormalizeWhitespace):
    """Python-Markdown's whitespace normalisation, tabs aside (above)."""

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        source = source.replace(util.STX, "").replace(util.ETX, "")
        source = source.replace("\r\n", "\n").replace("\r", "\n") + "\n\n"
        if "\t" in source:
            source = "\n".join(expand_leading_tabs(source.split("\n"), self.md.tab_length))
        return _SPACE_LINE.sub("\n", source).split("\n")


class _CodeBlocks(CodeBlockProcessor):
    def run(self, parent, blocks: list[str]) -> None:
        sibling = self.lastChild(parent)
        block, rest = self.detab(blocks.pop(0))
        text = util.code_escape(block.rstrip("\n"))
        if sibling is not None and sibling.tag == "pre" and len(sibling) and sibling[0].tag == "code":
            # A code block after a blank line continues the one before.
            code = sibling[0]
            code.text = util.AtomicString(f"{code.text}\n{text}\n")
        else:
            code = etree.SubElement(etree.SubElement(parent, "pre"), "code")
            code.text = util.AtomicString(f"{text}\n")
        if rest:
            blocks.insert(0, rest)


class KramdownCodeExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.preprocessors.register(_Whitespace(md), "normalize_whitespace", 30)
        md.parser.blockprocessors.register(_CodeBlocks(md.parser), "code", 80)
