"""A founder of recruiting or HR software is a vendor, whatever recruiting past the bio tells
(stop 34). Hand-written accounts."""

from __future__ import annotations

import pytest

from role_helpers import rules_off
from staffpulse.signals.role_founder_bio import founds_a_product
from staffpulse.signals.roles import load_role_model

FOUNDERS = [
    ("Marco Ruiz", "Founder & CEO of Hirefold, the applicant tracking system for small teams. Ex-recruiter."),
    ("Marco Ruiz", "Former recruiter. Now founder of Hirefold, recruiting software for agencies."),
    ("Lea Brandt", "Recruiter for 8 years, then I built the ATS I always wanted. Co-founder @ Pipewise."),
]  # fmt: skip
NOT_FOUNDERS = [
    ("Tom Ames", "Founder of Brightside Talent, staffing in Columbus. Placing welders since 2011."),
    ("Kim Vo", "Tech recruiter at Acme. Our ATS is a mess, send help."),
    ("Ray Cole", "Owner of a bakery in Tulsa. HR tech fan on weekends."),
]


@pytest.mark.parametrize(("name", "bio"), FOUNDERS)
def test_a_founder_of_recruiting_software_is_read_so(name: str, bio: str) -> None:
    assert founds_a_product(bio)


@pytest.mark.parametrize(("name", "bio"), NOT_FOUNDERS)
def test_a_founder_of_an_agency_or_a_user_of_an_ats_is_not(name: str, bio: str) -> None:
    assert not founds_a_product(bio)


def test_founders_of_recruiting_software_are_vendors_and_stay_persons() -> None:
    model = load_role_model()
    names, bios = (list(c) for c in zip(*FOUNDERS, strict=True))
    with rules_off(model, "founder_bios"):
        before = model.predict(names, bios, None).role
    assert "vendor" not in before[:2]  # an ex-recruiter founder was other or a recruiter
    out = model.predict(names, bios, None)
    assert out.role == ["vendor"] * len(FOUNDERS)
    assert out.kind == ["person"] * len(FOUNDERS)
    names, bios = (list(c) for c in zip(*NOT_FOUNDERS, strict=True))
    assert model.predict(names, bios, None).role[:2] == ["recruiter", "recruiter"]
