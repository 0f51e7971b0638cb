"""Listening's own tables: a stream's cursor never moves back, a post judged again keeps one
verdict, and the inbox marks of one firm never show in another's."""

from __future__ import annotations

from datetime import UTC, datetime

from staffpulse.listen.schema import (
    RelevanceRow,
    conversation_marks,
    get_cursor,
    inbox_snoozes,
    inbox_states,
    keyword_hits,
    marked_joined,
    relevance_verdicts,
    save_relevance,
    set_cursor,
    set_inbox_state,
)
from staffpulse.store import Store

AT = datetime(2026, 3, 1, 12, tzinfo=UTC)


def test_a_stream_cursor_never_moves_back(store: Store) -> None:
    """An older replayed batch written late must not make the next run read it all again."""
    assert get_cursor(store, "jetstream") is None
    set_cursor(store.conn, "jetstream", 500)
    set_cursor(store.conn, "jetstream", 300)
    assert get_cursor(store, "jetstream") == 500


def test_a_post_judged_again_keeps_the_latest_verdict_only(store: Store) -> None:
    save_relevance(store.conn, [RelevanceRow("x", "1", 0.9, ("hiring",), "keywords")])
    save_relevance(store.conn, [RelevanceRow("x", "1", 0.2, (), "model", relevant=False)])
    save_relevance(store.conn, [RelevanceRow("x", "2", 0.8, (), "model")])
    assert relevance_verdicts(store, "x", ["1", "2", "3"]) == {"1": (0.2, False), "2": (0.8, True)}
    # a verdict of the model alone is no keyword hit, nor is a post judged not relevant
    assert keyword_hits(store, "x", ["1", "2"]) == set()
    assert relevance_verdicts(store, "bluesky", ["1"]) == {}


def test_marks_are_kept_per_firm_and_cleared_for_that_firm_only(store: Store) -> None:
    set_inbox_state(store, "x", "c1", "joined", "acme", at=AT)
    set_inbox_state(store, "x", "c1", "dismissed", "beta")
    set_inbox_state(store, "x", "c2", "dismissed")
    assert conversation_marks(store, "x", "c1") == {"acme": "joined", "beta": "dismissed"}
    assert marked_joined(store, "x", "acme") == {"c1": AT}
    assert inbox_states(store, account="") == {("x", "c2"): "dismissed"}
    set_inbox_state(store, "x", "c1", None, "beta")
    assert conversation_marks(store, "x", "c1") == {"acme": "joined"}


def test_only_a_snooze_keeps_its_end(store: Store) -> None:
    until = datetime(2026, 3, 8, 9, tzinfo=UTC)
    set_inbox_state(store, "x", "c1", "snoozed", "acme", until=until, at=AT)
    assert inbox_snoozes(store, "x", "acme") == {("x", "c1"): (until, AT)}
    set_inbox_state(store, "x", "c1", "joined", "acme", until=until, at=AT)  # joined after all
    assert inbox_snoozes(store, "x", "acme") == {}
    assert inbox_states(store, "x", "acme") == {("x", "c1"): "joined"}
