"""A former recruiter or HR person is neither, unless the account still says so (stop 33).
Hand-written accounts."""

from __future__ import annotations

import pytest

from role_helpers import rules_off
from staffpulse.signals.role_former_title import names_only_former_titles
from staffpulse.signals.roles import load_role_model

FORMER = [
    ("Paul Tran", "Recovering recruiter turned career coach. I help job seekers ace interviews."),
    ("Amy Stone", "Former recruiter, now a full-time potter. Mugs for sale."),
    ("Ben Lowe", "Ex-headhunter. Now I write thrillers."),
    ("Cara Diaz", "Former HR manager, now a yoga teacher and mom of three."),
    ("Dan Kerr", "Retired HR director. Golf, grandkids and gardening."),
    # hiring for one's own business is no recruiting work (stop 34)
    ("Dana Whitfield", "Former recruiter, 12 years agency side. Now hiring for my bakery!"),
    ("Rosa Lind", "Ex-recruiter turned florist. We're hiring at our shop on Main St."),
    ("Raj Mehta", "Ex-HRD director, now a full-time grandad. Cricket and crosswords."),
]
CURRENT = [
    ("Eve Moss", "Ex-recruiter, now Head of Talent Acquisition at Acme.", "recruiter"),
    ("Finn Ross", "Former teacher turned recruiter. Hiring nurses in Ohio!", "recruiter"),
    ("Ida Lund", "Former nurse turned recruiter. Nurses across Ohio.", "recruiter"),
    ("Gil Hart", "Ex-Google recruiter. Now running my own search firm for startups.", "recruiter"),
    ("Hal Witt", "Former HR director, now an independent HR consultant.", "hr_pro"),
    ("Jo Park", "Ex-agency recruiter, now hiring for my clients in fintech.", "recruiter"),
]


@pytest.mark.parametrize(("name", "bio"), FORMER)
def test_a_past_title_alone_is_read_as_past(name: str, bio: str) -> None:
    assert names_only_former_titles(bio)


@pytest.mark.parametrize(("name", "bio", "role"), CURRENT)
def test_a_title_held_now_is_not(name: str, bio: str, role: str) -> None:
    assert not names_only_former_titles(bio)


def test_posts_that_recruit_for_clients_keep_a_former_title_current() -> None:
    bio = "Former recruiter, now a full-time potter."
    assert not names_only_former_titles(bio, ["My client is hiring two welders in Leeds."])


def test_former_recruiters_and_hr_people_are_other_and_current_ones_stay() -> None:
    model = load_role_model()
    names, bios = zip(*FORMER, strict=True)
    with rules_off(model, "former_titles"):
        before = model.predict(list(names), list(bios), None).role
    assert set(before) == {"recruiter", "hr_pro"}
    assert model.predict(list(names), list(bios), None).role == ["other"] * len(FORMER)
    names, bios, roles = zip(*CURRENT, strict=True)
    assert model.predict(list(names), list(bios), None).role == list(roles)
