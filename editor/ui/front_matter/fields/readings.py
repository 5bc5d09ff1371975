"""What the generator reads a piece of text as (YAML 1.1, as Jekyll reads it).

The boxes that show a value as written (numbers, dates, `10:00`) ask here
whether the text they hold reads as a number or a date, and whether the
generator reads it differently from how it looks (`editor.core.post.readings`).
"""

from __future__ import annotations

import datetime as dt

_MISSING = object()


def reads_as(text: str):
    """The value `text` reads as, written plain after a key; `_MISSING` when
    it does not read at all (`a: b: c`)."""
    from editor.core.post.yaml_emit import load_scalar_text

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
    from editor.ui.front_matter.fields.datesteps import parse_shape

    return parse_shape(text) is not None


def reading_hint(written: str | None, value, text_field: bool = False) -> str | None:
    """A short sentence when `written` reads as something other than it looks
    (`text_field`: the box holds text, so a word read as true/false was meant
    as a word)."""
    if written is None:
        return None
    from editor.core.post.readings import reading_hint as core_hint
    from editor.ui.i18n import shown_text

    try:
        hint = core_hint(written, value, text_field=text_field)
    except Exception:  # a hint is help, never a reason to fail showing a value
        return None
    return None if hint is None else shown_text(hint)


def hint_for_text(text: str, text_field: bool = False) -> str | None:
    """The hint for text the writer is typing into a value shown as written."""
    value = reads_as(text)
    if value is _MISSING:
        return None
    return reading_hint(text, value, text_field)
