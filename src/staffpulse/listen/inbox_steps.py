"""The steps of one inbox ranking (:func:`staffpulse.listen.inbox.build_inbox`): each
conversation's state for the firm, the conversations sorted by it, the count of those
quiet for longer than the window, and the choice of what is shown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from staffpulse.listen.followers_only import FOLLOWERS_ONLY
from staffpulse.listen.inbox_items import inbox_item
from staffpulse.listen.inbox_model import InboxItem
from staffpulse.listen.rank import RankContext, RankedConversation, add_angles
from staffpulse.listen.snooze import arrivals, firm_snoozes, wake_reason
from staffpulse.listen.states import firm_key, firm_marks
from staffpulse.listen.thread_work import OFF_WORK
from staffpulse.listen.threads import Conversation
from staffpulse.listen.window import in_window
from staffpulse.listen.work_terms import URL_RE
from staffpulse.models import platform_label
from staffpulse.store import Store

Key = tuple[str, str]  # (platform, conversation id)


def key_of(conv: Conversation) -> Key:
    return (conv.platform, conv.id)


@dataclass(frozen=True, slots=True)
class FirmStates:
    """Each conversation's state for the firm (open, joined, dismissed, snoozed), judged once:
    the steps after ask again of the same conversations."""

    states: dict[Key, str]
    snoozes: dict[Key, tuple[datetime, datetime]]  # (until, when snoozed)
    woken: dict[Key, str]  # snoozes that ended: why each is back
    # joined by the firm's own reply alone, with no mark: a reply in a thread the inbox leaves
    # out as not about work is the account's own chat, not a conversation joined
    by_reply_only: frozenset[Key] = frozenset()

    def of(self, conv: Conversation) -> str:
        return self.states[key_of(conv)]


def judge_states(
    store: Store,
    platform: str | None,
    as_handle: str | None,
    own: Sequence[tuple[str, str]],
    conversations: Sequence[Conversation],
    clock: datetime,
    waiting: Collection[Key] = frozenset(),
) -> FirmStates:
    """Joined when one of the firm's ``own`` accounts replied, else the firm's own mark (and
    those made with no firm named: another client's joined or dismissed is not this one's);
    a snooze that has ended on ``clock`` is open again. A thread of the firm's own where
    someone answered it last (``waiting``) is never joined by the firm's earlier replies."""
    firm = firm_key(store, as_handle)
    marks = firm_marks(store, platform, firm)
    snoozes = firm_snoozes(store, platform, firm)
    woken: dict[Key, str] = {}
    # a reply imported since the snooze wakes it even when written before: read when each
    # post of a snoozed conversation came into the store
    arrived = arrivals(store, [c for c in conversations if key_of(c) in snoozes])

    by_reply_only: set[Key] = set()

    def judge(conv: Conversation) -> str:
        key = key_of(conv)
        if key not in waiting and any(
            conv.replied_by(acc) for plat, acc in own if plat == conv.platform
        ):
            if marks.get(key) != "joined":
                by_reply_only.add(key)
            return "joined"
        state = marks.get(key, "open")
        if state == "snoozed" and key in snoozes:
            back = wake_reason(conv, *snoozes[key], clock, arrived)
            if back is not None:
                woken[key] = back
                return "open"
        return state

    states = {key_of(c): judge(c) for c in conversations}
    return FirmStates(states, snoozes, woken, frozenset(by_reply_only))


@dataclass(slots=True)
class StateSort:
    """The conversations of the inbox by state, and how many of each."""

    tally: dict[str, int]
    wanted: list[Conversation] = field(default_factory=list)  # to rank: open and joined
    snoozed: list[tuple[Conversation, tuple[datetime, datetime]]] = field(default_factory=list)
    # open but outside the window: ranked too, because "N quiet for longer" must count only
    # what a longer age would offer, not the job ads, greetings... it would leave out anyway
    stale: list[Conversation] = field(default_factory=list)
    # dismissed by the firm: listed by id under the inbox, for "inbox reopen ID"
    dismissed: list[Conversation] = field(default_factory=list)


def sort_by_state(
    conversations: Sequence[Conversation],
    states: FirmStates,
    at: datetime,
    max_age: timedelta | None,
) -> StateSort:
    """Count each state, and set apart what to rank, what is snoozed and what is too old."""
    tally = {"open": 0, "joined": 0, "dismissed": 0, "snoozed": 0, "older": 0, "undated": 0}
    sort = StateSort(tally)
    for conv in conversations:
        state = states.of(conv)
        tally[state] += 1
        if state == "snoozed":
            sort.snoozed.append((conv, states.snoozes[key_of(conv)]))
        if state == "dismissed":
            sort.dismissed.append(conv)
        if state == "open" and not in_window(conv.last_activity, at, max_age):
            sort.stale.append(conv)
        elif state in ("open", "joined"):  # joined: a record of what the firm did, any age
            sort.wanted.append(conv)
    return sort


@dataclass(frozen=True, slots=True)
class OlderCount:
    """The open conversations outside the window, counted from the ones ranked (a sample
    stands for all of them: its shares, scaled; exact when all were read)."""

    older: int
    undated: int
    left_out: int  # left out at any age (job ads, spam...)
    estimated: bool  # from a sample
    # the newest of them that a replay as of it would offer
    newest: datetime | None


