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


class Timeline:
    """A newest-first stream of ids 100 down to 1, read ``size`` at a time by
    :meth:`RangeCursor.walk`; ``stop_after`` pages, it stops the walk (a budget spent)."""

    def __init__(self, size: int, stop_after: int | None = None) -> None:
        self.size, self.stop_after = size, stop_after
        self.asked: list[tuple[str | None, str | None, str | None, int]] = []

    def read(
        self, since: str | None, until: str | None, token: str | None, wanted: int
    ) -> tuple[list[str], str | None] | None:
        self.asked.append((since, until, token, wanted))
        if self.stop_after is not None and len(self.asked) > self.stop_after:
            return None
        below = int(token or until or 101)
        ids = [str(n) for n in range(below - 1, int(since or 0), -1)][: min(self.size, wanted)]
        return ids, (ids[-1] if ids else None)


def test_a_walk_cut_by_its_cap_in_a_resumed_gap_leaves_the_gap_for_the_next_run(
    tmp_path: Path,
) -> None:
    with open_store(tmp_path / "db.sqlite") as store:
        first = Timeline(10, stop_after=2)  # two pages, then the budget is spent
        shown: list[int] = []
        RangeCursor(store, "x", "9001", "timeline").walk(100, first.read, shown.append)
        assert shown == [10, 20]
        second = Timeline(10)
        RangeCursor(store, "x", "9001", "timeline").walk(30, second.read, shown.append)
        assert second.asked[0] == (None, "81", None, 30)  # below what the first run stored
        state = load_cursor_state(store, "x", "9001", "timeline")
        assert state["pending"]["until_id"] == "51"  # cut by its cap: still a gap to fill
        third = Timeline(100)
        RangeCursor(store, "x", "9001", "timeline").walk(1000, third.read, shown.append)
        assert third.asked[0][:2] == (None, "51") and third.asked[-1][0] == "100"
        assert load_cursor_state(store, "x", "9001", "timeline") == {"since_id": "100"}
