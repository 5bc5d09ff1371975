"""What the generator reads a piece of text as (YAML 1.1, as Jekyll reads it).

The boxes that show a value as written (numbers, dates, `10:00`) ask here
whether the text they hold reads as a number or a date, and whether the
generator reads it differently from how it looks (`editor.core.readings`).
"""

from __future__ import annotations

import datetime as dt

_MISSING = object()


def reads_as(text: str):
    """The value `text` reads as, written plain after a key; `_MISSING` when
    it does not read at all (`a: b: c`)."""
    from editor.core.yaml_emit import load_scalar_text

    try:
        return load_scalar_text(text)
    except Exception:  # any loader error: not a value the writer can save as is
        return _MISSING


def reads_as_number(text: str) -> bool:
    value = reads_as(text.strip())
    return isinstance(value, (int, float)) and not isinstance(value, bool) and "\n" not in text


def reads_as_date(text: str) -> bool:
    """A date or date-time as the generator takes it: a YAML timestamp, or one
    of the string shapes Jekyll parses in `date:` (`2021-05-10 10:00`)."""
    text = text.strip()
    if not text or "\n" in text:
        return False
    if isinstance(reads_as(text), dt.date):
        return True
    from editor.ui.fields.datesteps import parse_shape

    return parse_shape(text) is not None


def reading_hint(written: str | None, value) -> str | None:
    """A short sentence when `written` reads as something other than it looks."""
    if written is None:
        return None
    try:
        from editor.core.readings import reading_hint as core_hint
    except ImportError:  # the core's own wording, where it has it
        core_hint = _fallback_hint
    try:
        return core_hint(written, value)
    except Exception:  # a hint is help, never a reason to fail showing a value
        return None


def hint_for_text(text: str) -> str | None:
    """The hint for text the writer is typing into a value shown as written."""
    value = reads_as(text)
    if value is _MISSING:
        return None
    return reading_hint(text, value)


def _fallback_hint(written: str, value) -> str | None:
    """A plain wording of the same hint, for a core without editor.core.readings."""
    text = written.strip()
    if isinstance(value, bool):
        return f"YAML 1.1 (Jekyll) reads {text} as {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        try:
            looks = float(text.replace("_", ""))
        except ValueError:
            looks = None
        if looks == value and str(value) == text:
            return None
        return f"YAML 1.1 (Jekyll) reads {text} as the number {value!r}"
    return None
