"""Split a Markdown body into top-level blocks that render independently.

A block is a run of lines between blank lines, except where Markdown (or
Liquid) lets one construct span blank lines; there the blocks are merged so
that rendering the blocks one by one gives the same HTML as rendering the whole
body at once (tests/core/render/test_blocks.py checks this on the corpus):

- fenced code (``` / ~~~, any indentation) up to its closing fence;
- Liquid block tags `{% highlight %}`, `{% raw %}`, `{% comment %}` up to the end tag;
- raw HTML blocks (a block-level tag or `<!--` at a line start) until the tag
  closes, because Python-Markdown's HTML extractor reads across blank lines;
- lists and anything indented: after a blank line, an indented line, a list
  item following a list, or a `: definition` continue the block (loose lists,
  list paragraphs, indented code, definition lists, footnote bodies).

Merging too much is always safe (only less granular); splitting where Markdown
would not is what the tests guard against.

Lines are counted on the body with every newline style folded to "\n" (which
keeps the line count), 0-based here; the renderer adds `body_line`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown import Markdown

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_LIQUID_OPEN = re.compile(r"\{%-?\s*(highlight|raw|comment)\b[^%]*-?%\}")
_LIST_ITEM = re.compile(r"^[ ]{0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)")
_HTML_OPEN = re.compile(r"^[ ]{0,3}<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)")
_BLOCK_TAGS = frozenset(Markdown().block_level_elements) | {"details", "summary", "figure", "figcaption", "svg"}
# Void elements never close, so they never hold a block open.
_VOID = frozenset({"hr", "br", "img", "input", "meta", "link", "source", "area", "col", "embed", "wbr", "track", "param"})


@dataclass(frozen=True)
class SourceBlock:
    text: str
    #: 0-based first and last line (inclusive) within the body.
    start: int
    end: int


def split_lines(body: str) -> list[str]:
    """The body's lines with any newline style ("\\r\\n", "\\r", "\\n")."""
    return body.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def split_blocks(body: str) -> list[SourceBlock]:
    lines = split_lines(body)
    n = len(lines)
    out: list[SourceBlock] = []
    i = 0
    while i < n:
        if not lines[i].strip():
            i += 1
            continue
        start = i
        has_list = False
        while i < n:
            line = lines[i]
            stripped = line.strip()
            if not stripped:
                j = i + 1
                while j < n and not lines[j].strip():
                    j += 1
                if j < n and _continues(lines[j], has_list):
                    i = j
                    continue
                break
            first = stripped[0]
            if first in "`~":
                end = _fence_end(lines, i)
                if end is not None:
                    i = end + 1
                    continue
            elif first == "<":
                end = _html_end(lines, i)
                if end is not None:
                    i = end + 1
                    continue
            if "{%" in line:
                end = _liquid_end(lines, i)
                if end is not None:
                    i = end + 1
                    continue
            if not has_list and _LIST_ITEM.match(line):
                has_list = True
            i += 1
        end_line = i - 1
        while end_line > start and not lines[end_line].strip():
            end_line -= 1
        out.append(SourceBlock("\n".join(lines[start:end_line + 1]), start, end_line))
    return out


def _continues(line: str, has_list: bool) -> bool:
    if line[0] in " \t":
        return True
    if line.startswith(":"):
        return True
    return has_list and bool(_LIST_ITEM.match(line))


def _fence_end(lines: list[str], i: int) -> int | None:
    m = _FENCE.match(lines[i])
    if not m:
        return None
    fence = m.group(1)
    char, size = fence[0], len(fence)
    if char == "`" and "`" in lines[i][m.end():]:
        return None  # an inline code span, not a fence (CommonMark rule)
    for j in range(i + 1, len(lines)):
        s = lines[j].strip()
        if s and s[0] == char and len(s) >= size and s == char * len(s):
            return j
    return None


def _liquid_end(lines: list[str], i: int) -> int | None:
    line = lines[i]
    m = _LIQUID_OPEN.search(line)
    if not m:
        return None
    close = re.compile(r"\{%-?\s*end" + m.group(1) + r"\s*-?%\}")
    if close.search(line, m.end()):
        return None
    for j in range(i + 1, len(lines)):
        if close.search(lines[j]):
            return j
    return None


def _html_end(lines: list[str], i: int) -> int | None:
    """Last line of a raw HTML block starting on line i (or None)."""
    line = lines[i]
    if line.lstrip().startswith("<!--"):
        for j in range(i, len(lines)):
            if "-->" in lines[j]:
                return j
        return len(lines) - 1
    m = _HTML_OPEN.match(line)
    if not m or m.group(1).lower() not in _BLOCK_TAGS or m.group(1).lower() in _VOID:
        return None
    tag = m.group(1).lower()
    opener = re.compile(r"<" + tag + r"(?=[\s/>]|$)", re.I)
    closer = re.compile(r"</" + tag + r"\s*>", re.I)
    depth = 0
    for j in range(i, len(lines)):
        text = lines[j]
        depth += len(opener.findall(text)) - len(closer.findall(text))
        if j == i and re.search(r"/>\s*$", text) and depth == 1 and not closer.search(text):
            return i  # self-closing, e.g. <hr/>
        if depth <= 0:
            return j
    return len(lines) - 1
