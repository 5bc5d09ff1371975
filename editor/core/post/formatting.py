"""Markdown formatting commands on plain text: text and selection in, text and selection out.

The Format menu and toolbar of the window call `apply(command, text, start,
end)`: `text` is any run of whole lines (the window passes the lines the
selection touches and one line either side), `start`/`end` the selection in
it (code-point offsets, `start <= end`). Lines end in "\\n" or "\\r\\n"; the
result keeps the text's own line ends.

Commands toggle where undoing makes sense: bold twice is no bold, a heading
command on a heading of that level removes it, a list command on lines that
already are that list removes the markers, quote on quoted lines unquotes,
code on a fenced block removes the fences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BOLD, ITALIC, CODE, LINK, IMAGE = "bold", "italic", "code", "link", "image"
H1, H2, H3 = "h1", "h2", "h3"
BULLETS, NUMBERS, QUOTE, RULE = "bullets", "numbers", "quote", "rule"
COMMANDS = (BOLD, ITALIC, CODE, LINK, IMAGE, H1, H2, H3, BULLETS, NUMBERS, QUOTE, RULE)

_HEADING = re.compile(r"^( {0,3})(#{1,6})(?:[ \t]+|$)")
_BULLET = re.compile(r"^(\s*)[-*+][ \t]+")
_NUMBER = re.compile(r"^(\s*)\d{1,9}[.)][ \t]+")
_QUOTE = re.compile(r"^( {0,3})> ?")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LINK = re.compile(r"^\[(.*)\]\((.*)\)$", re.S)
_IMAGE = re.compile(r"^!\[(.*)\]\((.*)\)$", re.S)
_URL = re.compile(r"^(https?://|mailto:|www\.)\S+$")


@dataclass(frozen=True)
class Result:
    text: str
    start: int
    end: int


def apply(command: str, text: str, start: int, end: int) -> Result:
    """The text after `command` on the selection [start, end) of `text`."""
    if command not in COMMANDS:
        raise ValueError(f"unknown formatting command: {command!r}")
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    start, end = min(start, end), max(start, end)
    newline = "\r\n" if "\r\n" in text else "\n"
    if command in (BOLD, ITALIC):
        return _emphasis(text, start, end, "**" if command == BOLD else "*", newline)
    if command == CODE:
        if newline in text[start:end]:
            return _fence(text, start, end, newline)
        return _inline_code(text, start, end)
    if command == LINK:
        return _link(text, start, end, image=False)
    if command == IMAGE:
        return _link(text, start, end, image=True)
    if command in (H1, H2, H3):
        return _heading(text, start, end, int(command[1]), newline)
    if command == RULE:
        return _rule(text, start, end, newline)
    return _line_prefix(command, text, start, end, newline)


# -- lines ------------------------------------------------------------------------


def _line_span(text: str, start: int, end: int, newline: str) -> tuple[int, int]:
    """The start of the first selected line and the end (before its line end) of the last."""
    first = text.rfind("\n", 0, start) + 1
    last_end = text.find("\n", end)
    if end > start and end == _first_of_line(text, end) and end > first:
        last_end = end - 1  # a selection ending at a line's start leaves that line out
    if last_end < 0:
        last_end = len(text)
    if newline == "\r\n" and last_end > 0 and text[last_end - 1:last_end] == "\r":
        last_end -= 1
    return first, max(first, last_end)


def _first_of_line(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _rewrite_lines(text: str, start: int, end: int, newline: str, rewrite) -> Result:
    """Replace the selected lines by `rewrite(lines)` (a list of lines, same
    count); the selection then covers the rewritten lines, or the caret moves
    with its line's change when nothing was selected."""
    first, last = _line_span(text, start, end, newline)
    lines = text[first:last].split(newline)
    new_lines = rewrite(lines)
    block = newline.join(new_lines)
    result = text[:first] + block + text[last:]
    if start == end:
        # The caret keeps its place in the line's words; inside a removed
        # marker, it lands where the words start.
        delta = len(new_lines[0]) - len(lines[0])
        caret = max(first, start + delta)
        return Result(result, caret, caret)
    return Result(result, first, first + len(block))


# -- inline -------------------------------------------------------------------------


def _run_before(text: str, position: int, char: str) -> int:
    n = 0
    while position - n - 1 >= 0 and text[position - n - 1] == char:
        n += 1
    return n


