from __future__ import annotations

from pathlib import Path

import pytest

from audit_helpers import PERSON, FakeScorer, FeedBuilder, store_with
from staffpulse.audit import audit_account, audit_history, previous_audit
from staffpulse.errors import NotFoundError
from staffpulse.store import open_store
from staffpulse.store.part_tables import AUDITS_MIGRATION

MIGRATION = AUDITS_MIGRATION[0]


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


def test_a_store_from_before_the_audit_history_gets_it_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.conn.execute("DELETE FROM schema_migrations WHERE name = ?", (MIGRATION,))
        store.conn.execute("DROP TABLE IF EXISTS audits")
    with open_store(path) as store:  # whatever command opens it next
        assert MIGRATION in store.applied_migrations()
        assert previous_audit(store, "x", "nobody") is None


def test_an_audit_since_a_date_is_compared_with_audits_of_the_same_window(
    tmp_path: Path,
) -> None:
    feed = FeedBuilder("rosa", display_name="Rosa Tamlin")
    feed.chat(5)
    feed.job(10)
    store = store_with(tmp_path, feed)
    whole = audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON)
    sixth = feed.posts[5].created_at
    assert sixth is not None
    since = sixth.date().isoformat()
    recent = audit_account(store, "rosa", since=since, scorer=FakeScorer(), avatar=PERSON)
    assert recent.change is None  # the whole history is no earlier state of the last weeks
    again = audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON)
    assert again.previous is not None and again.previous["id"] == whole.audit_id


def test_an_audit_since_a_date_without_posts_is_refused_and_not_saved(tmp_path: Path) -> None:
    feed = FeedBuilder("rosa")
    feed.chat(3)
    store = store_with(tmp_path, feed)
    with pytest.raises(NotFoundError, match="no posts in the store since 2099-01-01"):
        audit_account(store, "rosa", since="2099-01-01", scorer=FakeScorer(), avatar=PERSON)
    assert audit_history(store, "x", "rosa") == []
