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
# Each payload is read once, whatever the number of its posts: an API response holds a whole
# timeline (40 statuses, hundreds of kB), and the statuses of one page are stored as as many
# posts that share it; read post by post, a page of 40 was parsed 80 times. The instr() tests
# skip the parse of the payloads that cannot hold such a status.
_NOT_PUBLIC_SQL = f"""
WITH wanted AS MATERIALIZED (
    SELECT p.id, p.url, p.raw_id FROM posts p WHERE p.platform = 'mastodon' AND {{where}}
), payloads AS MATERIALIZED (
    SELECT r.id, r.payload FROM raw_payloads r
    WHERE r.id IN (SELECT raw_id FROM wanted) AND json_valid(r.payload)
), archived AS MATERIALIZED (
    SELECT r.id FROM payloads r
    WHERE json_extract(r.payload, '$.type') = 'Create' AND {_ARCHIVE_NOT_PUBLIC}
), shown AS MATERIALIZED (
    -- the url and uri of each status (an object) that is not public, read in the same walk of
    -- the payload as its visibility: extracting them by path parsed the payload once more for each
    SELECT r.id AS raw_id,
           max(CASE WHEN t.key = 'url' THEN t.atom END) AS url,
           max(CASE WHEN t.key = 'uri' THEN t.atom END) AS uri
    FROM payloads r, json_tree(r.payload) t
    WHERE (instr(r.payload, '"private"') OR instr(r.payload, '"direct"'))
    AND t.key IN ('visibility', 'url', 'uri')
    GROUP BY r.id, t.parent
    HAVING max(t.key = 'visibility' AND t.atom IN ('private', 'direct'))
)
SELECT w.id FROM wanted w
WHERE w.raw_id IN (SELECT id FROM archived)
OR EXISTS (SELECT 1 FROM shown s WHERE s.raw_id = w.raw_id AND w.url IN (s.url, s.uri))
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
