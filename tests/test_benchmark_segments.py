"""Cohort segments as people write them (benchmark/segments.py): the obvious synonyms are read
as the segment they mean, and a misspelled one is offered the closest ("did you mean vendor?")
beside the list of segments, where it used to be dropped as "unknown segment" with no help."""

from __future__ import annotations

import pytest

from staffpulse.benchmark import parse_cohort
from staffpulse.benchmark.segments import normalize_segment


@pytest.mark.parametrize(
    ("written", "segment"),
    [
        ("staffing agency", "staffing_firm"),
        ("Staffing-Agencies", "staffing_firm"),
        ("recruitment agency", "staffing_firm"),
        ("job board", "job_board"),  # a group of its own, not one of the vendors
        ("Job_Boards", "job_board"),
        ("jobboards", "job_board"),
        ("HR people", "hr"),
        ("hr  pro", "hr"),
        ("vendor", "vendor"),
        # roles the role model names are read as its guesses put them, not refused
        ("employer", "other"),
        ("Job seekers", "other"),
        ("no segment", None),
        ("", None),
    ],
)
def test_segments_are_read_as_people_write_them(written: str, segment: str | None) -> None:
    assert normalize_segment(written) == segment


@pytest.mark.parametrize(
    ("written", "guess"),
    [("vendr", "vendor"), ("staffing frim", "staffing_firm"), ("recruter", "recruiter")],
)
def test_a_misspelled_segment_is_offered_the_closest(written: str, guess: str) -> None:
    with pytest.raises(ValueError) as caught:
        normalize_segment(written)
    assert str(caught.value) == (
        f"unknown segment '{written}': did you mean {guess}? "
        "(use one of: staffing_firm, vendor, job_board, recruiter, hr, other)"
    )


def test_a_segment_like_no_other_gets_only_the_list() -> None:
    with pytest.raises(ValueError, match=r"^unknown segment 'martian' \(use one of:"):
        normalize_segment("martian")


def test_a_cohort_file_keeps_each_account_and_says_the_closest_segment() -> None:
    text = (
        "@acme staffing agency\n"
        "@indeed job board\n"
        "@hireloop vendr\n"
        "@apex staffing agensy\n"  # several words, misspelled: a typo, not too many fields
        "handle_only\n"
    )
    entries, problems = parse_cohort(text, "cohort.txt")
    assert [(e.handle, e.segment) for e in entries] == [
        ("acme", "staffing_firm"),
        ("indeed", "job_board"),
        ("hireloop", None),
        ("apex", None),
        ("handle_only", None),
    ]
    assert [(p.line, p.message.split(" (use")[0], p.kept) for p in problems] == [
        (3, "unknown segment 'vendr': did you mean vendor?", True),
        (4, "unknown segment 'staffing agensy': did you mean staffing_firm?", True),
    ]
    assert all(p.message.endswith("is kept without a segment") for p in problems[:2])


def test_every_role_the_role_model_names_is_a_segment_a_cohort_file_may_give() -> None:
    # QA: a cohort line "…,x,employer" (a role staffpulse roles writes) was refused as an
    # "unknown segment" and the account kept without a segment
    from staffpulse.audit.segment_guesses import ROLE_SEGMENTS

    for role, segment in ROLE_SEGMENTS.items():
        assert normalize_segment(role) == segment
