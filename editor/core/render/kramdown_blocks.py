"""kramdown's block rules the Python-Markdown fallback lacks (Jekyll sites).

Each is a difference seen between the fallback and Jekyll's own output:

- a list item right after a paragraph line starts a list, whatever its
  number (`the book\n1984. It was great` is a list of kramdown's), and a
  rule (`* * *`) is not a list item;
- a blockquote is every line from its first `>` line to the next blank line
  (kramdown reads the lines without `>` as lazy ones): `> a` then `---` is a
  heading inside the quote, not a heading `> a`; a list, heading or rule in
  those lines is read inside the quote, a list right after a paragraph line
  too; and two quotes parted by a blank line stay two (Python-Markdown joins
  them into one);
- a line of only `^` ends the block before it (kramdown's end-of-block
  marker): two lists it parts stay two, and the `^` is not shown;
- `{::nomarkdown}…{:/}` (or `{:/nomarkdown}`) passes its text through as
  written, on lines of its own or inside a paragraph; with a `type` other
  than `html` it outputs nothing, and so does `{::nomarkdown …/}`.
"""

from __future__ import annotations

import bisect
import re
import xml.etree.ElementTree as etree
from typing import Callable, Sequence

from markdown import util
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from editor.core.render.blocks import SourceBlock, split_lines
from editor.core.render.lists import normalize_lists
from editor.core.render.markup import CodeRanges

