"""What one inbox ranked, kept for the next inbox of the same offer: one that differs only by
its topic (the dashboard's topic links) reads the ranking instead of ranking every conversation
again, which takes tens of seconds on a store of 1,000 accounts.

A conversation's rank reads its own posts, the firm, the reference time and the copies counted
over the whole offer, never the topic asked for; a topic's inbox ranks a subset of what the
inbox of every topic ranks (:func:`~.inbox_offer.sort_for_ranking`). So the memo is used only
when the offer is the same one (its conversations, their states, the copies, the firm and the
topics: :func:`offer_signature`) and holds every conversation to rank; else the inbox ranks
afresh and the memo keeps that ranking instead.

The memo is the caller's, for one set of choices but the topic (platform, firm, ``as_of``,
``max_age``), and valid while the store is unchanged: the dashboard keeps one per store
generation. A live inbox read from it is ranked as of the time the memo was made, so the memo
is read for an hour at most (:data:`MEMO_LIFETIME`): a dashboard left open overnight, with no
import to renew it, ranks the next morning's inbox as of the morning, not of the evening.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from staffpulse.listen.inbox_offer import Offer
from staffpulse.listen.inbox_steps import Key, key_of
from staffpulse.listen.rank import RankContext, RankedConversation
from staffpulse.listen.threads import Conversation
from staffpulse.listen.window import Reference

# how long a kept ranking is read: long enough for a round of topic links, short enough that
# the ages and the window of a live inbox are never a day behind
MEMO_LIFETIME = timedelta(hours=1)


@dataclass(slots=True)
class RankMemo:
    """A ranking kept for the next inbox of the same offer (see the module docstring)."""

    signature: tuple[object, ...] | None = None
    reference: Reference | None = None
    ranked: list[RankedConversation] = field(default_factory=list)  # best first, as ranked
    scored: set[Key] = field(default_factory=set)  # ranked in full, not only counted
    context: RankContext | None = None
    made_at: datetime | None = None  # when the kept ranking was made (``now``)

    def start(self, offer: Offer, fresh: bool, now: datetime | None = None) -> None:
        """Forget the ranking kept unless it was made of this ``offer`` less than
        :data:`MEMO_LIFETIME` before ``now`` and the store is unchanged since (``fresh``: no
        post was judged for the first time)."""
        signature = offer_signature(offer)
        now = now or datetime.now(UTC)
        made = self.made_at
        recent = made is not None and made <= now < made + MEMO_LIFETIME
        if fresh and recent and signature == self.signature:
            return
        self.signature, self.reference, self.context, self.made_at = signature, None, None, now
        self.ranked, self.scored = [], set()

    def ranking_of(
        self, wanted: Sequence[Conversation], counted: Sequence[Conversation]
    ) -> tuple[list[RankedConversation], RankContext] | None:
        """The kept ranking of ``wanted`` (ranked in full) and ``counted`` (only counted by
        why they are left out), best first, with its context; None when it lacks one."""
        if self.context is None:
            return None
        keys = {key_of(c) for c in wanted}
        if not keys <= self.scored:
            return None
        keys |= {key_of(c) for c in counted}
        chosen = [e for e in self.ranked if key_of(e.conversation) in keys]
        if len(chosen) != len(keys):
            return None
        return chosen, self.context

    def keep(
        self, ranked: list[RankedConversation], context: RankContext, counted: set[Key]
    ) -> None:
        """Keep a ranking made afresh (``counted``: the keys only counted, not scored)."""
        self.ranked, self.context = ranked, context
        self.scored = {key_of(e.conversation) for e in ranked} - counted


def offer_signature(offer: Offer) -> tuple[object, ...]:
    """What a conversation's rank reads of the offer: which conversations, their posts and
    states, the copies among them, the firm and the topics (their labels are in reasons)."""
    return (
        [(key_of(c), len(c.posts), c.last_activity, offer.states.of(c)) for c in offer.everyone],
        dict(offer.copies),
        offer.firm,
        offer.topic_of,
        offer.labels,
    )
