"""A person's name over a bio in the first person singular is a person (issue #8, stop 32).
Hand-written accounts."""

from __future__ import annotations

from role_helpers import rules_off
from staffpulse.signals.role_first_person import find_first_person_accounts
from staffpulse.signals.roles import load_role_model

_DEPARTMENT = (
    "Driving #quality in the IT department of a regional #government agency. I help our teams "
    "with #tooling and services. #java #agile"
)


def test_a_person_speaking_of_their_department_is_a_person_not_an_employer() -> None:
    model = load_role_model()
    with rules_off(model, "first_person"):
        before = model.predict(["Henrik Svensson"], [_DEPARTMENT], None)
    assert (before.kind, before.role) == (["org"], ["employer"])
    after = model.predict(["Henrik Svensson"], [_DEPARTMENT], None)
    assert (after.kind, after.role) == (["person"], ["other"])
    assert float(after.p_org[0]) == 0.3


def test_only_a_persons_name_with_i_or_my_in_the_bio_counts() -> None:
    names = ["Henrik Svensson", "Acme Bakery", "Henrik Svensson", "jane.smith.bsky.social"]
    bios = [
        _DEPARTMENT,
        "I love our snacks! Family-owned since 1962.",
        "IT department news.",
        "My two cents.",
    ]
    assert find_first_person_accounts(names, bios).tolist() == [True, False, False, True]
