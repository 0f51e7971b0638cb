"""The inbox: the conversations a firm should join today, by topic, with reasons and angles.

``build_inbox`` reads the relevant conversations from the store (from Jetstream listening and
any imported post the relevance filter accepts), gives them topics
incrementally, ranks them (:mod:`staffpulse.listen.rank`) and splits them into open items and
conversations already joined. A conversation counts as *joined* once the firm's own account
has replied in it, or when the user marked it so for this firm (:mod:`staffpulse.listen.states`:
marks are kept per firm; marks made with no firm named apply to every firm without its own).
A snoozed conversation is hidden and listed apart until its snooze ends
(:mod:`staffpulse.listen.snooze`); its item then says why it is back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Literal

from staffpulse.dates import format_when
from staffpulse.errors import InputError
from staffpulse.listen.account_note import missing_account_note
from staffpulse.listen.enrich import index_stored_posts
from staffpulse.listen.inbox_model import Inbox, InboxItem, InboxTopic
from staffpulse.listen.inbox_rank import rank_stored
from staffpulse.listen.inbox_steps import (
    FirmStates,
    Key,
    OlderCount,
    ShownPick,
    StateSort,
    count_older,
    judge_states,
    key_of,
    make_items,
    pick_shown,
    sort_by_state,
)
from staffpulse.listen.left_out import left_out_note
from staffpulse.listen.own_accounts import resolve_accounts
from staffpulse.listen.rank import RankContext, RankedConversation, count_copies
from staffpulse.listen.relevance import RelevanceFilter, TopicScorer
from staffpulse.listen.snooze import list_snoozed
from staffpulse.listen.threads import Conversation, load_conversations
from staffpulse.listen.topic_match import TopicMatch, match_topics
from staffpulse.listen.topic_members import assign_topics
from staffpulse.listen.topics import TopicModel
from staffpulse.listen.window import (
    DEFAULT_MAX_AGE,
    REPLAY_AT,
    REPLAY_LEAD,
    AsOf,
    Reference,
    in_window,
    no_topic_note,
    other_topics_note,
    parse_as_of,
    posts_up_to,
    reference_time,
    topic_choices,
    window_notes,
)
from staffpulse.models import platform_choice
from staffpulse.report.counts import count_of
from staffpulse.signals.role_inputs import RoleModelLike
from staffpulse.signals.roles import load_role_model_or_none
from staffpulse.signals.text import load_text_signals_or_none
from staffpulse.store import Store

Auto = Literal["auto"]
# Conversations outside the age window read to tell how many a longer age would offer: reading
# every one of a big store (the job-ad and moderation checks are per post) took 250,000 posts'
# inbox from 13 s to 117 s, so beyond this many a spread sample of them is read and scaled
STALE_SAMPLE = 2_000
TOPIC_WORDS = 15  # a topic's most frequent words that a --topic query naming none falls back on


def build_inbox(
    store: Store,
    *,
    platform: str | None = None,
    topic: str | None = None,
    as_handle: str | None = None,
    as_platform: str | None = None,
    limit: int = 20,
    now: datetime | None = None,
    as_of: AsOf | str = "auto",
    max_age: timedelta | None = DEFAULT_MAX_AGE,
    text_model: TopicScorer | Auto | None = "auto",
    role_model: RoleModelLike | Auto | None = "auto",
    relevance: RelevanceFilter | None = None,
) -> Inbox:
    """Rank the stored relevant conversations into an inbox (see the module docstring and
    :func:`_rank_inbox`).

    A replay (nothing live) is ranked as of an hour after the newest conversation it can offer:
    when the newest activity of the store is a conversation left out (not about work, customer
    care...), a replay as of it offered nothing while older conversations to join were there,
    so it is ranked again as of the newest of those. The time is decided on the whole store,
    so ``topic`` replays as of the same time as the whole inbox."""
    if limit < 1:
        raise InputError("--limit must be at least 1")
    text = load_text_signals_or_none() if text_model == "auto" else text_model
    roles = load_role_model_or_none() if role_model == "auto" else role_model
    rank = partial(
        _rank_inbox,
        store,
        platform=platform,
        as_handle=as_handle,
        as_platform=as_platform,
        limit=limit,
        now=now,
        as_of=as_of,
        max_age=max_age,
        text_model=text,
        role_model=roles,
        relevance=relevance,
    )
    inbox, newest_older = rank(topic=topic)
    if not inbox.replay or isinstance(parse_as_of(as_of), datetime) or inbox.counts["open"]:
        return inbox
    if topic is not None:  # the replay time of the whole inbox, which a topic shares
        whole, newest_older = rank(topic=None)
        if whole.counts["open"]:
            return inbox
    if newest_older is None:
        return inbox
    again, _ = rank(topic=topic, replay_at=newest_older + REPLAY_LEAD)
    if inbox.work_note and not again.work_note:  # the first pass read them: still said once
        again = replace(again, work_note=inbox.work_note, notes=[inbox.work_note, *again.notes])
    return again


def _rank_inbox(
    store: Store,
    *,
    platform: str | None,
    topic: str | None,
    as_handle: str | None,
    as_platform: str | None,
    limit: int,
    now: datetime | None,
    as_of: AsOf | str,
    max_age: timedelta | None,
    text_model: TopicScorer | None,
    role_model: RoleModelLike | None,
    relevance: RelevanceFilter | None,
    replay_at: datetime | None = None,
) -> tuple[Inbox, datetime | None]:
    """Rank the stored relevant conversations into an inbox (see the module docstring).

    Only conversations active within ``max_age`` of the reference time are offered (``None``:
    no limit); the reference is ``now``, else as ``as_of`` says (:mod:`.window`): a date given
    there is the reference whatever ``now`` is, and nothing posted after it is read. The firm's
    own accounts are every account with the handle ``as_handle``, or only the one on
    ``as_platform`` when the firm named its platform (the dashboard's "You post as")."""
    platform = platform_choice(platform)
    topic = (topic or "").strip() or None  # a blank topic field means every topic, as on the page
    notes: list[str] = []
    own = resolve_accounts(store, as_handle, as_platform) if as_handle else []
    work_note = _judge_new_posts(store, relevance, text_model, platform)
    if work_note is not None:
        notes.append(work_note)
    if text_model is None:
        notes.append("post-signals model unavailable: job ads detected by patterns")
    as_of = parse_as_of(as_of)
    everyone = _conversations_to_offer(store, platform, as_of, own)
    model, topic_of = assign_topics(store, everyone)
    labels = {tid: t.label for tid, t in model.topics_.items()}
    ref = reference_time(store, everyone, now, as_of, max_age)
    if replay_at is not None and ref.replay and not ref.fixed:
        ref = replace(ref, at=replay_at)  # the newest conversation a replay can offer
    notes.extend(_reference_notes(ref))
    # a snooze ends on the real clock, even in a replay
    states = judge_states(store, platform, as_handle, own, everyone, now or datetime.now(UTC))
    # the topics to pick count all conversations: only those shown are narrowed to a topic
    words = _topic_words(model) if topic is not None else {}
    in_topic = _in_topics(topic, labels, words, topic_of) if topic is not None else None
    conversations = everyone if in_topic is None else [c for c in everyone if key_of(c) in in_topic]
    sort = sort_by_state(conversations, states, ref.at, max_age)
    if in_topic is not None:
        # the topics to pick count what the inbox would show of them, so every open
        # conversation in the window is ranked: job ads, spam... are left out of the counts
        sort.wanted += _open_in_window(everyone, states, ref.at, max_age, but=in_topic)
    # spam ("copy-pasted by several accounts") counts copies among every conversation that
    # could be offered, so that a longer age adds no spam verdicts to the ones shown now
    copies = count_copies([c for c in everyone if states.of(c) in ("open", "joined")])
    ranked, context, older = _rank_with_older(
        store, sort, topic_of, labels, ref.at, text_model, role_model, copies
    )
    sort.tally["older"], sort.tally["undated"] = older.older, older.undated
    offered = [
        e.conversation for e in ranked if not e.left_out and states.of(e.conversation) == "open"
    ]
    choices = topic_choices(offered, topic_of, model.topics_)
    matches: list[TopicMatch] = []
    if topic is not None and in_topic is not None:
        matches = match_topics(topic, labels, {c.id: c.open for c in choices}, words)
        ranked = [e for e in ranked if key_of(e.conversation) in in_topic]
    pick = pick_shown(ranked, states, limit, sort.tally)
    if topic is not None and not matches:
        notes.append(no_topic_note(topic, choices))
    items, joined = make_items(pick.shown, context, topic_of, states.woken)
    account_note = None
    if as_handle and not own:  # first: it says what "joined" can mean here (marks only)
        account_note = missing_account_note(as_handle, as_platform, sort.tally["joined"])
        notes.insert(0, account_note)
    if pick.left_out:
        notes.append(left_out_note(pick.left_out))
    notes.extend(
        window_notes(
            sort.tally,
            max_age,
            conversations,
            ref.at,
            bool(items),
            replay=ref.replay,
            topic=topic,
            estimated=older.estimated,
        )
    )
    if matches and not pick.shown_open and choices:  # the topics named have nothing to join now
        notes.append(other_topics_note(choices))
    inbox = Inbox(
        items,
        joined,
        _topics_shown(items + joined, model),
        datetime.now(UTC),
        ref.at,
        as_handle,
        notes,
        _inbox_counts(len(conversations), sort.tally, pick, older, len(model.topics_)),
        replay=ref.replay,
        max_age=max_age,
        topic_query=topic,
        topic_matched=topic is None or bool(matches),
        topic_choices=choices,
        topic_matches=matches,
        left_out=pick.left_out,
        account_note=account_note,
        work_note=work_note,
        snoozed=list_snoozed(store, sort.snoozed),
    )
    return inbox, older.newest


def _open_in_window(
    conversations: Sequence[Conversation],
    states: FirmStates,
    at: datetime,
    max_age: timedelta | None,
    *,
    but: set[Key],
) -> list[Conversation]:
    """The open conversations active within ``max_age`` of ``at``, but those of ``but``."""
    return [
        c
        for c in conversations
        if key_of(c) not in but
        and states.of(c) == "open"
        and in_window(c.last_activity, at, max_age)
    ]


def _rank_with_older(
    store: Store,
    sort: StateSort,
    topic_of: dict[Key, int],
    labels: dict[int, str],
    at: datetime,
    text_model: TopicScorer | None,
    role_model: RoleModelLike | None,
    copies: Counter[str],
) -> tuple[list[RankedConversation], RankContext, OlderCount]:
    """The conversations to rank, ranked, with a sample of the open ones outside the window
    ranked too and counted (:class:`~.inbox_steps.OlderCount`), then set aside."""
    sampled = spread_sample(sort.stale, STALE_SAMPLE)
    sampled_keys = {key_of(c) for c in sampled}
    to_rank = sort.wanted + sampled
    ranked, context = rank_stored(
        store, to_rank, topic_of, labels, at, text_model, role_model, copies, sampled_keys
    )
    older = count_older(ranked, sort.stale, sampled)
    in_window_only = [e for e in ranked if key_of(e.conversation) not in sampled_keys]
    return in_window_only, context, older


def _judge_new_posts(
    store: Store, relevance: RelevanceFilter | None, text: TopicScorer | None, platform: str | None
) -> str | None:
    """Judge the stored posts not judged yet (what is about work); the note that says how many
    were read, or None when none was new."""
    # every post, the firm's own too: its replies are what mark a conversation joined, so the
    # same inbox comes out whatever ran before
    judged = index_stored_posts(store, relevance or RelevanceFilter(scorer=text), platform)
    if not judged:
        return None
    return f"read {count_of(judged, 'stored post')} for the first time, to judge what is about work"


def _conversations_to_offer(
    store: Store, platform: str | None, as_of: AsOf, own: Sequence[tuple[str, str]]
) -> list[Conversation]:
    """The stored conversations (as ``as_of`` stood, when a date), but those the firm's own
    accounts opened."""
    conversations = load_conversations(store, platform)
    if isinstance(as_of, datetime):  # as that moment stood: nothing posted later is read
        conversations = posts_up_to(conversations, as_of)
    # the firm's own posts are not offered to it; but when the first post is not stored, the
    # firm's reply shown in its place makes the conversation joined, not the firm's own
    return [
        c
        for c in conversations
        if not any(c.opened_by(acc) for plat, acc in own if plat == c.platform)
    ]


def _reference_notes(ref: Reference) -> list[str]:
    """What the ranking time is, when it is not now."""
    if ref.fixed:
        return [f"ranked as of {format_when(ref.at)} (--as-of): nothing posted after it is read"]
    if ref.replay:
        return [f"a replay, not live: ranked as of {format_when(ref.at)}, {REPLAY_AT} ({ref.why})"]
    return []


def _topic_words(model: TopicModel) -> dict[int, str]:
    """What a query that names no topic falls back on: the words each topic uses most."""
    return {
        tid: " / ".join(w for w, _ in t.terms.most_common(TOPIC_WORDS))
        for tid, t in model.topics_.items()
    }


def _in_topics(
    topic: str, labels: dict[int, str], words: dict[int, str], topic_of: dict[Key, int]
) -> set[Key]:
    """The conversations of the topics ``topic`` names."""
    named = {m.id for m in match_topics(topic, labels, words=words)}
    return {key for key, tid in topic_of.items() if tid in named}


def _topics_shown(items: list[InboxItem], model: TopicModel) -> dict[int, InboxTopic]:
    used = {i.topic_id for i in items if i.topic_id is not None}
    return {
        tid: InboxTopic(tid, model.topics_[tid].label, model.topics_[tid].size)
        for tid in used
        if tid in model.topics_
    }


def _inbox_counts(
    conversations: int, tally: dict[str, int], pick: ShownPick, older: OlderCount, topics: int
) -> dict[str, int]:
    # one meaning of "open" everywhere (JSON, HTML, terminal, topic choices): conversations
    # to join now, in the window and not left out; the rest of the open ones are counted
    # under left_out, older and undated (docs/listen.md, "The JSON")
    return {
        "conversations": conversations,
        **tally,
        "open": pick.offered,
        "shown": pick.shown_open,
        "left_out": sum(pick.left_out.values()),
        "older_left_out": older.left_out,
        "older_estimated": older.estimated,
        "topics": topics,
    }


def spread_sample(items: Sequence[Conversation], size: int) -> list[Conversation]:
    """``size`` items spread evenly over ``items`` (all of them when there are no more)."""
    if len(items) <= size:
        return list(items)
    step = len(items) / size
    return [items[int(i * step)] for i in range(size)]
