"""Accounts connect leaves out for what they post (staffpulse.connect.ad_posters): an automated
job feed told apart from a firm that posts many ads, each named, and the options that show
them. QA s36: "3 job-ad bots", unnamed, two of them people-run staffing firms, and neither
--role "staffing firm" nor --role any brought them back."""

from __future__ import annotations

import pytest
from rich.console import Console

import connect_fixtures
from connect_fixtures import NOW, add_posts, make_post, rank_with_fakes, reply_post
from staffpulse.connect import SuggestOptions
from staffpulse.connect.ad_posters import says_automated
from staffpulse.models import Account
from staffpulse.report.terminal_connect import render_suggestions
from staffpulse.store import Store, open_store

FIRM = "brightway_staff"
FEED = "metro_jobs_feed"


@pytest.fixture(autouse=True)
def _firm_role(monkeypatch: pytest.MonkeyPatch) -> None:
    # the fake role model reads roles from this table: the firm is a staffing firm, the feed
    # (not listed) the model's "other"
    monkeypatch.setitem(connect_fixtures.ROLES, FIRM, "staffing_firm")


def _store() -> Store:
    """The firm talks with rita, who engages a recruiter who talks with people, a staffing
    firm whose posts are all openings, and a feed whose bio says it is automated."""
    store = open_store(":memory:")
    add_posts(
        store,
        Account(platform="x", id="id_acme_staffing", handle="acme_staffing"),
        reply_post(1, "acme_staffing", "rita_recruits", 1),
        reply_post(2, "rita_recruits", "acme_staffing", 1),
    )
    bios = {
        "paula_posts": "Recruiter.",
        FIRM: "Staffing services.",
        FEED: "Automated feed of openings in the metro area. Not monitored.",
    }
    for n, (who, bio) in enumerate(bios.items(), start=10):
        add_posts(store, reply_post(n, "rita_recruits", who, 1))
        if who == "paula_posts":
            posts = [reply_post(100 + n * 20 + i, who, "sam_stranger", 2) for i in range(10)]
        else:
            text = "We're hiring a welder on second shift, apply today"
            posts = [make_post(f"u{n}_{i}", who, 2, text) for i in range(10)]
        name = who.replace("_", " ").title()
        account = Account(platform="x", id=f"id_{who}", handle=who, display_name=name, bio=bio)
        add_posts(store, account, *posts)
    return store


def test_a_feed_and_a_firm_posting_mostly_ads_are_told_apart_and_named() -> None:
    report = rank_with_fakes(_store())
    assert [s.handle for s in report.suggestions] == ["paula_posts"]
    line = report.left_out_line
    assert f"1 automated job feed (@{FEED})" in line
    assert f"1 posting mostly job ads (@{FIRM})" in line
    data = report.as_dict()
    assert data["excluded"]["job_ad_bot"] == 1 and data["excluded"]["mostly_job_ads"] == 1
    named = {part["reason"]: part.get("accounts") for part in data["excluded_reasons"]}
    assert named["job_ad_bot"] == [f"@{FEED}"] and named["mostly_job_ads"] == [f"@{FIRM}"]
    # the terminal says what shows each
    console = Console(width=200, record=True)
    render_suggestions(console, report)
    said = " ".join(console.export_text().split())
    assert "To see them: " in said and "automated job feeds: --include-job-ads" in said
    assert "posting mostly job ads: --include-job-ads or any --role" in said


def test_a_role_asked_for_shows_the_firm_that_posts_mostly_ads_but_not_the_feed() -> None:
    for role in ("staffing firm", "any"):
        report = rank_with_fakes(_store(), role=role)
        shown = {s.handle: s.explanation for s in report.suggestions}
        assert FIRM in shown and FEED not in shown, role
        assert "mostly job ads (100% of their posts)" in shown[FIRM]
        assert f"1 automated job feed (@{FEED})" in report.left_out_line


def test_include_job_ads_shows_the_feed_too() -> None:
    options = SuggestOptions(include_job_ads=True)
    report = rank_with_fakes(_store(), role="any", options=options, now=NOW)
    assert {FIRM, FEED} <= {s.handle for s in report.suggestions}
    assert "job feed" not in report.left_out_line


