""" "New since you last looked": the inbox remembers when each firm last looked at it.

A marketer who opens the inbox every morning wants to see at once which conversations came in
since yesterday. A conversation is *new* when every one of its stored posts came into the store
(``posts.first_seen``: listened to, fetched or imported) after the firm's last look; one that
was already there is not new because a reply was added to it, nor because a longer
``--max-age`` now shows it. The time is the real clock's, whatever the inbox is ranked as of.

Looks are kept per firm (:func:`~.states.firm_key`, as marks are), in the store
(``listen_inbox_looks``, migration ``0105_listen_inbox_looks``). Looks less than
:data:`SITTING` apart are one sitting: they measure "new" from the same time, so the page
written right after the terminal (or the terminal shown twice) marks the same conversations.
A first look has nothing to compare with, so nothing is new in it.

Only the terminal and the page move the mark (:func:`record_look`); what a script reads, or a
look that should leave it (``inbox --keep-new``), is measured the same way but not recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from staffpulse.listen.snooze import arrivals
from staffpulse.listen.states import firm_key
from staffpulse.listen.threads import Conversation
from staffpulse.store import Store
from staffpulse.store.codec import format_time, parse_time

# looks closer than this are one sitting: the terminal, then the page made from it
SITTING = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Look:
    """One look at a firm's inbox: when, and the time it measures "new" from (None: the
    firm's first look, nothing is new)."""

    firm: str
    at: datetime
    since: datetime | None


def take_look(store: Store, as_handle: str | None, now: datetime | None = None) -> Look:
    """The look of the firm ``as_handle`` names (none: the inbox of no particular firm) at
    ``now`` (default: the real time), measured from its last look before this sitting."""
    at = now or datetime.now(UTC)
    firm = firm_key(store, as_handle)
    row = store.conn.execute(
        "SELECT looked_at, since FROM listen_inbox_looks WHERE account = ?", (firm,)
    ).fetchone()
    if row is None:
        return Look(firm, at, None)
    looked, since = parse_time(row[0]), parse_time(row[1])
    if looked is not None and at - looked < SITTING:
        return Look(firm, at, since)  # the same sitting: the same conversations are new
    return Look(firm, at, looked)


def moves_the_mark(topic: str | None, platform: str | None) -> bool:
    """Whether showing the inbox is a look at the whole of it, the only look recorded: one
    narrowed to a topic or a platform leaves the rest unread."""
    return topic is None and platform is None


def record_look(store: Store, look: Look) -> None:
    """Remember ``look`` as the firm's last: the next sitting marks new what comes after it.
    A look older than the one recorded (a clock set back) leaves the record as it is."""
    store.conn.execute(
        "INSERT INTO listen_inbox_looks (account, looked_at, since) VALUES (?, ?, ?)"
        " ON CONFLICT (account) DO UPDATE SET looked_at = excluded.looked_at,"
        " since = excluded.since WHERE excluded.looked_at >= listen_inbox_looks.looked_at",
        (look.firm, format_time(look.at), format_time(look.since)),
    )


def new_conversations(
    store: Store, conversations: Sequence[Conversation], since: datetime | None
) -> set[tuple[str, str]]:
    """(platform, id) of those of ``conversations`` that came into the store after ``since``:
    none when ``since`` is None (a first look)."""
    if since is None:
        return set()
    arrived = arrivals(store, conversations)
    new: set[tuple[str, str]] = set()
    for conv in conversations:
        times = [arrived.get((p.platform, p.id)) for p in conv.posts]
        if times and all(t is not None and t > since for t in times):
            new.add((conv.platform, conv.id))
    return new
