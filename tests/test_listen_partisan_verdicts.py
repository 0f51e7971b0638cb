"""A verdict on a party or a politician in the sentence that names them takes a side, whatever
work explainer follows (:func:`staffpulse.listen.partisan.read_politics`); a verdict reported,
asked, or passed on a thing takes none."""

from __future__ import annotations

import pytest

from staffpulse.listen.moderation import moderate


@pytest.mark.parametrize(
    "text",
    [
        "Trump's tariffs are a disaster and he knows it. Here's what it means for recruiters.",
        "The Tories have been a catastrophe for nurses. What our agency sees on the wards:",
        "Biden is clueless on inflation. Three ways recruiters can respond to pay requests.",
        "Labour's manifesto is an absolute joke. Here is how it changes employer NI for staffing firms.",
        "The GOP is destroying unions. Our guide to organising rights at work:",
        "Democrats are incompetent, full stop. Anyway, five tips for your first week as a temp.",
        "Honestly the Republicans are a total mess. Hiring freeze update below for federal contractors.",
        "Trump is reckless with the economy. What this means for warehouse hiring in Q3:",
        "The Liberals were a failure on immigration. How employers can still sponsor workers:",
        "Trump's a disaster for small business. Our payroll checklist for the new tariffs.",
    ],
)
def test_a_verdict_on_a_party_or_a_politician_takes_a_side_before_an_explainer(text: str) -> None:
    assert moderate(text).partisan


@pytest.mark.parametrize(
    "text",
    [
        "Trump's tariffs take effect Monday. Here's what it means for recruiters.",
        "Critics say Labour's plan is a mess. Here's what it means for temps.",
        "Is the GOP's overtime bill a disaster for staffing agencies? Our read.",
        "Economists warn the Tories' budget could be a catastrophe for care homes; employers respond.",
        "Our launch event was a disaster: the projector died. Lessons for recruiters.",
        "Skills trump degrees, and a bad hire is a disaster for a small team.",
        "Biden signed the infrastructure bill. Construction firms are hiring electricians.",
        "The Democrats' jobs report shows 200k new roles. Which sectors are hiring?",
        "Our interview process was a mess last year; here is how we fixed it.",
        "Labour Party conference careers fair: 30 employers hiring on the day.",
        "Republicans accused Democrats of a failure on border jobs; our take on seasonal hiring visas.",
        "The Tory government raised the minimum wage; our pay guide for temps and agency workers is updated.",
        "Trump Tower is hiring concierge staff, apply on their site.",
        "This payroll migration was a total disaster. Anyone else on the new system?",
        "Is the Tory plan clueless or clever? Recruiters weigh in on the NI rise.",
    ],
)
def test_a_verdict_reported_asked_or_on_a_thing_takes_no_side(text: str) -> None:
    assert not moderate(text).partisan
