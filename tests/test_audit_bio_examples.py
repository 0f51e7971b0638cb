"""The example bio Face's advice offers fits the kind of account (staffpulse.audit.bio_examples):
"I place warehouse and office staff" was offered to help desks and vendors too."""

from __future__ import annotations

import pytest

from staffpulse.audit.avatar_check import AvatarInfo
from staffpulse.audit.bio_examples import stated_kind
from staffpulse.audit.config import DEFAULTS
from staffpulse.audit.face import face_pillar
from staffpulse.models import Account


def _bio_advice(display_name: str, bio: str = "") -> str:
    account = Account(platform="x", id="a", handle="a", display_name=display_name, bio=bio)
    face = face_pillar(account, DEFAULTS, AvatarInfo("person", 0.9, "t"))
    return next(r for r in face.recommendations if r.startswith("Fill in your bio"))


@pytest.mark.parametrize(
    ("name", "bio", "kind"),
    [
        ("Acme Support Team", "", "help desk"),
        ("Ledgerly Software", "", "vendor"),
        ("Tacoma Jobs", "", "job board"),
        ("Cascade Staffing Jobs", "", "staffing firm"),  # a firm that posts its openings
        ("Rosa Lund", "Recruiter", "recruiter"),
        ("Dana Whitfield HR", "", "HR person"),
        ("Maya Okafor", "", None),
        ("Orbitel Help", "", "help desk"),
        ("Ledgerly", "I help firms", None),  # "I help" in a bio is no help desk
    ],
)
def test_the_kind_is_read_from_the_name_and_the_short_bio(
    name: str, bio: str, kind: str | None
) -> None:
    assert stated_kind(name, bio) == kind


def test_a_help_desk_or_a_vendor_is_not_offered_a_recruiters_bio() -> None:
    for name in ("Acme Support Team", "Ledgerly Software", "Tacoma Jobs"):
        assert "I place" not in _bio_advice(name) and "staff across" not in _bio_advice(name)
    assert "answer your pay and shift questions" in _bio_advice("Acme Support Team")
    assert "Scheduling software for staffing firms" in _bio_advice("Ledgerly Software")


def test_a_person_is_offered_a_bio_of_their_own_kind() -> None:
    assert "I look after hiring and our people" in _bio_advice("Dana Whitfield HR")
    assert "I place" not in _bio_advice("Dana Whitfield HR")
    assert "I place warehouse and office staff" in _bio_advice("Rosa Lund", "Recruiter")
    # no word says which: a recruiter's and an HR person's example, each said for whom
    either = _bio_advice("Maya Okafor")
    assert '" if you recruit, or "I look after' in either and either.endswith("if you work in HR")
