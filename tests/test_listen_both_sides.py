"""Two parties named together on work report where both stand
(:mod:`staffpulse.listen.both_sides`): the inbox offers the post (with its politics caution where
it names a party), not left out as partisan; a jab, a quarrel or two parties named with no work in
it still is."""

from __future__ import annotations

import pytest

from staffpulse.listen.both_sides import names_both_sides_on_work, takes_a_side
from staffpulse.listen.moderation import moderate


@pytest.mark.parametrize(
    "text",
    [
        "Republicans and Democrats agree on one thing: the skilled trades need more workers",
        "Labour and the Conservatives both pledge to raise the minimum wage; what it means for temps",
        "Democrats and Republicans back the apprenticeship bill, good news for employers hiring welders",
        "Tories and Labour agree nurses need a pay rise. Agencies, get ready.",
        "GOP and Dems united on one thing: we are short of workers in construction",
        "The Greens and the SNP both want a four-day work week pilot",
        "Labour and Tories both promise more hiring in the NHS",
        "Republicans & Democrats want more training for skilled workers",
        "Both Democrats and Republicans say the skilled trades are the future of jobs",
        "Liberals and Conservatives agree on overtime rules for gig workers",
    ],
)
def test_two_parties_named_together_on_work_take_no_side(text: str) -> None:
    assert names_both_sides_on_work(text)
    assert not moderate(text).partisan


@pytest.mark.parametrize(
    "text",
    [
        "Republicans and Democrats are all the same, useless",
        "Republicans and Democrats both fund endless wars",
        "Labour and the Tories are fighting again tonight",
        "Democrats are ruining the trades. Republicans get it.",
        "Tories and Labour both failed the north, again",
        "Tories and Labour: same shit, different tie",
        "Dems and GOP both lied about the border",
        "Vote Labour and save the NHS",
        "Republicans and Democrats agree the skilled trades are a disaster, shame on both",
        "The Democrats and the Republicans met in Ohio today",
        "Democrats and Democrats for Life held a rally",
        "The Labour and Tory candidates debated foreign policy",
        "Republicans and Democrats, who won the debate?",
        "Democrats and Republicans argue over the budget deadline tonight",
        "Conservatives and Liberals clash over the carbon tax again",
    ],
)
def test_parties_quarrelled_over_or_named_with_no_work_stay_partisan(text: str) -> None:
    assert moderate(text).partisan


@pytest.mark.parametrize(
    "text",
    [
        # our own texts: two parties named on work, then a side taken or both run down
        "Democrats and Republicans both talk about wages, but only Biden raised them. Vote blue",
        "Labour and the Tories promise jobs every election; time for the Greens",
        "Republicans and Democrats agree on hiring freezes. Go vote Reform in May",
        "GOP and Dems both say they back nurses' pay, both are bought by hospital lobbies",
        "Tories and Labour will both wreck hiring in the north",
        "Unlike Republicans and Democrats, the Libertarians will protect jobs",
        "Labour and the Tories both talk apprenticeships, but Starmer delivered them",
    ],
)
def test_two_parties_on_work_with_a_side_taken_are_partisan(text: str) -> None:
    assert not names_both_sides_on_work(text)


def test_a_side_run_down_as_the_subject_takes_a_side_and_its_news_does_not() -> None:
    # our own texts
    assert takes_a_side("The Greens hate small business owners. Here's what it means for employers")
    assert takes_a_side("Labour wrecked the apprenticeship levy, our guide for employers")
    assert not takes_a_side("Democrats and Republicans pass the apprenticeship bill 61-39")
