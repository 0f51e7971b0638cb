"""Dates the user types on the command line (``--since``, ``--as-of``), read one way everywhere.

Accepted: an ISO 8601 date or date and time (``2026-01-31``, ``2026-01-31T09:30``, with ``Z``
or an offset), or X's own ``Wed Oct 10 20:19:24 +0000 2018``. A date or time without a zone is
UTC. Anything else is an :class:`~staffpulse.errors.InputError` naming the option, with an
example of what works. :func:`format_when` writes a moment back for people
(``5 Mar 2026, 14:05 UTC``), as reports, the dashboard and notes show it, and
:func:`format_day` a day (``5 Mar 2026``).

**Dates no post can have.** A post's date is what its data says, and some data says nonsense:
a Bluesky record's ``createdAt`` is whatever the app that wrote it set (``0001-01-01`` and
``9999-12-31`` occur, and posts copied over from an old tweet archive keep the tweets' dates),
and broken exports write epoch zero (``1970-01-01``). One such post stretched an audit over
thousands of years and collapsed its rates per week. :func:`plausible_post_time` is the rule:
a post cannot be dated before its platform's first posts (:data:`PLATFORM_BEGAN`) nor after
the moment it was imported (a day's slack for clocks running ahead). Such a post is kept, raw
data and all, but its date takes no part in date-based measures (the audit reads it as
undated, :mod:`staffpulse.audit.loader`), and the import tells each file's count once
(:mod:`staffpulse.implausible_dates`).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from staffpulse.errors import InputError

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "PLATFORM_BEGAN",
    "format_day",
    "format_when",
    "parse_date_option",
    "platform_began",
    "plausible_post_sql",
    "plausible_post_time",
    "require_plausible_date",
]

# No social platform existed before 1970, and dates far from ours overflow in date arithmetic
# (``as_of - 90 days`` from 0001-01-05): options outside these years are refused
FIRST_YEAR, LAST_YEAR = 1970, 2999


# When each platform's first posts were written (X: the first tweet; Bluesky: its team's first
# posts, late 2022; Mastodon: the statuses of older fediverse servers, identi.ca from 2008,
# come with it). Any other platform (a CSV's) began no earlier than the web itself.
PLATFORM_BEGAN = {
    "x": datetime(2006, 3, 21, tzinfo=UTC),
    "bluesky": datetime(2022, 11, 1, tzinfo=UTC),
    "mastodon": datetime(2008, 7, 1, tzinfo=UTC),
}
WEB_BEGAN = datetime(1991, 8, 6, tzinfo=UTC)
# a phone's or server's clock may run ahead, and a zone be written wrong: not a day more
CLOCK_SLACK = timedelta(days=1)


def platform_began(platform: str) -> datetime:
    """The earliest moment a post of ``platform`` can be dated (:data:`PLATFORM_BEGAN`)."""
    return PLATFORM_BEGAN.get(platform, WEB_BEGAN)


def plausible_post_time(platform: str, moment: datetime, imported: datetime) -> bool:
    """Whether a post of ``platform`` can have been written at ``moment``: not before its
    platform's first posts, nor after ``imported``, when it came into the store."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    seen = imported if imported.tzinfo else imported.replace(tzinfo=UTC)
    return platform_began(platform) <= aware <= seen + CLOCK_SLACK


_STORED = "%Y-%m-%dT%H:%M:%SZ"  # how the store writes a moment (store.codec.format_time)


def plausible_post_sql(posts: str = "posts") -> str:
    """SQL true for a row of ``posts`` (the table or its alias) whose ``created_at`` passes
    :func:`plausible_post_time`, for queries of the first or last date of posts (stored
    moments sort as text): ``MAX(CASE WHEN <this> THEN created_at END)``."""
    began = " ".join(
        f"WHEN '{platform}' THEN '{moment.strftime(_STORED)}'"
        for platform, moment in PLATFORM_BEGAN.items()
    )
    # most posts were written before they were imported: the date arithmetic is for the rest
    return (
        f"({posts}.created_at >= CASE {posts}.platform {began} "
        f"ELSE '{WEB_BEGAN.strftime(_STORED)}' END AND ({posts}.created_at <= {posts}.first_seen "
        f"OR {posts}.created_at <= strftime('{_STORED}', {posts}.first_seen, "
        f"'+{CLOCK_SLACK.days} days')))"
    )


def parse_date_option(option: str, value: str | None) -> datetime | None:
    """``value`` of the command-line option ``option`` as an aware datetime; None when the
    option was not given (or given empty, as an unset shell variable leaves it)."""
    if value is None or not value.strip():
        return None
    # imported here: the store reads the post-date rule below, and sources.base imports the
    # store, so a module-level import would be circular
    from staffpulse.sources.base import parse_timestamp

    try:
        # the same reading as the timestamps of imported files, so that a date copied from
        # an export works as an option too
        return parse_timestamp(value.strip())
    except ValueError:
        raise InputError(
            f"{option} {value!r} is not a date",
            hint=f"use YYYY-MM-DD, e.g. {option} 2026-01-31 (a time may follow: "
            "2026-01-31T09:30, UTC unless a zone is given)",
        ) from None


def require_plausible_date(option: str, moment: datetime) -> datetime:
    """``moment`` when its year is from :data:`FIRST_YEAR` to :data:`LAST_YEAR`, else an
    :class:`InputError` naming ``option``."""
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise InputError(
            f"{option} {moment.date().isoformat()} is out of range: give a date from "
            f"{FIRST_YEAR} to {LAST_YEAR}",
            hint=f"use YYYY-MM-DD, e.g. {option} 2026-01-31",
        )
    return moment


def _moment(value: datetime | str) -> datetime | None:
    """``value`` as an aware UTC datetime; None for text that is not ISO 8601."""
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    else:
        moment = value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def format_day(value: datetime | str | None) -> str:
    """A day as people read it on every page and report: ``5 Mar 2026`` (never ``2026-03-05``,
    which reads as a number, nor month-first or day-first by locale, which mislead).

    Read as :func:`format_when` reads; text that is not a date is shown unchanged.
    """
    if value is None:
        return ""
    moment = _moment(value)
    return str(value) if moment is None else f"{moment.day} {moment:%b %Y}"


def format_when(value: datetime | str | None) -> str:
    """A moment as people read it in reports, the dashboard and notes: ``5 Mar 2026, 14:05 UTC``.

    Text is read as ISO 8601 (the store keeps times so) and shown unchanged when it is not;
    a time without a zone is taken as UTC, the zone everything is stored in.
    """
    if value is None:
        return ""
    moment = _moment(value)
    if moment is None:
        return str(value)
    return f"{format_day(moment)}, {moment:%H:%M} UTC"
