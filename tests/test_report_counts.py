"""count_of: the one way counts are written, in the terminal, the reports and the dashboard."""

from __future__ import annotations

import pytest

from staffpulse.report.counts import count_of


@pytest.mark.parametrize(
    ("n", "noun", "shown"),
    [
        (1, "post", "1 post"),
        (1986, "post", "1,986 posts"),
        (None, "account", "0 accounts"),
        (3, "reply", "3 replies"),
        (2, "day", "2 days"),
        (2, "match", "2 matches"),
        (4, "bus", "4 buses"),
        (2, "job ad", "2 job ads"),
    ],
)
def test_counts_agree_with_their_nouns(n: int | None, noun: str, shown: str) -> None:
    assert count_of(n, noun) == shown


def test_an_irregular_plural_is_given() -> None:
    assert count_of(2, "person", "people") == "2 people"


def test_lists_read_as_a_sentence() -> None:
    from staffpulse.report.counts import join_and

    assert join_and([]) == "" and join_and(["a"]) == "a"
    assert join_and(["a", "", "b"]) == "a and b"
    assert join_and(["1 post", "2 accounts", "3 follows"]) == "1 post, 2 accounts and 3 follows"


def test_choices_read_as_a_sentence() -> None:
    from staffpulse.report.counts import join_or

    assert join_or(()) == "" and join_or(["vendor"]) == "vendor"
    assert join_or(["HR", "", "vendor"]) == "HR or vendor"
    assert (
        join_or(("staffing firm", "vendor", "HR", "other")) == "staffing firm, vendor, HR or other"
    )
