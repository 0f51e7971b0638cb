"""What one listen run is asked to do (:class:`ListenOptions`) and what it did
(:class:`ListenStats`): the CLI, the web page and the run log read these without the
connection loop of :mod:`staffpulse.listen.listener`."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from staffpulse.dates import format_when
from staffpulse.errors import InputError
from staffpulse.listen.hashtag_games import is_hashtag_game_entry
from staffpulse.listen.languages import turned_down_language
from staffpulse.listen.moderation import LEAVE_OUT_NAMES
from staffpulse.listen.thread_work import names_work
from staffpulse.models import Post

STREAM = "bluesky:jetstream"  # the cursor's name in the store
# Jetstream's clock and this machine's may disagree by seconds; a cursor an hour ahead is a typo
FUTURE_MARGIN_US = 3600 * 1_000_000


@dataclass
class ListenStats:
    """Counters of one listen run (shown live on stderr, saved with the run)."""

    frames: int = 0
    posts_seen: int = 0
    kept: int = 0
    kept_in_thread: int = 0
    # kept posts about work by the inbox's rule (judged relevant and naming a work matter)
    kept_about_work: int = 0
    # kept posts that are entries to a TV show's hashtag game: jokes the inbox leaves out, so
    # not counted about work however much work they name
    kept_hashtag_games: int = 0
    deletes: int = 0
    deleted_rows: int = 0
    identities: int = 0
    account_events: int = 0
    ignored: int = 0
    malformed: int = 0
    refused: int = 0  # kept posts the store left out (an id already another account's, ...)
    last_refused: str | None = None
    skipped_before_cursor: int = 0
    connects: int = 0
    disconnects: int = 0
    cursor: int | None = None
    last_error: str | None = None
    # events Jetstream no longer had: a resume from ``missed_from`` (a cursor older than what
    # it keeps, about a day) began at ``missed_until``; both time_us, None when none was missed
    missed_from: int | None = None
    missed_until: int | None = None
    # posts not kept that are in another language, by code: listening reads English
    other_languages: dict[str, int] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)

    def count_kept(self, post: Post, relevant: bool, keyword_hit: bool) -> None:
        """Count a kept post (judged relevant, or a reply kept for its thread) and whether it
        is about work as the inbox reads it (:func:`~.thread_work.thread_work`), or a hashtag
        game's joke, which the inbox leaves out (:mod:`.hashtag_games`)."""
        self.kept += 1
        self.kept_in_thread += int(not relevant)
        if not relevant:
            return
        if is_hashtag_game_entry(post.text):
            self.kept_hashtag_games += 1
        elif keyword_hit or names_work(post.text):
            self.kept_about_work += 1

    def count_not_kept(self, post: Post) -> None:
        """Count a post not kept when it is in another language (:mod:`.languages`)."""
        code = turned_down_language(post)
        if code is not None:
            self.other_languages[code] = self.other_languages.get(code, 0) + 1

    @property
    def elapsed(self) -> float:
        return max(time.monotonic() - self.started, 1e-9)

    @property
    def rate(self) -> float:
        return self.frames / self.elapsed

    @property
    def lag_seconds(self) -> float | None:
        return None if self.cursor is None else max(time.time() - self.cursor / 1e6, 0.0)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("started")
        data["elapsed_seconds"] = round(self.elapsed, 3)
        data["events_per_second"] = round(self.rate, 1)
        return data


@dataclass
class ListenOptions:
    url: str
    duration: float | None = None  # seconds; None = until interrupted
    max_events: int | None = None  # stop after this many frames (tests, benchmarks)
    batch_size: int = 256
    flush_seconds: float = 1.0
    backoff_initial: float = 0.5
    backoff_max: float = 30.0
    max_failures: int | None = 10  # consecutive failed connects before giving up
    cursor: int | None = None  # override the stored cursor (0 = live tail)
    idle_timeout: float | None = None  # stop after this long without a frame (replays)
    stream: str = STREAM


StatusCallback = Callable[[ListenStats, str], None]
# A resume whose first event is this much later than its cursor began past a gap: the live
# stream has many events a second, so only events Jetstream no longer keeps explain it
MISSED_AFTER_US = 10 * 60 * 1_000_000


def missed_note(stats: ListenStats) -> str | None:
    """What a run could not get back, when it resumed from a cursor older than what
    Jetstream keeps: "events from 3 Mar 2026, 09:00 UTC to 5 Mar 2026, 14:05 UTC were no
    longer in Jetstream (it keeps about a day): posts from then are missing"; else None."""
    if stats.missed_from is None or stats.missed_until is None:
        return None
    since, until = (
        format_when(datetime.fromtimestamp(us / 1_000_000, UTC))
        for us in (stats.missed_from, stats.missed_until)
    )
    return (
        f"events from {since} to {until} were no longer in Jetstream (it keeps about a day):"
        " posts from then are missing; listen at least daily so that none are"
    )


def check_cursor(cursor: int | None, now: float | None = None) -> None:
    """A ``--cursor`` Jetstream can resume from: 0 (the live tail) or a past ``time_us``.

    One in the future is refused: Jetstream answers it with the live tail, whose events all
    come before it, so every one would be skipped as already seen, in silence, and the cursor
    saved would hold the next runs back too. ``now`` is in seconds (the machine's clock by
    default)."""
    if cursor is None or cursor == 0:
        return
    if cursor < 0:
        raise InputError(
            f"--cursor {cursor}: must be 0 (the live tail) or a time in microseconds",
            hint="leave out --cursor to resume from the saved one",
        )
    now_us = int((time.time() if now is None else now) * 1_000_000)
    if cursor <= now_us + FUTURE_MARGIN_US:
        return
    try:
        when = format_when(datetime.fromtimestamp(cursor / 1_000_000, UTC))
    except (OverflowError, OSError, ValueError):  # past the year 9999
        when = "far"
    raise InputError(
        f"--cursor {cursor}: that is {when}, in the future (a cursor is a time in microseconds)",
        hint="Jetstream answers a cursor in the future with the live stream, all of it older "
        "than the cursor, so nothing would be kept: give a time already past (the cursor a "
        "run saved), 0 for the live tail, or leave out --cursor to resume from the saved one",
    )


def about_work_note(stats: ListenStats) -> str | None:
    """What the inbox will make of the posts kept: the classifier keeps any post that reads like
    work talk, and every one is stored (a later reply may make its thread about work), but the
    inbox offers only conversations about work (docs/listen.md, "About work"), and never a TV
    hashtag game's joke, which it counts as left out. None when every post kept for itself
    names a work matter."""
    judged = stats.kept - stats.kept_in_thread
    if stats.kept_about_work >= judged:
        return None
    name = "names" if stats.kept_about_work == 1 else "name"
    note = (
        f"{stats.kept_about_work:,} of the {judged:,} posts kept for themselves {name} a work"
        " matter in so many words"
    )
    games = stats.kept_hashtag_games
    if games:
        one, many = LEAVE_OUT_NAMES["hashtag_game"]
        are = f"is a {one}" if games == 1 else f"are {many}"
        note += f"; {games:,} {are}, which the inbox leaves out"
    if judged - stats.kept_about_work - games > 0:
        note += "; the rest are kept in case a reply makes their thread about work"
    return note + ": the inbox offers only conversations about work, so expect fewer there"
