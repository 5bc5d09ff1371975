"""Preview rendering speed: full render, incremental re-render after a one-character
edit inside a paragraph, and a typical 8 KB post. Prints numbers; not a test.

Also the first full render of the window benchmark's posts (bench_ui.make_site:
an 8 KB and a 205 KB Jekyll post with code fences and tables), built the way
the window's render worker builds its request (Document, SiteInfo.discover,
RenderOptions, a fresh IncrementalRenderer):
- cold: a new Python process per run; "first render" is the render alone
  (pipeline construction and first-use costs included), "with imports" adds
  importing the render core and reading the post;
- warm: a fresh renderer in a process that has rendered the post before.

Run: .venv/bin/python bench/bench_render.py [--edits N] [--first-runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editor.core.render import IncrementalRenderer, RenderRequest, SiteInfo  # noqa: E402

KOREAN = ("정적 사이트 생성기는 마크다운 글을 HTML 페이지로 바꿔 줍니다. 글쓴이는 미리보기로 "
          "제목과 날짜, 태그, 본문을 확인하고 나서 글을 올립니다. 한국어 문장은 띄어쓰기 단위로 "
          "줄이 바뀌어야 읽기 편합니다. ")
CODE = '''```python
def fib(n: int) -> int:
    """Return the n-th Fibonacci number."""
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
```'''
TABLE = """| 항목 | 설명 | 값 |
|------|------|---:|
| 속도 | 렌더링 시간 | 12 ms |
| 크기 | 글 길이 | 200 KB |
| 언어 | 한국어 | ko |"""
LIST = """- 첫째 항목: **중요한** 내용
- 둘째 항목, [링크](https://example.com)
  - 안쪽 항목 `code`
- 셋째 항목"""


def section(i: int, rnd: random.Random) -> str:
    paras = [KOREAN * rnd.randint(1, 3) + f"English words and `inline code` {i}." for _ in range(3)]
    return "\n\n".join([f"## 섹션 {i}: 제목", paras[0], CODE, paras[1], TABLE, LIST, paras[2]])


def generate(size: int, seed: int = 1) -> str:
    rnd = random.Random(seed)
    parts, total, i = [], 0, 0
    while total < size:
        s = section(i, rnd)
        parts.append(s)
        total += len(s.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts) + "\n"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


#: One cold run, in a fresh process: prints the times as JSON.
_COLD_CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from pathlib import Path
try:  # as in the window, whose start-up installs it (a checkout from before it had none)
    from editor.ui.platform.deferred_urllib import defer_urllib_request
    defer_urllib_request()
except ImportError:
    pass
from editor.core.post.document import Document
from editor.core.render import IncrementalRenderer, RenderOptions, RenderRequest, SiteInfo
post = Path(sys.argv[1])
doc = Document.from_bytes(post.read_bytes(), post)
request = RenderRequest.from_snapshot(doc.snapshot(), SiteInfo.discover(post), RenderOptions())
t1 = time.perf_counter()
IncrementalRenderer(request.site, request.options).render(request)
t2 = time.perf_counter()
print(json.dumps({"render": t2 - t1, "total": t2 - t0}))
"""


def _request(post: Path):
    from editor.core.post.document import Document
    from editor.core.render import RenderOptions

    doc = Document.from_bytes(post.read_bytes(), post)
    return RenderRequest.from_snapshot(doc.snapshot(), SiteInfo.discover(post), RenderOptions())


def first_render(runs: int) -> None:
    from bench.bench_ui import make_site

    root = Path(__file__).resolve().parents[1]
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        posts = make_site(Path(tmp) / "site")
        for label, post in posts.items():
            body = post.read_text(encoding="utf-8")
            fences, tables = body.count("```") // 2, body.count("|---|")
            cold = []
            for _ in range(runs):
                out = subprocess.run([sys.executable, "-c", _COLD_CHILD, str(post)], cwd=root, check=True,
                                     capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(root)})
                cold.append(json.loads(out.stdout))
            request = _request(post)
            IncrementalRenderer(request.site, request.options).render(request)
            warm, warm_cpu = [], []
            for _ in range(runs):
                t, c = time.perf_counter(), time.process_time()
                IncrementalRenderer(request.site, request.options).render(request)
                warm.append((time.perf_counter() - t) * 1000)
                warm_cpu.append((time.process_time() - c) * 1000)
            render = [r["render"] * 1000 for r in cold]
            total = [r["total"] * 1000 for r in cold]
            print(f"first full render, {label} post ({fences} fences, {tables} tables), n={runs}: "
                  f"cold process: first render median {statistics.median(render):.0f} ms "
                  f"(min {min(render):.0f}), with imports {statistics.median(total):.0f} ms; "
                  f"warm: median {statistics.median(warm):.0f} ms (min {min(warm):.0f}, "
                  f"cpu median {statistics.median(warm_cpu):.0f})")
    print(f"(load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after; "
          f"os.cpu_count()={os.cpu_count()})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--edits", type=int, default=60)
    ap.add_argument("--full-runs", type=int, default=5)
    ap.add_argument("--first-runs", type=int, default=7,
                    help="runs of the first-render figure (0: skip it)")
    args = ap.parse_args()
    site = SiteInfo(generator="jekyll")
    fm = {"title": "벤치마크", "tags": ["bench"]}
    big = generate(200_000)
    small = generate(8_000, seed=2)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: os.cpu_count()={os.cpu_count()}, load average {load:.1f}, python {sys.version.split()[0]}")
    print("(wall-clock ms; 'cpu' = this process's CPU time, less sensitive to other load)")
    print(f"big post: {len(big.encode()) / 1000:.0f} KB, {big.count(chr(10))} lines")

    full = []
    for _ in range(args.full_runs):
        t = time.perf_counter()
        IncrementalRenderer(site).render(RenderRequest(big, fm, 5, None, site))
        full.append((time.perf_counter() - t) * 1000)
    print(f"full render 200 KB (fresh renderer): median {statistics.median(full):.0f} ms  "
          f"(min {min(full):.0f}, max {max(full):.0f}, n={len(full)})")

    renderer = IncrementalRenderer(site)
    renderer.render(RenderRequest(big, fm, 5, None, site))
    rnd = random.Random(7)
    text = big
    paras = [i for i, line in enumerate(text.split("\n")) if line.startswith("정적")]
    times, cpu, converted, patch_sizes = [], [], [], []
    for _ in range(args.edits):
        lines = text.split("\n")
        n = rnd.choice(paras)
        col = rnd.randrange(1, len(lines[n]) - 1)
        lines[n] = lines[n][:col] + rnd.choice("가나다abc ") + lines[n][col:]
        text = "\n".join(lines)
        t, c = time.perf_counter(), time.process_time()
        result = renderer.render(RenderRequest(text, fm, 5, None, site))
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        converted.append(renderer.last_converted)
        patch_sizes.append(len(result.patch.to_json()))
    print(f"one-character edit in a paragraph, incremental: median {statistics.median(times):.1f} ms, "
          f"p95 {pct(times, 95):.1f} ms, max {max(times):.1f} ms; cpu median {statistics.median(cpu):.1f} ms, "
          f"p95 {pct(cpu, 95):.1f} ms (n={len(times)}; "
          f"blocks re-rendered per edit: median {statistics.median(converted):.0f}; "
          f"patch JSON median {statistics.median(patch_sizes) / 1000:.1f} KB)")

    small_times = []
    for _ in range(20):
        t = time.perf_counter()
        IncrementalRenderer(site).render(RenderRequest(small, fm, 5, None, site))
        small_times.append((time.perf_counter() - t) * 1000)
    print(f"full render {len(small.encode()) / 1000:.0f} KB post (fresh renderer): "
          f"median {statistics.median(small_times):.1f} ms, p95 {pct(small_times, 95):.1f} ms (n=20)")

    if args.first_runs:
        first_render(args.first_runs)


if __name__ == "__main__":
    main()
