from __future__ import annotations

from pathlib import Path

from audit_helpers import PERSON, FakeScorer, FeedBuilder, store_with
from staffpulse.audit import audit_account, audit_history, previous_audit
from staffpulse.audit.history import MIGRATION
from staffpulse.store import open_store


def test_audits_are_stored_and_listed(tmp_path: Path) -> None:
    feed = FeedBuilder("rosa", display_name="Rosa Tamlin")
    feed.chat(5)
    store = store_with(tmp_path, feed)
    assert previous_audit(store, "x", "rosa") is None
    first = audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON)
    audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON, save=False)
    audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON)
    history = audit_history(store, "x", "rosa")
    assert len(history) == 2
    assert history[0]["overall"] == first.overall
    assert set(history[0]["pillars"]) == {"face", "mix", "voice", "conversation"}
    assert MIGRATION in store.applied_migrations()


def test_migration_applies_to_an_existing_store(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store = open_store(path)
    store.conn.execute("DELETE FROM schema_migrations WHERE name = ?", (MIGRATION,))
    store.conn.execute("DROP TABLE IF EXISTS audits")
    assert previous_audit(store, "x", "nobody") is None  # migrates on first use
    assert MIGRATION in store.applied_migrations()
