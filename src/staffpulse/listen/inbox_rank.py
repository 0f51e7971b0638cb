"""The inbox's ranking of stored conversations: what the store and the models know of them
(relevance verdicts, how much of each thread is about work, the posts that are not public,
the openers' roles, the post signals), gathered into a :class:`RankContext` and ranked."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from staffpulse.listen import schema
from staffpulse.listen.enrich import author_roles, opening_signals
from staffpulse.listen.followers_only import not_public_posts
from staffpulse.listen.rank import RankContext, RankedConversation, rank
from staffpulse.listen.relevance import TopicScorer
from staffpulse.listen.thread_work import ThreadWork, firm_reply_ids, thread_work
from staffpulse.listen.threads import Conversation
from staffpulse.signals.role_inputs import RoleModelLike
from staffpulse.store import Store


def rank_stored(
    store: Store,
    conversations: Sequence[Conversation],
    topic_of: dict[tuple[str, str], int],
    labels: dict[int, str],
    as_of: datetime,
    text: TopicScorer | None,
    roles_model: RoleModelLike | None,
    copies: Counter[str],
    counted: set[tuple[str, str]],  # only counted by why they are left out: no reasons
    *,
    firm: frozenset[str] = frozenset(),  # the firm's handles (``inbox_offer.firm_handles``)
    own: Collection[tuple[str, str]] = frozenset(),  # the firm's accounts: (platform, id)
    own_threads: frozenset[tuple[str, str]] = frozenset(),  # ``inbox_offer.Offer.own_waiting``
    replay: bool = False,
) -> tuple[list[RankedConversation], RankContext]:
    """Rank ``conversations`` as of ``as_of`` (angles left for the few shown), with the
    context they were ranked in; ``replay``: ``as_of`` is a replay's time, which the ages in
    the reasons are said before."""
    roles = author_roles(store, conversations, roles_model)
    context = replace(
        _context(store, conversations, topic_of, labels, as_of, text, roles, own),
        firm_handles=firm,
        own_threads=own_threads,
        replayed=as_of if replay else None,
    )
    return rank(conversations, context, angles=False, copies=copies, counted_only=counted), context


def left_out_of(
    store: Store,
    conversations: Sequence[Conversation],
    text: TopicScorer | None,
    copies: Counter[str],
) -> dict[tuple[str, str], str | None]:
    """Why the inbox would leave each conversation out (None: it would offer it), at any
    time: a verdict reads the posts, never their age."""
    context = _context(store, conversations, {}, {}, datetime.now(UTC), text, {})
    everyone = {(c.platform, c.id) for c in conversations}
    judged = rank(conversations, context, angles=False, copies=copies, counted_only=everyone)
    return {(e.conversation.platform, e.conversation.id): e.left_out for e in judged}


def _context(
    store: Store,
    conversations: Sequence[Conversation],
    topic_of: dict[tuple[str, str], int],
    labels: dict[int, str],
    as_of: datetime,
    text: TopicScorer | None,
    roles: dict[str, str],
    own: Collection[tuple[str, str]] = frozenset(),
) -> RankContext:
    """What the store and the post signals know of ``conversations``, to rank them by; the
    replies of the firm's ``own`` accounts are no part of a thread's work talk."""
    relevance: dict[str, float] = {}
    threads: dict[str, ThreadWork] = {}
    not_public = not_public_posts(store, conversations)
    for plat in {c.platform for c in conversations}:
        convs = [c for c in conversations if c.platform == plat]
        # every post's verdict: which of them makes the thread about work, and how many do
        post_ids = [p.id for c in convs for p in c.posts]
        verdicts = schema.relevance_verdicts(store, plat, post_ids)
        hits = schema.keyword_hits(store, plat, post_ids)
        hidden = {i for p, i in not_public if p == plat}
        mine = {acc for p, acc in own if p == plat}
        relevance.update(
            (c.id, verdicts[c.opening.id][0]) for c in convs if c.opening.id in verdicts
        )
        threads.update(
            (c.id, thread_work(c, verdicts, hits, hidden, firm_reply_ids(c, mine))) for c in convs
        )
    signals = opening_signals(conversations, text)
    return RankContext(
        now=as_of,
        relevance=relevance,
        topic_labels={
            c.id: labels.get(topic_of.get((c.platform, c.id), -1), "") for c in conversations
        },
        roles=roles,
        job_scores=signals.job,
        humor_scores=signals.humor,
        job_threshold=signals.job_threshold,
        work_scores=signals.work,
        threads=threads,
        work_threshold=signals.work_threshold,
        not_public=not_public,
    )
