"""A job offered to the room in the writer's own words, ending with a question: left out of the
inbox as the job ad it is and counted so, while questions about hiring stay in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from _listen_fakes import SureScorer
from staffpulse.listen.inbox import build_inbox
from staffpulse.listen.job_offers import asks_hiring_advice, offers_a_job, scoffs_at_an_offer
from staffpulse.listen.left_out import left_out_note
from staffpulse.listen.rank_signals import is_job_ad
from staffpulse.models import Post
from staffpulse.sources.base import provenance
from staffpulse.store import open_store

OFFERS = [
    "Hiring a part-time receptionist for our dental office in Austin. Who wants it?",
    "My company is hiring remote customer support reps, $18/hr. Anyone looking?",
    "Our clinic is looking for two RNs for night shifts, know anyone who'd be a fit?",
    "Who wants a job? We need 5 warehouse pickers starting Monday.",
    "I have an opening on my team for a junior developer. Interested? DM me.",
    "Looking for a freelance graphic designer for a 2-week project, any takers?",
    # a call to apply in other words: a message or an application asked for
    "We're looking for an office manager in Leeds, inbox me",
    "I'm looking for two line cooks, submit your application at the front desk",
]
NOT_OFFERS = [
    "I'm looking for a new job, anyone hiring?",
    "Is anyone hiring? I just got laid off and need something fast.",
    "I'm looking for a recruiter who specializes in nursing, know anyone?",
    "We're looking for feedback on our interview process, DM me",
    "Is it true that hiring managers ignore cover letters now? What do you think?",
    "Any recruiters here hiring for remote data analyst roles? I've been searching for months.",
    "Call me old-fashioned, but we're hiring for attitude over degrees. Does that still work?",
    # a thing sought, or a recommendation asked for, is no job offered
    "We're looking for a venue for our team offsite. DM me if you know one!",
    "Looking for a podcast about hiring trends. Anyone have one? DM me",
    "I'm looking for a good payroll accountant in Austin, know a good one?",
    # a provider sought for the writer's own needs is a customer's search, not a hire
    "I'm looking for a reliable plumber in Denver, DM me",
    "Need a photographer for our wedding in June, anyone available?",
    # a relative or a friend is no workplace: "is looking for" a provider stays a search
    "My aunt is looking for a reliable electrician in Leeds, DM me",
]


@pytest.mark.parametrize("text", OFFERS)
def test_a_job_offered_with_a_call_for_candidates_is_an_offer(text: str) -> None:
    assert offers_a_job(text)


@pytest.mark.parametrize("text", NOT_OFFERS)
def test_looking_for_work_or_asking_about_hiring_is_no_offer(text: str) -> None:
    assert not offers_a_job(text)


def test_the_inbox_leaves_job_offers_out_and_counts_them_as_job_ads(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    texts = [*OFFERS[:3], NOT_OFFERS[1], NOT_OFFERS[4], ADVICE]
    posts = [
        Post(platform="mastodon", id=f"p{i}", author_id=f"u{i}", text=text,
             created_at=now - timedelta(hours=1))
        for i, text in enumerate(texts)
    ]  # fmt: skip
    with open_store(tmp_path / "inbox.db") as store:
        store.upsert(posts, provenance("twarc2", tmp_path / "search.jsonl"))
        scorer: Any = SureScorer()
        result = build_inbox(store, text_model=scorer, role_model=None)
    assert sorted(i.conversation_id for i in result.items) == ["p3", "p4", "p5"]
    assert result.left_out == {"job_ad": 3}
    assert left_out_note(result.left_out) == "left out 3 job ads: not conversations to join"
    assert any(left_out_note(result.left_out) in note for note in result.notes)


ADVICE = "We're hiring but nobody applies to our night shift jobs. What are we doing wrong?"


def test_an_employer_asking_for_help_with_its_hiring_is_no_ad() -> None:
    assert asks_hiring_advice(ADVICE)
    assert asks_hiring_advice("We're hiring 3 nurses and nobody applies. Any advice?")
    # a way to apply makes the question a hook, as in any ad
    assert not asks_hiring_advice(
        "Now hiring forklift drivers $20/hr. Any tips for finding good ones?"
    )
    assert not asks_hiring_advice(
        "We're hiring nurses! Any questions? Apply at https://acme.example/jobs"
    )
    assert not asks_hiring_advice(
        "We're hiring nurses in Denver. DM me. Any advice on the commute?"
    )
    # a struggle filed under #hiring is still a question, and the tag no sentence of its own
    assert asks_hiring_advice("We're hiring but no one shows up. What am I doing wrong? #hiring")
    assert not asks_hiring_advice("We're hiring welders in Lima! Any questions? #hiring")


@pytest.mark.parametrize(
    "text",
    [
        "My lab is hiring in soil ecology (broadly read). 2-2 teaching load, tenure-track. Not bad!",
        "Our clinic is hiring two front-desk staff, $19/hr with weekends off",
        # any workplace of the writer's hires, not only the ones a list would name
        "Our corner bakery is hiring early-morning bakers, $17/hr and free bread",
        "My little bike shop is hiring a mechanic, $22/hr. Anyone interested?",
    ],
)
def test_a_job_offered_with_its_terms_is_an_ad_without_a_call(text: str) -> None:
    assert offers_a_job(text)


@pytest.mark.parametrize(
    "text",
    [
        # a workplace the writer left, or one of the town or of their children: a complaint
        # about its pay, not an opening passed on
        "My old company is hiring again after laying off 200 of us, for $18/hr instead of $24/hr",
        "Our local hospital is hiring nurses at $22/hr while the CEO took home $4m. Shameful",
        "My kids' school is hiring teaching aides at $15/hr, no wonder nobody stays",
    ],
)
def test_pay_grumbled_at_in_a_workplace_not_the_writers_own_is_no_job_offered(text: str) -> None:
    assert not offers_a_job(text)
    assert not is_job_ad(text, None, 0.5)


def test_a_struggle_to_hire_or_terms_with_no_offer_is_no_job_offered() -> None:
    assert not offers_a_job("We're hiring for a full-time role and nobody applies. Any advice?")
    assert not offers_a_job("Is a 2-2 teaching load normal for a tenure-track post these days?")
    # the job's terms, then a question to peers on it: no call for candidates
    assert not offers_a_job("I'm hiring a tenure-track post this year. Should I ask for a CV?")


@pytest.mark.parametrize(
    "text",
    [
        # the pay said to be too low for anyone: a complaint, whatever hiring it names
        "Our clinic is hiring again and I don't know anyone who'd take $15/hr for nights",
        "My store is hiring again and nobody would take $14/hr for weekend closes",
    ],
)
def test_pay_said_to_be_too_low_is_a_complaint_not_an_offer(text: str) -> None:
    assert not offers_a_job(text)
    assert not is_job_ad(text, 0.1, 0.5)


def test_pay_offered_to_whoever_takes_it_is_still_an_offer() -> None:
    assert offers_a_job("We're hiring again. Anyone who'd take $16/hr for weekend closes, DM me")


@pytest.mark.parametrize(
    "text",
    [
        # our own texts: an ad that wishes luck to those who hire elsewhere is still an ad
        "Job alert: forklift lead, $26/hr, paid training. Good luck finding a crew that treats you better",
        "We're hiring line cooks at $21 an hour. Good luck finding a kitchen this friendly!",
        "Now hiring camp counselors! $18/hr. Good luck with that sunburn",
        "Open position: payroll clerk, $52k. Agencies, good luck finding someone who knows ADP",
    ],
)
def test_an_ad_that_wishes_luck_stays_an_ad(text: str) -> None:
    assert not scoffs_at_an_offer(text)
    assert is_job_ad(text, 0.9, 0.5)


@pytest.mark.parametrize(
    "text",
    [
        # our own texts: luck wished to someone else's offer at a pay named
        "A gym near me is hiring trainers for $9 an hour. Good luck with that",
        "Now hiring: senior welder, $16/hr. Good luck finding people at that rate",
        "Saw a studio hiring an unpaid video editor, good luck finding anyone",
    ],
)
def test_luck_wished_to_an_offer_at_its_pay_is_a_scoff(text: str) -> None:
    assert scoffs_at_an_offer(text)
    assert not is_job_ad(text, 0.9, 0.5)


def test_luck_wished_with_no_pay_named_is_no_scoff() -> None:
    # a hiring lament: it may be many things, but it quotes no offer to scoff at
    assert not scoffs_at_an_offer(
        "Hiring is rough this season. Good luck finding anyone for weekends"
    )
