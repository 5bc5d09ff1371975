"""Body text helpers shared by the rules: positions, and hiding code.

Rules search the body with regular expressions. `LineMap` turns an offset in
the body into a file line/column; `mask_code` blanks out what Markdown shows
literally (fenced and indented code, code spans, `{% highlight %}`,
`{{< highlight >}}`, HTML comments) with spaces of the same length, so offsets
stay valid and an `<img>` inside a code sample is not taken for an image.
"""

from __future__ import annotations

import re
from typing import Callable

_BREAK = re.compile(r"\r\n|\r|\n")


class LineMap:
    """Offsets in `text` → (line, column), 1-based, counted from `first_line`.

    Counted on demand with str.count (C speed): most posts have no finding at all,
    so building a table of line starts for every post would be wasted work.
    """

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.text = text
        self.first_line = first_line

    def position(self, offset: int) -> tuple[int, int]:
        text = self.text
        breaks = text.count("\n", 0, offset)
        if "\r" in text:  # \r\n is one break, a lone \r (classic Mac) is one too
            breaks += text.count("\r", 0, offset) - text.count("\r\n", 0, offset)
        start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
        return self.first_line + breaks, offset - start + 1


def contains(text: str, marker: str) -> bool:
    """`marker in text`, sooner when one of the marker's characters is missing.

    Looking for one character runs at memchr speed and stops at its first hit, while
    a longer marker that is absent costs a slower scan of the whole text (on a post
    with Hangul, stored two bytes a character: ~6 us instead of ~1 for 6 KB). Most
    posts lack most markers ("{%", "~~~", "<!--"), and usually one of their characters.
    """
    if len(marker) > 1:
        for char in marker:
            if char not in text:
                return False
    return marker in text


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s")
_HIGHLIGHT = re.compile(
    r"\{%-?\s*highlight\b.*?%\}.*?\{%-?\s*endhighlight\s*-?%\}"
    r"|\{\{<\s*highlight\b.*?>\}\}.*?\{\{<\s*/highlight\s*>\}\}"
    r"|\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}"
    r"|<!--.*?-->",
    re.DOTALL,
)
# One line at most: an unmatched backtick must not make the search run to the end.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)([^\n]+?)(?<!`)\1(?!`)")
_NOT_BREAK = re.compile(r"[^\r\n]+")


def _blank(match_text: str, fill: str = " ") -> str:
    """Same length, newlines kept, everything else `fill`."""
    if "\r" not in match_text:  # the usual case: one multiplication per line, no callback
        if "\n" not in match_text:
            return fill * len(match_text)
        return "\n".join([fill * len(line) for line in match_text.split("\n")])
    return _NOT_BREAK.sub(lambda m: fill * len(m.group()), match_text)


#: Blocks (fenced, indented, highlight, comments) are filled with NUL rather than spaces:
#: a blanked block must not look like indented code or a blank line to the next pass.
_BLOCK_FILL = "\0"


def _blank_block(match_text: str) -> str:
    return _blank(match_text, _BLOCK_FILL)


# Fences may sit at any indentation: one inside a list item is as deep as the item's text.
# Starts with a literal line break so the engine can skip ahead (a body that opens
# with an indented block has its first line break before it anyway).
_INDENTED = re.compile(r"\n[ \t\r]*\n((?:(?: {4}|\t)[^\n]*(?:\n|\Z)(?:[ \t\r]*\n)*)+)")
_LONE_CR = re.compile(r"\r(?!\n)")


def mask_code(body: str, has: Callable[[str], bool] | None = None) -> str:
    """`body` with code and comments blanked out (same length, same line breaks).

    Literal searches (str.find) lead each pass, and a regular expression only runs
    where they found something: this runs on every post of a big site, and on every
    keystroke in the window. `has(marker)` answers "is it in `body`?" when the caller
    keeps those answers for other uses (PostView.has); a pass whose markers the body
    lacks is skipped, one that may apply runs (and changes nothing if it finds nothing).
    """
    has = has or (lambda marker: contains(body, marker))
    text = _LONE_CR.sub("\n", body) if "\r" in body else body  # classic-Mac line ends
    if contains(text, "```") or contains(text, "~~~"):
        text = _mask_fences(text)
    if "\n    " in text or contains(text, "\n\t"):
        text = _INDENTED.sub(lambda m: _mask_indented(m, text), text)
    if has("{%") or has("{{<") or has("<!--"):
        text = _HIGHLIGHT.sub(lambda m: _blank_block(m.group()), text)
    if "`" in text:
        text = _mask_code_spans(text)
    return text


