"""Galley and two peer editors, measured the same way, from outside.

    bash bench/install-peers.sh      # once: the peers and python-xlib
    xvfb-run -a -s '-screen 0 1400x900x24' .venv/bin/python bench/bench_peers.py \\
        [--runs N] [--post 8|205|205-dense] [--only galley|ghostwriter|retext] [--startup] [--shots DIR] [--settle]

The peers are Debian's: ghostwriter 2.1.6 (C++, Qt 5, cmark-gfm, QtWebEngine
preview) and ReText 8.0.0 (PyQt 6, Python-Markdown in a converter process,
its QtWebEngine preview). Galley is `.venv/bin/python -m editor POST`. Every
program is a black box here: this script only starts it, talks to the X
server, and reads /proc. bench_ui.py measures Galley from inside its process.

Runs interleave: run i of every program before run i + 1 of any, in an
order that turns each round; after a run the whole process session of the
program must have exited, then peer_session.SETTLE_S passes, before the
next starts.

Each run starts the program on a fresh copy of bench_ui's posts (make_site:
the 8 KB Korean post and the issue's 205 KB post with 70 fences and 70
tables), with HOME, XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME and
XDG_RUNTIME_DIR in a new temp dir holding only a pre-written config, so no
first-run dialog, restored session or earlier run's cache plays a part:
ghostwriter `[Preview] htmlPreviewOpen=true` (its default too) and `[Session]
restoreSession=false`; ReText `[General] useWebEngine=true` and
`defaultPreviewState=live-preview` (editor and preview side by side); Galley
its defaults. Running as root, Chromium refuses to start with its sandbox, so
the peers get QTWEBENGINE_DISABLE_SANDBOX=1 and nothing else; Galley sets its
own engine flags (editor/ui/platform/engine_env.py). Chromium's other defaults differ
(the peers keep the zygote and a GPU process on Mesa's llvmpipe): that is how
each program runs.

Clocks: "process start" is CLOCK_MONOTONIC just before the spawn. Pixel
changes are timed by the X server: a DAMAGE object on the root window reports
every drawing operation, stamped with the server's millisecond clock, which
on Xvfb is CLOCK_MONOTONIC (checked at start; otherwise the time an event is
read is used). After damage touches a region, the region is read back
(XGetImage, ~2 ms for half the screen); the events a read-back includes are
told apart from later ones by their sequence numbers, so a pixel state is
timed by the last drawing operation it contains: resolution ~2 ms.

The window: there is no window manager on Xvfb, so this script is one
(SubstructureRedirect on the root): every top-level window is given the whole
screen, 1400x900 at 0,0, before it is mapped, as a desktop maximises a
window, and its map request is granted at once. (Otherwise each program
keeps the size it picks: ghostwriter 800x500, ReText about 950x700, Galley
1300x820.) The table's last row says the size each window had when measured.
Regions are fixed fractions of the window per program (PROGRAMS below),
chosen from screenshots: the preview pane and the editor's text area,
without menus, toolbars, side panels, status bars, scroll bars or line
numbers.

What each figure means (medians over --runs, default 3):
1. window mapped: process start → MapNotify of the program's first
   top-level window (a child of the root, not override-redirect, its
   _NET_WM_PID in the program's session), read with SubstructureNotify on
   the root. ReText maps a first window and replaces it ~0.1 s later by
   the one that holds its WebEngine preview; the first one counts.
2. text drawn: process start → the first frame in which the editor's
   region is not blank (as below: over 1% of its pixels differ from its
   most common colour), i.e. the post's text is on screen.
3. preview drawn: process start → the first frame of the preview region's
   final state: the region then keeps exactly those pixels for QUIET_S (2 s)
   and is not blank (over 1% of its pixels differ from its most common
   colour); given up after 60 s.
4. keystroke → preview changed: the caret is put inside a paragraph of
   Korean text about the middle of the post: a click in the editor (focus),
   Ctrl+Home, Down once per two lines of the post, 5 ms apart (Down moves by
   visual lines, so this lands between a quarter and half of the way down:
   the 205 KB post's section 21 of 71 in ghostwriter and Galley), a wait
   until the editor stops scrolling, then a click in the middle of a line of
   a wrapped paragraph in the editor's upper part, found from its pixels
   (paragraph_line). The previews follow the editor's top (ghostwriter's
   only once the text changes), so the typed text is in view in both panes.
   Then KEYS (30) times: an "a" is sent with XTest, and the time to the
   first frame in which the preview region's pixels differ from just before
   the key is taken (3 s timeout, counted as missing); the script then
   waits until the preview has not changed for 150 ms (at most 3 s) before
   the next key. ReText converts 500 ms after a keystroke, its real
   behaviour, measured as is. Also shown: the 90th percentile (of a run's
   keys; the median over runs), and keystroke → preview settled, the first
   frame of the state the preview then keeps for 150 ms (a preview that
   repaints in steps, or flashes blank while it reloads, changes first and
   settles later).
5. keystroke → character drawn: the same keys, the first frame in which the
   editor region changed by more than a caret (the bounding box of the
   changed pixels is at least 5 px wide: a blink of the caret is narrower).
6. PSS of the program's process tree (every process in its session: the
   program, QtWebEngineProcess and its helpers, ReText's converter), 3 s
   after the last key, with the post open; summed from
   /proc/PID/smaps_rollup, with its anonymous (Pss_Anon) and file-backed
   (Pss_File) parts; shared memory (Pss_Shmem) makes up the rest. On this
   machine's kernel (6.18) a fault in a large file maps a whole page-cache
   folio (touching one page of a big .so can map ~1 MB), which inflates every
   program's file-backed PSS; the anonymous part is not affected. Which
   state each program's Qt libraries are in is printed above the tables
   (bench/page_cache.py: 64 KB per touched page is the ordinary state);
   --settle (root) drops the page cache first and starts each program once
   unmeasured, so all are read back from disk alike (files apt-get has just
   written, e.g. the peers, otherwise sit in large folios).

--shots DIR saves PNG screenshots of each run: "drawn", when the preview has
been quiet for QUIET_S after the drawn frame (so its region shows exactly
that frame's pixels); "caret", after the caret was placed; "typed", after
the last key.

python-xlib comes from PyPI into the venv (bench/install-peers.sh): the venv's
interpreter is not Debian's, so Debian's python3-xlib is not importable from
it. It is not a dependency of Galley: only this script imports it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import page_cache  # noqa: E402
from peer_session import kill_session, pss_session, session_pids  # noqa: E402
from bench_ui import POSTS, make_site  # noqa: E402

try:
    from xscreen import HEIGHT, WIDTH, X, Rect, Screen, blank, changed_width, region
except ImportError:  # no python-xlib: reported in main()
    X = None
    WIDTH, HEIGHT = 1400, 900
QUIET_S = 2.0          # a preview state kept this long is the drawn one
START_TIMEOUT_S = 60.0
KEYS = 30
KEY_TIMEOUT_S = 3.0
PAUSE_S = 0.15         # the preview unchanged this long before the next key
PSS_AFTER_S = 3.0      # Galley's page collects its garbage after 2 s of quiet
DOWN_EVERY_S = 0.005   # the pace of the Down presses that move the caret
CARET_MAX_PX = 4       # a change this narrow in the editor is the caret blinking


# -- the programs ----------------------------------------------------------------------

@dataclass
class Program:
    name: str
    argv: list[str]               # the post's path is appended
    config: dict[str, str]        # path under HOME → text
    #: the panes' (left, top, right, bottom) as fractions of the window
    preview: tuple[float, float, float, float]
    editor: tuple[float, float, float, float]
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path = ROOT
    #: its biggest Qt libraries: how the page cache holds them moves its PSS
    libraries: list[Path] = field(default_factory=list)

    def missing(self) -> str | None:
        """Why this program cannot run here, or None."""
        return None if shutil.which(self.argv[0]) else f"{self.argv[0]} not found"


class ReText(Program):
    def missing(self) -> str | None:
        # Without PyQt6's WebEngine, ReText silently previews with a
        # QTextBrowser: not the program we mean to compare.
        if not shutil.which("retext"):
            return "retext not found"
        probe = subprocess.run(["/usr/bin/python3", "-c", "import PyQt6.QtWebEngineWidgets"],
                               capture_output=True)
        return "its WebEngine preview (python3-pyqt6.qtwebengine) is missing" if probe.returncode else None


NO_SANDBOX = {"QTWEBENGINE_DISABLE_SANDBOX": "1"}  # root: Chromium will not start otherwise
QT_NAMES = ("WebEngineCore", "Gui", "Widgets", "Core")
DEBIAN_LIB = Path("/usr/lib/x86_64-linux-gnu")

PROGRAMS = {
    "ghostwriter": Program(
        "ghostwriter", ["ghostwriter"], env=NO_SANDBOX,
        config={".config/ghostwriter/ghostwriter.conf":
                "[Preview]\nhtmlPreviewOpen=true\n\n[Session]\nrestoreSession=false\n"},
        preview=(0.56, 0.04, 0.985, 0.95), editor=(0.12, 0.04, 0.54, 0.94),
        libraries=[DEBIAN_LIB / f"libQt5{n}.so.5" for n in QT_NAMES]),
    "ReText": ReText(
        "ReText", ["retext"], env=NO_SANDBOX,
        config={".config/ReText project/ReText.conf":
                "[General]\nuseWebEngine=true\ndefaultPreviewState=live-preview\n"},
        preview=(0.505, 0.105, 0.985, 0.96), editor=(0.005, 0.105, 0.475, 0.95),
        libraries=[DEBIAN_LIB / f"libQt6{n}.so.6" for n in QT_NAMES]),
    "Galley": Program(
        "Galley", [str(ROOT / ".venv" / "bin" / "python"), "-m", "editor"], config={},
        preview=(0.62, 0.03, 0.985, 0.82), editor=(0.265, 0.03, 0.60, 0.82),
        libraries=page_cache.qt_libraries()),
}


def fresh_home(program: Program, tmp: Path) -> dict[str, str]:
    """The environment for one run: every per-user folder in `tmp`."""
    home = tmp / "home"
    for rel, text in program.config.items():
        (home / rel).parent.mkdir(parents=True, exist_ok=True)
        (home / rel).write_text(text, encoding="utf-8")
    runtime = home / "runtime"
    runtime.mkdir(parents=True, mode=0o700)
    return dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
                XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"),
                XDG_RUNTIME_DIR=str(runtime), **program.env)


# -- the measurements -------------------------------------------------------------------

def wait_mapped(scr: Screen, sid: int, deadline: float):
    """The program's top-level window and the time it mapped."""
    for ev in scr.events(deadline):
        if ev.type == X.MapNotify and not ev.override:
            t = time.monotonic()
            try:
                pid = ev.window.get_full_property(scr.d.intern_atom("_NET_WM_PID"), X.AnyPropertyType)
            except Exception:  # gone already (BadWindow): not the main window
                continue
            if pid is None or pid.value[0] in session_pids(sid):
                return ev.window, t
    raise TimeoutError("no window mapped")


