"""A post about a religion, ethnicity or nationality is offered "to imitate" only when it is
a straight post on a work matter."""

from __future__ import annotations

import pytest

from staffpulse.audit.identity_groups import names_identity_group, unfit_to_imitate


@pytest.mark.parametrize(
    "text",
    [
        "What did the Muslim robot say? Salaam, I'll be back.",
        "What do you call a Jewish chef on a glacier? Frozen kosher.",
        "A priest, a rabbi and a recruiter walk into a bar",
        "Why did the Irishman cross the road",
        "Happy St Patrick's Day to the Irish!",
        "Some folks are still afraid of brown skin, sad to see",
        "Another race baiter on the evening news tonight",
    ],
)
def test_a_joke_or_an_aside_about_a_group_is_never_to_imitate(text: str) -> None:
    assert unfit_to_imitate(text, humorous=False)


def test_the_humor_models_call_is_enough_even_on_a_work_matter() -> None:
    text = "Our Mexican recruiters on payroll day, every single time"
    assert not unfit_to_imitate(text, humorous=False)
    assert unfit_to_imitate(text, humorous=True)


@pytest.mark.parametrize(
    "text",
    [
        "Supporting our Muslim employees during Ramadan: flexible breaks on every shift",
        "Our Polish and Ukrainian candidates can now interview in their own language",
        "Jewish holidays and shift scheduling: how we plan leave for the team",
    ],
)
def test_a_straight_post_on_work_that_names_a_group_stays(text: str) -> None:
    assert names_identity_group(text)
    assert not unfit_to_imitate(text, humorous=False)


@pytest.mark.parametrize(
    "text",
    [
        "Polish your resume before the interview, lol",
        "Black Friday shift bonus, what a week haha",
        "Thanks @IrishTimes for the feature https://example.com/muslims-at-work",
        "What do you call a recruiter with no coffee? Unemployable lol",
        "a jewel of a candidate",
    ],
)
def test_a_common_word_or_a_joke_about_no_group_is_left_alone(text: str) -> None:
    assert not names_identity_group(text)
    assert not unfit_to_imitate(text, humorous=True)
