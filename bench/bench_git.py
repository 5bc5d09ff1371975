"""Git in Galley: status of a 10,000-post repository, diff and merge of the 205 KB post.

    .venv/bin/python bench/bench_git.py [--posts N]

Builds a repository of N posts (default 10,000) in a temporary folder, one
commit, then changes 50 posts and adds 20: `read_status` (find the repository
plus one `git status --porcelain=v2 -z`) is timed with every post untracked
(a site just put under git), then once right after the commit (the first
read) and five times more (median). The 205 KB post of
bench_external_change is diffed against a version with 40 one-syllable
changes (`diff_rows`: lines plus word spans), and merged three ways with an
edit near the top on one side and near the end on the other, by
`editor.core.disk.merge.three_way` and, for comparison, by `git merge-file`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_external_change import make_post  # noqa: E402

from editor.core.disk.merge import three_way  # noqa: E402
from editor.core.git.diff import diff_rows  # noqa: E402
from editor.core.git.status import read_status  # noqa: E402

TRIALS = 5


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _median_ms(fn, trials: int = TRIALS) -> float:
    times = []
    for _ in range(trials):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_status(posts: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench_git_") as tmp:
        repo = Path(tmp)
        _git(repo, "init", "-q", "-b", "main")
        _git(repo, "config", "user.name", "Bench")
        _git(repo, "config", "user.email", "bench@example.com")
        site = repo / "site"
        folder = site / "_posts"
        folder.mkdir(parents=True)
        (site / "_config.yml").write_text("title: Bench\n", encoding="utf-8")
        for i in range(posts):
            (folder / f"2024-01-01-글-{i:05d}.md").write_text(
                f"---\ntitle: 글 {i}\ntags: [bench]\n---\n본문 {i}.\n", encoding="utf-8")
        # A site just put under git: every post untracked, every one listed.
        start = time.perf_counter()
        untracked = read_status(site)
        first_untracked = (time.perf_counter() - start) * 1000
        print(f"status of {posts} untracked posts ({len(untracked.files)} listed): first {first_untracked:.0f} ms, "
              f"median of {TRIALS} {_median_ms(lambda: read_status(site)):.0f} ms")
        start = time.perf_counter()
        _git(repo, "add", ".")
        _git(repo, "commit", "-q", "-m", "posts")
        setup = time.perf_counter() - start
        for i in range(0, posts, max(1, posts // 50)):
            (folder / f"2024-01-01-글-{i:05d}.md").write_text("changed\n", encoding="utf-8")
        for i in range(20):
            (folder / f"2025-01-01-new-{i}.md").write_text("new\n", encoding="utf-8")
        start = time.perf_counter()
        status = read_status(site)
        first = (time.perf_counter() - start) * 1000
        median = _median_ms(lambda: read_status(site))
        print(f"status of {posts} posts ({len(status.files)} changed or new; add+commit took {setup:.1f} s): "
              f"first {first:.0f} ms, median of {TRIALS} {median:.0f} ms")


def bench_diff_and_merge() -> None:
    text = make_post(205 * 1024)
    lines = text.splitlines(keepends=True)
    edited = list(lines)
    changed = [i for i, line in enumerate(lines) if "블로그를" in line][:40]
    for i in changed:
        edited[i] = edited[i].replace("블로그를", "블로그도", 1)
    new = "".join(edited)
    rows = diff_rows(text, new)
    marked = sum(1 for r in rows if r.right_spans)
    print(f"diff of the 205 KB post ({len(lines)} lines, {marked} changed): "
          f"median {_median_ms(lambda: diff_rows(text, new)):.1f} ms")

    mine = list(lines)
    mine[10] = "내 쪽에서 고친 문단입니다.\n"
    theirs = list(lines)
    theirs[-5] = "디스크에서 고친 문단입니다.\n"
    mine_text, theirs_text = "".join(mine), "".join(theirs)
    assert three_way(text, mine_text, theirs_text).clean
    ours = _median_ms(lambda: three_way(text, mine_text, theirs_text))

    with tempfile.TemporaryDirectory(prefix="bench_git_merge_") as tmp:
        folder = Path(tmp)

        def merge_file() -> None:
            for name, body in (("mine", mine_text), ("base", text), ("theirs", theirs_text)):
                (folder / name).write_text(body, encoding="utf-8")
            subprocess.run(["git", "merge-file", "-p", "mine", "base", "theirs"], cwd=folder,
                           check=True, capture_output=True)

        git_ms = _median_ms(merge_file)
    print(f"three-way merge of two versions of the 205 KB post: three_way median {ours:.1f} ms, "
          f"git merge-file (3 files + process) median {git_ms:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    print(f"machine: os.cpu_count()={os.cpu_count()}, load average {load:.1f}, python {sys.version.split()[0]}, "
          f"{subprocess.run(['git', '--version'], capture_output=True, text=True).stdout.strip()}")
    bench_diff_and_merge()
    bench_status(args.posts)


if __name__ == "__main__":
    main()
