"""What `pip install galley-editor` and a packager get: the wheel (code,
resources, metadata, licence), the sdist (the whole project), the lock, and
the base package working in a fresh environment without Qt."""

from __future__ import annotations

import email
import os
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

import editor

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
POST = ROOT / "examples" / "site" / "_posts" / "2024-03-15-hello-galley.md"
#: Modules that only the window needs: the base package must never import them.
GUI_ONLY = ("PySide6", "shiboken6", "watchdog")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    pytest.importorskip("setuptools")
    out_dir = tmp_path_factory.mktemp("wheel")
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out_dir), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stderr
    (built,) = out_dir.glob("galley_editor-*.whl")
    return built


def _metadata(wheel_path: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel_path) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        return email.message_from_bytes(zf.read(name))


def test_wheel_contains_code_resources_and_entry_points(wheel, tmp_path):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "editor/core/post/document.py" in names
    assert "editor/resources/__init__.py" in names
    shipped = {n for n in names if n.startswith("editor/resources/")}
    on_disk = {"editor/resources/" + p.relative_to(ROOT / "resources").as_posix()
               for p in (ROOT / "resources").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert on_disk <= shipped
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "galley = editor.cli:main" in text
    # The launcher's command makes the same no-Qt / no-display checks.
    assert "galley-gui = editor.cli:main" in text
    # Unpacked as pip would install it, the app finds its icon inside the package.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = subprocess.run([sys.executable, "-c", "import editor.ui.app as a; print(a.ICON)"],
                           capture_output=True, text=True, cwd=tmp_path, timeout=60,
                           env={**os.environ, "PYTHONPATH": str(site)})
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip() == str(site / "editor" / "resources" / "icons" / "galley.svg")


def test_wheel_metadata_names_licence_urls_and_the_gui_extra(wheel):
    meta = _metadata(wheel)
    assert meta["Name"] == "galley-editor"
    assert meta["Version"] == editor.__version__
    assert meta["License-Expression"] == "MIT"
    licence = next(n for n in zipfile.ZipFile(wheel).namelist() if n.endswith(".dist-info/licenses/LICENSE"))
    assert zipfile.ZipFile(wheel).read(licence).decode().startswith("MIT License")
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL"))
    assert set(urls) == {"Homepage", "Source", "Issues", "Documentation"}
    assert all(u.startswith("https://") for u in urls.values())
    requires = [Requirement(r) for r in meta.get_all("Requires-Dist")]
    base = {r.name.lower(): r for r in requires if r.marker is None}
    gui = {r.name.lower(): r for r in requires if r.marker and r.marker.evaluate({"extra": "gui"})}
    # The base package is the core and the CLI: no Qt, no file watcher.
    assert not set(base) & {m.lower() for m in GUI_ONLY}
    assert {"pyside6", "watchdog"} <= set(gui)
    assert not gui["pyside6"].specifier.contains("6.12.0")
    assert gui["pyside6"].specifier.contains("6.11.3") and not gui["pyside6"].specifier.contains("7.0")
    # Ranges, with an exact patch series only where saves must stay byte for byte.
    for name, req in base.items():
        assert "==" not in str(req.specifier), req
        tight = name in ("pyyaml", "tomlkit", "markdown")
        assert any(s.operator == "~=" for s in req.specifier) == tight, req


