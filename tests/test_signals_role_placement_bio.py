"""A staffing firm that never says "staffing" or "agency" ("Placing top IT talent in Austin
since 1998.") is still a staffing firm: the guidelines define one by what it does, placing
workers with client companies. Job boards, recruiters (people), vendors and employers keep
their role. The accounts are hand-written, none from any dataset."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from staffpulse.models import ROLES
from staffpulse.signals.role_placement_bio import (
    describes_placing_workers,
    find_placement_bios,
    move_to_staffing,
)
from staffpulse.signals.roles import load_role_model

PLACING = [
    "We connect great nurses with great hospitals across Ohio.",
    "Placing top IT talent in Austin since 1998.",
    "Your partner in light industrial and warehouse talent.",
    "Recruitment specialists in finance & accounting.",
    "Executive search for the C-suite.",
    "Contract, temp and direct hire placements in engineering.",
    "We recruit accountants for firms across the Midwest.",
    "RPO and talent solutions for growing companies.",
    "Your talent partner for healthcare hiring.",
    "Connecting candidates with employers in Dallas since 2004.",
    "Temp-to-hire and contract-to-hire for Phoenix manufacturers.",
    "Same-day temp labor for warehouses and events.",
    "Summit Recruiting | Finance and accounting recruiters in Denver.",
    # an agency's own job feed: the guidelines count it as staffing_firm
    "Placing top IT talent in Austin since 1998. See our latest jobs.",
    "We recruit accountants for firms across the Midwest. Job openings below.",
]
NOT_PLACING = [
    # job boards: connecting talent with employers is their pitch too
    "Find your next job in Dallas.",
    "Search 10,000 jobs near you.",
    "Post jobs free. Reach millions of job seekers.",
    "Connecting talent with employers. Search 10,000 jobs.",
    "Your talent partner: apply to jobs near you.",
    # people: a recruiter who places people, a headhunter speaking for themself
    "Recruiter placing top IT talent in Austin.",
    "Talent Partner at Acme. Dog mom.",
    "Executive search for the C-suite. Views my own.",
    "I place nurses in hospitals across Ohio.",
    "Placing nurses across Texas. Dog lover. Astros fan.",
    # vendors: a product, or agencies and recruiters as customers
    "The ATS for executive search firms.",
    "Helping staffing agencies place more candidates.",
    "Your recruiting partner: the all-in-one ATS for small business.",
    # an employer's careers page, a career centre, a workforce programme
    "We're hiring! Join our team and connect nurses with hospitals.",
    "University career center connecting students with employers.",
    "Connecting veterans with employers in Ohio.",
    # the words outside hiring
    "Placing people at the heart of design.",
    "Your partner in digital marketing.",
    "News about contract and temp workers' rights.",
    "Direct hire authority explained for federal managers.",
    "Talent agency representing actors and models.",
    "A podcast for recruiters in tech.",
    "Tech recruiters in Austin: a monthly meetup.",
    "Temp labor laws explained.",
    "",
]


@pytest.mark.parametrize("bio", PLACING)
def test_a_bio_that_describes_placing_workers_is_recognised(bio: str) -> None:
    assert describes_placing_workers(bio)


@pytest.mark.parametrize("bio", NOT_PLACING)
def test_job_boards_people_vendors_and_other_words_are_not(bio: str) -> None:
    assert not describes_placing_workers(bio)


def test_the_batch_keeps_input_order_and_reads_a_missing_bio_as_none() -> None:
    bios = [NOT_PLACING[0], PLACING[0], None, PLACING[1]]
    assert find_placement_bios(bios).tolist() == [False, True, False, True]


def test_every_role_but_vendor_goes_to_staffing_firm() -> None:
    scores = np.full((1, len(ROLES)), 0.05)
    scores[0, ROLES.index("recruiter")] = 0.4
    scores[0, ROLES.index("vendor")] = 0.25
    moved = move_to_staffing(scores)
    assert moved[0, ROLES.index("staffing_firm")] == pytest.approx(scores.sum() - 0.25)
    assert moved[0, ROLES.index("vendor")] == pytest.approx(0.25)
    others = [i for i, r in enumerate(ROLES) if r not in ("staffing_firm", "vendor")]
    assert (moved[0, others] == 0.0).all()
    assert scores[0, ROLES.index("recruiter")] == 0.4  # the input is not changed


_AGENCIES = [
    ("Brightway", "Placing top IT talent in Austin since 1998."),
    ("Northgate", "We connect great nurses with great hospitals across Ohio."),
    ("Keystone", "Your partner in light industrial and warehouse talent."),
    ("Harbor", "Contract, temp and direct hire placements in engineering."),
    ("Lakeside", "We recruit accountants for firms across the Midwest."),
    ("Brightway", "Placing top IT talent in Austin since 1998. See our latest jobs."),
    # a firm of recruiters was read as a recruiter, a person (QA)
    ("Summit Recruiting", "Finance and accounting recruiters in Denver."),
    ("Lakeshore Talent", "Places skilled trades and light industrial workers across Michigan."),
]
_KEPT = [
    ("DallasJobs", "Find your next job in Dallas.", "job_board"),
    ("JobHub", "Search 10,000 jobs near you.", "job_board"),
    ("tmj_dal_it", "Automated posts of IT openings around Dallas, one a tweet.", "job_board"),
    ("NurseJobsOH", "Latest nursing jobs in Ohio. Apply now.", "job_board"),
    ("Sam Lee", "Recruiter placing top IT talent in Austin.", "recruiter"),
    ("Jane Doe", "Talent Partner at Acme. Dog mom.", "recruiter"),
    ("SourceIQ", "AI sourcing platform that helps recruiters find candidates.", "vendor"),
    ("StMarys", "We're hiring! Join our team of nurses.", "employer"),
]


def test_the_shipped_tagger_calls_an_agency_without_agency_words_a_staffing_firm() -> None:
    """Without the rule the learned heads called these other, employer or job_board, and some
    a person (the reported mis-tag)."""
    model = load_role_model()
    names = [n for n, _ in _AGENCIES]
    bios = [b for _, b in _AGENCIES]
    plain = copy.copy(model)
    plain.placement_bios = False
    assert "staffing_firm" not in plain.predict(names, bios, None).role
    out = model.predict(names, bios, None)
    assert out.role == ["staffing_firm"] * len(_AGENCIES)
    assert out.kind == ["org"] * len(_AGENCIES)


def test_job_boards_recruiters_vendors_and_employers_keep_their_role() -> None:
    model = load_role_model()
    out = model.predict([n for n, _, _ in _KEPT], [b for _, b, _ in _KEPT], None)
    assert out.role == [r for _, _, r in _KEPT]


# (name, bio): a one-person firm written in the firm's voice, under the recruiter's own name
_SOLO_RECRUITERS = [
    ("JaneSmith", "We place nurses with hospitals across Ohio."),
    ("Jane Smith", "Boutique retained search for biotech leadership."),
    ("Dr. Maria Lopez", "We place physicians in rural hospitals."),
    ("tomwalsh", "Executive search for the C-suite."),
]


def test_a_placement_bio_under_a_persons_name_is_a_recruiter_not_an_agency() -> None:
    """A solo recruiter's "we" was read as a firm: staffing_firm, an organization (issue #8)."""
    model = load_role_model()
    out = model.predict([n for n, _ in _SOLO_RECRUITERS], [b for _, b in _SOLO_RECRUITERS], None)
    assert out.role == ["recruiter"] * len(_SOLO_RECRUITERS)
    assert out.kind == ["person"] * len(_SOLO_RECRUITERS)


