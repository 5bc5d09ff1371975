"""Reading a big site under the window's watchers: events reaching Python, and read time.

    .venv/bin/python bench/bench_watch.py [--posts 10000] [--runs 3]

A site of N posts is made in a temp folder; the window's SiteWatcher (the
whole site) and FileWatcher (the open post's folder) watch it, as they do
while a post of that site is open. Every post is then read twice (what a
re-index or a linter does), one post is written, and the bench waits until
that write reaches the handlers: every event of the reads would have arrived
before it (one inotify queue). Printed: the callbacks the reads sent into
Python and the time the reads took, for the app's watchers (an event filter
asks the kernel only for writes, creations, deletions and moves) and for a
plain watchdog observer without a filter (what the watchers were before),
and with no watcher at all. Medians of --runs, with the machine's size.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def make_site(root: Path, posts: int) -> Path:
    folder = root / "_posts"
    folder.mkdir(parents=True)
    (root / "_config.yml").write_text("title: Big\n", encoding="utf-8")
    for i in range(posts):
        (folder / f"2024-01-01-post-{i}.md").write_text(
            f"---\ntitle: 글 {i}\ntags: [a, b]\n---\n본문 {i}\n", encoding="utf-8")
    return folder / "2024-01-01-post-0.md"


def read_everything(root: Path) -> None:
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            with open(os.path.join(dirpath, name), "rb") as f:
                f.read()


class Counter:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.events: list[str] = []

    def add(self, event) -> None:
        with self.lock:
            self.events.append(str(event.src_path))


def counted(handler_class, counter: Counter):
    original = handler_class.on_any_event

    def on_any_event(self, event):
        counter.add(event)
        original(self, event)

    handler_class.on_any_event = on_any_event
    return original


def one_run(root: Path, post: Path, mode: str, app) -> tuple[int, float]:
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    from editor.core.site.site import Site
    from editor.ui.disk import file_watcher
    from editor.ui.disk.file_watcher import FileWatcher, SiteWatcher

    counter = Counter()
    stops = []
    if mode == "app watchers":
        restore = [(cls, counted(cls, counter)) for cls in (file_watcher._SiteHandler, file_watcher._Handler)]
        site_watcher = SiteWatcher(quiet_ms=100)
        site_watcher.watch_site(Site.discover(root))
        watcher = FileWatcher()
        watcher.watch(post)
        stops += [site_watcher.close, watcher.close]
    elif mode == "no filter":
        restore = []

        class Plain(FileSystemEventHandler):
            def on_any_event(self, event):
                counter.add(event)

        observer = Observer()
        observer.schedule(Plain(), str(root), recursive=True)
        observer.start()
        stops.append(lambda: (observer.stop(), observer.join()))
    else:
        restore = []
    try:
        time.sleep(0.2)  # inotify watches are being added on the observer's thread
        start = time.perf_counter()
        read_everything(root)
        read_everything(root)
        elapsed = time.perf_counter() - start
        if mode == "no watcher":
            return 0, elapsed
        sentinel = root / "_posts" / f"2024-02-02-sentinel-{time.monotonic_ns()}.md"
        sentinel.write_text("---\ntitle: New\n---\n", encoding="utf-8")
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            app.processEvents()
            with counter.lock:
                if any(p == str(sentinel) for p in counter.events):
                    break
            time.sleep(0.01)
        with counter.lock:
            from_reads = [p for p in counter.events if not p.endswith(sentinel.name)]
        sentinel.unlink()
        return len(from_reads), elapsed
    finally:
        for stop in stops:
            stop()
        for cls, original in restore:
            cls.on_any_event = original


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance() or QCoreApplication([])
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; "
          f"{args.posts} posts read twice; medians of {args.runs} runs")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        post = make_site(root, args.posts)
        results: dict[str, list[tuple[int, float]]] = {m: [] for m in ("no watcher", "app watchers", "no filter")}
        for _ in range(args.runs):
            for mode in results:  # alternating, so drift in the machine's load hits all three
                results[mode].append(one_run(root, post, mode, app))
        for mode, rows in results.items():
            events = statistics.median(r[0] for r in rows)
            seconds = statistics.median(r[1] for r in rows)
            print(f"{mode:>13}: {events:>7.0f} callbacks from reads   reads took {seconds:.3f} s")


if __name__ == "__main__":
    main()
