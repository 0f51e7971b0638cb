"""The words that say an account is an organisation (staffpulse.audit.org_words) are read the
same by the display-name score, the name advice and the example bio."""

from __future__ import annotations

import pytest

from staffpulse.audit.bio_examples import stated_kind
from staffpulse.audit.name_advice import names_an_institution
from staffpulse.audit.names import name_score
from staffpulse.models import Account


def _account(name: str) -> Account:
    return Account(platform="x", id="1", handle="someone", display_name=name, bio="")


@pytest.mark.parametrize(
    "name", ["Harbor City Hospital", "Maple County School Board", "Lakeside Credit Union"]
)
def test_an_institutions_name_is_no_persons_name_to_the_score_either(name: str) -> None:
    # the advice kept these names as an institution's while the score read them as a
    # person's ("reads as a person's name", full marks): the two lists had drifted apart
    assert names_an_institution(_account(name))
    score, verdict = name_score(name)
    assert score < 1.0
    assert "names a company or an organisation" in verdict


def test_a_help_desks_name_says_its_kind_and_names_no_person() -> None:
    for name in ("Acme Help Desk", "Ledgerly Customer Care", "Spring Helpline"):
        assert stated_kind(name, "") == "help desk"
        assert name_score(name)[0] < 1.0
    # a staffing firm named after a school street is still a firm, told to put a person in it
    assert not names_an_institution(_account("Old School Staffing"))
