from __future__ import annotations

from typing import Any

from staffpulse.audit.advice import is_praise, split_points, top_actions
from staffpulse.audit.types import PillarResult, Praise

EQUAL = {"face": 0.25, "mix": 0.25, "voice": 0.25, "conversation": 0.25}


def pillar(name: str, score: int | None, *advice: str) -> PillarResult:
    return PillarResult(
        name=name, score=score, evidence={}, recommendations=list(advice), scored=score is not None
    )


def pillars(**given: tuple[int | None, list[str]]) -> dict[str, PillarResult]:
    return {name: pillar(name, score, *advice) for name, (score, advice) in given.items()}


def test_praise_is_no_action_and_fewer_actions_are_listed_when_fewer_are_needed() -> None:
    audit = pillars(
        face=(96, [Praise("Your profile looks human: … Refresh the photo once a year.")]),
        mix=(100, [Praise("Only 10% of your posts are job ads: a healthy mix.")]),
        voice=(100, [Praise("60% of your posts sound human: keep it up.")]),
        conversation=(60, ["Only 3 of your 40 posts are replies to others. Spend 10 minutes."]),
    )
    actions = top_actions(audit, EQUAL)
    assert [a["pillar"] for a in actions] == ["conversation"]
    assert "Refresh the photo" not in str(actions)
    assert audit["face"].recommendations  # the pillar still shows its praise


def test_the_advice_of_a_pillar_shares_its_gap_and_the_points_add_up() -> None:
    # Conversation at 28 can add 0.25 × 72 = 18 points: its three actions share them
    audit = pillars(
        face=(100, [Praise("Looks human.")]),
        mix=(100, [Praise("A healthy mix.")]),
        voice=(100, [Praise("Keep it up.")]),
        conversation=(28, ["Answer your mentions.", "Reply to others.", "Share posts."]),
    )
    actions = top_actions(audit, EQUAL)
    assert [a["points"] for a in actions] == [6, 6, 6]
    assert {a["pillar_points"] for a in actions} == {18}
    assert sum(a["points"] for a in actions) == 18  # never 3 × 18


def test_points_never_add_up_to_more_than_the_score_is_missing() -> None:
    audit = pillars(
        face=(27, ["Upload a photo.", "Add a person to your name."]),
        mix=(0, ["Alternate job posts.", "No long runs.", "Bundle openings."]),
        voice=(41, ["Rewrite templates.", "Post a story."]),
        conversation=(11, ["Reply to others.", "Talk with more people.", "Share posts."]),
    )
    actions = top_actions(audit, EQUAL)
    overall = sum(p.score or 0 for p in audit.values()) / 4
    assert len(actions) == 3
    assert sum(a["points"] for a in actions) <= 100 - overall
    # the actions worth the most first: Mix's 25 points in three, Face's 18 in two, before
    # Conversation's 22 in three
    assert [(a["pillar"], a["points"]) for a in actions] == [("mix", 9), ("face", 9), ("face", 9)]


def test_one_action_worth_more_comes_before_a_bigger_gap_shared_by_many() -> None:
    audit = pillars(
        face=(52, ["Your picture is a logo: use a photo of a recruiter."]),
        mix=(100, [Praise("A healthy mix.")]),
        voice=(100, [Praise("Keep it up.")]),
        conversation=(40, ["Reply to others.", "Talk with more people.", "Share posts."]),
    )
    actions = top_actions(audit, EQUAL)
    assert [(a["pillar"], a["points"]) for a in actions] == [
        ("face", 12),
        ("conversation", 5),
        ("conversation", 5),
    ]


def test_a_pillar_not_scored_wins_no_points_and_comes_last() -> None:
    audit = pillars(
        face=(70, ["Upload a photo of a person."]),
        mix=(None, ["Most of your posts are not in English: check them yourself."]),
        voice=(None, ["Most of your posts are not in English."]),
        conversation=(90, ["Share posts."]),
    )
    actions: list[dict[str, Any]] = top_actions(audit, EQUAL)
    assert actions[0]["pillar"] == "face"
    unscored = [a for a in actions if a["pillar"] in ("mix", "voice")]
    assert unscored and all(a["points"] == 0 for a in unscored)
    assert [a["pillar"] for a in actions].index("mix") > 0


def test_unchecked_data_goes_after_what_was_seen() -> None:
    audit = pillars(
        face=(40, ["We could not check your picture (no image).", "Fill in your bio."]),
        mix=(50, ["Alternate job posts."]),
        voice=(100, [Praise("Keep it up.")]),
        conversation=(100, [Praise("You engaged 40 accounts in 90 days: keep showing up.")]),
    )
    actions = top_actions(audit, EQUAL)
    assert [a["action"][:8] for a in actions] == ["Alternat", "Fill in ", "We could"]


def test_praise_is_recognised() -> None:
    assert is_praise(Praise("Your profile looks human."))
    assert not is_praise("Your picture is a logo.")
    # the wording never decides: only the marker does
    assert not is_praise("You engaged 9 accounts in 90 days: keep showing up.")


def test_split_points() -> None:
    assert split_points(18.0, 3) == [6, 6, 6]
    assert split_points(10.4, 3) == [4, 3, 3]
    assert split_points(0.2, 2) == [0, 0]
    assert split_points(5.0, 0) == []
