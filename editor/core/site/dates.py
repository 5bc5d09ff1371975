"""Reading dates the way the generators do.

YAML only turns `2021-05-10 10:00:00 +09:00` into a timestamp; the common
`+0900` and `2021-5-3` forms stay strings that Jekyll (Ruby `Time.parse`) and
Hugo (`cast.ToTime`) still accept. So a string date is not wrong because YAML
left it a string; it is wrong when no generator could read it.
"""

from __future__ import annotations

import datetime as _dt
import re

_ISO = re.compile(
    r"""^\s*(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})
        (?:(?:[Tt]|\s+)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,](?P<f>\d+))?)?)?
        \s*(?P<tz>Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?|[A-Z]{3,4})?\s*$""",
    re.VERBOSE,
)

_ZONES = {"Z": 0, "z": 0, "UTC": 0, "GMT": 0, "KST": 9 * 60, "JST": 9 * 60, "CST": -6 * 60,
          "EST": -5 * 60, "EDT": -4 * 60, "PST": -8 * 60, "PDT": -7 * 60, "CET": 60,
          "CEST": 120, "BST": 60}


def parse_date(value: object) -> _dt.date | None:
    """A date or datetime (aware when the text names an offset), or None if unreadable."""
    if isinstance(value, _dt.datetime | _dt.date):
        return value
    if not isinstance(value, str):
        return None
    match = _ISO.match(value)
    if match:
        return _from_match(match)
    text = value.strip()
    if not text or not any(ch.isdigit() for ch in text):
        return None
    try:  # RFC 2822 / RFC 1123, which Hugo also reads: "Mon, 02 Jan 2006 15:04:05 MST"
        from email.utils import parsedate_to_datetime  # rare (RFC 2822 dates); 17 ms to import

        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in ("%d %b %Y", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %y %H:%M"):
        try:
            return _dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def _from_match(match: re.Match) -> _dt.date | None:
    g = match.groupdict()
    try:
        if g["H"] is None:
            if g["tz"] and g["tz"] not in _ZONES:
                return None
            return _dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
        micro = int((g["f"] or "0")[:6].ljust(6, "0"))
        tz = _zone(g["tz"]) if g["tz"] else None
        if g["tz"] and tz is None:
            return None
        return _dt.datetime(int(g["y"]), int(g["m"]), int(g["d"]), int(g["H"]), int(g["M"]),
                            int(g["S"] or 0), micro, tzinfo=tz)
    except ValueError:  # 2021-02-30, 25:00 ...
        return None


def _zone(text: str) -> _dt.tzinfo | None:
    if text in _ZONES:
        return _dt.timezone(_dt.timedelta(minutes=_ZONES[text]))
    digits = text[1:].replace(":", "")
    if len(digits) == 2:
        digits += "00"
    hours, minutes = int(digits[:2]), int(digits[2:4])
    if hours > 23 or minutes > 59:
        return None
    sign = -1 if text[0] == "-" else 1
    return _dt.timezone(sign * _dt.timedelta(hours=hours, minutes=minutes))


def calendar_day(value: _dt.date) -> _dt.date:
    """The day as written (an aware datetime keeps its own offset, not converted)."""
    return value.date() if isinstance(value, _dt.datetime) else value
