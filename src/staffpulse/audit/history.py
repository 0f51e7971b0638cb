"""Stored audits: one row per audit, so the next one can say what changed."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any

from staffpulse.audit.config import PILLARS
from staffpulse.audit.types import AuditResult
from staffpulse.errors import StoreError
from staffpulse.store import Store
from staffpulse.store.codec import format_time


def previous_audit(
    store: Store, platform: str, account_id: str, since: datetime | None = None
) -> dict[str, Any] | None:
    """The latest stored audit of the account over the same window (scores only), or None.
    A pillar that was not scored has ``None`` (the column is NULL, migration 0101).

    An audit of the posts since a date is compared only with audits since the same date:
    scores over a few weeks and over the whole history are not a change."""
    row = store.conn.execute(
        "SELECT id, created_at, overall, grade, face, mix, voice, conversation FROM audits"
        " WHERE platform = ? AND account_id = ?"
        " AND json_extract(result, '$.window.since') IS ? ORDER BY id DESC LIMIT 1",
        (platform, account_id, since.isoformat() if since else None),
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


def save_audit(store: Store, result: AuditResult) -> int:
    account = result.account
    try:
        cursor = store.conn.execute(
            "INSERT INTO audits (platform, account_id, handle, created_at, overall, grade, face,"
            " mix, voice, conversation, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                account.platform,
                account.id,
                account.handle,
                format_time(result.generated_at),
                result.overall,
                result.grade,
                *(result.pillars[name].score for name in PILLARS),
                json.dumps(result.to_dict(), ensure_ascii=False, default=str),
            ),
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
