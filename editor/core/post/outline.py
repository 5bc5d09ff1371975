"""The headings of a post's body, for the outline: ATX (`## Title`), Setext
(a line underlined with `===` or `---`) and HTML `<h1>`-`<h6>`, never inside
a fenced code block.

One pass over the lines with cheap first-character tests: the 205 KB post
(hundreds of headings) takes a few milliseconds, so the outline can run it
on an idle timer without a worker thread.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)$")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_HTML = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_NOT_PARAGRAPH = re.compile(r" {0,3}([-*+>]|\d{1,9}[.)]|#{1,6}(\s|$)|<|`{3}|~{3})| {4}|\t")


@dataclass(frozen=True)
class Heading:
    #: The 0-based line of the body where the heading starts.
    line: int
    level: int
    title: str


def headings(body: str) -> list[Heading]:
    """The headings of `body` (text with "\\n" line ends), in order."""
    found: list[Heading] = []
    fence: str | None = None
    previous = ""  # the line before, when it could be a Setext heading's text
    for number, line in enumerate(body.split("\n")):
        first = line.lstrip(" ")[:1]
        if fence is not None:
            m = _FENCE.match(line) if first == fence[0] else None
            if m and m.group(1).startswith(fence) and not m.group(2).strip():
                fence = None
            previous = ""
            continue
        if first in ("`", "~"):
            m = _FENCE.match(line)
            if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
                fence = m.group(1)
                previous = ""
                continue
        if first == "#":
            m = _ATX.match(line)
            if m:
                found.append(Heading(number, len(m.group(1)), _plain(m.group(2) or "")))
                previous = ""
                continue
        if first in ("=", "-") and previous:
            if _SETEXT.match(line):
                found.append(Heading(number - 1, 1 if first == "=" else 2, _plain(previous)))
                previous = ""
                continue
        if first == "<" and "<h" in line.lower():
            for m in _HTML.finditer(line):
                found.append(Heading(number, int(m.group(1)), _plain(_TAG.sub("", m.group(2)))))
        previous = line if line.strip() and not _NOT_PARAGRAPH.match(line) else ""
    return found


def heading_at(lines: list[int], line: int) -> int:
    """The index of the heading whose section holds `line` (0-based), or -1
    above the first; `lines`: the headings' lines, in order."""
    return bisect.bisect_right(lines, line) - 1


def _plain(text: str) -> str:
    return html.unescape(text.strip())
