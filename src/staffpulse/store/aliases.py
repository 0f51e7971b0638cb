"""Post aliases: the other ids a stored post is known by, so links written with one land on it.

A Mastodon status has one id per instance that serves it, and staffpulse stores it once,
under its home id (``sources/mastodon.py``). A reply names its parent by the *serving*
instance's id, so when the parent came in another response (an earlier poll of a hashtag
timeline, another account's statuses) the reply's link reads ``<serving instance>:<id>``,
which is no stored post. Every stored post records such ids here (``Post.aliases``), and each
write rewrites the links that name an alias, whichever of the two arrives first:

* links of the posts just written that name a known alias (the parent came before);
* links of stored posts that name an alias just written (the reply came before).

Replies (``reply_to_post_id``, which threads follow) and quotes (``quoted_post_id``, an
interaction edge) are rewritten; a repost embeds its whole status, so it never needs one.

An alias may also be the id a post was stored under before (a Pleroma or Akkoma status fetched
before staffpulse keyed it by its URI, under the serving instance's flake id): one instance's
id names one status, so that stored post is this one, and :func:`former_posts` finds it to be
replaced rather than kept as a duplicate.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from staffpulse.store.codec import ids_by_platform, rows_where_in
from staffpulse.store.post_removal import delete_posts

MIGRATION = (
    "0003_post_aliases",
    """
    CREATE TABLE post_aliases (
        platform TEXT NOT NULL,
        alias TEXT NOT NULL,
        post_id TEXT NOT NULL,
        PRIMARY KEY (platform, alias)
    ) WITHOUT ROWID;
    """,
)

_LINKS = ("reply_to_post_id", "quoted_post_id")


def resolve_aliases(
    conn: sqlite3.Connection,
    aliases: Iterable[tuple[str, str, str]],
    links: Sequence[tuple[str, str, str | None, str | None]],
) -> set[tuple[str, str]]:
    """Record ``(platform, alias, post id)`` triples and rewrite the links that name an alias.

    ``links`` are the written posts' ``(platform, id, reply_to_post_id, quoted_post_id)``.
    Returns the (platform, author id) pairs whose quote edges changed, for the interaction
    refresh. Call inside the writing transaction, after the posts are upserted.
    """
    new = [(p, a, i) for p, a, i in dict.fromkeys(aliases) if a != i]
    conn.executemany("INSERT OR REPLACE INTO post_aliases VALUES (?, ?, ?)", new)
    changed: set[tuple[str, str]] = set()
    for platform, alias, post_id in new:
        changed.update(
            (platform, row[0])
            for row in conn.execute(
                "SELECT author_id FROM posts WHERE platform = ? AND quoted_post_id = ?",
                (platform, alias),
            )
        )
        for column in _LINKS:
            conn.execute(
                f"UPDATE posts SET {column} = ? WHERE platform = ? AND {column} = ?",
                (post_id, platform, alias),
            )
    named = {(p, target) for p, _id, *targets in links for target in targets if target}
    found = dict(_lookup(conn, named))
    if not found:
        return changed
    for platform, post_id, *targets in links:
        for column, target in zip(_LINKS, targets, strict=True):
            home = found.get((platform, target)) if target else None
            if home is not None:
                conn.execute(
                    f"UPDATE posts SET {column} = ? WHERE platform = ? AND id = ?",
                    (home, platform, post_id),
                )
    return changed


def _lookup(
    conn: sqlite3.Connection, named: set[tuple[str, str]]
) -> Iterable[tuple[tuple[str, str], str]]:
    for platform, targets in ids_by_platform(named).items():
        if _no_aliases(conn, platform):  # most X and Bluesky stores: no look-ups at all
            continue
        sql = "SELECT alias, post_id FROM post_aliases WHERE platform = ? AND alias IN ({marks})"
        for alias, post_id in rows_where_in(conn, sql, (platform,), targets):
            yield (platform, alias), post_id


def stored_under_another_id(
    conn: sqlite3.Connection, keys: Iterable[tuple[str, str]]
) -> set[tuple[str, str]]:
    """The ``(platform, id)`` of ``keys`` that are aliases of a stored post: the same post,
    stored since under the id it has now (an earlier version of a tweet edited, from an
    export older than the one imported first). Written again, it would be counted twice."""
    found: set[tuple[str, str]] = set()
    for platform, ids in ids_by_platform(keys).items():
        if _no_aliases(conn, platform):  # most X and Bluesky stores: no look-up at all
            continue
        sql = (
            "SELECT a.alias FROM post_aliases AS a JOIN posts AS p"
            " ON p.platform = a.platform AND p.id = a.post_id"
            " WHERE a.platform = ? AND a.alias IN ({marks})"
        )
        found.update((platform, row[0]) for row in rows_where_in(conn, sql, (platform,), ids))
    return found


def first_places(
    posts: Sequence[tuple[Any, ...]],
    origins: Sequence[tuple[str, int | None]],
    stored: set[tuple[str, str]],
) -> dict[tuple[str, str], str]:
    """Where each of the posts :func:`stored_under_another_id` found first comes (``posts``
    are ``post_params`` tuples, ``origins`` their locations), each post once however often
    the batch carries it (a tweet in two parts of an archive)."""
    places: dict[tuple[str, str], str] = {}
    for post, (location, _line) in zip(posts, origins, strict=True):
        if (key := (post[0], post[1])) in stored:
            places.setdefault(key, location)
    return places


def told_stored_under_another_id(places: Mapping[tuple[str, str], str]) -> list[tuple[str, str]]:
    """What the import says of the posts :func:`first_places` found (of a batch, or of a
    whole file with a :class:`~staffpulse.store.tally.Tally`): once, where the first is."""
    if not places:
        return []
    many = len(places) > 1
    return [
        (
            next(iter(places.values())),
            f"{len(places):,} post{'s' if many else ''} {'are' if many else 'is'} stored already "
            f"under {'their' if many else 'its'} id of now (earlier versions of tweets edited "
            "since, stored as their latest versions): not stored twice",
        )
    ]


def _no_aliases(conn: sqlite3.Connection, platform: str) -> bool:
    query = "SELECT 1 FROM post_aliases WHERE platform = ? LIMIT 1"
    return conn.execute(query, (platform,)).fetchone() is None


def former_posts(
    conn: sqlite3.Connection, aliases: Iterable[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """The ``(platform, alias, post id)`` triples whose alias is a stored post's id: the post
    being written, stored before under its former id."""
    home = {(p, a): i for p, a, i in aliases if a != i}
    if not home:
        return []
    sql = "SELECT id FROM posts WHERE platform = ? AND id IN ({marks})"
    return [
        (platform, row[0], home[(platform, row[0])])
        for platform, ids in ids_by_platform(home).items()
        for row in rows_where_in(conn, sql, (platform,), ids)
    ]


def retire_former_posts(conn: sqlite3.Connection, former: Sequence[tuple[str, str, str]]) -> None:
    """Delete the posts :func:`former_posts` found, once their statuses are written under
    their ids now; links naming the former ids are rewritten with the other aliases."""
    for platform, ids in ids_by_platform((p, old) for p, old, _new in former).items():
        delete_posts(conn, platform, ids)
