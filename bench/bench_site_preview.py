"""Site mode: the site's own generator beside the fast preview, timed.

    xvfb-run -a -s '-screen 0 1400x900x24' .venv/bin/python bench/bench_site_preview.py [--runs 3] [--shot out.png]

On a copy of the example site (examples/site), on a generated 1,000-post
Jekyll site (bench_site.make_big_site) and on the same posts in a Hugo site,
each in a child process running the real window on the newest post:
- switch -> page: Site clicked until the post's page from the server has
  loaded in the view (the server's start and first build included);
- save -> page: a line appended and saved, until the page shows it (the
  generator's rebuild and the view's reload included); median of --runs;
- server memory: resident memory of the server's whole process group, after
  the saves.
`--shot` saves a screenshot of the window in Site mode (the example site).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def rss_of_group(pgid: int) -> int:
    from editor.core.processes import tree_members as group_members

    total = 0
    for pid in group_members(pgid):
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def child(post: str, out: str, runs: int, shot: str) -> None:
    import os

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from editor.ui import launch
    from editor.ui.settings import Settings

    tmp = Path(tempfile.mkdtemp())
    os.environ["XDG_RUNTIME_DIR"] = str(tmp / "run")
    win = launch([post], settings=Settings.at(tmp / "s.ini"), recovery_dir=tmp / "recovery")
    app = QApplication.instance()

    def wait(cond, timeout=120.0):
        end = time.monotonic() + timeout
        while not cond():
            if time.monotonic() > end:
                raise TimeoutError
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.002)

    def text(view) -> str:
        box: list = []
        view.page().runJavaScript("document.body ? document.body.innerText : ''", 0, box.append)
        wait(lambda: bool(box), 10)
        return box[0] or ""

    wait(lambda: getattr(win, "site_preview", None) is not None and win.services.site.current is not None)
    mode = win.site_preview
    shown: list = []
    mode.pageShown.connect(lambda url: shown.append(time.perf_counter()))
    t0 = time.perf_counter()
    mode.bar.site.click()
    wait(lambda: bool(shown))
    switch_ms = (shown[0] - t0) * 1000
    saves = []
    for i in range(runs):
        marker = f"Galley bench marker {i} {time.time_ns()}"
        cursor = win.body_editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText(f"\n\n{marker}\n")
        t0 = time.perf_counter()
        win.save(force=True)
        wait(lambda: marker in text(mode.view))
        saves.append((time.perf_counter() - t0) * 1000)
    rss = rss_of_group(mode.server.pid)
    if shot:
        QTimer.singleShot(0, lambda: None)
        end = time.monotonic() + 1.0
        while time.monotonic() < end:
            app.processEvents()
        win.grab().save(shot)
    Path(out).write_text(json.dumps({"switch_ms": switch_ms, "save_ms": saves, "rss": rss}))
    win.session.flush()
    win.session.new()
    win.close()


def measure(post: Path, runs: int, shot: str = "") -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        out = f.name
    subprocess.run([sys.executable, __file__, "--child", str(post), out, str(runs), shot], check=True, timeout=600)
    return json.loads(Path(out).read_text())


def make_hugo_site(root: Path, n: int) -> Path:
    """A Hugo site of `n` posts (bench_index's posts, YAML front matter as Hugo reads it)."""
    import random

    from bench_index import make_post

    rng = random.Random(42)
    (root / "content" / "posts").mkdir(parents=True)
    (root / "layouts" / "_default").mkdir(parents=True)
    (root / "hugo.toml").write_text('baseURL = "http://example.org/"\ntitle = "bench"\n')
    (root / "layouts" / "_default" / "single.html").write_text(
        "<html><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n")
    for i in range(n):
        (root / "content" / "posts" / f"post-{i:04d}.md").write_text(make_post(rng, i), encoding="utf-8")
    return root


def main() -> None:
    from bench_site import make_big_site, newest_post

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shot", default="")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp())
    small = work / "example"
    shutil.copytree(ROOT / "examples" / "site", small)
    big = make_big_site(work / "big", n=1000)
    hugo = make_hugo_site(work / "hugo", n=1000)
    sites = (("example site", newest_post(small)), ("1,000 posts", newest_post(big)),
             ("Hugo, 1,000", hugo / "content" / "posts" / "post-0999.md"))
    for name, post in sites:
        result = measure(post, args.runs, args.shot if name == "example site" else "")
        print(f"{name:>14}: switch -> page {result['switch_ms']:7.0f} ms; save -> page median "
              f"{statistics.median(result['save_ms']):6.0f} ms (runs {', '.join(f'{v:.0f}' for v in result['save_ms'])}); "
              f"server memory {result['rss'] / 2**20:6.1f} MB")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5] if len(sys.argv) > 5 else "")
    else:
        main()
