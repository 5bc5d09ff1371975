"""Render time of each hostile input family at 100 KB, and of a realistic
10 MB post, per engine (median of --runs fresh renders; machine size first).

    .venv/bin/python bench/bench_hostile.py [--runs 3] [--size 100000] [--big 10000000]

Jekyll is measured with kramdown when Ruby has it (GALLEY_KRAMDOWN unset);
for the Python-Markdown fallback run it again with GALLEY_KRAMDOWN=0
--engines jekyll.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editor.core.render import RenderOptions, RenderRequest, SiteInfo  # noqa: E402
from editor.core.render.incremental import render_html  # noqa: E402
from tests.core.render.hostile_inputs import families, realistic_post  # noqa: E402


def timed(body: str, generator: str, runs: int) -> str:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        try:
            render_html(RenderRequest(body, {}, 1, None, SiteInfo(generator=generator), RenderOptions()))
        except Exception as exc:  # noqa: BLE001 - a bench reports, it does not stop
            return f"{type(exc).__name__}"
        times.append(time.perf_counter() - start)
    return f"{statistics.median(times):.3f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--big", type=int, default=10_000_000)
    ap.add_argument("--engines", default="unknown,hugo,zola,jekyll")
    args = ap.parse_args()
    print(f"# {platform.machine()} {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"GALLEY_KRAMDOWN={os.environ.get('GALLEY_KRAMDOWN', '(unset)')}")
    engines = args.engines.split(",")
    print(f"{'family':18} {'chars':>9} " + " ".join(f"{e:>9}" for e in engines) + "   (seconds, median)")
    for name, body in families(args.size).items():
        print(f"{name:18} {len(body):9} " + " ".join(f"{timed(body, e, args.runs):>9}" for e in engines), flush=True)
    if args.big:
        body = realistic_post(args.big)
        print(f"{'realistic post':18} {len(body):9} " + " ".join(f"{timed(body, e, 1):>9}" for e in engines))


if __name__ == "__main__":
    main()
