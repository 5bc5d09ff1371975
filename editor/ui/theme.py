"""Light and dark colours shared by the editor views (highlighting, line numbers).

The app follows the platform palette ("auto"), or the writer's choice. One
small table per theme keeps every view's colours consistent and lets the
preview be told which theme to use.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette


@dataclass(frozen=True)
class Colors:
    name: str  # "light" | "dark"
    heading: str
    emphasis: str
    link: str
    image: str
    code: str
    code_bg: str
    fence: str
    html: str
    liquid: str
    quote: str
    list_marker: str
    current_line: str
    line_numbers_fg: str
    line_numbers_bg: str
    yaml_key: str
    error: str
    warning: str
    info: str


LIGHT = Colors(
    name="light", heading="#1a4f9c", emphasis="#6b3fa0", link="#0b6bcb", image="#0a7d5a",
    code="#a33d17", code_bg="#f3f1ec", fence="#7a6a4f", html="#9c2a6b", liquid="#b35c00",
    quote="#5f6b7a", list_marker="#b35c00", current_line="#f4f6fb",
    line_numbers_fg="#9aa3ad", line_numbers_bg="#fafafa", yaml_key="#1a4f9c",
    error="#d32f2f", warning="#d98c00", info="#3b7dd8",
)
DARK = Colors(
    name="dark", heading="#7fb0ff", emphasis="#d0a6ff", link="#6cb6ff", image="#56d4a6",
    code="#ffab70", code_bg="#2a2d33", fence="#bfa77a", html="#f088c0", liquid="#ffb454",
    quote="#9aa7b5", list_marker="#ffb454", current_line="#2b2f36",
    line_numbers_fg="#6b737d", line_numbers_bg="#1f2226", yaml_key="#7fb0ff",
    error="#ff6b6b", warning="#ffc24b", info="#6cb6ff",
)


def palette_is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def colors_for(theme: str) -> Colors:
    """`theme` is "light", "dark" or "auto" (follow the application palette)."""
    if theme == "auto":
        return DARK if palette_is_dark() else LIGHT
    return DARK if theme == "dark" else LIGHT


def dark_palette() -> QPalette:
    """A dark QPalette for when the writer picks dark on a light desktop."""
    p = QPalette()
    base, window, text = QColor("#1e2125"), QColor("#25282d"), QColor("#e6e6e6")
    for role, color in (
        (QPalette.ColorRole.Window, window), (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base), (QPalette.ColorRole.AlternateBase, window),
        (QPalette.ColorRole.Text, text), (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.ToolTipBase, window),
        (QPalette.ColorRole.ToolTipText, text), (QPalette.ColorRole.PlaceholderText, QColor("#8a8f96")),
        (QPalette.ColorRole.Highlight, QColor("#3d6fb6")), (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.Link, QColor("#6cb6ff")),
    ):
        p.setColor(role, color)
    return p
