"""The time an inbox is ranked as of (:func:`staffpulse.listen.window.reference_time`), for a
replay: an hour after the newest conversation it could offer.

The newest activity of an archive may be a conversation the inbox leaves out (a job ad,
customer care, a post not about work...): a replay as of it would read "active 3 h ago" on its
first item, or say "Nothing to join now" when every conversation in the window before it is
left out while older ones are worth joining. So a replay is ranked as of the newest one it
would offer. That time is found before ranking, so that the inbox is ranked once: a
conversation is left out for what its posts say, never for their age, so the newest open ones
are judged (only for that, the cheap part of ranking) until one would be offered.

A store that holds only the firm's own posts (its archive, and nobody else's) has nothing to
replay: it is ranked now, so the empty inbox says why without a replay date (years before the
archive's last post, the newest reply of the firm's own it read).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from staffpulse.listen.inbox_offer import Offer
from staffpulse.listen.inbox_rank import left_out_of
from staffpulse.listen.inbox_steps import FirmStates, key_of
from staffpulse.listen.own_archive import holds_own_posts_only as counts_hold_own_posts_only
from staffpulse.listen.relevance import TopicScorer
from staffpulse.listen.threads import Conversation
from staffpulse.listen.window import (
    REPLAY_AT_OFFERED,
    REPLAY_LEAD,
    AsOf,
    Reference,
    reference_time,
)
from staffpulse.store import Store

# The newest open conversations are judged this many at a time, the batch growing fourfold:
# the newest one is almost always offered, and an archive of job ads is read in few batches
FIRST_BATCH = 8


def choose_reference(
    store: Store,
    offer: Offer,
    text: TopicScorer | None,
    *,
    now: datetime | None,
    as_of: AsOf,
    max_age: timedelta | None,
) -> Reference:
    """The time to rank the ``offer`` as of: :func:`reference_time`'s, but a replay's is an
    hour after the newest conversation it could offer, when there is one (see the module
    docstring). The time is decided on every conversation, not one topic's, so that
    ``--topic`` replays as of the same time as the whole inbox."""
    ref = reference_time(store, offer.everyone, now, as_of, max_age)
    if not ref.replay or ref.fixed:  # the live view, or a date the user gave: never moved
        return ref
    if holds_own_posts_only(offer):  # nothing of anyone else's to replay: the live clock
        return reference_time(store, offer.everyone, now, "now", max_age)
    newest = newest_offered(store, offer.everyone, offer.states, offer.copies, text)
    if newest is None:  # nothing to join at any age: the inbox says why, as of its newest
        return ref
    return replace(ref, at=newest + REPLAY_LEAD, after=REPLAY_AT_OFFERED)


def holds_own_posts_only(offer: Offer) -> bool:
    """The offer holds the firm's own conversations (begun or replied in) and no one else's:
    the empty inbox's own rule (:func:`~.own_archive.holds_own_posts_only`), on every
    conversation rather than one topic's, so the clock and the note never judge apart."""
    return counts_hold_own_posts_only(
        {
            "conversations": len(offer.everyone),
            "own_opened": offer.own_opened,
            "own_replies": offer.own_replies,
            "after_as_of": offer.after_as_of,
        }
    )


def newest_offered(
    store: Store,
    conversations: Sequence[Conversation],
    states: FirmStates,
    copies: Counter[str],
    text: TopicScorer | None,
) -> datetime | None:
    """The last activity of the newest open, dated conversation the inbox would not leave out
    (None when there is none)."""
    candidates = sorted(
        (c for c in conversations if c.last_activity is not None and states.of(c) == "open"),
        key=lambda c: c.last_activity or datetime.min,
        reverse=True,
    )
    start, size = 0, FIRST_BATCH
    while start < len(candidates):
        batch = candidates[start : start + size]
        verdicts = left_out_of(store, batch, text, copies)
        for conv in batch:  # newest first
            if verdicts[key_of(conv)] is None:
                return conv.last_activity
        start, size = start + size, size * 4
    return None