def _run_after(text: str, position: int, char: str) -> int:
    n = 0
    while position + n < len(text) and text[position + n] == char:
        n += 1
    return n


def _has_marker(before: int, after: int, marker: str) -> bool:
    """Whether runs of `*` of these lengths either side carry `marker`
    ("*": an odd run, as in *x* or ***x***; "**": two or three)."""
    if marker == "**":
        return before >= 2 and after >= 2
    return before % 2 == 1 and after % 2 == 1


def _emphasis(text: str, start: int, end: int, marker: str, newline: str) -> Result:
    selected = text[start:end]
    if newline in selected:
        return _rewrite_lines(text, start, end, newline,
                              lambda lines: _emphasis_lines(lines, marker))
    # Spaces at the selection's edges stay outside: "** word**" is no emphasis.
    inner_start = start + (len(selected) - len(selected.lstrip()))
    inner_end = end - (len(selected) - len(selected.rstrip()))
    if inner_start >= inner_end:
        inner_start = inner_end = start
    inner = text[inner_start:inner_end]
    m = len(marker)
    char = marker[0]
    # The selection includes its markers: **word** selected whole.
    if len(inner) >= 2 * m and inner.startswith(marker) and inner.endswith(marker):
        lead = _run_after(inner, 0, char)
        trail = _run_before(inner, len(inner), char)
        if _has_marker(lead, trail, marker) and lead < len(inner):
            stripped = inner[m:-m]
            new = text[:inner_start] + stripped + text[inner_end:]
            return Result(new, inner_start, inner_start + len(stripped))
    # The markers sit just outside the selection (or around the caret).
    before, after = _run_before(text, inner_start, char), _run_after(text, inner_end, char)
    if _has_marker(before, after, marker) and (inner or before + after == 2 * m):
        new = text[:inner_start - m] + inner + text[inner_end + m:]
        return Result(new, inner_start - m, inner_end - m)
    new = text[:inner_start] + marker + inner + marker + text[inner_end:]
    return Result(new, inner_start + m, inner_end + m)


def _emphasis_lines(lines: list[str], marker: str) -> list[str]:
    """Emphasis cannot span paragraphs: each non-blank line gets its own pair
    (or, when every one already has it, loses it)."""
    m = len(marker)
    content = [ln for ln in lines if ln.strip()]

    def wrapped(line: str) -> bool:
        body = line.strip()
        lead, trail = _run_after(body, 0, marker[0]), _run_before(body, len(body), marker[0])
        return len(body) >= 2 * m and lead < len(body) and _has_marker(lead, trail, marker)

    remove = bool(content) and all(wrapped(ln) for ln in content)
    out = []
    for line in lines:
        if not line.strip():
            out.append(line)
            continue
        indent = line[:len(line) - len(line.lstrip())]
        body = line.strip()
        tail = line[len(indent) + len(body):]
        body = body[m:-m] if remove else marker + body + marker
        out.append(indent + body + tail)
    return out


