"""Body text helpers shared by the rules: positions, and hiding code.

Rules search the body with regular expressions. `LineMap` turns an offset in
the body into a file line/column; `mask_code` blanks out what Markdown shows
literally (fenced and indented code, code spans, `{% highlight %}`,
`{{< highlight >}}`, HTML comments) with spaces of the same length, so offsets
stay valid and an `<img>` inside a code sample is not taken for an image.
"""

from __future__ import annotations

import bisect
import re

_BREAK = re.compile(r"\r\n|\r|\n")


class LineMap:
    """Offsets in `text` → (line, column), 1-based, counted from `first_line`."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.first_line = first_line
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.first_line + i, offset - self.starts[i] + 1


_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s")
_HIGHLIGHT = re.compile(
    r"\{%-?\s*highlight\b.*?%\}.*?\{%-?\s*endhighlight\s*-?%\}"
    r"|\{\{<\s*highlight\b.*?>\}\}.*?\{\{<\s*/highlight\s*>\}\}"
    r"|\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}"
    r"|<!--.*?-->",
    re.DOTALL,
)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)


def _blank(match_text: str) -> str:
    """Same length, newlines kept, everything else a space."""
    return re.sub(r"[^\r\n]", " ", match_text)


def mask_code(body: str) -> str:
    """`body` with code and comments replaced by spaces (same length, same lines)."""
    lines = body.splitlines(keepends=True)
    out: list[str] = []
    fence: str | None = None
    prev_blank = True
    context_open = False  # inside a list or an HTML block: indentation is not code
    in_indented = False
    for line in lines:
        content = line.rstrip("\r\n")
        stripped = content.strip()
        if fence is not None:
            out.append(_blank(line))
            m = _FENCE.match(content)
            if m and m.group(2)[0] == fence[0] and len(m.group(2)) >= len(fence) \
                    and not m.group(3).strip():
                fence = None
            continue
        m = _FENCE.match(content)
        if m and not (m.group(2)[0] == "`" and "`" in m.group(3)):
            fence = m.group(2)
            out.append(_blank(line))
            prev_blank = False
            in_indented = False
            continue
        indent = len(content) - len(content.lstrip(" \t").replace("\t", "    "))
        indented = stripped and (content.startswith("\t") or indent >= 4)
        if indented and (in_indented or (prev_blank and not context_open)):
            out.append(_blank(line))
            in_indented = True
            prev_blank = False
            continue
        if stripped:
            in_indented = False
            if not indented:
                context_open = bool(_LIST_ITEM.match(content) or stripped.startswith("<"))
        elif in_indented:
            pass  # a blank line inside an indented code block keeps it open
        out.append(line)
        prev_blank = not stripped
    text = "".join(out)
    text = _HIGHLIGHT.sub(lambda m: _blank(m.group()), text)
    return _CODE_SPAN.sub(lambda m: _blank(m.group()), text)


def display_width(text: str) -> int:
    """Columns a string takes: Hangul and other wide characters count two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