def test_the_same_bio_under_a_brand_or_a_firms_name_stays_a_staffing_firm() -> None:
    model = load_role_model()
    bio = "We place nurses with hospitals across Ohio."
    names = ["Northgate", "Jane Smith Staffing", "NurseLink", "Smith & Jones Associates"]
    out = model.predict(names, [bio] * len(names), None)
    assert out.role == ["staffing_firm"] * len(names)
    assert out.kind == ["org"] * len(names)


# (name, bio): firms named after their founders, whose bios say they are organizations
_FOUNDERS_FIRMS = [
    ("Michael Page UK", "Specialist recruitment consultancy. Find your next job with us."),
    ("Robert Walters UK", "Global talent solutions. Permanent, contract and interim recruitment."),
    ("JaneSmith", "We place nurses with hospitals across Ohio from offices in 3 states."),
    ("Tom Walsh", "Executive search since 1988."),
]


def test_a_founders_name_over_a_bio_that_calls_itself_a_firm_stays_a_staffing_firm() -> None:
    """Michael Page UK and Robert Walters UK were read as solo recruiters once a person-shaped
    name turned placement bios into recruiters (stop 29)."""
    model = load_role_model()
    names = [n for n, _ in _FOUNDERS_FIRMS]
    out = model.predict(names, [b for _, b in _FOUNDERS_FIRMS], None)
    assert out.role == ["staffing_firm"] * len(names)
    assert out.kind == ["org"] * len(names)


