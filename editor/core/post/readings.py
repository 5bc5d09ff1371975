"""When what a value looks like is not what the generator reads.

YAML 1.1 (what Jekyll's Psych reads) takes `10:00` for the number 600,
`012345` for the octal 5349 and `no` for false; every format drops the zero of
`1.10`. The form shows such a value as written with the hint made here, and
`galley fm set` prints it as a note: what is read, why, and how to keep the
text. The sentences are short: the form shows them under a narrow field.

Each piece is a template of `TEXTS` (context "Readings" in the catalogue):
the hint is a `Text`, English for the CLI and translated by the window.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

from editor.core.post.texts import QT_TRANSLATE_NOOP, Text

#: The rules each front-matter format is read by.
_RULES = {"yaml": "YAML 1.1", "toml": "TOML", "json": "JSON"}

#: The translation context of every reading template.
CONTEXT = "Readings"

TEXTS: dict[str, str] = {
    # The hint under a field: what the value is read as, why, and what to do.
    "hint": QT_TRANSLATE_NOOP("Readings", "Read as {what} ({why}). {then}"),
    "hint/no-advice": QT_TRANSLATE_NOOP("Readings", "Read as {what} ({why})."),
    "quote-it": QT_TRANSLATE_NOOP("Readings", "Quote it to keep the text."),
    "write-shape": QT_TRANSLATE_NOOP("Readings", "Write {shape} to make it one."),
    # What a value is read as ("true" and "false" stay: they are the words the file would hold).
    "no-value": QT_TRANSLATE_NOOP("Readings", "no value"),
    "number": QT_TRANSLATE_NOOP("Readings", "the number {value!r}"),
    "text": QT_TRANSLATE_NOOP("Readings", "text"),
    "text-not-date": QT_TRANSLATE_NOOP("Readings", "text, not a date"),
    "text-not-date-time": QT_TRANSLATE_NOOP("Readings", "text, not a date-time"),
    # Why: the rules' name ("YAML 1.1", "TOML", "JSON") and the reason.
    "boolean": QT_TRANSLATE_NOOP("Readings", "{rules} boolean"),
    "null": QT_TRANSLATE_NOOP("Readings", "{rules} null"),
    "base-60": QT_TRANSLATE_NOOP("Readings", "{rules} base 60"),
    "hexadecimal": QT_TRANSLATE_NOOP("Readings", "{rules} hexadecimal"),
    "binary": QT_TRANSLATE_NOOP("Readings", "{rules} binary"),
    "octal": QT_TRANSLATE_NOOP("Readings", "{rules} octal"),
    "underscores": QT_TRANSLATE_NOOP("Readings", "{rules}, underscores dropped"),
    "exponent": QT_TRANSLATE_NOOP("Readings", "{rules} exponent"),
    "trailing-zero": QT_TRANSLATE_NOOP("Readings", "{rules}, trailing zero dropped"),
    "plus": QT_TRANSLATE_NOOP("Readings", "{rules}, + dropped"),
    "no-such-date": QT_TRANSLATE_NOOP("Readings", "there is no such date"),
    # Whose reading it is, after the reason.
    "whose": QT_TRANSLATE_NOOP("Readings", "{why}, {reader}"),
    "reader/jekyll": QT_TRANSLATE_NOOP("Readings", "as Jekyll reads posts"),
    "reader/galley": QT_TRANSLATE_NOOP("Readings", "as Galley reads every post"),
}


def _t(key: str, **params: Any) -> Text:
    return Text(CONTEXT, TEXTS[key], **params)


QUOTE_IT = _t("quote-it")

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

    def hint(self) -> Text:
        """`Read as the number 600 (YAML 1.1 base 60). Quote it to keep the text.`"""
        if self.then:
            return _t("hint", what=self.what, why=self.why, then=self.then)
        return _t("hint/no-advice", what=self.what, why=self.why)

    def __str__(self) -> str:
        return str.__str__(self.hint())


def reader(generator: str) -> str:
    """Whose reading Galley follows for a site built by `generator`: Jekyll
    reads YAML 1.1 (Psych); Galley reads every other site's posts the same way."""
    return _t("reader/jekyll") if generator in ("jekyll", "unknown") else _t("reader/galley")


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
    return Reading(found.what, _t("whose", why=found.why, reader=reader(generator)), found.then)


def reading_hint(written: str | None, value: Any, kind: str = "yaml", *,
                 text_field: bool = False, generator: str | None = None) -> Text | None:
    """The hint the form shows under a value (see `reading`), or None:
    `Read as the number 600 (YAML 1.1 base 60). Quote it to keep the text.`"""
    found = reading(written, value, kind, text_field=text_field, generator=generator)
    return None if found is None else found.hint()


def _reading(text: str, value: Any, rules: str, text_field: bool) -> Reading | None:
    if isinstance(value, bool):
        if not text_field or text.lower() in ("true", "false"):
            return None
        return Reading("true" if value else "false", _t("boolean", rules=rules))
    if value is None:
        if not text_field or text.lower() in ("", "~", "null"):
            return None
        return Reading(_t("no-value"), _t("null", rules=rules))
    if isinstance(value, (int, float)):
        if _looks_like(text, value):
            return None
        why = _why(text)
        return Reading(_t("number", value=value), _t(why, rules=rules) if why else rules)
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
    """Why the number differs from its text: the key of a template that says
    it in a word or two after the rules' name ("" when there is no more to say)."""
    if _BASE_60.fullmatch(text):
        return "base-60"
    if _HEX.fullmatch(text):
        return "hexadecimal"
    if _BINARY.fullmatch(text):
        return "binary"
    if _OCTAL.fullmatch(text) and text.lstrip("+-") != "0":
        return "octal"
    if "_" in text:
        return "underscores"
    if _EXPONENT.fullmatch(text):
        return "exponent"
    if _TRAILING_ZERO.fullmatch(text):
        return "trailing-zero"
    if text.startswith("+"):
        return "plus"
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
        return Reading(_t("text"), _t("no-such-date"), "")
    shape = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    if hour is not None:
        shape += f" {int(hour):02d}:{int(minute):02d}:{int(second or 0):02d}{fraction or ''}"
        shape += (zone or "").strip() and " " + (zone or "").strip()
    if shape == text:
        return None
    what = _t("text-not-date-time") if hour is not None else _t("text-not-date")
    return Reading(what, rules, _t("write-shape", shape=shape))
