"""The desktop file, the metainfo and the icons: one app id everywhere, valid for
the desktop's own tools, installed into and removed from the user's XDG folders."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.galley_editor.Galley"
DESKTOP = ROOT / "packaging" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_one_app_id_names_the_files_the_metainfo_the_icon_and_the_running_app():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("icon[@type='stock']") == APP_ID
    assert desktop_entry()["Icon"] == APP_ID
    # What the running app tells the desktop (Wayland's app id, the launcher's match).
    code = ("from editor.ui.app import ensure_application; "
            "print(ensure_application().desktopFileName())")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=120, check=True)
    assert out.stdout.strip().splitlines()[-1] == APP_ID


def test_the_app_opens_markdown_files_and_not_folders():
    entry = desktop_entry()
    assert entry["MimeType"] == "text/markdown;"
    # The windowed program (pipx's gui-script, the bundle's second executable):
    # on Windows the console one would open a console beside the window.
    assert entry["Exec"] == "galley-gui %F"


def test_the_metainfo_shows_screenshots_links_and_releases():
    root = ET.parse(METAINFO).getroot()
    images = [i.text for i in root.iter("image")]
    assert images and all(i.startswith("https://") and "/docs/screenshots/" in i for i in images)
    assert {u.get("type") for u in root.iter("url")} >= {"homepage", "bugtracker"}
    versions = [r.get("version") for r in root.iter("release")]
    from editor import __version__

    assert versions[0] == __version__  # newest first, and the one being shipped
    assert root.find("content_rating").get("type") == "oars-1.1"


def _validator(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (packaging/system-deps.sh installs it)")
    return path


def test_the_desktop_file_validates():
    out = subprocess.run([_validator("desktop-file-validate"), str(DESKTOP)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "error" not in out.stdout.lower(), out.stdout


def test_the_metainfo_validates():
    out = subprocess.run([_validator("appstreamcli"), "validate", "--no-net", "--pedantic", str(METAINFO)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr
    assert not any(line.startswith(("E:", "W:")) for line in out.stdout.splitlines()), out.stdout


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_each_png_icon_has_the_size_its_name_says():
    for size in SIZES:
        assert _png_size(ICONS / f"galley-{size}.png") == (size, size)
    ET.parse(ICONS / "galley.svg")  # the drawing they come from is well-formed


def _installed(data: Path) -> list[str]:
    return sorted(str(p.relative_to(data)) for p in data.rglob("*")
                  if p.is_file() and not p.name.endswith(".cache"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG launcher folders: a Linux desktop's")
def test_make_install_desktop_puts_the_app_in_the_users_folders_and_uninstall_takes_it_out(tmp_path):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    data = tmp_path / "data"
    env = dict(os.environ, XDG_DATA_HOME=str(data))
    subprocess.run(["make", "-s", "-C", str(ROOT), "install-desktop"], env=env, check=True,
                   capture_output=True, timeout=120)
    expected = sorted([f"applications/{APP_ID}.desktop", f"metainfo/{APP_ID}.metainfo.xml",
                       f"icons/hicolor/scalable/apps/{APP_ID}.svg"]
                      + [f"icons/hicolor/{s}x{s}/apps/{APP_ID}.png" for s in SIZES])
    assert _installed(data) == expected
    assert (data / "applications" / DESKTOP.name).read_bytes() == DESKTOP.read_bytes()
    assert _png_size(data / "icons/hicolor/48x48/apps" / f"{APP_ID}.png") == (48, 48)
    subprocess.run(["make", "-s", "-C", str(ROOT), "uninstall-desktop"], env=env, check=True,
                   capture_output=True, timeout=120)
    assert _installed(data) == []