# (name, bio): solo recruiters whose first names the 1990 US Census list lacks (stop 30)
_SOLO_RECRUITERS_ELSEWHERE = [
    ("Priya Patel", "We place nurses with hospitals across Ohio."),
    ("Siobhán Murphy", "Executive search for the C-suite."),
    ("Nguyen Thi Mai", "We place engineers with manufacturers across Vietnam."),
    ("Zhang Wei", "Boutique retained search for biotech leadership."),
    ("Анна Иванова", "We place developers with startups across Europe."),
]


def test_a_solo_recruiter_named_outside_the_us_census_list_is_a_recruiter_too() -> None:
    """These were read as staffing firms, organizations (issue #8, gap 1)."""
    model = load_role_model()
    names = [n for n, _ in _SOLO_RECRUITERS_ELSEWHERE]
    out = model.predict(names, [b for _, b in _SOLO_RECRUITERS_ELSEWHERE], None)
    assert out.role == ["recruiter"] * len(names)
    assert out.kind == ["person"] * len(names)


# (name, bio, posts): a firm named after its founder, known as a firm by its posts only
_FOUNDERS_FIRMS_BY_POSTS = [
    ("MichaelPage", "Executive search.", ["Our consultants in Leeds are hiring a CFO."]),
    ("Tom Walsh", "Executive search for the C-suite.", ["Drinks at our Boston office tonight!"]),
    ("Priya Patel", "We place nurses across Ohio.", ["Join our recruitment team in Columbus."]),
]


def test_a_founders_firm_whose_posts_speak_of_its_consultants_or_offices_is_a_firm() -> None:
    """ "Executive search." as MichaelPage was a recruiter (issue #8, gap 2); its posts about
    its own consultants or offices say it is a firm. Without posts it stays a recruiter."""
    model = load_role_model()
    names = [n for n, _, _ in _FOUNDERS_FIRMS_BY_POSTS]
    bios = [b for _, b, _ in _FOUNDERS_FIRMS_BY_POSTS]
    out = model.predict(names, bios, [p for _, _, p in _FOUNDERS_FIRMS_BY_POSTS])
    assert out.role == ["staffing_firm"] * len(names)
    assert out.kind == ["org"] * len(names)
    assert model.predict(names, bios, None).role == ["recruiter"] * len(names)


def test_a_solo_recruiter_posting_a_clients_jobs_stays_a_recruiter() -> None:
    model = load_role_model()
    posts = [
        "My client, a fintech in Leeds, is hiring a CFO. DM me.",
        "Our client's offices are in Leeds; hybrid role.",
    ]
    out = model.predict(["JaneSmith"], ["Executive search for the C-suite."], [posts])
    assert (out.role, out.kind) == (["recruiter"], ["person"])


