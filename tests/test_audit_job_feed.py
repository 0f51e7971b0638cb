"""An account that says it is an automated feed of jobs (staffpulse.audit.job_feed) is graded
as any account, with advice a job feed can act on and a header that says why."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from audit_helpers import LOGO, FeedBuilder, audit_feed
from staffpulse.audit import engine
from staffpulse.audit.job_feed import feed_knows_headline, fit_advice_to_job_feed, is_job_feed
from staffpulse.audit.types import PillarResult

FEED_BIO = "Automated feed of job openings around Springfield. This inbox is unattended."


def _ads(feed: FeedBuilder) -> FeedBuilder:
    for i in range(14):
        feed.post(f"Now hiring: picker #{i} at Elm Street Depot, apply at https://j.example/{i}")
    return feed


def _advice(audit: object) -> str:
    pillars = audit.pillars.values()  # type: ignore[attr-defined]
    return " ".join(str(r) for pillar in pillars for r in pillar.recommendations)


def test_a_job_feed_is_told_what_a_feed_can_do_not_what_a_firm_would() -> None:
    feed = _ads(FeedBuilder("springjobs", display_name="Springfield Jobs Now", bio=FEED_BIO))
    assert is_job_feed(feed.account())
    audit = audit_feed(feed, avatar=LOGO)
    advice = _advice(audit)
    for firm_only in (
        "Rosa at",
        "Rewrite each one in your own words",
        "answering recruiters",
        "office dog",
        "Alternate each job post",
        "Bundle openings",
    ):
        assert firm_only not in advice
    assert "A job feed's openings are its product: make each one worth reading" in advice
    assert "Say in your bio who runs it and where to ask about a listing" in advice
    assert audit.caution and "says it is an automated feed of jobs" in audit.caution
    headlines = [a["headline"] for a in audit.top_actions]
    assert any(h.startswith("Make each ad worth reading: all 14") for h in headlines)


def test_a_firm_posting_the_same_ads_keeps_a_firms_advice() -> None:
    firm = _ads(FeedBuilder("elmstaff", display_name="Elm Staffing", bio="We place pickers."))
    assert not is_job_feed(firm.account())
    audit = audit_feed(firm, avatar=LOGO)
    advice = _advice(audit)
    assert "Alternate each job post with a tip, a story or a question" in advice
    assert "says it is an automated feed" not in (audit.caution or "")


def _quieted_feed() -> FeedBuilder:
    """A job feed of 14 openings, then 10 posts for job seekers, asked about listings 4 times
    and answering none."""
    feed = _ads(FeedBuilder("springjobs", display_name="Springfield Jobs Now", bio=FEED_BIO))
    for i in range(10):
        feed.post(f"Tip {i} for job seekers: which shoes do you wear for a long shift?")
    for i in range(4):
        feed.mention_by(f"seeker{i}", answered=False)
    return feed


def test_a_job_feed_keeping_ads_down_and_not_answering_is_told_what_a_feed_can_do() -> None:
    # it was told to "go on alternating each job post" and to "check your notifications every
    # morning", beside a bio that says no one reads them
    audit = audit_feed(_quieted_feed(), avatar=LOGO)
    headlines = [
        r.headline for p in audit.pillars.values() for r in p.recommendations if r.headline
    ]
    assert any(h.startswith("Keep job ads down") for h in headlines)
    assert any(h.startswith("Answer mentions: none of the 4") for h in headlines)
    advice = _advice(audit)
    assert "go on alternating each job post" not in advice
    assert "Check your notifications every morning" not in advice
    assert "keep it so, with one post a week among the openings that helps job seekers" in advice
    assert "People who tag a job feed are asking about a listing: answer them once a day" in advice


def test_every_headline_a_job_feed_gets_is_one_the_feed_advice_knows(monkeypatch: Any) -> None:
    # the feed's advice is fitted by its headline's first words: a headline renamed in its
    # pillar's module reached feeds unfitted, and no test said so
    seen: list[str] = []

    def record(pillars: Mapping[str, PillarResult]) -> None:
        seen.extend(r.headline for p in pillars.values() for r in p.recommendations if r.headline)
        fit_advice_to_job_feed(pillars)

    monkeypatch.setattr(engine, "fit_advice_to_job_feed", record)
    for feed, avatar in (
        (_ads(FeedBuilder("springjobs", display_name="Springfield Jobs Now", bio=FEED_BIO)), LOGO),
        (_quieted_feed(), None),
    ):
        audit_feed(feed, avatar=avatar)
    assert len(seen) >= 8
    assert [h for h in seen if not feed_knows_headline(h)] == []
