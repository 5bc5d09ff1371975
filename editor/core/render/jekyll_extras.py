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
  writes a trailing `;`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.inlinepatterns import SubstituteTagInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX

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


class JekyllExtrasExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.preprocessors.register(_HeadingHashes(md), "galley_heading_hashes", 5)
        md.ESCAPED_CHARS = list(md.ESCAPED_CHARS) + [c for c in _MORE_ESCAPES if c not in md.ESCAPED_CHARS]
        # Before the escape pattern (180), which would keep the backslash.
        md.inlinePatterns.register(SubstituteTagInlineProcessor(r"\\\n", "br"), "galley_backslash_break", 185)
        # After the task list's own processor and attr_list; before the
        # heading ids (6) and the serializer.
        md.treeprocessors.register(_Markup(md), "galley_jekyll_markup", 5)