def test_sdist_is_the_whole_project(tmp_path):
    pytest.importorskip("setuptools")
    out = subprocess.run(
        [sys.executable, "-c", "import sys; from setuptools import build_meta as b; print(b.build_sdist(sys.argv[1]))",
         str(tmp_path)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    sdist = tmp_path / out.stdout.strip().splitlines()[-1]
    with tarfile.open(sdist) as tar:
        members = {m.split("/", 1)[1] for m in tar.getnames() if "/" in m}
    assert {"LICENSE", "Makefile", "README.md", "requirements/lock.txt", ".pre-commit-hooks.yaml"} <= members
    tracked = subprocess.run(["git", "ls-files", "packaging", "docs", "examples", "resources", "tests", "bench"],
                             capture_output=True, text=True, cwd=ROOT, check=True).stdout.split()
    on_disk = {p for p in tracked if (ROOT / p).is_file()}
    assert {p.split("/")[0] for p in on_disk} == {"packaging", "docs", "examples", "resources", "tests", "bench"}
    assert on_disk - members == set()
    assert not [m for m in members if "__pycache__" in m or m.endswith(".pyc")]


def test_the_lock_pins_every_dependency_with_hashes():
    """requirements/lock.txt (what `make` and CI install) satisfies every range
    in pyproject.toml: a dependency added or moved without `make lock` fails here."""
    pinned: dict[str, str] = {}
    hashed: set[str] = set()
    current = None
    for line in (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            name, version = line.split(" ")[0].split("==")
            current = name.lower().replace("_", "-")
            pinned[current] = version
        elif "--hash=sha256:" in line and current:
            hashed.add(current)
    assert set(pinned) == hashed  # pip --require-hashes refuses anything else
    project = PYPROJECT["project"]
    wanted = [Requirement(r) for r in project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        wanted += [Requirement(r) for r in extra if not r.startswith(project["name"])]
    for req in wanted:
        name = req.name.lower().replace("_", "-")
        assert name in pinned, f"{req} is not in requirements/lock.txt: run `make lock`"
        assert req.specifier.contains(pinned[name], prereleases=True), f"{name}=={pinned[name]} outside {req}"


def test_version_through_the_real_entry_points():
    expected = f"galley {editor.__version__}\n"
    out = subprocess.run([sys.executable, "-m", "editor", "--version"], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert (out.returncode, out.stdout, out.stderr) == (0, expected, "")
    script = Path(sys.executable).with_name("galley")
    if not script.exists():
        pytest.skip("the galley command is not installed in this environment")
    out = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert (out.returncode, out.stdout) == (0, expected)


PROBE = """
import contextlib, io, sys
from editor.cli import main
post, out = sys.argv[1], sys.argv[2]
for argv in (["validate", post], ["render", post, "-o", out], ["fm", "get", post, "title"], ["--version"]):
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in {gui} or m.startswith("editor.ui"))
    print(argv[0], code, loaded)
"""


def test_the_command_line_never_imports_qt(tmp_path):
    """`galley validate`, `render`, `fm` run in a process with PySide6 installed
    and leave no Qt (nor the window's modules) in sys.modules."""
    probe = PROBE.replace("{gui}", repr(set(GUI_ONLY)))
    out = subprocess.run([sys.executable, "-c", probe, str(POST), str(tmp_path / "out.html")],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["validate 0 []", "render 0 []", "fm 0 []", "--version 0 []"]


@pytest.fixture(scope="module")
def base_venv(wheel, tmp_path_factory):
    """A fresh environment with the wheel and only its base dependencies (what
    the pre-commit hook and `pip install galley-editor` make): no Qt at all."""
    venv = tmp_path_factory.mktemp("base") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    out = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                          "--disable-pip-version-check", str(wheel)],
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0 and ("NewConnectionError" in out.stderr or "No matching distribution" in out.stderr):
        pytest.skip(f"the base dependencies cannot be fetched here: {out.stderr.strip().splitlines()[-1]}")
    assert out.returncode == 0, out.stderr
    return venv


def _no_screen_env():
    return {k: v for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH")}


def test_base_install_has_no_qt_and_runs_the_command_line(base_venv, tmp_path):
    python = base_venv / "bin" / "python"
    missing = subprocess.run([str(python), "-c", "import importlib.util as u; print([m for m in "
                              f"{list(GUI_ONLY)!r} if u.find_spec(m)])"],
                             capture_output=True, text=True, timeout=60)
    assert missing.stdout.strip() == "[]", missing.stderr
    galley = base_venv / "bin" / "galley"
    env = _no_screen_env()
    version = subprocess.run([str(galley), "--version"], capture_output=True, text=True, env=env, timeout=60)
    assert (version.returncode, version.stdout) == (0, f"galley {editor.__version__}\n")
    site = ROOT / "examples" / "site"
    validate = subprocess.run([str(galley), "validate", str(site)], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=120)
    assert validate.returncode in (0, 1), validate.stderr
    assert "Traceback" not in validate.stderr
    html = tmp_path / "post.html"
    render = subprocess.run([str(galley), "render", str(POST), "-o", str(html)], capture_output=True,
                            text=True, env=env, cwd=tmp_path, timeout=120)
    assert render.returncode == 0, render.stderr
    assert "<h1" in html.read_text(encoding="utf-8") or "<p>" in html.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["galley", "galley-gui"])
def test_base_install_says_how_to_get_the_window(base_venv, tmp_path, command):
    # A display is set: the missing toolkit is the reason, not the screen.
    env = {**_no_screen_env(), "DISPLAY": ":99"}
    out = subprocess.run([str(base_venv / "bin" / command), str(POST)], capture_output=True, text=True,
                         env=env, cwd=tmp_path, timeout=60)
    assert out.returncode == 2, out.stderr
    assert "Traceback" not in out.stderr
    assert out.stderr.startswith("galley: cannot open the window: Qt (PySide6) is not installed"), out.stderr
    assert 'pipx install --force "galley-editor[gui]"' in out.stderr
    assert 'pip install "galley-editor[gui]"' in out.stderr
    # What it can still tell without a window: the post's summary.
    assert out.stdout.startswith(f"{POST}: yaml front matter, utf-8, title: ")
