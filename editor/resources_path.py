"""Files shipped in resources/ (installed as the package `editor.resources`)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Absolute path of a shipped resource file, e.g. resource_path("preview", "preview.js")."""
    return Path(str(resources.files("editor.resources").joinpath(*parts)))


def read_resource(*parts: str) -> str:
    return resources.files("editor.resources").joinpath(*parts).read_text(encoding="utf-8")
