"""Compare and merge: the data behind the "Changed on disk → Compare" dialog.

Two things the writer needs when a post changed on disk while they typing:
- a side-by-side diff (rows of left/right lines, from difflib), and
- when the two sides touched different parts of the post — a script or a
  sync client changed the front matter on disk while the writer edited the
  body here, or the other way round — the merge of both, offered as one
  button instead of making the writer copy lines across by hand.

Parts are split by editor.core.post.document, so "front matter" and "body" mean
exactly what the rest of Galley means by them. Everything here is pure:
strings in, data out.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from editor.core.post.document import Document
from editor.core.post.errors import PostError

FRONT_MATTER = "front_matter"
BODY = "body"


@dataclass(frozen=True)
class DiffRow:
    """One row of a side-by-side diff.

    `tag` is difflib's: "equal", "replace", "delete" (left only) or
    "insert" (right only). Line numbers are 1-based; None where the side has
    no line in this row (the other side's extra lines of a replace).
    """

    tag: str
    left_no: int | None
    left: str
    right_no: int | None
    right: str


@dataclass(frozen=True)
class MergeResult:
    """The merged text and which side each part came from."""

    text: str
    #: "mine" or "disk" for each of FRONT_MATTER and BODY.
    front_matter_from: str
    body_from: str

    def describe(self) -> str:
        names = {"mine": "your edits", "disk": "the file on disk"}
        return (
            f"front matter from {names[self.front_matter_from]}, "
            f"body from {names[self.body_from]}"
        )


def side_by_side(left: str, right: str) -> list[DiffRow]:
    """Rows for a two-column diff of `left` (e.g. mine) and `right` (disk)."""
    a = left.splitlines()
    b = right.splitlines()
    rows: list[DiffRow] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(DiffRow(tag, i + 1, a[i], j + 1, b[j]) for i, j in zip(range(i1, i2), range(j1, j2)))
            continue
        # delete / insert / replace: pair lines up, padding the shorter side.
        for k in range(max(i2 - i1, j2 - j1)):
            i, j = i1 + k, j1 + k
            rows.append(
                DiffRow(
                    tag,
                    i + 1 if i < i2 else None,
                    a[i] if i < i2 else "",
                    j + 1 if j < j2 else None,
                    b[j] if j < j2 else "",
                )
            )
    return rows


def _common_prefix(a: str, b: str) -> int:
    # Binary search over slice compares: C speed, O(n log n), fine for 1 MB.
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def changed_span(old: str, new: str) -> tuple[int, int, int]:
    """The one span that differs: old[start:old_end] becomes new[start:new_end].

    Used to apply a reload to the editor as a single minimal edit (the caret
    and undo history survive, only changed lines are re-highlighted).
    """
    start = _common_prefix(old, new)
    end = _common_prefix(old[start:][::-1], new[start:][::-1])
    return start, len(old) - end, len(new) - end


def _parts(text: str) -> Document | None:
    try:
        return Document.from_bytes(text.encode("utf-8", "surrogatepass"))
    except PostError:
        return None


def changed_parts(base: str, other: str) -> set[str] | None:
    """Which parts of the post differ between two texts; None if unparseable."""
    a, b = _parts(base), _parts(other)
    if a is None or b is None:
        return None
    changed = set()
    if a.kind != b.kind or a.front_matter_text != b.front_matter_text:
        changed.add(FRONT_MATTER)
    if a.body != b.body:
        changed.add(BODY)
    return changed


def merge(base: str, mine: str, disk: str) -> MergeResult | None:
    """Merge when mine and disk changed different parts of `base`, else None.

    `base` is the text the buffer was loaded from, `mine` the buffer now,
    `disk` the file now. None means the parts overlap (both changed the front
    matter, or both the body), a side does not parse, or the two sides use
    different front-matter formats: the writer must choose in the diff.
    """
    docs = [_parts(t) for t in (base, mine, disk)]
    if any(d is None for d in docs):
        return None
    b, m, d = docs
    if not (b.kind == m.kind == d.kind):
        return None
    mine_fm = m.front_matter_text != b.front_matter_text
    mine_body = m.body != b.body
    disk_fm = d.front_matter_text != b.front_matter_text
    disk_body = d.body != b.body
    if (mine_fm and disk_fm) or (mine_body and disk_body):
        return None
    fm_from = "mine" if mine_fm else "disk"
    body_from = "mine" if mine_body else "disk"
    # Start from the side whose front matter we keep (its delimiters and
    # front-matter bytes stay exactly as written) and put the other body in.
    result = m if fm_from == "mine" else d
    other_body = m.body if body_from == "mine" else d.body
    if result.body != other_body:
        result.set_body(other_body)
    return MergeResult(result.text, fm_from, body_from)
