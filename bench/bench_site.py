"""The site workspace on a big site, side by side with the small example site.

    xvfb-run -a -s '-screen 0 1400x900x24' .venv/bin/python bench/bench_site.py [--runs 3]

Generates a 10,000-post Jekyll site (bench_index's posts) and, in the same
run, takes the example site (examples/site). For each, the real window is
started in a child process as `galley POST` starts it (the newest post), and
the child reports, from process start:
- first paint: the window's first paint pass;
- first rows: the posts pane shows its first row;
- every row in: the last batch of rows reached the pane (the list is whole);
- site open: every row in and the site's facts derived (schema, vocabulary,
  what validation needs: ~0.2-0.4 s more on the big site);
then, in the running window:
- filtering: one key typed in the pane's filter box, until the key's events
  (the filter included) are processed; median of 24 keys;
- disk -> row: a post written (added, then changed) in `_posts/` by this
  process, until its row is in the pane; and the longest gap of a 1 ms
  heartbeat timer on the UI thread from the write until a second after the
  row (what the site's re-derivation costs the UI meanwhile).
The index's memory (summaries, their cache and the pane's rows) is measured
in this process with tracemalloc on the big site.
Targets (the site workspace issue): first paint big <= 1.1 x small, filtering
<= 16 ms, disk -> row <= 300 ms with no stall over 16 ms, index <= 50 MB.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

BIG = 10_000
KEYS = "post 12 jekyll 개발"  # Korean through an input-method commit, the rest as keys


def make_big_site(root: Path, n: int = BIG) -> Path:
    from bench_index import make_post

    rng = random.Random(42)
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: bench\n", encoding="utf-8")
    for i in range(n):
        day = f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        (root / "_posts" / f"{day}-post-{i}.md").write_text(make_post(rng, i), encoding="utf-8")
    return root


def newest_post(root: Path) -> Path:
    return max((root / "_posts").glob("*.md"), key=lambda p: p.name)


# -- the child: the real window ------------------------------------------------------


def child(post: str, out: str) -> None:
    events: dict = {"filter_ms": [], "row_ms": [], "stall_ms": []}
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from editor.ui import launch

    class Watch(QObject):
        seen = False

        def eventFilter(self, obj, ev):  # noqa: N802
            if ev.type() == QEvent.Type.Paint and obj is win and not self.seen:
                self.seen = True
                QTimer.singleShot(0, lambda: events.setdefault("painted", time.monotonic()))
            return False

    watch = Watch()
    win = launch([post])
    win.installEventFilter(watch)
    posts, site = win.services.posts_list, win.services.site
    posts.model.rowsInserted.connect(lambda *a: events.setdefault("first_rows", time.monotonic()))
    posts.model.modelReset.connect(lambda: posts.model.rowCount() and events.setdefault("first_rows", time.monotonic()))
    app = QApplication.instance()
    folder = Path(post).parent

    def indexed(_model) -> None:
        if "indexed" not in events:
            events["indexed"] = time.monotonic()
            QTimer.singleShot(1500, filtering)  # the watcher and the rest of start-up settle

    site.siteOpened.connect(indexed)
    site.postsIndexed.connect(lambda _m, _rows, done, total, _full: done == total
                              and events.setdefault("all_rows", time.monotonic()))
    win.previewInstalled.connect(lambda: win.services.preview.previewUpdated.connect(
        lambda *_a: events.setdefault("preview", time.monotonic())))

    def filtering() -> None:
        from PySide6.QtTest import QTest

        from tests.ui.conftest import commit_text

        posts.parentWidget().show()
        box = posts.filter_box
        box.setFocus()
        for _ in range(2):
            box.clear()
            app.processEvents()
            for ch in KEYS:
                start = time.perf_counter()
                if ch.isascii():
                    QTest.keyClick(box, ch)
                else:
                    commit_text(box, ch)
                app.processEvents()
                events["filter_ms"].append((time.perf_counter() - start) * 1000)
        box.clear()
        app.processEvents()
        QTimer.singleShot(300, lambda: disk(0))

    beats: list[float] = []
    heartbeat = QTimer(interval=1)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))

    def disk(i: int) -> None:
        if i == 6:
            Path(out).write_text(json.dumps(events))
            win.session.new()
            win.close()
            app.quit()
            return
        path = folder / f"2030-01-0{1 + i // 2}-bench-{i // 2}.md"
        title = f"Bench {i // 2}" + (" changed" if i % 2 else "")
        beats.clear()
        heartbeat.start()
        written = time.perf_counter()
        path.write_text(f"---\ntitle: {title}\n---\nbody\n", encoding="utf-8")

        def look() -> None:
            row = posts.model.row_of_path(str(path))
            if row >= 0 and posts.model.rows[row].title == title:
                events["row_ms"].append((time.perf_counter() - written) * 1000)
                QTimer.singleShot(1000, finish)
            else:
                QTimer.singleShot(2, look)

        def finish() -> None:
            heartbeat.stop()
            gaps = [b - a for a, b in zip(beats, beats[1:])]
            events["stall_ms"].append(max(gaps, default=0) * 1000)
            QTimer.singleShot(200, lambda: disk(i + 1))

        look()

    app.exec()


def run_child(post: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "events.json"
        env = dict(os.environ, XDG_CONFIG_HOME=tmp, XDG_DATA_HOME=tmp, PYTHONPATH=str(ROOT))
        start = time.monotonic()
        proc = subprocess.run([sys.executable, __file__, "--child", str(post), str(out)], env=env,
                              capture_output=True, text=True, timeout=600)
        if not out.exists():
            sys.exit(f"the window exited ({proc.returncode}) before its figures:\n{proc.stderr[-3000:]}")
        events = json.loads(out.read_text())
    for name in ("painted", "first_rows", "all_rows", "indexed", "preview"):
        events[name] = events[name] - start if name in events else float("nan")
    return events


def index_memory(root: Path) -> tuple[float, float]:
    """MB held by the open site's index and rows, then with its derived facts."""
    import tracemalloc

    from editor.core.site.model import OpenSite
    from editor.ui.site.site_owner import _SiteFacts

    tracemalloc.start()
    model = OpenSite.open(root)
    rows = model.rows
    index_mb = tracemalloc.get_traced_memory()[0] / 1e6
    del model, rows
    tracemalloc.stop()
    tracemalloc.start()
    model = OpenSite.open(root, _SiteFacts())  # the facts and what keeps them current
    rows = model.rows
    full_mb = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    del model, rows
    return index_mb, full_mb


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        sys.exit("run under X: xvfb-run -a -s '-screen 0 1400x900x24' python bench/bench_site.py")
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(f"machine: {os.cpu_count()} CPUs, {memory:.0f} GiB, load average {os.getloadavg()[0]:.1f}; "
          f"medians of {args.runs} runs")
    with tempfile.TemporaryDirectory() as tmp:
        import shutil

        small = Path(tmp) / "small"
        shutil.copytree(ROOT / "examples" / "site", small)
        big = make_big_site(Path(tmp) / "big")
        sites = {"example site": small, f"{BIG:,} posts": big}
        results: dict[str, list[dict]] = {k: [] for k in sites}
        for _ in range(args.runs):
            for label, root in sites.items():  # alternating: drift in the load hits both
                results[label].append(run_child(newest_post(root)))
                for extra in (root / "_posts").glob("2030-*-bench-*.md"):
                    extra.unlink()
        index_mb, full_mb = index_memory(big)

    def med(label, key):
        values = [v for r in results[label] for v in (r[key] if isinstance(r[key], list) else [r[key]])]
        return statistics.median(values)

    def worst(label, key):
        return max(v for r in results[label] for v in r[key])

    labels = list(sites)
    print(f"\n{'':34}" + "".join(f"{label:>16}" for label in labels))
    for name, key, unit in (("first paint", "painted", "s"), ("first rows shown", "first_rows", "s"),
                            ("every row in", "all_rows", "s"), ("site open (facts derived)", "indexed", "s"),
                            ("preview shown", "preview", "s")):
        print(f"{name:34}" + "".join(f"{med(label, key):>15.3f}{unit}" for label in labels))
    print(f"{'filter per keystroke (median)':34}" + "".join(f"{med(l, 'filter_ms'):>14.1f}ms" for l in labels))
    print(f"{'filter per keystroke (worst)':34}" + "".join(f"{worst(l, 'filter_ms'):>14.1f}ms" for l in labels))
    print(f"{'post on disk -> row (median)':34}" + "".join(f"{med(l, 'row_ms'):>14.0f}ms" for l in labels))
    print(f"{'post on disk -> row (worst)':34}" + "".join(f"{worst(l, 'row_ms'):>14.0f}ms" for l in labels))
    print(f"{'longest UI stall meanwhile (med)':34}" + "".join(f"{med(l, 'stall_ms'):>14.1f}ms" for l in labels))
    print(f"{'longest UI stall meanwhile (worst)':34}" + "".join(f"{worst(l, 'stall_ms'):>14.1f}ms" for l in labels))
    print(f"\nfirst paint ratio big / small: {med(labels[1], 'painted') / med(labels[0], 'painted'):.2f} (target <= 1.1)")
    print(f"index memory, {BIG:,} posts (tracemalloc): {index_mb:.1f} MB summaries + rows; "
          f"{full_mb:.1f} MB with the derived facts (target <= 50 MB)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        main()
