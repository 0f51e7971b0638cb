"""The inbox's notes on what it read and when: how many posts were judged for the first time,
the time it ranks as of (a replay, a date given), and a date before or after the store's
conversations (:func:`staffpulse.listen.inbox.build_inbox` lists them)."""

from __future__ import annotations

from datetime import datetime

from staffpulse.dates import format_when
from staffpulse.listen.inbox_offer import Offer
from staffpulse.listen.window import Reference
from staffpulse.report.counts import count_of


def work_note(judged: int) -> str | None:
    """The note that says how many stored posts were judged, or None when none was new."""
    if not judged:
        return None
    return f"read {count_of(judged, 'stored post')} for the first time, to judge what is about work"


def clock_note(ref: Reference) -> str | None:
    """What the ranking time is, when it is not now."""
    if ref.fixed:
        return f"ranked as of {format_when(ref.at)} (--as-of): nothing posted after it is read"
    if ref.replay:
        return f"a replay, not live: ranked as of {format_when(ref.at)}, {ref.after} ({ref.why})"
    return None


def before_all_note(offer: Offer, at: datetime) -> str:
    """The note of an inbox asked for as of a date before any conversation it could read."""
    first = offer.first_after
    since = f": its first conversation begins {format_when(first)}" if first else ""
    return f"nothing in the store was posted by {format_when(at)}{since} (--as-of to change)"


def after_date_note(count: int, at: datetime) -> str:
    """The note of an inbox with nothing to join as of a date, when later conversations
    would hold some: "59 conversations began after 16 Apr 2016, 00:00 UTC and are not
    read (--as-of to change)"."""
    return (
        f"{count_of(count, 'conversation')} began after {format_when(at)} and"
        f" {'is' if count == 1 else 'are'} not read (--as-of to change)"
    )
