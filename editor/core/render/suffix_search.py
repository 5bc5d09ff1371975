"""A regular expression's search over the rests of a block, remembered.

Python-Markdown's block processors hand back the end of the block they were
given; searching each rest to its end again made a run of peeled blocks
quadratic. Its own module: the bounded processors and the footnotes use it,
and nothing here imports either.
"""

from __future__ import annotations

import re


class SuffixSearch:
    """`regex.search(block)` for a regex that reads lines (a match starts at a
    line start, or at the newline before one), remembering recent answers:
    the rest a processor hands back is the end of the block it was given, so
    the first match in it is known from the search of that block (none, or
    where that one was). Searching each rest to its end made a run of peeled
    blocks (16,000 definition list items: the heading and rule tests)
    quadratic. A few blocks are kept: the parser tests nested content (a
    definition's own text) between two rests."""

    KEEP = 4

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self._seen: list[tuple[str, int]] = []  # (block, start of its first match or -1)

    def search(self, block: str) -> re.Match[str] | None:
        pos = 0
        # The latest block first; a match stays known (a short block such as
        # a paragraph split off the front may also end the text it came from,
        # and the real rest comes next).
        for last, start in reversed(self._seen):
            if len(block) >= len(last) or not last.endswith(block):
                continue
            cut = len(last) - len(block)
            line = cut - 1  # the newline before the block's first whole line
            if last[cut - 1] != "\n":
                # The block starts inside a line: that line is new.
                first = self.regex.match(block)
                newline = block.find("\n")
                if first or newline < 0:
                    self._remember(block, 0 if first else -1)
                    return first
                line = cut + newline
            if start < 0:
                self._remember(block, -1)
                return None
            if start >= line:
                pos = max(0, start - cut)
            break
        m = self.regex.search(block, pos)
        self._remember(block, m.start() if m else -1)
        return m

    def _remember(self, block: str, start: int) -> None:
        self._seen.append((block, start))
        if len(self._seen) > self.KEEP:
            del self._seen[0]
