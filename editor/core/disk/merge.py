"""Compare and merge: the data behind the "Changed on disk → Compare" dialog.

Two things the writer needs when a post changed on disk while they typing:
- a side-by-side diff (rows of left/right lines, from `line_match`), and
- when the two sides touched different parts of the post — a script or a
  sync client changed the front matter on disk while the writer edited the
  body here, or the other way round — the merge of both, offered as one
  button instead of making the writer copy lines across by hand.

Parts are split by editor.core.post.document, so "front matter" and "body" mean
exactly what the rest of Galley means by them. Everything here is pure:
strings in, data out.
"""

from __future__ import annotations

from dataclasses import dataclass

from editor.core.disk import line_match
from editor.core.post.document import Document
from editor.core.post.errors import EditRefused, KeyPathError, PostError

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
    for tag, i1, i2, j1, j2 in line_match.opcodes(a, b):
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


# -- line-level three-way merge ------------------------------------------------
#
# diff3, the classic algorithm (keep what both sides left as in the base, take
# each stretch only one side changed, stop on stretches both changed), over
# `line_match` (patience matching, difflib in the gaps) rather than a
# dependency: merge3 (breezy's) is GPL-2.0-or-later, which Galley's MIT
# licence cannot take in; `git merge-file` needs git, and the changed-on-disk
# banner must merge in sites without it (and it is ~3x slower on the 205 KB
# post: three temporary files and a process, bench/bench_git.py). The tests
# check this merge against `git merge-file`: same result wherever git merges
# cleanly.

MINE = "mine"
THEIRS = "theirs"
BASE = "base"


@dataclass(frozen=True)
class Region:
    """One stretch of a three-way merge, in order through the post.

    `merged` is the text both sides agree on (unchanged, changed alike, or
    changed by one side only); None marks a conflict, where `base`, `mine`
    and `theirs` hold the three versions of the stretch for a side-by-side
    choice. `part` is FRONT_MATTER or BODY.
    """

    merged: str | None
    base: str = ""
    mine: str = ""
    theirs: str = ""
    part: str = BODY

    @property
    def conflict(self) -> bool:
        return self.merged is None


@dataclass(frozen=True)
class ThreeWay:
    """The result of `three_way`: regions, and the front matter's keys.

    `clean` when no region conflicts; `text()` is then the merged post.
    With conflicts, `text(choices)` takes one of MINE, THEIRS or BASE for
    every conflict (one string for all, or a sequence in conflict order):
    nothing is picked unless the caller says so.
    """

    regions: tuple[Region, ...]
    #: Top-level front-matter keys changed on both sides to different values
    #: (or that a key edit refused: values shared through YAML aliases).
    conflicting_keys: tuple[str, ...] = ()
    #: Top-level front-matter keys taken from the other side (merged per key).
    keys_from_theirs: tuple[str, ...] = ()

    @property
    def conflicts(self) -> list[Region]:
        return [r for r in self.regions if r.conflict]

    @property
    def clean(self) -> bool:
        return not any(r.conflict for r in self.regions)

    def text(self, choices: str | list[str] | tuple[str, ...] | None = None) -> str:
        n = len(self.conflicts)
        if n and choices is None:
            raise ValueError(f"{n} conflicting region(s): choose {MINE!r}, {THEIRS!r} or {BASE!r}")
        picks = [choices] * n if isinstance(choices, str) else list(choices or ())
        if len(picks) != n:
            raise ValueError(f"{n} conflicting region(s), {len(picks)} choice(s)")
        out, k = [], 0
        for region in self.regions:
            if region.conflict:
                out.append(getattr(region, picks[k]))
                k += 1
            else:
                out.append(region.merged)
        return "".join(out)


def _sync_regions(base: list[str], a: list[str], b: list[str]) -> list[tuple[int, int, int, int, int, int]]:
    """Stretches of `base` that both `a` and `b` kept, as (base, a, b) start/end triples.

    Ends with an empty region at the three ends, so every stretch between two
    regions is one that a side changed.
    """
    in_a, in_b = line_match.matching_blocks(base, a), line_match.matching_blocks(base, b)
    regions = []
    i = j = 0
    while i < len(in_a) and j < len(in_b):
        ai, aj, an = in_a[i]
        bi, bj, bn = in_b[j]
        start, end = max(ai, bi), min(ai + an, bi + bn)
        if start < end:
            regions.append((start, end, aj + start - ai, aj + end - ai, bj + start - bi, bj + end - bi))
        # Move on from whichever block ends first in the base.
        if ai + an < bi + bn:
            i += 1
        else:
            j += 1
    regions.append((len(base), len(base), len(a), len(a), len(b), len(b)))
    return regions


