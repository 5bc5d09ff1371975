"""The Markdown engines against the CommonMark spec's 655 examples.

Prints, for each engine and setting, how many examples render as the spec
says (normalised HTML, editor/core/render/normalise.py lists what may differ)
and, when Debian's `hugo` is installed, how many render as Hugo 0.111 itself
renders them (goldmark with Hugo's defaults: ids, typographer, raw HTML
omitted, code markup). The spec is read where it lies (../shared/suites).

Run: .venv/bin/python bench/bench_conformance.py [path/to/spec.txt]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editor.core.render.commonmark_engine import CommonMarkEngine, CommonMarkOptions  # noqa: E402
from editor.core.render.conformance import hugo_outputs, score, score_against, spec_examples  # noqa: E402
from editor.core.render.markdown_pipeline import MarkdownPipeline  # noqa: E402
from editor.core.render.normalise import normalise_html  # noqa: E402

SPEC = Path(__file__).resolve().parents[2] / "shared" / "suites" / "commonmark" / "spec.txt"


def main() -> int:
    spec = Path(sys.argv[1]) if len(sys.argv) > 1 else SPEC
    if not spec.is_file():
        print(f"no CommonMark spec at {spec}", file=sys.stderr)
        return 2
    examples = spec_examples(spec)
    engines = [
        ("markdown-it, plain CommonMark", CommonMarkEngine(CommonMarkOptions())),
        ("markdown-it, goldmark defaults (Hugo)", CommonMarkEngine(CommonMarkOptions.goldmark())),
        ("Python-Markdown (the fallback pipeline)", MarkdownPipeline("hugo")),
    ]
    print(f"CommonMark spec {spec}: {len(examples)} examples")
    for name, engine in engines:
        started = time.perf_counter()
        passed, failed = score(engine, examples)
        took = time.perf_counter() - started
        print(f"  {name:42} {passed:4} / {len(examples)}  {100 * passed / len(examples):5.1f}%  ({took:.2f} s)")
    if shutil.which("hugo") is None:
        print("hugo is not installed: no comparison with Hugo's own output")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        expected = hugo_outputs(examples, Path(tmp))
    spec_like = sum(1 for e in examples if normalise_html(expected[e.number]) == normalise_html(e.html))
    print(f"Hugo 0.111 itself, as the spec says: {spec_like} / {len(examples)}")
    for name, engine in engines[1:]:
        passed, failed = score_against(engine, examples, expected)
        print(f"  {name:42} {passed:4} / {len(examples)}  {100 * passed / len(examples):5.1f}% equal to Hugo's output")
        if engine is engines[1][1]:
            print(f"    differ: {failed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
