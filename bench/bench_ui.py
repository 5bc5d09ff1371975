"""Window benchmarks: start-up, preview latency, typing latency, stalls, memory.

Run under a real X server (the numbers in issue 5 are taken on Xvfb):

    xvfb-run -a -s '-screen 0 1400x900x24' .venv/bin/python bench/bench_ui.py [--runs 3] [--post 205]

--startup takes only the start-up figures (quick, for many runs);
--against OTHER_CHECKOUT alternates runs of another checkout's app with
this one's (an A/B on the same machine); --settle drops the page cache
first (root), since how the kernel holds the Qt libraries moves PSS by
~80 MB (bench/page_cache.py; the line it prints says which state it found).

The parent process generates the posts (Korean text, code fences, tables; see
POSTS: the issue's 8 KB post, its 205 KB post with 70 fences and 70 tables,
and the denser 205 KB post measured before), starts the real app for each in a child process
(`--child`), and reads the child's event times. Times are CLOCK_MONOTONIC,
shared by both processes, so "process start" is the parent's clock just
before it spawns the child. Memory is the PSS of the child and all its
descendants (QtWebEngineProcess) from /proc/*/smaps_rollup, taken twice: right
after the last key of the typing test, and with the post open after the writer
has paused for 3 s (the preview page collects its garbage after 2 s of quiet,
PreviewView.GC_AFTER_MS); the second is the issue's "205 KB post open".

What each figure means:
- window mapped: the window's first Expose event (the X server mapped it).
- first paint: the end of the window's first paint pass, which paints the
  editor's text (a zero timer queued at the window's first Paint event).
- form fields shown: the form's fields built (they follow the first paint;
  a checkout that builds them before showing the window counts the first
  paint).
- preview drawn: the first patch applied in the page, then a forced layout
  and one animation frame in the page (the callback arrives after it).
- keystroke → preview: a key event sent to the editor until the patch of
  that revision is applied and the page has run a frame; median of 40.
- keystroke → character drawn: key event until the editor viewport's paint
  event for it has finished; median of 40.
- longest stall: a 1 ms timer on the UI thread while keys arrive every 35 ms
  for 5 s; the longest gap between ticks, minus 1 ms (with the 99th
  percentile gap and the number of gaps over one 16 ms frame, since one
  sample on a shared machine is mostly noise).
"""

from __future__ import annotations

# Only what the child needs before the app starts is imported here: the
# child is this script too, and everything it imports before `launch` would
# count as the app's start-up (json, random, statistics, subprocess and
# QtTest together were ~20 ms of it). The rest is imported where it is used.
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KOREAN = ("정적 사이트 생성기로 블로그를 운영하면 글을 마크다운으로 쓰고 깃으로 관리할 수 있습니다. "
          "미리보기는 독자가 보게 될 모습을 그대로 보여 주어야 합니다. ")


def generate(size: int, seed: int = 1, sections: int | None = None) -> str:
    """A Jekyll post of about `size` characters: sections of Korean text, a
    list, a Python fence and a table each. With `sections`, each section is
    padded with Korean paragraphs so the post has that many (the issue's
    205 KB post has 70 code fences and 70 tables)."""
    import random

    rnd = random.Random(seed)
    head = ('---\nlayout: post\ntitle: "벤치마크 글"\ndate: 2024-03-05 10:00:00 +0900\n'
            "categories: [개발]\ntags: [python, 벤치]\n---\n\n")
    per_section = size // sections if sections else 0
    parts, i = [head], 0
    while sum(len(p.encode()) if per_section else len(p) for p in parts) < size:
        i += 1
        section = (f"## 섹션 {i}\n\n{KOREAN * rnd.randint(2, 4)}\n\n"
                   f"- 항목 하나 {i}\n- 항목 둘 with *emphasis*\n\n"
                   f"```python\ndef f{i}(x):\n    return x * {i}  # 주석\n```\n\n"
                   f"| 이름 | 값 |\n|---|---|\n| a{i} | {i} |\n| b{i} | {i * 2} |\n\n"
                   f"{KOREAN}[링크](https://example.com/{i}) `code {i}`.\n\n")
        # One paragraph at a time, stopping half a paragraph short on average.
        while len(section.encode()) + len(KOREAN.encode()) // 2 < per_section:
            section += f"{KOREAN}\n\n"
        parts.append(section)
    text = "".join(parts)
    return text[:size] if len(text.encode()) <= size else text


#: The posts: label → (size in bytes, sections or None). "205 KB" is the
#: issue's post (70 fences, 70 tables); "205 KB dense" is the one measured
#: before 2026-11-25 (sections as short as the 8 KB post's: 194 fences and
#: tables), kept so figures stay comparable with earlier notes.
POSTS = {"8 KB": (8 * 1024, None), "205 KB": (205 * 1024, 70), "205 KB dense": (205 * 1024, None)}


