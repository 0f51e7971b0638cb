"""The listen tables (one named migration) and the small reads and writes on them.

* ``listen_cursors``: the last Jetstream ``time_us`` processed, per stream, to resume from.
* ``listen_relevance``: the posts listening judged (score, matched keywords, source).
* ``listen_topics`` / ``listen_topic_members`` / ``listen_topic_state``: the incremental topic
  model (centroids, labels, document frequencies) so that new posts join existing topics.
* ``listen_inbox_state``: conversations the user marked joined, dismissed or snoozed (until a
  date), per firm (``account``: the firm's normalized handle, '' for a mark of no particular
  firm; migrations ``0102_listen_inbox_state_by_account`` and ``0104_listen_inbox_snooze``).
* ``listen_inbox_looks``: when each firm last looked at its inbox (migration
  ``0105_listen_inbox_looks``), read and written by :mod:`staffpulse.listen.looks`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from staffpulse.store import Store
from staffpulse.store.codec import format_time, parse_time, rows_where_in


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def get_cursor(store: Store, stream: str) -> int | None:
    row = store.conn.execute(
        "SELECT cursor FROM listen_cursors WHERE stream = ?", (stream,)
    ).fetchone()
    return int(row[0]) if row else None


def set_cursor(conn: sqlite3.Connection, stream: str, cursor: int) -> None:
    conn.execute(
        "INSERT INTO listen_cursors (stream, cursor, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (stream) DO UPDATE SET cursor = MAX(listen_cursors.cursor, excluded.cursor),"
        " updated_at = excluded.updated_at",
        (stream, cursor, _now()),
    )


@dataclass(frozen=True, slots=True)
class RelevanceRow:
    platform: str
    post_id: str
    score: float
    keywords: tuple[str, ...]
    source: str
    relevant: bool = True


def save_relevance(conn: sqlite3.Connection, rows: Iterable[RelevanceRow]) -> None:
    now = _now()
    conn.executemany(
        "INSERT INTO listen_relevance (platform, post_id, score, relevant, keywords, source,"
        " added_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, post_id) DO UPDATE SET"
        " score = excluded.score, relevant = excluded.relevant, keywords = excluded.keywords",
        [
            (
                r.platform,
                r.post_id,
                r.score,
                int(r.relevant),
                json.dumps(list(r.keywords)),
                r.source,
                now,
            )
            for r in rows
        ],
    )


def relevance_verdicts(
    store: Store, platform: str, post_ids: Sequence[str]
) -> dict[str, tuple[float, bool]]:
    """Post id -> (score, judged relevant), for the ones of ``post_ids`` that were judged."""
    sql = (
        "SELECT post_id, score, relevant FROM listen_relevance WHERE platform = ?"
        " AND post_id IN ({marks})"
    )
    rows = rows_where_in(store.conn, sql, (platform,), post_ids)
    return {row[0]: (float(row[1]), bool(row[2])) for row in rows}


def count_judged_not_work(store: Store, platform: str | None = None) -> int:
    """How many stored posts (of ``platform``, None: every one) were judged not about work."""
    where = "" if platform is None else " AND platform = ?"
    row = store.conn.execute(
        f"SELECT COUNT(*) FROM listen_relevance WHERE relevant = 0{where}",
        () if platform is None else (platform,),
    ).fetchone()
    return int(row[0])


def keyword_hits(store: Store, platform: str, post_ids: Sequence[str]) -> set[str]:
    """The ones of ``post_ids`` judged relevant on a keyword of the relevance filter."""
    sql = (
        "SELECT post_id FROM listen_relevance WHERE platform = ? AND relevant = 1"
        " AND keywords NOT IN ('', '[]') AND post_id IN ({marks})"
    )
    return {row[0] for row in rows_where_in(store.conn, sql, (platform,), post_ids)}


def relevant_post_ids(store: Store, platform: str, post_ids: Sequence[str]) -> set[str]:
    """The ones of ``post_ids`` that listening judged relevant."""
    sql = (
        "SELECT post_id FROM listen_relevance WHERE platform = ? AND relevant = 1"
        " AND post_id IN ({marks})"
    )
    return {row[0] for row in rows_where_in(store.conn, sql, (platform,), post_ids)}


def set_inbox_state(
    store: Store,
    platform: str,
    conversation_id: str,
    state: str | None,
    account: str = "",
    *,
    until: datetime | None = None,
    at: datetime | None = None,
) -> None:
    """Mark a conversation ``joined``, ``dismissed`` or ``snoozed`` (``until`` a time, which
    only a snooze has) for the firm ``account`` (a normalized handle, '' for no particular
    firm), as of ``at`` (default: now); ``None`` clears that firm's mark."""
    if state is None:
        store.conn.execute(
            "DELETE FROM listen_inbox_state WHERE platform = ? AND conversation_id = ?"
            " AND account = ?",
            (platform, conversation_id, account),
        )
        return
    store.conn.execute(
        "INSERT INTO listen_inbox_state (platform, conversation_id, account, state, at, until)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform, conversation_id, account)"
        " DO UPDATE SET state = excluded.state, at = excluded.at, until = excluded.until",
        (
            platform,
            conversation_id,
            account,
            state,
            format_time(at) if at is not None else _now(),
            format_time(until) if state == "snoozed" else None,
        ),
    )


def inbox_snoozes(
    store: Store, platform: str | None = None, account: str = ""
) -> dict[tuple[str, str], tuple[datetime, datetime]]:
    """(platform, conversation id) -> (until, when snoozed), of the firm ``account``'s
    snoozes only."""
    rows = store.conn.execute(
        "SELECT platform, conversation_id, until, at FROM listen_inbox_state"
        " WHERE account = ? AND state = 'snoozed' AND (? IS NULL OR platform = ?)",
        (account, platform, platform),
    )
    out: dict[tuple[str, str], tuple[datetime, datetime]] = {}
    for row in rows:
        until, at = parse_time(row[2]), parse_time(row[3])
        if until is not None and at is not None:
            out[(row[0], row[1])] = (until, at)
    return out


def inbox_states(
    store: Store, platform: str | None = None, account: str = ""
) -> dict[tuple[str, str], str]:
    """(platform, conversation id) -> state, of the firm ``account``'s marks only."""
    rows = store.conn.execute(
        "SELECT platform, conversation_id, state FROM listen_inbox_state"
        " WHERE account = ? AND (? IS NULL OR platform = ?)",
        (account, platform, platform),
    )
    return {(row[0], row[1]): row[2] for row in rows}


def conversation_marks(store: Store, platform: str, conversation_id: str) -> dict[str, str]:
    """Firm -> state of every mark on one conversation ("" for the mark of no firm)."""
    rows = store.conn.execute(
        "SELECT account, state FROM listen_inbox_state WHERE platform = ? AND conversation_id = ?",
        (platform, conversation_id),
    )
    return {row[0]: row[1] for row in rows}


def marked_joined(store: Store, platform: str, account: str) -> dict[str, datetime | None]:
    """Conversations the firm ``account`` marked joined, with when."""
    rows = store.conn.execute(
        "SELECT conversation_id, at FROM listen_inbox_state WHERE platform = ? AND account = ?"
        " AND state = 'joined'",
        (platform, account),
    )
    return {row[0]: parse_time(row[1]) for row in rows}
