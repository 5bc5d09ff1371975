"""Reference-link definitions (`[label]: url "title"`) across blocks.

A definition anywhere in the body serves every block, so each block renders
with the definitions it may use preloaded into Markdown. "May use" is a cheap,
conservative test: the label occurs in the block's text (case and whitespace
folded). A block's cache key includes exactly those definitions, so adding,
removing or changing a definition re-renders the blocks that mention it and
nothing else.
"""

from __future__ import annotations

from typing import Mapping

from markdown.blockprocessors import ReferenceProcessor

from editor.core.render.markup import CodeRanges

Definition = tuple[str, tuple[str, str | None]]


def definitions_in(text: str) -> tuple[Definition, ...]:
    """Definitions the way Python-Markdown reads them (its own regex), outside code."""
    if "]:" not in text:
        return ()
    code = None
    out = []
    for m in ReferenceProcessor.RE.finditer(text):
        label = m.group(1).strip().lower()
        if not label or label.startswith("^"):
            continue  # footnote definitions are footnotes.py's
        code = code or CodeRanges(text)
        if m.start() in code:
            continue
        out.append((label, (m.group(2).lstrip("<").rstrip(">"), m.group(5) or m.group(6))))
    return tuple(out)


def fold(text: str) -> str:
    return " ".join(text.lower().split())


def relevant(folded_text: str, definitions: Mapping[str, tuple[str, str | None]]) -> tuple[Definition, ...]:
    if "[" not in folded_text:
        return ()
    return tuple((label, value) for label, value in definitions.items() if fold(label) in folded_text)


