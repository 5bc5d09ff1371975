"""Split a Markdown body into top-level blocks that render independently.

A block is a run of lines between blank lines, except where Markdown (or
Liquid) lets one construct span blank lines; there the blocks are merged so
that rendering the blocks one by one gives the same HTML as rendering the whole
body at once (tests/core/render/test_blocks.py checks this on the corpus):

- fenced code (``` / ~~~, any indentation) up to its closing fence;
- Liquid block tags (`{% highlight %}`, `{% raw %}`, `{% comment %}`, `{% if %}`,
  `{% for %}`, `{% capture %}`, ...) up to their end tag, nested ones counted;
- raw HTML blocks (a block-level tag or `<!--` at a line start) until the tag
  closes, because Python-Markdown's HTML extractor reads across blank lines;
- lists and anything indented: after a blank line, an indented line, a list
  item following a list, or a `: definition` continue the block (loose lists,
  list paragraphs, indented code, definition lists, footnote bodies);
- a blockquote after a blockquote, a definition list after a definition list:
  Python-Markdown merges those into the element before.

Merging too much is always safe (only less granular); splitting where Markdown
would not is what the tests guard against.

Lines are counted on the body with every newline style folded to "\n" (which
keeps the line count), 0-based here; the renderer adds `body_line`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown.util import BLOCK_LEVEL_ELEMENTS

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_LIQUID_BLOCKS = "highlight|raw|comment|if|unless|for|case|capture|tablerow"
_LIQUID_OPEN = re.compile(r"\{%-?\s*(" + _LIQUID_BLOCKS + r")\b[^%]*-?%\}")
_LIQUID_TAG = re.compile(r"\{%-?\s*(end)?(" + _LIQUID_BLOCKS + r")\b[^%]*-?%\}")
_LIST_ITEM = re.compile(r"^[ ]{0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)")
_HTML_OPEN = re.compile(r"^[ ]{0,3}<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)")
# (What `Markdown().block_level_elements` starts from; building a Markdown to read it cost ~10 ms of import.)
_BLOCK_TAGS = frozenset(BLOCK_LEVEL_ELEMENTS) | {"details", "summary", "figure", "figcaption", "svg"}
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


_RUN = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
_BLOCK_TAG_ANY = re.compile(
    r"<(" + "|".join(sorted(_BLOCK_TAGS - _VOID, key=len, reverse=True)) + r")(?=[\s/>]|$)", re.I)
_SPECIAL = re.compile(r"^[ \t]*(?:`{3,}|~{3,}|<)|\{%|" + _BLOCK_TAG_ANY.pattern, re.M | re.I)
_LIST_ANY = re.compile(_LIST_ITEM.pattern, re.M)
_QUOTE_ANY = re.compile(r"^[ \t]*>", re.M)
_DEFS_ANY = re.compile(r"^[ \t]*:", re.M)


@lru_cache(maxsize=8192)
def _plain_run(text: str) -> tuple[bool, bool, bool] | None:
    """(has_list, has_quote, has_defs) for a run of non-blank lines with no
    fence, HTML or Liquid tag in it — or None when it needs the line scan."""
    if _SPECIAL.search(text):
        return None
    return (bool(_LIST_ANY.search(text)), bool(_QUOTE_ANY.search(text)), bool(_DEFS_ANY.search(text)))


def _plain_runs(text: str) -> dict[int, tuple[int, tuple[bool, bool, bool]]]:
    """first line → (line after the run, flags) for every plain run of lines.

    A speed-up only: the line loop below takes a plain run in one step instead
    of line by line (a keystroke re-splits the whole body)."""
    runs = {}
    line = 0
    last = 0
    for m in _RUN.finditer(text):
        line += text.count("\n", last, m.start())
        run = m.group()
        span = run.count("\n") + 1
        flags = _plain_run(run)
        if flags is not None:
            runs[line] = (line + span, flags)
        line += span - 1
        last = m.end()
    return runs


_SECTION = re.compile(r"\n\n(?=#{1,6}[ \t])")


def split_blocks(body: str) -> list[SourceBlock]:
    """The body's top-level blocks, in order.

    Speed: a keystroke re-splits the whole body, so the body is cut into
    sections at headings (a `#` line after a blank line) and each section's
    split is memoised. A section is only cut off on its own when nothing in it
    stays open across its end (`_split_text` says "clean"); otherwise it is
    joined to the next one. The result is the same as splitting in one go.
    """
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    out: list[SourceBlock] = []
    pending_start = 0
    pending_line = 0
    cuts = [m.start() + 2 for m in _SECTION.finditer(text)] + [len(text)]
    for cut in cuts:
        chunk = text[pending_start:cut]
        blocks, clean = _split_text(chunk)
        if not clean and cut != len(text):
            continue
        # A `: definition` right after the heading would continue a definition list.
        if cut != len(text) and text.startswith(":", text.find("\n", cut) + 1):
            continue
        out.extend(_shifted(chunk, pending_line))
        pending_line += chunk.count("\n")
        pending_start = cut
    return out


@lru_cache(maxsize=4096)
def _shifted(chunk: str, line: int) -> tuple[SourceBlock, ...]:
    """The blocks of `chunk` moved down by `line` lines. Memoised (keyed by
    the text, whose hash Python keeps): a keystroke leaves every other section
    at the same line, and building ~1,000 SourceBlocks anew was a third of
    re-splitting a 200 KB body."""
    blocks = _split_text(chunk)[0]
    if not line:
        return blocks
    return tuple(SourceBlock(b.text, b.start + line, b.end + line) for b in blocks)


@lru_cache(maxsize=4096)
def _split_text(text: str) -> tuple[tuple[SourceBlock, ...], bool]:
    """Blocks of a text, and whether no construct was left unclosed in it."""
    lines = text.split("\n")
    clean = True
    runs = _plain_runs(text)
    liquid_ends = _liquid_ends(lines) if "{%" in text else {}
    n = len(lines)
    out: list[SourceBlock] = []
    i = 0
    while i < n:
        if not lines[i].strip():
            i += 1
            continue
        start = i
        has_list = has_quote = has_defs = False
        while i < n:
            run = runs.get(i)
            if run is not None:
                i, (run_list, run_quote, run_defs) = run
                has_list |= run_list
                has_quote |= run_quote
                has_defs |= run_defs
                continue
            line = lines[i]
            stripped = line.strip()
            if not stripped:
                j = i + 1
                while j < n and not lines[j].strip():
                    j += 1
                if j < n and (_continues(lines[j], has_list)
                              or (has_quote and lines[j].lstrip().startswith(">"))
                              or (has_defs and j + 1 < n and lines[j + 1].startswith(":"))):
                    i = j
                    continue
                break
            first = stripped[0]
            if first in "`~":
                end = _fence_end(lines, i)
                if end is not None:
                    i = end + 1
                    continue
                clean = clean and not _FENCE.match(line)
            elif first == "<":
                end = _html_end(lines, i)
                if end is not None:
                    clean = clean and end != n - 1
                    i = end + 1
                    continue
            if "<" in line:
                # A block-level tag left open mid-line: Python-Markdown's HTML
                # extractor reads on from it, across blank lines.
                tag = _BLOCK_TAG_ANY.search(line)
                if tag:
                    end = _tag_end(lines, i, tag.group(1).lower())
                    if end > i:
                        clean = clean and end != n - 1
                        i = end + 1
                        continue
            if "{%" in line:
                end = liquid_ends.get(i)
                if end is not None:
                    # `{% raw %}` content is still Markdown: its quotes and lists count.
                    for skipped in lines[i:end + 1]:
                        body = skipped.strip()
                        has_list = has_list or bool(_LIST_ITEM.match(skipped))
                        has_quote = has_quote or body.startswith(">") or "> " in skipped
                        has_defs = has_defs or body.startswith(":")
                    i = end + 1
                    continue
                clean = clean and not _LIQUID_OPEN.search(line)
            if not has_list and _LIST_ITEM.match(line):
                has_list = True
            # Python-Markdown appends a blockquote, list or definition list to
            # the same kind of element just before it, across blank lines.
            if first == ">":
                has_quote = True
            elif first == ":":
                has_defs = True
            i += 1
        end_line = i - 1
        while end_line > start and not lines[end_line].strip():
            end_line -= 1
        out.append(SourceBlock("\n".join(lines[start:end_line + 1]), start, end_line))
    return tuple(out), clean


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


def _liquid_ends(lines: list[str]) -> dict[int, int]:
    """Line of a Liquid block tag's opening → line of its end tag, when they differ.

    One pass with a stack (nested tags counted; inside `raw` and `comment`
    only their own end counts), so a text of many unclosed tags stays linear."""
    ends: dict[int, int] = {}
    stack: list[tuple[str, int]] = []
    for j, line in enumerate(lines):
        if "{%" not in line:
            continue
        for m in _LIQUID_TAG.finditer(line):
            closing, name = m.group(1), m.group(2)
            if stack and stack[-1][0] in ("raw", "comment") and (not closing or name != stack[-1][0]):
                continue
            if not closing:
                stack.append((name, j))
                continue
            k = len(stack) - 1
            while k >= 0 and stack[k][0] != name:
                k -= 1
            if k < 0:
                continue
            opened = stack[k][1]
            del stack[k:]
            if opened != j:
                ends[opened] = max(ends.get(opened, j), j)
    return ends


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
    return _tag_end(lines, i, m.group(1).lower())


def _tag_end(lines: list[str], i: int, tag: str) -> int:
    """The line where the `tag` opened on line i closes (the last line if never)."""
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
