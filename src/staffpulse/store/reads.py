"""Read queries of the store, shared by every use case."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from staffpulse.dates import plausible_post_sql
from staffpulse.errors import AmbiguousAccountError, NoSuchAccountError, NotFoundError
from staffpulse.models import (
    POST_KINDS,
    Account,
    Interaction,
    InteractionKind,
    Post,
    normalize_handle,
    platform_choice,
)
from staffpulse.next_steps import CHOOSE_PLATFORM, IMPORT_OR_LIST_ACCOUNTS
from staffpulse.store.codec import (
    account_from_row,
    format_time,
    parse_time,
    post_from_row,
    rows_where_in,
)


@dataclass(frozen=True, slots=True)
class AccountSummary:
    account: Account
    posts: int  # every post, reposts too
    first_post: datetime | None
    last_post: datetime | None
    # of ``posts``: the audit and the benchmark grade the others, its own; 0 unless
    # ``list_accounts(reposts=True)`` counted them
    reposts: int = 0


class ReadMixin:
    conn: sqlite3.Connection

    def stats(self) -> dict[str, Any]:
        """Counts of accounts by platform, posts by platform and kind (all four kinds), and
        follows (who-follows-whom links, which ``connect`` ranks with) by platform."""
        accounts = {
            row[0]: row[1]
            for row in self.conn.execute(
                "SELECT platform, COUNT(*) FROM accounts GROUP BY platform ORDER BY platform"
            )
        }
        posts: dict[str, dict[str, int]] = {}
        for platform, kind, count in self.conn.execute(
            "SELECT platform, kind, COUNT(*) FROM posts GROUP BY platform, kind ORDER BY platform"
        ):
            posts.setdefault(platform, dict.fromkeys(POST_KINDS, 0))[kind] = count
        follows = {
            row[0]: row[1]
            for row in self.conn.execute(
                "SELECT platform, COUNT(*) FROM follows GROUP BY platform ORDER BY platform"
            )
        }
        return {"accounts": accounts, "posts": posts, "follows": follows}

    def list_accounts(
        self,
        platform: str | None = None,
        matching: str | None = None,
        limit: int | None = None,
        *,
        reposts: bool = False,
    ) -> list[AccountSummary]:
        """Accounts with their post counts, busiest first (accounts seen only as authors too);
        the first ``limit`` of them when given. ``platform`` may be spelled as people do
        (``twitter``); an unknown one is an InputError. ``matching`` keeps the accounts whose
        handle or name holds it, in any case (``@acme`` finds ``AcmeStaffing``): a store of
        15,000 accounts is searched, not scrolled. With ``reposts``, each account's reposts are
        counted too (:attr:`AccountSummary.reposts`; read from the posts themselves, so only
        for the list a user asked to see)."""
        platform = platform_choice(platform)
        where, params = self._accounts_where(platform, matching)
        # Per account, not one join over every post: the count is read from posts_by_author
        # alone, and each date from its first (last) entry in that index that is plausible, so
        # a store of 300,000 posts lists its accounts without reading them all. The search and
        # the limit apply before the dates and the reposts, which only the accounts shown need.
        plausible = plausible_post_sql("p")
        of_account = "FROM posts p WHERE p.platform = a.platform AND p.author_id = a.id"
        order = "ORDER BY n_posts DESC, a.handle_norm, a.platform, a.id"
        # only when asked, from posts_by_author_kind alone (by posts_by_kind SQLite read every
        # repost of the store for each account: --json on 100,000 posts took minutes)
        repost_count = f"(SELECT COUNT(*) {of_account} AND p.kind = 'repost')" if reposts else "0"
        sql = f"""
            WITH listed AS (
                SELECT a.*, (SELECT COUNT(*) {of_account}) AS n_posts
                FROM accounts a WHERE {where} {order} LIMIT ?
            )
            SELECT a.*,
                   (SELECT p.created_at {of_account} AND {plausible}
                    ORDER BY p.created_at LIMIT 1) AS first_post,
                   (SELECT p.created_at {of_account} AND {plausible}
                    ORDER BY p.created_at DESC LIMIT 1) AS last_post,
                   {repost_count} AS n_reposts
            FROM listed a {order}
        """
        return [
            AccountSummary(
                account=account_from_row(row),
                posts=row["n_posts"],
                first_post=parse_time(row["first_post"]),
                last_post=parse_time(row["last_post"]),
                reposts=row["n_reposts"],
            )
            for row in self.conn.execute(sql, (*params, -1 if limit is None else limit))
        ]

    def count_accounts(self, platform: str | None = None, matching: str | None = None) -> int:
        """How many accounts :meth:`list_accounts` lists with no limit, without reading posts."""
        where, params = self._accounts_where(platform_choice(platform), matching)
        row = self.conn.execute(f"SELECT COUNT(*) FROM accounts a WHERE {where}", params)
        return int(row.fetchone()[0])

    def _accounts_where(
        self, platform: str | None, matching: str | None
    ) -> tuple[str, tuple[str | None, ...]]:
        """The accounts of ``platform`` whose handle or name holds ``matching``, as SQL. The
        search folds case with Python's own casefold, registered with SQLite: its lower() folds
        ASCII alone, and "strasse" would stop finding "Straße" (nor "ÉLAN" "élan")."""
        wanted = (matching or "").strip().lstrip("@").casefold()
        where = "(? IS NULL OR a.platform = ?)"
        if not wanted:
            return where, (platform, platform)
        where += (
            " AND (instr(staffpulse_casefold(a.handle), ?) > 0"
            " OR instr(staffpulse_casefold(a.display_name), ?) > 0)"
        )
        return where, (platform, platform, wanted, wanted)

    def find_account(self, handle: str, platform: str | None = None) -> Account:
        """The stored account for a handle (or id); ambiguous handles need ``platform`` (spelled
        as people do: ``twitter``, ``bsky``; an unknown one is an InputError)."""
        platform = platform_choice(platform)
        norm = normalize_handle(handle)
        # a Mastodon address on an internationalized domain is kept in its ASCII form, but a
        # store written before that may hold it as typed (bücher.social)
        as_typed = handle.strip().lstrip("@").lower()
        # Two accounts of one platform can share a handle (a brand from a dataset that keys it by
        # handle, and the same brand from its own export by numeric id): the one with the
        # posts is the one meant.
        rows = self.conn.execute(
            "SELECT * FROM accounts WHERE (handle_norm IN (?, ?) OR id = ?)"
            " AND (? IS NULL OR platform = ?)"
            " ORDER BY platform, (SELECT COUNT(*) FROM posts p WHERE p.platform = accounts.platform"
            " AND p.author_id = accounts.id) DESC, id",
            (norm, as_typed, handle.strip(), platform, platform),
        ).fetchall()
        if not rows and "@" not in norm:
            # a fediverse handle is user@instance; people type just the user part
            # "user@" up to "userA" (the byte after "@") is every "user@...": an index range,
            # where a LIKE read every account
            rows = self.conn.execute(
                "SELECT * FROM accounts WHERE handle_norm >= ? AND handle_norm < ?"
                " AND (? IS NULL OR platform = ?) ORDER BY handle_norm LIMIT 6",
                (norm + "@", norm + "A", platform, platform),
            ).fetchall()
            if len(rows) > 1:
                listed = ", ".join("@" + row["handle"] for row in rows[:5])
                raise NotFoundError(
                    f"'{handle}' matches several accounts: {listed}",
                    hint=f"give the whole handle, e.g. @{rows[0]['handle']}",
                )
        if not rows:
            raise NoSuchAccountError(
                handle,
                platform,
                hint=IMPORT_OR_LIST_ACCOUNTS.say(),
            )
        if len({row["platform"] for row in rows}) > 1:
            platforms = sorted({row["platform"] for row in rows})
            raise AmbiguousAccountError(handle.strip(), platforms, hint=CHOOSE_PLATFORM.say())
        return account_from_row(rows[0])

    def accounts_named(self, name: str, platform: str | None = None) -> list[tuple[Account, int]]:
        """The accounts whose display name is ``name``, case and spacing aside (``mia
        CASTELLANO`` is "Mia  Castellano"), each with its count of posts, busiest first."""
        wanted = display_name_key(name)
        if not wanted:
            return []
        rows = self.conn.execute(
            "SELECT a.*, (SELECT COUNT(*) FROM posts p WHERE p.platform = a.platform"
            " AND p.author_id = a.id) AS n_posts FROM accounts a"
            " WHERE a.display_name IS NOT NULL AND staffpulse_name_key(a.display_name) = ?"
            " AND (? IS NULL OR a.platform = ?) ORDER BY n_posts DESC, a.handle_norm, a.platform",
            (wanted, platform, platform),
        )
        return [(account_from_row(row), int(row["n_posts"])) for row in rows]

    def get_account(self, platform: str, account_id: str) -> Account | None:
        row = self.conn.execute(
            "SELECT * FROM accounts WHERE platform = ? AND id = ?", (platform, account_id)
        ).fetchone()
        return account_from_row(row) if row else None

    def posts_by(self, platform: str, author_id: str, since: datetime | None = None) -> list[Post]:
        """Posts of one author, oldest first."""
        rows = self.conn.execute(
            "SELECT * FROM posts WHERE platform = ? AND author_id = ?"
            " AND (? IS NULL OR created_at >= ?) ORDER BY created_at, id",
            (platform, author_id, format_time(since), format_time(since)),
        )
        return [post_from_row(row) for row in rows]

    def posts_mentioning(self, account: Account, since: datetime | None = None) -> list[Post]:
        """Posts by others that mention or reply to the account, oldest first."""
        rows = self.conn.execute(
            """
            SELECT DISTINCT p.* FROM posts p
            LEFT JOIN json_each(p.mentions) m
            WHERE p.platform = ? AND p.author_id != ? AND p.kind != 'repost'
              AND (m.value = ? OR p.reply_to_account_id = ? OR lower(p.reply_to_handle) = ?)
              AND (? IS NULL OR p.created_at >= ?)
            ORDER BY p.created_at, p.id
            """,
            (
                account.platform,
                account.id,
                account.handle.lower(),
                account.id,
                account.handle.lower(),
                format_time(since),
                format_time(since),
            ),
        )
        return [post_from_row(row) for row in rows]

    def get_posts(self, platform: str, post_ids: list[str]) -> dict[str, Post]:
        sql = "SELECT * FROM posts WHERE platform = ? AND id IN ({marks})"
        rows = rows_where_in(self.conn, sql, (platform,), post_ids)
        return {row["id"]: post_from_row(row) for row in rows}

    def interactions(self, platform: str | None = None) -> list[Interaction]:
        rows = self.conn.execute(
            "SELECT * FROM interactions WHERE (? IS NULL OR platform = ?)", (platform, platform)
        )
        return [
            Interaction(
                platform=row["platform"],
                source_id=row["source_id"],
                target_id=row["target_id"],
                kind=_interaction_kind(row["kind"]),
                count=row["count"],
                first_seen=parse_time(row["first_seen"]),
                last_seen=parse_time(row["last_seen"]),
            )
            for row in rows
        ]

    def follows_of(self, platform: str, follower_id: str) -> set[str]:
        rows = self.conn.execute(
            "SELECT followee_id FROM follows WHERE platform = ? AND follower_id = ?",
            (platform, follower_id),
        )
        return {row[0] for row in rows}


def _interaction_kind(value: str) -> InteractionKind:
    if value not in ("reply", "mention", "repost", "quote"):
        raise ValueError(f"unknown interaction kind {value!r}")
    return value  # type: ignore[return-value]


def _casefold(text: str | None) -> str:
    return (text or "").casefold()


def display_name_key(text: str | None) -> str:
    """A display name as a name typed for it is compared: its words, folded to one case."""
    return " ".join((text or "").split()).casefold()


def register_read_functions(conn: sqlite3.Connection) -> None:
    """The Python functions the reads call from SQL, registered once per connection."""
    conn.create_function("staffpulse_casefold", 1, _casefold, deterministic=True)
    conn.create_function("staffpulse_name_key", 1, display_name_key, deterministic=True)