def _inline_code(text: str, start: int, end: int) -> Result:
    selected = text[start:end]
    if not selected:
        if text[start - 1:start] == "`" and text[start:start + 1] == "`":
            return Result(text[:start - 1] + text[start + 1:], start - 1, start - 1)
        return Result(text[:start] + "``" + text[end:], start + 1, start + 1)
    if len(selected) >= 2 and selected[0] == "`" and selected[-1] == "`":
        ticks = _run_after(selected, 0, "`")
        inner = selected[ticks:len(selected) - ticks]
        if inner.startswith(" ") and inner.endswith(" ") and inner.strip():
            inner = inner[1:-1]
        return Result(text[:start] + inner + text[end:], start, start + len(inner))
    before, after = _run_before(text, start, "`"), _run_after(text, end, "`")
    if before and before == after:
        return Result(text[:start - before] + selected + text[end + after:], start - before, end - before)
    # Code containing backticks needs a longer fence and a space either side.
    longest = max((len(r) for r in re.findall(r"`+", selected)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest else ""
    opening = fence + pad
    new = text[:start] + opening + selected + pad + fence + text[end:]
    return Result(new, start + len(opening), end + len(opening))


def _fence(text: str, start: int, end: int, newline: str) -> Result:
    first, last = _line_span(text, start, end, newline)
    lines = text[first:last].split(newline)
    if len(lines) >= 2 and _FENCE.match(lines[0]) and _FENCE.match(lines[-1]) \
            and lines[-1].strip() == _FENCE.match(lines[-1]).group(1):
        inner = newline.join(lines[1:-1])
        return Result(text[:first] + inner + text[last:], first, first + len(inner))
    longest = max((len(m.group(1)) for ln in lines if (m := _FENCE.match(ln))), default=2)
    fence = "`" * max(3, longest + 1)
    block = newline.join([fence, *lines, fence])
    return Result(text[:first] + block + text[last:], first, first + len(block))


def _link(text: str, start: int, end: int, image: bool) -> Result:
    selected = text[start:end]
    whole = (_IMAGE if image else _LINK).match(selected)
    if whole and (image or not selected.startswith("!")):
        label = whole.group(1)
        return Result(text[:start] + label + text[end:], start, start + len(label))
    bang = "!" if image else ""
    if selected and _URL.match(selected) and _newline_free(selected):
        # A URL selected: it is the target; the caret goes where the words go.
        new = text[:start] + f"{bang}[](" + selected + ")" + text[end:]
        caret = start + len(bang) + 1
        return Result(new, caret, caret)
    new = text[:start] + f"{bang}[{selected}]()" + text[end:]
    caret = start + len(bang) + len(selected) + 3
    return Result(new, caret, caret)


def _newline_free(s: str) -> bool:
    return "\n" not in s and "\r" not in s


# -- line prefixes --------------------------------------------------------------------


def _heading(text: str, start: int, end: int, level: int, newline: str) -> Result:
    def rewrite(lines: list[str]) -> list[str]:
        content = [ln for ln in lines if ln.strip()]
        same = bool(content) and all(
            (m := _HEADING.match(ln)) and len(m.group(2)) == level for ln in content)
        out = []
        for line in lines:
            if not line.strip() and len(lines) > 1:
                out.append(line)
                continue
            m = _HEADING.match(line)
            rest = line[m.end():] if m else line.lstrip(" ")
            indent = m.group(1) if m else ""
            out.append(indent + rest if same else indent + "#" * level + " " + rest)
        return out

    return _rewrite_lines(text, start, end, newline, rewrite)


def _line_prefix(command: str, text: str, start: int, end: int, newline: str) -> Result:
    def rewrite(lines: list[str]) -> list[str]:
        content = [ln for ln in lines if ln.strip()]
        if command == QUOTE:
            if content and all(_QUOTE.match(ln) for ln in content):
                return [_QUOTE.sub(r"\1", ln, count=1) for ln in lines]
            # Blank lines inside the selection keep one quote, not two.
            return [("> " + ln) if ln.strip() else ">" for ln in lines] if len(lines) > 1 \
                else ["> " + lines[0]]
        own, other = (_BULLET, _NUMBER) if command == BULLETS else (_NUMBER, _BULLET)
        if content and all(own.match(ln) for ln in content):
            return [own.sub(r"\1", ln, count=1) for ln in lines]
        out, n = [], 0
        for line in lines:
            if not line.strip() and len(lines) > 1:
                out.append(line)
                continue
            m = own.match(line) or other.match(line)
            indent = m.group(1) if m else line[:len(line) - len(line.lstrip())]
            rest = line[m.end():] if m else line.lstrip()
            n += 1
            out.append(indent + ("- " if command == BULLETS else f"{n}. ") + rest)
        return out

    return _rewrite_lines(text, start, end, newline, rewrite)


def _rule(text: str, start: int, end: int, newline: str) -> Result:
    """A rule on its own line after the selection's last line (or on it, when
    blank), with blank lines around it: under a paragraph line, `---` would
    make that line a heading."""
    _first, last = _line_span(text, start, end, newline)
    line_start = _first_of_line(text, last)
    before, rest = text[:line_start], text[last:]
    if text[line_start:last].strip():
        before, line_start = text[:last] + newline, last + len(newline)
        rest = text[last:]
        previous_blank = False
    else:
        previous = before[:-len(newline)] if before.endswith(newline) else before
        previous_blank = not previous or not previous[_first_of_line(previous, len(previous)):].strip()
    following = rest[len(newline):] if rest.startswith(newline) else rest
    next_line = following.split(newline, 1)[0] if rest else ""
    head = "" if previous_blank else newline
    tail = newline if rest and next_line.strip() else ""
    new = before + head + "---" + tail + (rest if rest.startswith(newline) or not rest else newline + rest)
    caret = len(before) + len(head) + 3
    return Result(new, caret, caret)
