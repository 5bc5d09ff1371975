"""Nested lists indented the way kramdown and CommonMark read them.

Writers nest lists by the content column of the parent item (`- a` then
`  - b`, or `1. a` then `   - b`); kramdown (Jekyll) and goldmark (Hugo) nest
those. Python-Markdown nests only by 4 spaces and flattens the rest into one
list. This preprocessor (extension API) re-indents list content to
Python-Markdown's 4-per-level while keeping each line's indentation relative
to its item, so code inside an item keeps its own shape. Outside lists and
inside top-level fences nothing changes.

Where a list item's marker is of another kind than its list's, CommonMark
starts another list. kramdown (`kramdown=True`) has two kinds only, bullets
(`*`, `+`, `-` alike) and numbers; an item of the other kind right after a
line of the list (no blank line) is read as a lazy line of the item before,
so it starts a list nested in that item; after a blank line it starts a list
of its own. And kramdown decides per item whether its first paragraph is
wrapped in `<p>` (Python-Markdown: per list): `_mark_paragraphs` marks each
item's text, `_Paragraphs` wraps or unwraps it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

_ITEM = re.compile(r"^( *)([*+-]|\d{1,9}[.)])( +|$)(?=\S|$)")
_FENCE = re.compile(r"^( *)(`{3,}|~{3,})")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
#: Deepest list level given to Python-Markdown, whose block parser recurses a
#: few frames per level (250 levels ended in a RecursionError); deeper items
#: stay at this level. No generator's theme shows more than a handful.
MAX_DEPTH = 32


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _kind(marker: str, kramdown: bool) -> str:
    if marker[0].isdigit():
        return "ol"
    return "ul" if kramdown else marker


@dataclass
class _Item:
    """What kramdown's paragraph rule asks of one list item."""

    line: int  # its line in the output
    list_id: int
    para: bool  # its first block is a paragraph
    open: bool = True  # that paragraph is still being read
    blank: bool = False  # a blank line ended it
    more: bool = False  # the item holds more after that blank line


def normalize_lists(lines: list[str], kramdown: bool = False) -> list[str]:
    out: list[str] = []
    level_kind: list[str] = []  # marker kind of the open list at each depth
    stack: list[int] = []  # content columns of the open items, outermost first
    fence: tuple[str, int, int] | None = None  # (marker, source indent, output indent) inside a list
    top_fence: str | None = None
    prev_blank = True
    top_kind: str | None = None  # marker kind of the outermost list ("-", "*", "+", "ol")
    content_depth = 0  # depth of the last non-item line inside the list
    items: list[_Item] = []  # every item (kramdown)
    open_at: list[_Item] = []  # the open item at each depth (kramdown)
    list_ids: list[int] = []  # the open list at each depth (kramdown)

    def start_item(depth: int, same_list: bool, content: str) -> None:
        nonlocal open_at, list_ids
        if not kramdown:
            return
        if depth:
            parent = open_at[depth - 1]
            parent.open = False
            parent.more = parent.more or parent.blank
        if not same_list or depth >= len(list_ids):
            list_ids = list_ids[:depth] + [len(items)]
        else:
            list_ids = list_ids[:depth + 1]
        item = _Item(len(out) - 1, list_ids[depth], bool(content.strip()) and not _NOT_PARAGRAPH.match(content))
        items.append(item)
        open_at = open_at[:depth] + [item]

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
            if open_at and open_at[-1].open:
                open_at[-1].open = False
                open_at[-1].blank = True
            continue
        ind = _indent(line)
        item = _ITEM.match(line)
        if item and kramdown and _RULE.match(line):
            item = None  # `* * *` is a rule, not an item
        if not stack:
            if item and ind <= 3:
                top_kind = _kind(item.group(2), kramdown)
                level_kind = [top_kind]
                content_depth = 0
                spaces = len(item.group(3)) or 1
                stack.append(ind + len(item.group(2)) + (spaces if spaces <= 4 else 1))
                out.append(line)
                open_at = []
                start_item(0, False, line[item.end():])
            else:
                m = _FENCE.match(line)
                if m and ind <= 3:
                    top_fence = m.group(2)
                out.append(line)
            prev_blank = False
            continue
        if item:
            kind = _kind(item.group(2), kramdown)
            open_items = stack[:]
            # Close the items this one is not inside of.
            while stack and ind < stack[-1]:
                stack.pop()
            depth = len(stack)
            if kramdown and not prev_blank:
                # An item of the other kind is a lazy line of the item before:
                # it goes down to the open list of its kind, or a new one.
                while depth < len(open_items) and depth < len(level_kind) and level_kind[depth] != kind:
                    depth += 1
                stack = open_items[:depth]
            spaces = len(item.group(3)) or 1
            new_ind = 4 * min(depth, MAX_DEPTH)
            new_list = depth == 0 and top_kind is not None and kind != top_kind
            if new_list:
                # Another marker starts another list (CommonMark); Python-Markdown
                # would append it to the list before. An (invisible) comment parts them.
                out.extend(["", "<!-- -->", ""])
            elif content_depth > depth and out and out[-1].strip():
                # A sibling item after a nested paragraph: without a blank line
                # Python-Markdown would glue it to that paragraph.
                out.append("")
            if depth == 0:
                top_kind = kind
            same_list = not new_list and depth < len(open_items) and depth < len(level_kind) and (
                level_kind[depth] == kind)
            level_kind = level_kind[:depth] + [kind]
            content_depth = 0
            out.append(" " * new_ind + line.lstrip(" "))
            stack.append(ind + len(item.group(2)) + (spaces if spaces <= 4 else 1))
            start_item(depth, same_list, line[item.end():])
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
        if open_at:
            if open_at[-1].open:
                open_at[-1].open = not m  # a paragraph line, or a fence ending the paragraph
            elif depth <= len(open_at):
                holder = open_at[depth - 1]
                holder.more = holder.more or holder.blank
        out.append(" " * new_ind + line.lstrip(" "))
        prev_blank = False
    if items:
        _mark_paragraphs(out, items)
    return out