# an agency's slogan: workers for clients, without "staffing", "agency", "place" or "search"
_SLOGANS = [
    "Nurses for hospitals across Ohio. Since 2004.",
    "Matching accounting talent with Boston firms since 2001.",
    "Finding engineers for Bay Area startups.",
    "Finding great people for great companies in Denver since 1990.",
    "Supplying teachers to schools across London.",
    "Sourcing developers for startups in Berlin.",
    "Matching clinicians with hospitals nationwide.",
    "IT contractors for Seattle companies.",
    "Nursing staff for hospitals across Ohio.",
    "Accounting professionals for Boston firms.",
    "Putting people to work in Houston since 1972.",
    "We find the talent. You grow the business. Chicago.",
    "IT contractors on demand.",
    "Warehouse workers on demand in Dallas.",
]
# the same shapes from firms that are no agency, and a job board's or careers page's words
_NOT_SLOGANS = [
    "Roasting great coffee in Austin since 1998.",
    "Serving Ohio hospitals with medical supplies since 2004.",
    "Supplying teachers with resources for schools across London.",
    "Providing welding supplies to manufacturers since 1979.",
    "Sourcing coffee for cafes in Berlin.",
    "Matching donors with charities nationwide.",
    "Training developers for companies across Europe.",
    "Coaching leaders for growing companies.",
    "Putting data to work for your business.",
    "Finding foster families for children in Ohio.",
    "Find developers for your startup. Post a job free.",
    "Teachers for schools. Apply to join our programme.",
    "Nurses for nurses. A community for nurses across Ohio.",
    "Freelancers on demand.",
    "Print on demand for brands.",
    "Learning developers on demand.",
    "Developers on demand? Post a job free.",
]


@pytest.mark.parametrize("bio", _SLOGANS)
def test_an_agencys_slogan_of_workers_for_clients_is_a_placement_bio(bio: str) -> None:
    assert describes_placing_workers(bio)


@pytest.mark.parametrize("bio", _NOT_SLOGANS)
def test_other_firms_slogans_of_the_same_shape_are_not(bio: str) -> None:
    assert not describes_placing_workers(bio)


def test_the_shipped_tagger_calls_a_slogan_only_agency_a_staffing_firm() -> None:
    """Before, all but one of these were other, most a person (issue #8, the slogan gap)."""
    model = load_role_model()
    names = ["Keystone", "Lumen", "Beacon", "Summit", "Redwood", "Crestline", "Arbor", "Cobalt"]
    out = model.predict(names, _SLOGANS[: len(names)], None)
    assert out.role == ["staffing_firm"] * len(names)
    assert out.kind == ["org"] * len(names)
    others = model.predict(names, _NOT_SLOGANS[: len(names)], None)
    assert "staffing_firm" not in others.role


# (name, bio, posts): one recruiter's own words in the posts, whatever else they say
_RECRUITERS_BY_POSTS = [
    ("JaneSmith", "Executive search for the C-suite.",
     ["Our consultants in Leeds are brilliant. My client, a fintech, is hiring a CFO. DM me."]),
    ("Priya Patel", "Recruitment specialists in finance & accounting.",
     ["Join our recruitment team in Leeds!", "I have 3 open roles for accountants. Send me your CV."]),
    ("Olusegun Adeyemi", "Executive search for the C-suite.",
     ["My client is hiring a CTO in Lagos. DM me for details."]),
    ("Keziah Ollanta", "We recruit accountants for firms across the Midwest.",
     ["Our offices in Chicago are open.", "I've got two roles for CPAs. Call me."]),
    ("Brightway", "Placing top IT talent in Austin since 1998.",
     ["I\u2019m hiring Java devs in Austin, DM me."]),
]  # fmt: skip
# (name, bio, posts): an agency's account says "DM us" and "our client"
_AGENCIES_BY_POSTS = [
    ("Brightway", "Placing top IT talent in Austin since 1998.",
     ["Our consultants in Austin are hiring Java devs. DM us."]),
    ("Northgate", "We place nurses with hospitals across Ohio.",
     ["Our client, a hospital in Columbus, needs ICU nurses. Apply below."]),
    ("Harbor", "Contract, temp and direct hire placements in engineering.",
     ["We have 3 new roles for engineers. Email us."]),
    ("Crestline", "Sourcing developers for startups in Berlin.",
     ["Reach out to us for your next hire."]),
    # its consultant's words, retweeted
    ("Summit", "Finding engineers for Bay Area startups.",
     ["RT @janesmith: My client is hiring a CTO. DM me."]),
]  # fmt: skip


