from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from audit_helpers import PERSON, FakeScorer, FeedBuilder, store_with
from staffpulse.audit import audit_account, audit_history, previous_audit
from staffpulse.errors import NotFoundError
from staffpulse.report.html import render_audit_html
from staffpulse.report.terminal_audit import render_audit
from staffpulse.store import open_store
from staffpulse.store.audits_data_key import AUDITS_DATA_KEY_MIGRATION
from staffpulse.store.part_tables import AUDITS_MIGRATION, AUDITS_NULLABLE_PILLARS_MIGRATION

MIGRATION = AUDITS_MIGRATION[0]
NULLABLE = AUDITS_NULLABLE_PILLARS_MIGRATION[0]
DATA_KEY = AUDITS_DATA_KEY_MIGRATION[0]


def test_audits_are_stored_and_listed(tmp_path: Path) -> None:
    feed = FeedBuilder("rosa", display_name="Rosa Tamlin")
    feed.chat(5)
    store = store_with(tmp_path, feed)
    assert previous_audit(store, "x", "rosa") is None
    first = audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON)
    audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON, save=False)
    more = FeedBuilder("rosa", display_name="Rosa Tamlin", clock=feed.clock)
    more.job(2)
    more.write(store)
    audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON)
    history = audit_history(store, "x", "rosa")
    assert len(history) == 2
    assert history[0]["overall"] == first.overall
    assert set(history[0]["pillars"]) == {"face", "mix", "voice", "conversation"}
    assert MIGRATION in store.applied_migrations()


def test_a_store_from_before_the_audit_history_gets_it_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.conn.execute(
            "DELETE FROM schema_migrations WHERE name IN (?, ?, ?)",
            (MIGRATION, NULLABLE, DATA_KEY),
        )
        store.conn.execute("DROP TABLE IF EXISTS audits")
    with open_store(path) as store:  # whatever command opens it next
        assert {MIGRATION, NULLABLE, DATA_KEY} <= set(store.applied_migrations())
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
    more = FeedBuilder("rosa", display_name="Rosa Tamlin", clock=feed.clock)
    more.chat(2)
    more.write(store)
    again = audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON)
    assert again.previous is not None and again.previous["id"] == whole.audit_id


def test_an_audit_since_a_date_counts_one_stored_before_its_moments_were_written_with_z(
    tmp_path: Path,
) -> None:
    feed = FeedBuilder("rosa", display_name="Rosa Tamlin")
    feed.chat(5)
    store = store_with(tmp_path, feed)
    third = feed.posts[2].created_at
    assert third is not None
    since = third.date().isoformat()
    first = audit_account(store, "rosa", since=since, scorer=FakeScorer(), avatar=PERSON)
    assert first.to_dict()["window"]["since"] == f"{since}T00:00:00Z"  # as --json writes it
    # as audits stored before 27 November 2026 wrote it
    store.conn.execute(
        "UPDATE audits SET result = json_set(result, '$.window.since', ?)",
        (f"{since}T00:00:00+00:00",),
    )
    more = FeedBuilder("rosa", display_name="Rosa Tamlin", clock=feed.clock)
    more.job(2)
    more.write(store)
    again = audit_account(store, "rosa", since=since, scorer=FakeScorer(), avatar=PERSON)
    assert again.previous is not None and again.previous["id"] == first.audit_id
    assert again.change is not None


def test_an_audit_since_a_date_without_posts_is_refused_and_not_saved(tmp_path: Path) -> None:
    feed = FeedBuilder("rosa")
    feed.chat(3)
    store = store_with(tmp_path, feed)
    with pytest.raises(NotFoundError, match="no posts in the store since 2099-01-01"):
        audit_account(store, "rosa", since="2099-01-01", scorer=FakeScorer(), avatar=PERSON)
    assert audit_history(store, "x", "rosa") == []


