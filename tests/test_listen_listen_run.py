"""A listen run's counters as saved with the run and shown live (staffpulse.listen.listen_run)."""

from __future__ import annotations

import time

from staffpulse.listen.listen_run import STREAM, ListenOptions, ListenStats


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
