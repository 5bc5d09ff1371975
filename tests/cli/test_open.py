"""`galley PATH` where no window can open: a message and a summary, never Qt's abort."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_no_display_says_so_and_summarises_the_post(tmp_path):
    post = tmp_path / "2024-01-02-hello.md"
    post.write_text("---\ntitle: 안녕하세요\n---\n본문\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(REPO)
    out = subprocess.run([sys.executable, "-m", "editor", str(post)], capture_output=True, env=env,
                         cwd=tmp_path, timeout=60)
    stderr = out.stderr.decode()
    # Without the check, Qt aborts the process (SIGABRT, returncode -6).
    assert out.returncode == 2, stderr
    assert stderr.startswith("galley: cannot open the window: no display"), stderr
    assert "Traceback" not in stderr
    assert out.stdout.decode() == f"{post}: yaml front matter, utf-8, title: 안녕하세요\n"


def test_a_missing_path_is_reported_before_anything_else(tmp_path):
    from editor.cli.open import run_open

    assert run_open([str(tmp_path / "nowhere.md")]) == 1


def test_the_launcher_command_without_a_display_exits_cleanly(tmp_path):
    """`galley-gui` (what desktop launchers run) with Qt installed but no
    screen: the message and exit 2, not Qt's abort (exit 134)."""
    script = Path(sys.executable).with_name("galley-gui")
    if not script.exists():
        pytest.skip("galley-gui is not installed in this environment (pip install -e .)")
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: Hello\n---\nBody\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run([str(script), str(post)], capture_output=True, text=True, env=env,
                         cwd=tmp_path, timeout=60)
    assert out.returncode == 2, out.stderr
    assert out.stderr.startswith("galley: cannot open the window: no display"), out.stderr
    assert "Traceback" not in out.stderr
    assert out.stdout == f"{post}: yaml front matter, utf-8, title: Hello\n"
