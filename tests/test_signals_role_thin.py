"""Accounts that give the role model next to nothing to read (signals/role_thin.py): no post,
a bio of fewer than three words, and a name that does not name the hiring trade."""

from __future__ import annotations

import pytest

from staffpulse.signals.role_thin import names_the_trade, reads_little, role_is_no_finding


@pytest.mark.parametrize(
    ("name", "bio", "posts"),
    [
        ("jsmith84", "", None),
        ("Music Box Theatre", "", None),  # a name of words, but no bio and no post
        ("kiki", "she/her 🌸", None),
        ("kiki", "https://example.com @friend", []),  # links and mentions are not words
        ("kiki", "", ["", "   "]),  # blank posts are none
        ("Ⓜⓘⓚⓔ", "東京", None),  # nothing left once folded to ASCII
    ],
)
def test_a_name_alone_is_next_to_nothing(name: str, bio: str, posts: list[str] | None) -> None:
    assert reads_little(name, bio, posts)


@pytest.mark.parametrize(
    ("name", "bio", "posts"),
    [
        ("kiki", "Dog walker, painter and gardener.", None),
        ("kiki", "", "Off to the coast for the weekend"),
        ("kiki", "", ["", "A new post"]),
        ("tmj_pdx_retail", "", None),  # a job feed's prefix
        ("Acme Staffing", "", None),
        ("NorthgateJobs", "", None),
        ("AcmeHR", "", None),
        ("talent.partners.bsky.social", "", None),
        # a bio of a word or two that says the trade, in English or another language
        ("Jane Doe", "Recruiter.", None),
        ("Jane Doe", "HR Manager", None),
        ("Jane Doe", "Headhunter 🎯", None),
        ("Max Muster", "Zeitarbeit", None),
        ("Ana Lopez", "Recursos Humanos", None),
        # stop 39: recruiting, placement, openings and HR of other languages
        ("Nordlicht", "Recrutement", None),
        ("Nordlicht", "Reclutamiento", None),
        ("Nordlicht", "Arbeitsvermittlung", None),
        ("Nordlicht", "Stellenangebote", None),
        ("Nordlicht", "Vacatures", None),
        ("Nordlicht", "Personalwesen", None),
        ("Jane Doe", "#OpenToWork", None),
    ],
)
def test_a_bio_a_post_or_a_trade_name_is_something_to_read(
    name: str, bio: str, posts: str | list[str] | None
) -> None:
    assert not reads_little(name, bio, posts)


def test_trade_names_are_read_as_the_model_reads_them() -> None:
    assert names_the_trade("CareersAtAcme") and names_the_trade("hire_local")
    # a news name is no trade name; "HR" counts in capitals only, as in the model's cue
    assert not names_the_trade("Daily Gazette") and not names_the_trade("chrome_fan")


def test_outside_hiring_from_a_trade_name_or_word_alone_is_no_finding() -> None:
    """From "Acme Staffing" with an emoji bio the model says other (0.79): Connect showed a
    staffing firm as "outside hiring". A hiring role read from such a name or
    word stands, and so does "other" once there is a bio or a post to read."""
    assert role_is_no_finding("other", "Acme Staffing", "🚀💼", None)
    assert role_is_no_finding("other", "Jane Doe", "CHRO", None)
    assert not role_is_no_finding("staffing_firm", "Acme Staffing", "🚀💼", None)
    assert not role_is_no_finding("recruiter", "Jane Doe", "Recruiter.", None)
    assert not role_is_no_finding("other", "Acme Staffing", "", ["Sunny day at the lake"])
    assert not role_is_no_finding("other", "Jane Doe", "Dog walker, painter and gardener.", None)
    assert role_is_no_finding("job_seeker", "jsmith84", "", None)  # nothing to read at all
