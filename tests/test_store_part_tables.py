"""The parts' tables (audits, listening, connect, fetch cursors): every store gets them
whichever command opens it first, and the audits rebuild (0101) keeps the scores of audits
whose stored result predates the "scored" flags."""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.store import open_store
from staffpulse.store.part_tables import AUDITS_MIGRATION, AUDITS_NULLABLE_PILLARS_MIGRATION

PART_TABLES = {
    "audits",
    "listen_cursors",
    "listen_relevance",
    "listen_topics",
    "listen_topic_members",
    "listen_topic_state",
    "listen_inbox_state",
    "connect_handles",
    "fetch_cursors",
}


def test_a_new_store_has_every_parts_table(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
    assert tables >= PART_TABLES


def test_audits_stored_without_scored_flags_keep_every_pillars_score(tmp_path: Path) -> None:
    """An audit whose result names no pillars (the oldest ones) is read as scored: its
    numbers are kept, not blanked as filler."""
    path = tmp_path / "old.db"
    with open_store(path) as store:
        names = (AUDITS_NULLABLE_PILLARS_MIGRATION[0], "0103_audits_data_key")
        store.conn.execute("DELETE FROM schema_migrations WHERE name IN (?, ?)", names)
        store.conn.execute("DROP TABLE audits")
        store.conn.executescript(AUDITS_MIGRATION[1])
        store.conn.execute(
            "INSERT INTO audits (platform, account_id, handle, created_at, overall, grade,"
            " face, mix, voice, conversation, result)"
            " VALUES ('x', '9001', 'acme', '2025-06-01T00:00:00Z', 55, 'C', 70, 50, 0, 40, ?)",
            (json.dumps({"overall": 55}),),
        )
        store.conn.commit()
    with open_store(path) as store:
        row = store.conn.execute(
            "SELECT overall, face, mix, voice, conversation, data_key FROM audits"
        ).fetchone()
    assert tuple(row) == (55, 70, 50, 0, 40, None)
