"""Edits across many posts: plan, preview, apply atomically, undo.

A bulk edit is planned first (`FileEdit`: the file's bytes and fingerprint as
read, the bytes it would get, and the lines that differ), shown to the writer,
then applied: each file is saved atomically and refused when it changed on
disk since it was planned. What was written goes into a `Journal` holding the
original bytes per file, so one step (`undo`) puts them back byte for byte,
refusing any file changed since.

Every edit goes through the lossless `Document`: only the lines of the edited
entry change. A term is renamed in a block list's item, a flow list's item or
a scalar (`tags: a b` is two tags, as Jekyll reads it).
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from editor.core.disk import storage
from editor.core.post.document import Document
from editor.core.post.errors import DecodeError


@dataclass(frozen=True)
class LineChange:
    line: int  # 1-based in the file as read (or where the new line goes)
    before: str
    after: str


@dataclass(frozen=True)
class FileEdit:
    path: Path
    fingerprint: storage.Fingerprint
    original: bytes
    new: bytes
    changes: tuple[LineChange, ...]


@dataclass(frozen=True)
class Refusal:
    path: Path
    message: str

    def format(self) -> str:
        return f"{self.path}: error: {self.message}"


@dataclass
class Journal:
    """What one bulk edit wrote: per file, the bytes before, the bytes written
    and the fingerprint after."""
    entries: list[tuple[Path, bytes, bytes, storage.Fingerprint]] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)

    @property
    def paths(self) -> list[Path]:
        return [entry[0] for entry in self.entries]


def line_changes(before: str, after: str) -> tuple[LineChange, ...]:
    """The lines that differ between two texts, numbered in `before`."""
    old, new = before.splitlines(), after.splitlines()
    changes: list[LineChange] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        span = max(i2 - i1, j2 - j1)
        for k in range(span):
            changes.append(LineChange(
                i1 + min(k, max(i2 - i1 - 1, 0)) + 1,
                old[i1 + k] if i1 + k < i2 else "",
                new[j1 + k] if j1 + k < j2 else ""))
    return tuple(changes)


def make_edit(path: Path, data: bytes, fingerprint: storage.Fingerprint, doc: Document) -> FileEdit | None:
    """The FileEdit taking `data` to the document's bytes, None when nothing changed."""
    new = doc.to_bytes()
    if new == data:
        return None
    before = Document.from_bytes(data).text
    return FileEdit(Path(path), fingerprint, data, new, line_changes(before, doc.text))


# -- renaming a taxonomy term -------------------------------------------------------

def taxonomy_keys(generator: str, name: str) -> list[tuple]:
    """The front-matter keys holding the terms of taxonomy `name`."""
    if generator == "zola":
        return [("taxonomies", name)]
    if generator == "jekyll" and name == "categories":
        return [("categories",), ("category",)]
    return [(name,)]


def holds_term(front_matter: dict, keys: Iterable[tuple], term: str, split: bool) -> bool:
    """Whether an index entry's front matter names `term` under `keys` (to pick
    the files worth reading for a rename)."""
    for key in keys:
        value = front_matter
        for part in key:
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, str) and term in (value.split() if split else [value.strip()]):
            return True
        if isinstance(value, list) and term in (str(v).strip() for v in value if not isinstance(v, bool)):
            return True
    return False


def rename_in_document(doc: Document, keys: Iterable[tuple], old: str, new: str, split: bool) -> bool:
    """Rename term `old` to `new` in `doc` under `keys`; True when it changed.

    A list keeps one `new`: when it already holds it, `old`'s item is removed
    (a merge). `split`: a string value is a space-separated list of terms.
    """
    changed = False
    for key in keys:
        try:
            value = doc.get(key, None)
        except Exception:  # noqa: BLE001 - a key path through a scalar: no terms there
            continue
        if isinstance(value, list):
            terms = [str(v).strip() if isinstance(v, (str, int, float)) and not isinstance(v, bool) else None
                     for v in value]
            # From the end, so removing an item leaves the earlier indexes valid.
            for i in range(len(terms) - 1, -1, -1):
                if terms[i] != old:
                    continue
                others = terms[:i] + terms[i + 1:]
                if new in others:
                    doc.unset((*key, i))
                else:
                    doc.set((*key, i), new)
                terms[i] = None if new in others else new
                changed = True
        elif isinstance(value, str):
            words = value.split() if split else [value.strip()]
            if old not in words:
                continue
            out: list[str] = []
            for word in words:
                word = new if word == old else word
                if word not in out:
                    out.append(word)
            doc.set(key, " ".join(out))
            changed = True
    return changed


def plan_rename(paths: Iterable[os.PathLike], generator: str, taxonomy: str, old: str,
                new: str) -> tuple[list[FileEdit], list[Refusal]]:
    """Plan renaming (or merging, when `new` is in use) term `old` of `taxonomy`.

    `paths`: the posts to look at (the caller may pass only those whose index
    entry holds the term). Files that cannot be read or edited are refused
    with a message; nothing is written.
    """
    new = new.strip()
    if not new or new == old:
        raise ValueError("the new name is empty or the same as the old one")
    split = generator in ("jekyll", "unknown")
    if split and " " in new:
        raise ValueError("a Jekyll term cannot contain a space: Jekyll splits on spaces")
    keys = taxonomy_keys(generator, taxonomy)
    edits: list[FileEdit] = []
    refused: list[Refusal] = []
    for path in paths:
        path = Path(path)
        try:
            data, fingerprint = storage.read_bytes(path)
            doc = Document.from_bytes(data, path=path)
        except (storage.StorageError, DecodeError) as exc:
            refused.append(Refusal(path, str(exc)))
            continue
        if doc.front_matter_error is not None:
            refused.append(Refusal(path, doc.front_matter_error.format()))
            continue
        try:
            if not rename_in_document(doc, keys, old, new, split):
                continue
        except ValueError as exc:  # the lossless edit refused (another key would read otherwise)
            refused.append(Refusal(path, str(exc)))
            continue
        edit = make_edit(path, data, fingerprint, doc)
        if edit is not None:
            edits.append(edit)
    return edits, refused


# -- applying and undoing -------------------------------------------------------------

def apply(edits: Iterable[FileEdit]) -> Journal:
    """Write each planned file atomically; a file changed since the plan is refused."""
    journal = Journal()
    for edit in edits:
        try:
            after = storage.save(edit.path, edit.new, edit.fingerprint)
        except storage.ConflictError:
            journal.refused.append(Refusal(edit.path, "changed on disk since it was listed; not written"))
            continue
        except storage.StorageError as exc:
            journal.refused.append(Refusal(edit.path, _message(exc)))
            continue
        journal.entries.append((edit.path, edit.original, edit.new, after))
    return journal


def undo(journal: Journal) -> Journal:
    """Put back the bytes `journal` replaced; a file changed since is refused.

    Returns the journal of the undo itself (its refusals say what was kept).
    """
    done = Journal()
    for path, original, written, after in journal.entries:
        try:
            restored = storage.save(path, original, after)
        except storage.ConflictError:
            done.refused.append(Refusal(path, "changed on disk since the edit; not restored"))
            continue
        except storage.StorageError as exc:
            done.refused.append(Refusal(path, _message(exc)))
            continue
        done.entries.append((path, written, original, restored))
    return done


def _message(exc: storage.StorageError) -> str:
    return getattr(exc, "message", None) or str(exc)
