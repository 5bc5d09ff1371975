"""Nested lists indented the way kramdown and CommonMark read them.

Writers nest lists by the content column of the parent item (`- a` then
`  - b`, or `1. a` then `   - b`); kramdown (Jekyll) and goldmark (Hugo) nest
those. Python-Markdown nests only by 4 spaces and flattens the rest into one
list. This preprocessor (extension API) re-indents list content to
Python-Markdown's 4-per-level while keeping each line's indentation relative
to its item, so code inside an item keeps its own shape. Outside lists and
inside top-level fences nothing changes.
"""

from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

_ITEM = re.compile(r"^( *)([*+-]|\d{1,9}[.)])( +|$)(?=\S|$)")
_FENCE = re.compile(r"^( *)(`{3,}|~{3,})")
#: Deepest list level given to Python-Markdown, whose block parser recurses a
#: few frames per level (250 levels ended in a RecursionError); deeper items
#: stay at this level. No generator's theme shows more than a handful.
MAX_DEPTH = 32


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def normalize_lists(lines: list[str]) -> list[str]:
    out: list[str] = []
    stack: list[int] = []  # content columns of the open items, outermost first
    fence: tuple[str, int, int] | None = None  # (marker, source indent, output indent) inside a list
    top_fence: str | None = None
    prev_blank = True
    top_kind: str | None = None  # marker kind of the outermost list ("-", "*", "+", "ol")
    content_depth = 0  # depth of the last non-item line inside the list
    for line in lines:
        if top_fence is not None:  # a fence outside any list: copy verbatim
            out.append(line)
            s = line.strip()
            if s.startswith(top_fence) and set(s) == {top_fence[0]}:
                top_fence = None
            continue
        if fence is not None:
            marker, src, dst = fence
            ind = _indent(line)
            out.append(" " * (dst + max(0, ind - src)) + line.lstrip(" ") if line.strip() else line)
            s = line.strip()
            if s.startswith(marker) and set(s) == {marker[0]}:
                fence = None
                # Python-Markdown stashes the fence as a paragraph-like line: a
                # following item would be glued to it without a blank line.
                out.append("")
            continue
        if not line.strip():
            out.append(line)
            prev_blank = True
            continue
        ind = _indent(line)
        item = _ITEM.match(line)
        if not stack:
            if item and ind <= 3:
                top_kind = "ol" if item.group(2)[0].isdigit() else item.group(2)
                content_depth = 0
                spaces = len(item.group(3)) or 1
                stack.append(ind + len(item.group(2)) + (spaces if spaces <= 4 else 1))
                out.append(line)
            else:
                m = _FENCE.match(line)
                if m and ind <= 3:
                    top_fence = m.group(2)
                out.append(line)
            prev_blank = False
            continue
        if item:
            # Close the items this one is not inside of.
            while stack and ind < stack[-1]:
                stack.pop()
            depth = len(stack)
            spaces = len(item.group(3)) or 1
            new_ind = 4 * min(depth, MAX_DEPTH)
            kind = "ol" if item.group(2)[0].isdigit() else item.group(2)
            if depth == 0 and top_kind is not None and kind != top_kind:
                # Another marker starts another list (CommonMark); Python-Markdown
                # would append it to the list before. An (invisible) comment parts them.
                out.extend(["", "<!-- -->", ""])
            elif content_depth > depth and out and out[-1].strip():
                # A sibling item after a nested paragraph: without a blank line
                # Python-Markdown would glue it to that paragraph.
                out.append("")
            if depth == 0:
                top_kind = kind
            content_depth = 0
            out.append(" " * new_ind + line.lstrip(" "))
            stack.append(ind + len(item.group(2)) + (spaces if spaces <= 4 else 1))
            prev_blank = False
            continue
        depth = sum(1 for cc in stack if cc <= ind)
        if depth == 0:
            if prev_blank:  # a paragraph after the list: the list is over
                stack.clear()
                top_kind = None
                m = _FENCE.match(line)
                if m and ind <= 3:
                    top_fence = m.group(2)
            out.append(line)  # (or a lazy continuation line: as written)
            prev_blank = False
            continue
        new_ind = 4 * min(depth, MAX_DEPTH) + (ind - stack[depth - 1])
        content_depth = depth
        m = _FENCE.match(line)
        if m:
            fence = (m.group(2), ind, new_ind)
            if out and out[-1].strip():
                out.append("")  # a fence may interrupt the item's text (CommonMark)
        out.append(" " * new_ind + line.lstrip(" "))
        prev_blank = False
    return out


class _Lists(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return normalize_lists(lines)


class ListIndentExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # After whitespace normalisation (30, tabs expanded), before fences (25).
        md.preprocessors.register(_Lists(md), "galley_list_indent", 26)
