"""Dates the user types on the command line (``--since``, ``--as-of``), read one way everywhere.

Accepted: an ISO 8601 date or date and time (``2026-01-31``, ``2026-01-31T09:30``, with ``Z``
or an offset), or X's own ``Wed Oct 10 20:19:24 +0000 2018``. A date or time without a zone is
UTC. Anything else is an :class:`~staffpulse.errors.InputError` naming the option, with an
example of what works. :func:`format_when` writes a moment back for people
(``05 Mar 2026, 14:05 UTC``), as reports, the dashboard and notes show it, and
:func:`format_day` a day (``05 Mar 2026``).
"""

from __future__ import annotations

from datetime import UTC, datetime

from staffpulse.errors import InputError
from staffpulse.sources.base import parse_timestamp

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "format_day",
    "format_when",
    "parse_date_option",
    "require_plausible_date",
]

# No social platform existed before 1970, and dates far from ours overflow in date arithmetic
# (``as_of - 90 days`` from 0001-01-05): options outside these years are refused
FIRST_YEAR, LAST_YEAR = 1970, 2999


def parse_date_option(option: str, value: str | None) -> datetime | None:
    """``value`` of the command-line option ``option`` as an aware datetime; None when the
    option was not given (or given empty, as an unset shell variable leaves it)."""
    if value is None or not value.strip():
        return None
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
    """A day as people read it on every page and report: ``05 Mar 2026`` (never ``2026-03-05``,
    which reads as a number, nor month-first or day-first by locale, which mislead).

    Read as :func:`format_when` reads; text that is not a date is shown unchanged.
    """
    if value is None:
        return ""
    moment = _moment(value)
    return str(value) if moment is None else moment.strftime("%d %b %Y")


def format_when(value: datetime | str | None) -> str:
    """A moment as people read it in reports, the dashboard and notes: ``05 Mar 2026, 14:05 UTC``.

    Text is read as ISO 8601 (the store keeps times so) and shown unchanged when it is not;
    a time without a zone is taken as UTC, the zone everything is stored in.
    """
    if value is None:
        return ""
    moment = _moment(value)
    if moment is None:
        return str(value)
    return f"{format_day(moment)}, {moment:%H:%M} UTC"
