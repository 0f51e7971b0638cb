"""A bio that describes a product makes an organization: the cue the role tagger applies after
its learned heads (a one-word product name with such a bio was read as a person)."""

from __future__ import annotations

import pytest

from staffpulse.signals.role_product_bio import (
    describes_a_product,
    find_product_bios,
    names_a_person,
)

PRODUCT_BIOS = [
    "Enterprise cloud applications for finance and HR.",
    "Software for small businesses to run payroll.",
    "Recruiting software for modern talent teams.",
    "The #1 app for hiring hourly workers.",
    "Tools for procurement teams.",
    "AI-powered scheduling platform that fills open shifts in minutes",
    "The leading marketplace for freelance nurses",
]
PERSON_BIOS = [
    "Software engineer at Acme. Views my own.",
    "Building tools for recruiters. Dad of 2.",
    "Apps to make my life easier",
    "Platform for my poems and photos",
    "She writes software for hospitals and bakes on weekends",
    "Mom of two. Recruiter at Acme.",
    # the product is not what the bio opens with: a person's list of interests
    "Runner, reader, and fan of tools for makers",
    "",
]


@pytest.mark.parametrize("bio", PRODUCT_BIOS)
def test_a_bio_that_opens_by_describing_a_product_is_recognised(bio: str) -> None:
    assert describes_a_product(bio)


@pytest.mark.parametrize("bio", PERSON_BIOS)
def test_a_person_speaking_or_a_product_mentioned_later_is_not(bio: str) -> None:
    assert not describes_a_product(bio)


def test_the_batch_keeps_input_order_and_reads_a_missing_bio_as_none() -> None:
    bios = [PERSON_BIOS[0], PRODUCT_BIOS[0], None, PRODUCT_BIOS[3]]
    assert find_product_bios(bios).tolist() == [False, True, False, True]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("I place nurses in hospitals.", True),
        ("She recruits for startups.", True),
        ("Executive search for the C-suite. Views my own.", True),
        ("Recruiter at Acme.", True),
        ("Executive search for the C-suite.", False),
        ("Recruitment specialists in finance.", False),
    ],
)
def test_a_person_speaking_or_named_by_a_title_is_told_from_an_organization(
    text: str, person: bool
) -> None:
    """The person test the placement rule (role_placement_bio.py) shares with this one."""
    assert names_a_person(text) is person