_ITEM_START = re.compile(r"[ ]{0,3}(?:[*+-]|\d+\.)[ \t]+\S")
_RULE = re.compile(r"[ ]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_NOT_PARAGRAPH = re.compile(r"(?:[ ]{4}|\t|[ ]{0,3}(?:#|>|\||<|\{:|[-=*_]{3,}\s*$|\[\^?[^\]]*\]:))")


def fenced(lines: list[str]) -> list[bool]:
    """Which lines belong to a fenced code block (its fences included). A
    fence never closed is no fence (kramdown's rule). Linear: whether a
    closing line follows is read from the longest fence line of each kind
    below each line."""
    longest = {"`": [0] * (len(lines) + 1), "~": [0] * (len(lines) + 1)}
    for i in range(len(lines) - 1, -1, -1):
        stripped = lines[i].strip()
        for char, below in longest.items():
            below[i] = below[i + 1]
            if stripped[:3] == char * 3 and set(stripped) == {char}:
                below[i] = max(below[i], len(stripped))
    inside = [False] * len(lines)
    fence: str | None = None
    for i, line in enumerate(lines):
        if fence is not None:
            inside[i] = True
            stripped = line.strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
        elif (m := _FENCE.match(line)) and longest[m.group(1)[0]][i + 1] >= len(m.group(1)):
            fence = m.group(1)
            inside[i] = True
    return inside


def interrupt_paragraphs(lines: list[str]) -> list[str]:
    """A blank line before each list item or fence that follows a paragraph
    line (outside a list), where Python-Markdown would read on the paragraph."""
    out: list[str] = []
    code = fenced(lines)
    in_list = prev_para = False
    for i, line in enumerate(lines):
        if code[i]:
            if i == 0 or not code[i - 1]:  # a fence opens
                if prev_para and not in_list:
                    out.append("")
                prev_para = False
        elif not line.strip():
            in_list = prev_para = False
        elif _RULE.match(line):
            in_list = prev_para = False
        elif _ITEM_START.match(line):
            if prev_para and not in_list:
                out.append("")
            in_list = True
            prev_para = False
        else:
            prev_para = not _NOT_PARAGRAPH.match(line)
        out.append(line)
    return out


class _Interrupt(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return interrupt_paragraphs(lines)


_QUOTE_START = re.compile(r"[ ]{0,3}>")
_QUOTE_LINE = re.compile(r"[ ]{0,3}>[ ]?(.*)")


class _Quote(BlockProcessor):
    """A block that starts with `>` is one blockquote to its end."""

    def test(self, parent, block: str) -> bool:
        return bool(_QUOTE_START.match(block)) and not util.nearing_recursion_limit()

    def run(self, parent, blocks: list[str]) -> None:
        lines = []
        for line in blocks.pop(0).split("\n"):
            m = _QUOTE_LINE.match(line)
            lines.append(m.group(1) if m else line)
        # The quote's text is read as a document of its own (kramdown parses
        # it so): the preprocessors' kramdown rules apply to it too.
        lines = normalize_lists(interrupt_paragraphs(lines), kramdown=True)
        quote = etree.SubElement(parent, "blockquote")
        self.parser.state.set("blockquote")
        self.parser.parseChunk(quote, "\n".join(lines))
        self.parser.state.reset()


#: An end-of-block marker: a line of `^` alone (kramdown's EOB_MARKER).
END_OF_BLOCK = _EOB = re.compile(r"^\^[ \t]*$", re.M)


def split_at_end_of_block(body: str, split: Callable[[str], Sequence[SourceBlock]]) -> list[SourceBlock]:
    """The body's blocks (by `split`) with a block ending at every `^` line
    outside a fence, as kramdown ends it: a run of blocks parted by markers
    renders block by block (one Markdown run over all of them reads its
    blocks from the front of a list, quadratic in their number)."""
    lines = split_lines(body)
    code = fenced(lines)
    cuts = [i for i, line in enumerate(lines) if line[:1] == "^" and not code[i] and _EOB.match(line)]
    if not cuts:
        return list(split(body))
    out: list[SourceBlock] = []
    start = 0
    for cut in [*cuts, len(lines)]:
        if cut > start:
            out += [SourceBlock(b.text, b.start + start, b.end + start)
                    for b in split("\n".join(lines[start:cut]))]
        start = cut + 1
    return out


_NOMARKDOWN_START = re.compile(r"[ ]{0,3}\{::nomarkdown(?:[ \t][^}\n]*?)?[ \t]*\}[ \t]*$")
_COMMENT_START = re.compile(r"\{::comment\}")
_COMMENT_STOP = re.compile(r"\{:/(?:comment)?\}")


def _spans(lines: list[str]) -> list[tuple[int, int]]:
    """First and last line of each `{::nomarkdown}` block (to its `{:/}`
    line) and `{::comment}` (anywhere, to the next `{:/}`, as kramdown.py
    drops it), in order, overlapping ones joined."""
    code = fenced(lines)
    next_stop = [-1] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        next_stop[i] = i if not code[i] and _STOP_LINE.match(lines[i]) else next_stop[i + 1]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not code[i] and lines[i].lstrip(" ")[:3] == "{::" and _NOMARKDOWN_START.match(lines[i]) \
                and next_stop[i + 1] >= 0:
            spans.append((i, next_stop[i + 1]))
            i = next_stop[i + 1]
        i += 1
    # The comment rule reads the text with the nomarkdown blocks taken out
    # (the preprocessors' order).
    shown = list(lines)
    for start, end in spans:
        shown[start:end + 1] = [""] * (end + 1 - start)
    text = "\n".join(shown)
    if "{::comment}" in text:
        starts = [0]
        for line in shown:
            starts.append(starts[-1] + len(line) + 1)
        pos = 0
        while (m := _COMMENT_START.search(text, pos)) and (stop := _COMMENT_STOP.search(text, m.end())):
            spans.append((bisect.bisect_right(starts, m.start()) - 1, bisect.bisect_right(starts, stop.start()) - 1))
            pos = stop.end()
        spans.sort()
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def join_extensions(body: str, blocks: list[SourceBlock]) -> list[SourceBlock]:
    """`blocks` with those a `{::nomarkdown}` or `{::comment}` spans (blank
    lines too) joined into one: kramdown reads the span whole."""
    lines = split_lines(body)
    spans = _spans(lines)
    if not spans:
        return blocks
    out: list[SourceBlock] = []
    k = 0
    for block in blocks:
        while k < len(spans) and spans[k][1] < block.start:
            k += 1
        last = out[-1] if out else None
        if k < len(spans) and block.start <= spans[k][1] and block.end >= spans[k][0]:
            if last is not None and last.end >= spans[k][0]:
                # Already holding part of this span: take this block in.
                out[-1] = SourceBlock("\n".join(lines[last.start:block.end + 1]), last.start, block.end)
                continue
        out.append(block)
    return out


class _EndOfBlock(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if "^" not in "".join(line[:1] for line in lines):
            return lines
        out: list[str] = []
        code = fenced(lines)
        for i, line in enumerate(lines):
            if line[:1] == "^" and not code[i] and _EOB.match(line):
                # An invisible element between blank lines: whatever follows
                # starts anew (Python-Markdown would append a list or a
                # quote to the one before, across blank lines).
                out += ["", "<!-- -->", ""]
                continue
            out.append(line)
        return out


_NOMARKDOWN_LINE = re.compile(r"[ ]{0,3}\{::nomarkdown((?:[ \t][^}\n]*?)?)[ \t]*(/?)\}[ \t]*$")
_STOP_LINE = re.compile(r"[ ]{0,3}\{:/(?:nomarkdown)?\}[ \t]*$")
_SPAN_TOKEN = re.compile(r"\{::nomarkdown((?:[ \t][^}\n]*?)?)[ \t]*(/?)\}|\{:/(?:nomarkdown)?\}")
_TYPE = re.compile(r"""\btype=(["']?)([^"'\s}]*)\1""")
_MARK = "\ue000N{}\ue001"
_MARK_P = re.compile("<p>\ue000N(\\d+)\ue001</p>")


def _shown(attrs: str, text: str) -> str:
    m = _TYPE.search(attrs)
    return text if m is None or m.group(2) == "html" else ""


class _NoMarkdown(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any("{::nomarkdown" in line for line in lines):
            return lines
        blocks: list[str] = self.md.__dict__.setdefault("galley_nomarkdown", [])
        code = fenced(lines)
        # The next stop line at or after each line, found from the end: one pass.
        next_stop: list[int] = [-1] * (len(lines) + 1)
        for i in range(len(lines) - 1, -1, -1):
            next_stop[i] = i if not code[i] and _STOP_LINE.match(lines[i]) else next_stop[i + 1]
        out: list[str] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            i += 1
            if code[i - 1]:
                out.append(line)
                continue
            m = _NOMARKDOWN_LINE.match(line)
            if m and m.group(2):
                continue  # `{::nomarkdown …/}`: nothing
            if m and next_stop[i] >= 0:
                end = next_stop[i]
                blocks.append(_shown(m.group(1), "\n".join(lines[i:end])))
                out += ["", _MARK.format(len(blocks) - 1), ""]
                i = end + 1
                continue
            out.append(line)
        text = "\n".join(out)
        if "{::nomarkdown" in text:
            text = self._spans(text)
        return text.split("\n")

    def _spans(self, text: str) -> str:
        """`{::nomarkdown}…{:/}` inside a paragraph (one line): the text stashed as raw HTML."""
        code = CodeRanges(text)
        pieces: list[str] = []
        last = 0
        opened: re.Match[str] | None = None
        for m in _SPAN_TOKEN.finditer(text):
            if m.start() in code:
                continue
            if m.group(0).startswith("{::"):
                if m.group(2):  # `{::nomarkdown …/}`: nothing
                    pieces += [text[last:m.start()]]
                    last = m.end()
                    opened = None
                else:
                    opened = m
            elif opened is not None and "\n" not in text[opened.end():m.start()]:
                stored = self.md.htmlStash.store(_shown(opened.group(1), text[opened.end():m.start()]))
                pieces += [text[last:opened.start()], stored]
                last = m.end()
                opened = None
        pieces.append(text[last:])
        return "".join(pieces)


class _NoMarkdownOut(Postprocessor):
    def run(self, text: str) -> str:
        blocks = self.md.__dict__.get("galley_nomarkdown")
        if not blocks or "\ue000N" not in text:
            return text
        return _MARK_P.sub(lambda m: blocks[int(m.group(1))] if int(m.group(1)) < len(blocks) else m.group(0), text)


class KramdownBlocksExtension(Extension):
    def reset(self) -> None:
        if self.md is not None:
            self.md.galley_nomarkdown = []

    def extendMarkdown(self, md) -> None:
        self.md = md
        md.registerExtension(self)
        # After whitespace normalisation (30), before the kramdown rules (27)
        # and the list indentation (26), which read the lines these make.
        md.preprocessors.register(_NoMarkdown(md), "galley_nomarkdown", 29)
        md.preprocessors.register(_EndOfBlock(md), "galley_end_of_block", 28)
        md.preprocessors.register(_Interrupt(md), "galley_interrupt_paragraphs", 27.5)
        # Above tables (75), headings and rules: a `>` block is a quote first.
        md.parser.blockprocessors.register(_Quote(md.parser), "galley_quote", 76)
        md.postprocessors.register(_NoMarkdownOut(md), "galley_nomarkdown", 25)
