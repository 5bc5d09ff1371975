"""The README's and the metainfo's pictures: every one is taken by
packaging/screenshots.py and is in docs/screenshots/, reasonably small."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"


def _taken() -> set[str]:
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "packaging" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {f"{name}.png" for name in module.shots(Path("/site"))}


def test_every_picture_the_readme_and_metainfo_show_is_taken_and_committed():
    readme = re.findall(r"\(docs/screenshots/([\w-]+\.png)\)", (ROOT / "README.md").read_text(encoding="utf-8"))
    metainfo = re.findall(r"docs/screenshots/([\w-]+\.png)",
                          (ROOT / "packaging" / "io.github.galley_editor.Galley.metainfo.xml").read_text())
    assert {"light.png", "dark.png", "korean.png"} <= set(metainfo)
    shown = set(readme) | set(metainfo)
    assert shown <= _taken(), f"not taken by packaging/screenshots.py: {shown - _taken()}"
    for name in shown:
        png = SHOTS / name
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
        assert png.stat().st_size < 300_000, f"{name}: optimise it (make screenshots)"


def test_the_example_site_is_never_the_one_changed():
    """The changed-on-disk and problems pictures rewrite or add posts: only in a copy."""
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "packaging" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, options in module.shots(Path("/copy")).items():
        if "--changed-on-disk" in options or "--problems" in options:
            assert options[0].startswith("/copy"), name
