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
from staffpulse.listen.followers_only import FOLLOWERS_ONLY
from staffpulse.listen.inbox_items import inbox_item
from staffpulse.listen.inbox_model import Inbox, InboxItem, InboxTopic
from staffpulse.listen.inbox_rank import rank_stored
from staffpulse.listen.left_out import left_out_note
from staffpulse.listen.own_accounts import resolve_accounts
from staffpulse.listen.rank import RankedConversation, add_angles, count_copies
from staffpulse.listen.relevance import RelevanceFilter, TopicScorer
from staffpulse.listen.snooze import firm_snoozes, list_snoozed, wake_reason
from staffpulse.listen.states import firm_key, firm_marks
from staffpulse.listen.threads import Conversation, load_conversations
from staffpulse.listen.topic_match import TopicMatch, match_topics
from staffpulse.listen.topic_members import assign_topics
from staffpulse.listen.window import (
    DEFAULT_MAX_AGE,
    REPLAY_AT,
    REPLAY_LEAD,
    AsOf,
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
    text, roles_model = text_model, role_model
    notes: list[str] = []
    work_note: str | None = None
    own = resolve_accounts(store, as_handle, as_platform) if as_handle else []
    # every post, the firm's own too: its replies are what mark a conversation joined, so the
    # same inbox comes out whatever ran before
    judged = index_stored_posts(store, relevance or RelevanceFilter(scorer=text), platform)
    if judged:
        work_note = (
            f"read {count_of(judged, 'stored post')} for the first time, to judge what is"
            " about work"
        )
        notes.append(work_note)
    if text is None:
        notes.append("post-signals model unavailable: job ads detected by patterns")
    as_of = parse_as_of(as_of)
    conversations = load_conversations(store, platform)
    if isinstance(as_of, datetime):  # as that moment stood: nothing posted later is read
        conversations = posts_up_to(conversations, as_of)
    # the firm's own posts are not offered to it; but when the first post is not stored, the
    # firm's reply shown in its place makes the conversation joined, not the firm's own
    conversations = [
        c
        for c in conversations
        if not any(c.opened_by(acc) for plat, acc in own if plat == c.platform)
    ]
    model, topic_of = assign_topics(store, conversations)
    everyone = conversations  # before a topic narrows them: the topics to pick count all
    labels = {tid: t.label for tid, t in model.topics_.items()}
    ref = reference_time(store, conversations, now, as_of, max_age)
    if replay_at is not None and ref.replay and not ref.fixed:
        ref = replace(ref, at=replay_at)  # the newest conversation a replay can offer
    if ref.fixed:
        notes.append(
            f"ranked as of {format_when(ref.at)} (--as-of): nothing posted after it is read"
        )
    elif ref.replay:
        notes.append(
            f"a replay, not live: ranked as of {format_when(ref.at)}, {REPLAY_AT} ({ref.why})"
        )
    # the firm's own marks (and those made with no firm named): another client's joined or
    # dismissed is not this one's
    firm = firm_key(store, as_handle)
    states = firm_marks(store, platform, firm)
    snoozes = firm_snoozes(store, platform, firm)
    clock = now or datetime.now(UTC)  # a snooze ends on the real clock, even in a replay
    woken: dict[tuple[str, str], str] = {}  # snoozes that ended: why each is back

    def judge_state(conv: Conversation) -> str:
        if any(conv.replied_by(acc) for plat, acc in own if plat == conv.platform):
            return "joined"
        key = (conv.platform, conv.id)
        state = states.get(key, "open")
        if state == "snoozed" and key in snoozes:
            back = wake_reason(conv, *snoozes[key], clock)
            if back is not None:
                woken[key] = back
                return "open"
        return state

    # judged once: the loops below ask again of the same conversations
    state_by_key = {(c.platform, c.id): judge_state(c) for c in everyone}

    def state_of(conv: Conversation) -> str:
        return state_by_key[(conv.platform, conv.id)]

    in_topic: set[tuple[str, str]] | None = None  # the conversations of the topics named
    matches: list[TopicMatch] = []
    words: dict[int, str] = {}
    if topic is not None:
        # what a query that names no topic falls back on: the words each topic uses most
        words = {
            tid: " / ".join(w for w, _ in t.terms.most_common(TOPIC_WORDS))
            for tid, t in model.topics_.items()
        }
        named = {m.id for m in match_topics(topic, labels, words=words)}
        in_topic = {key for key, tid in topic_of.items() if tid in named}
        conversations = [c for c in conversations if (c.platform, c.id) in in_topic]
    tally = {"open": 0, "joined": 0, "dismissed": 0, "snoozed": 0, "older": 0, "undated": 0}
    wanted: list[Conversation] = []
    snoozed: list[tuple[Conversation, tuple[datetime, datetime]]] = []
    # open but outside the window: ranked too, because "N quiet for longer" must count only
    # what a longer age would offer, not the job ads, greetings... it would leave out anyway
    stale: list[Conversation] = []
    for conv in conversations:
        state = state_of(conv)
        tally[state] += 1
        if state == "snoozed":
            snoozed.append((conv, snoozes[(conv.platform, conv.id)]))
        if state == "open" and not in_window(conv.last_activity, ref.at, max_age):
            stale.append(conv)
        elif state in ("open", "joined"):  # joined: a record of what the firm did, any age
            wanted.append(conv)
    if in_topic is not None:
        # the topics to pick count what the inbox would show of them, so every open
        # conversation in the window is ranked: job ads, spam... are left out of the counts
        wanted += [
            c
            for c in everyone
            if (c.platform, c.id) not in in_topic
            and state_of(c) == "open"
            and in_window(c.last_activity, ref.at, max_age)
        ]
    # spam ("copy-pasted by several accounts") counts copies among every conversation that
    # could be offered, so that a longer age adds no spam verdicts to the ones shown now
    copies = count_copies([c for c in everyone if state_of(c) in ("open", "joined")])
    stale_read = spread_sample(stale, STALE_SAMPLE)
    stale_keys = {(c.platform, c.id) for c in stale_read}
    ranked, context = rank_stored(
        store, wanted + stale_read, topic_of, labels, ref.at, text, roles_model, copies, stale_keys
    )
    stale_counts = Counter[str]()  # outside the window: older, undated, or left out at any age
    for entry in ranked:
        conv = entry.conversation
        if (conv.platform, conv.id) not in stale_keys:
            continue
        if entry.left_out is None:
            stale_counts["undated" if conv.last_activity is None else "older"] += 1
        else:
            stale_counts["left_out"] += 1
    # a sample stands for all the stale ones: its shares, scaled (exact when all were read)
    scale = len(stale) / len(stale_read) if stale_read else 1.0
    tally["older"] = round(stale_counts["older"] * scale)
    tally["undated"] = round(stale_counts["undated"] * scale)
    stale_left_out = round(stale_counts["left_out"] * scale)
    estimated = len(stale_read) < len(stale)
    # the newest conversation outside the window that a replay as of it would offer
    newest_older = max(
        (
            e.conversation.last_activity
            for e in ranked
            if e.left_out is None
            and e.conversation.last_activity is not None
            and (e.conversation.platform, e.conversation.id) in stale_keys
        ),
        default=None,
    )
    ranked = [e for e in ranked if (e.conversation.platform, e.conversation.id) not in stale_keys]
    offered = [
        e.conversation for e in ranked if not e.left_out and state_of(e.conversation) == "open"
    ]
    choices = topic_choices(offered, topic_of, model.topics_)
    if topic is not None and in_topic is not None:
        matches = match_topics(topic, labels, {c.id: c.open for c in choices}, words)
        ranked = [e for e in ranked if (e.conversation.platform, e.conversation.id) in in_topic]
    shown: list[tuple[RankedConversation, str]] = []
    left_out: dict[str, int] = {}
    n_open = 0  # shown
    n_offered = 0  # open conversations to join, shown or not (the "M" of "top N of M")
    for entry in ranked:
        conv = entry.conversation
        state = state_of(conv)
        if state == "joined" and entry.left_out == FOLLOWERS_ONLY:
            tally["joined"] -= 1  # not public: never listed, joined or not; counted as left out
        if state == "joined" and entry.left_out != FOLLOWERS_ONLY:
            shown.append((entry, state))
        elif entry.left_out is not None:  # the tool itself says: not a conversation to join
            left_out[entry.left_out] = left_out.get(entry.left_out, 0) + 1
        else:
            n_offered += 1
            if n_open < limit:
                shown.append((entry, state))
                n_open += 1
    if topic is not None and not matches:
        notes.append(no_topic_note(topic, choices))
    described = add_angles([entry for entry, _ in shown], context)
    items: list[InboxItem] = []
    joined: list[InboxItem] = []
    for entry, (_, state) in zip(described, shown, strict=True):
        conv = entry.conversation
        item = inbox_item(entry, topic_of.get((conv.platform, conv.id)), state)
        if (back := woken.get((conv.platform, conv.id))) and state == "open":
            item = replace(item, reasons=(back, *item.reasons))  # said first: why it is here
        (joined if state == "joined" else items).append(item)
    account_note = None
    if as_handle and not own:  # first: it says what "joined" can mean here (marks only)
        account_note = missing_account_note(as_handle, as_platform, tally["joined"])
        notes.insert(0, account_note)
    if left_out:
        notes.append(left_out_note(left_out))
    notes.extend(
        window_notes(
            tally,
            max_age,
            conversations,
            ref.at,
            bool(items),
            replay=ref.replay,
            topic=topic,
            estimated=estimated,
        )
    )
    if matches and not n_open and choices:  # the topics named have nothing to join now
        notes.append(other_topics_note(choices))
    used = {i.topic_id for i in items + joined if i.topic_id is not None}
    topics = {
        tid: InboxTopic(tid, model.topics_[tid].label, model.topics_[tid].size)
        for tid in used
        if tid in model.topics_
    }
    # one meaning of "open" everywhere (JSON, HTML, terminal, topic choices): conversations
    # to join now, in the window and not left out; the rest of the open ones are counted
    # under left_out, older and undated (docs/listen.md, "The JSON")
    counts = {
        "conversations": len(conversations),
        **tally,
        "open": n_offered,
        "shown": n_open,
        "left_out": sum(left_out.values()),
        "older_left_out": stale_left_out,
        "older_estimated": estimated,
        "topics": len(model.topics_),
    }
    inbox = Inbox(
        items,
        joined,
        topics,
        datetime.now(UTC),
        ref.at,
        as_handle,
        notes,
        counts,
        replay=ref.replay,
        max_age=max_age,
        topic_query=topic,
        topic_matched=topic is None or bool(matches),
        topic_choices=choices,
        topic_matches=matches,
        left_out=left_out,
        account_note=account_note,
        work_note=work_note,
        snoozed=list_snoozed(store, snoozed),
    )
    return inbox, newest_older


def spread_sample(items: Sequence[Conversation], size: int) -> list[Conversation]:
    """``size`` items spread evenly over ``items`` (all of them when there are no more)."""
    if len(items) <= size:
        return list(items)
    step = len(items) / size
    return [items[int(i * step)] for i in range(size)]
