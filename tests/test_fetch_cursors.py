"""Resume cursors of the fetchers: what an interrupted or repeated fetch reads back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from staffpulse.fetch.cursors import Gap, RangeCursor, load_cursor_state, max_id, min_id
from staffpulse.fetch.resume import capped_note
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
    """A newest-first stream of ids ``top`` (100) down to 1, read ``size`` at a time by
    :meth:`RangeCursor.walk`; ``stop_after`` pages, it stops the walk (a budget spent)."""

    def __init__(self, size: int, stop_after: int | None = None, top: int = 100) -> None:
        self.size, self.stop_after, self.top = size, stop_after, top
        self.asked: list[tuple[str | None, str | None, str | None, int]] = []

    def read(
        self, since: str | None, until: str | None, token: str | None, wanted: int
    ) -> tuple[list[str], str | None] | None:
        self.asked.append((since, until, token, wanted))
        if self.stop_after is not None and len(self.asked) > self.stop_after:
            return None
        below = int(token or until or self.top + 1)
        ids = [str(n) for n in range(below - 1, int(since or 0), -1)][: min(self.size, wanted)]
        return ids, (ids[-1] if ids else None)


def test_a_first_run_stopped_early_goes_on_as_one_its_cap_counting_what_it_read(
    tmp_path: Path,
) -> None:
    with open_store(tmp_path / "db.sqlite") as store:
        first = Timeline(10, stop_after=2)  # two pages, then the budget is spent
        shown: list[int] = []
        RangeCursor(store, "x", "9001", "timeline").walk(100, first.read, shown.append)
        assert shown == [10, 20]
        second = Timeline(10)
        gap = RangeCursor(store, "x", "9001", "timeline").walk(30, second.read, shown.append)
        # below what the first run stored, only the 10 the cap of 30 still wants: re-runs
        # with the same cap read a cap more each, and said "a gap" every time
        assert second.asked == [(None, "81", None, 10)]
        assert gap is not None and gap.older and gap.cap == 30
        state = load_cursor_state(store, "x", "9001", "timeline")
        assert "pending" not in state and state["older"] == {
            "until_id": "71",
            "until_at": None,
            "depth": 30,
        }
        third = Timeline(100)
        RangeCursor(store, "x", "9001", "timeline").walk(1000, third.read, shown.append)
        assert [a[:2] for a in third.asked[:2]] == [("100", None), (None, "71")]
        assert load_cursor_state(store, "x", "9001", "timeline") == {"since_id": "100"}


def _written(post_id: str) -> datetime:
    return datetime(2026, 11, 1, tzinfo=UTC) + timedelta(hours=6 * int(post_id))


def test_a_capped_run_over_new_posts_keeps_the_gap_below_them_for_the_next_run(
    tmp_path: Path,
) -> None:
    with open_store(tmp_path / "db.sqlite") as store:
        RangeCursor(store, "x", "9001", "timeline").walk(1000, Timeline(10).read, print)
        newer = Timeline(10, top=130)  # 30 posts came since: 101..130
        gap = RangeCursor(store, "x", "9001", "timeline").walk(10, newer.read, print, _written)
        # 130..121 read: 101..120 are not lost, and said with the days they span
        assert gap is not None and not gap.resumed
        assert (gap.since_at, gap.until_at) == (_written("100"), _written("121"))
        rest = Timeline(10, top=130)
        shown: list[int] = []
        again = RangeCursor(store, "x", "9001", "timeline").walk(1000, rest.read, shown.append)
        assert again is None and rest.asked[0][:2] == ("100", "121") and shown[-1] == 20
        assert rest.asked[-1][0] == "130"  # then only what is newer than the newest read
        state = load_cursor_state(store, "x", "9001", "timeline")
        assert state["since_id"] == "130" and "pending" not in state


def test_a_first_run_cut_by_its_cap_says_older_posts_are_left_and_a_higher_cap_reads_them(
    tmp_path: Path,
) -> None:
    with open_store(tmp_path / "db.sqlite") as store:
        gap = RangeCursor(store, "x", "9001", "timeline").walk(10, Timeline(10).read, print)
        # --max-posts counts newest first: the older ones are said to be left, not lost
        assert gap is not None and gap.older and gap.cap == 10
        state = load_cursor_state(store, "x", "9001", "timeline")
        assert state["since_id"] == "100" and state["older"]["until_id"] == "91"
        same = Timeline(10)  # the same cap again: only what is newer, nothing older
        held = RangeCursor(store, "x", "9001", "timeline").walk(10, same.read, print)
        assert held is not None and held.held and held.cap == 10  # for the run to say why
        assert [a[:2] for a in same.asked] == [("100", None)]
        higher = Timeline(10)
        shown: list[int] = []
        gap = RangeCursor(store, "x", "9001", "timeline").walk(25, higher.read, shown.append)
        # 15 older ones, below the oldest read, to hold the newest 25; still more left
        assert [a[:2] for a in higher.asked[1:]] == [(None, "91"), (None, "91")]
        assert shown == [0, 10, 15] and gap is not None and gap.older and gap.cap == 25
        assert load_cursor_state(store, "x", "9001", "timeline")["older"]["until_id"] == "76"
        everything = Timeline(100)
        assert RangeCursor(store, "x", "9001", "timeline").walk(500, everything.read, print) is None
        assert "older" not in load_cursor_state(store, "x", "9001", "timeline")  # all read


def test_a_capped_run_says_which_days_it_left_and_that_the_next_run_reads_them() -> None:
    # days of this year, which are said without it (a fixed year read "12 Nov 2026" from 2027)
    this_year = datetime.now(UTC).year
    nov = [datetime(this_year, 11, day, 9, tzinfo=UTC) for day in (12, 19, 26)]
    assert capped_note(Gap(200, nov[0], nov[1], resumed=False)) == (
        "Stopped at the 200-post cap (--max-posts) before reaching the posts fetched last time:"
        " the ones from 12 Nov to 19 Nov are not fetched yet; fetch again to get them (the"
        " next run reads them first)"
    )
    resumed = capped_note(Gap(100, None, nov[1], True, nov[2]), "mention", "--max-mentions")
    assert "100-mention cap (--max-mentions) while fetching older mentions" in resumed
    assert "the ones up to 19 Nov, and any since 26 Nov, are not fetched yet" in resumed
    assert "the ones in between are not" in capped_note(Gap(5, None, None, False))
    last_year = datetime(datetime.now(UTC).year - 1, 3, 2, tzinfo=UTC)
    assert f"of 2 Mar {last_year.year} are" in capped_note(Gap(5, last_year, last_year, False))


def test_posts_read_before_a_gap_count_among_those_a_higher_cap_holds(tmp_path: Path) -> None:
    with open_store(tmp_path / "db.sqlite") as store:

        def walk(cap: int, timeline: Timeline) -> Gap | None:
            return RangeCursor(store, "x", "9001", "timeline").walk(cap, timeline.read, print)

        walk(10, Timeline(10))  # a first run: the newest 10 of 100, 91 and below left
        gap = walk(20, Timeline(10, top=130))  # 20 of 30 new posts, a gap of 10 left
        assert gap is not None and not gap.older
        walk(20, Timeline(10, top=130))  # the gap's 10
        newest = Timeline(10, top=130)
        # the stream holds the newest 40 (130 to 91): a cap of 40 reads nothing older
        held = walk(40, newest)
        assert held is not None and held.held
        assert [until for _, until, _, _ in newest.asked if until == "91"] == []
        assert load_cursor_state(store, "x", "9001", "timeline")["older"]["depth"] == 40
