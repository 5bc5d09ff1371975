"""A post against its last commit: side-by-side rows with word-level highlights.

`head_text` reads the committed version (`git show HEAD:<path>`); `diff_rows`
compares two texts line by line (difflib, through
`editor.core.disk.merge.side_by_side`) and, inside each changed pair of lines,
word by word. Words are runs of letters and digits in spaced scripts and
single characters in Hangul, kana and Han: Korean often changes one syllable
inside a word (or a sentence written without spaces), and that syllable is
what is highlighted, not the whole run.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass

from editor.core.disk.merge import DiffRow, side_by_side
from editor.core.git.runner import Repository

# Hangul syllables and jamo, kana, CJK ideographs (with extension A and the
# compatibility block), full-width forms.
_CJK = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+|\s+|.", re.DOTALL)


def tokens(line: str) -> list[str]:
    """The units a changed line is compared in; they join back into `line`."""
    return _TOKEN.findall(line)


Span = tuple[int, int]


@dataclass(frozen=True)
class WordDiffRow:
    """A side-by-side row plus the changed character spans on each side.

    Spans are [start, end) offsets into `row.left` / `row.right` (code points);
    empty for equal rows and for a line with nothing facing it.
    """

    row: DiffRow
    left_spans: tuple[Span, ...] = ()
    right_spans: tuple[Span, ...] = ()


def word_spans(old: str, new: str) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Character spans of `old` and `new` that differ, compared token by token."""
    a, b = tokens(old), tokens(new)
    pos_a = [0]
    for t in a:
        pos_a.append(pos_a[-1] + len(t))
    pos_b = [0]
    for t in b:
        pos_b.append(pos_b[-1] + len(t))
    left: list[Span] = []
    right: list[Span] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            left.append((pos_a[i1], pos_a[i2]))
        if j2 > j1:
            right.append((pos_b[j1], pos_b[j2]))
    return tuple(left), tuple(right)


def diff_rows(old: str, new: str) -> list[WordDiffRow]:
    """Rows for a two-column diff of `old` (the commit) and `new` (the text now)."""
    out = []
    for row in side_by_side(old, new):
        if row.tag == "replace" and row.left_no is not None and row.right_no is not None:
            out.append(WordDiffRow(row, *word_spans(row.left, row.right)))
        elif row.tag == "delete" or (row.tag == "replace" and row.right_no is None):
            out.append(WordDiffRow(row, ((0, len(row.left)),) if row.left else ()))
        elif row.tag == "insert" or (row.tag == "replace" and row.left_no is None):
            out.append(WordDiffRow(row, (), ((0, len(row.right)),) if row.right else ()))
        else:
            out.append(WordDiffRow(row))
    return out


def head_bytes(site_root: str | os.PathLike, path: str | os.PathLike,
               repo: Repository | None = None, rev: str = "HEAD") -> bytes | None:
    """The file as committed at `rev` (site-relative `path`); None if not there or no repository."""
    repo = repo or Repository.find(site_root)
    if repo is None:
        return None
    result = repo.git("show", f"{rev}:{repo.to_repo(path)}")
    return result.stdout if result.ok else None


def head_text(site_root: str | os.PathLike, path: str | os.PathLike,
              repo: Repository | None = None) -> str | None:
    """The post as last committed, decoded as Galley decodes posts; None for a new post."""
    data = head_bytes(site_root, path, repo)
    if data is None:
        return None
    from editor.core.post import encoding

    try:
        return encoding.decode(data).text
    except Exception:  # not text: nothing to compare line by line
        return None