def first_drawn(scr: Screen, rect: Rect, deadline: float) -> float | None:
    """The first frame in which `rect` is not blank (in the editor's region:
    the post's text is drawn), or None at the deadline."""
    pixels, t = scr.grab(rect)
    if not blank(pixels):
        return t or time.monotonic()
    for _ in scr.events(deadline):
        if scr.damaged(rect):
            pixels, t = scr.grab(rect)
            if not blank(pixels):
                return t or time.monotonic()
    return None


def settle(scr: Screen, rect: Rect, quiet: float, deadline: float, since: float,
           min_width: int = 1) -> tuple[float | None, bytes]:
    """The first frame of the state `rect` then keeps for `quiet` seconds,
    if it is not blank: (its time, or None at the deadline; its pixels).
    Changes narrower than `min_width` pixels (a caret's blink) do not count."""
    pixels, t = scr.grab(rect)
    changed_at = t or since
    while time.monotonic() < deadline:
        if time.monotonic() - changed_at >= quiet and not blank(pixels):
            return changed_at, pixels
        # Wake on damage to rect, or when the quiet time is up.
        for _ in scr.events(min(deadline, max(changed_at + quiet, time.monotonic() + 0.05))):
            if scr.damaged(rect):
                break
        if scr.damaged(rect):
            now, t = scr.grab(rect)
            if now != pixels and (min_width <= 1 or changed_width(pixels, now, rect[2]) >= min_width):
                pixels, changed_at = now, t or time.monotonic()
    return None, pixels


