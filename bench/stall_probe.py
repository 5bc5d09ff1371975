"""Where does the time go while typing? Stage timestamps and a stall finder.

    xvfb-run -a -s '-screen 0 1400x900x24' .venv/bin/python bench/stall_probe.py [8|205]

Launches the real app on the bench's generated post (bench_ui.generate), in
this process, and instruments it from outside its modules (wrappers on
instances and classes, nothing in the product changes):

1. Latency: 40 keys, 120 ms apart. For each, the time from the key to
   session.changed, submit to the render worker, render start / end in the
   worker, the patch handed to the view (and how long that call took on the
   UI thread), the page's "applied" callback and one animation frame.
   Medians per stage are printed.
2. Stalls: keys every 35 ms for 5 s with a 1 ms heartbeat timer on the UI
   thread. A watchdog thread wakes every 2 ms; when the heartbeat is more
   than 6 ms late it records the stacks of every Python thread (UI and
   workers), so a stall is attributed to what the UI thread was running or,
   when the UI thread shows no Python frame (Qt / Chromium work, or waiting
   for the GIL), to what the worker threads held. The watchdog needs the GIL
   too: a single long C call holding it delays the sample until it returns,
   which shows up as the sample landing *after* the call.

Not a test and not a benchmark figure: a tool to find causes.
"""

from __future__ import annotations

import collections
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_ui  # noqa: E402

now = time.monotonic


IDLE = ("threading.py:327 wait", "inotify_c.py:387 _check_inotify_fd", "threading.py:324 wait")


def short_stack(frame, limit: int = 14) -> str:
    # Cheap on purpose (no linecache): the watchdog must not become the load.
    out = []
    while frame is not None and len(out) < limit:
        code = frame.f_code
        out.append(f"{code.co_filename.rsplit('/', 1)[-1]}:{frame.f_lineno} {code.co_name}")
        frame = frame.f_back
    return " < ".join(out)


class Watchdog(threading.Thread):
    def __init__(self, main_ident: int, late_s: float = 0.006) -> None:
        super().__init__(daemon=True, name="stall-watchdog")
        self.main_ident = main_ident
        self.main_tid = threading.get_native_id()  # constructed on the UI thread
        self.late = late_s
        self.beat = now()
        self.samples: list[tuple[float, float, dict[str, str]]] = []  # (t, lateness, {thread: stack})
        self.active = False
        self._stop = False

    def run(self) -> None:
        names = {}
        while not self._stop:
            time.sleep(0.002)
            if not self.active:
                continue
            t = now()
            late = t - self.beat
            if late > self.late and (not self.samples or t - self.samples[-1][0] > 0.004):
                names = {th.ident: th.name for th in threading.enumerate()}
                stacks = {}
                for ident, frame in sys._current_frames().items():
                    if ident == threading.get_ident():
                        continue
                    name = "UI" if ident == self.main_ident else names.get(ident, str(ident))
                    stacks[name] = short_stack(frame)
                # Is the UI thread running C++ (R), or asleep (S) and on what?
                try:
                    st = open(f"/proc/self/task/{self.main_tid}/stat").read().rsplit(")", 1)[1].split()[0]
                    wchan = open(f"/proc/self/task/{self.main_tid}/wchan").read()
                    stacks["UI"] = f"[{st} {wchan}] " + stacks.get("UI", "")
                except OSError:
                    pass
                self.samples.append((t, late, stacks))

    def stop(self) -> None:
        self._stop = True


TIMED_APPLY = r"""(function () {
  // The page's own time per patch: galley.applyPatch (DOM work and the
  // synchronous layout its scroll anchoring forces).
  var apply = galley.applyPatch;
  window.__t = [];
  galley.applyPatch = function (patch) {
    var t0 = performance.now();
    var n = apply(patch);
    window.__t.push({ applyPatch: performance.now() - t0 });
    return n;
  };
})()"""


