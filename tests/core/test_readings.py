"""What a value looks like against what the generator reads (editor.core.post.readings)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from editor.core.post.readings import Reading, reader, reading, reading_hint
from editor.core.post.yaml_loader import GalleyLoader

#: The form shows the main sentence under a narrow field.
NARROW = 70


def _yaml(text: str):
    return yaml.load(f"k: {text}", Loader=GalleyLoader)["k"]


def _main(hint: str) -> str:
    return hint[:hint.index(").") + 2]


@pytest.mark.parametrize("text, shown, why", [
    ("10:00", "600", "YAML 1.1 base 60"),
    ("1:30:00", "5400", "YAML 1.1 base 60"),
    ("012345", "5349", "YAML 1.1 octal"),
    ("1.10", "1.1", "YAML 1.1, trailing zero dropped"),
    ("0x1F", "31", "YAML 1.1 hexadecimal"),
    ("0b101", "5", "YAML 1.1 binary"),
    ("1_000", "1000", "YAML 1.1, underscores dropped"),
    (".5", "0.5", "YAML 1.1"),
    ("+5", "5", "YAML 1.1, + dropped"),
    ("1.5e+3", "1500.0", "YAML 1.1 exponent"),
])
def test_numbers_that_read_differently_say_what_is_read_why_and_to_quote(text, shown, why):
    hint = reading_hint(text, _yaml(text))
    assert hint == f"Read as the number {shown} ({why}). Quote it to keep the text."
    assert len(_main(hint)) <= NARROW


@pytest.mark.parametrize("text", ["600", "-3", "1.5", "1.0", "0", "2021-05-10", "hello",
                                  "2021-05-10 10:00:00 +0900", "true", "True", "Null", "~",
                                  ".inf", "-.Inf", ".NaN"])
def test_values_that_read_as_they_look_get_no_hint(text):
    assert reading_hint(text, _yaml(text)) is None
    assert reading_hint(text, _yaml(text), text_field=True) is None


def test_words_read_as_booleans_only_in_text_fields():
    assert reading_hint("no", False) is None  # a boolean field: `no` is meant
    assert reading_hint("no", False, text_field=True) == \
        "Read as false (YAML 1.1 boolean). Quote it to keep the text."
    assert reading_hint("On", True, text_field=True).startswith("Read as true (YAML 1.1 boolean).")
    assert reading_hint("", None, text_field=True) is None


def test_dates_in_a_shape_read_as_text_say_how_to_make_them_dates():
    assert reading_hint("2021-5-1", _yaml("2021-5-1")) == \
        "Read as text, not a date (YAML 1.1). Write 2021-05-01 to make it one."
    assert reading_hint("2021-05-10 10:00", _yaml("2021-05-10 10:00")) == \
        "Read as text, not a date-time (YAML 1.1). Write 2021-05-10 10:00:00 to make it one."
    assert reading_hint("2021-02-30", "2021-02-30") == "Read as text (there is no such date)."
    assert reading_hint("2021-5-1 9:00:00", _yaml("2021-5-1 9:00:00")) is None  # a datetime
    assert isinstance(_yaml("2021-5-1 9:00:00"), dt.datetime)


def test_other_formats_name_their_rules():
    assert reading_hint("1.10", 1.1, "toml") == \
        "Read as the number 1.1 (TOML, trailing zero dropped). Quote it to keep the text."
    assert reading_hint("1e3", 1000.0, "json").startswith("Read as the number 1000.0 (JSON exponent).")


def test_a_generator_says_whose_reading_it_is():
    assert reader("jekyll") == reader("unknown") == "as Jekyll reads posts"
    assert reader("hugo") == "as Galley reads every post"
    found = reading("10:00", 600, generator="hugo")
    assert found == Reading("the number 600", "YAML 1.1 base 60, as Galley reads every post")
    assert found.sentence("VALUE '10:00' is read") == \
        "VALUE '10:00' is read as the number 600 (YAML 1.1 base 60, as Galley reads every post)."
    assert reading("600", 600, generator="jekyll") is None


def test_no_text_no_hint():
    assert reading_hint(None, 600) is None
    assert reading(None, 600) is None
