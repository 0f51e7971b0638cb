"""The inbox's reads and state changes, for :class:`staffpulse.web.data.Backend`.

The inbox is the slowest page to compute, so a state change (joined, dismissed, snoozed,
reopened) updates the cached inboxes in place instead of dropping them. Only a conversation dismissed
before this run, which no cached inbox holds, needs a fresh ranking when it is reopened.

States are kept per firm ("You post as", :func:`staffpulse.listen.states.firm_key`): a change
updates the cached inboxes of the same firm in place; a mark made with no firm named (which
every firm's inbox honours) or a reopen drops the other firms' cached inboxes.

Which conversations are "new" depends on when the firm last looked (:mod:`staffpulse.listen.looks`),
so that time is part of a cached inbox's key: a page opened in a later sitting is marked from
that sitting's last look, not from the one the cached ranking was made in.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import Counter
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from staffpulse.listen.author_names import name_author
from staffpulse.store import Store

if TYPE_CHECKING:
    from staffpulse.listen.inbox_model import Inbox, InboxItem
    from staffpulse.listen.looks import Look
    from staffpulse.listen.snooze import SnoozedItem

T = TypeVar("T")
# Every open conversation is kept (the ranking reads them all anyway): the page shows them a
# page at a time and counts them truly, where a limit of 30 would make "30 open" of 219.
RANKED = 1_000_000


class InboxMixin:
    """Mixed into ``Backend``, which provides the store, the cache and its lock."""

    _lock: threading.Lock
    _cache: dict[Any, tuple[int, Any]]
    # items dismissed in this run, by (inbox cache key, platform, conversation id)
    _dismissed: dict[tuple[Any, str, str], InboxItem]

    if TYPE_CHECKING:

        def store(self) -> AbstractContextManager[Store]: ...

        def cached(self, key: Any, compute: Callable[[], T], read_at: int | None = None) -> T: ...

    def inbox(
        self,
        as_handle: str | None,
        topic: str | None,
        platform: str | None,
        max_age: timedelta | None,
        as_of: str = "auto",
        as_platform: str | None = None,
        look: Look | None = None,
    ) -> Inbox:
        """The inbox as ``staffpulse inbox`` ranks it; ``max_age`` None = no age limit;
        ``as_platform``: the platform of the firm's account, when the picker named one;
        ``look``: the look its "new" marks are from (default: the firm's, now).

        The listening modules load the topic model, so they are imported here, on the first
        inbox, rather than when the dashboard starts.
        """
        from staffpulse.listen.inbox import build_inbox
        from staffpulse.listen.inbox_memo import RankMemo
        from staffpulse.listen.window import parse_as_of

        seen = look or self.inbox_look(as_handle)
        # the ranking is kept for the same choices but the topic: a topic link then reads it
        # (a second, not the 20 s of ranking a big store again); one inbox at a time uses it
        memo, memo_lock = self.cached(
            ("inbox-memo", as_handle, as_platform, platform, max_age, as_of),
            lambda: (RankMemo(), threading.Lock()),
        )

        def compute() -> Inbox:
            with memo_lock, self.store() as store:
                return build_inbox(
                    store,
                    as_handle=as_handle,
                    as_platform=as_platform,
                    topic=topic,
                    platform=platform,
                    limit=RANKED,
                    max_age=max_age,
                    as_of=parse_as_of(as_of),
                    look=seen,
                    memo=memo,
                )

        key = inbox_key(as_handle, topic, platform, max_age, as_of, as_platform, seen.since)
        return self.cached(key, compute)

    def inbox_look(self, as_handle: str | None) -> Look:
        """The look of the firm ``as_handle`` at its inbox, now: taken afresh for each page,
        since a cached inbox's own look is as old as its ranking (hours, on a server left
        running) and would say "new" of what the firm has seen since."""
        from staffpulse.listen.looks import take_look

        with self.store() as store:
            return take_look(store, as_handle)

    def record_inbox_look(self, look: Look) -> None:
        """Remember ``look`` as the firm's last (:func:`staffpulse.listen.looks.record_look`):
        what comes in after it is new at the next sitting, on the page and in the terminal.

        A store busy with a long write (an import running in the terminal) keeps the mark
        where it was rather than failing the page: the look after it moves it."""
        from staffpulse.listen.looks import record_look

        try:
            with self.store() as store:
                record_look(store, look)
        except sqlite3.OperationalError:
            pass

    def forget_ended_snoozes(self, key: Any) -> None:
        """Drop the cached inbox under ``key`` when a snooze it lists has ended (its date has
        come): the cache lasts until new data comes in, and the conversation is due back."""
        now = datetime.now(UTC)
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None and any(s.until <= now for s in hit[1].snoozed):
                del self._cache[key]

    def dismissed(self, platform: str | None, as_handle: str | None = None) -> list[dict[str, Any]]:
        """The conversations the firm ``as_handle`` dismissed (none: those dismissed for no
        particular firm), newest first, with their opening post.

        The inbox leaves them out entirely, so the page reads them from the stored states.
        """
        from staffpulse.listen.followers_only import NOT_QUOTED
        from staffpulse.listen.states import conversation_openings, firm_key, firm_marks
        from staffpulse.store.visibility import not_public_ids

        out: list[dict[str, Any]] = []
        with self.store() as store:
            states = firm_marks(store, platform, firm_key(store, as_handle))
            keys = [k for k, v in states.items() if v == "dismissed"]
            by_platform: dict[str, list[str]] = {}
            for plat, conv in keys:
                by_platform.setdefault(plat, []).append(conv)
            for plat, ids in sorted(by_platform.items()):
                # the opening the inbox showed: the earliest stored post when the first is
                # not stored (its id is the conversation's, but no stored post has it)
                posts = conversation_openings(store, plat, ids)
                # a followers-only or direct opening is never quoted: the page may be shared
                hidden = not_public_ids(store, plat, post_ids=[p.id for p in posts.values()])
                for conv in ids:
                    post = posts.get(conv)
                    text = post.text if post else ""
                    out.append(
                        {
                            "platform": plat,
                            "conversation_id": conv,
                            "text": NOT_QUOTED if post and post.id in hidden else text,
                            # named as on the cards; the list has no link to open
                            "author": name_author(post.author_handle, post.author_id, linked=False)
                            if post
                            else "",
                            "url": post.url if post else None,
                            "at": post.created_at if post else None,
                        }
                    )
        return sorted(out, key=lambda d: d["at"] or datetime.min.replace(tzinfo=UTC), reverse=True)

    def set_inbox_state(
        self,
        conversation_id: str,
        platform: str,
        state: str | None,
        as_handle: str | None = None,
        until: datetime | None = None,
    ) -> None:
        """Mark a conversation for the firm ``as_handle`` ("You post as"; none: for no
        particular firm), and move it in the cached inboxes of that firm only. ``until``: when
        a snooze ends (a snooze needs it)."""
        from staffpulse.listen.states import NO_FIRM, firm_key, set_state

        with self._lock:
            handles = {key[1] for key in self._cache if _is_inbox(key)}
        snoozed_at = datetime.now(UTC)
        with self.store() as store:
            set_state(
                store,
                conversation_id,
                state,
                platform or None,
                as_handle,
                until=until,
                at=snoozed_at,
            )
            firm = firm_key(store, as_handle)
            same_firm = {h for h in handles if firm_key(store, h) == firm}
        # a mark of no firm shows in every firm's inbox, and a reopen clears it too: the other
        # firms' inboxes are ranked again rather than guessed at
        others_change = firm == NO_FIRM or state is None
        with self._lock:  # update the cached inboxes in place: no multi-second rebuild
            stale = []
            for key, (_generation, inbox) in self._cache.items():
                if not _is_inbox(key):
                    continue
                if key[1] not in same_firm:
                    if others_change:
                        stale.append(key)
                    continue
                if _left_out(inbox, conversation_id, platform):
                    stale.append(key)  # its count note and list change: ranked again
                    continue
                had_items = bool(inbox.items)
                removed = _take(inbox, conversation_id, platform)
                closed = _opened(removed)  # taken off the open list (a reopen puts them back)
                if state in ("dismissed", "snoozed"):  # kept, so that Reopen can put it back
                    self._dismissed.update(((key, i.platform, conversation_id), i) for i in removed)
                    if until is not None:  # listed as snoozed, with its date
                        inbox.snoozed = _with_snoozed(inbox, closed, until, snoozed_at)
                    _recount_topics(inbox, [], closed)
                    if _names_topics(inbox, had_items):
                        stale.append(key)
                    continue
                if state is None:  # no longer snoozed, wherever it comes back
                    inbox.snoozed = [
                        s
                        for s in inbox.snoozed
                        if s.conversation_id != conversation_id
                        or (platform and s.platform != platform)
                    ]
                    inbox.counts["snoozed"] = len(inbox.snoozed)
                if state is None and not removed:
                    removed = [
                        self._dismissed.pop(k)
                        for k in list(self._dismissed)
                        if k[0] == key
                        and k[2] == conversation_id
                        and (not platform or k[1] == platform)
                    ]
                    if not removed:  # dismissed before this run: only a new ranking knows
                        stale.append(key)
                        continue
                moved = [replace(i, state=state or "open") for i in removed]
                if state == "joined":
                    inbox.joined = moved + inbox.joined
                else:
                    inbox.items = sorted(inbox.items + moved, key=lambda i: -i.score)
                _recount_topics(inbox, moved if state is None else [], closed)
                if _names_topics(inbox, had_items):
                    stale.append(key)
            for key in stale:
                del self._cache[key]


def inbox_key(
    as_handle: str | None,
    topic: str | None,
    platform: str | None,
    max_age: timedelta | None,
    as_of: str,
    as_platform: str | None = None,
    new_since: datetime | None = None,
) -> tuple[Any, ...]:
    return ("inbox", as_handle, topic, platform, max_age, as_of, as_platform, new_since)


def is_cached_kind(key: Any, *kinds: str) -> bool:
    """Whether a cache key (a tuple whose first part names what is kept) is one of ``kinds``."""
    return isinstance(key, tuple) and bool(key) and key[0] in kinds


def _is_inbox(key: Any) -> bool:
    return is_cached_kind(key, "inbox")


def _names_topics(inbox: Inbox, had_items: bool) -> bool:
    """Whether a topic's inbox, empty before or after a state change, lists the topics with
    conversations to join (its notes do, counted when it was ranked): it is ranked again."""
    return inbox.topic_query is not None and not (had_items and inbox.items)


def _opened(items: list[InboxItem]) -> list[InboxItem]:
    return [i for i in items if i.state == "open"]


def _recount_topics(inbox: Inbox, opened: list[InboxItem], closed: list[InboxItem]) -> None:
    """The topics with conversations to join ("Interviews (3)"), counted again after the
    ``closed`` ones left the open list and the ``opened`` ones came back to it.

    A topic's inbox holds only that topic's conversations, so the counts of the others are
    taken from the ranking's and changed by the conversations moved; the library's
    :func:`~staffpulse.listen.window.topic_choices_of`, which the command's
    :func:`~staffpulse.listen.window.topic_choices` uses, then orders them and drops the topics
    left with none."""
    from staffpulse.listen.window import TopicChoice, topic_choices_of

    if not opened and not closed:
        return
    topics: dict[int, TopicChoice] = {c.id: c for c in inbox.topic_choices}
    sizes = Counter({c.id: c.open for c in inbox.topic_choices})
    for item in opened:
        if item.topic_id is not None:
            sizes[item.topic_id] += 1
            topics.setdefault(item.topic_id, TopicChoice(item.topic_id, item.topic_label, 0))
    for item in closed:
        if item.topic_id is not None:
            sizes[item.topic_id] -= 1
    inbox.topic_choices = topic_choices_of(sizes, topics)


def _with_snoozed(
    inbox: Inbox, closed: list[InboxItem], until: datetime, at: datetime
) -> list[SnoozedItem]:
    """The cached inbox's snoozed list with the ``closed`` items added, first to end first."""
    from staffpulse.listen.snooze import SnoozedItem

    added = [
        SnoozedItem(
            i.platform, i.conversation_id, until, at, i.url, i.opening_text, i.author_handle,
            i.author_id,
        )
        for i in closed
    ]  # fmt: skip
    snoozed = sorted(inbox.snoozed + added, key=lambda s: (s.until, s.conversation_id))
    inbox.counts["snoozed"] = len(snoozed)
    return snoozed


def _left_out(inbox: Inbox, conversation_id: str, platform: str) -> bool:
    """Whether the inbox left the conversation out (``inbox --left-out`` lists it)."""
    return any(
        i.conversation_id == conversation_id and (not platform or i.platform == platform)
        for i in inbox.left_out_items
    )


def _take(inbox: Inbox, conversation_id: str, platform: str) -> list[InboxItem]:
    """Remove a conversation from a cached inbox's open and joined lists; what was removed."""

    def match(item: InboxItem) -> bool:
        return bool(
            item.conversation_id == conversation_id and (not platform or item.platform == platform)
        )

    removed = [i for i in inbox.items + inbox.joined if match(i)]
    inbox.items = [i for i in inbox.items if not match(i)]
    inbox.joined = [i for i in inbox.joined if not match(i)]
    return removed
