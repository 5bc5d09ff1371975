"""How fast is the front-matter index of a big site? (issue 2: 10,000 posts <= 2 s)

Generates a Jekyll site of N realistic posts (YAML front matter with title,
date, tags, categories, Korean text; a 3-10 KB body) in a temporary folder,
then times `Site.discover(root).index()`:

- cold: the posts evicted from the page cache first (posix_fadvise
  DONTNEED on each post: nothing else on the shared machine is evicted),
  median of 3 runs;
- warm: a new Site each time (everything parsed), median of 5 runs, with the
  default workers and with one process; wall and CPU time;
- re-index: the same Site again (only `stat` per post, nothing changed).

Usage: python bench/bench_index.py [N]
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editor.core.site.site import Site  # noqa: E402

WORDS = ("정적 사이트 생성기 글쓰기 편집기 미리보기 한국어 문서 작성 블로그 개발 "
         "파이썬 코드 테스트 성능 색인 태그 분류 날짜 제목 본문 static site post").split()
TAGS = ["python", "jekyll", "hugo", "개발", "일상", "여행", "독서", "rust", "go", "블로그"]
CATS = ["tech", "life", "notes", "기술", "생각"]


def make_post(rng: random.Random, i: int) -> str:
    title = " ".join(rng.choices(WORDS, k=rng.randint(3, 8)))
    day = f"20{rng.randint(10, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    tags = rng.sample(TAGS, rng.randint(1, 4))
    style = i % 3
    if style == 0:
        tag_text = "[" + ", ".join(tags) + "]"
    elif style == 1:
        tag_text = "\n" + "\n".join(f"  - {t}" for t in tags)
    else:
        tag_text = " ".join(tags)  # Jekyll's space-separated form
    fm = (
        f"---\nlayout: post\ntitle: \"{title} #{i}\"\ndate: {day} 10:{i % 60:02d}:00 +0900\n"
        f"categories: [{rng.choice(CATS)}]\ntags: {tag_text}\n"
        f"description: >\n  {' '.join(rng.choices(WORDS, k=20))}\n---\n"
    )
    body = []
    size = rng.randint(3000, 10000)
    while sum(len(p.encode()) for p in body) < size:
        body.append(" ".join(rng.choices(WORDS, k=rng.randint(10, 40))) + ".\n\n")
    return fm + "".join(body)


def build(root: Path, n: int) -> None:
    rng = random.Random(42)
    (root / "_config.yml").write_text("title: bench\nbaseurl: /blog\nurl: https://example.org\n")
    for i in range(n):
        folder = root / "_posts" / f"{2010 + i % 16}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"2020-01-01-post-{i}.md").write_text(make_post(rng, i), encoding="utf-8")


def evict(root: Path) -> bool:
    """Drop our posts (only them: the machine is shared) from the page cache,
    so the next read comes from the disk."""
    if not hasattr(os, "posix_fadvise"):
        return False
    os.sync()  # dirty pages cannot be dropped
    for path in root.rglob("*.md"):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)
    return True


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory(prefix="galley-bench-") as tmp:
        root = Path(tmp)
        t = timed(lambda: build(root, n))
        total = sum(p.stat().st_size for p in root.rglob("*.md"))
        print(f"machine: os.cpu_count()={os.cpu_count()}")
        print(f"generated {n} posts, {total / 1e6:.1f} MB, in {t:.1f} s")

        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
              " (other work on the machine inflates wall times; CPU times are steadier)")

        colds = []
        for _ in range(3):
            dropped = evict(root)
            colds.append(timed(lambda: Site.discover(root / "_posts").index()))
        print(f"cold, new Site (posts {'evicted from' if dropped else 'STILL IN'} the page cache):"
              f" median {statistics.median(colds):.3f} s  (runs: {', '.join(f'{x:.2f}' for x in colds)})")

        def full(workers):
            return lambda: Site.discover(root).index(workers=workers)

        summaries = Site.discover(root).index()
        errors = sum(1 for s in summaries if s.error)
        assert len(summaries) == n and errors == 0, (len(summaries), errors)

        for label, workers in (("default workers", None), ("one process", 1), ("two processes", 2)):
            walls, cpus = [], []
            for _ in range(5):
                c0 = cpu_seconds()
                walls.append(timed(full(workers)))
                cpus.append(cpu_seconds() - c0)
            print(f"warm, new Site, {label:15}: median {statistics.median(walls):.3f} s wall,"
                  f" {statistics.median(cpus):.3f} s CPU  (walls: {', '.join(f'{x:.2f}' for x in walls)})")
        files = [timed(lambda: Site.discover(root).post_files()) for _ in range(5)]
        print(f"  of which listing the files:        median {statistics.median(files):.3f} s")
        site = Site.discover(root)
        site.index()
        again = [timed(site.index) for _ in range(5)]
        print(f"re-index, same Site, nothing changed: median {statistics.median(again):.3f} s")
        vocab = site.vocabulary()
        print(f"vocabulary: {len(vocab['tags'])} tags, {len(vocab['categories'])} categories")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def cpu_seconds() -> float:
    """CPU time of this process and its (finished) worker processes."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


if __name__ == "__main__":
    main()
