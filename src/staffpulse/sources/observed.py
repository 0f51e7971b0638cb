"""When the rows of a payload were observed: the profiles and counts in them are as of then.

The store keeps, of each account's profile and each post's counts, the newest observation
(:mod:`staffpulse.store.upsert_sql`), so files imported in any order end with the newest. A
file says when it was retrieved (twarc2's ``__twarc.retrieved_at``) or generated (an X
archive's ``manifest.js``); else a response is dated by its newest post, since it was served
after that post was written: a lower bound, the best a file without a date allows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, TypeVar

from staffpulse.models import Account, Follow, Post
from staffpulse.sources.base import parse_timestamp

RowT = TypeVar("RowT", Account, Post, Follow, Account | Post, Account | Post | Follow)


def twarc_retrieved_at(payload: Mapping[str, Any]) -> datetime | None:
    """When twarc retrieved this page or line (``__twarc.retrieved_at``), if it says."""
    meta = payload.get("__twarc")
    if not isinstance(meta, dict):
        return None
    return read_time(meta.get("retrieved_at"))


def read_time(value: object) -> datetime | None:
    """A timestamp a file gives as metadata; None when it is missing or unreadable (the rows
    are then only undated, nothing is lost)."""
    try:
        return parse_timestamp(value) if isinstance(value, str | int | float) else None
    except (ValueError, OverflowError, OSError):
        return None


def newest_post_time(rows: Sequence[Account | Post | Follow]) -> datetime | None:
    """The creation time of the newest post among ``rows``."""
    times = [row.created_at for row in rows if isinstance(row, Post) and row.created_at]
    return max(times) if times else None


def with_observed(rows: Sequence[RowT], when: datetime | None) -> list[RowT]:
    """``rows`` with ``when`` as the observation time of every account and post lacking one."""
    if when is None:
        return list(rows)
    return [
        replace(row, observed_at=when)
        if isinstance(row, Account | Post) and row.observed_at is None
        else row
        for row in rows
    ]


def observed_by_newest_post(rows: Sequence[RowT]) -> list[RowT]:
    """``rows`` of one response dated by its newest post (:func:`with_observed`)."""
    return with_observed(rows, newest_post_time(rows))
