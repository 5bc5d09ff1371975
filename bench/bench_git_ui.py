"""Git in the window on a 10,000-post site: time to the first git state shown, UI stalls while status runs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_git_ui.py [--posts N] [--runs 5]

Builds a site of N posts (bench_site.make_big_site) in a git repository, one
commit, then changes 50 posts. Each run starts the real window in a fresh
process on the newest post and records:
- first state: from `launch()` to the posts pane holding both the site's rows
  and their git states (the Git column filled), and
- stalls: once start-up has settled, status is read again 5 times
  (`GitOwner.refresh`, the same read as after a save or on focus) while a
  1 ms timer runs on the UI thread; the longest gap between its ticks from the
  refresh to the states being shown is the stall the writer could feel. The
  same timer, 150 ms idle before each read, gives the machine's own noise.
Medians over the runs (the worst of each run's stalls is reported too).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

REFRESHES = 5


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def make_repo(root: Path, posts: int) -> Path:
    from bench_site import make_big_site, newest_post

    site = make_big_site(root / "site", posts)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "config", "user.name", "Bench")
    _git(root, "config", "user.email", "bench@example.com")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "posts")
    for i, path in enumerate(sorted((site / "_posts").glob("*.md"))[:50]):
        path.write_text(path.read_text(encoding="utf-8") + f"\nchanged {i}\n", encoding="utf-8")
    return newest_post(site)


def child(post: str, out: str) -> None:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from editor.ui import launch

    events: dict = {"stalls": [], "idle": []}
    start = time.monotonic()
    win = launch([post])
    model = win.services.posts_list.model
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]
    worst = [0]
    beat = QTimer(interval=1)

    def tick() -> None:
        now = clock.elapsed()
        worst[0] = max(worst[0], now - last[0])
        last[0] = now

    beat.timeout.connect(tick)

    def first_state() -> None:
        if "git_states" not in events and model.git_states:
            events["git_states"] = time.monotonic() - start
        if "rows" not in events and model.rowCount() > 100:
            events["rows"] = time.monotonic() - start
        if "first_state" not in events and model.git_states and model.rowCount() > 100:
            events["first_state"] = time.monotonic() - start
            QTimer.singleShot(3000, refresh)  # start-up settles (preview, validation)

    model.dataChanged.connect(lambda *_a: first_state())
    model.modelReset.connect(first_state)
    model.rowsInserted.connect(lambda *_a: first_state())
    pending = [REFRESHES]

    def refresh() -> None:
        # The same timer for 150 ms with nothing asked of git: the machine's own noise.
        worst[0], last[0] = 0, clock.elapsed()
        beat.start()
        QTimer.singleShot(150, read)

    def read() -> None:
        tick()
        events["idle"].append(worst[0])
        owner = win.git.owner
        worst[0], last[0] = 0, clock.elapsed()
        owner.statusChanged.connect(shown)
        owner.refresh()

    def shown(_status) -> None:
        win.git.owner.statusChanged.disconnect(shown)
        # The pane's dataChanged ran in this same turn; one more turn paints it.
        QTimer.singleShot(0, done)

    def done() -> None:
        tick()
        beat.stop()
        events["stalls"].append(worst[0])
        pending[0] -= 1
        if pending[0]:
            QTimer.singleShot(200, refresh)
        else:
            Path(out).write_text(json.dumps(events))
            win.session.new()
            win.close()
            QApplication.instance().quit()

    QTimer.singleShot(120_000, QApplication.instance().quit)
    QApplication.instance().exec()


def run_child(post: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench_git_ui_") as tmp:
        out = Path(tmp) / "events.json"
        env = dict(os.environ, XDG_CONFIG_HOME=tmp, XDG_DATA_HOME=tmp, PYTHONPATH=str(ROOT))
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        proc = subprocess.run([sys.executable, __file__, "--child", str(post), str(out)], env=env,
                              capture_output=True, text=True, timeout=600)
        if not out.exists():
            sys.exit(f"the window exited ({proc.returncode}) before its figures:\n{proc.stderr[-3000:]}")
        return json.loads(out.read_text())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory(prefix="bench_git_ui_repo_") as tmp:
        post = make_repo(Path(tmp), args.posts)
        runs = [run_child(post) for _ in range(args.runs)]
    firsts = [r["first_state"] for r in runs]
    medians = [statistics.median(r["stalls"]) for r in runs]
    worsts = [max(r["stalls"]) for r in runs]
    idle = [max(r["idle"]) for r in runs]
    states = [r.get("git_states", float("nan")) for r in runs]
    rows = [r.get("rows", float("nan")) for r in runs]
    print(f"{args.posts} posts, 50 changed, {args.runs} runs (load {os.getloadavg()[0]:.1f}):")
    print(f"  launch -> first git state in the posts pane: median {statistics.median(firsts):.2f} s "
          f"(runs: {', '.join(f'{f:.2f}' for f in firsts)}); the states alone: median "
          f"{statistics.median(states):.2f} s, the site's rows: median {statistics.median(rows):.2f} s")
    print(f"  longest UI gap while status is read and shown ({REFRESHES} refreshes per run, 1 ms timer): "
          f"median {statistics.median(medians):.0f} ms, worst per run {', '.join(f'{w:.0f}' for w in worsts)} ms; "
          f"the same timer idle for 150 ms before each: worst per run {', '.join(f'{w:.0f}' for w in idle)} ms")


if __name__ == "__main__":
    main()
