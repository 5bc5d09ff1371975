"""Rewriting a block scalar (`|`, `>`) in its own style.

An excerpt written as `excerpt: >` over two lines, or a Markdown
`feature_text: >` of two paragraphs, must stay that way when a word changes:
same indicator, same chomping unless the trailing newlines changed, same
indentation, and for `>` the same line breaks wherever the text did not
change. Changed text is wrapped at the block's own width (its longest line),
breaking only at a single space, never inside a word; a block whose paragraphs
are each one line (the writer does not wrap) is not wrapped either.

This module only proposes lines; the caller (fm_yaml) writes them into the
fragment and keeps them only if the whole fragment reads back the new value.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_HEADER = re.compile(r"([|>])(?:([+-])([1-9])?|([1-9])([+-])?)?")
_NEWLINES = re.compile(r"(\n+)")


@dataclass(frozen=True)
class BlockHeader:
    """`>-2  # note` as written: indicator, chomping, indentation digit, and the rest."""

    kind: str                 # "|" or ">"
    chomp: str                # "", "-" or "+"
    digit: int | None         # explicit indentation indicator
    digit_first: bool         # `|2-` rather than `|-2`
    rest: str                 # what follows the indicators on the header line

    def text(self, chomp: str, digit: int | None) -> str:
        d = str(digit) if digit else ""
        return self.kind + (d + chomp if self.digit_first else chomp + d) + self.rest


def parse_header(line: str) -> BlockHeader | None:
    """The header of a block scalar from its indicator to the end of its line."""
    m = _HEADER.match(line)
    if m is None:
        return None
    if m.group(4):
        chomp, digit, digit_first = m.group(5) or "", int(m.group(4)), True
    else:
        chomp, digit, digit_first = m.group(2) or "", int(m.group(3)) if m.group(3) else None, False
    return BlockHeader(m.group(1), chomp, digit, digit_first, line[m.end():])


def chomp_for(value: str, original: str) -> list[str]:
    """Chomping indicators to try: the original when it holds the value's
    trailing newlines, else the one that does (`>` -> `>-` when it goes)."""
    trailing = len(value) - len(value.rstrip("\n"))
    needed = "-" if trailing == 0 else ("" if trailing == 1 else "+")
    holds = {"-": trailing == 0, "": trailing == 1, "+": trailing >= 1}[original]
    return [original] if holds and original == needed else \
        ([original, needed] if holds else [needed])


def content_lines(kind: str, value: str, chomp: str, old_lines: list[str],
                  reuse: bool = True) -> list[str]:
    """The block's content lines (without indentation; "" for a blank line),
    trailing blank lines included when chomping keeps them."""
    body = value.rstrip("\n")
    trailing = len(value) - len(body)
    if kind == "|":
        lines = body.split("\n") if body else []
    else:
        lines = _folded(body, old_lines if reuse else [], wrap=reuse)
    if chomp == "+":
        lines += [""] * (trailing - 1 if body else trailing)
    return lines


# ---------------------------------------------------------------- folding


def _is_normal(line: str) -> bool:
    return bool(line) and line[0] not in " \t"


def _old_paragraphs(old_lines: list[str]) -> list[list[str]]:
    """Runs of consecutive normal lines: one folded paragraph each."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in old_lines:
        if _is_normal(line):
            current.append(line)
            continue
        if current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def _folded(body: str, old_lines: list[str], wrap: bool) -> list[str]:
    if not body:
        return []
    parts = _NEWLINES.split(body)
    segments, seps = parts[0::2], [len(s) for s in parts[1::2]]
    old = _old_paragraphs(old_lines)
    width = None
    if wrap and any(len(p) > 1 for p in old):
        width = max(len(line) for p in old for line in p)
    # Pair each new paragraph with the old one it came from (equal ones first).
    normal = [i for i, s in enumerate(segments) if _is_normal(s)]
    pairing: dict[int, list[str]] = {}
    matcher = difflib.SequenceMatcher(None, [" ".join(p) for p in old],
                                      [segments[i] for i in normal], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("equal", "replace"):
            for k in range(min(i2 - i1, j2 - j1)):
                pairing[normal[j1 + k]] = old[i1 + k]
    lines: list[str] = []
    for i, segment in enumerate(segments):
        if i:
            both_normal = _is_normal(segments[i - 1]) and _is_normal(segment)
            blanks = seps[i - 1] if both_normal or not segments[i - 1] else seps[i - 1] - 1
            lines += [""] * blanks
        if not segment:
            continue
        if not _is_normal(segment):
            lines.append(segment)
            continue
        lines += _wrap_paragraph(segment, pairing.get(i, []), width)
    return lines


def _wrap_paragraph(text: str, old: list[str], width: int | None) -> list[str]:
    """`text` as folded lines: the old lines it still starts and ends with are
    kept as they were; what is between is wrapped at `width`."""
    if " ".join(old) == text:
        return list(old)
    head: list[str] = []
    i = 0
    rest = text
    while i < len(old) and rest.startswith(old[i] + " ") and _is_normal(rest[len(old[i]) + 1:]):
        rest = rest[len(old[i]) + 1:]
        head.append(old[i])
        i += 1
    tail: list[str] = []
    j = len(old) - 1
    while j >= i and rest.endswith(" " + old[j]) and rest[:-len(old[j]) - 1][-1:] not in ("", " ", "\t"):
        rest = rest[:-len(old[j]) - 1]
        tail.insert(0, old[j])
        j -= 1
    if not rest:
        return head + tail
    # The changed text continues the line before it and leads into the line
    # after it, as far as the width allows: an added word joins its line.
    if head:
        rest = head.pop() + " " + rest
    middle = _wrap(rest + (" " + tail.pop(0) if tail else ""), width)
    return head + middle + tail


def _wrap(text: str, width: int | None) -> list[str]:
    """Break at single spaces (a break folds back to one space) so that lines
    stay within `width` where the words allow; a longer word keeps its line."""
    if width is None or len(text) <= width:
        return [text]
    breaks = [p for p in range(1, len(text) - 1)
              if text[p] == " " and text[p - 1] not in " \t" and text[p + 1] not in " \t"]
    lines: list[str] = []
    start = 0
    while len(text) - start > width:
        fitting = [p for p in breaks if start < p <= start + width]
        later = [p for p in breaks if p > start]
        cut = fitting[-1] if fitting else (later[0] if later else None)
        if cut is None:
            break
        lines.append(text[start:cut])
        start = cut + 1
    lines.append(text[start:])
    return lines
