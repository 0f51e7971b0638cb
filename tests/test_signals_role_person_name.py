"""A screen name or display name shaped like a person's: a common first name, then a name."""

from __future__ import annotations

import pytest

from staffpulse.signals.role_features import split_name
from staffpulse.signals.role_person_name import (
    is_a_persons_name,
    name_shape,
    reads_as_a_persons_name,
)


@pytest.mark.parametrize(
    "name",
    ["JaneSmith", "Jane Smith", "jane_smith", "bonniehart1", "MikeHughesUK", "Dr. Jane Smith",
     "LizzieHeather", "Carlos Rodriguez", "JaneS"],
)  # fmt: skip
def test_a_first_name_then_a_name_is_a_persons_name(name: str) -> None:
    assert is_a_persons_name(split_name(name))


@pytest.mark.parametrize(
    "name",
    ["TCGJobs", "AcmeStaffing", "Brightway", "MikeandPattys", "lucystomatoes", "NurseLink",
     "Jane Smith Staffing", "Smith & Jones Associates", "tmj_phl_retail", "", "1234"],
)  # fmt: skip
def test_a_brand_or_a_firm_named_after_people_is_not(name: str) -> None:
    assert not is_a_persons_name(split_name(name))


def test_a_first_name_alone_opens_the_name_but_is_no_full_name() -> None:
    shape = name_shape(split_name("Kelly Services"))
    assert shape.first and not shape.full
    assert not is_a_persons_name(split_name("Kelly Services"))


@pytest.mark.parametrize(
    "name",
    ["Priya Patel", "PriyaPatel", "priya_patel", "Siobhán Murphy", "Nguyen Thi Mai", "Zhang Wei",
     "Wei Zhang", "Анна Иванова", "王伟", "Dr. Priya Patel"],
)  # fmt: skip
def test_names_of_other_countries_read_as_a_persons_name(name: str) -> None:
    assert reads_as_a_persons_name(split_name(name), name)
    assert not is_a_persons_name(split_name(name))  # the Census lists alone miss them


@pytest.mark.parametrize(
    "name",
    ["Priya Patel Staffing", "Northgate", "Blue Harbor", "Jade Dragon", "West Monroe",
     "Black Pearl", "Hanoi Jobs", "Mumbai Placements", "Summit Search", "", "1234", "🙂🙂"],
)  # fmt: skip
def test_brands_and_firms_do_not_read_as_a_persons_name(name: str) -> None:
    assert not reads_as_a_persons_name(split_name(name), name)


def test_a_census_name_still_reads_as_a_persons_name() -> None:
    assert reads_as_a_persons_name(split_name("JaneSmith"), "JaneSmith")
    assert reads_as_a_persons_name(split_name("José García"), "José García")
