"""Snooze: "not now, remind me later" for a conversation of the inbox.

A snoozed conversation is hidden from the firm's inbox until a date (a week by default), then
comes back on its own. It comes back sooner when someone posts in it after it was snoozed: new
replies are what a marketer who put it off wants to hear about, and by its date the talk may
be over. A reply is new when it came into the store after the snooze (``posts.first_seen``):
one written before the snooze but imported or fetched since is as new to the marketer, who has
never seen it; one stored before it is not, whatever date it carries (a Bluesky post is dated
by its writer's clock, which may run ahead: a reply "from tomorrow" woke every snooze of its
conversation at once). Its item then says why it is back. Snoozes are marks like joined and dismissed (kept
per firm, :mod:`staffpulse.listen.states`): ``reopen`` clears one, and ``mark-joined`` or
``dismiss`` replaces it. An ended snooze is left in the store; the inbox reads it as ended.

The date is measured on the real clock, whatever time the inbox is ranked as of (a replay of
an old archive still brings a week's snooze back after a real week).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from staffpulse.dates import format_when, parse_date_option
from staffpulse.errors import InputError
from staffpulse.listen import schema
from staffpulse.listen.author_names import name_author
from staffpulse.listen.followers_only import NOT_QUOTED, not_public_posts
from staffpulse.listen.states import NO_FIRM, set_state
from staffpulse.listen.threads import Conversation
from staffpulse.report.counts import count_of
from staffpulse.store import Store
from staffpulse.store.codec import format_time, ids_by_platform, parse_time, rows_where_in

DEFAULT_DAYS = 7  # "snooze a week": the button on the dashboard, the command's default
MAX_DAYS = 366  # further off than a year is a dismissal, not a reminder


@dataclass(frozen=True, slots=True)
class SnoozedItem:
    """A conversation the inbox hides until ``until`` (listed so that it can be reopened)."""

    platform: str
    conversation_id: str
    until: datetime
    snoozed_at: datetime
    url: str | None
    opening_text: str
    author_handle: str
    author_id: str

    @property
    def author_label(self) -> str:
        """As the inbox's items name their author (a Bluesky DID is not written as a handle)."""
        return name_author(self.author_handle, self.author_id, linked=self.url is not None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "conversation_id": self.conversation_id,
            "until": format_time(self.until),
            "snoozed_at": format_time(self.snoozed_at),
            "url": self.url,
            "opening": {
                "text": self.opening_text,
                "author_handle": self.author_handle,
                "author_id": self.author_id,
            },
        }


def snooze_until(
    days: int | None = None, until: str | None = None, now: datetime | None = None
) -> datetime:
    """When a snooze ends: ``until`` (a date, its midnight UTC, or a date and time), else
    ``days`` from ``now`` (default :data:`DEFAULT_DAYS`). An end that is not in the future, or
    more than :data:`MAX_DAYS` away, is an :class:`InputError` saying what to give instead."""
    now = now or datetime.now(UTC)
    if days is not None and until is not None:
        raise InputError(
            "--days and --until both say when the snooze ends", hint="give one of them"
        )
    example = f"--until {(now + timedelta(days=DEFAULT_DAYS)):%Y-%m-%d}"
    try:
        end = parse_date_option("--until", until)
    except InputError as error:  # its example date is in the past: no use for a snooze
        raise InputError(
            error.message, hint=f"use YYYY-MM-DD, e.g. {example} (its midnight UTC)"
        ) from None
    if end is None:
        wanted = DEFAULT_DAYS if days is None else days
        if not 1 <= wanted <= MAX_DAYS:
            raise InputError(
                f"--days {wanted} is out of range: a snooze lasts 1 to {MAX_DAYS} days",
                hint=f"e.g. --days {DEFAULT_DAYS}; to hide it for good: staffpulse inbox dismiss ID",
            )
        return now + timedelta(days=wanted)
    if end <= now:
        raise InputError(
            f"--until {until} is not in the future: the snooze would end at once",
            hint=f"give a later date, e.g. {example}",
        )
    if end - now > timedelta(days=MAX_DAYS):
        raise InputError(
            f"--until {until} is more than a year away: a snooze is a reminder",
            hint="give a nearer date; to hide it for good: staffpulse inbox dismiss ID",
        )
    return end


