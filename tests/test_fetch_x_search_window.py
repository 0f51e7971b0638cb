"""X's recent search reaches back seven days: a re-run days later drops the resume points and
the --since date X would reject, instead of failing on them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from staffpulse.fetch.cursors import RangeCursor
from staffpulse.fetch.x_search_window import fit_search_window, search_stream, searchable_since
from staffpulse.store import Store

TWITTER_EPOCH_MS = 1288834974657


def _id_days_ago(days: float) -> str:
    """A tweet id minted ``days`` ago (the time is in its top bits)."""
    when = datetime.now(UTC) - timedelta(days=days)
    return str((int(when.timestamp() * 1000) - TWITTER_EPOCH_MS) << 22)


def _cursor(store: Store, **state: object) -> RangeCursor:
    cursor = RangeCursor(store, "x", "", search_stream("  hiring nurses "))
    cursor.state.update(state)
    return cursor


def test_a_since_older_than_the_window_searches_all_of_it_and_says_so() -> None:
    said: list[str] = []
    assert searchable_since(datetime.now(UTC) - timedelta(days=10), said.append) is None
    assert said == ["recent search reaches back seven days only; searching all of them"]


def test_a_naive_since_inside_the_window_is_kept_as_utc() -> None:
    said: list[str] = []
    naive = (datetime.now(UTC) - timedelta(days=2)).replace(tzinfo=None, microsecond=0)
    assert searchable_since(naive, said.append) == naive.replace(tzinfo=UTC)
    assert said == []


def test_a_resume_point_older_than_the_window_is_dropped(store: Store) -> None:
    recent = _id_days_ago(1)
    old = _cursor(store, since_id=_id_days_ago(10))
    fit_search_window(old)
    assert old.state["since_id"] is None
    kept = _cursor(store, since_id=recent)
    fit_search_window(kept)
    assert kept.state["since_id"] == recent


def test_an_unfinished_gap_wholly_outside_the_window_is_given_up(store: Store) -> None:
    newest = _id_days_ago(2)
    gap = {"since_id": _id_days_ago(12), "until_id": _id_days_ago(9), "newest": newest}
    gap["newest_at"] = "2026-11-26T09:00:00+00:00"
    cursor = _cursor(store, since_id=None, since_at="2026-11-14T09:00:00+00:00", pending=gap)
    fit_search_window(cursor)
    # what was stored of that run counts as done: the next search starts after it, and a
    # run capped before reaching it dates its gap from then
    assert cursor.pending is None
    assert cursor.state["since_id"] == newest
    assert cursor.state["since_at"] == gap["newest_at"]


def test_a_gap_reaching_into_the_window_is_filled_from_its_start(store: Store) -> None:
    until = _id_days_ago(3)
    gap = {"since_id": _id_days_ago(12), "until_id": until, "newest": _id_days_ago(1)}
    cursor = _cursor(store, pending={**gap, "since_at": "2026-11-16T09:00:00+00:00"})
    fit_search_window(cursor)
    assert cursor.pending == {**gap, "since_id": None}  # the gap's start, and its day, gone


def test_a_search_is_filed_under_its_query_without_edge_spaces() -> None:
    assert search_stream("  hiring nurses ") == "search:hiring nurses"
