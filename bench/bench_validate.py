"""Validation speed: one typical post (what the window runs while the writer types)
and a generated site of 10,000 posts (what `galley validate` runs in CI).

Prints medians of several runs and the machine size. Targets (issue 3):
one post <= 10 ms median; 10,000 posts <= 3 s wall on a 2-core machine.

    .venv/bin/python bench/bench_validate.py [--posts 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editor.core.post.document import Document  # noqa: E402
from editor.core.site.site import Site  # noqa: E402
from editor.core.validation import ValidationContext, validate_document, validate_paths  # noqa: E402

WORDS = ("static site generator front matter markdown preview editor writer post draft "
         "release build theme layout image link table code python rust go 개발 블로그 "
         "정리 학습 프로젝트 코드 리뷰 서버 데이터").split()
TAGS = [f"tag{i}" for i in range(40)] + ["python", "rust", "개발", "블로그", "jekyll"]


def paragraph(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 90))) + "."


def make_post(rng: random.Random, i: int, slugs: list[str]) -> tuple[str, str]:
    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    year = 2010 + i % 12
    slug = f"post-{i}"
    name = f"{year}-{month:02d}-{day:02d}-{slug}.md"
    tags = ", ".join(rng.sample(TAGS, rng.randint(1, 4)))
    fm = (f"---\nlayout: post\ntitle: \"Post number {i} about {rng.choice(WORDS)}\"\n"
          f"date: {year}-{month:02d}-{day:02d} 10:{i % 60:02d}:00 +0900\n"
          f"categories: [{rng.choice(['dev', 'life', 'notes'])}]\ntags: [{tags}]\n"
          f"image: /assets/images/img{i % 250}.png\n"
          f"description: \"A short description of post {i}, long enough for a search result.\"\n"
          f"---\n")
    parts = []
    target = rng.randint(3000, 10000)
    size = 0
    while size < target:
        kind = rng.random()
        if kind < 0.1:
            block = f"```python\ndef f{size}(x):\n    return x < {size} and '<div>'\n```"
        elif kind < 0.2:
            block = f"![figure](/assets/images/img{rng.randrange(300)}.png)"
        elif kind < 0.3:
            other = rng.choice(slugs) if slugs else slug
            block = f"See [the other post](/{year}/{month:02d}/{day:02d}/{other}/) and <b>this</b>."
        elif kind < 0.35:
            block = "## " + " ".join(rng.sample(WORDS, 4))
        else:
            block = paragraph(rng)
        parts.append(block)
        size += len(block) + 2
    return name, fm + "\n" + "\n\n".join(parts) + "\n"


def generate(root: Path, posts: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    (root / "_posts").mkdir(parents=True)
    (root / "assets" / "images").mkdir(parents=True)
    (root / "_config.yml").write_text("title: Bench\nbaseurl: \"\"\npermalink: /:year/:month/:day/:title/\n"
                                      "timezone: Asia/Seoul\n", encoding="utf-8")
    for i in range(250):  # 250 images exist; posts also name up to 300 (some missing)
        (root / "assets" / "images" / f"img{i}.png").write_bytes(b"\x89PNG\r\n")
    slugs: list[str] = []
    paths = []
    for i in range(posts):
        name, text = make_post(rng, i, slugs)
        slugs.append(f"post-{i}")
        path = root / "_posts" / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"machine: os.cpu_count() = {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        t = time.perf_counter()
        paths = generate(root, args.posts)
        sizes = [p.stat().st_size for p in paths]
        print(f"generated {len(paths)} posts ({statistics.median(sizes) / 1024:.1f} KB median) "
              f"in {time.perf_counter() - t:.1f} s")

        # -- one post, as the window does it: the context is built once per site ---------
        site = Site.discover(root)
        t = time.perf_counter()
        context = ValidationContext.build(site)
        build = time.perf_counter() - t
        doc = Document.from_bytes(paths[len(paths) // 2].read_bytes(), path=paths[len(paths) // 2])
        times = []
        for i in range(200):
            doc.set_body(doc.body + ("x" if i % 2 else ""))  # a keystroke changes the text
            t = time.perf_counter()
            validate_document(doc, context)
            times.append(time.perf_counter() - t)
        print(f"context build for {len(paths)} posts (once per site): {build * 1000:.0f} ms")
        print(f"one post ({len(doc.text) / 1024:.1f} KB), validate_document: median "
              f"{statistics.median(times) * 1000:.2f} ms, p95 "
              f"{sorted(times)[int(len(times) * 0.95)] * 1000:.2f} ms (200 runs)")

        # -- CPU per post, in this process (contention on a shared machine inflates wall
        # time; the best of 3 CPU timings is the cost of the code itself) ----------------
        from editor.core.validation.checks import run_checks_many
        from editor.core.validation.pipeline import _read
        from editor.core.validation.post import PostView

        sample = [str(p) for p in paths[:2000]]
        read_cpu, check_cpu = [], []
        for _ in range(3):
            t = time.process_time()
            held = [_read(p) for p in sample]
            read_cpu.append(time.process_time() - t)
            t = time.process_time()
            run_checks_many([PostView(doc, path=p, root=context.root, decode_error=error)
                             for p, (doc, error, _summary) in zip(sample, held)], context)
            check_cpu.append(time.process_time() - t)
        t = time.process_time()
        ValidationContext.build(site, index=[_read(str(p))[2] for p in paths])
        build_cpu = time.process_time() - t
        per_post = (min(read_cpu) + min(check_cpu)) / len(sample)
        print(f"CPU per post (best of 3 over {len(sample)}): read+parse "
              f"{min(read_cpu) / len(sample) * 1000:.3f} ms, rules "
              f"{min(check_cpu) / len(sample) * 1000:.3f} ms; context from index "
              f"{build_cpu:.2f} s (incl. reading); {len(paths)} posts = "
              f"{per_post * len(paths):.1f} CPU-s, {per_post * len(paths) / (os.cpu_count() or 1):.1f} s "
              f"spread over {os.cpu_count()} cores")
        print(f"load average before the wall-clock runs: {os.getloadavg()[0]:.2f} "
              f"(other processes share these cores)")

        # -- the whole site, as `galley validate SITE` does it -----------------------------
        # Bytecode as an installed galley has it: with PYTHONDONTWRITEBYTECODE set, a module
        # edited since its .pyc was written is compiled again by every run (~0.1 s).
        compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "editor"), quiet=1)
        walls, loads = [], []
        for _ in range(args.runs):
            loads.append(os.getloadavg()[0])
            t = time.perf_counter()
            found = validate_paths([str(p) for p in paths])
            walls.append(time.perf_counter() - t)
        print(f"{len(paths)} posts, validate_paths (context + all cores): median "
              f"{statistics.median(walls):.2f} s over {args.runs} runs "
              f"({', '.join(f'{w:.2f}' for w in walls)}); {len(found)} findings; "
              f"load average before each run {', '.join(f'{x:.2f}' for x in loads)}")
        cli, cpu, loads = [], [], []
        for _ in range(args.runs):
            loads.append(os.getloadavg()[0])
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "editor", "validate", str(root)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            cli.append(time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        print(f"{len(paths)} posts, `galley validate SITE` process wall: median "
              f"{statistics.median(cli):.2f} s over {args.runs} runs "
              f"({', '.join(f'{w:.2f}' for w in cli)}); CPU (user+sys, all its processes) "
              f"median {statistics.median(cpu):.2f} s; load average before each run "
              f"{', '.join(f'{x:.2f}' for x in loads)}")


if __name__ == "__main__":
    main()
