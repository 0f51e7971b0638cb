"""Recruiting athletes is no recruiting of staff: a sports recruiter is other (stop 34).
Hand-written accounts."""

from __future__ import annotations

import pytest

from role_helpers import rules_off
from staffpulse.signals.role_sports_recruiting import recruits_athletes
from staffpulse.signals.roles import load_role_model

ATHLETES = [
    ("CoachDrayton", "Pine Valley basketball recruiting, and a coach of guards. Go Hawks!"),
    ("Lou Brandt", "Recruiting Coordinator & OL coach, Central High football."),
    ("PrepScout", "Helping families through college recruiting for student athletes."),
    ("Mike Dunn", "Linebackers coach. Football recruiting for State U, class of '27 next."),
    ("Rae Collins", "Volleyball recruiting coordinator. Former D1 setter."),
]
STAFF = [
    ("Kim Vo", "Recruiter for sports industry jobs: front office, ticketing, marketing."),
    ("Basketball Dad", "Basketball dad. Tech recruiter at Acme."),
    ("Ana Ruiz", "Tech recruiter. Football fan. Hiring engineers in Austin."),
    ("Sam Ortiz", "Recruiting coordinator at Acme Health. Hiring nurses!"),
]


@pytest.mark.parametrize(("name", "bio"), ATHLETES)
def test_recruiting_athletes_is_read_so(name: str, bio: str) -> None:
    assert recruits_athletes(bio)


@pytest.mark.parametrize(("name", "bio"), STAFF)
def test_a_recruiter_who_likes_sports_or_hires_for_them_is_not(name: str, bio: str) -> None:
    assert not recruits_athletes(bio)


def test_a_sports_recruiting_coach_is_other_and_a_tech_recruiter_stays() -> None:
    model = load_role_model()
    names, bios = (list(c) for c in zip(*ATHLETES[3:], strict=True))
    with rules_off(model, "sports_bios"):
        before = model.predict(names, bios, None).role
    assert before == ["recruiter", "recruiter"]  # the word "recruiting" pulled them
    assert model.predict(names, bios, None).role == ["other", "other"]
    names, bios = (list(c) for c in zip(*STAFF[1:3], strict=True))
    assert model.predict(names, bios, None).role == ["recruiter", "recruiter"]
