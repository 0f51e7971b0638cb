"""Sourcers, headhunters and executive search people are recruiters (stop 34). Hand-written
accounts."""

from __future__ import annotations

import pytest

from role_helpers import rules_off
from staffpulse.signals.role_recruiter_titles import names_a_recruiters_title
from staffpulse.signals.roles import load_role_model

SOURCER = ("Priya N.", "Sourcer. Boolean nerd. I find the people nobody else can.")
SEARCH = ("Lena Vogel", "Executive search, board and C-suite. Partner at Vogel & Co.")


def test_the_titles_are_read_and_procurements_sourcing_is_not() -> None:
    assert names_a_recruiters_title(SOURCER[1])
    assert names_a_recruiters_title("Tech sourcing and Boolean strings. Coffee first.")
    assert names_a_recruiters_title("Headhunter for fintech in Zurich.")
    assert names_a_recruiters_title(SEARCH[1])
    assert not names_a_recruiters_title("Strategic sourcing manager. Procurement and suppliers.")


def test_a_sourcer_and_a_search_partner_are_sure_recruiters() -> None:
    # the sourcer was other (0.60) and the partner a recruiter at 0.76, under the 0.9 that
    # the inbox and connect call sure
    model = load_role_model()
    names, bios = [SOURCER[0], SEARCH[0]], [SOURCER[1], SEARCH[1]]
    posts = ["New sourcing trick: filter profiles by time zone", "Boards want operators again"]
    with rules_off(model, "recruiter_titles"):
        before = model.predict(names, bios, posts)
    assert before.role[0] == "other" and before.role_scores[:, 1].max() < 0.9
    out = model.predict(names, bios, posts)
    assert out.role == ["recruiter", "recruiter"] and out.kind == ["person", "person"]
    assert out.role_scores[:, 1].min() >= 0.9  # recruiter is the second column of ROLES
    # a past title is still a past one, and a search firm stays a firm
    former = model.predict(["Kim Lopez"], ["Former sourcer, now a full-time baker."], None)
    assert former.role == ["other"]
    firm = model.predict(["Northgate Search"], ["Executive search for the C-suite."], None)
    assert firm.role == ["staffing_firm"]


@pytest.mark.parametrize("bio", ["Recruitment", "Recrutement", "#Rekrutierung", "Reclutamiento."])
def test_a_bio_of_the_word_recruitment_alone_is_a_recruiting_account(bio: str) -> None:
    """Stop 39: such a bio was read as something to read and then tagged other, so Connect
    said "role unknown"; a person is a recruiter, an organization an agency."""
    assert names_a_recruiters_title(bio)
    model = load_role_model()
    with rules_off(model, "recruiter_titles"):
        assert model.predict(["Tomasz Nowak"], [bio], None).role == ["other"]
    assert model.predict(["Tomasz Nowak"], [bio], None).role == ["recruiter"]


def test_the_word_for_recruitment_over_an_organization_is_an_agency() -> None:
    model = load_role_model()
    name = "Nordlicht Personal GmbH"
    with rules_off(model, "recruiter_titles"):
        assert model.predict([name], ["Recruitment"], None).role == ["other"]
    out = model.predict([name], ["Recruitment"], None)
    assert out.kind == ["org"] and out.role == ["staffing_firm"]
    # a sentence that names recruitment among other things is no title
    assert not names_a_recruiters_title("Recruitment of volunteers for the summer fair")


def test_the_word_for_recruitment_under_a_firms_careers_or_brand_name_is_no_agency() -> None:
    """The guidelines call a firm's careers account an employer ("AcmeCareers"): its
    "Recruitment" is its own hiring. A brand the heads read as a person ("Bright Bakery")
    is no recruiter Connect would suggest either: the name says who, and here no one."""
    model = load_role_model()
    names = ["Acme Careers", "Elmford Careers", "Bright Bakery"]
    out = model.predict(names, ["Recruitment"] * 3, None)
    assert out.role == ["other"] * 3
