"""A suggestion's explanation kept as parts (staffpulse.connect.explanation): the one line, the
line beside a role cell, and the line of an exported file, each said from the same parts."""

from __future__ import annotations

from datetime import UTC, datetime

from staffpulse.connect.explanation import CircleTie, Explanation, HiringTalk
from staffpulse.connect.ties import SharedRank

LINE = Explanation(
    "maybe vendor", (CircleTie(3, "replied to", recent=True), "follows you", "rarely replies")
)


def test_the_line_starts_with_the_role_and_says_this_month() -> None:
    assert LINE.text() == (
        "maybe vendor · 3 people in your circle replied to them this month · follows you · "
        "rarely replies"
    )


def test_beside_a_role_cell_the_role_is_not_said_again() -> None:
    assert LINE.beside_role() == (
        "3 people in your circle replied to them this month · follows you · rarely replies"
    )
    # a line that never said a role is left whole
    plain = Explanation(None, ("replied to you 1×",))
    assert plain.beside_role() == plain.text() == "replied to you 1×"


def test_a_hiring_manager_says_talks_hiring_once_beside_its_role_cell() -> None:
    manager = Explanation(HiringTalk(2, 5), (CircleTie(1, "mentioned"),))
    assert manager.text() == (
        "outside the trade, talks hiring (2 of 5 posts) · 1 person in your circle mentioned them"
    )
    assert manager.beside_role() == (
        "outside the trade (2 of 5 posts about hiring) · 1 person in your circle mentioned them"
    )


def test_an_exported_line_names_the_month_it_meant() -> None:
    dated = LINE.dated(datetime(2024, 11, 3, tzinfo=UTC))
    assert "replied to them in the month to 3 Nov 2024 · follows you" in dated.text()
    assert "this month" not in dated.beside_role()
    # a tie not counted as recent has no month to name
    older = Explanation("recruiter", (CircleTie(2, "quoted"),)).dated(datetime(2024, 1, 1))
    assert older.text() == "recruiter · 2 people in your circle quoted them"


def test_a_shared_rank_is_shown_with_an_equals_sign_only_when_tied() -> None:
    assert (SharedRank(2, 3).shown, SharedRank(2, 0).shown) == ("=2", "2")


def test_accounts_tied_on_their_score_show_the_same_score() -> None:
    """20.52 and 20.48 both show 20.5: tied, and shown alike ("=2 21" and "=2 20" once)."""
    from dataclasses import replace

    from connect_fixtures import make_suggestion
    from staffpulse.report.connect_ties import tie_rows

    found = [make_suggestion(1, "ana", "1")]
    found += [
        replace(make_suggestion(n, f"b{n}", str(n)), score=v) for n, v in ((2, 20.52), (3, 20.48))
    ]
    rows = [(row.rank, row.suggestion.score_text) for row in tie_rows(found)]
    assert rows == [("1", "100.0"), ("=2", "20.5"), ("=2", "20.5")]
    assert [replace(found[0], score=s).score_text for s in (9.94, 2.45, 0.04, 0.0)] == [
        "9.9",
        "2.5",
        "<0.1",
        "0",
    ]


def test_a_role_left_unknown_is_a_flag_said_where_the_role_goes() -> None:
    """ "role unknown" travelled as a role's name, which any check of the role took for one:
    it is a flag now, said as the terminal said it, and left to the role cell beside it."""
    unread = Explanation(None, ("you replied to them 2×",), role_unknown=True)
    assert unread.role is None
    assert unread.text() == "role unknown · you replied to them 2×"
    assert unread.beside_role() == "you replied to them 2×"
    # a role given wins over the flag
    assert Explanation("recruiter", ("follows you",), role_unknown=True).text().startswith("rec")
