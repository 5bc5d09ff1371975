"""Heading ids the way Jekyll's kramdown (GFM input) writes them.

`slugify("한국어 제목!")` → `한국어-제목`: lowercased, everything but letters,
digits, `_`, `-` and spaces dropped (Unicode-aware, so Hangul stays), spaces to
dashes. Duplicates get `-1`, `-2`, ... in document order.

Uniqueness is a property of the whole document, but blocks render one by one
(see incremental.py). So the tree processor writes a placeholder id
(`\\ue000H<n>\\ue001`, n = index in the block's own list of slugs) and the
assembly step (`assign_ids`) picks the final, unique ids in document order.
Headings that already have an id (`{#id}` via attr_list) are left alone.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_DROP = re.compile(r"[^\w\- ]", re.UNICODE)
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
PLACEHOLDER = re.compile("\ue000H(\\d+)\ue001")


def slugify(text: str, separator: str = "-") -> str:
    text = unicodedata.normalize("NFC", text).strip().lower()
    text = _DROP.sub("", text)
    text = text.replace(" ", separator)
    return text or "section"


def _text_of(el: etree.Element) -> str:
    # Inline markup is still a placeholder string at this stage for raw HTML;
    # strip the stash markers so they do not end up in the id.
    # A footnote reference's placeholder is not heading text either.
    text = "".join(el.itertext())
    return re.sub("\x02[^\x03]*\x03|\ue000F\\d+\ue001", "", text)


class _HeadingIds(Treeprocessor):
    def __init__(self, md, ext: "HeadingIdsExtension") -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        if self.ext.parts is None:
            self._number(root, self.ext.slugs, self.ext.headings)
            return
        # Several blocks converted in one run (MarkdownPipeline.convert_many):
        # each container is numbered as if it were converted alone.
        self.ext.per_part = []
        for part in self.ext.parts:
            slugs: list[str] = []
            headings: list[tuple[int, str, int]] = []
            self._number(part, slugs, headings)
            self.ext.per_part.append((slugs, headings))

    @staticmethod
    def _number(root: etree.Element, slugs: list[str], headings: list[tuple[int, str, int]]) -> None:
        position = 0
        for el in root.iter():
            if el.tag not in _HEADINGS:
                continue
            text = _text_of(el)
            if "id" not in el.attrib:
                slugs.append(slugify(text))
                el.set("id", f"\ue000H{len(slugs) - 1}\ue001")
            if "no_toc" not in (el.get("class") or "").split():
                # (level, text, position among this conversion's headings): for TOCs.
                headings.append((int(el.tag[1]), text.strip(), position))
            position += 1


class HeadingIdsExtension(Extension):
    """Collects the base slug of every auto-id heading of one conversion in
    `.slugs`, and every heading a table of contents lists in `.headings`."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.slugs: list[str] = []
        self.headings: list[tuple[int, str, int]] = []
        #: Set by MarkdownPipeline.convert_many: the containers of a run of
        #: several blocks; then `per_part` holds (slugs, headings) per container.
        self.parts: list[etree.Element] | None = None
        self.per_part: list[tuple[list[str], list[tuple[int, str, int]]]] = []

    def extendMarkdown(self, md) -> None:
        md.registerExtension(self)
        # After attr_list (8), so explicit {#ids} win; the inline step has run.
        md.treeprocessors.register(_HeadingIds(md, self), "galley_heading_ids", 6)

    def reset(self) -> None:
        self.slugs = []
        self.headings = []


def unique_ids(slugs: list[str], used: dict[str, int]) -> list[str]:
    """Final ids for `slugs`, updating `used` (slug → times seen) in place."""
    out = []
    for slug in slugs:
        if slug in used:
            n = used[slug]
            candidate = f"{slug}-{n}"
            while candidate in used:
                n += 1
                candidate = f"{slug}-{n}"
            used[slug] = n + 1
            used[candidate] = 1
            out.append(candidate)
        else:
            used[slug] = 1
            out.append(slug)
    return out


def fill_ids(html: str, ids: list[str]) -> str:
    # (an index out of range is a marker typed in the post, not ours)
    return PLACEHOLDER.sub(lambda m: ids[int(m.group(1))] if int(m.group(1)) < len(ids) else "", html)
