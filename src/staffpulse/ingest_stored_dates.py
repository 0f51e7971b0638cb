"""When the store says its posts were written, asked by a CSV whose dates with the year last
show no order (:mod:`staffpulse.sources.csv_dates`): a file saved again in Excel, its ids
those of posts imported before. Only read, never written here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from staffpulse.store.codec import parse_time, rows_where_in
from staffpulse.store.core import Store

_EXACT = "SELECT id, created_at FROM posts WHERE platform = ? AND id IN ({marks})"
# Excel saves "007" again as 7: the stored post of the same number, when it is the only one
_ZEROS = (
    "SELECT ltrim(id, '0'), created_at FROM posts WHERE platform = ? AND id GLOB '0*'"
    " AND ltrim(id, '0') IN ({marks})"
)


class StorePostDates:
    """The dates of the posts ``store`` holds (a
    :class:`~staffpulse.sources.csv_dates.StoredDates`)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def dates_of(self, platform: str, post_ids: Sequence[str]) -> dict[str, datetime]:
        conn = self.store.conn
        wanted = sorted({i for i in post_ids if i})
        found = {row[0]: _when(row[1]) for row in rows_where_in(conn, _EXACT, (platform,), wanted)}
        numbers = {i.lstrip("0"): i for i in wanted if i not in found and i.isdigit()}
        zeros: dict[str, list[datetime | None]] = {}
        for row in rows_where_in(conn, _ZEROS, (platform,), sorted(numbers)):
            zeros.setdefault(row[0], []).append(_when(row[1]))
        for number, whens in zeros.items():
            if len(whens) == 1:
                found[numbers[number]] = whens[0]
        return {i: when for i, when in found.items() if when is not None}


def _when(value: str | None) -> datetime | None:
    try:
        return parse_time(value)
    except ValueError:  # a date the store cannot read: no order is taken from it
        return None
