"""Issue 2's numbers: open + save unchanged of a typical 8 KB post.

Prints medians (and p95) over many runs, with the machine's size. Three figures:
- parse + serialise in memory (Document.from_bytes + to_bytes);
- open from disk + save unchanged through the atomic path (storage.load +
  storage.save: temp file, fsync, rename, directory fsync) — the figure the
  issue asks for;
- an edit of one field + save.

Run: .venv/bin/python bench/bench_document.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editor.core.disk import storage
from editor.core.post.document import Document  # noqa: E402

FRONT = """---
layout: post
title:  "파이썬으로 정적 사이트 블로그 만들기: 1편"
date:   2024-03-15 21:30:00 +0900
categories: [개발, 블로그]
tags:
  - python
  - jekyll
  - 정적사이트
excerpt: >
  지킬과 파이썬으로 블로그를 만드는 과정을
  차근차근 정리합니다.
header:
  image: /assets/images/cover.png   # 표지
  caption: "사진: 직접 찍음"
toc: true
published: true
---
"""

PARAGRAPH = ("정적 사이트 생성기는 마크다운 파일을 HTML로 바꿔 줍니다. 글을 git으로 관리할 수 있고, "
             "서버 없이도 배포할 수 있다는 점이 장점입니다. Static sites are fast and simple.\n\n")
CODE = "```python\nfor post in site.posts:\n    print(post.title)\n```\n\n"


def typical_post() -> bytes:
    body = ""
    i = 0
    while len((FRONT + body).encode()) < 8 * 1024:
        body += f"## 섹션 {i}\n\n" + PARAGRAPH + (CODE if i % 2 else "- 목록 하나\n- 목록 둘\n\n")
        i += 1
    return (FRONT + body).encode("utf-8")


def measure(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    data = typical_post()
    print(f"machine: {os.cpu_count()} cores; post: {len(data):,} bytes")

    def in_memory() -> None:
        assert Document.from_bytes(data).to_bytes() == data

    with tempfile.TemporaryDirectory(dir=Path(__file__).resolve().parents[1]) as folder:
        path = Path(folder) / "2024-03-15-post.md"
        path.write_bytes(data)

        def open_save() -> None:
            doc, fp = storage.load(path)
            storage.save(path, doc, fp)

        def edit_save() -> None:
            doc, fp = storage.load(path)
            doc.set("title", "제목 " + str(time.perf_counter_ns() % 1000))
            storage.save(path, doc, fp)

        for label, fn, runs in (("parse + serialise (memory)", in_memory, 500),
                                ("open + save unchanged (disk, atomic, fsync)", open_save, 200),
                                ("open + edit title + save (disk)", edit_save, 200)):
            measure(fn, 10)  # warm up caches and imports
            med, p95 = measure(fn, runs)
            print(f"{label:45s} median {med:6.2f} ms   p95 {p95:6.2f} ms   (n={runs})")
        assert path.read_bytes().startswith(b"---\nlayout: post\ntitle:  \"")


if __name__ == "__main__":
    main()
