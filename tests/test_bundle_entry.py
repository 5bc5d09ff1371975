"""The bundle's entry point (packaging/bundle_main.py) and its start-up check,
run from the venv as real processes: what `make package` freezes, and what
`make package-check` relies on. The frozen binary itself is checked by
`make package-check` (slow: it needs the bundle built)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.core.validation.processes import START_METHOD_VARIABLE, process_context

ROOT = Path(__file__).resolve().parents[1]
ENTRY = ROOT / "packaging" / "bundle_main.py"
SITE = ROOT / "examples" / "site"
POST = SITE / "_posts" / "2024-03-15-hello-galley.md"
TITLE = "갤리로 첫 글 쓰기"


def galley(*args, env=None, timeout=180) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, str(ENTRY), *map(str, args)], env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_the_entry_point_is_the_galley_command():
    from editor import __version__

    out = galley("--version")
    assert (out.returncode, out.stdout.strip()) == (0, f"galley {__version__}")
    out = galley("validate", SITE)
    assert out.returncode == 0 and "0 errors" in out.stdout, out.stdout + out.stderr


def _entry_in_process(argv: list[str], before: str = "pass", after: str = "pass") -> subprocess.CompletedProcess:
    """Run bundle_main.main() with `argv` inside one interpreter, `before` and `after` it."""
    code = (f"import sys; sys.path.insert(0, {str(ROOT / 'packaging')!r}); sys.argv[1:] = {argv!r}; "
            f"{before}; import bundle_main; code = bundle_main.main(); {after}")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_version_loads_neither_validation_nor_rendering():
    # `galley --version` is what packagers and scripts run to check an install:
    # the parser would import every subcommand (validation, rendering, YAML).
    out = _entry_in_process(["--version"], after="print(code, sorted(m for m in sys.modules if m.startswith("
                                                  "('editor.core', 'PySide6', 'yaml'))))")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [f"galley {__import__('editor').__version__}", "0 []"]


def test_the_windowed_program_has_somewhere_to_write(tmp_path):
    # galley-gui on Windows starts with no standard streams (None): a message
    # for a terminal must not become a crash.
    result = tmp_path / "code"
    out = _entry_in_process([str(tmp_path / "missing.md")], before="sys.stdout = sys.stderr = None",
                            after=f"open({str(result)!r}, 'w').write(str(code))")
    assert out.returncode == 0 and out.stderr == "", out.stderr
    assert result.read_text() == "1"



@pytest.mark.parametrize("method", ["fork", "forkserver", "spawn"])
def test_the_start_method_can_be_chosen(monkeypatch, method):
    monkeypatch.setenv(START_METHOD_VARIABLE, method)
    assert process_context().get_start_method() == method


def test_an_unknown_start_method_is_ignored(monkeypatch):
    monkeypatch.delenv(START_METHOD_VARIABLE, raising=False)
    default = process_context().get_start_method()
    monkeypatch.setenv(START_METHOD_VARIABLE, "teleport")
    assert process_context().get_start_method() == default
    monkeypatch.setenv(START_METHOD_VARIABLE, "spawn")
    assert process_context().get_start_method() == "spawn" != default


def _big_site(tmp_path: Path, posts: int = 70) -> Path:
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    text = POST.read_text(encoding="utf-8")
    for i in range(posts):
        (site / "_posts" / f"2025-01-{i % 28 + 1:02d}-copy-{i}.md").write_text(text, encoding="utf-8")
    (site / "_posts" / "2025-02-01-broken.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    return site


@pytest.mark.parametrize("method", ["forkserver", "spawn"])
def test_workers_started_from_the_entry_point_validate_a_big_site(tmp_path, method):
    """A spawned worker and the forkserver are new runs of the entry point (of the
    binary, once frozen): they must do their job, not start Galley again."""
    site = _big_site(tmp_path)
    out = galley("validate", "--jobs", "2", site, env={START_METHOD_VARIABLE: method})
    assert out.returncode == 1, out.stdout + out.stderr
    assert "2025-02-01-broken.md:3:1: error:" in out.stdout
    assert "in 75 files" in out.stdout
    assert "Traceback" not in out.stderr


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed (packaging/system-deps.sh)")
def test_the_smoke_run_reports_the_first_paint_then_the_preview(tmp_path):
    home = tmp_path / "home"
    env = {"HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
           "GALLEY_SMOKE": "1", "QTWEBENGINE_CHROMIUM_FLAGS": "--disable-gpu"}
    env = {k: v for k, v in {**os.environ, **env}.items() if k != "QT_QPA_PLATFORM"}
    started = time.time()
    out = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", sys.executable, str(ENTRY),
                          str(SITE), str(POST)], env=env, capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stdout + out.stderr
    reports = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    assert len(reports) == 1
    report = reports[0]
    assert started < report["painted"] <= report["preview"] < time.time()
    assert TITLE in report["text"]
