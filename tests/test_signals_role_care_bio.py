"""A brand's customer-care desk stays an organization when it answers "DM me" (issue #8,
stop 32). Hand-written accounts."""

from __future__ import annotations

import pytest

from role_helpers import rules_off
from staffpulse.signals.role_care_bio import describes_customer_care
from staffpulse.signals.roles import PERSON_ONLY_ROLES, load_role_model


@pytest.mark.parametrize(
    "bio",
    [
        "Customer care for job seekers and employers.",
        "Brightway Staffing talent support team.",
        "Official Acme customer support. Mon-Fri 9-5 ET.",
        "Questions about your pay? Our help desk is open 24/7.",
        "We're here for you, weekdays 8-6.",
        "Help for job seekers and employers using Talento.",
        "Support for Shiftly users. Mon-Fri 9-5 ET.",
        "Payslip looks wrong? Tweet us and let us help.",
        "Here to answer payroll questions. This account is staffed 8am-6pm ET.",
        # one bio for each word the quick check looks for before the pattern (_CARE_WORDS)
        "Tech support for Payflow kiosks. Mon-Fri.",
        "Client experience for Payflow. Weekdays 8-6.",
        "Payroll questions? This account is monitored 9-5 by the Payflow team.",
        "Our desk is operated weekdays from Leeds.",
        "Pay questions? This account is staffed weekdays 8-6.",
        "Answers for Payflow customers, seven days a week.",
        "Assistance for Shiftly members, weekdays 8-6.",
        "Shiftly guest services, weekdays 8-6.",
    ],
)
def test_a_care_desks_bio(bio: str) -> None:
    assert describes_customer_care(bio)


@pytest.mark.parametrize(
    "bio",
    [
        "Friendly Customer Experience Professional. Dog mom.",
        "Customer service manager at Acme. Views my own.",
        "Support specialist who loves hiking.",
        "Here to help! I answer payroll questions at Acme.",
        "Supporting our customers since 1990.",
        "Open to work! Looking for customer service jobs in Ohio.",
        "Career coach. Help for job seekers using LinkedIn.",
        "Help for job seekers who feel stuck.",
    ],
)
def test_a_person_in_care_or_a_firm_that_helps_is_not(bio: str) -> None:
    assert not describes_customer_care(bio)


def test_one_dm_me_post_leaves_a_care_desk_an_organization() -> None:
    """Before, the post made this desk a person (p_org 0.09) and a job seeker."""
    model = load_role_model()
    bio, posts = "Customer care for job seekers and employers.", [["DM me and I will help"]]
    # the rule for coaches of job seekers, since stop 33, also keeps it from job_seeker
    with rules_off(model, "care_bios", "coach_bios"):
        before = model.predict(["TalentoCS"], [bio], posts)
    assert (before.kind, before.role) == (["person"], ["job_seeker"])
    out = model.predict(["TalentoCS"], [bio], posts)
    assert out.kind == ["org"] and float(out.p_org[0]) == 0.7
    assert out.role[0] not in PERSON_ONLY_ROLES


def test_a_desk_that_says_whom_it_helps_use_the_brand_stays_an_organization() -> None:
    """Before, the bio alone was an organization and a job seeker, and with the post a person."""
    model = load_role_model()
    bio = "Help for job seekers and employers using Talento."
    for posts in ([], ["DM me and I will help"]):
        out = model.predict(["TalentoCS"], [bio], [posts])
        assert out.kind == ["org"] and float(out.p_org[0]) >= 0.7
        assert out.role[0] not in PERSON_ONLY_ROLES
