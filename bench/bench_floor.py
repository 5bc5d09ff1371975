"""What the stack itself costs before Galley does anything: the floor under
bench_ui.py's start-up figures.

Starts, in fresh processes, the smallest PySide6 programs that do what
Galley's start-up must do, and times them from outside the same way
bench_ui.py does (CLOCK_MONOTONIC in the parent just before the spawn):

- window: `from PySide6.QtWidgets import ...`, a QApplication, a
  QPlainTextEdit with one line, shown: process start → its first paint.
- preview: the same plus a QWebEngineView showing a one-paragraph page:
  process start → the page has loaded and produced a frame.
- python: the interpreter alone (`python -c pass`).

Both Qt programs run with the environment Galley gives the engine
(editor.ui.platform.engine_env). Medians of --runs (default 7), with the machine's size.

    xvfb-run -a -s '-screen 0 1400x900x24' .venv/bin/python bench/bench_floor.py
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WINDOW = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit
app = QApplication(sys.argv[:1])
editor = QPlainTextEdit()
editor.setPlainText("정적 사이트 생성기로 블로그를 운영합니다.")
class Watch(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print(time.monotonic(), flush=True)
            QTimer.singleShot(0, app.quit)
        return False
watch = Watch()
editor.viewport().installEventFilter(watch)
editor.resize(900, 600)
editor.show()
app.exec()
"""

PREVIEW = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
view = QWebEngineView()
def loaded(ok):
    view.page().runJavaScript(
        "document.body.offsetHeight; new Promise(r => requestAnimationFrame(r)); 1", 0,
        lambda _r: (print(time.monotonic(), flush=True), QTimer.singleShot(0, app.quit)))
view.loadFinished.connect(loaded)
view.setHtml("<!doctype html><meta charset=utf-8><p>정적 사이트 생성기로 블로그를 운영합니다.</p>")
view.resize(900, 600)
view.show()
app.exec()
"""


def engine_environment() -> dict[str, str]:
    sys.path.insert(0, str(ROOT))
    from editor.ui.platform import engine_env

    env = dict(os.environ)
    engine_env.configure(env)
    return env


def time_program(source: str, env: dict[str, str]) -> float:
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-c", source], env=env, capture_output=True, text=True,
                         timeout=60, check=True).stdout.split()
    return float(out[-1]) - start


def time_python(env: dict[str, str]) -> float:
    start = time.monotonic()
    subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
    return time.monotonic() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        sys.exit("run under X: xvfb-run -a -s '-screen 0 1400x900x24' python bench/bench_floor.py")
    env = engine_environment()
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; medians of {args.runs}")
    rows = (("python alone: start → exit", lambda: time_python(env)),
            ("bare PySide6 window: start → first paint", lambda: time_program(WINDOW, env)),
            ("bare QWebEngineView: start → page drawn", lambda: time_program(PREVIEW, env)))
    for label, run in rows:
        run()  # warm the file cache
        times = [run() for _ in range(args.runs)]
        print(f"{label:44s} {statistics.median(times):.3f} s  (min {min(times):.3f})")


if __name__ == "__main__":
    main()
