"""A screen name or display name shaped like a person's: a common first name, then a name."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse.errors import ModelError
from staffpulse.signals import role_person_name
from staffpulse.signals.role_person_name import (
    handle_user,
    is_a_persons_name,
    name_shape,
    names_a_recruiter,
    reads_as_a_persons_name,
)
from staffpulse.signals.role_text import split_name


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
     "Jane Smith Staffing", "Smith & Jones Associates", "tmj_pdx_retail", "", "1234"],
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
     "Black Pearl", "Hanoi Jobs", "Mumbai Placements", "Summit Search", "Santa Clara",
     "Rio Grande", "Hong Kong", "Patel Recruiters", "", "1234", "🙂🙂"],
)  # fmt: skip
def test_brands_and_firms_do_not_read_as_a_persons_name(name: str) -> None:
    assert not reads_as_a_persons_name(split_name(name), name)


def test_a_census_name_still_reads_as_a_persons_name() -> None:
    assert reads_as_a_persons_name(split_name("JaneSmith"), "JaneSmith")
    assert reads_as_a_persons_name(split_name("José García"), "José García")


@pytest.mark.parametrize("content", [None, "{not json", '{"first": []}'])
def test_a_missing_or_broken_name_list_is_a_model_error_with_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str | None
) -> None:
    """`staffpulse roles` then exits 70 with "reinstall", not with "a bug in staffpulse"."""
    path = tmp_path / "person_names_intl.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setattr(role_person_name, "INTL_NAMES_FILE", path)
    role_person_name._intl_names.cache_clear()
    try:
        with pytest.raises(ModelError, match="name list") as err:
            reads_as_a_persons_name(split_name("Priya Patel"), "Priya Patel")
        assert "reinstall" in (err.value.hint or "")
    finally:
        role_person_name._intl_names.cache_clear()


@pytest.mark.parametrize(
    "name",
    ["priyapatel", "johnsmithrecruits", "janesmithrecruiter", "mariagarcia", "kwamemensah",
     "tomwalshhires", "siobhanmurphy", "carlosmendez", "sandrasmith"],
)  # fmt: skip
def test_a_run_together_lower_case_name_reads_as_a_persons_name(name: str) -> None:
    assert reads_as_a_persons_name(split_name(name), name)


@pytest.mark.parametrize(
    "name",
    ["keystone", "northgate", "brightway", "bluewater", "goldstone", "globalhires", "santaclara",
     "riogrande", "nursehires", "dallashires", "cityrecruiter", "jobsearch", "brightwayrecruiting"],
)  # fmt: skip
def test_a_run_together_brand_or_place_does_not(name: str) -> None:
    assert not reads_as_a_persons_name(split_name(name), name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("johnsmithrecruits", True), ("JaneSmithRecruiter", True), ("Priya Patel Recruiter", True),
     ("priyapatelhires", True), ("Jane Smith", False), ("Tech Recruiter", False),
     ("Acme Recruiter", False), ("austinrecruiter", False), ("globalhires", False)],
)  # fmt: skip
def test_a_name_followed_by_what_the_person_does_names_a_recruiter(
    name: str, expected: bool
) -> None:
    assert names_a_recruiter(split_name(name)) is expected


@pytest.mark.parametrize(
    ("name", "user"),
    [("priyapatel.bsky.social", "priyapatel"), ("@janesmith@mastodon.social", "janesmith"),
     ("jane_smith@hachyderm.io", "jane_smith"), ("Jane Smith", "Jane Smith"),
     ("jane.smith.dev", "jane.smith"), ("acme.com", "acme"), ("jane.smith", "jane.smith"),
     ("J.Smith", "J.Smith"), ("tmj_dal_it", "tmj_dal_it"), ("", "")],
)  # fmt: skip
def test_a_handle_with_its_server_is_read_without_the_server(name: str, user: str) -> None:
    assert handle_user(name) == user
