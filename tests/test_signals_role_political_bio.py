"""Political parties and campaigns are no employers (stop 34). Hand-written accounts."""

from __future__ import annotations

import numpy as np
import pytest

from role_helpers import rules_off
from staffpulse.models import ROLES
from staffpulse.signals.role_political_bio import (
    drop_employer_role_of_political_bios,
    names_party_or_campaign,
)
from staffpulse.signals.roles import load_role_model

POLITICAL = [
    ("ElmshireGreens", "We are a political party working for a fairer, greener Elmshire. Join us."),
    ("ValeLabour", "Official account of the Vale Labour Party. Promoted on behalf of Vale Labour."),
    ("RiverRenew", "Renew Party in Vale. We stand for honest politics, culture and the arts."),
    (
        "GOPvaleresearch",
        "Research arm of the Vale County GOP. Follow us for news, events and facts.",
    ),
    ("RejoinVale", "Campaigning for the UK to rejoin the EU. Brexit has failed Vale. DM us."),
    (
        "FixTheVote",
        "We campaign for electoral reform and fair votes. Our democracy deserves better.",
    ),
]
BRANDS = [
    (
        "BlueHarborCoffee",
        "Specialty coffee roasters. Our campaign for better beans starts on farms.",
    ),
    ("AcmePartyRentals", "Bouncy castles and party tents for birthdays in Elmshire. Book online."),
]


@pytest.mark.parametrize(("name", "bio"), POLITICAL)
def test_a_party_or_a_campaign_is_read(name: str, bio: str) -> None:
    assert names_party_or_campaign(bio)


@pytest.mark.parametrize(("name", "bio"), BRANDS)
def test_a_brands_campaign_or_a_party_shop_is_not_politics(name: str, bio: str) -> None:
    assert not names_party_or_campaign(bio)


def test_parties_and_campaigns_tagged_employer_become_other_and_brands_stay() -> None:
    # a party's research account, a party's arts wing and a campaign were employers at
    # 0.88-0.97 on real accounts: the inbox said "started by an employer"
    model = load_role_model()
    names, bios = (list(column) for column in zip(*POLITICAL, strict=True))
    with rules_off(model, "political_bios"):
        before = model.predict(names, bios, None).role
    assert before == ["employer"] * len(POLITICAL)
    out = model.predict(names, bios, None)
    assert out.role == ["other"] * len(POLITICAL) and set(out.kind) == {"org"}
    assert model.predict([BRANDS[0][0]], [BRANDS[0][1]], None).role == ["employer"]


def test_rejoining_the_workforce_is_no_campaign() -> None:
    assert not names_party_or_campaign("We help parents rejoin the workforce after a career break.")
    assert not names_party_or_campaign("Returnships for carers ready to rejoin work. Apply today.")
    assert names_party_or_campaign("Campaigning to rejoin. Vale for Europe.")


@pytest.mark.parametrize(
    "bio",
    [
        "Customs brokers: we help importers trade smoothly after Brexit.",
        "Post-Brexit paperwork for exporters, done in a day. Brexit-ready since 2019.",
        "Currency desk for small firms: hedge against Brexit swings.",
    ],
)
def test_brexit_as_a_fact_of_trade_is_no_campaign(bio: str) -> None:
    assert not names_party_or_campaign(bio)


@pytest.mark.parametrize(
    "bio",
    [
        "We campaign against Brexit in Elmshire. Join our next street stall.",
        "Campaigning against a no-deal Brexit since 2017.",
        "#StopBrexit group for the Vale. Remainers welcome.",
        "The official Leave campaign for Elmshire.",
        "Anti-Brexit volunteers of Vale county.",
        "Brexit has failed our town. We collect the stories of the firms it hurt.",
        "Vale says no to a Brexit shambles. Write to your MP with us. #No2Tariffs",
    ],
)
def test_a_campaign_for_or_against_brexit_names_itself(bio: str) -> None:
    assert names_party_or_campaign(bio)


def test_a_customs_broker_that_names_brexit_stays_an_employer() -> None:
    # "after Brexit" in a business's bio moved it to other: Connect's employer filter lost it
    model = load_role_model()
    names = ["HarbourlineCustoms", "ElmshireForEurope"]
    bios = [
        "Customs brokers: we help importers trade smoothly after Brexit.",
        "We campaign against Brexit in Elmshire. Join our next street stall.",
    ]
    assert model.predict(names, bios, None).role == ["employer", "other"]


def _employer_rows(n: int) -> np.ndarray:
    """Role scores of ``n`` accounts the heads tagged employer (0.8), other 0.2."""
    scores = np.zeros((n, len(ROLES)))
    scores[:, ROLES.index("employer")] = 0.8
    scores[:, ROLES.index("other")] = 0.2
    return scores


def test_a_party_named_only_in_its_display_name_becomes_other() -> None:
    # a party's display name says "... Labour Party" over a bio of its vision alone: the bio
    # named no party, so it stayed an employer that Connect kept
    names = ["Elmshire Labour Party", "Acme Party Rentals"]
    bios = ["Our vision: a fairer, greener Elmshire for everyone.", "Tents for every event."]
    out = drop_employer_role_of_political_bios(names, bios, _employer_rows(2))
    assert [ROLES[i] for i in out.argmax(axis=1)] == ["other", "employer"]
    assert out[0, ROLES.index("other")] == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Vale Greens #FBPE", "Fairer buses for the valley."),
        ("Vale Voices", "Campaigning for a fair deal and to #RejoinEU."),
        ("Union des Vallees", "Le parti qui rassemble les vallees pour une region plus juste."),
        ("Partido Verde del Valle", "Por un valle limpio y justo."),
        (
            "Elmshire Workers",
            "Published and promoted by A. Jones on behalf of the Elmshire Workers.",
        ),
        ("Vale Asks", "A daily question on politics and current affairs. Vote in our polls!"),
        ("Westminster Weekly", "Political commentary from a small team in Vale."),
    ],
)
def test_a_party_or_campaign_in_the_name_another_language_or_an_imprint_is_read(
    name: str, bio: str
) -> None:
    assert names_party_or_campaign(f"{name}\n{bio}")


