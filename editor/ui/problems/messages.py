"""A diagnostic's text in the writer's language.

Core keeps each diagnostic's English template and its parameters (context
"Diagnostics" in the catalogue); the window translates the template and then
fills it in. A diagnostic without a template (an older rule, a plain message)
shows its English message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _shown(template: str, params, fallback: str) -> str:
    if not template:
        return fallback
    values = dict(params or ())
    for text in (QCoreApplication.translate("Diagnostics", template), template):
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            # A translation naming a parameter the template lacks: the
            # English sentence is better than none.
            continue
    return fallback


def shown_message(d) -> str:
    """The diagnostic's message as the window shows it."""
    return _shown(getattr(d, "template", ""), getattr(d, "params", ()), getattr(d, "message", str(d)))


def shown_fix(d) -> str | None:
    """The diagnostic's suggested fix as the window shows it (None when it has none)."""
    fix = getattr(d, "fix", None) or getattr(d, "suggestion", None)
    fix = fix if isinstance(fix, str) else None
    return _shown(getattr(d, "fix_template", ""), getattr(d, "params", ()), fix or "") or fix
