"""Check a built bundle as a user would run it (`make package-check`).

    python packaging/package_check.py dist/galley/galley [--timings]

Headless: `--version` (of `galley` and of the windowed `galley-gui`); `validate` of examples/site, then of a made-up site of
80 posts (one of them broken) with each way of starting worker processes, so
the pool really starts from the frozen binary (fork, forkserver, spawn); `render`
of a post to HTML. Then the window on examples/site under Xvfb (GALLEY_SMOKE:
it quits once the window has painted and the preview shows the post). Then the
desktop file and the metainfo through desktop-file-validate and appstreamcli.
`--timings` also prints the median of 5 start-ups of the bundle and of the
venv (`--version`, first paint, preview shown).
Each failed check prints `package-check: FAIL: ...`; the exit status is 1 if any failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "examples" / "site"
POST = SITE / "_posts" / "2024-03-15-hello-galley.md"
TITLE = "갤리로 첫 글 쓰기"  # the post's title, as the preview and the HTML must show it
DESKTOP_ID = "io.github.galley_editor.Galley"
failures: list[str] = []


def check(ok: bool, what: str, detail: str = "") -> None:
    print(f"package-check: {'ok' if ok else 'FAIL'}: {what}" + (f"\n{detail}" if detail and not ok else ""))
    if not ok:
        failures.append(what)


def run(cmd, env=None, timeout=300, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], env=env, timeout=timeout, capture_output=True,
                          text=True, **kw)


def scratch_env(home: Path) -> dict:
    """The user's settings, recovery and data folders in `home`: a check leaves nothing behind."""
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"))
    env.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
    env.pop("QT_QPA_PLATFORM", None)
    return env


def big_site(where: Path, posts: int = 80) -> Path:
    """examples/site with `posts` posts, the last with front matter that does not parse."""
    site = where / "site"
    shutil.copytree(SITE, site)
    text = POST.read_text(encoding="utf-8")
    for i in range(posts):
        (site / "_posts" / f"2025-01-{i % 28 + 1:02d}-copy-{i}.md").write_text(text, encoding="utf-8")
    (site / "_posts" / "2025-02-01-broken.md").write_text(
        "---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    return site


def headless(binary: Path, work: Path, env: dict) -> None:
    out = run([binary, "--version"], env)
    check(out.returncode == 0 and out.stdout.startswith("galley "), "--version", out.stdout + out.stderr)
    # The windowed executable beside it (the desktop entry's) is the same program.
    gui = binary.with_name("galley-gui" + binary.suffix)
    out = run([gui, "--version"], env) if gui.is_file() else None
    check(out is not None and out.returncode == 0 and out.stdout.startswith("galley "),
          f"{gui.name} --version", out.stdout + out.stderr if out else f"{gui} is missing")
    out = run([binary, "validate", SITE], env)
    check(out.returncode == 0 and "0 errors" in out.stdout, "validate examples/site", out.stdout + out.stderr)
    site = big_site(work)
    for method in ("fork", "forkserver", "spawn"):
        out = run([binary, "validate", "--jobs", "2", site], dict(env, GALLEY_START_METHOD=method))
        ok = (out.returncode == 1 and "2025-02-01-broken.md:3:1: error:" in out.stdout
              and "in 85 files" in out.stdout and "Traceback" not in out.stderr)
        check(ok, f"validate 85 posts on worker processes ({method})", out.stdout[-2000:] + out.stderr[-2000:])
    html = work / "post.html"
    out = run([binary, "render", POST, "-o", html], env)
    body = html.read_text(encoding="utf-8") if html.exists() else ""
    check(out.returncode == 0 and TITLE in body and "<html" in body.lower(), "render a post to HTML",
          out.stdout + out.stderr)


def smoke(command: list, env: dict, display: str | None = None, timeout: float = 90) -> dict | None:
    """Start the window on `display` (else under its own xvfb-run); the smoke report,
    with times relative to the process's start."""
    wrapper = [] if display else ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24"]
    env = dict(env, GALLEY_SMOKE="1", **({"DISPLAY": display} if display else {}))
    started = time.time()
    out = run([*wrapper, *command, SITE, POST], env, timeout=timeout)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        print(out.stdout[-2000:], out.stderr[-3000:], sep="\n")
        return None
    report = json.loads(lines[-1])
    return {"painted": report["painted"] - started, "preview": report["preview"] - started,
            "text": report["text"]}


def window(binary: Path, env: dict) -> None:
    if shutil.which("xvfb-run") is None:
        check(False, "window under Xvfb: xvfb-run is missing (packaging/system-deps.sh installs it)")
        return
    report = smoke([binary], env)
    check(report is not None and TITLE in report["text"],
          "window under Xvfb: first paint, then the preview (QtWebEngine) shows the post")


def desktop_files() -> None:
    desktop = ROOT / "packaging" / f"{DESKTOP_ID}.desktop"
    metainfo = ROOT / "packaging" / f"{DESKTOP_ID}.metainfo.xml"
    for tool, cmd in (("desktop-file-validate", ["desktop-file-validate", desktop]),
                      ("appstreamcli", ["appstreamcli", "validate", "--no-net", "--pedantic", metainfo])):
        if shutil.which(tool) is None:
            check(False, f"{tool} is missing (packaging/system-deps.sh installs it)")
            continue
        out = run(cmd)
        check(out.returncode == 0, f"{tool} {Path(cmd[-1]).name}", out.stdout + out.stderr)


def xserver() -> tuple[subprocess.Popen, str]:
    """One Xvfb for all the timed runs (its own start is not the app's)."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1400x900x24",
                               "-nolisten", "tcp"], pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    number = b""
    while not number.endswith(b"\n"):  # all of it: a closed pipe would kill Xvfb (SIGPIPE)
        chunk = os.read(read, 16)
        if not chunk:
            break
        number += chunk
    os.close(read)
    return server, f":{number.decode().strip()}"


def timings(binary: Path, env: dict, runs: int = 5) -> None:
    venv_python = ROOT / ".venv" / "bin" / "python"
    entry = ROOT / "packaging" / "bundle_main.py"
    server, display = xserver()
    try:
        _timings(binary, venv_python, entry, env, display, runs)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _timings(binary, venv_python, entry, env, display, runs) -> None:
    print(f"start-up, median of {runs} runs each (load average {os.getloadavg()[0]:.1f}):")
    for label, command in (("bundle", [binary]), ("venv", [venv_python, entry])):
        version = []
        for _ in range(runs):
            started = time.perf_counter()
            run([*command, "--version"], env)
            version.append(time.perf_counter() - started)
        reports = [r for r in (smoke(command, env, display) for _ in range(runs)) if r]
        painted = statistics.median(r["painted"] for r in reports) if reports else float("nan")
        preview = statistics.median(r["preview"] for r in reports) if reports else float("nan")
        print(f"  {label:6} --version {statistics.median(version):.3f} s   first paint {painted:.2f} s   "
              f"preview shown {preview:.2f} s")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", type=Path)
    parser.add_argument("--timings", action="store_true")
    args = parser.parse_args(argv)
    binary = args.binary.resolve()
    if not binary.is_file():
        print(f"{args.binary}: error: no such file (run `make package` first)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="galley-package-check-") as tmp:
        work = Path(tmp)
        env = scratch_env(work / "home")
        headless(binary, work, env)
        window(binary, env)
        desktop_files()
        if args.timings:
            timings(binary, env)
    print(f"package-check: {len(failures)} failed" if failures else "package-check: all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
