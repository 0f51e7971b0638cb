"""A profile that wears a side in politics, speaking for no body, is a person's (stop 37).
Hand-written accounts."""

from __future__ import annotations

import pytest

from role_helpers import rules_off
from staffpulse.signals.role_partisan_person import find_partisan_persons, wears_a_side
from staffpulse.signals.roles import load_role_model

PERSONS = [
    (
        "Dougal #ToriesOut #FBPPR",
        "Let's vote them out, fix the voting system and bring back free school meals.",
    ),
    ("Orla #FBPE #Resist", "Knowledge is power, and the future belongs to those who prepare!"),
    ("Harbour Heron", "Designer. Progressive. Kayaker. Loves maps, history and the sea."),
    ("Greener Days", "Tired of this shambolic government. A proud European and a cat person."),
    ("Valley Voices", "Remainer living by the sea with two collies."),
    ("Tam", "Mum | Socialist | Runner\nTea before talk."),
    # bullets bound a fragment as pipes do
    ("Tam", "Mum \u2022 Socialist \u2022 Runner"),
    ("Ailsa", "Gardener \u00b7 Progressive \u00b7 Night owl"),
    ("Kit #NeverVoteTory", "Allotment, bikes, bad puns. Hope we win the quiz."),
    ("Mo", "Lifelong Labour voter, retired nurse, grandad of four."),
]
BODIES_AND_BRANDS = [
    # a campaign, a party, a newsroom: organizations, left to the rule of parties and campaigns
    ("Vale for Europe #FBPE", "We campaign for the UK to rejoin the EU. Join us at our stall."),
    ("Elmshire Greens", "Green Party in Elmshire. Progressive. Local. Yours."),
    ("Vale Daily #FBPE", "Independent news for the valley."),
    ("Elmshire Workers", "Promoted by A. Jones on behalf of the Elmshire Workers. Socialist."),
    # the word qualifies a noun: a brand, a college, a band
    ("Progressive Roofing", "Progressive Roofing Ltd: slate and tile work since 1991."),
    ("Elmshire College", "Hill-town school of liberal arts and sciences since 1887."),
    ("The Lanterns", "Progressive rock from the valley. New album out in May."),
    ("Acme Outdoor", "Tents and boots. #WorkOut #ShoutOut #NeverGiveUp"),
    # a firm's values or its trade beside the label: a tagline, not a side worn
    ("Harbor Legal", "Family law in the valley. Modern. Progressive. Local."),
    ("Velo Parts", "Proud European manufacturer of bicycle parts since 1950."),
]


@pytest.mark.parametrize(("name", "bio"), PERSONS)
def test_a_side_worn_in_the_name_or_the_bio_reads_as_a_person(name: str, bio: str) -> None:
    assert wears_a_side(name, bio)


@pytest.mark.parametrize(("name", "bio"), BODIES_AND_BRANDS)
def test_a_body_speaking_or_a_word_qualifying_a_noun_is_not_read(name: str, bio: str) -> None:
    assert not wears_a_side(name, bio)


def test_empty_profiles_are_not_read() -> None:
    assert find_partisan_persons([None, ""], [None, "  "]).tolist() == [False, False]


def test_a_person_with_a_badge_in_the_name_is_no_organization_and_no_employer() -> None:
    # the heads read a display name with campaign hashtags over a slogan as an organization
    # and an employer (0.9+), so Connect's default "All but brands and public figures" kept it
    model = load_role_model()
    name, bio = PERSONS[0]
    with rules_off(model, "political_bios"):
        before = model.predict([name], [bio], None)
    assert (before.kind, before.role) == (["org"], ["employer"])
    after = model.predict([name], [bio], None)
    assert (after.kind, after.role) == (["person"], ["other"])
    assert after.p_org[0] == pytest.approx(0.3)


def test_a_person_role_is_kept_and_a_campaign_stays_an_organization() -> None:
    # an HR manager wearing a badge is still an HR manager; a campaign group is an
    # organization whose employer score the rule of parties and campaigns moves to other
    model = load_role_model()
    names = ["Priya Shah #FBPE", BODIES_AND_BRANDS[0][0]]
    bios = [
        "HR manager at a logistics firm. Payroll, onboarding, people policies.",
        BODIES_AND_BRANDS[0][1],
    ]
    out = model.predict(names, bios, None)
    assert out.role == ["hr_pro", "other"] and out.kind == ["person", "org"]


def test_a_staffing_firm_with_a_values_tagline_stays_a_staffing_firm() -> None:
    # "Progressive. Reliable. Local." read as a person's side: two staffing firms became
    # persons (vendor), out of Connect's "Staffing firms" and out of the league's firms
    model = load_role_model()
    names = ["Northgate Staffing", "Brightside Recruitment"]
    bios = [
        "Staffing for industry since 1998. Progressive. Reliable. Local.",
        "Recruitment agency for nurses | Progressive | Ethical | Fast",
    ]
    out = model.predict(names, bios, None)
    assert out.role == ["staffing_firm", "staffing_firm"] and out.kind == ["org", "org"]


def test_a_candidates_fan_tags_read_as_a_person() -> None:
    """Stop 39: a candidate's fans' tags in a profile whose name is a slogan read as an
    organization's."""
    model = load_role_model()
    name, bio = "#CountEveryVote | Lu", "#Harris2024 #BuildBackBetter | pottery, hikes"
    assert wears_a_side(name, bio) and wears_a_side("Mo", "#ImWithHer | gardener")
    with rules_off(model, "political_bios"):
        assert model.predict([name], [bio], None).kind == ["org"]
    assert model.predict([name], [bio], None).kind == ["person"]