def count_older(
    ranked: Sequence[RankedConversation],
    stale: Sequence[Conversation],
    sampled: Sequence[Conversation],
) -> OlderCount:
    """Count the ranked conversations of ``sampled``, a sample of ``stale``."""
    stale_keys = {key_of(c) for c in sampled}
    counts = Counter[str]()  # outside the window: older, undated, or left out at any age
    newest: datetime | None = None
    for entry in ranked:
        conv = entry.conversation
        if key_of(conv) not in stale_keys:
            continue
        if entry.left_out is None:
            counts["undated" if conv.last_activity is None else "older"] += 1
            if conv.last_activity is not None and (newest is None or conv.last_activity > newest):
                newest = conv.last_activity
        else:
            counts["left_out"] += 1
    scale = len(stale) / len(sampled) if sampled else 1.0
    return OlderCount(
        older=round(counts["older"] * scale),
        undated=round(counts["undated"] * scale),
        left_out=round(counts["left_out"] * scale),
        estimated=len(sampled) < len(stale),
        newest=newest,
    )


@dataclass(slots=True)
class ShownPick:
    """The conversations shown (the joined ones, and the first ``limit`` open ones to join),
    with the counts the inbox gives of the rest."""

    shown: list[tuple[RankedConversation, str]] = field(default_factory=list)  # with state
    set_aside: list[RankedConversation] = field(default_factory=list)  # those left out
    shown_open: int = 0
    offered: int = 0  # open conversations to join, shown or not (the "M" of "top N of M")
    # left out as not about work, though the firm's reply joined them, outside the window: told
    # with the older ones left out, not among this window's
    older_left_out: int = 0

    @property
    def left_out(self) -> dict[str, int]:
        """How many were set aside, by why the tool leaves each out (read off ``set_aside``,
        so the count and the list never disagree)."""
        return dict(Counter(e.left_out for e in self.set_aside if e.left_out is not None))


def pick_shown(
    ranked: Sequence[RankedConversation],
    states: FirmStates,
    limit: int,
    tally: dict[str, int],
    window: tuple[datetime, timedelta | None] | None = None,
) -> ShownPick:
    """What the inbox shows, best first; a joined conversation that is not public is never
    listed, nor one not about work that only the firm's own reply joined (its chat with a
    friend: "@sam sent it like a pro"): ``tally`` counts each as left out instead of joined."""
    pick = ShownPick()
    for entry in ranked:
        state = states.of(entry.conversation)
        if state == "joined" and (
            entry.left_out == FOLLOWERS_ONLY
            # off work whatever else leaves it out first (a partisan rant the firm answered):
            # the audit credits no such thread either
            or (entry.flags.get(OFF_WORK) and key_of(entry.conversation) in states.by_reply_only)
        ):
            tally["joined"] -= 1  # never listed as joined; counted as left out
            state = "open"
            last = entry.conversation.last_activity
            if window is not None and not in_window(last, *window):
                pick.older_left_out += 1
                continue
        if state == "joined" and entry.left_out != FOLLOWERS_ONLY:
            pick.shown.append((entry, state))
        elif entry.left_out is not None:  # the tool itself says: not a conversation to join
            pick.set_aside.append(entry)
        else:
            pick.offered += 1
            if pick.shown_open < limit:
                pick.shown.append((entry, state))
                pick.shown_open += 1
    return pick


def make_items(
    shown: Sequence[tuple[RankedConversation, str]],
    context: RankContext,
    topic_of: dict[Key, int],
    woken: dict[Key, str],
    *,
    by_topic: bool = False,
) -> tuple[list[InboxItem], list[InboxItem]]:
    """The open items and the joined ones, each with its angle (``by_topic``: the inbox is
    narrowed to named topics, each angle speaks to its card's topic); a conversation back
    from a snooze says why first."""
    described = add_angles([entry for entry, _ in shown], context, by_topic=by_topic)
    items: list[InboxItem] = []
    joined: list[InboxItem] = []
    for entry, (_, state) in zip(described, shown, strict=True):
        key = key_of(entry.conversation)
        item = inbox_item(entry, topic_of.get(key), state)
        if (back := woken.get(key)) and state == "open":
            item = replace(item, reasons=(back, *item.reasons))  # said first: why it is here
        (joined if state == "joined" else items).append(item)
    return _say_copies(items), joined


# An opening this short ("Thoughts?", "Same here") is said by many alike: no copy
COPY_MIN_CHARS = 40


def _say_copies(items: list[InboxItem]) -> list[InboxItem]:
    """An item opening with the words of one above it (a post cross-posted to X and Bluesky,
    or pasted by two accounts; three or more are spam) gets a caution naming the first, so
    that the firm joins one of them, not both."""
    first: dict[str, InboxItem] = {}
    out: list[InboxItem] = []
    for item in items:
        words = " ".join(URL_RE.sub(" ", item.opening_text).lower().split())
        seen = first.setdefault(words, item) if len(words) >= COPY_MIN_CHARS else item
        if seen is not item:
            where = platform_label(seen.platform)
            out.append(
                replace(
                    item,
                    cautions=(
                        *item.cautions,
                        f"the same words as a conversation above, by {seen.author_label} on"
                        f" {where}: join one of them, not both",
                    ),
                )
            )
        else:
            out.append(item)
    return out
