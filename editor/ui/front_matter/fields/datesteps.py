"""Dates as text: find the parts of a written date, step one, keep the shape.

A date box shows the date as the file writes it (`2021-05-10 10:00:00 +0900`,
`2021-5-3`, `2021-05-10T10:00Z`) and Up/Down change the part under the caret.
The result keeps everything else as it was: the padding of each number, the
separators, seconds or none, fractions, and the time zone, written the same
way. Plain Python (no Qt): the arithmetic is tested on its own.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_SHAPE = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:(?P<sep>[Tt]|[ \t]+)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?P<frac>\.\d+)?"
    r"(?P<tzsep>[ \t]*)(?P<tz>Z|z|[+-]\d{1,2}(?::?\d{2})?)?)?"
)
PARTS = ("y", "m", "d", "H", "M", "S")


@dataclass(frozen=True)
class Shape:
    """A written date, parsed: its numbers and where each one is in the text."""

    text: str
    values: dict[str, int]
    spans: dict[str, tuple[int, int]]

    @property
    def has_time(self) -> bool:
        return "H" in self.values

    def part_at(self, caret: int) -> str:
        """The part the caret is in or just after (the last part when past all)."""
        for name in PARTS:
            span = self.spans.get(name)
            if span and span[0] <= caret <= span[1]:
                return name
        present = [p for p in PARTS if p in self.spans]
        before = [p for p in present if self.spans[p][1] <= caret]
        return before[-1] if before else present[0]


def parse_shape(text: str) -> Shape | None:
    """The parts of `text` when it is a whole, real date or date-time; else None."""
    m = _SHAPE.fullmatch(text)
    if m is None:
        return None
    values = {p: int(m.group(p)) for p in PARTS if m.group(p) is not None}
    spans = {p: m.span(p) for p in values}
    try:
        dt.datetime(values["y"], values["m"], values["d"], values.get("H", 0), values.get("M", 0),
                    values.get("S", 0))
    except ValueError:
        return None
    return Shape(text, values, spans)


def _with(shape: Shape, values: dict[str, int]) -> tuple[str, dict[str, tuple[int, int]]]:
    """`shape`'s text with new numbers, each as wide as it was written (at least)."""
    out, spans, pos = [], {}, 0
    for name in PARTS:
        if name not in shape.spans:
            continue
        start, end = shape.spans[name]
        out.append(shape.text[pos:start])
        width = end - start
        number = f"{values[name]:0{width}d}"
        here = sum(map(len, out))
        spans[name] = (here, here + len(number))
        out.append(number)
        pos = end
    out.append(shape.text[pos:])
    return "".join(out), spans


def _moved(values: dict[str, int], part: str, delta: int) -> dict[str, int] | None:
    y, m, d = values["y"], values["m"], values["d"]
    try:
        if part in ("y", "m"):
            months = y * 12 + (m - 1) + (delta * 12 if part == "y" else delta)
            y, m = divmod(months, 12)
            m += 1
            d = min(d, calendar.monthrange(y, m)[1]) if 1 <= y <= 9999 else d
            moment = dt.datetime(y, m, d, values.get("H", 0), values.get("M", 0), values.get("S", 0))
        else:
            unit = {"d": "days", "H": "hours", "M": "minutes", "S": "seconds"}[part]
            moment = dt.datetime(y, m, d, values.get("H", 0), values.get("M", 0), values.get("S", 0))
            moment += dt.timedelta(**{unit: delta})
    except (ValueError, OverflowError):
        return None  # past year 1 or 9999: stay
    new = {"y": moment.year, "m": moment.month, "d": moment.day}
    if "H" in values:
        new.update(H=moment.hour, M=moment.minute)
        if "S" in values:
            new["S"] = moment.second
        elif moment.second:
            return None
    return new


def step(text: str, caret: int, delta: int) -> tuple[str, int] | None:
    """`text` with the part under `caret` moved by `delta`, and where the caret
    goes (the end of the same part); None when `text` is not a whole date."""
    shape = parse_shape(text)
    if shape is None:
        return None
    part = shape.part_at(caret)
    values = _moved(shape.values, part, delta)
    if values is None:
        return text, caret
    new_text, spans = _with(shape, values)
    return new_text, spans[part][1]


def replace_date(text: str, day: dt.date) -> str:
    """`text` with its calendar date set to `day`, time and zone kept; just
    the date when `text` is no date (empty, or being typed)."""
    shape = parse_shape(text)
    if shape is None:
        return day.isoformat()
    values = dict(shape.values, y=day.year, m=day.month, d=day.day)
    return _with(shape, values)[0]


def date_of(text: str) -> dt.date | None:
    shape = parse_shape(text.strip())
    if shape is None:
        return None
    return dt.date(shape.values["y"], shape.values["m"], shape.values["d"])


def today_text(with_time: bool, now: dt.datetime | None = None) -> str:
    """Where an empty date box starts: today (and now, with the local zone)."""
    now = now or dt.datetime.now().astimezone()
    if not with_time:
        return now.date().isoformat()
    return now.strftime("%Y-%m-%d %H:%M:00 %z").rstrip()
