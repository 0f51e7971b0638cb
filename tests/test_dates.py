"""``parse_date_option``: one reading of --since and --as-of for every command."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from staffpulse.dates import parse_date_option
from staffpulse.errors import InputError


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-31", datetime(2026, 1, 31, tzinfo=UTC)),
        (" 2026-01-31 ", datetime(2026, 1, 31, tzinfo=UTC)),
        ("2026-01-31T09:30", datetime(2026, 1, 31, 9, 30, tzinfo=UTC)),
        ("2026-01-31T09:30:00Z", datetime(2026, 1, 31, 9, 30, tzinfo=UTC)),
        (
            "2026-01-31 09:30:00+02:00",
            datetime(2026, 1, 31, 9, 30, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("Wed Oct 10 20:19:24 +0000 2018", datetime(2018, 10, 10, 20, 19, 24, tzinfo=UTC)),
    ],
)
def test_iso_dates_and_times_and_x_timestamps_are_read_as_aware_datetimes(
    value: str, expected: datetime
) -> None:
    parsed = parse_date_option("--since", value)
    assert parsed == expected and parsed is not None and parsed.tzinfo is not None


@pytest.mark.parametrize("value", [None, "", "   "])
def test_no_value_means_no_date(value: str | None) -> None:
    assert parse_date_option("--as-of", value) is None


@pytest.mark.parametrize("value", ["yesterday", "31/01/2026", "2026-13-01"])
def test_anything_else_is_an_input_error_naming_the_option_with_an_example(value: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date_option("--as-of", value)
    assert caught.value.message == f"--as-of {value!r} is not a date"
    assert caught.value.hint is not None and "--as-of 2026-01-31" in caught.value.hint
    assert caught.value.exit_code == 65
