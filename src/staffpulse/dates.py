"""Dates the user types on the command line (``--since``, ``--as-of``), read one way everywhere.

Accepted: an ISO 8601 date or date and time (``2026-01-31``, ``2026-01-31T09:30``, with ``Z``
or an offset), or X's own ``Wed Oct 10 20:19:24 +0000 2018``. A date or time without a zone is
UTC. Anything else is an :class:`~staffpulse.errors.InputError` naming the option, with an
example of what works.
"""

from __future__ import annotations

from datetime import datetime

from staffpulse.errors import InputError
from staffpulse.sources.base import parse_timestamp

__all__ = ["parse_date_option"]


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
