"""When what a value looks like is not what the generator reads.

YAML 1.1 (what Jekyll's Psych reads) takes `10:00` for the number 600,
`012345` for the octal 5349 and `no` for false; every format drops the zero of
`1.10`. The form shows such a value as written with the hint made here, and
`galley fm set` prints it as a note: what is read, why, and how to keep the
text. The sentences are short: the form shows them under a narrow field.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

#: The rules each front-matter format is read by.
_RULES = {"yaml": "YAML 1.1", "toml": "TOML", "json": "JSON"}

QUOTE_IT = "Quote it to keep the text."

_BASE_60 = re.compile(r"[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?")
_OCTAL = re.compile(r"[-+]?0[0-7_]+")
_HEX = re.compile(r"[-+]?0x[0-9a-fA-F_]+")
_BINARY = re.compile(r"[-+]?0b[01_]+")
_TRAILING_ZERO = re.compile(r"[-+]?\d*\.\d*0")
_EXPONENT = re.compile(r"[-+]?[\d.]+[eE][-+]?\d+")
_DATE_LIKE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(\.\d+)?)?"
    r"([ \t]*(?:Z|[-+]\d{1,2}(?::?\d{2})?))?")


@dataclass(frozen=True)
class Reading:
    """What a written value is read as (`what`), by which rules and why
    (`why`), and what the writer can do about it (`then`)."""

    what: str
    why: str
    then: str = QUOTE_IT

    def sentence(self, subject: str = "Read") -> str:
        """The main sentence: `Read as the number 600 (YAML 1.1 base 60).`"""
        return f"{subject} as {self.what} ({self.why})."

    def __str__(self) -> str:
        return f"{self.sentence()} {self.then}".rstrip()


def reader(generator: str) -> str:
    """Whose reading Galley follows for a site built by `generator`: Jekyll
    reads YAML 1.1 (Psych); Galley reads every other site's posts the same way."""
    return "as Jekyll reads posts" if generator in ("jekyll", "unknown") else "as Galley reads every post"


def reading(written: str | None, value: Any, kind: str = "yaml", *, text_field: bool = False,
            generator: str | None = None) -> Reading | None:
    """How `written` (the text in the file, or typed) is read when it reads
    as `value`, something other than it looks; None when it reads as it looks.
    Numbers always count; words read as true/false/null only when `text_field`
    (the value is meant as text, so `no` was meant as a word). With a
    `generator` ("jekyll", "hugo", ...) `why` also says whose reading it is."""
    if written is None:
        return None
    text = written.strip()
    rules = _RULES.get(kind, kind)
    found = _reading(text, value, rules, text_field)
    if found is None or generator is None:
        return found
    return Reading(found.what, f"{found.why}, {reader(generator)}", found.then)


def reading_hint(written: str | None, value: Any, kind: str = "yaml", *,
                 text_field: bool = False, generator: str | None = None) -> str | None:
    """The hint the form shows under a value (see `reading`), or None:
    `Read as the number 600 (YAML 1.1 base 60). Quote it to keep the text.`"""
    found = reading(written, value, kind, text_field=text_field, generator=generator)
    return None if found is None else str(found)


def _reading(text: str, value: Any, rules: str, text_field: bool) -> Reading | None:
    if isinstance(value, bool):
        if not text_field or text.lower() in ("true", "false"):
            return None
        return Reading("true" if value else "false", f"{rules} boolean")
    if value is None:
        if not text_field or text.lower() in ("", "~", "null"):
            return None
        return Reading("no value", f"{rules} null")
    if isinstance(value, (int, float)):
        if _looks_like(text, value):
            return None
        return Reading(f"the number {value!r}", rules + _why(text))
    if isinstance(value, str) and value.strip() == text:
        return _date_as_text(text, rules)
    return None


def _looks_like(text: str, value: int | float) -> bool:
    if isinstance(value, int):
        return text == str(value)
    if not math.isfinite(value):  # `.inf`, `-.Inf`, `.NaN`: the format's own spelling
        return text.lower().lstrip("+") in (".inf", "-.inf", ".nan")
    return text in (repr(value), str(value)) or (value.is_integer() and text == f"{value:.1f}")


def _why(text: str) -> str:
    """Why the number differs from its text, in a word or two after the
    rules' name (or nothing)."""
    if _BASE_60.fullmatch(text):
        return " base 60"
    if _HEX.fullmatch(text):
        return " hexadecimal"
    if _BINARY.fullmatch(text):
        return " binary"
    if _OCTAL.fullmatch(text) and text.lstrip("+-") != "0":
        return " octal"
    if "_" in text:
        return ", underscores dropped"
    if _EXPONENT.fullmatch(text):
        return " exponent"
    if _TRAILING_ZERO.fullmatch(text):
        return ", trailing zero dropped"
    if text.startswith("+"):
        return ", + dropped"
    return ""


def _date_as_text(text: str, rules: str) -> Reading | None:
    """How a date written in a shape that reads as text is read."""
    m = _DATE_LIKE.fullmatch(text)
    if m is None:
        return None
    year, month, day, hour, minute, second, fraction, zone = m.groups()
    try:
        dt.date(int(year), int(month), int(day))
        if hour is not None:
            dt.time(int(hour), int(minute), int(second or 0))
    except ValueError:
        return Reading("text", "there is no such date", "")
    shape = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    if hour is not None:
        shape += f" {int(hour):02d}:{int(minute):02d}:{int(second or 0):02d}{fraction or ''}"
        shape += (zone or "").strip() and " " + (zone or "").strip()
    if shape == text:
        return None
    what = "date-time" if hour is not None else "date"
    return Reading(f"text, not a {what}", rules, f"Write {shape} to make it one.")
