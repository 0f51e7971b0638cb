"""Resume cursors of the fetchers: what an interrupted or repeated fetch reads back."""

from __future__ import annotations

from pathlib import Path

from staffpulse.fetch.cursors import RangeCursor, load_cursor_state, max_id, min_id
from staffpulse.store import open_store


def test_ids_compare_as_numbers_so_a_resume_never_goes_back_to_older_posts() -> None:
    # as text "99" > "100"; as X and Mastodon ids, 100 is the newer
    assert max_id("99", "100", None, "") == "100"
    assert min_id("99", "100", None) == "99"
    assert max_id(None, "") is None


def test_a_cut_run_resumes_its_gap_then_fetches_only_what_is_newer(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    with open_store(db) as store:
        cursor = RangeCursor(store, "x", "9001", "timeline")
        assert list(cursor.ranges())[-1] == (None, None, False)  # never fetched: everything
        cursor.page(["120", "110"])  # then the run is cut off
    with open_store(db) as store:
        cursor = RangeCursor(store, "x", "9001", "timeline")
        ranges = cursor.ranges()
        assert next(ranges) == (None, "110", True)  # the gap below what was stored first
        assert next(ranges) == (None, None, False)
        cursor.page(["130"])
        cursor.complete()
    with open_store(db) as store:
        assert load_cursor_state(store, "x", "9001", "timeline") == {"since_id": "130"}
        assert list(RangeCursor(store, "x", "9001", "timeline").ranges()) == [("130", None, False)]
        assert load_cursor_state(store, "bluesky", "did:plc:a", "feed") == {}