def test_a_pillar_not_scored_is_stored_without_a_score_and_shows_no_change(
    tmp_path: Path,
) -> None:
    feed = FeedBuilder("helpdesk", display_name="Help Desk")
    feed.reply("customer", n=6)  # no original post: Mix has nothing to judge
    store = store_with(tmp_path, feed)
    first = audit_account(store, "helpdesk", scorer=FakeScorer(), avatar=PERSON)
    assert first.pillars["mix"].score is None
    assert audit_history(store, "x", "helpdesk")[0]["pillars"]["mix"] is None
    more = FeedBuilder("helpdesk", display_name="Help Desk", clock=feed.clock)
    more.chat(4)  # now it has original posts: Mix is scored
    more.write(store)
    second = audit_account(store, "helpdesk", scorer=FakeScorer(), avatar=PERSON)
    assert second.previous is not None and second.previous["pillars"]["mix"] is None
    assert second.change is not None
    assert second.change["mix"] is None  # from "nothing to judge" is no change in points
    assert isinstance(second.change["voice"], int)


def test_stored_filler_scores_of_old_audits_become_null(tmp_path: Path) -> None:
    """Before migration 0101 an unscored Mix was stored as 50: the upgrade reads the stored
    result to tell filler from a real 50."""
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.conn.execute(
            "DELETE FROM schema_migrations WHERE name IN (?, ?)", (NULLABLE, DATA_KEY)
        )
        store.conn.execute("DROP TABLE audits")
        store.conn.executescript(AUDITS_MIGRATION[1])
        for n, scored in ((1, False), (2, True)):
            pillars = {name: {"scored": True} for name in ("face", "voice", "conversation")}
            result = json.dumps({"pillars": {**pillars, "mix": {"scored": scored}}})
            store.conn.execute(
                "INSERT INTO audits (platform, account_id, handle, created_at, overall, grade,"
                " face, mix, voice, conversation, result)"
                " VALUES ('x', 'acme', 'acme', ?, 40, 'D', 30, 50, 20, 60, ?)",
                (f"2026-01-0{n}T00:00:00Z", result),
            )
        store.conn.commit()
    with open_store(path) as store:
        rows = audit_history(store, "x", "acme")
    assert [r["pillars"]["mix"] for r in rows] == [None, 50]
    assert [r["pillars"]["face"] for r in rows] == [30, 30]


def test_the_weekly_routine_shows_the_weeks_change_in_the_terminal_and_the_html(
    tmp_path: Path,
) -> None:
    """Audit, import new posts, audit in the terminal, then again for the HTML report: both
    reports compare with the first audit (the second audit of the same data is no earlier
    state), and name it by date and time."""
    feed = FeedBuilder("rosa", display_name="Rosa Tamlin")
    feed.job(6)
    store = store_with(tmp_path, feed)
    first = audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON)
    store.conn.execute(  # last week's audit
        "UPDATE audits SET created_at = '2026-11-19T09:12:00Z' WHERE id = ?", (first.audit_id,)
    )
    week = FeedBuilder("rosa", display_name="Rosa Tamlin", clock=feed.clock)
    week.chat(6)  # the week's personal posts raise Voice
    week.write(store)
    terminal = audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON)
    for_html = audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON)
    assert terminal.change is not None and terminal.change["voice"]
    assert for_html.previous is not None and for_html.previous["id"] == first.audit_id
    assert for_html.change == terminal.change
    assert for_html.audit_id == terminal.audit_id  # the same data replaced, not duplicated
    assert len(audit_history(store, "x", "rosa")) == 2
    console = Console(record=True, width=120)
    render_audit(console, terminal)
    text = console.export_text()
    assert "Compared with the audit of 19 Nov 2026, 09:12" in text
    html = render_audit_html(for_html)
    assert "Changes against the audit of 19 Nov 2026, 09:12" in html
    assert f"+{for_html.change['voice']}" in html


def test_audits_stored_before_the_data_key_count_as_other_data(tmp_path: Path) -> None:
    feed = FeedBuilder("rosa", display_name="Rosa Tamlin")
    feed.chat(5)
    store = store_with(tmp_path, feed)
    old = audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON)
    store.conn.execute("UPDATE audits SET data_key = NULL")
    again = audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON)
    assert again.previous is not None and again.previous["id"] == old.audit_id
    assert again.audit_id != old.audit_id
    third = audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON)
    assert third.previous is not None and third.previous["id"] == old.audit_id
    assert third.audit_id == again.audit_id
