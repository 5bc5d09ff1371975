"""What a value looks like against what the generator reads (editor.core.readings)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from editor.core.readings import reading_hint
from editor.core.yaml_loader import GalleyLoader


def _yaml(text: str):
    return yaml.load(f"k: {text}", Loader=GalleyLoader)["k"]


@pytest.mark.parametrize("text, shown, why", [
    ("10:00", "600", "base 60"),
    ("012345", "5349", "octal"),
    ("1.10", "1.1", "trailing zero"),
    ("0x1F", "31", "hexadecimal"),
    ("1_000", "1000", "underscores"),
    (".5", "0.5", ""),
    ("+5", "5", "+"),
])
def test_numbers_that_read_differently_say_what_is_read(text, shown, why):
    hint = reading_hint(text, _yaml(text))
    assert hint is not None
    assert f"reads {text} as the number {shown}" in hint and why in hint
    assert f"quote it ('{text}')" in hint and hint.startswith("YAML 1.1 (Jekyll)")


@pytest.mark.parametrize("text", ["600", "-3", "1.5", "1.0", "0", "2021-05-10", "hello",
                                  "2021-05-10 10:00:00 +0900", "true"])
def test_values_that_read_as_they_look_get_no_hint(text):
    assert reading_hint(text, _yaml(text)) is None
    assert reading_hint(text, _yaml(text), text_field=True) is None


def test_words_read_as_booleans_only_in_text_fields():
    assert reading_hint("no", False) is None  # a boolean field: `no` is meant
    hint = reading_hint("no", False, text_field=True)
    assert "reads no as false" in hint and "('no')" in hint
    assert "as true" in reading_hint("On", True, text_field=True)
    assert "null" in reading_hint("Null", None, text_field=True)
    assert reading_hint("", None, text_field=True) is None


def test_dates_in_a_shape_read_as_text():
    hint = reading_hint("2021-5-1", _yaml("2021-5-1"))
    assert hint is not None and "as text, not as a date" in hint and "2021-05-01" in hint
    hint = reading_hint("2021-05-10 10:00", _yaml("2021-05-10 10:00"))
    assert "date-time" in hint and "2021-05-10 10:00:00" in hint
    assert "no such date" in reading_hint("2021-02-30", "2021-02-30")
    assert reading_hint("2021-5-1 9:00:00", _yaml("2021-5-1 9:00:00")) is None  # a datetime
    assert isinstance(_yaml("2021-5-1 9:00:00"), dt.datetime)


def test_other_formats_name_themselves_and_their_quotes():
    assert reading_hint("1.10", 1.1, "toml") == \
        'TOML reads 1.10 as the number 1.1 (the trailing zero is not kept); quote it ("1.10") to keep the text'
    assert "JSON reads 1e3 as the number 1000.0 (an exponent)" in reading_hint("1e3", 1000.0, "json")


def test_no_text_no_hint():
    assert reading_hint(None, 600) is None
