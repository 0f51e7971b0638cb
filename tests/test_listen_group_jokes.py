"""mocks_a_group: a joke at a protected group's expense is hostile; a team's own people are not."""

from __future__ import annotations

from staffpulse.listen.group_jokes import mocks_a_group
from staffpulse.listen.moderation import moderate


def test_a_riddle_on_a_group_is_hostile_but_a_team_speaking_of_its_own_is_not() -> None:
    riddle = "What do you call a room full of immigrants at a job fair? A Tuesday."
    assert mocks_a_group(riddle) and moderate(riddle).hostile
    ours = "We welcomed four refugees to our warehouse crew this month, proud of them all."
    assert not mocks_a_group(ours, 0.9) and not moderate(ours, 0.9).hostile


def test_a_group_mocked_with_an_idiom_of_praise_is_still_hostile() -> None:
    # a mock borrows the praise one gives a person ("give that woman a medal" is sincere)
    for mock in (
        "Refugees took every night shift at the depot, give them a medal for working for crumbs lol",
        "Immigrants deserve an award for cramming ten people into one flat",
    ):
        assert mocks_a_group(mock, 0.95) and moderate(mock, 0.95).hostile
    one = "Noor in payroll fixed every payslip overnight, give that woman a medal"
    assert not mocks_a_group(one, 0.95) and not moderate(one, 0.95).hostile
