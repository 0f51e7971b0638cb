"""How long ago, for people: hours and days while short, months and years when long."""

from __future__ import annotations

import pytest

from staffpulse.durations import format_span


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
