"""Small helpers shared by the Liquid and shortcode preprocessors.

Preprocessors run on Markdown source, before Markdown. What they insert must
survive Markdown unchanged: a placeholder is inline HTML whose text is written
with character references, so `_`, `*` or a backtick inside a tag such as
`{% include a_b.html %}` can never turn into emphasis or code.
"""

from __future__ import annotations

import bisect
import html
import re

_MD_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|~<>:%\"'"}
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})", re.M)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)


def md_escape(text: str) -> str:
    """Text that Markdown and HTML both show literally."""
    out = html.escape(text, quote=False).replace("&", "\x00")
    out = "".join(_MD_SPECIAL.get(c, c) for c in out)
    return out.replace("\x00", "&")


def placeholder(source: str, kind: str = "tag", note: str = "") -> str:
    """The small styled box that stands for a tag we do not run."""
    title = f' title="{html.escape(note)}"' if note else ""
    return f'<span class="galley-{kind}"{title}>{md_escape(source)}</span>'


def as_block(fragment: str) -> str:
    """Raw HTML that Markdown must take as a block: alone, between blank lines.

    Written on ONE line (newlines as `&#10;`, which `<pre>` shows as line
    breaks): Markdown's preprocessors run before its HTML extractor, and a
    code line such as "```" inside highlighted code would otherwise open a
    fence.
    """
    return "\n\n" + fragment.strip("\n").replace("\n", "&#10;") + "\n\n"


class CodeRanges:
    """Character ranges of fenced code and code spans in a Markdown text.

    Inside code a tag is shown as text, never as HTML (which would be escaped
    and show as markup noise).
    """

    def __init__(self, text: str) -> None:
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        fence_open: tuple[str, int] | None = None
        plain: list[tuple[int, int]] = []
        plain_start = 0
        for line in text.splitlines(keepends=True):
            stripped = line.strip()
            if fence_open is None:
                m = _FENCE.match(line)
                if m and not (m.group(1)[0] == "`" and "`" in line[m.end():]):
                    fence_open = (m.group(1)[0], len(m.group(1)))
                    plain.append((plain_start, pos))
                    starts.append(pos)
            else:
                char, size = fence_open
                if stripped and stripped[0] == char and len(stripped) >= size and stripped == char * len(stripped):
                    fence_open = None
                    ends.append(pos + len(line))
                    plain_start = pos + len(line)
            pos += len(line)
        if fence_open is not None:  # unclosed: Markdown shows it as text, not code
            starts.pop()
            plain.append((plain_start, pos))
        else:
            plain.append((plain_start, pos))
        for a, b in plain:
            for m in _CODE_SPAN.finditer(text, a, b):
                if "\n\n" not in m.group(0):
                    starts.append(m.start())
                    ends.append(m.end())
        pairs = sorted(zip(starts, ends))
        self._starts = [p[0] for p in pairs]
        self._ends = [p[1] for p in pairs]

    def __contains__(self, index: int) -> bool:
        i = bisect.bisect_right(self._starts, index) - 1
        return i >= 0 and index < self._ends[i]


_TICKS = re.compile(r"`+")


def as_fence(code: str, lang: str = "", linenos: bool = False, hl_lines: tuple[int, ...] = (),
             indent: str = "", at_line_start: bool = True) -> str:
    """A highlight tag/shortcode as a fenced code block, for the Markdown pipeline
    to highlight like any fence (same markup, and it works inside list items
    where a raw HTML block would end the list). The fence is longer than any
    backtick run in the code; `indent` is the tag's own indentation."""
    ticks = "`" * max(3, max((len(t) for t in _TICKS.findall(code)), default=0) + 1)
    info = re.sub(r"[^\w#.+-]", "", lang)
    if linenos:
        info += ' linenums="1"'
    if hl_lines:
        info += ' hl_lines="' + " ".join(str(n) for n in hl_lines) + '"'
    body = code.strip("\n")
    if at_line_start:
        return f"{ticks}{info}\n{body}\n{indent}{ticks}\n"
    # In the middle of a line: a fence of its own, between blank lines.
    return f"\n\n{ticks}{info}\n{body}\n{ticks}\n\n"