@pytest.mark.parametrize(
    "text",
    [
        "Il est parti en vacances: the bakery is closed until Monday.",
        "Le parti pris du gout: French pastries in Elmshire.",
        "A knitting circle for parents ready to rejoin the workforce.",
        "Promoted posts by our partners are marked as ads.",
    ],
)
def test_a_departure_a_bias_or_a_promoted_post_is_no_party(text: str) -> None:
    assert not names_party_or_campaign(text)


def test_a_shop_selling_parties_or_an_electricians_pun_in_the_display_name_stays_an_employer() -> (
    None
):
    # the display name is read with the bio since stop 37: "Green Party Supplies" named a party
    # and "Current Affairs Electrical" politics as its subject, so a balloon shop and an
    # electrician were moved to other and left out of Connect's default list
    model = load_role_model()
    names = ["Green Party Supplies", "National Party Rentals", "Current Affairs Electrical"]
    bios = [
        "Eco-friendly balloons, plates and decorations. Free delivery over 30 pounds, we ship daily.",
        "Tents, tables and bouncy castles for weddings and birthdays. Call us for a quote.",
        "Electricians in Elmshire: rewiring, fuse boards, EV chargers. We answer the phone.",
    ]
    assert not any(names_party_or_campaign(f"{n}\n{b}") for n, b in zip(names, bios, strict=True))
    assert model.predict(names, bios, None).role == ["employer"] * 3
    # a party's own name and a politics poll are still read
    assert names_party_or_campaign("Elmshire Labour Party\nOur vision: a fairer Elmshire.")
    assert names_party_or_campaign("Vale Asks\nPolitics and current affairs, a poll a day.")


def test_a_party_known_by_its_initials_is_read_and_a_genetics_lab_is_not() -> None:
    """Stop 39: a party branch whose display name gives the party's initials, over a bio of
    its people, and a blog placing itself among political sides, were employers."""
    model = load_role_model()
    names = ["SNP Glenford Branch", "The Lantern Post", "HelixGen"]
    bios = [
        "People and places at the centre of all we do.",
        "Not aligned with any political side: we post what we dig up, every day.",
        "SNP genotyping for research labs. We ship results in a week.",
    ]
    with rules_off(model, "political_bios"):
        assert model.predict(names, bios, None).role == ["employer"] * 3
    assert model.predict(names, bios, None).role == ["other", "other", "employer"]


def test_snp_or_political_alignment_in_a_firms_words_is_no_party() -> None:
    """Geneticists' SNPs, a health plan's D-SNP, a firm named SNP and a firm "aligned with
    political change" stay employers; a branch named "SNP <place>" is read."""
    model = load_role_model()
    names = ["Harbor Health Plans", "Genolab", "SNP Transformations", "Ridgeway Imports"]
    bios = [
        "Medicare Advantage and D-SNP plans for seniors in the valley. We are here for you.",
        "We run SNP typing, exome and panel sequencing for hospitals.",
        "SNP helps enterprises move their SAP data. We are hiring consultants.",
        "We stay aligned with political and regulatory change so our importers don't have to.",
    ]
    assert not any(names_party_or_campaign(f"{n}\n{b}") for n, b in zip(names, bios, strict=True))
    assert model.predict(names, bios, None).role == ["employer"] * 4
    assert names_party_or_campaign("SNP Northfield Branch\nLocal members campaigning.")
    assert names_party_or_campaign("Vale Ledger\nWe don't align with any political party.")


def test_a_firm_named_with_a_partys_initials_and_its_trade_stays_an_employer() -> None:
    """A haulier or an engineering firm whose name opens with a party's initials read as the
    party (other), and Connect dropped it as outside hiring; the party's own branch is read."""
    names = ["BJP Logistics", "DUP Engineering Ltd"]
    bios = [
        "Freight forwarding and warehousing across Gujarat. We deliver on time, every time.",
        "Steel fabrication and site welding for farms and factories. Call us for a quote.",
    ]
    for name, bio in zip(names, bios, strict=True):
        assert not names_party_or_campaign(f"{name}\n{bio}"), name
    assert load_role_model().predict(names, bios, None).role == ["employer", "employer"]
    assert names_party_or_campaign("BJP Vale Branch\nOur members at work in the ward.")
    assert names_party_or_campaign("Vote UKIP\nLocal people, local voices.")


def test_a_partys_council_group_member_services_or_co_convenor_is_the_party() -> None:
    """Review s40: "group", "services" and "co" after a party's initials read as a firm's
    name, so a party's council group became an employer Connect kept."""
    for text in (
        "DUP Group Belfast\nOur councillors at City Hall. Unionism that delivers.",
        "UKIP Services\nBranch news from our local party members.",
        "BJP Co-convenor, Vale ward\nServing the people of the ward.",
        "SDLP Group\nOur councillors working for the borough.",
    ):
        assert names_party_or_campaign(text), text
    for text in (
        "BJP Logistics\nFreight forwarding and warehousing across the state.",
        "DUP Engineering Ltd\nSteel fabrication for farms and factories.",
        "AfD Solutions\nWe build payroll software for small firms.",
    ):
        assert not names_party_or_campaign(text), text
