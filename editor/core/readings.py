"""When what a value looks like is not what the generator reads.

YAML 1.1 (what Jekyll's Psych reads) takes `10:00` for the number 600,
`012345` for the octal 5349 and `no` for false; every format drops the zero of
`1.10`. The form shows such a value as written and adds the sentence made
here, which says what is read and how to keep the text (quote it).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_GENERATOR = {"yaml": "YAML 1.1 (Jekyll)", "toml": "TOML", "json": "JSON"}

_BASE_60 = re.compile(r"[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?")
_OCTAL = re.compile(r"[-+]?0[0-7_]+")
_HEX = re.compile(r"[-+]?0x[0-9a-fA-F_]+")
_BINARY = re.compile(r"[-+]?0b[01_]+")
_TRAILING_ZERO = re.compile(r"[-+]?\d*\.\d*0")
_LEADING_DOT = re.compile(r"[-+]?\.\d+")
_EXPONENT = re.compile(r"[-+]?[\d.]+[eE][-+]?\d+")
_DATE_LIKE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(\.\d+)?)?"
    r"([ \t]*(?:Z|[-+]\d{1,2}(?::?\d{2})?))?")


def reading_hint(written: str | None, value: Any, kind: str = "yaml", *,
                 text_field: bool = False) -> str | None:
    """A short sentence when `written` (the text in the file) looks like one
    thing and the generator reads `value`, another; None when it reads as it
    looks. Numbers always get a hint; words read as true/false/null only when
    `text_field` (the field holds text, so `no` was meant as a word)."""
    if written is None:
        return None
    text = written.strip()
    reads = _GENERATOR.get(kind, kind)
    quoted = f"'{text}'" if kind == "yaml" else f'"{text}"'
    keep = f"; quote it ({quoted}) to keep the text"
    if isinstance(value, bool):
        if not text_field or text.lower() in ("true", "false"):
            return None
        return f"{reads} reads {text} as {'true' if value else 'false'}, not as a word{keep}"
    if value is None:
        if not text_field or text in ("", "~", "null"):
            return None
        return f"{reads} reads {text} as no value (null), not as a word{keep}"
    if isinstance(value, (int, float)):
        if _looks_like(text, value):
            return None
        return f"{reads} reads {text} as the number {value!r}{_why(text)}{keep}"
    if isinstance(value, str) and value.strip() == text:
        return _date_as_text(text, reads)
    return None


def _looks_like(text: str, value: int | float) -> bool:
    if isinstance(value, int):
        return text == str(value)
    return text in (repr(value), str(value)) or (value.is_integer() and text == f"{value:.1f}")


def _why(text: str) -> str:
    """Why the number differs from its text, in a few words (or nothing)."""
    body = text.lstrip("+-")
    if _BASE_60.fullmatch(text):
        return " (in base 60, as hours:minutes or minutes:seconds)"
    if _HEX.fullmatch(text):
        return " (hexadecimal)"
    if _BINARY.fullmatch(text):
        return " (binary)"
    if _OCTAL.fullmatch(text) and body != "0":
        return " (octal: a leading 0)"
    if "_" in text:
        return " (the underscores are dropped)"
    if _EXPONENT.fullmatch(text):
        return " (an exponent)"
    if _TRAILING_ZERO.fullmatch(text):
        return " (the trailing zero is not kept)"
    if _LEADING_DOT.fullmatch(text):
        return ""
    if text.startswith("+"):
        return " (the + is not kept)"
    return ""


def _date_as_text(text: str, reads: str) -> str | None:
    """The hint for a date written in a shape that reads as text."""
    m = _DATE_LIKE.fullmatch(text)
    if m is None:
        return None
    year, month, day, hour, minute, second, fraction, zone = m.groups()
    try:
        dt.date(int(year), int(month), int(day))
        if hour is not None:
            dt.time(int(hour), int(minute), int(second or 0))
    except ValueError:
        return f"{reads} reads {text} as text: there is no such date"
    shape = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    if hour is not None:
        shape += f" {int(hour):02d}:{int(minute):02d}:{int(second or 0):02d}{fraction or ''}"
        shape += (zone or "").strip() and " " + (zone or "").strip()
    if shape == text:
        return None
    what = "date-time" if hour is not None else "date"
    return f"{reads} reads {text} as text, not as a {what}; write it {shape} to make it one"
