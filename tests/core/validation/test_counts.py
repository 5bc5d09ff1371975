"""Problem counts per post, as the posts pane shows them: errors and warnings
of each file, the same whether the files are checked in this thread or by the
site pipeline's worker processes."""

from __future__ import annotations

from pathlib import Path

from editor.core.site.site import Site
from editor.core.validation.counts import problem_counts
from editor.core.validation.runner import POOL_THRESHOLD


def make_site(root: Path, n: int) -> list[str]:
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: counts\n", encoding="utf-8")
    files = []
    for i in range(n):
        path = root / "_posts" / f"2024-01-{1 + i % 28:02d}-post-{i}.md"
        if i % 3 == 0:  # a date that is not one (error) and no title (warning)
            text = "---\ntitle:\ndate: 어제\n---\n본문\n"
        elif i % 3 == 1:
            text = f"---\ntitle: 글 {i}\n---\n본문\n"
        else:
            text = f"---\ntitle: 글 {i}\ndate: 2024-13-45\n---\n본문\n"  # an impossible date
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    return files


def test_counts_errors_and_warnings_of_each_post(tmp_path):
    files = make_site(tmp_path, 6)
    counts = problem_counts(Site.discover(files[0]), files)
    assert [counts[f] for f in files] == [2, 0, 1, 2, 0, 1]


def test_a_whole_site_on_worker_processes_counts_the_same(tmp_path):
    files = make_site(tmp_path, POOL_THRESHOLD + 2)
    site = Site.discover(files[0])
    pooled = problem_counts(site, files, jobs=1)
    assert pooled == problem_counts(site, files[:10]) | {f: pooled[f] for f in files[10:]}
    assert [pooled[f] for f in files[:6]] == [2, 0, 1, 2, 0, 1]
    assert sum(pooled.values()) == sum((2, 0, 1)[i % 3] for i in range(len(files)))


def test_counts_worked_out_in_a_worker_process_are_the_same(tmp_path):
    from editor.core.validation.counts import counts_in_a_process

    files = make_site(tmp_path, 9)
    assert counts_in_a_process(str(tmp_path), files) == problem_counts(Site.discover(files[0]), files)
