"""How a problem's severity is drawn: the style's own icons and colours.

Not emoji: a machine without an emoji font (a bare Linux install, this
project's CI) draws "⛔" as an empty box, so the problems panel, the form's
field marks and the status bar use what the Qt style and the basic fonts
always have.
"""

from __future__ import annotations

#: Mark colours beside a form field (readable on the light and dark palettes).
COLORS = {"error": "#d93025", "warning": "#e8a400", "info": "#3b82f6"}


def icon(severity: str):
    """The style's icon for `severity` ("error", "warning", "info")."""
    # Imported here: QStyle's eleven enums cost ~4 ms to create, and the
    # first problem is shown well after the window's first paint.
    from PySide6.QtWidgets import QApplication, QStyle

    pixmap = {
        "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
        "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    }.get(severity, QStyle.StandardPixmap.SP_MessageBoxInformation)
    return QApplication.style().standardIcon(pixmap)


def field_mark(severity: str) -> str:
    """Rich text to put after a field's label: a dot in the severity's colour."""
    return f'<span style="color:{COLORS.get(severity, COLORS["info"])}">●</span>'


def counts_text(errors: int, warnings: int) -> str:
    """"2 errors · 1 warning" for the status bar ("" when there are none)."""
    if not errors and not warnings:
        return ""
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    from editor.ui.i18n import english_plural

    return translate("Severity", "{errors} · {warnings}").format(
        errors=english_plural(translate("Severity", "%n error(s)", None, errors), errors),
        warnings=english_plural(translate("Severity", "%n warning(s)", None, warnings), warnings),
    )


def severity_name(severity: str) -> str:
    """The severity as a word for tooltips and screen readers."""
    from PySide6.QtCore import QCoreApplication

    label = _NAMES.get(severity)
    return QCoreApplication.translate("Severity", label) if label else severity


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


_NAMES = {
    "error": QT_TRANSLATE_NOOP("Severity", "error"),
    "warning": QT_TRANSLATE_NOOP("Severity", "warning"),
    "info": QT_TRANSLATE_NOOP("Severity", "info"),
}
