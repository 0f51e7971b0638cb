"""A listen run's counters as saved with the run and shown live (staffpulse.listen.listen_run)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from _listen_fakes import FakeScorer
from staffpulse.errors import InputError
from staffpulse.listen.jetstream import POST_COLLECTION
from staffpulse.listen.jetstream_file import replay_file
from staffpulse.listen.listen_run import (
    FUTURE_MARGIN_US,
    STREAM,
    ListenOptions,
    ListenStats,
    about_work_note,
    check_cursor,
)
from staffpulse.listen.relevance import RelevanceFilter
from staffpulse.listen.replay import frames_of
from staffpulse.report.terminal_inbox import render_file_summary
from staffpulse.store import open_store


def _frame(n: int, text: str) -> dict[str, Any]:
    return {
        "did": f"did:plc:p{n}", "time_us": 1_767_225_600_000_000 + n, "kind": "commit",
        "commit": {"operation": "create", "collection": POST_COLLECTION, "rkey": f"r{n}",
                   "record": {"text": text, "langs": ["en"],
                              "createdAt": "2026-01-01T00:00:00Z"}},
    }  # fmt: skip


def _replayed(tmp_path: Path, *texts: str) -> tuple[ListenStats, str]:
    """The counters and the summary of a listen run over posts of ``texts``."""
    path = tmp_path / "day.jsonl"
    events = [_frame(n, text) for n, text in enumerate(texts, 1)]
    path.write_text("\n".join(frames_of(events)) + "\n", encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        replay = replay_file(store, RelevanceFilter(scorer=FakeScorer()), path)
    console = Console(record=True, width=300)
    render_file_summary(console, path, replay)
    return replay.stats, console.export_text()


@pytest.fixture
def clocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The run's clocks stopped: 1,010 s on the monotonic one, 2,000,030 s on the wall's."""
    from types import SimpleNamespace

    from staffpulse.listen import listen_run

    stopped = SimpleNamespace(monotonic=lambda: 1010.0, time=lambda: 2_000_030.0)
    monkeypatch.setattr(listen_run, "time", stopped)


def test_the_saved_counters_say_how_long_and_how_fast_not_a_clock_reading(clocks: None) -> None:
    stats = ListenStats(frames=50, started=1000.0)
    saved = stats.as_dict()
    assert "started" not in saved  # a monotonic clock reading means nothing once saved
    assert saved["elapsed_seconds"] == 10.0 and saved["events_per_second"] == 5.0
    assert saved["frames"] == 50 and saved["cursor"] is None


def test_lag_is_unknown_until_a_cursor_and_then_how_far_behind_now(clocks: None) -> None:
    stats = ListenStats()
    assert stats.lag_seconds is None
    stats.cursor = 2_000_000 * 1_000_000
    assert stats.lag_seconds == 30.0
    stats.cursor = 2_000_060 * 1_000_000  # a clock ahead of ours is no negative lag
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


def test_a_listen_run_says_how_many_kept_posts_the_inbox_will_read_as_about_work(
    tmp_path: Path,
) -> None:
    """The classifier keeps any post that reads like work talk; the summary says how many of
    them name a work matter, so 'kept 3' is not read as three conversations to join."""
    stats, text = _replayed(
        tmp_path,
        "Recruiters: how fast do you reply to new applicants?",
        "My hr monitor says I slept badly again",
        "Morning run done, hr at 150 the whole way",
    )
    assert (stats.kept, stats.kept_about_work) == (3, 1)
    assert stats.as_dict()["kept_about_work"] == 1  # listen --json
    assert (
        "1 of the 3 posts kept for themselves names a work matter in so many words; the rest are"
        " kept in case a reply makes their thread about work: the inbox offers only"
        " conversations about work, so expect fewer there"
    ) in text


def test_no_about_work_note_when_every_kept_post_names_a_work_matter() -> None:
    stats = ListenStats(kept=4, kept_in_thread=1, kept_about_work=3)
    assert about_work_note(stats) is None


def test_a_listen_run_counts_hashtag_game_jokes_as_the_inbox_leaves_them_out(
    tmp_path: Path,
) -> None:
    """A hashtag game's entry names work but the inbox leaves it out: the listen summary
    counts it apart, not among the posts about work."""
    stats, text = _replayed(
        tmp_path,
        "Recruiters: how fast do you reply to new applicants?",
        "Interview at 8, start at 9, fired by 10 #WorstJobIn4Words @midnight",
    )
    assert (stats.kept, stats.kept_about_work, stats.kept_hashtag_games) == (2, 1, 1)
    assert stats.as_dict()["kept_hashtag_games"] == 1  # listen --json
    assert (
        "1 of the 2 posts kept for themselves names a work matter in so many words; 1 is a joke"
        " for a TV hashtag game, which the inbox leaves out: the inbox offers only"
    ) in text
    assert "the rest are kept" not in text
