"""The inbox: the conversations a firm should join today, by topic, with reasons and angles.

``build_inbox`` reads the relevant conversations from the store (from Jetstream listening and
any imported post the relevance filter accepts), gives them topics
incrementally, ranks them (:mod:`staffpulse.listen.rank`) and splits them into open items and
conversations already joined. A conversation counts as *joined* once the firm's own account
has replied in it, or when the user marked it so for this firm (:mod:`staffpulse.listen.states`:
marks are kept per firm; marks made with no firm named apply to every firm without its own).
A snoozed conversation is hidden and listed apart until its snooze ends
(:mod:`staffpulse.listen.snooze`); its item then says why it is back. A conversation that came
into the store since the firm last looked is marked new (:mod:`staffpulse.listen.looks`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Literal

from staffpulse.list_limits import check_limit
from staffpulse.listen.enrich import index_stored_posts
from staffpulse.listen.firm_voice import read_firm_voice
from staffpulse.listen.inbox_clock import choose_reference, holds_own_posts_only
from staffpulse.listen.inbox_left_out import count_unread_conversations, left_out_item
from staffpulse.listen.inbox_memo import RankMemo
from staffpulse.listen.inbox_model import DismissedConversation, Inbox, InboxItem, InboxTopic
from staffpulse.listen.inbox_notes import after_date_note, before_all_note, clock_note, work_note
from staffpulse.listen.inbox_offer import (
    Offer,
    TopicScope,
    gather_offer,
    narrow_to_topic,
    sort_for_ranking,
    topics_offered,
)
from staffpulse.listen.inbox_rank import rank_stored
from staffpulse.listen.inbox_steps import (
    OlderCount,
    ShownPick,
    StateSort,
    count_older,
    key_of,
    make_items,
    pick_shown,
)
from staffpulse.listen.languages import count_turned_down, other_languages_note
from staffpulse.listen.left_out import left_out_note
from staffpulse.listen.looks import Look, new_conversations, take_look
from staffpulse.listen.own_accounts import missing_account_note, resolve_accounts
from staffpulse.listen.own_archive import archive_owner_note, find_archive_owner
from staffpulse.listen.own_threads import own_opened_note
from staffpulse.listen.rank import RankContext, RankedConversation
from staffpulse.listen.relevance import RelevanceFilter, TopicScorer
from staffpulse.listen.schema import count_judged_not_work
from staffpulse.listen.snooze import list_snoozed
from staffpulse.listen.threads import Conversation
from staffpulse.listen.topic_match import TopicMatch, matched_by_words_note
from staffpulse.listen.topics import TopicModel
from staffpulse.listen.window import (
    DEFAULT_MAX_AGE,
    AsOf,
    Reference,
    TopicChoice,
    conversations_elsewhere,
    no_topic_note,
    other_topics_note,
    parse_as_of,
    window_notes,
)
from staffpulse.models import platform_choice
from staffpulse.signals.role_inputs import RoleModelLike
from staffpulse.signals.roles import load_role_model_or_none
from staffpulse.signals.text import load_text_signals_or_none
from staffpulse.store import Store

Auto = Literal["auto"]
# Conversations outside the age window read to tell how many a longer age would offer: reading
# every one of a big store (the job-ad and moderation checks are per post) took 250,000 posts'
# inbox from 13 s to 117 s, so beyond this many a spread sample of them is read and scaled
STALE_SAMPLE = 2_000
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # an undated conversation sorts last
NO_MODEL_NOTE = "post-signals model unavailable: job ads detected by patterns"


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
    look: Look | Auto | None = "auto",
    memo: RankMemo | None = None,
    count_never_work: bool = False,
) -> Inbox:
    """Rank the stored relevant conversations into an inbox (see the module docstring).

    Only conversations active within ``max_age`` of the reference time are offered (``None``:
    no limit); the reference is ``now``, else as ``as_of`` says (:mod:`.window`, and
    :mod:`.inbox_clock` for a replay): a date given there is the reference whatever ``now`` is,
    and nothing posted after it is read. The firm's own accounts are every account with the
    handle ``as_handle``, or only the one on ``as_platform`` when the firm named its platform
    (the dashboard's "You post as").

    ``look``: the look whose "new" marks the items carry ("auto": the firm's, now, from the
    store: :func:`~.looks.take_look`; None: no item is marked new). It is not recorded: the
    caller does that when the inbox is shown (:func:`~.looks.record_look`).

    ``count_never_work``: also count the stored conversations that never mention work
    (``Inbox.never_work``, for ``inbox --left-out``: it reads every stored post).

    ``memo``: the ranking of an earlier inbox with the same choices but the topic, read
    instead of ranking again when the offer is unchanged, and kept for the next one
    (:mod:`.inbox_memo`)."""
    check_limit(limit, "open conversations to show", 20)
    text = load_text_signals_or_none() if text_model == "auto" else text_model
    roles = load_role_model_or_none() if role_model == "auto" else role_model
    platform = platform_choice(platform)
    topic = (topic or "").strip() or None  # a blank topic field means every topic, as on the page
    when = parse_as_of(as_of)
    owner = None if as_handle else find_archive_owner(store)
    if owner is not None:  # only the user's own archive, no --as: its owner's inbox
        as_handle, as_platform = owner
    own = resolve_accounts(store, as_handle, as_platform) if as_handle else []
    judged = _judge_new_posts(store, relevance, text, platform)
    offer = gather_offer(store, platform, when, as_handle, own, now)
    if memo is not None:
        memo.start(offer, fresh=not judged, now=now)
    ref = memo.reference if memo is not None else None
    if ref is None:
        ref = choose_reference(store, offer, text, now=now, as_of=when, max_age=max_age)
        if memo is not None:
            memo.reference = ref
    scope = narrow_to_topic(topic, offer)
    # "active 1 h ago" on a 2015 post: said as before the replay's time
    replay = ref.replay and not ref.fixed
    # the store holds only the firm's own posts: the empty inbox's reason counts them, and no
    # window or left-out note names other numbers or dates for the same conversations
    own_only = holds_own_posts_only(offer)
    result = _rank_scope(
        store, offer, scope, ref.at, max_age, limit, text, roles, memo, replay, own_only
    )
    if look == "auto":
        look = take_look(store, as_handle)
    if look is not None:
        result = _mark_new(store, result, look)
    conversations = len(scope.conversations) + result.refiled
    elsewhere: dict[str, int] = {}
    if platform and not conversations:  # only then: it loads every stored conversation
        # the other platforms' posts judged too: unjudged, they hold no conversation yet, and
        # a store never ranked would be told to listen first when it has conversations
        judged += _judge_new_posts(store, relevance, text, None)
        elsewhere = conversations_elsewhere(store, platform)
    judged_note = work_note(judged)
    # read, and none about work: the empty inbox says so, not "listen first"
    not_work = 0 if offer.everyone else count_judged_not_work(store, platform)
    account_note = None
    if as_handle and not own:  # it says what "joined" can mean here (marks only)
        account_note = missing_account_note(as_handle, as_platform, result.sort.tally["joined"])
    owner_note = None if owner is None else archive_owner_note(*owner)
    notes = [n for n in (owner_note, account_note, judged_note) if n is not None]
    notes += _ranking_notes(result, ref, scope, max_age, text is not None, own_only=own_only)
    if offer.own_opened and len(offer.everyone) > offer.own_replies:  # else the empty one says
        notes.append(own_opened_note(offer.own_opened))
    since = ref.at - max_age if max_age is not None else None
    weighed = {(p.platform, p.id) for conv in offer.everyone for p in conv.posts}
    other_languages = count_turned_down(store, platform, since, ref.at, weighed)
    language_note = other_languages_note(other_languages)
    if language_note is not None:
        notes.append(language_note)
    if offer.after_as_of and not offer.everyone:  # a date before the store's conversations
        notes.append(before_all_note(offer, ref.at))
    elif offer.after_as_of and not result.items:  # "nothing left to join" as of the date only
        notes.append(after_date_note(offer.after_as_of, ref.at))
    return Inbox(
        result.items,
        result.joined,
        _topics_shown(result.items + result.joined, offer.model),
        datetime.now(UTC),
        ref.at,
        as_handle,
        notes,
        _inbox_counts(conversations, result, offer, not_work),
        replay=ref.replay,
        max_age=max_age,
        topic_query=topic,
        topic_matched=topic is None or bool(result.matches),
        topic_choices=result.choices,
        topic_matches=result.matches,
        left_out=result.pick.left_out,
        left_out_items=[left_out_item(entry) for entry in result.pick.set_aside],
        other_languages=other_languages,
        account_note=account_note,
        clock_note=clock_note(ref),
        work_note=judged_note,
        snoozed=list_snoozed(store, result.sort.snoozed),
        platform=platform,
        elsewhere=elsewhere,
        look=look,
        dismissed=[
            DismissedConversation(
                c.id, c.opening.text, c.opening.author_handle, c.opening.author_id
            )
            for c in _newest_first(result.sort.dismissed)
        ],
        never_work=count_unread_conversations(store, platform, offer.loaded)
        if count_never_work
        else None,
    )


@dataclass(frozen=True, slots=True)
class ScopeRanking:
    """The conversations of a scope, ranked: by state, those outside the window counted, the
    ones shown, and the topics offered."""

    sort: StateSort
    older: OlderCount
    pick: ShownPick
    choices: list[TopicChoice]  # every topic with conversations to join
    matches: list[TopicMatch]  # the ones ``--topic`` names
    items: list[InboxItem]
    joined: list[InboxItem]
    refiled: int = 0  # what --topic's filing adds to the scope's conversations


def _rank_scope(
    store: Store,
    offer: Offer,
    scope: TopicScope,
    at: datetime,
    max_age: timedelta | None,
    limit: int,
    text: TopicScorer | None,
    roles: RoleModelLike | None,
    memo: RankMemo | None = None,
    replay: bool = False,
    own_only: bool = False,
) -> ScopeRanking:
    """Rank the conversations of ``scope`` as of ``at`` (``replay``: a replay's time), and
    pick the ``limit`` shown; ``own_only``: the store holds only the firm's own posts."""
    sort = sort_for_ranking(offer, scope, at, max_age)
    ranked, context, older = _rank_with_older(store, sort, offer, at, text, roles, memo, replay)
    topics = topics_offered(ranked, offer, scope)
    # only the firm's own replies: the reason of the empty inbox counts them at any age, by
    # why each was left out ("all left out as not about work"), and so does the JSON
    window = None if own_only else (at, max_age)
    pick = pick_shown(topics.ranked, offer.states, limit, sort.tally, window)
    older = replace(older, left_out=older.left_out + pick.older_left_out)
    context = replace(context, voice=read_firm_voice(store, offer.own, roles))  # angles' words
    items, joined = make_items(
        pick.shown, context, topics.topic_of, offer.states.woken, by_topic=scope.query is not None
    )
    return ScopeRanking(
        sort, older, pick, topics.choices, topics.matches, items, joined, topics.refiled
    )


def _mark_new(store: Store, result: ScopeRanking, look: Look) -> ScopeRanking:
    """``result`` with its items that came into the store since ``look.since`` marked new."""
    new = new_conversations(
        store, [entry.conversation for entry, _ in result.pick.shown], look.since
    )
    if not new:
        return result

    def marked(items: list[InboxItem]) -> list[InboxItem]:
        return [
            replace(i, new=True) if (i.platform, i.conversation_id) in new else i for i in items
        ]

    return replace(result, items=marked(result.items), joined=marked(result.joined))


def _rank_with_older(
    store: Store,
    sort: StateSort,
    offer: Offer,
    at: datetime,
    text_model: TopicScorer | None,
    role_model: RoleModelLike | None,
    memo: RankMemo | None = None,
    replay: bool = False,
) -> tuple[list[RankedConversation], RankContext, OlderCount]:
    """The conversations to rank, ranked, with a sample of the open ones outside the window
    ranked too and counted (:class:`~.inbox_steps.OlderCount`, and in ``sort.tally``), then
    set aside; ``replay``: ``at`` is a replay's time."""
    sampled = spread_sample(sort.stale, STALE_SAMPLE)
    sampled_keys = {key_of(c) for c in sampled}
    to_rank = sort.wanted + sampled
    kept = memo.ranking_of(sort.wanted, sampled) if memo is not None else None
    if kept is not None:
        ranked, context = kept
    else:
        ranked, context = rank_stored(
            store, to_rank, offer.topic_of, offer.labels, at, text_model, role_model,
            offer.copies, sampled_keys, firm=offer.firm, own=offer.own,
            own_threads=offer.own_waiting, replay=replay,
        )  # fmt: skip
        if memo is not None:
            memo.keep(ranked, context, sampled_keys)
    older = count_older(ranked, sort.stale, sampled)
    sort.tally["older"], sort.tally["undated"] = older.older, older.undated
    in_window_only = [e for e in ranked if key_of(e.conversation) not in sampled_keys]
    return in_window_only, context, older


def _ranking_notes(
    result: ScopeRanking,
    ref: Reference,
    scope: TopicScope,
    max_age: timedelta | None,
    with_model: bool,
    *,
    own_only: bool = False,
) -> list[str]:
    """What the inbox says of its ranking: the model it lacked, its time, the topic asked for,
    what it left out and what lies outside its window."""
    notes = [] if with_model else [NO_MODEL_NOTE]
    clock = clock_note(ref)
    if clock is not None:
        notes.append(clock)
    topic, matches, choices = scope.query, result.matches, result.choices
    if topic is not None and not matches:
        notes.append(no_topic_note(topic, choices))
    elif topic is not None and (by_words := matched_by_words_note(topic, matches)) is not None:
        notes.append(by_words)
    if own_only:
        return notes
    if result.pick.left_out:
        notes.append(left_out_note(result.pick.left_out))
    notes += window_notes(
        result.sort.tally, max_age, scope.conversations, ref.at, bool(result.items),
        replay=ref.replay or ref.fixed, topic=topic, estimated=result.older.estimated,
    )  # fmt: skip
    if matches and not result.pick.shown_open and choices:  # the topics named: nothing now
        notes.append(other_topics_note(choices))
    return notes


def _judge_new_posts(
    store: Store, relevance: RelevanceFilter | None, text: TopicScorer | None, platform: str | None
) -> int:
    """Judge the stored posts not judged yet (what is about work); how many were read."""
    # every post, the firm's own too: its replies are what mark a conversation joined, so the
    # same inbox comes out whatever ran before
    return index_stored_posts(store, relevance or RelevanceFilter(scorer=text), platform)


def _topics_shown(items: list[InboxItem], model: TopicModel) -> dict[int, InboxTopic]:
    used = {i.topic_id for i in items if i.topic_id is not None}
    return {
        tid: InboxTopic(tid, model.topics_[tid].label, model.topics_[tid].size)
        for tid in used
        if tid in model.topics_
    }


def _inbox_counts(
    conversations: int, result: ScopeRanking, offer: Offer, not_work: int
) -> dict[str, int]:
    # one meaning of "open" everywhere (JSON, HTML, terminal, topic choices): conversations
    # to join now, in the window and not left out; the rest of the open ones are counted
    # under left_out, older and undated (docs/listen.md, "The JSON")
    pick, older = result.pick, result.older
    return {
        "conversations": conversations,
        **result.sort.tally,
        "open": pick.offered,
        "shown": pick.shown_open,
        "left_out": sum(pick.left_out.values()),
        "older_left_out": older.left_out,
        "older_estimated": older.estimated,
        "after_as_of": offer.after_as_of,
        "own_opened": offer.own_opened,
        "own_replies": offer.own_replies,
        "topics": len(offer.model.topics_),
        "posts_not_work": not_work,
    }


def _newest_first(conversations: list[Conversation]) -> list[Conversation]:
    return sorted(conversations, key=lambda c: c.last_activity or _EPOCH, reverse=True)


def spread_sample(items: Sequence[Conversation], size: int) -> list[Conversation]:
    """``size`` items spread evenly over ``items`` (all of them when there are no more)."""
    if len(items) <= size:
        return list(items)
    step = len(items) / size
    return [items[int(i * step)] for i in range(size)]
