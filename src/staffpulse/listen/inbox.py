"""The inbox: the conversations a firm should join today, by topic, with reasons and angles.

``build_inbox`` reads the relevant conversations from the store (from Jetstream listening and,
with ``index_existing``, any imported post the relevance filter accepts), gives them topics
incrementally, ranks them (:mod:`staffpulse.listen.rank`) and splits them into open items and
conversations already joined. A conversation counts as *joined* once the firm's own account
has replied in it, or when the user marked it so (:mod:`staffpulse.listen.states`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from staffpulse.errors import InputError
from staffpulse.listen import schema
from staffpulse.listen.enrich import (
    RoleModel,
    author_roles,
    index_stored_posts,
    load_role_model_optional,
    opening_signals,
)
from staffpulse.listen.moderation import LEAVE_OUT, LEAVE_OUT_NAMES
from staffpulse.listen.rank import RankContext, RankedConversation, add_angles, rank
from staffpulse.listen.relevance import RelevanceFilter, TopicScorer, load_default_scorer
from staffpulse.listen.threads import Conversation, load_conversations
from staffpulse.listen.topics import assign_topics
from staffpulse.listen.window import (
    DEFAULT_MAX_AGE,
    AsOf,
    TopicChoice,
    in_window,
    no_topic_note,
    reference_time,
    topic_choices,
    window_notes,
)
from staffpulse.models import normalize_handle, normalize_platform
from staffpulse.report.counts import count_of
from staffpulse.store import Store
from staffpulse.store.codec import format_time

Auto = Literal["auto"]


@dataclass(frozen=True, slots=True)
class InboxItem:
    platform: str
    conversation_id: str
    url: str | None
    topic_id: int | None
    topic_label: str
    opening_text: str
    author_handle: str
    author_id: str
    role: str | None
    started_at: datetime | None
    last_activity: datetime | None
    replies: int
    participants: int
    score: float
    reasons: tuple[str, ...]
    cautions: tuple[str, ...]
    angle: str
    state: str  # open | joined | dismissed
    flags: dict[str, bool] = field(default_factory=dict)
    # False when the post that started the conversation is not stored: the opening shown is
    # then the earliest reply we have, and ``root_author`` wrote the missing post (if known)
    root_stored: bool = True
    root_author: str | None = None

    @property
    def author_label(self) -> str:
        who = self.author_handle or self.author_id
        return f"@{who}" if who else "unknown author"  # some API responses omit the author

    @property
    def missing_root_note(self) -> str | None:
        """ "reply to a post by @X that isn't stored", when the opening post is missing."""
        if self.root_stored:
            return None
        who = f" by @{self.root_author.lstrip('@')}" if self.root_author else ""
        return f"reply to a post{who} that isn't stored"

    def as_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "conversation_id": self.conversation_id,
            "url": self.url,
            "topic": {"id": self.topic_id, "label": self.topic_label},
            "opening": {
                "text": self.opening_text,
                "author_handle": self.author_handle,
                "author_id": self.author_id,
                "author_role": self.role,
                "created_at": format_time(self.started_at),
            },
            "last_activity": format_time(self.last_activity),
            "replies": self.replies,
            "participants": self.participants,
            "score": self.score,
            "reasons": list(self.reasons),
            "cautions": list(self.cautions),
            "angle": self.angle,
            "state": self.state,
            "flags": self.flags,
            "root_stored": self.root_stored,
            "root_author": self.root_author,
        }


@dataclass(frozen=True, slots=True)
class InboxTopic:
    id: int
    label: str
    size: int


@dataclass
class Inbox:
    items: list[InboxItem]  # open, most joinable first
    joined: list[InboxItem]
    topics: dict[int, InboxTopic]
    generated_at: datetime
    ranked_as_of: datetime
    account: str | None = None
    notes: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    replay: bool = False  # ranked as of the newest activity in the store, not the real time
    max_age: timedelta | None = DEFAULT_MAX_AGE  # the age window open items were taken from
    topic_query: str | None = None
    topic_matched: bool = True  # False: --topic matched no topic label at all
    topic_choices: list[TopicChoice] = field(default_factory=list)  # with joinable items
    # open conversations left out as not conversations to join, by reason
    # (``moderation.LEAVE_OUT``: job_ad, spam, hostile, nsfw, partisan)
    left_out: dict[str, int] = field(default_factory=dict)

    def by_topic(self) -> list[tuple[str, list[InboxItem]]]:
        """Open items grouped by topic label, groups ordered by their best item."""
        groups: dict[str, list[InboxItem]] = {}
        for item in self.items:
            groups.setdefault(item.topic_label or "other", []).append(item)
        return sorted(groups.items(), key=lambda g: -g[1][0].score)

    def as_dict(self) -> dict[str, Any]:
        return {
            "generated_at": format_time(self.generated_at),
            "ranked_as_of": format_time(self.ranked_as_of),
            "replay": self.replay,
            "max_age_days": None if self.max_age is None else self.max_age.total_seconds() / 86400,
            "account": self.account,
            "counts": self.counts,
            "notes": self.notes,
            "topics": [
                {"id": t.id, "label": t.label, "size": t.size}
                for t in sorted(self.topics.values(), key=lambda t: -t.size)
            ],
            "topic_query": self.topic_query,
            "topic_matched": self.topic_matched,
            "topic_choices": [
                {"id": t.id, "label": t.label, "open": t.open} for t in self.topic_choices
            ],
            "left_out": self.left_out,
            "items": [i.as_dict() for i in self.items],
            "joined": [i.as_dict() for i in self.joined],
        }


def parse_platform(value: str | None) -> str | None:
    """The platform ``--platform`` names, in any case (``X``, ``twitter`` → ``x``); an unknown
    one is an input error naming the valid ones, not an empty inbox."""
    if value is None:
        return None
    try:
        return normalize_platform(value)
    except ValueError as exc:
        raise InputError(str(exc), hint="leave out --platform for every platform") from None


def resolve_accounts(store: Store, handle: str) -> list[tuple[str, str]]:
    """``(platform, id)`` of every stored account with this handle (or id)."""
    rows = store.conn.execute(
        "SELECT platform, id FROM accounts WHERE handle_norm = ? OR id = ?",
        (normalize_handle(handle), handle.strip()),
    ).fetchall()
    return [(row[0], row[1]) for row in rows]


def build_inbox(
    store: Store,
    *,
    platform: str | None = None,
    topic: str | None = None,
    as_handle: str | None = None,
    limit: int = 20,
    now: datetime | None = None,
    as_of: AsOf = "auto",
    max_age: timedelta | None = DEFAULT_MAX_AGE,
    text_model: TopicScorer | Auto | None = "auto",
    role_model: RoleModel | Auto | None = "auto",
    relevance: RelevanceFilter | None = None,
    index_existing: bool = True,
) -> Inbox:
    """Rank the stored relevant conversations into an inbox (see the module docstring).

    Only conversations active within ``max_age`` of the reference time are offered (``None``:
    no limit); the reference is ``now``, else as ``as_of`` says (:mod:`.window`)."""
    if limit < 1:
        raise InputError("--limit must be at least 1")
    platform = parse_platform(platform)
    schema.ensure_schema(store)
    text = load_default_scorer() if text_model == "auto" else text_model
    roles_model = load_role_model_optional() if role_model == "auto" else role_model
    notes: list[str] = []
    own = resolve_accounts(store, as_handle) if as_handle else []
    if as_handle and not own:
        notes.append(
            f"account {as_handle} is not in the store, so joined conversations are unknown;"
            f" import or fetch its posts first"
        )
    if index_existing:
        # every post, the firm's own too: its replies are what mark a conversation joined,
        # so the same inbox comes out whatever ran before
        judged = index_stored_posts(store, relevance or RelevanceFilter(scorer=text), platform)
        if judged:
            notes.append(f"judged the relevance of {judged:,} stored posts")
    if text is None:
        notes.append("post-signals model unavailable: job ads detected by patterns")
    conversations = load_conversations(store, platform)
    own_ids = set(own)
    conversations = [c for c in conversations if (c.platform, c.opening.author_id) not in own_ids]
    model, topic_of = assign_topics(store, conversations)
    labels = {tid: t.label for tid, t in model.topics_.items()}
    ref = reference_time(store, conversations, now, as_of, max_age)
    if ref.replay:
        notes.append(
            f"a replay, not live: ranked as of {format_time(ref.at)}, an hour after the newest"
            f" activity in the store ({ref.why})"
        )
    states = schema.inbox_states(store, platform)

    def state_of(conv: Conversation) -> str:
        if any(conv.replied_by(acc) for plat, acc in own if plat == conv.platform):
            return "joined"
        return states.get((conv.platform, conv.id), "open")

    joinable = [
        c
        for c in conversations
        if state_of(c) == "open" and in_window(c.last_activity, ref.at, max_age)
    ]
    choices = topic_choices(joinable, topic_of, model.topics_)
    matched = True
    if topic is not None:
        matched = any(_topic_matches(topic, tid, labels) for tid in labels)
        conversations = [
            c
            for c in conversations
            if _topic_matches(topic, topic_of.get((c.platform, c.id)), labels)
        ]
        if not matched:
            notes.append(no_topic_note(topic, choices))
    tally = {"open": 0, "joined": 0, "dismissed": 0, "older": 0, "undated": 0}
    wanted: list[Conversation] = []  # only these are ranked: a big store has many stale ones
    for conv in conversations:
        state = state_of(conv)
        tally[state] += 1
        if state == "open" and not in_window(conv.last_activity, ref.at, max_age):
            tally["undated" if conv.last_activity is None else "older"] += 1
        elif state in ("open", "joined"):  # joined: a record of what the firm did, any age
            wanted.append(conv)
    ranked, context = _rank(store, wanted, topic_of, labels, ref.at, text, roles_model)
    shown: list[tuple[RankedConversation, str]] = []
    left_out: dict[str, int] = {}
    n_open = 0
    for entry in ranked:
        conv = entry.conversation
        state = state_of(conv)
        if state == "joined":
            shown.append((entry, state))
        elif entry.left_out is not None:  # the tool itself says: not a conversation to join
            left_out[entry.left_out] = left_out.get(entry.left_out, 0) + 1
        elif n_open < limit:
            shown.append((entry, state))
            n_open += 1
    described = add_angles([entry for entry, _ in shown], context)
    items: list[InboxItem] = []
    joined: list[InboxItem] = []
    for entry, (_, state) in zip(described, shown, strict=True):
        conv = entry.conversation
        item = _item(entry, topic_of.get((conv.platform, conv.id)), state)
        (joined if state == "joined" else items).append(item)
    if left_out:
        notes.append(left_out_note(left_out))
    notes.extend(
        window_notes(
            tally, max_age, conversations, ref.at, bool(items), replay=ref.replay, topic=topic
        )
    )
    used = {i.topic_id for i in items + joined if i.topic_id is not None}
    topics = {
        tid: InboxTopic(tid, model.topics_[tid].label, model.topics_[tid].size)
        for tid in used
        if tid in model.topics_
    }
    counts = {
        "conversations": len(conversations),
        **tally,
        "left_out": sum(left_out.values()),
        "topics": len(model.topics_),
    }
    return Inbox(
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
        topic_matched=matched,
        topic_choices=choices,
        left_out=left_out,
    )


def _topic_matches(query: str, topic_id: int | None, labels: dict[int, str]) -> bool:
    if topic_id is None:
        return False
    if query.strip().isdigit():
        return int(query) == topic_id
    return query.strip().lower() in labels.get(topic_id, "").lower()


def _rank(
    store: Store,
    conversations: Sequence[Conversation],
    topic_of: dict[tuple[str, str], int],
    labels: dict[int, str],
    as_of: datetime,
    text: TopicScorer | None,
    roles_model: RoleModel | None,
) -> tuple[list[RankedConversation], RankContext]:
    relevance: dict[str, float] = {}
    for plat in {c.platform for c in conversations}:
        convs = [c for c in conversations if c.platform == plat]
        scores = schema.relevance_scores(store, plat, [c.opening.id for c in convs])
        relevance.update((c.id, scores[c.opening.id]) for c in convs if c.opening.id in scores)
    signals = opening_signals(conversations, text)
    context = RankContext(
        now=as_of,
        relevance=relevance,
        topic_labels={
            c.id: labels.get(topic_of.get((c.platform, c.id), -1), "") for c in conversations
        },
        roles=author_roles(store, conversations, roles_model),
        job_scores=signals.job,
        humor_scores=signals.humor,
        job_threshold=signals.job_threshold,
        work_scores=signals.work,
    )
    return rank(conversations, context, angles=False), context


def _item(entry: RankedConversation, topic_id: int | None, state: str) -> InboxItem:
    conv = entry.conversation
    opening = conv.opening
    root_stored = conv.root is not None
    return InboxItem(
        platform=conv.platform,
        conversation_id=conv.id,
        url=conv.url,
        topic_id=topic_id,
        topic_label=entry.topic_label,
        opening_text=opening.text,
        author_handle=opening.author_handle,
        author_id=opening.author_id,
        role=entry.role,
        started_at=opening.created_at,
        last_activity=conv.last_activity,
        replies=len(conv.replies) if root_stored else len(conv.posts),
        participants=len(conv.participants),
        score=entry.score,
        reasons=entry.reasons,
        cautions=entry.cautions,
        angle=entry.angle,
        state=state,
        flags=entry.flags,
        root_stored=root_stored,
        root_author=None if root_stored else (opening.reply_to_handle or None),
    )


def left_out_note(left_out: dict[str, int]) -> str:
    """ "left out 6 job ads and 1 hostile post: not conversations to join"."""
    parts = [
        count_of(left_out[name], *LEAVE_OUT_NAMES[name]) for name in LEAVE_OUT if left_out.get(name)
    ]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"left out {listed}: not conversations to join"