def cpu_snapshot() -> dict[str, float]:
    """CPU seconds of each thread of this process and of each descendant process."""
    tick = os.sysconf("SC_CLK_TCK")
    out: dict[str, float] = {}

    def stat(path):
        text = Path(path).read_text()
        name = text[text.index("(") + 1:text.rindex(")")]
        fields = text.rsplit(")", 1)[1].split()
        return name, (int(fields[11]) + int(fields[12])) / tick, int(fields[1])

    me = os.getpid()
    for task in Path(f"/proc/{me}/task").iterdir():
        try:
            name, cpu, _ = stat(task / "stat")
            out[f"thread {task.name} {name}"] = cpu
        except (OSError, ValueError):
            pass
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                name, cpu, ppid = stat(entry / "stat")
                parents[int(entry.name)] = (ppid, name, cpu)
            except (OSError, ValueError):
                pass
    todo = [me]
    while todo:
        p = todo.pop()
        for pid, (ppid, name, cpu) in parents.items():
            if ppid == p:
                todo.append(pid)
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
                kind = next((a.decode() for a in cmd if a.startswith(b"--type=")), "")
                out[f"process {pid} {name} {kind}"] = cpu
    return out


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 205
    tmp = Path(tempfile.mkdtemp())
    posts = bench_ui.make_site(tmp / "site")
    path = posts["8 KB" if size == 8 else "205 KB"]
    os.environ.setdefault("XDG_CONFIG_HOME", str(tmp))
    os.environ.setdefault("XDG_DATA_HOME", str(tmp))

    from editor.ui import launch
    from PySide6.QtCore import QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    import editor.core.render.incremental as inc

    marks: dict[int, dict[str, float]] = collections.defaultdict(dict)
    render_times: list[tuple[float, float, float]] = []  # start, end, converted
    orig_render = inc.IncrementalRenderer.render

    revision_of: dict[int, int] = {}  # id(request) -> revision, set by the submit wrapper

    def timed_render(self, request):
        t0 = now()
        out = orig_render(self, request)
        t1 = now()
        render_times.append((t0, t1, self.last_converted))
        rev = revision_of.get(id(request))
        if rev is not None:
            marks[rev]["render_start"], marks[rev]["render_end"] = t0, t1
        return out

    inc.IncrementalRenderer.render = timed_render
    if os.environ.get("PROBE_SWITCH"):  # experiment: a shorter GIL switch interval
        sys.setswitchinterval(float(os.environ["PROBE_SWITCH"]))

    # Python's collector: a full collection holds the GIL for its whole run,
    # on whichever thread triggered it.
    import gc

    gc_runs: list[tuple[float, float, int, str]] = []  # start, end, generation, thread
    gc_start = {}

    def on_gc(phase, info):
        if phase == "start":
            gc_start["t"] = now()
        else:
            gc_runs.append((gc_start.get("t", now()), now(), info["generation"], threading.current_thread().name))

    gc.callbacks.append(on_gc)

    win = launch([str(path)])
    editor = win.body_editor
    app = QApplication.instance()
    state = {"phase": "load", "rev": None}
    dog = Watchdog(threading.main_thread().ident)
    dog.start()

    def rev_now():
        return win.session.document.revision

    def on_changed(_c):
        marks[rev_now()]["changed"] = now()

    win.session.changed.connect(on_changed)
    orig_flush = editor._queued_flush

    def queued_flush():
        marks[rev_now() + 1]["flush"] = now()
        orig_flush()

    editor._queued_flush = queued_flush

    def instrument(view):
        if win.services.preview is None:  # the view may come before its controller
            return QTimer.singleShot(0, lambda: instrument(view))
        ctl = win.services.preview
        r = ctl.renderer
        orig_submit, orig_apply = r.submit, view.apply_patch

        def submit(revision, request, tag=None):
            marks[revision]["submit"] = now()
            revision_of[id(request)] = revision
            orig_submit(revision, request, tag)

        def apply_patch(revision, patch_json):
            t0 = now()
            marks[revision]["patch_call"] = t0
            orig_apply(revision, patch_json)
            marks[revision]["patch_call_end"] = now()
            marks[revision]["patch_bytes"] = len(patch_json.encode())

        r.submit = submit
        view.apply_patch = apply_patch
        r.rendered.connect(lambda revision, *_a: marks[revision].__setitem__("result_back", now()))

        ctl.previewUpdated.connect(on_applied)

    def on_applied(revision):
        marks[revision]["applied"] = now()
        if state["phase"] == "load" and "drawn" not in state:
            state["drawn"] = now()
            # Time the page's own work, step by step (a timed copy of applyPatch).
            win.preview.run_js(TIMED_APPLY)

            QTimer.singleShot(int(os.environ.get("PROBE_WAIT_MS", "300")), start_latency)  # as bench_ui does
        elif state["phase"] == "lat" and revision >= state["want"]:
            state["want"] = 1 << 60
            win.preview.run_js("document.body.offsetHeight; new Promise(r => requestAnimationFrame(r)); 1",
                               lambda _r, rev=revision: (marks[rev].__setitem__("frame", now()),
                                                         QTimer.singleShot(120, send_key)))

    win.previewInstalled.connect(instrument)
    keys: list[tuple[int, float]] = []

    def start_latency():
        state.update(phase="lat", n=0)
        bench_ui.caret_to_middle(editor)
        send_key()

    def send_key():
        state["n"] += 1
        if state["n"] > 40:
            return start_stall()
        t = now()
        QTest.keyClick(editor, Qt.Key.Key_A)
        state["want"] = rev_now() + 1
        keys.append((state["want"], t))

    def start_stall():
        state["phase"] = "stall"
        ticks = []
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(1)

        def tick():
            t = now()
            ticks.append(t)
            dog.beat = t

        timer.timeout.connect(tick)
        typer = QTimer()
        typer.setInterval(35)
        typer.timeout.connect(lambda: QTest.keyClick(editor, Qt.Key.Key_B))
        dog.beat = now()
        dog.active = True
        state["cpu0"] = cpu_snapshot()
        if os.environ.get("PROBE_PERF"):
            import subprocess
            state["perf"] = subprocess.Popen(["perf", "record", "-F", "999", "-g", "-o", os.environ["PROBE_PERF"],
                                              "-p", str(os.getpid()), "--", "sleep", "4.8"],
                                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t_start = now()
        n_render0 = len(render_times)
        timer.start()
        typer.start()

        def done():
            dog.active = False
            state["cpu1"] = cpu_snapshot()
            timer.stop()
            typer.stop()
            win.preview.run_js("JSON.stringify(window.__t || [])", lambda t: (
                report(ticks, t_start, n_render0, t), app.quit()))

        QTimer.singleShot(5000, done)
        state["timers"] = (timer, typer)

    def report(ticks, t_start, n_render0, page_times):
        import json
        print(f"\n== {size} KB post, load average {os.getloadavg()[0]:.2f}")
        pt = json.loads(page_times or "[]")
        if pt:
            print(f"page: applyPatch steps, median ms (n={len(pt)}, all phases):",
                  {k: round(statistics.median(t[k] for t in pt), 2) for k in pt[0]})
        stages = collections.defaultdict(list)
        for rev, t_key in keys:
            m = marks.get(rev, {})
            if "frame" not in m:
                continue
            prev = t_key
            for name in ("flush", "changed", "submit", "render_start", "render_end", "result_back", "patch_call", "patch_call_end", "applied", "frame"):
                if name in m:
                    stages[name].append((m[name] - t_key) * 1000)
            if "render_end" in m:
                stages["render_ms"].append((m["render_end"] - m["render_start"]) * 1000)
            stages["patch_bytes"].append(m.get("patch_bytes", 0))
        print("latency phase, medians (ms from key; n=%d):" % len(stages["frame"]))
        for name, xs in stages.items():
            if xs:
                print(f"  {name:16s} median {statistics.median(xs):8.1f}   max {max(xs):8.1f}")
        renders = render_times[n_render0:]
        if renders:
            d = [(b - a) * 1000 for a, b, _ in renders]
            print(f"stall phase: {len(renders)} renders, median {statistics.median(d):.1f} ms, max {max(d):.1f} ms")
        c0, c1 = state["cpu0"], state["cpu1"]
        print("CPU seconds during the 5 s stall phase (per thread / process):")
        for key in sorted(c1, key=lambda k: -(c1[k] - c0.get(k, 0))):
            used = c1[key] - c0.get(key, 0)
            if used > 0.02:
                print(f"  {used:6.2f}  {key}")
        runs = [(b - a, g, th) for a, b, g, th in gc_runs if a >= t_start]
        if runs:
            by_gen = collections.defaultdict(list)
            for d, g, th in runs:
                by_gen[g].append(d * 1000)
            print("gc during the stall phase:", {g: (len(v), round(max(v), 1)) for g, v in sorted(by_gen.items())},
                  "(generation: count, longest ms); threads:", collections.Counter(th for _, _, th in runs))
        gaps = sorted(((b - a) * 1000, a) for a, b in zip(ticks, ticks[1:]))
        print("longest UI gaps (ms, at s):", [(round(g, 1), round(a - t_start, 3)) for g, a in gaps[-8:]])
        # Group watchdog samples into stalls.
        stalls, cur = [], None
        for t, late, stacks in dog.samples:
            if cur is not None and t - cur["last"] < 0.004:
                cur["last"], cur["late"] = t, max(cur["late"], late)
                cur["samples"].append(stacks)
            else:
                cur = {"first": t, "last": t, "late": late, "samples": [stacks]}
                stalls.append(cur)
        stalls.sort(key=lambda s: -s["late"])
        print(f"\n{len(stalls)} stalls > 6 ms; worst first:")
        for s in stalls[:6]:
            print(f"-- stall up to {s['late'] * 1000:.1f} ms at {s['first'] - t_start:.3f} s, {len(s['samples'])} samples")
            seen = collections.Counter()
            for stacks in s["samples"]:
                for name, st in stacks.items():
                    if name.startswith(("Dummy", "QDBus", "stall")) or st.startswith(IDLE):
                        continue
                    seen[(name, st[:400])] += 1
            for (name, st), n in seen.most_common(6):
                print(f"   [{n}x] {name}: {st}")
        # Aggregate: what the UI thread was doing across all late samples.
        agg = collections.Counter()
        for _t, _l, stacks in dog.samples:
            agg[stacks.get("UI", "(no python frame)")[:300]] += 1
        print("\nUI thread in late samples (all stalls):")
        for st, n in agg.most_common(8):
            print(f"  {n:4d}  {st}")

    app.exec()
    dog.stop()


if __name__ == "__main__":
    main()
