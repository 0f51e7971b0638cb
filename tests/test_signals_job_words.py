"""Words job ads share: a direct message asked for a view is no call to apply."""

from __future__ import annotations

import pytest

from staffpulse.signals.job_ads import find_staffing_ads, looks_like_job_ad
from staffpulse.signals.job_ads_talk import find_hiring_talk
from staffpulse.signals.job_words import drop_calls_for_views


@pytest.mark.parametrize(
    "text",
    [
        "Weekly pay beats everything else my last employer offered, DM me if you disagree",
        "Same-day pay is all over gig apps now, what do you think? DM us",
        "Sign-on bonus or weekly pay, which wins for you? DM me your thoughts",
        "Per diem on the road is $60 where I drive. Thoughts? DM me!",
        "Weekly pay is overrated imo. DM me if you have a different view",
    ],
)
def test_pay_talked_of_with_a_message_asked_for_a_view_is_no_ad(text: str) -> None:
    assert not find_staffing_ads([text])[0]
    assert not looks_like_job_ad(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pickers and packers, weekly pay, $18/hr in Akron. DM me",
        "Same-day pay on every warehouse shift this month. Thoughts? DM us to apply",
        "Forklift drivers, $21/hr, weekly pay. DM us your experience and availability",
        "Night RN in Toledo, $52/hr. DM me if you agree to 3x12s, we start Monday",
    ],
)
def test_a_message_asked_for_the_work_is_still_a_call_to_apply(text: str) -> None:
    assert find_staffing_ads([text])[0]
    assert looks_like_job_ad(text)


@pytest.mark.parametrize(
    "text",
    [
        "Weekly pay for pickers, $18/hr. What do you think? DM us",
        "$19/hr for packers in Canton, weekly pay. Thoughts? DM us",
        "Sign-on bonus for CNAs, $24/hr. DM me if you have a story to share too",
        "Now paying $900 a week to drivers, local routes. Thoughts? DM me",
    ],
)
def test_a_named_role_at_its_rate_is_an_offer_whatever_view_it_asks(text: str) -> None:
    assert find_staffing_ads([text])[0]
    assert not find_hiring_talk([text])[0]


@pytest.mark.parametrize(
    "text",
    [
        "Pickers make $18/hr at my warehouse and it's not enough, DM me if you disagree",
        "Paying pickers $15/hr in 2024 is a joke, DM me if you agree",
        "I got $18/hr as a picker last year, DM me if you relate",
        "Forklift drivers earning $22/hr is the new normal, DM me if you think otherwise",
    ],
)
def test_a_rate_told_of_with_a_verb_and_a_view_asked_is_no_ad(text: str) -> None:
    assert not find_staffing_ads([text])[0]


def test_an_opinion_asked_with_a_message_is_talk_about_hiring() -> None:
    talk = "Should shift workers get same-day pay by law? #hiring #jobs What do you think? DM us"
    ad = "Same-day pay for all pickers in Dayton, $19/hr. #hiring DM us to apply"
    assert find_hiring_talk([talk, ad]).tolist() == [True, False]


def test_the_call_asked_for_a_view_is_blanked_at_its_own_length() -> None:
    text = "Daily pay at $20/hr sounds fine, DM me if you disagree. Apply at the front desk"
    dropped, lowered = drop_calls_for_views(text, text.lower())
    assert len(dropped) == len(text)
    assert "DM me" not in dropped
    assert dropped.startswith("Daily pay at $20/hr sounds fine, ")
    assert dropped.endswith(". Apply at the front desk")
    assert lowered == dropped.lower()
    # a post holding no word of a view is passed through untouched
    plain = "Pickers wanted, $19/hr, DM me"
    assert drop_calls_for_views(plain, plain.lower()) == (plain, plain.lower())


@pytest.mark.parametrize(
    ("text", "is_ad"),
    [
        # a figure's source with what it found is news in a listing's shape too: the listing
        # reading and the reported pay take the same words for it
        ("Pipefitters in Denver, $37/hr, polls find", False),
        ("Glaziers in Boise, $31/hr, as studies find", False),
        ("Roofers in Tulsa, $29/hr, new data reveals", False),
        ("Pipefitters in Denver, $37/hr", True),
        ("Glaziers in Boise, $31/hr, 2nd shift", True),
    ],
)
def test_a_listing_that_cites_a_study_is_news_not_an_opening(text: str, is_ad: bool) -> None:
    assert bool(find_staffing_ads([text])[0]) is is_ad
