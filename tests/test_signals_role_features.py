"""Role tagger features (staffpulse.signals.role_features): name splitting, ASCII folding,
joining and sampling posts, and the hand-written cues."""

from __future__ import annotations

import pytest

from staffpulse.signals.role_features import (
    CUE_NAMES,
    cue_matrix,
    join_posts,
    prepare,
    sample_posts,
    split_name,
    to_ascii,
)


def test_split_name_and_ascii_folding() -> None:
    assert split_name("TCGJobs") == "tcg jobs"
    assert split_name("tmj_phl_retail") == "tmj phl retail"
    assert split_name("@JobsinSeattle1") == "jobsin seattle 1"
    assert to_ascii("Résumé  ✨ café") == "Resume cafe"


def test_join_posts_accepts_one_many_or_none() -> None:
    assert join_posts(None) == ""
    assert join_posts("hello") == "hello"
    assert join_posts(["a", "b"]) == "a\nb"
    assert len(join_posts(["x" * 3000, "y" * 3000, "z"])) <= 4000


def test_post_cues_are_rates_per_post() -> None:
    text, n = sample_posts(["@bob thanks!", "We're hiring, apply now #jobs", "  "])
    assert n == 2 and text.count("\n") == 1
    one = cue_matrix(prepare(["a"], ["b"], ["We're hiring, apply now #jobs"], [1]))
    many = cue_matrix(
        prepare(["a"], ["b"], ["\n".join(["We're hiring, apply now #jobs"] * 10)], [10])
    )
    j = CUE_NAMES.index("text_job_ad")
    assert one[0, j] == pytest.approx(many[0, j])
    assert cue_matrix(prepare(["a"], ["b"], [text], [n]))[0, CUE_NAMES.index("text_reply")] > 0


def test_cues_fire_on_hand_written_accounts() -> None:
    acc = prepare(
        ["tmj_chi_jobs", "AcmeStaffing", "jane"],
        [
            "Follow us for Chicago jobs",
            "Staffing agency for warehouses",
            "Senior Technical Recruiter at Acme",
        ],
        ["", "", ""],
    )
    m = dict(zip(CUE_NAMES, cue_matrix(acc).T, strict=True))
    assert m["tmj_prefix"][0] > 0 and m["name_jobs"][0] > 0
    assert m["bio_staffing_explicit"][1] > 0 and m["bio_staffing_explicit"][0] == 0
    assert m["bio_recruiter"][2] > 0 and m["bio_recruiter"][1] == 0
