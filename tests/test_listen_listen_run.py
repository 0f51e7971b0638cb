"""A listen run's counters as saved with the run and shown live (staffpulse.listen.listen_run)."""

from __future__ import annotations

import time

import pytest

from staffpulse.errors import InputError
from staffpulse.listen.listen_run import (
    FUTURE_MARGIN_US,
    STREAM,
    ListenOptions,
    ListenStats,
    check_cursor,
)


def test_the_saved_counters_say_how_long_and_how_fast_not_a_clock_reading() -> None:
    stats = ListenStats(frames=50, started=time.monotonic() - 10)
    saved = stats.as_dict()
    assert "started" not in saved  # a monotonic clock reading means nothing once saved
    assert 9 < saved["elapsed_seconds"] < 60
    assert saved["events_per_second"] == round(50 / stats.elapsed, 1)
    assert saved["frames"] == 50 and saved["cursor"] is None


def test_lag_is_unknown_until_a_cursor_and_then_how_far_behind_now() -> None:
    stats = ListenStats()
    assert stats.lag_seconds is None
    stats.cursor = int((time.time() - 30) * 1e6)
    assert stats.lag_seconds is not None and 29 < stats.lag_seconds < 60
    stats.cursor = int((time.time() + 30) * 1e6)  # a clock ahead of ours is no negative lag
    assert stats.lag_seconds == 0.0


def test_options_resume_the_jetstream_cursor_by_default() -> None:
    options = ListenOptions(url="wss://jetstream.example/subscribe")
    assert options.stream == STREAM and options.cursor is None


def test_a_cursor_in_the_future_is_refused_with_its_date() -> None:
    # Jetstream answers it with the live tail, all older than the cursor: nothing would be kept
    now = 1_780_000_000.0  # seconds
    now_us = int(now * 1_000_000)
    for fine in (None, 0, now_us, now_us + FUTURE_MARGIN_US):  # a clock a little ahead is fine
        check_cursor(fine, now=now)
    with pytest.raises(InputError, match="in the future") as caught:
        check_cursor(now_us + 2 * FUTURE_MARGIN_US, now=now)
    assert "2026" in caught.value.message and caught.value.exit_code == 65
    assert caught.value.hint is not None and "0 for the live tail" in caught.value.hint
    with pytest.raises(InputError, match="far, in the future"):  # past the year 9999
        check_cursor(10**20, now=now)
    with pytest.raises(InputError, match="must be 0"):
        check_cursor(-1, now=now)
