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


def columns(rows) -> tuple[str, str]:
    """HTML for the left (committed) and right (now) columns of `rows` (WordDiffRows)."""
    left, right = [], []
    for wrow in rows:
        row = wrow.row
        changed = row.tag != "equal"
        for side, no, text, spans, out in (("left", row.left_no, row.left, wrow.left_spans, left),
                                            ("right", row.right_no, row.right, wrow.right_spans, right)):
            if no is None:
                out.append('<tr><td class="no"></td><td style="background-color:rgba(128,128,128,30)">'
                           "&nbsp;</td></tr>")
                continue
            style = f' style="background-color:{_LINE[side]}"' if changed else ""
            out.append(f'<tr><td class="no">{no}</td><td{style}>{_line_html(text, spans, side, changed)}</td></tr>')
    head = ('<html><head><style>td{white-space:pre-wrap;padding:0 4px}'
            "td.no{color:gray;text-align:right}</style></head><body>"
            '<table cellspacing="0" width="100%">')
    tail = "</table></body></html>"
    return head + "".join(left) + tail, head + "".join(right) + tail


def changed_count(rows) -> int:
    return sum(1 for r in rows if r.row.tag != "equal")