#: The preview engine the children run (--engine).
ENGINE = "kramdown"


def make_site(tmp: Path, generator: str = "jekyll") -> dict[str, Path]:
    """The bench posts in a Jekyll site (`_posts`) or a Hugo site (`content/post`)."""
    if generator == "hugo":
        folder = tmp / "content" / "post"
        folder.mkdir(parents=True)
        (tmp / "hugo.toml").write_text('title = "Bench"\nbaseURL = "https://example.org/"\n', encoding="utf-8")
    else:
        folder = tmp / "_posts"
        folder.mkdir(parents=True)
        (tmp / "_config.yml").write_text("title: Bench\n", encoding="utf-8")
    posts = {}
    for label, (size, sections) in POSTS.items():
        text = generate(size, sections=sections)
        # Korean is 3 bytes per character in UTF-8: trim by bytes.
        data = text.encode("utf-8")
        while len(data) > size:
            text = text[: -(len(data) - size) // 3 - 1]
            data = text.encode("utf-8")
        slug = label.replace(" ", "-").lower()
        path = folder / f"2024-03-05-bench-{slug}.md"
        path.write_text(text, encoding="utf-8")
        posts[label] = path
    return posts


# -- the child: the real app, instrumented from outside its modules ------------------

def caret_to_middle(editor) -> None:
    """Put the caret at the start of the post's middle line and focus the editor
    (the typing tests type there: a block in the middle of a long page)."""
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(editor.blockCount() // 2).position())
    editor.setTextCursor(cursor)
    editor.setFocus()


def child(path: str, out: str, startup_only: bool = False) -> None:
    events: dict = {}
    from editor.ui import launch  # noqa: E402 - timed: part of start-up
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    QTest = None  # imported once the start-up figures are taken (see the imports above)

    class Watch(QObject):
        def __init__(self):
            super().__init__()
            self.painted_at = None
            self.first_paint_seen = False

        def eventFilter(self, obj, ev):  # noqa: N802
            if ev.type() == QEvent.Type.Expose and "mapped" not in events:
                events["mapped"] = time.monotonic()
            if ev.type() == QEvent.Type.Paint and obj is win and not self.first_paint_seen:
                # Queued now, so it runs after this paint pass (which paints
                # the editor too) has reached the screen, and before the
                # window's own firstShown timer and what hangs on it.
                self.first_paint_seen = True
                QTimer.singleShot(0, lambda: events.setdefault("painted", time.monotonic()))
            if ev.type() == QEvent.Type.Paint and obj is editor_viewport:
                obj.removeEventFilter(self)
                obj.event(ev)  # paint now, so we can time its end
                obj.installEventFilter(self)
                self.painted_at = time.monotonic()
                return True
            return False

    watch = Watch()
    app_window = None

    def on_window(win):
        nonlocal app_window
        app_window = win

    win = launch([path])
    if win.windowHandle() is not None:
        win.windowHandle().installEventFilter(watch)
    # The window's first paint pass (which paints the editor's text), and the
    # form's fields, built after it. Not an event filter on editor.viewport()
    # before the first paint: PySide's first viewport() call costs ~10 ms and
    # would be timed as start-up.
    win.installEventFilter(watch)
    form = win.form_panel.form
    if getattr(form, "held", False):  # fields made after the first paint; timed once painted
        form.rebuilt.connect(lambda: QTimer.singleShot(0, lambda: events.setdefault("form", time.monotonic())))
    else:  # (a checkout that builds them before showing the window)
        win.firstShown.connect(lambda: events.setdefault("form", events["painted"]))
    editor = win.body_editor
    editor_viewport = None  # watched from the typing test on
    app = QApplication.instance()
    state = {"phase": "load"}

    def frame_then(callback):
        # Run after the page has laid out and produced a frame.
        win.preview.run_js("document.body.offsetHeight; new Promise(r => requestAnimationFrame(r)); 1",
                           lambda _r: callback())

    def on_patch(revision):
        if state["phase"] == "load" and "preview_drawn" not in events:
            frame_then(lambda: (events.__setitem__("preview_drawn", time.monotonic()),
                                QTimer.singleShot(300, start_typing if not startup_only else startup_done)))
        elif state["phase"] == "type" and revision >= state.get("want", 1 << 60):
            state["want"] = 1 << 60
            frame_then(lambda: (state["lat"].append(time.monotonic() - state["sent"]), next_key_later()))

    def attach(view):
        # The view's own signal: the window may install the view before it
        # creates the controller that feeds it (start-up order is app.py's).
        view.patchApplied.connect(on_patch)

    win.previewInstalled.connect(attach)

    def startup_done():
        import json

        Path(out).write_text(json.dumps(events))
        print("TYPED", flush=True)
        print("READY", flush=True)

    def start_typing():
        nonlocal QTest
        from PySide6.QtTest import QTest

        nonlocal editor_viewport
        editor_viewport = editor.viewport()
        editor_viewport.installEventFilter(watch)
        state.update(phase="type", lat=[], draw=[], n=0)
        caret_to_middle(editor)
        send_key()

    def send_key():
        state["n"] += 1
        if state["n"] > 40:
            return stall_test()
        watch.painted_at = None
        state["sent"] = time.monotonic()
        QTest.keyClick(editor, Qt.Key.Key_A)
        state["want"] = win.session.document.revision + 1
        QTimer.singleShot(0, check_paint)

    def check_paint():
        if watch.painted_at is not None:
            state["draw"].append(watch.painted_at - state["sent"])
        else:
            QTimer.singleShot(1, check_paint)

    def next_key_later():
        QTimer.singleShot(120, send_key)

    def stall_test():
        state["phase"] = "stall"
        ticks = []
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(1)
        timer.timeout.connect(lambda: ticks.append(time.monotonic()))
        typer = QTimer()
        typer.setInterval(35)
        typer.timeout.connect(lambda: QTest.keyClick(editor, Qt.Key.Key_B))
        timer.start()
        typer.start()

        def done():
            timer.stop()
            typer.stop()
            gaps = [b - a for a, b in zip(ticks, ticks[1:])]
            events["stall_max"] = max(gaps) - 0.001 if gaps else None
            # The longest gap is one sample, and on a shared 2-core machine a
            # single scheduling hiccup decides it: the tail is shown beside it.
            events["stall_p99"] = sorted(gaps)[int(len(gaps) * 0.99)] - 0.001 if gaps else None
            events["stalls_over_16ms"] = sum(g - 0.001 > 0.016 for g in gaps)
            events["keystroke_preview"] = state["lat"]
            events["keystroke_draw"] = state["draw"]
            events["render_worker_last_s"] = win.services.preview.renderer.last_seconds
            import json

            Path(out).write_text(json.dumps(events))
            print("TYPED", flush=True)  # the parent measures memory now...
            # ...and once more after a pause, when the page has collected.
            QTimer.singleShot(3000, lambda: print("READY", flush=True))

        QTimer.singleShot(5000, done)
        state["timer"], state["typer"] = timer, typer

    app.exec()


# -- the parent ---------------------------------------------------------------------

def pss_tree(pid: int) -> float:
    """PSS (MB) of `pid` and its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def run_one(path: Path, startup_only: bool = False, script: str = __file__,
            python: str = sys.executable) -> dict:
    import json
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "events.json"
        env = dict(os.environ, XDG_CONFIG_HOME=tmp, XDG_DATA_HOME=tmp)  # fresh settings, no recovery copies left behind
        if ENGINE == "python-markdown":
            env["GALLEY_KRAMDOWN"] = "0"  # a Jekyll site on the fallback, as without Ruby
        start = time.monotonic()
        errors = open(Path(tmp) / "stderr.txt", "w+")
        proc = subprocess.Popen([python, script, "--child", str(path), str(out)]
                                + (["--startup"] if startup_only else []),
                                stdout=subprocess.PIPE, stderr=errors, env=env, text=True,
                                start_new_session=True)
        line = proc.stdout.readline()
        pss_typing = pss_tree(proc.pid) if line.startswith("TYPED") else float("nan")
        line = proc.stdout.readline()
        pss = pss_tree(proc.pid) if line.startswith("READY") else float("nan")
        proc.kill()
        code = proc.wait()
        if not out.exists():  # the app died before it had its figures: say how
            errors.seek(0)
            tail = [ln for ln in errors.read().splitlines() if not ln.startswith("[")][-15:]
            sys.exit(f"{script} on {path.name}: the app exited ({code}) before the preview was drawn:\n"
                     + "\n".join(tail))
        errors.close()
        events = json.loads(out.read_text())
        events["start"] = start
        events["pss_mb"] = pss
        events["pss_typing_mb"] = pss_typing
        return events


def summarise(runs: list[dict]) -> dict[str, float]:
    """One run's figures, in seconds or MB; medians over `runs` when there are several."""
    import statistics

    def one(e: dict) -> dict[str, float]:
        start = {k: e[k] - e["start"] for k in ("mapped", "painted", "form")}
        start["drawn"] = e["preview_drawn"] - e["start"]
        if "keystroke_preview" not in e:  # --startup
            return start
        lat = sorted(e["keystroke_preview"])
        return {**start, "key_preview": statistics.median(lat), "key_preview_p90": lat[int(len(lat) * .9)],
                "key_draw": statistics.median(e["keystroke_draw"]), "stall": e["stall_max"],
                "stall_p99": e["stall_p99"], "stalls": e["stalls_over_16ms"],
                "pss": e["pss_mb"], "pss_typing": e["pss_typing_mb"]}
    figures = [one(e) for e in runs]
    return {k: statistics.median(f[k] for f in figures) for k in figures[0]}


def main() -> None:
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per post; figures are medians")
    parser.add_argument("--post", choices=("8", "205", "205-dense"), help="only this post")
    parser.add_argument("--engine", choices=("kramdown", "python-markdown", "markdown-it"), default="kramdown",
                        help="the preview's engine: a Jekyll site with kramdown (Ruby's, when installed) or "
                             "on the Python-Markdown fallback, or a Hugo site (markdown-it)")
    parser.add_argument("--startup", action="store_true",
                        help="only the two start-up figures (each run quits once the preview is drawn)")
    parser.add_argument("--against", metavar="CHECKOUT",
                        help="another checkout of Galley (e.g. a git worktree of main): its runs "
                             "alternate with this one's, so both see the same machine")
    parser.add_argument("--against-python", metavar="PYTHON", default=sys.executable,
                        help="the interpreter for --against's runs (its own venv, e.g. when the "
                             "two checkouts pin different Qt bindings); default: this one")
    parser.add_argument("--settle", action="store_true",
                        help="drop the page cache first (root), then one warm-up start: the Qt "
                             "libraries are then held as after a reboot, not as pip wrote them "
                             "(see bench/page_cache.py: it changes PSS by ~80 MB)")
    args = parser.parse_args()
    global ENGINE
    ENGINE = args.engine
    if not os.environ.get("DISPLAY"):
        sys.exit("run under X: xvfb-run -a -s '-screen 0 1400x900x24' python bench/bench_ui.py")
    import page_cache

    print(f"machine: {os.cpu_count()} CPUs, {_memory_gib():.0f} GiB, display {os.environ['DISPLAY']}, "
          f"load average {os.getloadavg()[0]:.1f} (other work on the machine inflates every figure)"
          + (f"; medians of {args.runs} runs" if args.runs > 1 else ""))
    with tempfile.TemporaryDirectory() as tmp:
        posts = make_site(Path(tmp) / "site", "hugo" if args.engine == "markdown-it" else "jekyll")
        print(f"engine: {args.engine}")
        if args.settle:
            if not page_cache.settle():
                sys.exit("--settle needs root (it writes /proc/sys/vm/drop_caches)")
            run_one(next(iter(posts.values())), startup_only=True)  # reads the libraries back
        print(page_cache.describe(page_cache.qt_libraries()))
        for label, path in posts.items():
            if args.post and label.replace(" KB", "").replace(" ", "-") != args.post:
                continue
            scripts = [__file__] + ([str(Path(args.against).resolve() / "bench" / "bench_ui.py")]
                                    if args.against else [])
            results: dict[str, list[dict]] = {s: [] for s in scripts}
            for _ in range(args.runs):
                for script in scripts:  # alternating: drift in the machine's load hits both
                    python = args.against_python if script != __file__ else sys.executable
                    results[script].append(run_one(path, args.startup, script, python))
            for script in scripts:
                f = summarise(results[script])
                print(f"\n== {label} post ({path.stat().st_size / 1024:.0f} KB)"
                      + (f", {Path(script).parents[1]}" if args.against else ""))
                print(f"process start → first window mapped   {f['mapped']:.3f} s")
                print(f"process start → first paint (text)    {f['painted']:.3f} s")
                print(f"process start → form fields shown     {f['form']:.3f} s")
                print(f"process start → preview fully drawn   {f['drawn']:.3f} s")
                if not args.startup:
                    print_rest(f)


def _memory_gib() -> float:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30


def print_rest(f: dict[str, float]) -> None:
    """The typing and memory figures of one post."""
    print(f"keystroke → preview updated (median)  {f['key_preview'] * 1000:.1f} ms"
          f"  (p90 {f['key_preview_p90'] * 1000:.1f}, n=40)")
    print(f"keystroke → character drawn (median)  {f['key_draw'] * 1000:.1f} ms")
    print(f"longest UI-thread stall while typing  {f['stall'] * 1000:.1f} ms"
          f"  (p99 gap {f['stall_p99'] * 1000:.1f} ms, {f['stalls']:.0f} gaps > 16 ms in 5 s)")
    print(f"PSS of the process tree, post open    {f['pss']:.0f} MB"
          f"  (right after typing: {f['pss_typing']:.0f} MB)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], startup_only="--startup" in sys.argv[4:])
    else:
        main()
