"""``parse_date_option``: one reading of --since and --as-of for every command."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from staffpulse.dates import format_day, format_when, parse_date_option, plausible_post_time
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


@pytest.mark.parametrize(
    "value",
    [
        datetime(2026, 3, 5, tzinfo=UTC),
        datetime(2026, 3, 5, 23, 59),  # no zone: UTC, as the store keeps times
        datetime(2026, 3, 6, 1, 0, tzinfo=timezone(timedelta(hours=2))),  # 5 Mar, 23:00 UTC
        "2026-03-05",
        "2026-03-05T14:05:00Z",
    ],
)
def test_a_day_is_written_day_month_year_as_every_page_writes_it(value: datetime | str) -> None:
    assert format_day(value) == "5 Mar 2026"


def test_a_moment_is_its_day_and_its_utc_time_and_text_not_a_date_stays_as_it_is() -> None:
    moment = datetime(2026, 3, 5, 14, 5, tzinfo=UTC)
    assert format_when(moment) == f"{format_day(moment)}, 14:05 UTC"
    assert format_day("not a date") == "not a date" and format_day(None) == ""


IMPORTED = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("platform", "moment", "plausible"),
    [
        ("bluesky", datetime(2026, 3, 1, tzinfo=UTC), True),
        ("bluesky", datetime(1, 1, 1, tzinfo=UTC), False),  # an app's zero date
        ("bluesky", datetime(9999, 12, 31, tzinfo=UTC), False),
        ("bluesky", datetime(2015, 6, 1, tzinfo=UTC), False),  # an old tweet copied over
        ("x", datetime(2015, 6, 1, tzinfo=UTC), True),
        ("x", datetime(1970, 1, 1, tzinfo=UTC), False),  # epoch zero of a broken export
        ("mastodon", datetime(2010, 5, 1, tzinfo=UTC), True),  # an identi.ca status
        ("csv", datetime(2001, 1, 1, tzinfo=UTC), True),  # a platform staffpulse does not know
        ("csv", datetime(1970, 1, 1, tzinfo=UTC), False),
        ("x", IMPORTED + timedelta(hours=20), True),  # a clock a little ahead
        ("x", IMPORTED + timedelta(days=3), False),  # written after it was imported
    ],
)
def test_a_post_cannot_be_dated_before_its_platform_or_after_its_import(
    platform: str, moment: datetime, plausible: bool
) -> None:
    assert plausible_post_time(platform, moment, IMPORTED) is plausible
