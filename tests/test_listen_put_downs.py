"""Put-downs the inbox never offers a staffing firm (:mod:`staffpulse.listen.put_downs`): a
protected group vilified, or someone's work status thrown at them as an insult; talk about
discrimination or about being out of work is none."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from staffpulse.listen import put_downs
from staffpulse.listen.moderation import moderate
from staffpulse.signals.batch_scan import top_level_alternatives


@pytest.mark.parametrize(
    "text",
    [
        "Women shouldn't be hired as engineers, they just can't handle it. Am I wrong?",
        "Illegal immigrants are stealing our jobs. Time for HR to check papers harder?",
        "Never hire anyone over 50, they can't learn new tools",
        "Stop hiring women for sales roles lol",
        "Honestly men are just broken women, no wonder the night crew is a mess",
    ],
)
def test_put_downs_of_a_protected_group_are_hostile(text: str) -> None:
    assert moderate(text).hostile


@pytest.mark.parametrize(
    "text",
    [
        "Companies don't hire older workers and it is a scandal",
        "Why don't companies hire older workers?",
        "Women are underpaid in tech. What are you doing about it?",
        "Immigrants are taking jobs nobody else wants, and farms depend on them",
        "How do you support moms returning to work after maternity leave?",
    ],
)
def test_talk_about_discrimination_is_not_a_put_down(text: str) -> None:
    assert not moderate(text).hostile


@pytest.mark.parametrize(
    "text",
    [
        "I'd report you to your boss, but everyone knows you're jobless and living off your mum",
        "Typical take from someone who's a welfare queen, sit down",
        "Nobody asked you, you jobless loser",
        "Go get a real job, you freeloader",
        "Lol ur unemployed and on benefits, stop lecturing people about hard work",
    ],
)
def test_work_status_thrown_as_an_insult_is_hostile(text: str) -> None:
    assert moderate(text).hostile


@pytest.mark.parametrize(
    "text",
    [
        "If you're unemployed right now, which job boards are actually worth your time?",
        "Been unemployed and on benefits for 6 months. How do I explain the gap in interviews?",
        "Thank you unemployed folks who came to our job fair, 40 offers made!",
        "How do you get a job in logistics with no experience?",
    ],
)
def test_talk_about_being_out_of_work_is_not_a_put_down(text: str) -> None:
    assert not moderate(text).hostile


# the group rule runs only on a text that names a group (or holds the kitchen jibe): a
# put-down the pre-filter missed (a new alternative, a group written into one rule alone) would
# be offered to a firm, and counted as a human voice in its audit
GROUP_ALTERNATIVES = [
    pytest.param(re.compile(alternative, put_downs._GROUP_PUT_DOWN_RE.flags), id=f"{n}")
    for n, alternative in enumerate(top_level_alternatives(put_downs._GROUP_PUT_DOWN_RE.pattern))
]


@pytest.mark.parametrize("alternative", GROUP_ALTERNATIVES)
def test_every_put_down_of_a_group_passes_the_pre_filter(alternative: re.Pattern[str]) -> None:
    @settings(max_examples=25, deadline=None, derandomize=True, database=None)
    @given(st.from_regex(alternative, fullmatch=True))
    def passes(text: str) -> None:
        assert put_downs._GROUP_NAMED_RE.search(text), text

    passes()


def test_the_group_pre_filter_leaves_out_texts_that_name_no_group() -> None:
    assert len(GROUP_ALTERNATIVES) == 8  # the test above reads each
    assert not put_downs._GROUP_NAMED_RE.search("Our mentor program placed 12 menders this month")
    assert put_downs.puts_down("Women shouldn't be hired as welders")


@pytest.mark.parametrize(
    "text",
    [
        "These immigrants are animals, send them all back.",
        "Refugees are vermin and the council keeps housing them",
        "Honestly muslims are a cancer on this town",
        "Migrants are nothing but parasites living off our taxes",
        "Islam is a disease, wake up",
        "Another swarm of migrants crossed last night",
        "Mexicans are rats, every one of them",
        "Foreigners are filthy animals who ruin every neighbourhood",
        "Gay people are an infestation in our schools",
        "Illegals are savages. Deport the lot",
        "So many asylum seekers in the hotel down the road, send em all home",
        "women are just animals lol",
    ],
)
def test_a_group_called_vermin_is_hostile(text: str) -> None:
    assert moderate(text).hostile


@pytest.mark.parametrize(
    "text",
    [
        "Our warehouse cats are animals, they caught three mice before the morning shift",
        "Pest control jobs open in Leeds, £28k plus van",
        "The plague of back-to-back meetings is killing my focus",
        "The girls on our sales floor are party animals at every offsite",
        "We work like animals on peak weeks and the overtime barely covers it",
        "Migrants are treated like animals in some warehouses, and agencies must check their clients",
        "Women are animals in the weight room, our site's fitness challenge is wild",
        'The minister said "refugees are a plague" and the backlash was immediate',
        "Refugees are rebuilding careers here: 40 placed in care roles this spring",
        "Send them all back to the supplier, the hi-vis vests came in the wrong size",
        "Immigrants bring skills our farms need, and the paperwork is the problem",
        "Our interns are animals at the pub quiz",
        "Veterinary nurse wanted: you'll care for farm animals and pets",
        "A swarm of bees shut the loading bay for an hour",
        "Muslims at our site asked for a prayer room; how did your firm handle it?",
        "The rats in the staff kitchen are back, facilities say next week",
        "Cancer survivors returning to work deserve flexible hours",
    ],
)
def test_an_animal_in_its_own_sense_or_a_quote_reported_is_no_put_down(text: str) -> None:
    assert not moderate(text).hostile
