"""One list of swear words (staffpulse.listen.swearing): the inbox's "strong language" caution
and the audit's posts never to imitate read the same words (hand-written posts)."""

from __future__ import annotations

import pytest

from staffpulse.audit.profanity import swears as audit_swears
from staffpulse.listen.swearing import swears_strongly as inbox_swears


@pytest.mark.parametrize(
    "text",
    [
        "fml, third double shift this week and the rota is still wrong",
        "This f***ing rota app lost my shifts again",
        "Payroll ate my overtime again #shitclientssay",
        "Whoever wrote this rota is a wanker",
        # starred past its first letter
        "S*** agency recruiters say, a new video for the office",
    ],
)
def test_a_strong_word_is_one_for_the_inbox_and_the_audit(text: str) -> None:
    assert inbox_swears(text)
    assert audit_swears(text)


@pytest.mark.parametrize(
    "text",
    [
        "Damn, this new scheduling tool actually works",
        "What the hell is going on with payroll this month",
        "This rota is crap but at least it is on time",
    ],
)
def test_a_mild_word_is_none_for_either(text: str) -> None:
    assert not inbox_swears(text)
    assert not audit_swears(text)


def test_a_crude_word_is_never_imitated_but_earns_no_caution_on_someone_elses_post() -> None:
    text = "Pissed that my agency cut my hours without telling me"
    assert audit_swears(text)
    assert not inbox_swears(text)


@pytest.mark.parametrize(
    "text",
    [
        "Shite pay for a twelve hour shift, again",
        "The fuckery at the depot today, three managers and no rota",
        "Shitting myself before this panel interview",
        "A shitload of unpaid overtime this month",
        "Onboarding was a f**kin mess from start to finish",
    ],
)
def test_any_word_fuck_or_shit_starts_earns_the_caution(text: str) -> None:
    assert inbox_swears(text)
    assert audit_swears(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our new payroll lead Dick Turner starts Monday",
        "Dick's Hardware is taking on seasonal staff this fall",
        "The plumber fixed the stop cock in the staff kitchen",
    ],
)
def test_a_name_or_a_thing_earns_no_caution_but_is_still_never_imitated(text: str) -> None:
    assert not inbox_swears(text)
    assert audit_swears(text)


@pytest.mark.parametrize(
    "text", ["Our Shiite colleagues asked for a quiet room", "Fukushima office opens in May"]
)
def test_words_that_only_start_like_one_are_none_for_either(text: str) -> None:
    assert not inbox_swears(text)
    assert not audit_swears(text)
