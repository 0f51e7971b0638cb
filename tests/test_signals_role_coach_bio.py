"""A coach or consultant who serves job seekers is no job seeker (stop 33): the job_seeker
score of such an account goes to other. Hand-written accounts."""

from __future__ import annotations

import numpy as np
import pytest

from role_helpers import rules_off
from staffpulse.models import ROLES
from staffpulse.signals.role_coach_bio import (
    drop_seeker_role_of_coaches,
    drop_vendor_role_of_network_marketers,
    markets_a_network,
    serves_job_seekers,
)
from staffpulse.signals.roles import load_role_model

COACHES = [
    ("Dana Whitfield", "Career coach. Help for job seekers using LinkedIn."),
    ("Dana Whitfield", "Career coach helping job seekers land their next role."),
    ("ResumeRescue", "Resume writing and interview coaching for job seekers."),
    ("Tina Okafor", "Job search coach for mid-career professionals. Free resume reviews."),
    ("Rita Moss", "Job seeker coach & resume writer"),
    ("gwenstrategy", "Career strategist for job seekers who are looking for work they love."),
    ("Will Sato", "Resume tips and job search help, every day. For job hunters everywhere."),
    # the founder of a community for seekers (stop 34)
    ("Mo Dlamini", "Founder @ JobSeekerHub. Social media enthusiast and proud dad."),
]
SEEKERS = [
    ("Lee Harper", "Looking for my next role in marketing. Open to work!"),
    ("Priya Nair", "Aspiring career coach looking for work. #OpenToWork"),
    ("Ravi Das", "Resume writer by trade, between jobs and open to offers."),
    ("Carl Fox", "Unemployed engineer. Interview coaching helped me, now job hunting."),
    ("Ivan Petrov", "Laid off from a startup. Job seeker, open to referrals."),
    # interview tips and career services are what they take, not what they offer
    ("Sam Cole", "Recent grad. Resume tips and interview tips welcome! Need a job in Denver."),
    ("Jo Lin", "Job seeker! New grad nurse, career services helped me. Now on the market."),
]


@pytest.mark.parametrize(("name", "bio"), COACHES)
def test_a_bio_that_offers_help_to_seekers_serves_them(name: str, bio: str) -> None:
    assert serves_job_seekers(bio)


@pytest.mark.parametrize(("name", "bio"), SEEKERS)
def test_a_bio_that_tells_of_its_own_search_does_not(name: str, bio: str) -> None:
    assert not serves_job_seekers(bio)


def test_a_life_coach_and_an_empty_bio_serve_no_seekers() -> None:
    assert not serves_job_seekers("Life coach. Helping you live your best life.")
    assert not serves_job_seekers("")
    assert not serves_job_seekers(None)


def test_coaches_of_seekers_are_no_job_seekers_and_seekers_stay() -> None:
    model = load_role_model()
    names, bios = zip(*COACHES, *SEEKERS, strict=True)
    with rules_off(model, "coach_bios"):
        before = model.predict(list(names), list(bios), None).role
    out = model.predict(list(names), list(bios), None)
    assert before[: len(COACHES)].count("job_seeker") == len(COACHES)
    assert "job_seeker" not in out.role[: len(COACHES)]
    assert out.role[len(COACHES) :] == ["job_seeker"] * len(SEEKERS)
    assert out.kind[0] == "person"


def test_only_the_seeker_score_of_coaches_tagged_job_seeker_moves() -> None:
    seeker, other = ROLES.index("job_seeker"), ROLES.index("other")
    scores = np.full((2, len(ROLES)), 0.05)
    scores[:, seeker] = 0.6
    bios = ["Career coach for job seekers.", "Job seeker, open to work."]
    out = drop_seeker_role_of_coaches(bios, scores)
    assert out[0, seeker] == 0.0 and out[0, other] == pytest.approx(0.65)
    assert out[1].tolist() == scores[1].tolist()
    assert scores[0, seeker] == 0.6  # the input is left as it was


# my own bios: network marketers (no vendor to the hiring trade) and vendors that are
NETWORK_MARKETERS = [
    "Entrepreneur | #NetworkMarketing pro | Facebook marketing #Coach | Lead tips daily",
    "Network marketing leader. Join my team and be your own boss!",
    "MLM mentor helping moms earn from their phones",
    "Multi-level marketing trainer, wellness products, DM for samples",
    "Top earner in network-marketing. #homebusiness #freedom",
    "Building a home based business one post at a time",
    "Be your own boss: ask me how. Skincare and smiles.",
    "Network marketer | Instagram growth coach | Dog mum",
    "#networkmarketer #mlm Essential oils and good vibes",
    "Home business owner, direct to your door. Network Marketing since 2012.",
    "I teach network marketers to recruit on social media",
]
NO_NETWORK = [
    "Applicant tracking software for staffing agencies. Book a demo.",
    "Payroll funding for staffing firms. Network with us at ASA events.",
    "Recruitment marketing platform for talent teams",
    "We train recruiters to write better outreach. Network marketing? No: candidate marketing.",
    "Social media marketing coach for small businesses",
    "Networking events for HR leaders in Ohio",
    "Marketing director at a home builder",
    "Network engineer. Marketing on the side.",
    "Home improvement business since 1998",
    "Your own boss? We help freelancers with invoices.",
    "Digital marketing agency for restaurants",
    "Neural network researcher, marketing nerd",
    "Email marketing tools for recruiters",
    "Work from home customer support jobs, apply today",
    "Sales coach | I help founders close more deals",
]


def test_a_network_marketer_is_read_and_a_vendor_to_the_trade_is_not() -> None:
    """QA s40: a network marketer's bio with a social-media coaching title was tagged vendor
    (0.70), so connect --role vendor could suggest an MLM coach. A vendor sells to those who
    hire; network marketing sells to consumers and recruits its own."""
    for bio in NETWORK_MARKETERS:
        assert markets_a_network(bio), bio
    for bio in NO_NETWORK:
        assert not markets_a_network(bio), bio


def test_only_the_vendor_score_of_network_marketers_tagged_vendor_moves() -> None:
    vendor, other, hr = ROLES.index("vendor"), ROLES.index("other"), ROLES.index("hr_pro")
    scores = np.full((3, len(ROLES)), 0.02)
    scores[:, vendor] = 0.7
    scores[2, [vendor, hr]] = [0.1, 0.6]  # an HR person's, not tagged vendor: not read
    bios = [NETWORK_MARKETERS[0], NO_NETWORK[0], NETWORK_MARKETERS[1]]
    out = drop_vendor_role_of_network_marketers(bios, scores)
    assert out[0, vendor] == 0.0 and out[0, other] == pytest.approx(0.72)
    assert out[0].sum() == pytest.approx(scores[0].sum())
    np.testing.assert_array_equal(out[1:], scores[1:])