_FENCE_CLOSE: dict[str, re.Pattern] = {}


def _mask_fences(text: str) -> str:
    """Blank fenced code blocks (``` or ~~~, at any indentation; unclosed: to the end)."""
    parts: list[str] = []
    done = 0  # text[:done] is already in parts
    pos = 0
    end = len(text)
    # Next ``` and ~~~ at or after pos, searched again only once pos has passed them
    # (most posts have no ~~~ at all: one scan, not one per fence; with no ~ at all,
    # not even that one, as a one-character look is several times faster).
    tick = -1
    tilde = -1 if "~" in text else end
    while True:
        if tick < pos:
            tick = text.find("```", pos)
            tick = end if tick < 0 else tick
        if tilde < pos:
            tilde = text.find("~~~", pos)
            tilde = end if tilde < 0 else tilde
        found = min(tick, tilde)
        if found >= end:
            break
        line_start = text.rfind("\n", 0, found) + 1
        if text[line_start:found].strip(" \t"):
            pos = found + 3  # not at the start of its line: not a fence
            continue
        char = text[found]
        run_end = found
        while run_end < len(text) and text[run_end] == char:
            run_end += 1
        line_end = text.find("\n", run_end)
        line_end = len(text) if line_end < 0 else line_end
        if char == "`" and "`" in text[run_end:line_end]:
            pos = line_end  # a backtick in the info string: an inline code span
            continue
        fence = text[found:run_end]
        closer = _FENCE_CLOSE.get(fence)
        if closer is None:
            closer = _FENCE_CLOSE[fence] = re.compile(
                r"^[ \t]*" + re.escape(fence) + re.escape(char) + r"*[ \t\r]*$", re.M)
        close = closer.search(text, line_end + 1) if line_end < len(text) else None
        block_end = close.end() if close else len(text)
        parts.append(text[done:line_start])
        parts.append(_blank_block(text[line_start:block_end]))
        done = pos = block_end
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def _mask_code_spans(text: str) -> str:
    """Blank inline code spans, one line at a time, only on lines with a backtick."""
    parts: list[str] = []
    done = 0
    pos = text.find("`")
    while pos >= 0:
        line_start = text.rfind("\n", 0, pos) + 1
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        masked = _CODE_SPAN.sub(lambda m: _blank(m.group()), line)
        if masked is not line and masked != line:
            parts.append(text[done:line_start])
            parts.append(masked)
            done = line_end
        pos = text.find("`", line_end)
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def _mask_indented(m: re.Match, text: str) -> str:
    """Blank an indented block unless it continues a list item or sits in an HTML block
    (where indentation is not code), judged by the last unindented line before it."""
    start = m.start(1)
    line_end = start
    while line_end > 0:
        line_start = text.rfind("\n", 0, line_end - 1) + 1
        line = text[line_start:line_end].rstrip("\r\n")
        if line.strip() and not line.startswith((" ", "\t")):
            if _LIST_ITEM.match(line) or line.lstrip().startswith("<"):
                return m.group()
            break
        line_end = line_start
        if line_start == 0:
            break
    return m.group()[: start - m.start()] + _blank_block(m.group(1))


# East Asian Wide/Fullwidth blocks (Hangul, CJK, kana, fullwidth forms), as one class.
_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
                   "\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60"
                   "\uffe0-\uffe6\U00020000-\U0003fffd]")


def display_width(text: str) -> int:
    """Columns a string takes: Hangul and other wide characters count two."""
    if text.isascii():
        return len(text)
    return len(text) + len(_WIDE.findall(text))
