"""A company that sells to agencies and recruiters ("The ATS for executive search firms",
"Invoice factoring for staffing companies") is a vendor, not the staffing firm its customers'
words made the learned heads see. Agencies, job boards, employers and people keep their role.
The accounts are hand-written, none from any dataset."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from staffpulse.models import ROLES
from staffpulse.signals.role_vendor_bio import find_vendor_bios, move_to_vendor, sells_to_agencies
from staffpulse.signals.roles import load_role_model

SELLING = [
    "The ATS for executive search firms.",
    "Invoice factoring for staffing companies.",
    "Payroll funding for staffing agencies.",
    "Back-office and payroll services for temp agencies.",
    "Background checks for HR teams, results in 24 hours.",
    "Staffing software built for recruiting firms.",
    "We help recruiters hire faster with our AI platform.",
    "Job distribution for recruitment agencies: post once, reach 200 job boards.",
    # the service as a verb: no "training", no "for"
    "We train recruiters to write better outreach. Workshops, coaching, templates.",
    "We coach hiring managers to run fair interviews.",
]
NOT_SELLING = [
    # agencies: their customers are employers, not agencies
    "Nurse staffing agency. We provide nurses to hospitals.",
    "Placing top IT talent in Austin since 1998.",
    "Staffing solutions for hospitals and clinics.",
    "Recruitment services for startups.",
    # job boards and employers
    "Find your next job in Dallas.",
    "We're hiring! Join our team of nurses.",
    # a person speaks: left to the learned heads
    "I help staffing agencies grow with sales training.",
    "Recruiter. I use every tool for recruiters I can find. Views my own.",
    # customers named, nothing sold
    "News for staffing agencies, every Monday.",
    # training, but not of recruiters or HR
    "We train dogs.",
    "We coach youth soccer teams.",
    "I coach recruiters on LinkedIn.",
]


@pytest.mark.parametrize("bio", SELLING)
def test_a_bio_selling_to_agencies_or_recruiters_is_found(bio: str) -> None:
    assert sells_to_agencies(bio)


@pytest.mark.parametrize("bio", NOT_SELLING)
def test_an_agency_a_board_an_employer_or_a_person_is_not(bio: str) -> None:
    assert not sells_to_agencies(bio)


def test_find_vendor_bios_marks_each_bio_of_a_batch() -> None:
    bios = [SELLING[0], None, NOT_SELLING[0], SELLING[1]]
    assert find_vendor_bios(bios).tolist() == [True, False, False, True]


def test_move_to_vendor_keeps_the_total_and_the_person_roles() -> None:
    scores = np.full((1, len(ROLES)), 1 / len(ROLES))
    moved = move_to_vendor(scores)
    assert moved.sum() == pytest.approx(1.0)
    for role in ("staffing_firm", "job_board", "employer", "other"):
        assert moved[0, ROLES.index(role)] == 0.0
    assert moved[0, ROLES.index("vendor")] == pytest.approx(5 / len(ROLES))
    assert moved[0, ROLES.index("recruiter")] == scores[0, ROLES.index("recruiter")]


_VENDORS = [
    ("SearchDesk", "The ATS for executive search firms."),
    ("Factorly", "Invoice factoring for staffing companies."),
    ("PayBridge", "Payroll funding for staffing agencies."),
]
_KEPT = [
    ("Brightway", "Placing top IT talent in Austin since 1998.", "staffing_firm"),
    ("DallasJobs", "Find your next job in Dallas.", "job_board"),
    ("Sam Lee", "Recruiter placing top IT talent in Austin.", "recruiter"),
]


def test_the_shipped_tagger_calls_a_vendor_to_agencies_a_vendor_organization() -> None:
    """Without the rule the learned heads called these staffing_firm, other, or hr_pro (a
    person): connect offered a software company as a staffing firm to follow. (The heads of
    stop 29 get the payroll funder right on their own, not the other two.)"""
    model = load_role_model()
    names = [n for n, _ in _VENDORS]
    bios = [b for _, b in _VENDORS]
    plain = copy.copy(model)
    plain.vendor_bios = False
    assert plain.predict(names, bios, None).role[:2] == ["staffing_firm", "other"]
    tagged = model.predict(names, bios, None)
    assert tagged.role == ["vendor"] * len(_VENDORS)
    assert tagged.kind == ["org"] * len(_VENDORS)


def test_agencies_job_boards_and_recruiters_keep_their_role() -> None:
    model = load_role_model()
    tagged = model.predict([n for n, _, _ in _KEPT], [b for _, b, _ in _KEPT], None)
    assert tagged.role == [role for _, _, role in _KEPT]
