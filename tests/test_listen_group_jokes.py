"""mocks_a_group: a joke at a protected group's expense is hostile; a team's own people are not."""

from __future__ import annotations

from staffpulse.listen.group_jokes import mocks_a_group
from staffpulse.listen.moderation import moderate


def test_a_riddle_on_a_group_is_hostile_but_a_team_speaking_of_its_own_is_not() -> None:
    riddle = "What do you call a room full of immigrants at a job fair? A Tuesday."
    assert mocks_a_group(riddle) and moderate(riddle).hostile
    ours = "We welcomed four refugees to our warehouse crew this month, proud of them all."
    assert not mocks_a_group(ours, 0.9) and not moderate(ours, 0.9).hostile