def paragraph_line(pixels: bytes, width: int, height: int) -> tuple[int, int] | None:
    """A point in the middle of a line of Korean text in the editor's upper
    part, found from the pixels: the first line of text from a tenth of the
    way down that has glyphs at both ends of the text column and is followed,
    within the same paragraph, by another such line. Only the posts' wrapped
    paragraphs have those: headings, list items, code and table rows are
    short (a code block's background reaches the right end, but has no
    glyphs there), and a link URL, at the end of a paragraph, wraps onto a
    line that is followed by a short one or by none. (x, y) in the region,
    or None."""
    stride = width * 4

    def edges(y: int) -> list[int]:  # where the colour changes along the row
        row = pixels[y * stride:(y + 1) * stride]
        return [x for x in range(1, width) if row[x * 4:x * 4 + 3] != row[x * 4 - 4:x * 4 - 1]]

    rows = {y: edges(y) for y in range(height // 20, height * 3 // 4)}
    # A vertical line (a margin, a border) changes colour in every row: not text.
    count: dict[int, int] = {}
    for e in rows.values():
        for x in e:
            count[x] = count.get(x, 0) + 1
    rows = {y: [x for x in e if count[x] < len(rows) // 2] for y, e in rows.items()}
    xs = [x for e in rows.values() for x in e]
    if not xs:
        return None
    left, right = min(xs), max(xs)
    near_left, near_right = left + (right - left) * 0.2, left + (right - left) * 0.8
    lines: list[list[int]] = []  # runs of rows with something drawn: [top, bottom, wide]
    for y, e in rows.items():
        wide = sum(x <= near_left for x in e) >= 6 and sum(x >= near_right for x in e) >= 6
        if e and lines and lines[-1][1] == y - 1:
            lines[-1][1], lines[-1][2] = y, lines[-1][2] or wide
        elif e:
            lines.append([y, y, wide])
    for line, below in zip(lines, lines[1:]):
        same_paragraph = below[0] - line[1] < line[1] - line[0]  # a line gap, not a blank line
        if line[0] >= height // 10 and line[2] and below[2] and same_paragraph:
            return (left + right) // 2, (line[0] + line[1]) // 2
    return None


def caret_to_middle(scr: Screen, editor: Rect, preview: Rect, lines: int) -> bool:
    """Focus the editor (a click), Ctrl+Home, Down once per two lines of the
    post (to between a quarter and half of the way down), then a click on a
    paragraph line in the upper part of the editor: the previews follow the
    editor's top, so the typed text is in view in both panes. False when no
    paragraph line was found (the click then goes to a fifth of the editor's
    height)."""
    scr.click(editor[0] + editor[2] // 2, editor[1] + editor[3] // 2)
    scr.drain(0.3)
    scr.key("Home", "Control_L")
    for _ in range(lines // 2):
        # 5 ms apart, a fast key repeat: sent in one burst, 1,300 Downs left
        # Galley's editor scrolled to a third of the way, its caret far below.
        scr.key("Down")
        scr.drain(DOWN_EVERY_S)
    # Wait until the editor has stopped scrolling (its caret may blink).
    now = time.monotonic()
    settle(scr, editor, 1.0, now + 30, now, min_width=CARET_MAX_PX + 1)
    pixels, _ = scr.grab(editor)
    point = paragraph_line(pixels, editor[2], editor[3])
    x, y = point or (editor[2] // 2, editor[3] // 5)
    scr.click(editor[0] + x, editor[1] + y)
    now = time.monotonic()
    settle(scr, preview, 1.0, now + 10, now)  # the preview may follow the click
    scr.drain(0)
    return point is not None


def type_keys(scr: Screen, editor: Rect, preview: Rect, n: int) -> dict[str, list[float]]:
    """Keystroke → preview changed / settled, keystroke → character drawn (seconds)."""
    out = {"preview": [], "settled": [], "drawn": []}
    for _ in range(n):
        scr.drain(0)
        ed0, _ = scr.grab(editor)
        pv0, _ = scr.grab(preview)
        sent = scr.key("a")
        drawn = changed = None
        pv = pv0
        for _ in scr.events(sent + KEY_TIMEOUT_S):
            if drawn is None and scr.damaged(editor):
                ed, t = scr.grab(editor)
                if changed_width(ed0, ed, editor[2]) > CARET_MAX_PX:
                    drawn = t or time.monotonic()
            if changed is None and scr.damaged(preview):
                pv, t = scr.grab(preview)
                if pv != pv0:
                    changed = t or time.monotonic()
            if drawn is not None and changed is not None:
                break
        if drawn is not None:
            out["drawn"].append(drawn - sent)
        if changed is None:
            continue
        out["preview"].append(changed - sent)
        settled, _ = settle(scr, preview, PAUSE_S, time.monotonic() + KEY_TIMEOUT_S, changed)
        if settled is not None:
            out["settled"].append(settled - sent)
    return out


def run_one(program: Program, label: str, shots: Path | None, run: int, typing: bool = True) -> dict:
    """One start of `program` on the post `label`; with typing=False only
    until its preview is drawn (a warm-up)."""
    with tempfile.TemporaryDirectory(prefix="bench-peers-") as tmp:
        tmp = Path(tmp)
        # A fresh post each run: ghostwriter saves automatically.
        post = make_site(tmp / "site")[label]
        env = fresh_home(program, tmp)
        scr = Screen()
        log = open(tmp / "stderr.log", "wb")
        start = time.monotonic()
        proc = subprocess.Popen(program.argv + [str(post)], cwd=program.cwd, env=env,
                                stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
        try:
            deadline = start + START_TIMEOUT_S
            win, mapped = wait_mapped(scr, proc.pid, deadline)
            g = win.get_geometry()
            geometry = (g.x, g.y, g.width, g.height)
            preview, editor = region(program.preview, geometry), region(program.editor, geometry)
            # (The preview's damage meanwhile stays queued for settle.)
            text = first_drawn(scr, editor, deadline)
            drawn, _ = settle(scr, preview, QUIET_S, deadline, mapped)
            startup = {"mapped": mapped - start, "text": None if text is None else text - start,
                       "drawn": None if drawn is None else drawn - start}
            if not typing:
                return startup
            tag = f"{program.name}-{label.replace(' ', '')}-{run}"
            if shots:
                scr.screenshot(shots / f"{tag}-drawn.png")
            if not caret_to_middle(scr, editor, preview, post.read_text(encoding="utf-8").count("\n")):
                print(f"  {program.name}, {label} post: no paragraph line found, typing at a fifth "
                      "of the editor's height", file=sys.stderr)
            if shots:
                scr.screenshot(shots / f"{tag}-caret.png")
            lat = type_keys(scr, editor, preview, KEYS)
            if shots:
                scr.screenshot(shots / f"{tag}-typed.png")
            scr.drain(PSS_AFTER_S)
            g = (scr.toplevel or win).get_geometry()
            return {**startup, "lat": lat, "pss": pss_session(proc.pid), "size": (g.width, g.height)}
        except Exception as exc:
            tail = (tmp / "stderr.log").read_bytes()[-2000:].decode(errors="replace")
            raise RuntimeError(f"{program.name}, {label} post: {exc}\n{tail}") from exc
        finally:
            kill_session(proc)
            log.close()
            scr.close()


# -- the table ---------------------------------------------------------------------------

def median(values) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def summarise(runs: list[dict]) -> dict:
    def per_run(e: dict) -> dict:
        if "lat" not in e:  # --startup
            return {k: e[k] for k in ("mapped", "text", "drawn")}
        lat = e["lat"]
        p90 = sorted(lat["preview"])[int(len(lat["preview"]) * 0.9)] if lat["preview"] else None
        return {"mapped": e["mapped"], "text": e["text"], "drawn": e["drawn"], "preview": median(lat["preview"]), "p90": p90,
                "settled": median(lat["settled"]), "drawn_key": median(lat["drawn"]),
                "missed": KEYS - len(lat["preview"]), **e["pss"]}
    figures = [per_run(e) for e in runs]
    out = {k: median(f[k] for f in figures) for k in figures[0]}
    out["size"] = {f"{w}x{h}" for w, h in (e["size"] for e in runs if "size" in e)}
    return out


ROWS = [("process start → first window mapped", "mapped", "s"),
        ("process start → text drawn in editor", "text", "s"),
        ("process start → preview fully drawn", "drawn", "s"),
        ("keystroke → preview changed (median)", "preview", "ms"),
        ("  90th percentile", "p90", "ms"),
        ("keystroke → preview settled (median)", "settled", "ms"),
        ("keystroke → character drawn (median)", "drawn_key", "ms"),
        ("keys with no preview change in 3 s", "missed", "n"),
        ("PSS of the process tree, post open", "pss", "MB"),
        ("  anonymous (Pss_Anon)", "anon", "MB"),
        ("  file-backed (Pss_File)", "file", "MB"),
        ("  shared memory (Pss_Shmem)", "shmem", "MB")]


def cell(value, unit: str) -> str:
    if value is None:
        return "—"
    return {"s": f"{value:.3f} s", "ms": f"{value * 1000:.1f} ms", "MB": f"{value:.0f} MB",
            "n": f"{value:.0f}"}[unit]


def print_table(label: str, size_kb: float, results: dict[str, dict]) -> None:
    names = list(results)
    print(f"\n== {label} post ({size_kb:.0f} KB)")
    print(f"{'':40}" + "".join(f"{n:>14}" for n in names))
    for title, key, unit in ROWS:
        if any(key not in results[n] for n in names):  # --startup: the start-up rows only
            continue
        print(f"{title:40}" + "".join(f"{cell(results[n][key], unit):>14}" for n in names))
    print(f"{'window size when measured':40}" + "".join(f"{'/'.join(sorted(results[n]['size'])):>14}" for n in names))


def version(name: str) -> str:
    def deb(pkg: str) -> str:
        r = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", pkg], capture_output=True, text=True)
        return r.stdout.split("+")[0].split("-")[0] or "?"
    if name == "ghostwriter":
        return f"ghostwriter {deb('ghostwriter')} (Qt 5, QtWebEngine {deb('libqt5webengine5')})"
    if name == "ReText":
        return f"ReText {deb('retext')} (PyQt 6, QtWebEngine {deb('python3-pyqt6.qtwebengine')})"
    from importlib.metadata import version as dist_version
    return f"Galley {dist_version('galley-editor')} (PySide6 {dist_version('PySide6')})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per program and post; figures are medians")
    parser.add_argument("--post", choices=("8", "205", "205-dense"), help="only this post (default: 8 and 205)")
    parser.add_argument("--only", choices=("galley", "ghostwriter", "retext"), help="only this program")
    parser.add_argument("--startup", action="store_true",
                        help="only the start-up rows (no typing, no PSS): quick, for many runs")
    parser.add_argument("--shots", type=Path, help="save screenshots of every run in this folder")
    parser.add_argument("--settle", action="store_true",
                        help="drop the page cache first (root), then one warm-up start of each program: "
                             "every library is then held as after a reboot (bench/page_cache.py)")
    args = parser.parse_args()
    if X is None:
        print("bench_peers: skipped, python-xlib is not installed (bash bench/install-peers.sh)")
        return
    if not os.environ.get("DISPLAY"):
        sys.exit("run under X: xvfb-run -a -s '-screen 0 1400x900x24' .venv/bin/python bench/bench_peers.py")
    # SIGTERM (a timeout around us) must still run the clean-up in run_one.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    programs = {}
    for name, program in PROGRAMS.items():
        if args.only and args.only != name.lower():
            continue
        why = program.missing()
        if why:
            print(f"{name}: skipped, {why} (bash bench/install-peers.sh installs the peers)")
        else:
            programs[name] = program
    if not programs:
        return
    labels = [lb for lb in POSTS if (lb.replace(" KB", "").replace(" ", "-") == args.post if args.post
                                    else lb != "205 KB dense")]
    with open("/proc/meminfo") as f:
        mem_gib = int(f.readline().split()[1]) / 1024 ** 2
    scr = Screen()
    clock = "X server's clock = CLOCK_MONOTONIC" if scr.server_clock else "X server's clock unusable: read times"
    scr.close()
    print(f"machine: {os.cpu_count()} cores, {mem_gib:.1f} GiB memory, load average "
          + " ".join(f"{x:.2f}" for x in os.getloadavg())
          + f" (other work on the machine inflates every figure); display {os.environ['DISPLAY']}, "
          f"{clock}; medians of {args.runs} runs")
    print(", ".join(version(name) for name in programs))
    if args.settle:
        if not page_cache.settle():
            sys.exit("--settle needs root (it writes /proc/sys/vm/drop_caches)")
        for program in programs.values():
            run_one(program, labels[0], None, 0, typing=False)
    # PSS is only comparable between programs whose libraries are held alike.
    for name, program in programs.items():
        print(f"{name}: {page_cache.describe(program.libraries)}")
    failed = False
    for label in labels:
        runs: dict[str, list[dict]] = {name: [] for name in programs}
        # Run i of every program before run i + 1 of any: a change in the
        # machine's load during the benchmark then weighs on all alike. The
        # order turns each round, so no program always follows the same one.
        names = list(programs)
        for i in range(args.runs):
            for name in names[i % len(names):] + names[:i % len(names)]:
                program = programs[name]
                try:
                    runs[name].append(run_one(program, label, args.shots, i, typing=not args.startup))
                except RuntimeError as exc:
                    print(f"{name}: a run failed: {exc}", file=sys.stderr)
                    failed = True
        results = {name: summarise(r) for name, r in runs.items() if r}
        if results:
            print_table(label, POSTS[label][0] / 1024, results)
    print("\nload average at the end: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