#: What does not start a paragraph in an item's first line.
_NOT_PARAGRAPH = re.compile(r"[ \t]*(?:$|#|>|<|`{3}|~{3}|[*+-](?:[ \t]|$)|\d{1,9}[.)]|\{:|\||\[\^|\*\[)|[ ]{4}|\t")
#: Set at an item's first paragraph: whether kramdown writes it bare in the
#: `li` (TIGHT) or in a `p` (LOOSE); `_Paragraphs` does it and drops the mark.
TIGHT, LOOSE = "\ue020", "\ue021"


def _mark_paragraphs(out: list[str], items: list[_Item]) -> None:
    """kramdown's rule: an item's first paragraph is bare unless a blank line
    follows it (the list's last item: unless more follows in the item);
    the last item's is bare only if an item before it is."""
    lists: dict[int, list[_Item]] = {}
    for item in items:
        lists.setdefault(item.list_id, []).append(item)
    for members in lists.values():
        bare_before = False
        for n, item in enumerate(members):
            last = n == len(members) - 1
            if not item.para:
                bare_before = True
                continue
            bare = (not item.blank or (last and not item.more)) and (
                not last or len(members) == 1 or bare_before)
            bare_before = bare_before or bare
            m = _ITEM.match(out[item.line])
            if m:
                line = out[item.line]
                out[item.line] = line[:m.end()] + (TIGHT if bare else LOOSE) + line[m.end():]


class _Paragraphs(Treeprocessor):
    def run(self, root) -> None:
        for li in root.iter("li"):
            text = li.text or ""
            first = li[0] if len(li) else None
            if text[:1] in (TIGHT, LOOSE):
                li.text = text[1:]
                if text[0] == LOOSE:
                    p = etree.Element("p")
                    p.text, li.text = li.text, None
                    li.insert(0, p)
                    p.tail = "\n" if len(li) > 1 else None
            elif first is not None and first.tag == "p" and not text.strip() and (
                    (first.text or "")[:1] in (TIGHT, LOOSE)):
                mark, first.text = first.text[0], first.text[1:]
                if mark == TIGHT and not len(first):
                    li.text = first.text + (first.tail or "")
                    li.remove(first)


class _Unmark(Postprocessor):
    def run(self, text: str) -> str:
        return text.replace(TIGHT, "").replace(LOOSE, "") if TIGHT in text or LOOSE in text else text


class _Lists(Preprocessor):
    def __init__(self, md, kramdown: bool) -> None:
        super().__init__(md)
        self.kramdown = kramdown

    def run(self, lines: list[str]) -> list[str]:
        return normalize_lists(lines, self.kramdown)


class ListIndentExtension(Extension):
    def __init__(self, kramdown: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.kramdown = kramdown

    def extendMarkdown(self, md) -> None:
        # After whitespace normalisation (30, tabs expanded), before fences (25).
        md.preprocessors.register(_Lists(md, self.kramdown), "galley_list_indent", 26)
        if self.kramdown:
            # Before the task lists (25), which read the item's first text.
            md.treeprocessors.register(_Paragraphs(md), "galley_list_paragraphs", 27)
            md.postprocessors.register(_Unmark(md), "galley_list_marks", 1)
