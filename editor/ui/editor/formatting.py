"""The Format menu's commands on the body editor: the text logic is
editor.core.post.formatting; this applies its result as one undo step.

Only the lines the selection touches, and one line either side (a rule looks
at its neighbours), go to the core function, so a command costs the same on a
long post as on a short one. Of its result only the part that changed is
replaced: the rest of the document, its colouring and its marks stay put.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor.core.post import formatting


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _utf16_to_index(text: str, units: int) -> int:
    """The code-point index of a UTF-16 offset into `text` (Qt counts UTF-16)."""
    index, count = 0, 0
    while index < len(text) and count < units:
        count += 2 if ord(text[index]) > 0xFFFF else 1
        index += 1
    return index


def apply(editor: QPlainTextEdit, command: str) -> None:
    """Run `command` (a name of editor.core.post.formatting.COMMANDS) on the
    editor's selection, as one undo step, and select what it selects."""
    doc = editor.document()
    cursor = editor.textCursor()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    first, last = doc.findBlock(start), doc.findBlock(end)
    if first.previous().isValid():
        first = first.previous()
    if last.next().isValid():
        last = last.next()
    span_start = first.position()
    lines, block = [], first
    while True:
        lines.append(block.text())
        if block == last:
            break
        block = block.next()
    text = "\n".join(lines)
    span_end = span_start + _utf16_len(text)
    result = formatting.apply(command, text,
                              _utf16_to_index(text, start - span_start),
                              _utf16_to_index(text, end - span_start))
    new = result.text
    # Replace only what differs: the common head and tail stay untouched.
    head = 0
    limit = min(len(text), len(new))
    while head < limit and text[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and text[len(text) - 1 - tail] == new[len(new) - 1 - tail]:
        tail += 1
    edit = QTextCursor(doc)
    edit.beginEditBlock()
    if text != new:
        edit.setPosition(span_start + _utf16_len(text[:head]))
        edit.setPosition(span_end - _utf16_len(text[len(text) - tail:]), QTextCursor.MoveMode.KeepAnchor)
        edit.insertText(new[head:len(new) - tail])
    edit.endEditBlock()
    selection = QTextCursor(doc)
    selection.setPosition(span_start + _utf16_len(new[:result.start]))
    selection.setPosition(span_start + _utf16_len(new[:result.end]), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(selection)
    editor.ensureCursorVisible()
