"""Stored audits: one row per state of the account's data, so the next audit can say what
changed since the data was different.

Each row records a key of the data the audit read (:func:`data_key`, migration 0103). An
audit of data already audited replaces the last row instead of adding one, and the change is
measured against the latest audit of other data: the weekly routine (import, audit in the
terminal, then ``--html`` for the boss) shows the week's change in both reports.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from staffpulse.audit.config import PILLARS
from staffpulse.audit.types import AuditResult
from staffpulse.errors import StoreError
from staffpulse.models import Account, Post
from staffpulse.store import Store
from staffpulse.store.codec import format_time, parse_time

# The window of a stored audit: the start of its ``--since`` as its result names it, in either
# of the two forms below ('' for the whole history)
_WINDOW = "COALESCE(json_extract(result, '$.window.since'), '') IN (?, ?)"


def _window(since: datetime | None) -> tuple[str, str]:
    """``since`` as a stored result names it: as ``--json`` writes a moment
    (``2026-06-01T00:00:00Z``), and as results stored before 27 November 2026 did
    (``2026-06-01T00:00:00+00:00``), so that their audits still count as earlier ones."""
    if since is None:
        return "", ""
    return str(format_time(since)), since.astimezone(UTC).isoformat()


def data_key(account: Account, posts: Iterable[Post], mentions: Iterable[Post] = ()) -> str:
    """A digest of what an audit reads: the profile, the account's posts and the posts
    mentioning it. Equal keys mean the audit saw the same data (the raw payloads and when
    things were observed are left out: re-importing the same file changes nothing)."""
    digest = hashlib.sha256(repr(_profile(account)).encode())
    for label, rows in ((b"P", posts), (b"M", mentions)):
        for post in rows:
            digest.update(label + repr(_post_fields(post)).encode())
    return digest.hexdigest()


def _profile(account: Account) -> tuple[Any, ...]:
    return (
        account.platform,
        account.id,
        account.handle,
        account.display_name,
        account.bio,
        account.avatar_url,
        account.avatar_path,
        account.followers,
        account.following,
        account.post_count,
        account.verified,
    )


def _post_fields(post: Post) -> tuple[Any, ...]:
    return (
        post.id,
        post.text,
        post.created_at,
        post.kind,
        post.reply_to_post_id,
        post.reply_to_account_id,
        post.quoted_post_id,
        post.reposted_post_id,
        post.likes,
        post.reposts,
        post.replies,
        post.quotes,
    )


def previous_audit(
    store: Store,
    platform: str,
    account_id: str,
    since: datetime | None = None,
    data: str | None = None,
) -> dict[str, Any] | None:
    """The latest stored audit of the account over the same window (scores only), or None.
    A pillar that was not scored has ``None`` (the column is NULL, migration 0101).

    With ``data`` (a :func:`data_key`) only an audit of other data counts: an audit of the
    same data again is no earlier state. An audit stored before keys were kept is taken as
    of other data. An audit of the posts since a date is compared only with audits since the
    same date: scores over a few weeks and over the whole history are not a change."""
    row = store.conn.execute(
        "SELECT id, created_at, overall, grade, face, mix, voice, conversation FROM audits"
        f" WHERE platform = ? AND account_id = ? AND {_WINDOW}"
        " AND (? IS NULL OR data_key IS NULL OR data_key != ?) ORDER BY id DESC LIMIT 1",
        (platform, account_id, *_window(since), data, data),
    ).fetchone()
    if row is None:
        return None
    return {
        "id": row["id"],
        "generated_at": row["created_at"],
        "overall": row["overall"],
        "grade": row["grade"],
        "pillars": {name: row[name] for name in PILLARS},
    }


def change_since(result: AuditResult, previous: dict[str, Any]) -> dict[str, int | None]:
    """Points gained per pillar; None where the pillar was not scored now or then (a change
    from or to "nothing to judge" is no change in points)."""
    change: dict[str, int | None] = {"overall": result.overall - int(previous["overall"])}
    for name in PILLARS:
        now, then = result.pillars[name].score, previous["pillars"][name]
        change[name] = None if now is None or then is None else now - int(then)
    return change


def save_audit(store: Store, result: AuditResult, data: str | None = None) -> int:
    """Store the audit and return its id. When the latest audit of the account over the same
    window read the same ``data`` (a :func:`data_key`), it is replaced (same id, this audit's
    time and scores): the history keeps one audit per state of the data."""
    account = result.account
    since = result.window.get("since")
    values = (
        account.handle,
        format_time(result.generated_at),
        result.overall,
        result.grade,
        *(result.pillars[name].score for name in PILLARS),
        json.dumps(result.to_dict(), ensure_ascii=False, default=str),
        data,
    )
    try:
        last = store.conn.execute(
            f"SELECT id, data_key FROM audits WHERE platform = ? AND account_id = ? AND {_WINDOW}"
            " ORDER BY id DESC LIMIT 1",
            (account.platform, account.id, *_window(parse_time(since))),
        ).fetchone()
        if data is not None and last is not None and last["data_key"] == data:
            store.conn.execute(
                "UPDATE audits SET handle = ?, created_at = ?, overall = ?, grade = ?, face = ?,"
                " mix = ?, voice = ?, conversation = ?, result = ?, data_key = ? WHERE id = ?",
                (*values, last["id"]),
            )
            return int(last["id"])
        cursor = store.conn.execute(
            "INSERT INTO audits (handle, created_at, overall, grade, face, mix, voice,"
            " conversation, result, data_key, platform, account_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*values, account.platform, account.id),
        )
    except sqlite3.Error as exc:
        raise StoreError(f"cannot save the audit in {store.path}: {exc}") from exc
    return int(cursor.lastrowid or 0)


def audit_history(store: Store, platform: str, account_id: str) -> list[dict[str, Any]]:
    """Every stored audit of the account, oldest first (scores only)."""
    rows = store.conn.execute(
        "SELECT id, created_at, overall, grade, face, mix, voice, conversation FROM audits"
        " WHERE platform = ? AND account_id = ? ORDER BY id",
        (platform, account_id),
    ).fetchall()
    return [
        {
            "id": r["id"],
            "generated_at": r["created_at"],
            "overall": r["overall"],
            "grade": r["grade"],
            "pillars": {name: r[name] for name in PILLARS},
        }
        for r in rows
    ]
