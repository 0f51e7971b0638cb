"""The workplace's own matters in the work vocabulary: harassment, unions, shifts, discipline,
benefits, and the near misses of those words (split from test_listen_work_terms.py)."""

from __future__ import annotations

import pytest

from staffpulse.listen.work_terms import dwells_on_work, names_work_matter, work_subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # harassment at work, the staff party, a union's vote, the writer's shifts and hours,
        # discipline: the workplace's own matters, even when the classifier misses them
        (
            "Where do you even file a harassment complaint when the owner is the one doing it?",
            "workers' rights",
        ),
        ("Is it normal to get no help after harassment at work? Asking for me.", "workers' rights"),
        ("Someone got handsy at the office christmas party and nobody said a word", "the workplace"),
        ("Warehouse crew is voting Thursday on whether to unionize. Nervous.", "unions"),
        ("Is it legal for them to hold meetings against our union drive on paid time?", "unions"),
        ("Third week running my shift got cut to four hours", "shifts"),
        ("Got called in to cover a Sunday, third time this month", "shifts"),
        ("Got written up for being two minutes late by a supervisor who is always late", (
            "discipline at work"
        )),
        ("They put me on a performance improvement plan after one bad month", (
            "discipline at work"
        )),
        ("Stayed 40 minutes after close again, not being paid a cent for it", "pay"),
        ("My team lead keeps booking meetings at 5:55pm", "managers"),
    ],
)  # fmt: skip
def test_the_workplaces_own_matters_are_work(text: str, subject: str) -> None:
    assert names_work_matter(text)
    assert work_subject(text) == subject


@pytest.mark.parametrize(
    "text",
    [
        "The European Union vote on fishing quotas was delayed again",
        "Our credit union dues went up two dollars this year",
        "Chem lab today: the unionized acid slips through the membrane",
        "Online harassment of streamers is out of control",
        "Why did the staff party end so early? Nobody brought a conductor.",
        "The officer wrote me up for a broken tail light",
        "Spent my day off repotting every plant in the flat",
    ],
)
def test_near_misses_of_the_workplace_words_are_no_work_matter(text: str) -> None:
    assert not names_work_matter(text)


def test_the_writers_own_shift_or_supervisor_is_said_in_passing() -> None:
    # like "my boss": a thread may be about work, but alone it does not dwell on it
    assert not dwells_on_work("My shift starts at noon, lunch first")
    assert not dwells_on_work("My supervisor brought donuts")
    assert dwells_on_work("Our union vote is next week, is that mandatory meeting legal?")


def test_a_cv_at_the_gym_is_cardio_not_a_resume() -> None:
    gym = "Leg day done, then 20 minutes of CV on the cross-trainer"
    assert not names_work_matter(gym) and work_subject(gym) is None
    assert work_subject("Can someone look over my CV before Friday?") == "résumés"


def test_a_union_quipped_about_after_a_coworker_is_about_the_coworker() -> None:
    quip = "My coworker reheats curry at 9am daily. Polite way to raise it, or do I just start a union?"
    assert work_subject(quip) == "the workplace"
    assert work_subject("Our union vote is next week and they keep calling mandatory meetings") == (
        "unions"
    )


def test_a_benefits_enrollment_or_package_is_a_work_matter_not_any_benefit() -> None:
    # our labels call it work talk; it was left out as not about work
    assert names_work_matter("Finally did my benefits enrollment, so many plan options")
    assert names_work_matter("Their benefits package is the best I have been offered")
    assert not names_work_matter("The benefits of a morning walk are many")


@pytest.mark.parametrize(
    "text",
    [
        "So proud of our clinic: twenty years of early mornings and Friday cake today",
        "Hats off to my kitchen crew, the pass never looked this clean",
        "Shout out to my staff, they ran the whole weekend without me",
        "Proud of our team at the bakery for the busiest weekend we ever had",
    ],
)
def test_pride_in_ones_own_workplace_names_work_but_not_enough_to_dwell_on(text: str) -> None:
    assert names_work_matter(text) and not dwells_on_work(text)


@pytest.mark.parametrize(
    "text",
    [
        "Proud of our team tonight, what a comeback",
        "So proud of my son, he passed his test",
        # a yoga practice, a dog, friends, a rowing crew and a patient's thanks
        "So proud of my practice this year, finally held a headstand for a full minute",
        "So proud of my lab, she finally learned to fetch the ball",
        "Grateful for my crew, best weekend at the lake with these idiots",
        "Hats off to our crew, they rowed a blinder at the regatta",
        "Grateful for our hospital and everyone on ward 6 after my surgery",
    ],
)
def test_pride_in_a_side_a_child_a_pet_or_friends_names_no_work(text: str) -> None:
    assert not names_work_matter(text)
