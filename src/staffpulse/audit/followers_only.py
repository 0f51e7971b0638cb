"""Posts shared with followers only (a Mastodon "followers-only" status): the audit counts
them like any post but never quotes them, since its reports are meant to be shared.

The store keeps no visibility column: it is read from each post's stored payload, the
archive's activity (addressed to the author's followers, not to the public) or the API's
status (``"visibility": "private"``).
"""

from __future__ import annotations

from collections.abc import Iterable

from staffpulse.audit.types import PillarResult, example
from staffpulse.models import Account, Post
from staffpulse.store import Store

_PUBLIC = "('https://www.w3.org/ns/activitystreams#Public', 'as:Public', 'Public')"
_FOLLOWERS_ONLY_SQL = f"""
SELECT p.id FROM posts p JOIN raw_payloads r ON r.id = p.raw_id
WHERE p.platform = 'mastodon' AND p.author_id = ? AND json_valid(r.payload) AND (
    json_extract(r.payload, '$.visibility') = 'private'
    OR (json_extract(r.payload, '$.type') = 'Create'
        AND NOT EXISTS (SELECT 1 FROM json_each(r.payload, '$.to') WHERE value IN {_PUBLIC})
        AND NOT EXISTS (SELECT 1 FROM json_each(r.payload, '$.cc') WHERE value IN {_PUBLIC})
        AND EXISTS (SELECT 1 FROM json_each(r.payload, '$.to') WHERE value LIKE '%/followers'))
)
"""


def followers_only_ids(store: Store, account: Account) -> frozenset[str]:
    """The ids of the account's posts shared with its followers only."""
    if account.platform != "mastodon":
        return frozenset()
    rows = store.conn.execute(_FOLLOWERS_ONLY_SQL, (account.id,)).fetchall()
    return frozenset(str(row[0]) for row in rows)


def drop_followers_only(pillars: dict[str, PillarResult], posts: Iterable[Post]) -> None:
    """Take the followers-only ``posts`` out of every pillar's examples, to imitate or
    holding the account back: a report is shared beyond the followers."""
    hidden = {(ex.text, ex.date, ex.url) for ex in (example(post, "") for post in posts)}
    if not hidden:
        return
    for pillar in pillars.values():
        pillar.best = [ex for ex in pillar.best if (ex.text, ex.date, ex.url) not in hidden]
        pillar.worst = [ex for ex in pillar.worst if (ex.text, ex.date, ex.url) not in hidden]
