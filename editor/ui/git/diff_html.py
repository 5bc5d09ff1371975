"""A side-by-side diff as two HTML columns, changed words highlighted.

Rows come from `editor.core.git.diff.diff_rows` (word spans computed there,
Korean syllable by syllable); this module only paints them: a changed line
gets a soft background, its changed characters a stronger one, and a line
with nothing facing it an empty row on the other side so the two columns stay
aligned. Plain strings in, HTML out: no widget, easy to test.
"""

from __future__ import annotations

from html import escape

# Soft colours readable in light and dark themes alike.
_LINE = {"left": "rgba(230,90,80,40)", "right": "rgba(80,180,100,40)"}
_WORD = {"left": "rgba(230,90,80,130)", "right": "rgba(80,180,100,130)"}


def _line_html(text: str, spans, side: str, changed: bool) -> str:
    if not changed:
        return escape(text) or "&nbsp;"
    out, pos = [], 0
    for start, end in spans:
        out.append(escape(text[pos:start]))
        out.append(f'<span style="background-color:{_WORD[side]}">{escape(text[start:end])}</span>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out) or "&nbsp;"


def _cell(no, text: str, spans, side: str, changed: bool, width: int) -> str:
    # A fixed width for the numbers: Qt's table layout otherwise wraps them digit by digit.
    if no is None:  # nothing faces the other side's line
        return f'<td class="no" width="{width}"></td><td style="background-color:rgba(128,128,128,30)"></td>'
    style = f' style="background-color:{_LINE[side]}"' if changed else ""
    return (f'<td class="no" width="{width}">{no}</td>'
            f'<td width="49%"{style}>{_line_html(text, spans, side, changed)}</td>')


def table(rows) -> str:
    """One HTML table of `rows` (WordDiffRows): number and line of the commit, then of now.

    One table, not two side by side: a row holds both sides, so they stay
    level whatever a line's height (a Korean line is taller than a Latin one
    in most fonts, and two separate columns drifted apart)."""
    out = ['<html><head><style>td{white-space:pre-wrap;padding:0 4px;vertical-align:top}'
           "td.no{color:gray;text-align:right}</style></head><body>"
           '<table cellspacing="0" width="100%">']
    last = max((max(r.row.left_no or 0, r.row.right_no or 0) for r in rows), default=0)
    width = 10 * len(str(last)) + 10
    for wrow in rows:
        row = wrow.row
        changed = row.tag != "equal"
        out.append("<tr>" + _cell(row.left_no, row.left, wrow.left_spans, "left", changed, width)
                   + _cell(row.right_no, row.right, wrow.right_spans, "right", changed, width) + "</tr>")
    out.append("</table></body></html>")
    return "".join(out)


def changed_count(rows) -> int:
    return sum(1 for r in rows if r.row.tag != "equal")
