"""Which stored posts were not shared with the public: a Mastodon status shared with the
author's followers only ("followers-only", the API's ``"visibility": "private"``) or with the
people it names only ("direct"). Neither may be quoted where a report or an inbox is shared
beyond them: the audit counts such posts without quoting them, the inbox leaves them out.

The store keeps no visibility column: it is read from each post's stored payload, either

* an archive's activity (``outbox.json``): addressed to someone, but not to the public in
  its ``to`` and ``cc`` nor in its object's (the import leaves direct messages out already);
  or
* an API response: the status in it whose ``url`` or ``uri`` is the post's (a response holds
  many statuses: a timeline, a context, a search, a boost and the status it boosts) says
  ``"visibility": "private"`` or ``"direct"``.
"""

from __future__ import annotations

from collections.abc import Sequence

from staffpulse.store.codec import rows_where_in
from staffpulse.store.core import Store

_PUBLIC = "('https://www.w3.org/ns/activitystreams#Public', 'as:Public', 'Public')"
_AUDIENCE = ("$.to", "$.cc", "$.object.to", "$.object.cc")
# addressed to someone (an activity saved without its audience says nothing), not the public
_ARCHIVE_NOT_PUBLIC = " AND ".join(
    [
        "EXISTS (SELECT 1 FROM json_each(r.payload, '$.to')"
        " UNION ALL SELECT 1 FROM json_each(r.payload, '$.object.to'))",
        *(
            f"NOT EXISTS (SELECT 1 FROM json_each(r.payload, '{path}') WHERE value IN {_PUBLIC})"
            for path in _AUDIENCE
        ),
    ]
)
# the instr() tests skip the parse of the payloads that cannot hold such a status
_NOT_PUBLIC_SQL = f"""
SELECT p.id FROM posts p JOIN raw_payloads r ON r.id = p.raw_id
WHERE p.platform = 'mastodon' AND {{where}} AND json_valid(r.payload) AND (
    (json_extract(r.payload, '$.type') = 'Create' AND {_ARCHIVE_NOT_PUBLIC})
    OR ((instr(r.payload, '"private"') OR instr(r.payload, '"direct"')) AND EXISTS (
        SELECT 1 FROM json_tree(r.payload) t
        WHERE t.key = 'visibility' AND t.atom IN ('private', 'direct')
        AND p.url IN (json_extract(r.payload, t.path || '.url'),
                      json_extract(r.payload, t.path || '.uri'))))
)
"""


def not_public_ids(
    store: Store,
    platform: str,
    *,
    author_id: str | None = None,
    post_ids: Sequence[str] | None = None,
) -> frozenset[str]:
    """The ids of the stored posts on ``platform`` not shared with the public (see the module
    docstring): the ones by ``author_id``, or the ones of ``post_ids``. Only Mastodon posts
    have a visibility; on any other platform there are none."""
    if platform != "mastodon":
        return frozenset()
    if post_ids is not None:
        sql = _NOT_PUBLIC_SQL.format(where="p.id IN ({marks})")
        rows = list(rows_where_in(store.conn, sql, (), post_ids))
    elif author_id is not None:
        sql = _NOT_PUBLIC_SQL.format(where="p.author_id = ?")
        rows = store.conn.execute(sql, (author_id,)).fetchall()
    else:
        rows = store.conn.execute(_NOT_PUBLIC_SQL.format(where="1")).fetchall()
    return frozenset(str(row[0]) for row in rows)