def test_posts_in_one_recruiters_own_words_make_a_placement_bio_a_recruiters() -> None:
    """A recruiter posting of her employer's "our consultants" was read as the agency, and a
    name in neither list ("Olusegun Adeyemi") left a solo recruiter a staffing firm (issue #8)."""
    model = load_role_model()
    cases = _RECRUITERS_BY_POSTS
    out = model.predict([n for n, _, _ in cases], [b for _, b, _ in cases], [p for *_, p in cases])
    assert out.role == ["recruiter"] * len(cases)
    assert out.kind == ["person"] * len(cases)


def test_an_agencys_posts_that_say_us_and_our_client_keep_it_a_staffing_firm() -> None:
    model = load_role_model()
    cases = _AGENCIES_BY_POSTS
    out = model.predict([n for n, _, _ in cases], [b for _, b, _ in cases], [p for *_, p in cases])
    assert out.role == ["staffing_firm"] * len(cases)
    assert out.kind == ["org"] * len(cases)


def test_a_handle_that_names_a_recruiter_is_one_even_over_a_firms_bio() -> None:
    """ "janesmithrecruiter" with "… since 1998." was a staffing firm; "Jane Smith Staffing"
    and a run-together brand stay firms."""
    model = load_role_model()
    bio = "Placing top IT talent in Austin since 1998."
    out = model.predict(
        ["janesmithrecruiter", "johnsmithrecruits", "JaneSmithRecruiter"], [bio] * 3
    )
    assert out.role == ["recruiter"] * 3
    firms = model.predict(["Jane Smith Staffing", "brightwayrecruiting", "northgate"], [bio] * 3)
    assert firms.role == ["staffing_firm"] * 3


def test_a_bluesky_or_mastodon_handle_standing_in_for_the_name_is_read_as_a_name() -> None:
    """ "priyapatel.bsky.social" (no display name) with a placement bio was a staffing firm:
    the server's words hid the run-together name."""
    model = load_role_model()
    bio = "We place nurses with hospitals across Ohio."
    names = ["priyapatel.bsky.social", "@janesmith@mastodon.social", "jane.smith.dev"]
    assert model.predict(names, [bio] * 3).role == ["recruiter"] * 3
    brands = ["northgate.bsky.social", "@acmestaffing@mastodon.social"]
    assert model.predict(brands, [bio] * 2).role == ["staffing_firm"] * 2


# (name, bio, posts): a brand's customer care answers in the first person ("DM me … ^KL")
_CARE_ACCOUNTS = [
    ("BrightwayStaffing", "We place nurses across Ohio.",
     ["Sorry about the delay with your timesheet. DM me your details and I'll sort it. ^KL"]),
    ("Brightway", "Placing top IT talent in Austin since 1998.",
     ["Hi Tom, please DM me your email and we'll look into it."]),
    ("BrightwayCare", "Customer care for Brightway, placing nurses across Ohio.",
     ["So sorry! I'm working on your payslip now, message me if it's still wrong."]),
    ("Northgate", "We place nurses with hospitals across Ohio.",
     ["I'm looking for your booking now, bear with me."]),
]  # fmt: skip


def test_one_dm_me_post_leaves_a_brands_care_account_a_staffing_firm() -> None:
    """One "DM me" from a care agent made the agency a person and a recruiter (issue #8)."""
    model = load_role_model()
    cases = _CARE_ACCOUNTS
    out = model.predict([n for n, _, _ in cases], [b for _, b, _ in cases], [p for *_, p in cases])
    assert out.role == ["staffing_firm"] * len(cases)
    assert out.kind == ["org"] * len(cases)


def test_dm_me_under_a_persons_name_is_a_recruiter_even_over_a_firms_bio() -> None:
    model = load_role_model()
    bio = "Placing top IT talent in Austin since 1998."
    out = model.predict(["Jane Smith"], [bio], [["Senior Java role in Austin, DM me."]])
    assert (out.role, out.kind) == (["recruiter"], ["person"])
    assert model.predict(["Jane Smith"], [bio], None).role == ["staffing_firm"]
