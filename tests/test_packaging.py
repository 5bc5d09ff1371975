"""A plain (non-editable) `pip install .` carries the resources inside the wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_code_resources_and_entry_point(tmp_path):
    pytest.importorskip("setuptools")
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stderr
    (wheel,) = tmp_path.glob("galley-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "editor/core/post/document.py" in names
    assert "editor/resources/__init__.py" in names
    shipped = {n for n in names if n.startswith("editor/resources/")}
    on_disk = {"editor/resources/" + p.relative_to(ROOT / "resources").as_posix()
               for p in (ROOT / "resources").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert on_disk <= shipped
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "galley = editor.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
    # Unpacked as pip would install it, the app finds its icon inside the package.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = subprocess.run([sys.executable, "-c", "import editor.ui.app as a; print(a.ICON)"],
                           capture_output=True, text=True, cwd=tmp_path, timeout=60,
                           env={**os.environ, "PYTHONPATH": str(site)})
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip() == str(site / "editor" / "resources" / "icons" / "galley.svg")
