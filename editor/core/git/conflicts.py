"""A conflicted post: its three versions, their merge, and marking it resolved.

During a merge (`git pull` with merge) stage 2 is the writer's commit and
stage 3 the one pulled in; during a rebase (pull.rebase) git swaps them:
stage 2 is the upstream and stage 3 the writer's commit being replayed.
`Stages` keeps git's names (ours/theirs) and says which is the writer's.

`merge_stages` merges them with `editor.core.disk.merge.three_way` (front
matter per key, body line by line); what truly conflicts is returned as
regions for a side-by-side choice, never decided here. `resolve` writes the
chosen text and stages it (`git add`), which is what marks it resolved.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from editor.core.disk import storage
from editor.core.disk.merge import ThreeWay, three_way
from editor.core.git.runner import GitResult, Repository


@dataclass(frozen=True)
class Stages:
    path: str  # site-relative
    base: str | None  # None: the file did not exist in the common ancestor
    ours: str | None  # None: deleted on this side
    theirs: str | None
    #: True during a rebase: `theirs` is then the writer's own commit.
    rebasing: bool = False

    @property
    def mine(self) -> str | None:
        return self.theirs if self.rebasing else self.ours

    @property
    def other(self) -> str | None:
        return self.ours if self.rebasing else self.theirs


def _decode(data: bytes) -> str:
    from editor.core.post import encoding

    try:
        return encoding.decode(data).text
    except Exception:
        return data.decode("utf-8", "replace")


def read_stages(site_root: str | os.PathLike, path: str | os.PathLike,
                repo: Repository | None = None) -> Stages | None:
    """The three versions of a conflicted post; None when not a repository."""
    repo = repo or Repository.find(site_root)
    if repo is None:
        return None
    spec = repo.to_repo(path)
    texts = []
    for stage in (1, 2, 3):
        result = repo.git("show", f":{stage}:{spec}")
        texts.append(_decode(result.stdout) if result.ok else None)
    git_dir = repo.git("rev-parse", "--git-dir").text.strip()
    git_path = Path(git_dir) if Path(git_dir).is_absolute() else repo.root / git_dir
    rebasing = (git_path / "rebase-merge").is_dir() or (git_path / "rebase-apply").is_dir()
    return Stages(Path(path).as_posix(), *texts, rebasing=rebasing)


def merge_stages(stages: Stages) -> ThreeWay:
    """The writer's version against the other, from their common ancestor.

    Regions' `mine` is the writer's side, `theirs` the other writer's.
    A side that deleted the post counts as empty text.
    """
    return three_way(stages.base or "", stages.mine or "", stages.other or "")


def resolve(site_root: str | os.PathLike, path: str | os.PathLike, text: str,
            repo: Repository | None = None) -> GitResult:
    """Write `text` as the post (atomically, UTF-8) and `git add` it: resolved."""
    repo = repo or Repository.find(site_root)
    if repo is None:
        return GitResult(1, b"", "not a git repository")
    target = Path(site_root) / path
    try:
        storage.save_bytes(target, text.encode("utf-8"), None, force=True)
    except storage.StorageError as exc:
        return GitResult(1, b"", str(exc))
    return repo.git("add", "--", repo.to_repo(path))