def snooze(
    store: Store,
    conversation_id: str,
    until: datetime,
    platform: str | None = None,
    as_handle: str | None = None,
    now: datetime | None = None,
) -> tuple[str, str]:
    """Hide a conversation from the inbox of the firm ``as_handle`` names until ``until``
    (see the module docstring); takes the ids and links :func:`~.states.set_state` takes.
    Returns its (platform, id)."""
    return set_state(store, conversation_id, "snoozed", platform, as_handle, until=until, at=now)


def firm_snoozes(
    store: Store, platform: str | None, firm: str
) -> dict[tuple[str, str], tuple[datetime, datetime]]:
    """(platform, conversation id) -> (until, when snoozed) of the snoozes the inbox of
    ``firm`` honours: as :func:`~.states.firm_marks` reads marks, its own over those of no
    particular firm."""
    snoozes = schema.inbox_snoozes(store, platform, NO_FIRM)
    if firm != NO_FIRM:
        own = schema.inbox_states(store, platform, firm)
        snoozes = {k: v for k, v in snoozes.items() if k not in own}  # its own mark wins
        snoozes.update(schema.inbox_snoozes(store, platform, firm))
    return snoozes


def arrivals(
    store: Store, conversations: Sequence[Conversation]
) -> dict[tuple[str, str], datetime]:
    """(platform, post id) -> when the post first came into the store, for the posts of
    ``conversations`` (the snoozed ones, which are few)."""
    keys = {(p.platform, p.id) for conv in conversations for p in conv.posts}
    sql = "SELECT id, first_seen FROM posts WHERE platform = ? AND id IN ({marks})"
    out: dict[tuple[str, str], datetime] = {}
    for platform, post_ids in ids_by_platform(keys).items():
        for row in rows_where_in(store.conn, sql, (platform,), post_ids):
            seen = parse_time(row[1])
            if seen is not None:
                out[(platform, row[0])] = seen
    return out


def wake_reason(
    conv: Conversation,
    until: datetime,
    at: datetime,
    now: datetime,
    arrived: Mapping[tuple[str, str], datetime] | None = None,
) -> str | None:
    """Why a snoozed conversation is back in the inbox ("back from snooze: 2 new posts since
    you snoozed it on 27 Nov 2026"), None while it stays snoozed. ``arrived``: when its posts
    came into the store (:func:`arrivals`); a post come since is new, and one whose arrival is
    unknown is new when dated after the snooze (see the module docstring)."""
    came = arrived or {}
    new = sum(1 for p in conv.posts if _is_new(came.get((p.platform, p.id)), p.created_at, at))
    if new:
        return (
            f"back from snooze: {count_of(new, 'new post')} since you snoozed it on"
            f" {format_when(at).split(',')[0]}"
        )
    if until <= now:
        return f"back from snooze: you snoozed it until {format_when(until).split(',')[0]}"
    return None


def _is_new(arrived: datetime | None, dated: datetime | None, at: datetime) -> bool:
    """Whether a post is new to a snooze made at ``at``: it came into the store since. Its
    date counts only when its arrival is unknown: a post stored before the snooze was there to
    be seen, however far ahead its writer's clock dated it."""
    when = arrived if arrived is not None else dated
    return when is not None and when > at


def list_snoozed(
    store: Store, snoozed: Sequence[tuple[Conversation, tuple[datetime, datetime]]]
) -> list[SnoozedItem]:
    """The snoozed conversations as the inbox lists them, the first to come back first; an
    opening that is not public (:mod:`.followers_only`) is not quoted."""
    hidden = not_public_posts(store, [conv for conv, _ in snoozed])
    out = []
    for conv, (until, at) in snoozed:
        opening = conv.opening
        text = NOT_QUOTED if (opening.platform, opening.id) in hidden else opening.text
        out.append(
            SnoozedItem(
                conv.platform,
                conv.id,
                until,
                at,
                conv.url,
                text,
                opening.author_handle,
                opening.author_id,
            )
        )
    return sorted(out, key=lambda s: (s.until, s.conversation_id))
