"""What the store holds, asked by a reader that cannot tell whose a file is by itself: a lone
``tweets.js`` (:mod:`staffpulse.sources.x_archive_stored`). Only read, never written here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from staffpulse.models import Account
from staffpulse.store.codec import rows_where_in
from staffpulse.store.core import Store

_AUTHORS = "SELECT author_id FROM posts WHERE platform = ? AND author_id != '' AND id IN ({marks})"


class StoreAccounts:
    """The accounts and post authors ``store`` holds (a
    :class:`~staffpulse.sources.x_archive_stored.StoredAccounts`)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def authors_of(self, platform: str, post_ids: Sequence[str]) -> dict[str, int]:
        rows = rows_where_in(self.store.conn, _AUTHORS, (platform,), sorted(set(post_ids)))
        return dict(Counter(row[0] for row in rows))

    def account(self, platform: str, account_id: str) -> Account | None:
        return self.store.get_account(platform, account_id)
