"""Durations typed as options, and how long ago said for people: hours and days while
short, months and years when long."""

from __future__ import annotations

import pytest

from staffpulse.durations import format_span, parse_duration
from staffpulse.errors import InputError


def test_units_add_up_and_zero_means_no_limit() -> None:
    assert parse_duration("10m") == 600 and parse_duration("1h30m") == 5400
    assert parse_duration("45") == 45 and parse_duration("2d") == 172800
    assert parse_duration("0") is None and parse_duration("forever") is None


@pytest.mark.parametrize("text", ["ten minutes", "abc", "10x", "5m3"])
def test_a_typo_is_an_input_error_with_a_hint(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_duration(text)
    assert caught.value.hint


def test_weeks_are_seven_days_and_months_are_refused() -> None:
    assert parse_duration("2w") == 14 * 86400 and parse_duration("1w2d") == 9 * 86400
    with pytest.raises(InputError):
        parse_duration("1mo")  # "m" is minutes; a month is no fixed length


@pytest.mark.parametrize(
    ("hours", "said"),
    [
        (0.25, "15 min"),
        (5.4, "5 h"),
        (50, "2 days"),
        (59 * 24, "59 days"),
        (694 * 24, "22 months"),
        (4707 * 24, "12 years"),  # whole years: never more than has passed
    ],
)
def test_a_span_is_said_in_the_unit_a_reader_expects(hours: float, said: str) -> None:
    assert format_span(hours) == said
