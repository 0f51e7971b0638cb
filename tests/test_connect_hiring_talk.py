"""Accounts outside the hiring trade whose posts talk hiring (hiring managers, a staffing
firm's buyers) are kept by default. Hand-written accounts."""

from __future__ import annotations

import pytest

from connect_fixtures import add_posts, build_store, make_post, rank_with_fakes, reply_post
from staffpulse.connect.export import to_csv
from staffpulse.connect.hiring_talk import talks_about_hiring, talks_hiring
from staffpulse.models import Account
from staffpulse.store import Store

store = pytest.fixture(build_store, name="store")


def test_posts_about_hiring_are_told_from_sports_and_elections() -> None:
    assert talks_about_hiring("How do you all find good finance candidates these days?")
    assert talks_about_hiring("Our contract-to-perm placements keep converting early.")
    assert not talks_about_hiring("Huge get: a 4-star recruit commits to State!")
    assert not talks_about_hiring("Both candidates dodged the question at the debate.")
    assert not talks_about_hiring("New menu tonight, come hungry")


def test_a_marketers_placements_and_onboarding_are_no_hiring_talk() -> None:
    # a marketer's circle says "placements" and "onboarding" of ads and users every day
    assert not talks_about_hiring("Our paid placements on podcasts beat the banner ads")
    assert not talks_about_hiring("Shaved two steps off user onboarding this sprint")
    assert talks_about_hiring("Hiring for our customer onboarding team, DM me")


def test_a_quarter_of_the_own_posts_is_enough_and_one_in_twenty_is_not() -> None:
    assert talks_hiring(2, 2) and talks_hiring(5, 20)
    assert not talks_hiring(1, 20) and not talks_hiring(0, 3) and not talks_hiring(None, None)


def test_a_hiring_manager_is_kept_by_default_and_other_outsiders_are_not(store: Store) -> None:
    # a CFO whose posts ask how to hire finance people was left out as "outside hiring",
    # though for a staffing firm she is the account most worth following
    add_posts(
        store,
        Account(platform="x", id="id_cfo_lena", handle="cfo_lena", bio="CFO at a tile maker."),
        Account(platform="x", id="id_chef_carl", handle="chef_carl", bio="Chef in Dayton."),
        reply_post(901, "rita_recruits", "cfo_lena", 1),
        reply_post(902, "rita_recruits", "chef_carl", 1),
        make_post("c1", "cfo_lena", 2, "How do you all find good finance candidates these days?"),
        make_post("c2", "cfo_lena", 3, "Our contract-to-perm placements keep converting early."),
        make_post("k1", "chef_carl", 2, "New menu tonight, come hungry"),
        make_post("k2", "chef_carl", 3, "Fresh bread from the oven"),
    )
    report = rank_with_fakes(store)
    shown = {s.handle: s for s in report.suggestions}
    assert "cfo_lena" in shown and "chef_carl" not in shown
    assert report.excluded.get("other") == 1  # the chef, "1 other outside hiring"
    assert shown["cfo_lena"].explanation.startswith(
        "outside the trade, talks hiring (2 of 2 posts)"
    )
    assert shown["cfo_lena"].role == "other"  # --json and the CSV keep the model's role
    # the role column (CSV, the web's account cell) said "maybe outside hiring", a reason to
    # skip the account the line recommends: it says what was found instead
    assert shown["cfo_lena"].role_text == "talks hiring"
    csv_text = to_csv(report.suggestions).data().decode("utf-8-sig")
    assert ",talks hiring,other," in csv_text and "outside hiring,other" not in csv_text