@pytest.mark.parametrize(
    ("bio", "automated"),
    [
        ("Automated feed of job postings in the area. Not monitored.", True),
        ("Jobs bot: new openings every hour", True),
        ("Auto-posted listings from our job board", True),
        ("Staffing services.", False),
        ("Robotics recruiter, placing engineers since 2009", False),
        ("Founder. I answer my own messages.", False),
        # a firm run by people says so, or points to its own board: not a feed
        ("Real recruiters, not a bot. Call us.", False),
        ("No bots, no forms: a person reads every message", False),
        ("Staffing firm. See our job board for today's openings", False),
        ("We automated timesheets so our recruiters can talk to people", False),
        ("Hiring alerts for the valley. Not monitored, please do not reply", True),
    ],
)
def test_a_bio_that_says_no_person_posts_reads_as_automated(bio: str, automated: bool) -> None:
    account = Account(platform="x", id="1", handle="someone", bio=bio)
    assert says_automated(account) is automated


def test_a_contact_is_never_left_out_as_broadcast_only() -> None:
    """--include-contacts keeps the accounts you talk with whatever they post: a contact left
    out as broadcast-only made the advice stop offering --include-contacts."""
    store = open_store(":memory:")
    add_posts(
        store,
        Account(platform="x", id="id_acme_staffing", handle="acme_staffing"),
        reply_post(1, "acme_staffing", FIRM, 1),
        *(make_post(f"q{i}", FIRM, 2, "Monthly market report") for i in range(10)),
        Account(platform="x", id=f"id_{FIRM}", handle=FIRM, display_name="Brightway Staff"),
    )
    report = rank_with_fakes(store, options=SuggestOptions(include_contacts=True))
    assert [s.handle for s in report.suggestions] == [FIRM]
    assert "broadcast" not in report.left_out_line


def test_accounts_of_another_role_are_named_with_what_shows_them() -> None:
    """QA s36: under --role "staffing firm" a temp agency the model read as another role went
    into an unnamed "3 of another role"; now each is named, as the others are."""
    report = rank_with_fakes(_store(), role="staffing firm")
    assert "paula_posts" not in {s.handle for s in report.suggestions}  # a recruiter
    assert "1 of another role (@paula_posts)" in report.left_out_line
    parts = {part["reason"]: part for part in report.as_dict()["excluded_reasons"]}
    assert parts["another_role"]["accounts"] == ["@paula_posts"]
    assert parts["another_role"]["shown_with"] == "--role any"
    console = Console(width=200, record=True)
    render_suggestions(console, report)
    assert "accounts of another role: --role any" in " ".join(console.export_text().split())
    # and --role any does show it
    assert "paula_posts" in {s.handle for s in rank_with_fakes(_store(), role="any").suggestions}


def test_a_firm_read_as_outside_hiring_and_broadcast_only_is_named_and_role_any_shows_it() -> None:
    """A people-run staffing firm the role model reads as ``other`` that only broadcasts was
    counted in "1 other outside hiring", with no handle: now it is named, with what shows it."""
    store = _store()
    quiet = "tempo_people"  # not in the fake model's table: read as "other"
    add_posts(store, reply_post(60, "rita_recruits", quiet, 1))
    posts = [make_post(f"t{i}", quiet, 2, "Monthly market report") for i in range(10)]
    add_posts(store, Account(platform="x", id=f"id_{quiet}", handle=quiet), *posts)
    report = rank_with_fakes(store)
    assert quiet not in {s.handle for s in report.suggestions}
    said = f"1 other outside hiring (@{quiet}; use --role any to see it)"
    assert said in report.left_out_line
    parts = {part["reason"]: part for part in report.as_dict()["excluded_reasons"]}
    assert parts["outside_hiring"]["accounts"] == [f"@{quiet}"]
    assert parts["outside_hiring"]["shown_with"] == "--role any"
    # and the option named shows it
    assert quiet in {s.handle for s in rank_with_fakes(store, role="any").suggestions}


def test_each_option_named_to_see_them_shows_them() -> None:
    """--include-job-ads named the firm but then left it out as broadcast-only (its ads are no
    personal voice), and --role "job board" left the feed out as of another role when the role
    model read its ads as another role's: each option the line names now shows them."""
    alone = rank_with_fakes(_store(), options=SuggestOptions(include_job_ads=True))
    assert {FIRM, FEED} <= {s.handle for s in alone.suggestions}
    assert "broadcast" not in alone.left_out_line
    boards = rank_with_fakes(_store(), role="job board")
    assert [s.handle for s in boards.suggestions] == [FEED]
