"""What one keystroke in a front-matter field costs the core: `Document.set` of the
field's new value, as the form calls it on every key (with the style worked out
against the file, and the whole front matter read again to check that nothing
else changed). Prints medians; not a test.

Three fields of a Korean Jekyll post shaped like our writers' posts (a plain
title, a folded `excerpt: >`, a two-paragraph `feature_text: >`) are typed
into one character at a time (Korean syllables, as an input method commits
them), and the string fields of the corpus's YAML posts (../shared/corpus)
get ` (updated)` typed at their end.

Run: .venv/bin/python bench/bench_form_edit.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editor.core.post.document import Document  # noqa: E402

POST = """---
layout: post
title: 갤리로 첫 글 쓰기
date: 2024-03-15 21:30:00 +0900
categories: [일상]
tags:
  - 갤리
  - 블로그
excerpt: >
  정적 사이트 블로그에 글을 쓰고, 저장하기 전에
  미리 보는 방법을 소개합니다.
feature_text: >
  ## 이 글에서는

  갤리로 글을 쓰는 **첫걸음**을 안내합니다.
  양식과 본문, 미리 보기를 차례로 살펴봅니다.
header:
  image: /assets/images/cover.png   # 표지 이미지
  caption: "표지: 직접 만든 그림"
toc: true
---

본문입니다.
"""

TYPED = " 그리고 더 (updated)"
CORPUS = Path(os.environ.get("GALLEY_CORPUS") or Path(__file__).resolve().parents[2] / "shared" / "corpus")


def type_into(doc: Document, key: str, start: str, typed: str) -> list[float]:
    """Set `key` to each prefix of `start + typed`, one character more each time;
    the time of each set, in ms."""
    times = []
    for i in range(1, len(typed) + 1):
        value = start + typed[:i]
        t0 = time.perf_counter()
        doc.set(key, value)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def fixture_runs(runs: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"title": [], "excerpt": [], "feature_text": []}
    for _ in range(runs):
        for key in out:
            doc = Document.from_text(POST)
            start = doc.get(key)
            if start.endswith("\n"):  # the form hides the clip newline and types before it
                out[key] += type_into_block(doc, key, start[:-1], TYPED)
            else:
                out[key] += type_into(doc, key, start, TYPED)
    return out


def type_into_block(doc: Document, key: str, start: str, typed: str) -> list[float]:
    times = []
    for i in range(1, len(typed) + 1):
        t0 = time.perf_counter()
        doc.set(key, start + typed[:i] + "\n")
        times.append((time.perf_counter() - t0) * 1000)
    return times


def corpus_runs(limit: int) -> tuple[list[float], int, int]:
    times: list[float] = []
    posts = fields = 0
    if not CORPUS.is_dir():
        return times, 0, 0
    for path in sorted(CORPUS.rglob("*.md"))[:limit]:
        try:
            doc = Document.from_bytes(path.read_bytes(), path)
            if doc.kind.value != "yaml" or doc.front_matter_error is not None:
                continue
            strings = [k for k, v in doc.front_matter.items()
                       if isinstance(v, str) and "\n" not in v and doc.sharing((k,)) is None]
        except Exception:  # noqa: BLE001 - an unreadable post is not this benchmark's concern
            continue
        posts += 1
        for key in strings[:4]:
            fields += 1
            try:
                times += type_into(doc, key, doc.get(key), " (updated)")
            except ValueError:
                pass  # refused edits are the tests' concern, not the timing's
    return times, posts, fields


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus-posts", type=int, default=300)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}, "
          f"python {sys.version.split()[0]}")
    for key, times in fixture_runs(args.runs).items():
        print(f"fixture {key:13s} one keystroke: median {statistics.median(times):.2f} ms, "
              f"p90 {statistics.quantiles(times, n=10)[-1]:.2f} ms ({len(times)} keys)")
    times, posts, fields = corpus_runs(args.corpus_posts)
    if times:
        print(f"corpus string fields   one keystroke: median {statistics.median(times):.2f} ms, "
              f"p90 {statistics.quantiles(times, n=10)[-1]:.2f} ms, max {max(times):.1f} ms "
              f"({posts} posts, {fields} fields, {len(times)} keys)")
    else:
        print("corpus: ../shared/corpus not found; skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