def _line_regions(base: str, mine: str, theirs: str, part: str) -> list[Region]:
    z, m, t = (s.splitlines(keepends=True) for s in (base, mine, theirs))
    regions: list[Region] = []

    def add_clean(lines: list[str]) -> None:
        text = "".join(lines)
        if not text:
            return
        if regions and not regions[-1].conflict and regions[-1].part == part:
            regions[-1] = Region(regions[-1].merged + text, part=part)
        else:
            regions.append(Region(text, part=part))

    iz = im = it = 0
    for zs, ze, ms, me, ts, te in _sync_regions(z, m, t):
        # The stretch before this kept region: changed by one side, both alike, or both.
        cz, cm, ct = z[iz:zs], m[im:ms], t[it:ts]
        if cm == ct:
            add_clean(cm)
        elif cm == cz:
            add_clean(ct)
        elif ct == cz:
            add_clean(cm)
        else:
            regions.append(Region(None, "".join(cz), "".join(cm), "".join(ct), part))
        add_clean(z[zs:ze])
        iz, im, it = ze, me, te
    return regions


def _head(doc: Document) -> str:
    """Everything before the body: delimiters and front matter."""
    text = doc.text
    return text[: len(text) - len(doc.body)]


def _merge_front_matter(b: Document, m: Document, t: Document) -> tuple[list[Region], tuple, tuple]:
    """The head merged per top-level key; (regions, conflicting keys, keys from theirs)."""
    hb, hm, ht = _head(b), _head(m), _head(t)
    if hm == ht or ht == hb:
        return [Region(hm, part=FRONT_MATTER)], (), ()
    if hm == hb:
        return [Region(ht, part=FRONT_MATTER)], (), ()
    if b.front_matter_error or m.front_matter_error or t.front_matter_error:
        return _line_regions(hb, hm, ht, FRONT_MATTER), (), ()
    db, dm, dt = b.front_matter, m.front_matter, t.front_matter
    missing = object()
    expected: dict = {}
    conflicting, from_theirs = [], []
    for key in list(dm) + [k for k in dt if k not in dm]:
        vb, vm, vt = db.get(key, missing), dm.get(key, missing), dt.get(key, missing)
        if vm == vt or vt == vb:
            value = vm
        elif vm == vb:
            value = vt
            from_theirs.append(key)
        else:
            conflicting.append(key)
            continue
        if value is not missing:
            expected[key] = value
    lines = _line_regions(hb, hm, ht, FRONT_MATTER)
    if conflicting:
        if not any(r.conflict for r in lines):
            # The lines merge but the values do not (one key's value written
            # over several lines): show the whole head as one choice.
            lines = [Region(None, hb, hm, ht, FRONT_MATTER)]
        return lines, tuple(conflicting), tuple(from_theirs)
    # Prefer the line merge when it reads as the per-key merge: every byte
    # then comes from one of the two files as written.
    if not any(r.conflict for r in lines):
        merged_head = "".join(r.merged for r in lines)
        candidate = _parts(merged_head + m.body)
        if (candidate is not None and candidate.kind == m.kind and not candidate.front_matter_error
                and candidate.front_matter == expected):
            return [Region(merged_head, part=FRONT_MATTER)], (), tuple(from_theirs)
    # Otherwise edit mine key by key through the lossless model.
    result = _parts(m.text)
    try:
        for key in from_theirs:
            if key in dt:
                result.set((key,), dt[key])
            else:
                result.unset((key,))
    except (EditRefused, KeyPathError, PostError):  # shared YAML values: let the writer choose
        return [Region(None, hb, hm, ht, FRONT_MATTER)], tuple(from_theirs), ()
    return [Region(_head(result), part=FRONT_MATTER)], (), tuple(from_theirs)


def three_way(base: str, mine: str, theirs: str) -> ThreeWay:
    """Merge `mine` and `theirs`, both edited from `base`: front matter per key, body by lines.

    Never resolves a conflict: where both sides changed the same lines (or the
    same front-matter key) differently, the region holds the three versions.
    A post whose sides do not parse as posts of one front-matter kind is merged
    line by line as a whole. Pure and Qt-free: strings in, regions out.
    """
    docs = [_parts(t) for t in (base, mine, theirs)]
    b, m, t = docs
    if any(d is None for d in docs) or not (b.kind == m.kind == t.kind):
        return ThreeWay(tuple(_line_regions(base, mine, theirs, BODY)))
    head, conflicting, from_theirs = _merge_front_matter(b, m, t)
    body = _line_regions(b.body, m.body, t.body, BODY)
    return ThreeWay(tuple(head + body), conflicting, from_theirs)
