"""How a text's words are matched to the workplace themes: acronyms in capitals only ("RN",
not "rn"), hyphens aside ("return-to-office"), and no theme word read in a link or a mention."""

from __future__ import annotations

import pytest

from staffpulse.listen.topic_theme_scores import theme_of, theme_scores


def test_an_acronym_counts_in_capitals_only() -> None:
    assert theme_of("The RN shortage is real") == "healthcare"
    assert "healthcare" not in theme_scores("the rn shortage is real")


def test_hyphens_do_not_hide_a_phrase() -> None:
    assert theme_of("return-to-office starts Monday") == "remote"
    assert theme_scores("Return to office starts Monday") == theme_scores(
        "return-to-office starts Monday"
    )


def test_words_in_links_and_mentions_are_not_read() -> None:
    scores = theme_scores("see https://example.com/nurse-shortage-RN via @RN_nurse")
    assert "healthcare" not in scores


def test_a_cv_at_the_gym_is_no_resume_theme() -> None:
    assert theme_of("Leg day done, then 20 minutes of CV on the cross-trainer") is None
    assert theme_of("Can someone look over my CV before Friday?") == "resumes"


def test_report_the_verb_is_no_hiring_report() -> None:
    # reporting harassment is an HR matter; a report that shows something is research
    assert theme_of("How do you report harassment at work when the owner is the one doing it?") == (
        "hr"
    )
    assert theme_of("Who do I report it to if HR is his friend and he keeps commenting?") == "hr"
    assert theme_of("The new staffing report shows temp hiring slowed in Q3") == "trends"


def test_groping_at_work_is_an_hr_matter_and_elsewhere_no_theme() -> None:
    # "in the office" alone would file it under Remote & flexible work, "to report?" under
    # Hiring trends & reports
    assert theme_of("Got groped at the staff party in the office. Should I say something?") == "hr"
    assert theme_of("I was groped at our staff party, is that something to report?") == "hr"
    assert theme_of("My supervisor keeps groping people and nobody stops him") == "hr"
    # no workplace word beside it: a headline, a politician "in office"
    assert theme_of("A singer says a fan groped her at the concert") is None
    assert theme_of("Senator accused of groping an aide while in office") is None


@pytest.mark.parametrize(
    "text",
    [
        # our own texts: an offer quoted to scoff at its pay is talk about pay
        "The bakery down the road is hiring bakers for $8 an hour lol good luck with that",
        "Saw a depot hiring night loaders at $9/hr. Who'd take that?",
        "Clinic hiring receptionists at $10 an hour, good luck finding anyone",
    ],
)
def test_an_offer_quoted_to_scoff_at_its_pay_is_filed_under_pay(text: str) -> None:
    assert theme_of(text) == "pay"


def test_an_opening_with_its_pay_is_still_a_job_opening() -> None:
    assert theme_of("The bakery is hiring bakers for $18 an hour, apply today") == "job_ads"
