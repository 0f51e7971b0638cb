"""The Conversation counts of an account's partial, by the audit's own per-post rules.

Replies to others, shares, original posts mentioning others and the accounts engaged are
counted with :mod:`staffpulse.audit.conversation_rules`, as ``staffpulse audit`` counts them.
Those rules need, for a repost or quote, the author of the post it shares. When that post is
in the same shard (twarc2 pages carry the tweets they reference) it is read there; else the
repost or quote waits in ``pending`` (its :class:`Exchange`, no text) until every shard is
scored, and its author is then looked up among all the posts scored
(:func:`staffpulse.scale.references.read_shared_authors`): the second step of the reduce.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from staffpulse.audit.conversation_rules import (
    Exchange,
    mentions_others,
    own_names,
    read_exchange,
    read_talk,
)
from staffpulse.models import Post

# platform -> shared post id -> its author's handle (or id), in lower case
SharedAuthors = Mapping[str, Mapping[str, str]]
DAY = 86400.0


def author_key(post: Post) -> str:
    """How the audit names the author of a shared post (``audit.loader.ref_authors``)."""
    return (post.author_handle or post.author_id).lower()


def shard_authors(posts: Sequence[Post]) -> dict[str, dict[str, str]]:
    """The authors of the posts of one shard, for the reposts and quotes of the same shard."""
    out: dict[str, dict[str, str]] = {}
    for post in posts:
        out.setdefault(post.platform, {}).setdefault(post.id, author_key(post))
    return out


@dataclass
class TalkPartial:
    """Mergeable Conversation counts of one account (in one shard, or merged)."""

    shares: int = 0  # reposts and quotes of others (the audit's reposts_and_quotes_of_others)
    mentioning: int = 0  # original posts and quotes mentioning others
    # target -> last time engaged (epoch seconds, as precise as the audit's); union keeps
    # the latest time
    engaged: dict[str, float] = field(default_factory=dict)
    last: float | None = None  # the account's last post: where the audit's windows end
    # reposts and quotes whose shared post was not in their shard, with their time
    pending: list[tuple[Exchange, float | None]] = field(default_factory=list)

    def merge(self, other: TalkPartial) -> TalkPartial:
        self.shares += other.shares
        self.mentioning += other.mentioning
        for target, ts in other.engaged.items():
            self.engaged[target] = max(ts, self.engaged.get(target, ts))
        self.last = _latest(self.last, other.last)
        self.pending.extend(other.pending)
        return self

    def fold(self, post: Post, authors: Mapping[str, str]) -> None:
        """Count one post of the account; ``authors`` are those of the posts of its shard."""
        ts = post.created_at.timestamp() if post.created_at else None
        self.last = _latest(self.last, ts)
        exchange = read_exchange(post)
        if exchange.shared_id and exchange.shared_id not in authors:
            self.pending.append((exchange, ts))  # its author may be in another shard
            return
        self._count(exchange, ts, own_names(post.author_handle, post.author_id), authors)

    def settle(self, me: frozenset[str], authors: Mapping[str, str]) -> TalkPartial:
        """These counts with the pending posts counted, once ``authors`` holds those of every
        post scored; the pending posts whose shared post is not among them are attributed
        as the audit attributes them when its store lacks the post (first mention, "RT
        @name:")."""
        out = TalkPartial(self.shares, self.mentioning, dict(self.engaged), self.last)
        for exchange, ts in self.pending:
            out._count(exchange, ts, me, authors)
        return out

    def _count(
        self, exchange: Exchange, ts: float | None, me: frozenset[str], authors: Mapping[str, str]
    ) -> None:
        talk = read_talk(exchange, me, authors)  # the shared post's author looked up once
        targets = talk.targets
        self.shares += talk.shares
        self.mentioning += mentions_others(exchange, targets)
        if ts is None:
            return  # as in the audit: a post without a date is in no 30- or 90-day window
        for target in targets:
            self.engaged[target] = max(ts, self.engaged.get(target, ts))

    def engaged_in(self, days: int) -> int | None:
        """Accounts engaged in the ``days`` up to the last post; None when no post has a date,
        as in the audit, whose Conversation then leaves that part out rather than count 0."""
        if self.last is None:
            return None
        since = self.last - days * DAY
        return sum(1 for ts in self.engaged.values() if ts >= since)


def _latest(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else max(a, b)
